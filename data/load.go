// Package data owns kmdash's packs: the default one embedded in the binary
// and the loading of any other from YAML, with every problem reported as
// FILE:LINE:COL so that whoever wrote the pack can go straight to it.
package data

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/kmdash/kmdash/model"
)

// DefaultName is how the embedded pack is named in messages.
const DefaultName = "kunming-2025q3.yaml"

//go:embed packs/kunming-2025q3.yaml
var defaultPack []byte

// DefaultBytes is the embedded pack's YAML, for tests and `export`.
func DefaultBytes() []byte { return defaultPack }

// Default is the embedded pack. It is parsed once per process; a broken
// embedded pack is a build mistake that the tests catch.
var Default = sync.OnceValues(func() (*model.Pack, error) {
	return Load(DefaultName, defaultPack)
})

// Problem is one thing wrong in a pack file, at a line and column.
type Problem struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
}

// Problems is every problem found in one file, in file order. As an error
// it reads as one line per problem.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// LoadFile reads and checks the pack at path.
func LoadFile(path string) (*model.Pack, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, Problems{{File: path, Line: 1, Col: 1, Msg: "cannot read: " + err.Error()}}
	}
	return Load(path, b)
}

// Load parses and checks a pack. name is used in messages only.
func Load(name string, b []byte) (pack *model.Pack, err error) {
	// The YAML parser is third-party code fed with arbitrary files; a
	// panic inside it must still come out as a message, not a crash.
	defer func() {
		if recover() != nil {
			pack, err = nil, Problems{{File: name, Line: 1, Col: 1, Msg: "the YAML parser could not read this file"}}
		}
	}()
	if p, ok := notText(b); ok {
		p.File = name
		return nil, Problems{p}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	// Files saved on Windows end lines with CRLF, which the YAML parser
	// counts as two line breaks in comments (goccy/go-yaml#560), putting
	// every later problem on the wrong line; a CR before LF carries nothing.
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	file, err := parser.ParseBytes(b, 0)
	if err != nil {
		return nil, Problems{syntaxProblem(name, err)}
	}
	root, p := document(file)
	if root == nil {
		p.File = name
		return nil, Problems{p}
	}
	r := newReader()
	pack = r.decodePack(root)
	if len(r.problems) == 0 {
		for _, vp := range model.Validate(pack) {
			pos := r.locate(vp.Path)
			r.problems = append(r.problems, Problem{Line: pos.Line, Col: pos.Column, Msg: vp.Msg})
		}
	}
	if len(r.problems) > 0 {
		return nil, finish(name, r.problems)
	}
	return pack, nil
}

// notText spots binary input before the YAML parser does, so the answer
// is "this is not a text file" rather than a puzzling syntax error.
func notText(b []byte) (Problem, bool) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Problem{Line: 1, Col: 1, Msg: "the pack is empty"}, true
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return Problem{Line: line, Col: col, Msg: fmt.Sprintf("not UTF-8 text (byte 0x%02x): is this a binary file?", b[i])}, true
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f:
			return Problem{Line: line, Col: col, Msg: fmt.Sprintf("control character 0x%02x: is this a binary file?", r)}, true
		}
		i += size
		col++
	}
	return Problem{}, false
}

// document returns the single document's root node.
func document(f *ast.File) (ast.Node, Problem) {
	var bodies []ast.Node
	for _, d := range f.Docs {
		if d != nil && d.Body != nil {
			if _, comment := d.Body.(*ast.CommentGroupNode); !comment {
				bodies = append(bodies, d.Body)
			}
		}
	}
	switch len(bodies) {
	case 0:
		return nil, Problem{Line: 1, Col: 1, Msg: "the pack is empty (only comments or blank lines)"}
	case 1:
		return bodies[0], Problem{}
	}
	pos := position(bodies[1])
	return nil, Problem{Line: pos.Line, Col: pos.Column, Msg: "a pack is one YAML document; this file holds more than one"}
}

func syntaxProblem(name string, err error) Problem {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
		pos := ye.GetToken().Position
		return Problem{File: name, Line: pos.Line, Col: pos.Column, Msg: "YAML syntax: " + ye.GetMessage()}
	}
	return Problem{File: name, Line: 1, Col: 1, Msg: "YAML syntax: " + firstLine(err.Error())}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// locate finds the closest recorded position for a path, walking up to
// the enclosing element when the field itself is absent from the file.
func (r *reader) locate(path string) token.Position {
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := r.at[p]; ok {
			return pos
		}
	}
	return token.Position{Line: 1, Column: 1}
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		return ""
	}
	return p[:i]
}

func finish(name string, ps []Problem) Problems {
	for i := range ps {
		ps[i].File = name
		if ps[i].Line < 1 {
			ps[i].Line = 1
		}
		if ps[i].Col < 1 {
			ps[i].Col = 1
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
	return Problems(ps)
}
