package main

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/kmdash/kmdash/data"
	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// drawing reports whether r is a box-drawing, block, arrow or geometric
// character: what an ASCII frame and a description must not hold.
func drawing(r rune) bool {
	return r >= 0x2190 && r <= 0x21FF || r >= 0x2500 && r <= 0x25FF || r >= 0x2B00 && r <= 0x2BFF
}

// clearColourEnv keeps the shell the tests run in from choosing colours.
func clearColourEnv(t *testing.T) {
	for _, k := range []string{"NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLORTERM", "TERM", "COLORFGBG"} {
		t.Setenv(k, "")
	}
}

// TestRenderThemes: --theme light and --theme dark draw in their own
// palettes (asked for by name, they show even into a pipe), NO_COLOR and
// --color never still win, and a theme kmdash does not know is bad usage.
func TestRenderThemes(t *testing.T) {
	clearColourEnv(t)
	frames := map[string]string{}
	for _, theme := range []string{"light", "dark"} {
		for _, tab := range defaultTabs(t) {
			args := []string{"render", "--theme", theme, "--tab", tab, "--width", "120", "--height", "40", "--now", fixedNow}
			r := runCLI(t, args...)
			if r.code != exitOK {
				t.Fatalf("%v\n%s", args, r)
			}
			if !strings.Contains(r.stdout, "\x1b[") {
				t.Errorf("%s %s: no colour", theme, tab)
			}
			frames[theme+tab] = r.stdout
			if w := maxWidth(r.stdout); w > 120 {
				t.Errorf("%s %s: a line %d wide", theme, tab, w)
			}
		}
	}
	for _, tab := range defaultTabs(t) {
		light, dark := frames["light"+tab], frames["dark"+tab]
		if light == dark {
			t.Errorf("%s: light and dark themes draw the same frame", tab)
		}
		if ansi.Strip(light) != ansi.Strip(dark) {
			t.Errorf("%s: the themes should differ in colour only", tab)
		}
	}
	// The light palette's accent (25) and the dark one's (111).
	if !strings.Contains(frames["lighteconomy"], "38;5;25m") || strings.Contains(frames["lighteconomy"], "38;5;111m") {
		t.Errorf("--theme light should draw in the light palette")
	}
	if !strings.Contains(frames["darkeconomy"], "38;5;111m") {
		t.Errorf("--theme dark should draw in the dark palette")
	}
	if r := runCLI(t, "render", "--theme", "light", "--color", "never"); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("--color never outranks --theme")
	}
	t.Setenv("NO_COLOR", "1")
	if r := runCLI(t, "render", "--theme", "light"); strings.Contains(r.stdout, "\x1b[") {
		t.Errorf("NO_COLOR outranks --theme")
	}
	for _, bad := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"render", "--theme", "sepia"}, "--theme"},
		{map[string]string{"KMDASH_THEME": "sepia"}, []string{"render"}, "KMDASH_THEME"},
		{map[string]string{"KMDASH_ASCII": "maybe"}, []string{"render"}, "KMDASH_ASCII"},
	} {
		r := runEnv(t, bad.env, bad.args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, bad.want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 1 {
			t.Errorf("%v %v: want exit 2 and one line naming %s\n%s", bad.env, bad.args, bad.want, r)
		}
	}
	// KMDASH_THEME chooses the palette when --theme is absent; it is
	// not a request for colour into a pipe, so --color always shows it.
	t.Setenv("NO_COLOR", "")
	r := runEnv(t, map[string]string{"KMDASH_THEME": "light"}, "render", "--color", "always", "--now", fixedNow)
	if !strings.Contains(r.stdout, "38;5;25m") {
		t.Errorf("KMDASH_THEME=light should draw in the light palette\n%s", r)
	}
}

func maxWidth(frame string) int {
	w := 0
	for _, l := range lines(frame) {
		w = max(w, ansi.StringWidth(l))
	}
	return w
}

// TestRenderASCII renders every tab in both languages in ASCII: asked
// for with --ascii or KMDASH_ASCII=1, or chosen because the terminal
// draws ambiguous characters wide (RUNEWIDTH_EASTASIAN=1) or speaks GBK.
// No frame holds a drawing character, and every line fits when ambiguous
// characters count two cells, at the smallest size and larger ones.
func TestRenderASCII(t *testing.T) {
	t.Parallel()
	eastAsian := &runewidth.Condition{EastAsianWidth: true}
	ways := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"--ascii", nil, []string{"--ascii"}},
		{"KMDASH_ASCII=1", map[string]string{"KMDASH_ASCII": "1"}, nil},
		{"RUNEWIDTH_EASTASIAN=1", map[string]string{"RUNEWIDTH_EASTASIAN": "1"}, nil},
		{"LANG=zh_CN.GBK", map[string]string{"LANG": "zh_CN.GBK"}, nil},
	}
	for _, way := range ways {
		for _, lang := range model.Langs {
			for _, tab := range defaultTabs(t) {
				for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {200, 60}} {
					args := append(append(renderArgs(tab, size[0], size[1]), "--lang", string(lang)), way.args...)
					r := runEnv(t, way.env, args...)
					where := fmt.Sprintf("%s %s %s %dx%d", way.name, lang, tab, size[0], size[1])
					if r.code != exitOK {
						t.Fatalf("%s\n%s", where, r)
					}
					out := r.stdout
					if way.env["LANG"] != "" {
						decoded, err := simplifiedchinese.GB18030.NewDecoder().String(out)
						if err != nil {
							t.Fatalf("%s: %v", where, err)
						}
						out = decoded
					}
					ls := lines(out)
					if len(ls) != size[1] {
						t.Errorf("%s: %d lines, want %d", where, len(ls), size[1])
					}
					for i, l := range ls {
						if strings.ContainsFunc(l, drawing) {
							t.Errorf("%s: line %d draws outside ASCII: %q", where, i+1, l)
						}
						if w := eastAsian.StringWidth(l); w > size[0] {
							t.Errorf("%s: line %d is %d cells in an East Asian terminal: %q", where, i+1, w, l)
						}
					}
				}
			}
		}
	}
	// An explicit --ascii=false keeps box drawing, whatever chose ASCII.
	r := runEnv(t, map[string]string{"RUNEWIDTH_EASTASIAN": "1"}, append(renderArgs("economy", 100, 30), "--ascii=false")...)
	if !strings.Contains(r.stdout, "─") {
		t.Errorf("--ascii=false should draw box lines\n%s", r)
	}
}

// TestRenderGB18030 renders under a GBK locale: the bytes are GB18030,
// not UTF-8, and decode to the frame with its Chinese text.
func TestRenderGB18030(t *testing.T) {
	t.Parallel()
	r := runEnv(t, map[string]string{"LC_ALL": "zh_CN.GB18030"}, renderArgs("economy", 120, 40)...)
	if r.code != exitOK {
		t.Fatal(r)
	}
	if strings.Contains(r.stdout, "经济") {
		t.Errorf("the frame is UTF-8 under a GB18030 locale")
	}
	decoded, err := simplifiedchinese.GB18030.NewDecoder().String(r.stdout)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[1 经济]", "地区生产总值", "4294.78亿元", "当好排头兵"} {
		if !strings.Contains(decoded, want) {
			t.Errorf("decoded frame lacks %q:\n%s", want, decoded)
		}
	}
	// A UTF-8 locale is left alone.
	if r := runEnv(t, map[string]string{"LANG": "zh_CN.UTF-8"}, renderArgs("economy", 120, 40)...); !strings.Contains(r.stdout, "经济") {
		t.Errorf("a UTF-8 locale should get UTF-8")
	}
}

// TestDescribe: `kmdash describe --tab T` tells every tab's key figures
// (each card's headline figure, each initiative's name, each chart's
// figures) in plain text, with no drawing characters and no escape
// codes, in both languages; all tabs without --tab; an unknown tab is
// bad usage.
func TestDescribe(t *testing.T) {
	t.Parallel()
	pack, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range model.Langs {
		for _, tab := range pack.Tabs {
			r := runCLI(t, "describe", "--tab", string(tab.ID), "--lang", string(lang), "--now", fixedNow)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("%s %s\n%s", lang, tab.ID, r)
			}
			if strings.Contains(r.stdout, "\x1b") || strings.ContainsFunc(r.stdout, drawing) {
				t.Errorf("%s %s: drawing characters or escape codes in the description", lang, tab.ID)
			}
			var want []string
			for _, ind := range pack.Cards(tab) {
				want = append(want, ind.Name.In(lang))
				if o := pack.Headline(ind); o != nil {
					want = append(want, model.Figure(lang, o.Value, o.Qualifier, ind.Unit))
				}
			}
			for _, in := range pack.TabInitiatives(tab) {
				want = append(want, in.Name.In(lang))
			}
			for _, ch := range tab.Charts {
				for _, s := range ch.Series {
					ind := pack.Indicator(s.Indicator)
					for _, o := range pack.ChartPoints(ind, s.Region) {
						want = append(want, model.Figure(lang, o.Value, o.Qualifier, ind.Unit))
					}
				}
			}
			for _, g := range tab.Bars {
				for _, ref := range g.Items {
					ind, o := pack.Find(ref)
					want = append(want, model.Figure(lang, o.Value, o.Qualifier, ind.Unit))
				}
			}
			for _, w := range want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("%s %s: the description lacks %q", lang, tab.ID, w)
				}
			}
			for i, other := range pack.Tabs {
				heading := fmt.Sprintf(words.For(lang).Describe.Tab, i+1, len(pack.Tabs), other.Name.In(lang))
				if got := strings.Contains(r.stdout, heading); got != (other.ID == tab.ID) {
					t.Errorf("%s %s: heading %q shown %v", lang, tab.ID, heading, got)
				}
			}
			if !strings.Contains(r.stdout, pack.Sources[0].URL) {
				t.Errorf("%s %s: the sources should come at the end", lang, tab.ID)
			}
		}
		r := runCLI(t, "describe", "--lang", string(lang), "--now", fixedNow)
		for i, tab := range pack.Tabs {
			if !strings.Contains(r.stdout, fmt.Sprintf(words.For(lang).Describe.Tab, i+1, len(pack.Tabs), tab.Name.In(lang))) {
				t.Errorf("%s: describe without --tab lacks tab %s", lang, tab.ID)
			}
		}
	}
	if r := runCLI(t, "describe", "--tab", "weather"); r.code != exitUsage || !strings.Contains(r.stderr, "economy") {
		t.Errorf("an unknown tab should be bad usage naming the tabs\n%s", r)
	}
}

// TestLocalGB18030Terminal runs the dashboard on a pseudo-terminal whose
// locale is GBK, as a server reached with Xshell set to GBK would have
// it: what reaches the terminal is GB18030 in ASCII drawing, and Chinese
// typed in GB18030 reaches the search.
func TestLocalGB18030Terminal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs kmdash on a pseudo-terminal")
	}
	gb := func(s string) string {
		b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	env := terminalEnv("LANG=zh_CN.GBK", "KMDASH_THEME=dark")
	run := runOnTerminal(t, []string{kmdashBinary(t), "--now", fixedNow}, env, "", nil, "1-5", "/"+gb("贡献率")+"\x03")
	if strings.Contains(run.screen, "经济") {
		t.Errorf("UTF-8 Chinese reached a GBK terminal")
	}
	screen, err := simplifiedchinese.GB18030.NewDecoder().String(run.screen)
	if err != nil {
		t.Fatal(err)
	}
	text := ansi.Strip(screen)
	for _, want := range []string{"[1 经济]", "4294.78亿元", "对全省规上工业增速贡献率"} {
		if !strings.Contains(text, want) {
			t.Errorf("the decoded screen lacks %q", want)
		}
	}
	if strings.ContainsFunc(text, drawing) {
		t.Errorf("a GBK terminal should get ASCII drawing")
	}
}

// TestEastAsianProcess renders in a process started with
// RUNEWIDTH_EASTASIAN=1: the frame is the ASCII one laid out as
// everywhere else (the width measures inside kmdash are not switched to
// count ambiguous characters twice), and fits an East Asian terminal.
func TestEastAsianProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs kmdash")
	}
	args := []string{"render", "--width", "100", "--height", "30", "--color", "never", "--now", fixedNow}
	ea := exec.Command(kmdashBinary(t), args...)
	ea.Env = terminalEnv("RUNEWIDTH_EASTASIAN=1")
	got, err := ea.Output()
	if err != nil {
		t.Fatal(err)
	}
	plain := exec.Command(kmdashBinary(t), append(args, "--ascii")...)
	plain.Env = terminalEnv()
	want, err := plain.Output()
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("RUNEWIDTH_EASTASIAN=1 should draw the --ascii frame:\n%s\nwant\n%s", got, want)
	}
	eastAsian := &runewidth.Condition{EastAsianWidth: true}
	for i, l := range lines(string(got)) {
		if w := eastAsian.StringWidth(l); w > 100 {
			t.Errorf("line %d is %d cells in an East Asian terminal", i+1, w)
		}
	}
}

// TestScorecardGB18030: the text scorecard, read on the terminal, comes
// in GB18030 under a GBK locale; its JSON stays UTF-8.
func TestScorecardGB18030(t *testing.T) {
	t.Parallel()
	env := map[string]string{"LANG": "zh_CN.GBK"}
	text := runEnv(t, env, "scorecard")
	if text.code != exitOK || strings.Contains(text.stdout, "地区生产总值") {
		t.Fatalf("the text scorecard should be GB18030\n%s", text)
	}
	decoded, err := simplifiedchinese.GB18030.NewDecoder().String(text.stdout)
	if err != nil || !strings.Contains(decoded, "地区生产总值增速") {
		t.Errorf("decoded scorecard lacks its first indicator (%v):\n%s", err, decoded)
	}
	if js := runEnv(t, env, "scorecard", "--format", "json"); !strings.Contains(js.stdout, "地区生产总值") {
		t.Errorf("JSON should stay UTF-8\n%s", js)
	}
}
