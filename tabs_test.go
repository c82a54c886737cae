package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// sixthTab is a pack whose sixth tab, investment, is built from test
// figures only: tabs are the pack's, so it needs no code to work.
const sixthTab = "testdata/sixth-tab.yaml"

func TestSixthTabValidates(t *testing.T) {
	r := runCLI(t, "validate", sixthTab)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, sixthTab+": ok, 6 indicators") {
		t.Fatalf("validate %s\n%s", sixthTab, r)
	}
}

func TestSixthTabRenders(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range []struct{ w, h int }{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
			r := runCLI(t, append(renderArgs("investment", sz.w, sz.h), "--data", sixthTab, "--lang", lang)...)
			noCrash(t, r)
			if r.code != exitOK {
				t.Fatalf("%s %dx%d\n%s", lang, sz.w, sz.h, r)
			}
			ls := lines(r.stdout)
			for i, l := range ls {
				if w := ansi.StringWidth(l); w > sz.w {
					t.Errorf("%s %dx%d: line %d is %d wide", lang, sz.w, sz.h, i+1, w)
				}
			}
			if len(ls) != sz.h {
				t.Errorf("%s %dx%d: %d lines", lang, sz.w, sz.h, len(ls))
			}
			if sz.w < 80 {
				continue
			}
			// The tab bar numbers it 6 and marks it; its test figures show.
			tab := map[string]string{"zh": "[6 投资（测试）]", "en": "[6 Investment (test)]"}[lang]
			for _, want := range []string{tab, "3.9%", "128"} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("%s %dx%d: %q not on screen:\n%s", lang, sz.w, sz.h, want, r.stdout)
				}
			}
		}
	}
}

func TestSixthTabExports(t *testing.T) {
	r := runCLI(t, "export", "--data", sixthTab, "--format", "json")
	if r.code != exitOK {
		t.Fatalf("export json\n%s", r)
	}
	var e struct {
		Indicators []struct {
			ID, Tab string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &e); err != nil {
		t.Fatal(err)
	}
	tabs := map[string]string{}
	for _, ind := range e.Indicators {
		tabs[ind.ID] = ind.Tab
	}
	if tabs["test-investment-growth"] != "investment" || tabs["test-investment-projects"] != "investment" {
		t.Errorf("the investment tab's indicators are not exported on it: %v", tabs)
	}
	for _, format := range []string{"csv", "md"} {
		r := runCLI(t, "export", "--data", sixthTab, "--format", format)
		if r.code != exitOK || !strings.Contains(r.stdout, "test-investment-growth") && !strings.Contains(r.stdout, "固定资产投资增速（测试数据）") {
			t.Errorf("export %s lacks the investment tab\n%s", format, r)
		}
	}
}

// A tab that names an indicator the pack lacks is answered with the
// file, line and column of the name.
func TestSixthTabWithUnknownIndicator(t *testing.T) {
	b, err := os.ReadFile(sixthTab)
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(b), "cards: [test-investment-growth, test-investment-projects]",
		"cards: [test-investment-growth, test-investment-projects, test-investment-plans]", 1)
	if broken == string(b) {
		t.Fatal("the investment tab's cards line is not in the pack")
	}
	path := filepath.Join(t.TempDir(), "broken.yaml")
	if err := os.WriteFile(path, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	line, col := 0, 0
	for i, l := range strings.Split(broken, "\n") {
		if at := strings.Index(l, "test-investment-plans"); at >= 0 {
			line, col = i+1, len([]rune(l[:at]))+1
		}
	}
	r := runCLI(t, "validate", path)
	want := regexp.MustCompile(`^` + regexp.QuoteMeta(path) + `:(\d+):(\d+): unknown indicator "test-investment-plans"`)
	m := want.FindStringSubmatch(r.stdout)
	if r.code != exitFail || m == nil || m[1] != strconv.Itoa(line) || m[2] != strconv.Itoa(col) || len(lines(r.stdout)) != 1 {
		t.Errorf("want the one line %s:%d:%d: unknown indicator, exit 1\n%s", path, line, col, r)
	}
}

func TestRenderUnknownTabNamesThePacksTabs(t *testing.T) {
	r := runCLI(t, append(renderArgs("weather", 80, 24), "--data", sixthTab)...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "economy, industry, services, property, tourism, investment") {
		t.Errorf("want exit 2 naming the pack's six tabs\n%s", r)
	}
}
