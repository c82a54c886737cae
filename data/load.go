// Package data owns kmdash's packs: the default one embedded in the binary
// and the loading of any other from YAML, with every problem reported as
// FILE:LINE:COL so that whoever wrote the pack can go straight to it.
package data

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
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

// Default is the embedded pack, decoded when kmdash was built (see
// generate.go); a broken embedded pack is a build mistake that the tests
// catch. Only the generator's own build parses the YAML here.
var Default = sync.OnceValues(func() (*model.Pack, error) {
	if prebuilt != nil {
		return prebuilt, nil
	}
	return Load(DefaultName, defaultPack)
})

// Open is the pack at path, or the embedded one when path is empty (no
// --data given).
func Open(path string) (*model.Pack, error) {
	if path == "" {
		return Default()
	}
	return LoadFile(path)
}

// Problem is one thing wrong in a pack file, at a line and column, or
// (Line 0) about the file as a whole, such as its size.
type Problem struct {
	File string
	Line int
	Col  int
	Msg  string
}

// String is the one line a person reads: FILE:LINE:COL: what is wrong,
// or FILE: what is wrong where no place in the file applies.
func (p Problem) String() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
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

// LoadFile reads and checks the pack at path. The size is checked before
// the file is read, so pointing kmdash at a disk image costs nothing.
func LoadFile(path string) (*model.Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unreadable(path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > MaxSize {
		return nil, Problems{{File: path, Msg: tooBig(info.Size())}}
	}
	// A pipe or a device has no size to check first; it is read no
	// further than one byte past the limit.
	b, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, unreadable(path, err)
	}
	if len(b) > MaxSize {
		return nil, Problems{{File: path, Msg: fmt.Sprintf("the pack is larger than %s, the limit for packs", mibText(MaxSize))}}
	}
	return Load(path, b)
}

func unreadable(path string, err error) Problems {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problems{{File: path, Line: 1, Col: 1, Msg: "cannot read: " + err.Error()}}
}

// failed is the answer when reading a pack panics. The parser is
// third-party code fed with arbitrary files, and no file may crash
// kmdash; the fuzz tests make sure nothing they try ends here.
const failed = "kmdash failed while reading this file; please report it, with the file"

// Load parses and checks a pack. name is used in messages only.
func Load(name string, b []byte) (pack *model.Pack, err error) {
	if len(b) > MaxSize {
		return nil, Problems{{File: name, Msg: tooBig(int64(len(b)))}}
	}
	defer func() {
		if recover() != nil {
			pack, err = nil, Problems{{File: name, Line: 1, Col: 1, Msg: failed}}
		}
	}()
	b = normalize(b)
	pack, ps := load(b)
	if len(ps) > 0 {
		return nil, finish(name, ps, b)
	}
	return pack, nil
}

// load runs the checks from the cheapest to the dearest, so that what is
// not a pack is turned away before the parser spends time on it. b is
// normalized.
func load(b []byte) (*model.Pack, []Problem) {
	if p, bad := notText(b); bad {
		return nil, []Problem{p}
	}
	tks := lexer.Tokenize(string(b))
	if tks.InvalidToken() == nil {
		if ps := checkTokens(tks); len(ps) > 0 {
			return nil, ps
		}
	}
	file, err := parser.Parse(tks, 0)
	if err != nil {
		return nil, []Problem{syntaxProblem(err)}
	}
	root, p := document(file)
	if root == nil {
		return nil, []Problem{p}
	}
	r := newReader()
	pack := r.decodePack(root)
	if len(r.problems) == 0 {
		for _, vp := range model.Validate(pack) {
			pos := r.locate(vp.Path)
			r.problems = append(r.problems, Problem{Line: pos.Line, Col: pos.Column, Msg: vp.Msg})
		}
	}
	if len(r.problems) > 0 {
		return nil, r.problems
	}
	return pack, nil
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

func syntaxProblem(err error) Problem {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
		pos := ye.GetToken().Position
		return Problem{Line: pos.Line, Col: pos.Column, Msg: "YAML syntax: " + ye.GetMessage()}
	}
	return Problem{Line: 1, Col: 1, Msg: "YAML syntax: " + firstLine(err.Error())}
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

// maxProblems is how many problems are listed; past that, the first ones
// are what to fix, and the rest would only scroll them away.
const maxProblems = 100

// finish names the file in every problem, puts them in file order and
// makes each one line of reasonable length whatever the parser or a value
// in the file put into it. Every position is brought inside the file: the
// parser places an empty value ("date:" and nothing after) past the end of
// its line, and an editor asked to go there would stop short anyway.
func finish(name string, ps []Problem, text []byte) Problems {
	lines := bytes.Split(text, []byte("\n"))
	for i := range ps {
		ps[i].File = name
		ps[i].Line = min(max(ps[i].Line, 1), len(lines))
		ps[i].Col = min(max(ps[i].Col, 1), utf8.RuneCount(lines[ps[i].Line-1])+1)
		ps[i].Msg = oneLine(ps[i].Msg)
	}
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Col < ps[j].Col
	})
	if n := len(ps) - maxProblems; n > 0 {
		ps = append(ps[:maxProblems], Problem{File: name, Msg: fmt.Sprintf("%d more problems not listed; fix the ones above first", n)})
	}
	return Problems(ps)
}

// maxMessage is the longest message, in characters, that is printed whole.
const maxMessage = 300

// oneLine escapes line breaks and other control characters and cuts a
// message that would run on for screens.
func oneLine(msg string) string {
	var b strings.Builder
	n := 0
	for _, r := range msg {
		if n++; n > maxMessage {
			b.WriteString("…")
			break
		}
		if control(r) || r == '\n' {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
