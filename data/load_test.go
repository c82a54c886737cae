package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// problemLine is the form a problem takes: FILE:LINE:COL: message.
var problemLine = regexp.MustCompile(`^([^:\n]+):(\d+):(\d+): (\S[^\n]*)$`)

// fileProblemLine is the form of a problem no place in the file has, such
// as its size: FILE: message.
var fileProblemLine = regexp.MustCompile(`^([^:\n]+): (\S[^\n]*)$`)

// checkProblemText asserts err reads as one line per problem, each either
// FILE:LINE:COL: message or FILE: message, with no stack trace, and
// returns its lines.
func checkProblemText(t *testing.T, err error) []string {
	t.Helper()
	text := err.Error()
	for _, bad := range []string{"panic", "goroutine", ".go:"} {
		if strings.Contains(text, bad) {
			t.Errorf("error text contains %q:\n%s", bad, text)
		}
	}
	lines := strings.Split(text, "\n")
	for _, l := range lines {
		if !problemLine.MatchString(l) && !fileProblemLine.MatchString(l) {
			t.Errorf("problem %q is not one line of the form FILE:LINE:COL: message or FILE: message", l)
		}
	}
	return lines
}

// Each fixture in testdata/broken is testdata/minimal.yaml with one fault
// (its first line says which), so each must give exactly one problem, at
// the line and column where that fault was written.
func TestLoadFileBroken(t *testing.T) {
	tests := []struct {
		file   string
		line   int
		col    int // 0: the column is the parser's to choose
		phrase string
	}{
		// "    measure: yoy: level": the value starting at column 14
		// holds a second colon.
		{"syntax.yaml", 18, 14, "YAML syntax"},
		// "        period: " is 16 columns, so every value in an
		// observation's block mapping starts at column 17.
		{"period-month13.yaml", 21, 17, "month 13 does not exist"},
		{"period-reversed.yaml", 25, 17, "ends before it starts"},
		{"unknown-region.yaml", 24, 17, `unknown region "kunmig"`},
		{"unknown-source.yaml", 23, 17, `unknown source "kmrb-2025-09-32"`},
		// "        formula: " is 17 columns.
		{"bad-formula.yaml", 27, 18, "gives 4.2, not the value 4.3"},
		// "  - id: " is 8 columns; the second indicator starts on line 30.
		{"duplicate-id.yaml", 30, 9, `duplicate indicator id "gdp-growth"`},
		{"empty.yaml", 1, 1, "empty"},
		{"comments-only.yaml", 1, 1, "empty"},
		// The flow mapping opened at column 15 of line 28 never closes.
		{"truncated.yaml", 28, 15, "'}'"},
		// The quote opened at column 12 of line 11 never closes.
		{"truncated-quote.yaml", 11, 12, "double-quoted"},
		// A PNG header: 0x89 is not UTF-8.
		{"binary.yaml", 1, 1, "binary"},
		// "    title: 昆明" is 13 characters; the NUL is the 14th.
		{"nul-byte.yaml", 11, 14, "control character 0x00"},
		// The second document's first key, after "---" on line 30.
		{"multi-doc.yaml", 31, 1, "more than one"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "broken", tt.file)
			pack, err := LoadFile(path)
			if err == nil {
				t.Fatalf("LoadFile(%s) = %v, nil; want an error", path, pack.ID)
			}
			if pack != nil {
				t.Errorf("LoadFile(%s) returned a pack along with the error", path)
			}
			lines := checkProblemText(t, err)
			if len(lines) != 1 {
				t.Fatalf("want exactly one problem, got %d:\n%s", len(lines), err)
			}
			m := problemLine.FindStringSubmatch(lines[0])
			if m == nil {
				t.Fatal("no FILE:LINE:COL to check")
			}
			if m[1] != path {
				t.Errorf("file = %q, want %q", m[1], path)
			}
			if want := strconv.Itoa(tt.line); m[2] != want {
				t.Errorf("line = %s, want %s: %s", m[2], want, lines[0])
			}
			if tt.col != 0 && m[3] != strconv.Itoa(tt.col) {
				t.Errorf("column = %s, want %d: %s", m[3], tt.col, lines[0])
			}
			if !strings.Contains(m[4], tt.phrase) {
				t.Errorf("message %q does not say %q", m[4], tt.phrase)
			}
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Line != tt.line {
				t.Errorf("error is not Problems{one at line %d}: %#v", tt.line, err)
			}
		})
	}
}

// Problems in different places are all reported, one per line, in file
// order, whatever order the checks found them in.
func TestLoadSeveralProblems(t *testing.T) {
	b := readFixture(t, "minimal.yaml")
	b = bytes.Replace(b, []byte("source: kmrb-2025-09-23\n      - region: kunming"),
		[]byte("source: nowhere\n      - region: kunming"), 1) // line 23
	b = bytes.Replace(b, []byte("  - {id: yunnan, zh: 云南, en: Yunnan}"),
		[]byte("  - {id: kunming, zh: 云南, en: Yunnan}"), 1) // line 8, id at column 10
	_, err := Load("two.yaml", b)
	if err == nil {
		t.Fatal("want an error")
	}
	lines := checkProblemText(t, err)
	want := []string{
		`two.yaml:8:10: duplicate region id "kunming"`,
		`two.yaml:23:17: unknown source "nowhere"`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(lines), len(want), err)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("problem %d = %q, want %q", i+1, lines[i], want[i])
		}
	}
}

func TestLoadFileMissing(t *testing.T) {
	path := filepath.Join("testdata", "no-such-pack.yaml")
	_, err := LoadFile(path)
	if err == nil {
		t.Fatal("LoadFile of a missing file succeeded")
	}
	lines := checkProblemText(t, err)
	if len(lines) != 1 {
		t.Fatalf("want one line, got %q", err)
	}
	for _, phrase := range []string{path + ":", "cannot read", "no such file"} {
		if !strings.Contains(lines[0], phrase) {
			t.Errorf("%q does not say %q", lines[0], phrase)
		}
	}
}

func TestMinimalFixtureLoads(t *testing.T) {
	p, err := LoadFile(filepath.Join("testdata", "minimal.yaml"))
	if err != nil {
		t.Fatalf("the fixture the broken ones derive from must load: %v", err)
	}
	if got := len(p.Indicators); got != 1 {
		t.Fatalf("indicators = %d, want 1", got)
	}
	obs := p.Indicators[0].Obs
	if len(obs) != 2 || obs[1].Derived == nil || obs[1].Value.Text != "4.3" {
		t.Errorf("observations not read as written: %+v", obs)
	}
}

func TestDefaultPackLoads(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatalf("embedded pack: %v", err)
	}
	if probs := model.Validate(p); len(probs) != 0 {
		t.Errorf("embedded pack has problems: %v", probs)
	}
	if p.ID != "kunming-2025q3" || p.Date != "2025-09-22" {
		t.Errorf("pack %q dated %q, want kunming-2025q3 dated 2025-09-22", p.ID, p.Date)
	}
	onDisk, err := os.ReadFile(filepath.Join("packs", DefaultName))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(onDisk, DefaultBytes()) {
		t.Error("DefaultBytes differs from packs/" + DefaultName)
	}
	if _, err := LoadFile(filepath.Join("packs", DefaultName)); err != nil {
		t.Errorf("LoadFile of the shipped pack: %v", err)
	}
}

// A pack saved by a Windows editor has CRLF line ends and, often, a byte
// order mark. Neither may change what is read or where problems are said
// to be.
func TestLoadLineEndings(t *testing.T) {
	crlf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")) }
	bom := func(b []byte) []byte { return append([]byte("\xef\xbb\xbf"), b...) }
	for _, tt := range []struct {
		name string
		conv func([]byte) []byte
	}{{"crlf", crlf}, {"bom", bom}, {"bom+crlf", func(b []byte) []byte { return bom(crlf(b)) }}} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Load("minimal.yaml", tt.conv(readFixture(t, "minimal.yaml")))
			if err != nil {
				t.Fatalf("minimal pack: %v", err)
			}
			if p.Title.Zh != "昆明测试包" || p.Indicators[0].Obs[0].Source != "kmrb-2025-09-23" {
				t.Errorf("values changed: title %q, source %q", p.Title.Zh, p.Indicators[0].Obs[0].Source)
			}
			// period-month13.yaml has its fault on line 21, column 17,
			// after two comment lines.
			_, err = Load("f.yaml", tt.conv(readFixture(t, "broken/period-month13.yaml")))
			if err == nil {
				t.Fatal("want an error")
			}
			if got := checkProblemText(t, err); got[0] != `f.yaml:21:17: period "2025-13/2025-09": month 13 does not exist` {
				t.Errorf("got %q, want it at 21:17", got[0])
			}
		})
	}
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
