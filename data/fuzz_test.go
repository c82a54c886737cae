package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// The only forms a problem may take when the file is named fuzz.yaml.
var (
	fuzzProblem     = regexp.MustCompile(`^fuzz\.yaml:([1-9]\d*):([1-9]\d*): \S.*$`)
	fuzzFileProblem = regexp.MustCompile(`^fuzz\.yaml: \S.*$`)
)

// checkLoad is what Load must do with any input: return a pack that
// passes model.Validate and exports in every format, or problems that
// each read as one line of a documented form, point inside the file, and
// come out the same every time. A panic anywhere fails the fuzz run.
func checkLoad(t *testing.T, b []byte) {
	checkBounds(t, b)
	pack, err := Load("fuzz.yaml", b)
	if err == nil {
		if pack == nil {
			t.Fatal("no error and no pack")
		}
		if probs := model.Validate(pack); len(probs) != 0 {
			t.Fatalf("loaded, but Validate finds %v", probs)
		}
		checkExports(t, pack)
		checkReviewReports(t, pack)
		return
	}
	if pack != nil {
		t.Error("a pack returned with an error")
	}
	var ps Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("error is not a non-empty Problems: %#v", err)
	}
	text := err.Error()
	if strings.Contains(text, failed) {
		t.Fatalf("reading the file panicked: %s", text)
	}
	lines := strings.Split(text, "\n")
	if len(lines) != len(ps) {
		t.Fatalf("%d problems printed on %d lines: a message holds a newline:\n%s", len(ps), len(lines), text)
	}
	if len(ps) > maxProblems+1 {
		t.Fatalf("%d problems listed, want at most %d and a count", len(ps), maxProblems)
	}
	fileLines := strings.Split(string(normalize(b)), "\n")
	for i, l := range lines {
		if !utf8.ValidString(l) || utf8.RuneCountInString(ps[i].Msg) > maxMessage+1 {
			t.Fatalf("problem %q is not valid UTF-8 or is too long", l)
		}
		if fuzzFileProblem.MatchString(l) && ps[i].Line == 0 {
			continue
		}
		if !fuzzProblem.MatchString(l) {
			t.Fatalf("problem %q is not FILE:LINE:COL: message or FILE: message", l)
		}
		if ps[i].Line > len(fileLines) {
			t.Fatalf("problem %q points past the last line, %d", l, len(fileLines))
		}
		if width := utf8.RuneCountInString(fileLines[ps[i].Line-1]); ps[i].Col > width+1 {
			t.Fatalf("problem %q points past the end of its line, %d characters long", l, width)
		}
	}
	// The same input gives the same answer.
	if _, again := Load("fuzz.yaml", b); again == nil || again.Error() != text {
		t.Fatalf("second load differs:\n%s\n---\n%v", text, again)
	}
}

// checkBounds makes sure that whatever checkTokens lets through to the
// parser parses into a tree within the bounds it promises: no deeper
// than maxDepth, no block mapping with more than maxKeys keys, no more
// documents than markers allow.
func checkBounds(t *testing.T, b []byte) {
	b = normalize(b)
	if _, bad := notText(b); bad {
		return
	}
	tks := lexer.Tokenize(string(b))
	if tks.InvalidToken() != nil || len(checkTokens(tks)) > 0 {
		return
	}
	f, err := parser.Parse(tks, 0)
	if err != nil {
		return
	}
	if len(f.Docs) > maxMarkers+1 {
		t.Fatalf("%d documents passed the token checks", len(f.Docs))
	}
	for _, d := range f.Docs {
		if d != nil {
			checkTree(t, d.Body, 0)
		}
	}
}

func checkTree(t *testing.T, n ast.Node, depth int) {
	if depth > maxDepth {
		t.Fatalf("a tree %d deep passed the token checks", depth)
	}
	switch n := n.(type) {
	case *ast.MappingNode:
		if n == nil {
			return
		}
		if !n.IsFlowStyle && len(n.Values) > maxKeys {
			t.Fatalf("a mapping of %d keys passed the token checks", len(n.Values))
		}
		for _, kv := range n.Values {
			checkTree(t, kv.Key, depth+1)
			checkTree(t, kv.Value, depth+1)
		}
	case *ast.MappingValueNode:
		if n != nil {
			checkTree(t, n.Key, depth+1)
			checkTree(t, n.Value, depth+1)
		}
	case *ast.MappingKeyNode:
		if n != nil {
			checkTree(t, n.Value, depth)
		}
	case *ast.SequenceNode:
		if n == nil {
			return
		}
		for _, v := range n.Values {
			checkTree(t, v, depth+1)
		}
	}
}

// checkExports writes a loaded pack in every format: JSON that parses,
// and one CSV record and one Markdown table row per observation, which a
// value holding a line break or a stray | would break.
func checkExports(t *testing.T, p *model.Pack) {
	figures := 0
	for _, ind := range p.Indicators {
		figures += len(ind.Obs)
	}
	for _, format := range report.Formats {
		langs := model.Langs
		if format == "json" {
			langs = langs[:1] // JSON carries both languages at once
		}
		for _, lang := range langs {
			var out bytes.Buffer
			if err := report.Export(&out, p, report.Options{Format: format, Lang: lang, NoBOM: true}); err != nil {
				t.Fatalf("export %s %s: %v", format, lang, err)
			}
			switch format {
			case "json":
				var v struct {
					Indicators []struct {
						Observations []json.RawMessage `json:"observations"`
					} `json:"indicators"`
				}
				if !json.Valid(out.Bytes()) {
					t.Fatalf("export json is not JSON:\n%s", out.String())
				}
				if err := json.Unmarshal(out.Bytes(), &v); err != nil {
					t.Fatalf("export json: %v", err)
				}
				n := 0
				for _, ind := range v.Indicators {
					n += len(ind.Observations)
				}
				if n != figures {
					t.Fatalf("export json has %d observations, the pack %d", n, figures)
				}
			case "csv":
				records, err := csv.NewReader(&out).ReadAll()
				if err != nil {
					t.Fatalf("export csv: %v", err)
				}
				if len(records) != 1+figures+len(p.Initiatives) {
					t.Fatalf("export csv has %d records, want a header, %d figures and %d initiatives", len(records), figures, len(p.Initiatives))
				}
			case "md":
				// One table per indicator: a header row, then a row per
				// figure, each of five cells.
				rows := 0
				for _, l := range strings.Split(out.String(), "\n") {
					if strings.HasPrefix(l, "| ") {
						rows++
						if cells := len(strings.Split(strings.ReplaceAll(l, `\|`, ""), "|")); cells != 7 {
							t.Fatalf("markdown row with %d cells: %q", cells-2, l)
						}
					}
				}
				if rows != len(p.Indicators)+figures {
					t.Fatalf("export md has %d table rows, want a header per indicator and %d figures:\n%s", rows, figures, out.String())
				}
			}
		}
	}
}

// fixtures is every pack under testdata: the minimal one and its broken
// variants.
func fixtures(f *testing.F) map[string][]byte {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	broken, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	if len(paths)+len(broken) < 10 {
		f.Fatalf("fixtures missing: %v %v", paths, broken)
	}
	out := map[string][]byte{}
	for _, path := range append(paths, broken...) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		out[path] = b
	}
	return out
}

func FuzzLoad(f *testing.F) {
	f.Add(DefaultBytes())
	for _, b := range fixtures(f) {
		f.Add(b)
	}
	for _, c := range edgeCases {
		f.Add(c.input(f))
	}
	f.Add(bytes.ReplaceAll(DefaultBytes(), []byte("\n"), []byte("\r\n")))
	f.Add(billionLaughs())
	f.Add(manyIndicators(3))
	// YAML features a pack refuses, to lead the fuzzer into them.
	for _, s := range []string{
		"pack: &a x\ntitle: *a\n",
		"pack: !!str x\n",
		"<<: {pack: x}\n",
		"? [pack]\n: x\n",
		"pack: |\n  x\n  y\ntitle: >-\n  z\n",
		"indicators: [[[[{]]]]\n",
		"pack: 'it''s'\ntitle: \"\\u00e9\"\n",
		"%YAML 1.2\n---\npack: x\n...\n",
		"- a\n- b\n",
		"pack: x\npack: y\n",
		"pack: \"\\e]0;owned\\a\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkLoad)
}

// FuzzValidate changes one line of a valid pack, the shipped one or
// testdata/minimal.yaml, so that most inputs still parse as YAML and reach
// the reader and model.Validate, which whole-file mutations seldom do.
func FuzzValidate(f *testing.F) {
	minimal := readFixture(f, "minimal.yaml")
	bases := [][]byte{minimal, DefaultBytes()}
	// Each broken fixture is minimal.yaml with some lines changed.
	lines := strings.Split(string(minimal), "\n")
	for _, b := range fixtures(f) {
		for i, l := range strings.Split(string(b), "\n") {
			if i < len(lines) && l != lines[i] && !strings.HasPrefix(l, "#") {
				f.Add(uint8(0), uint16(i), l)
			}
		}
	}
	// Every line of these kinds is a seed; -short takes the first few of
	// each kind, as each seed reads and exports the whole shipped pack.
	seeded := map[string]int{}
	for i, l := range strings.Split(string(DefaultBytes()), "\n") {
		for _, kind := range []string{"formula:", "unit:", "period:"} {
			if strings.Contains(l, kind) && (!testing.Short() || seeded[kind] < 3) {
				f.Add(uint8(1), uint16(i), strings.Replace(l, "0", "1", 1))
				seeded[kind]++
				break
			}
		}
	}
	for _, seed := range []struct {
		line int
		text string
	}{
		{7, "  - {id: kunming, zh: 昆明市}"},
		{16, ""},
		{16, "    unit:"},
		{17, "    measure: count"},
		{19, "      - region: \"kun\\nming\""},
		{20, "        period: 2025-06/2025-01"},
		{21, "        value: 123456789012345678901"},
		{26, "        formula: 4.5 - 0.2"},
		{27, "        from: {region: kunming, period: 2025-01/2025-06, indicator: gdp-growth}"},
		{10, "    title: \"\\x9b31m\""},
	} {
		f.Add(uint8(0), uint16(seed.line), seed.text)
	}
	f.Fuzz(func(t *testing.T, base uint8, line uint16, text string) {
		lines := strings.Split(string(bases[int(base)%len(bases)]), "\n")
		lines[int(line)%len(lines)] = text
		checkLoad(t, []byte(strings.Join(lines, "\n")))
	})
}
