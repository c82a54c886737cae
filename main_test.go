package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/data"
	"github.com/kmdash/kmdash/model"
)

// fixedNow keeps the tourism calendar's "this month" stable.
const fixedNow = "2025-09-22"

// helpHint is the pointer run adds under every usage error.
const helpHint = "Run 'kmdash --help' for usage."

type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs kmdash in an empty environment, so that the tester's own
// locale cannot change what the tests see.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	return runEnv(t, nil, args...)
}

func runEnv(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, func(k string) string { return env[k] }, &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s\n--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func noCrash(t *testing.T, r result) {
	t.Helper()
	for _, s := range []string{r.stdout, r.stderr} {
		if strings.Contains(s, "panic") || strings.Contains(s, "goroutine ") {
			t.Fatalf("output shows a crash:\n%s", r)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"help", []string{"--help"}, "Usage:"},
		{"short help", []string{"-h"}, "Usage:"},
		{"help command", []string{"help"}, "Usage:"},
		{"help command with flags", []string{"--lang", "en", "help"}, "Usage:"},
		{"render help", []string{"render", "--help"}, "render:"},
		{"export help", []string{"export", "--help"}, "export:"},
		{"validate help", []string{"validate", "--help"}, "validate"},
		{"version", []string{"--version"}, "kmdash " + version},
		{"version after command", []string{"export", "--version"}, "kmdash " + version},
	}
	help := runCLI(t, "--help").stdout
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args...)
			if r.code != exitOK {
				t.Fatalf("want exit 0\n%s", r)
			}
			if strings.HasPrefix(tc.name, "help command") && r.stdout != help {
				t.Errorf("kmdash help differs from kmdash --help:\n%s", r.stdout)
			}
			if !strings.Contains(r.stdout, tc.want) {
				t.Errorf("stdout lacks %q\n%s", tc.want, r)
			}
			if r.stderr != "" {
				t.Errorf("stderr not empty\n%s", r)
			}
		})
	}
}

func TestBadUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string // what the message must name
	}{
		{"unknown command", []string{"bogus"}, `"bogus"`},
		{"unknown global flag", []string{"--bogus"}, "-bogus"},
		{"unknown flag after command", []string{"render", "--bogus"}, "-bogus"},
		{"export flag on render", []string{"render", "--format", "json"}, "-format"},
		{"bad lang", []string{"--lang", "fr", "render"}, "--lang"},
		{"bad lang after command", []string{"render", "--lang", "fr"}, `"fr"`},
		{"bad now", []string{"--now", "2025-13-01", "render"}, "--now"},
		{"bad now form", []string{"render", "--now", "22/09/2025"}, "YYYY-MM-DD"},
		{"zero width", []string{"render", "--width", "0"}, "--width"},
		{"huge width", []string{"render", "--width", "100000"}, "--width"},
		{"negative height", []string{"render", "--height", "-3"}, "--height"},
		{"width not a number", []string{"render", "--width", "abc"}, "-width"},
		{"unknown tab", []string{"render", "--tab", "nope"}, `--tab "nope"`},
		{"bad color", []string{"render", "--color", "sometimes"}, "--color"},
		{"bad export format", []string{"export", "--format", "xml"}, `--format "xml"`},
		{"bad format before a pack that cannot be read", []string{"export", "--format", "xml", "--data", "/no/such/pack.yaml"}, `--format "xml"`},
		{"render wider than the dashboard", []string{"render", "--width", "401"}, "400"},
		{"stray argument", []string{"render", "extra.txt"}, `"extra.txt"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args...)
			noCrash(t, r)
			if r.code != exitUsage {
				t.Fatalf("want exit 2\n%s", r)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty\n%s", r)
			}
			ls := lines(r.stderr)
			// One line naming the problem, then only the pointer to --help.
			if len(ls) == 0 || len(ls) > 2 || (len(ls) == 2 && ls[1] != helpHint) {
				t.Fatalf("want one message line (plus the --help pointer)\n%s", r)
			}
			if !strings.HasPrefix(ls[0], "kmdash: ") || !strings.Contains(ls[0], tc.want) {
				t.Errorf("message %q should start with \"kmdash: \" and name %q", ls[0], tc.want)
			}
		})
	}
}

func renderArgs(tab string, w, h int) []string {
	return []string{"render", "--tab", tab, "--width", fmt.Sprint(w), "--height", fmt.Sprint(h), "--color", "never", "--now", fixedNow}
}

func TestGlobalFlagsBeforeOrAfterCommand(t *testing.T) {
	t.Parallel()
	base := []string{"--tab", "economy", "--width", "100", "--height", "30", "--color", "never"}
	variants := map[string][]string{
		"before":        append([]string{"--lang", "en", "--now", fixedNow, "render"}, base...),
		"after":         append(append([]string{"render", "--lang", "en"}, base...), "--now", fixedNow),
		"at the end":    append(append([]string{"render"}, base...), "--lang", "en", "--now", fixedNow),
		"split":         append(append([]string{"--lang", "en", "render"}, base...), "--now", fixedNow),
		"equals syntax": append([]string{"--lang=en", "render", "--now=" + fixedNow}, base...),
		"single dash":   append([]string{"-lang", "en", "render", "-now", fixedNow}, base...),
	}
	var want string
	for _, name := range []string{"before", "after", "at the end", "split", "equals syntax", "single dash"} {
		r := runCLI(t, variants[name]...)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%s: %v\n%s", name, variants[name], r)
		}
		if want == "" {
			want = r.stdout
			if !strings.Contains(want, "Economy") {
				t.Fatalf("--lang en did not give an English frame:\n%s", want)
			}
			continue
		}
		if r.stdout != want {
			t.Errorf("%s: %v gives a different frame:\n%s\nwant:\n%s", name, variants[name], r.stdout, want)
		}
	}
}

func TestDataFlagBeforeOrAfterCommand(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "ok.yaml")
	if err := os.WriteFile(path, []byte(miniPack), 0o644); err != nil {
		t.Fatal(err)
	}
	before := runCLI(t, append([]string{"--data", path}, renderArgs("economy", 80, 24)...)...)
	after := runCLI(t, append(renderArgs("economy", 80, 24), "--data", path)...)
	for _, r := range []result{before, after} {
		if r.code != exitOK || !strings.Contains(r.stdout, "pack mini") && !strings.Contains(r.stdout, "数据包 mini") {
			t.Fatalf("--data pack not used\n%s", r)
		}
	}
	if before.stdout != after.stdout {
		t.Errorf("--data before and after render differ:\n%s\n---\n%s", before.stdout, after.stdout)
	}
}

// keyFigures are strings a tab must show from 80×24 up, taken from the
// pack: every initiative's name and every card's headline figure.
func keyFigures(t *testing.T, pack *model.Pack, tab *model.Tab, lang model.Lang) []string {
	t.Helper()
	var out []string
	for _, in := range pack.TabInitiatives(tab) {
		out = append(out, in.Name.In(lang))
	}
	for _, ind := range pack.Cards(tab) {
		o := pack.Headline(ind)
		if o == nil {
			// Only a target so far (retail sales, investment): its card
			// says so, and its figure is the target's.
			if len(ind.Obs) == 0 || !ind.Obs[0].Target {
				t.Fatalf("indicator %s has no headline figure and no target", ind.ID)
			}
			o = ind.Obs[0]
		}
		// The figure in the reader's number form (model.Figure is
		// table-tested on its own), without the qualifier a card may
		// set apart.
		out = append(out, model.Figure(lang, o.Value, model.Exact, ind.Unit))
	}
	if len(out) == 0 {
		t.Fatalf("no key figures for tab %s", tab.ID)
	}
	return out
}

// Without --lang, KMDASH_LANG and then the locale choose the language;
// --lang always wins.
func TestLanguageFromEnvironment(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string // a word only that language's header has
	}{
		{"no locale", nil, nil, "数据包"},
		{"English locale", map[string]string{"LANG": "en_US.UTF-8"}, nil, "pack"},
		{"LC_MESSAGES", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, nil, "pack"},
		{"KMDASH_LANG over LC_ALL", map[string]string{"KMDASH_LANG": "zh", "LC_ALL": "en_US.UTF-8"}, nil, "数据包"},
		{"--lang over KMDASH_LANG", map[string]string{"KMDASH_LANG": "en"}, []string{"--lang", "zh"}, "数据包"},
	}
	for _, c := range cases {
		r := runEnv(t, c.env, append(renderArgs("economy", 120, 40), c.args...)...)
		if r.code != exitOK {
			t.Fatalf("%s: %s", c.name, r)
		}
		if first := lines(r.stdout)[0]; !strings.Contains(first, c.want) {
			t.Errorf("%s: header %q lacks %q", c.name, first, c.want)
		}
	}
}

// defaultTabs are the embedded pack's tab ids, so a tab added to it is
// tested too.
func defaultTabs(t *testing.T) []string {
	t.Helper()
	pack, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	return pack.TabIDs()
}

func TestRenderFitsEveryTabAndSize(t *testing.T) {
	t.Parallel()
	pack, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	sizes := []struct{ w, h int }{{60, 20}, {80, 24}, {120, 40}, {200, 60}}
	for _, lang := range model.Langs {
		for _, tab := range pack.Tabs {
			want := keyFigures(t, pack, tab, lang)
			for _, sz := range sizes {
				name := fmt.Sprintf("%s/%s/%dx%d", lang, tab.ID, sz.w, sz.h)
				t.Run(name, func(t *testing.T) {
					r := runCLI(t, append(renderArgs(string(tab.ID), sz.w, sz.h), "--lang", string(lang))...)
					noCrash(t, r)
					if r.code != exitOK || r.stderr != "" {
						t.Fatalf("render failed\n%s", r)
					}
					if strings.Contains(r.stdout, "\x1b[") {
						t.Errorf("--color never printed escape sequences")
					}
					ls := lines(r.stdout)
					if len(ls) == 0 || len(ls) > sz.h {
						t.Errorf("%d lines, want 1..%d", len(ls), sz.h)
					}
					for i, l := range ls {
						if w := ansi.StringWidth(l); w > sz.w {
							t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, w, sz.w, l)
						}
					}
					if sz.w < 80 || sz.h < 24 {
						return
					}
					for _, s := range want {
						if !strings.Contains(r.stdout, s) {
							t.Errorf("key figure %q not visible:\n%s", s, r.stdout)
						}
					}
				})
			}
		}
	}
}

func TestExport(t *testing.T) {
	t.Parallel()
	pack, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	figures := 0
	for _, ind := range pack.Indicators {
		figures += len(ind.Obs)
	}
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"json", []string{"export", "--format", "json"}, func(t *testing.T, out string) {
			var got struct {
				Pack       string `json:"pack"`
				Date       string `json:"date"`
				Indicators []struct {
					ID           string            `json:"id"`
					Observations []json.RawMessage `json:"observations"`
				} `json:"indicators"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if got.Pack != pack.ID || got.Date != pack.Date {
				t.Errorf("pack %q date %q, want %q %q", got.Pack, got.Date, pack.ID, pack.Date)
			}
			n := 0
			for _, ind := range got.Indicators {
				n += len(ind.Observations)
			}
			if len(got.Indicators) != len(pack.Indicators) || n != figures {
				t.Errorf("%d indicators, %d observations; want %d, %d", len(got.Indicators), n, len(pack.Indicators), figures)
			}
		}},
		{"json is the default", []string{"export"}, func(t *testing.T, out string) {
			if !json.Valid([]byte(out)) {
				t.Errorf("default export is not JSON")
			}
		}},
		{"csv", []string{"export", "--format", "csv"}, func(t *testing.T, out string) {
			body, bom := strings.CutPrefix(out, "\uFEFF")
			if !bom {
				t.Errorf("CSV does not start with the UTF-8 BOM Excel needs")
			}
			rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatalf("not CSV: %v", err)
			}
			if len(rows) != 1+figures+len(pack.Initiatives) {
				t.Errorf("%d rows, want a header, %d figures and %d initiatives", len(rows), figures, len(pack.Initiatives))
			}
			if !strings.Contains(body, "观鸥季") || !strings.Contains(body, "米轨游") {
				t.Errorf("CSV lacks the initiatives")
			}
		}},
		{"csv without BOM", []string{"export", "--format", "csv", "--no-bom", "--lang", "en"}, func(t *testing.T, out string) {
			if !strings.HasPrefix(out, "Tab,") {
				t.Errorf("CSV --no-bom --lang en starts %q", out[:min(len(out), 20)])
			}
		}},
		{"md", []string{"export", "--format", "md"}, func(t *testing.T, out string) {
			if !strings.Contains(out, pack.Title.Zh) || !strings.Contains(out, "|---") {
				t.Errorf("markdown lacks the title or a table:\n%s", out)
			}
		}},
		{"md in English", []string{"--lang", "en", "export", "--format", "md"}, func(t *testing.T, out string) {
			if !strings.Contains(out, pack.Title.En) {
				t.Errorf("markdown lacks the English title")
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("export failed\n%s", r)
			}
			tc.check(t, r.stdout)
		})
	}
}

func TestValidateShippedPack(t *testing.T) {
	t.Parallel()
	r := runCLI(t, "validate")
	if r.code != exitOK || r.stderr != "" || !strings.Contains(r.stdout, "ok") {
		t.Fatalf("validate of the embedded pack\n%s", r)
	}
	path := filepath.Join(t.TempDir(), "kunming.yaml")
	if err := os.WriteFile(path, data.DefaultBytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, "validate", path)
	if r.code != exitOK || r.stderr != "" || !strings.HasPrefix(r.stdout, path+": ok") {
		t.Fatalf("validate of the shipped pack as a file\n%s", r)
	}
}

// miniPack is a small valid pack the broken fixtures are made from.
const miniPack = `pack: mini
title: {zh: 测试, en: Test}
date: 2025-09-22
regions:
  - {id: kunming, zh: 昆明, en: Kunming}
sources:
  - {id: src, title: 来源, date: 2025-09-23}
indicators:
  - id: gdp
    tab: economy
    name: {zh: 地区生产总值, en: GDP}
    unit: {zh: 亿元, en: yuan}
    measure: level
    observations:
      - {region: kunming, period: 2025-01/2025-06, value: 4294.78, source: src}
  - id: growth
    tab: economy
    name: {zh: 增速, en: Growth}
    unit: "%"
    measure: yoy
    observations:
      - {region: kunming, period: 2025-01/2025-06, value: 4.4, source: src}
tabs:
  - {id: economy, name: {zh: 经济, en: Economy}, cards: [gdp, growth]}
`

// breakLine returns miniPack with line n (1-based) replaced.
func breakLine(t *testing.T, n int, with string) string {
	t.Helper()
	ls := strings.Split(miniPack, "\n")
	if n < 1 || n > len(ls) {
		t.Fatalf("miniPack has no line %d", n)
	}
	ls[n-1] = with
	return strings.Join(ls, "\n")
}

var problemLine = regexp.MustCompile(`^(.+):(\d+):(\d+): \S`)

func TestBrokenPacks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		content func(t *testing.T) string
		line    int
		want    string // a word the message must contain
	}{
		{"syntax error", func(t *testing.T) string {
			return breakLine(t, 2, "title: {zh: 测试, en: [Test}")
		}, 2, "syntax"},
		{"unknown region", func(t *testing.T) string {
			return breakLine(t, 22, "      - {region: tibet, period: 2025-01/2025-06, value: 4.4, source: src}")
		}, 22, "tibet"},
		{"duplicate id", func(t *testing.T) string {
			return breakLine(t, 16, "  - id: gdp")
		}, 16, "duplicate"},
		{"unknown key", func(t *testing.T) string {
			return breakLine(t, 13, "    measur: level")
		}, 13, "measur"},
		{"tab naming an unknown indicator", func(t *testing.T) string {
			return breakLine(t, 24, "  - {id: economy, name: {zh: 经济, en: Economy}, cards: [gdp, growht]}")
		}, 24, "growht"},
		{"empty", func(t *testing.T) string { return "" }, 1, "empty"},
		{"only comments", func(t *testing.T) string { return "# nothing here\n\n" }, 1, "empty"},
		{"binary", func(t *testing.T) string {
			return "pack: mini\ntitle: x\n\x00\x01\x02\xff\xfe"
		}, 3, "binary"},
		{"not UTF-8", func(t *testing.T) string {
			return "pack: mini\n\xff\xfe\xfd\n"
		}, 2, "UTF-8"},
	}
	dir := t.TempDir()
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("broken%d.yaml", i))
			if err := os.WriteFile(path, []byte(tc.content(t)), 0o644); err != nil {
				t.Fatal(err)
			}
			checkProblems := func(t *testing.T, r result, ls []string) {
				t.Helper()
				noCrash(t, r)
				if r.code != exitFail {
					t.Fatalf("want exit 1\n%s", r)
				}
				found := false
				for _, l := range ls {
					m := problemLine.FindStringSubmatch(l)
					if m == nil {
						t.Errorf("line %q is not FILE:LINE:COL: message", l)
						continue
					}
					if m[1] != path {
						t.Errorf("line %q names %q, want %q", l, m[1], path)
					}
					if m[2] == fmt.Sprint(tc.line) && strings.Contains(l, tc.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem at line %d mentioning %q\n%s", tc.line, tc.want, r)
				}
			}
			t.Run("render", func(t *testing.T) {
				r := runCLI(t, append([]string{"--data", path}, renderArgs("economy", 80, 24)...)...)
				if r.stdout != "" {
					t.Errorf("render printed a frame from a broken pack\n%s", r)
				}
				checkProblems(t, r, lines(r.stderr))
			})
			t.Run("validate", func(t *testing.T) {
				r := runCLI(t, "validate", path)
				// validate lists the problems on stdout and ends with
				// one summary line on stderr; accept the located lines
				// on either stream.
				var ls []string
				for _, l := range append(lines(r.stdout), lines(r.stderr)...) {
					if l != "kmdash: validation failed" {
						ls = append(ls, l)
					}
				}
				checkProblems(t, r, ls)
			})
		})
	}
}

func TestMissingDataFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "absent.yaml")
	tests := []struct {
		name string
		args []string
	}{
		{"render", append([]string{"--data", path}, renderArgs("economy", 80, 24)...)},
		{"export", []string{"export", "--data", path}},
		{"tui", []string{"--data", path}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, tc.args...)
			noCrash(t, r)
			if r.code != exitFail || r.stdout != "" {
				t.Fatalf("want exit 1 and no output\n%s", r)
			}
			ls := lines(r.stderr)
			if len(ls) != 1 || !strings.HasPrefix(ls[0], path+":1:1: ") {
				t.Errorf("want one line %q…\n%s", path+":1:1: ", r)
			}
		})
	}
	r := runCLI(t, "validate", path)
	if r.code != exitFail || !strings.Contains(r.stdout+r.stderr, path+":1:1: ") {
		t.Errorf("validate of a missing file\n%s", r)
	}
}

// sgr256 and sgrTrue find 256-colour and true-colour SGR parameters.
var (
	sgr256  = regexp.MustCompile(`\x1b\[[0-9;:]*[34]8[;:]5[;:]`)
	sgrTrue = regexp.MustCompile(`\x1b\[[0-9;:]*[34]8[;:]2[;:]`)
)

// TestRenderColourIntoAPipe renders into a bytes.Buffer, which is not a
// terminal, under the environments a pipe or a CI job may have: --color
// auto gives plain text there, --color always gives colour all the same,
// and neither a dumb nor an unknown TERM breaks the frame.
func TestRenderColourIntoAPipe(t *testing.T) {
	tests := []struct {
		name   string
		color  string
		env    map[string]string
		colour bool // escape codes expected
	}{
		{"auto", "auto", nil, false},
		{"always", "always", nil, true},
		{"never", "never", nil, false},
		{"auto TERM=dumb", "auto", map[string]string{"TERM": "dumb"}, false},
		{"always TERM=dumb", "always", map[string]string{"TERM": "dumb"}, true},
		{"auto unknown TERM", "auto", map[string]string{"TERM": "kmdash-no-such-terminal"}, false},
		{"always unknown TERM", "always", map[string]string{"TERM": "kmdash-no-such-terminal"}, true},
		{"auto no TERM", "auto", map[string]string{"TERM": ""}, false},
		{"auto TERM=xterm-256color", "auto", map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"}, false},
		{"auto NO_COLOR", "auto", map[string]string{"NO_COLOR": "1", "TERM": "xterm-256color"}, false},
		// An explicit flag outranks the environment, as no-color.org asks.
		{"always NO_COLOR", "always", map[string]string{"NO_COLOR": "1"}, true},
		{"never CLICOLOR_FORCE", "never", map[string]string{"CLICOLOR_FORCE": "1"}, false},
		{"auto CLICOLOR_FORCE", "auto", map[string]string{"CLICOLOR_FORCE": "1"}, true},
	}
	plain := runCLI(t, renderArgs("tourism", 80, 24)...)
	if plain.code != exitOK || strings.Contains(plain.stdout, "\x1b") {
		t.Fatalf("plain render\n%s", plain)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A clean slate: the test must not read the colour settings of
			// the shell it runs in.
			for _, k := range []string{"NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM"} {
				t.Setenv(k, "")
			}
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			for _, tab := range defaultTabs(t) {
				for _, sz := range []struct{ w, h int }{{80, 24}, {120, 40}} {
					args := []string{"render", "--tab", string(tab), "--width", fmt.Sprint(sz.w), "--height", fmt.Sprint(sz.h), "--color", tc.color, "--now", fixedNow}
					r := runCLI(t, args...)
					noCrash(t, r)
					if r.code != exitOK || r.stderr != "" {
						t.Fatalf("%v\n%s", args, r)
					}
					where := fmt.Sprintf("%s %dx%d", tab, sz.w, sz.h)
					if got := strings.Contains(r.stdout, "\x1b["); got != tc.colour {
						t.Errorf("%s: escape codes %v, want %v", where, got, tc.colour)
					}
					if sgrTrue.MatchString(r.stdout) {
						t.Errorf("%s: true-colour codes in a frame for a pipe", where)
					}
					if tc.color == "auto" && sgr256.MatchString(r.stdout) {
						t.Errorf("%s: 256-colour codes with --color auto into a pipe (CLICOLOR_FORCE asks for 16 at most)", where)
					}
					ls := lines(r.stdout)
					if len(ls) != sz.h {
						t.Errorf("%s: %d lines, want %d", where, len(ls), sz.h)
					}
					for i, l := range ls {
						if w := ansi.StringWidth(l); w > sz.w {
							t.Errorf("%s: line %d is %d cells wide: %q", where, i+1, w, l)
						}
					}
					if tab != "tourism" || sz.w != 80 {
						continue
					}
					// Colour changes how the frame looks, never what it says.
					for i, l := range ls {
						if got, want := strings.TrimRight(ansi.Strip(l), " "), lines(plain.stdout)[i]; got != want {
							t.Errorf("%s: line %d without its colour reads %q, want %q", where, i+1, got, want)
						}
					}
				}
			}
		})
	}
}
