package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

// S shows the scorecard, zh and en, at every width from the smallest:
// GDP growth 4.4 against about 5 (−0.6, behind) and industry 6.7 against
// about 6 (+0.7, ahead), the status rule, and nothing wider than the
// window. q and esc close it.
func TestScorecardOverlay(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang model.Lang
		want []string // on the first screen of the overlay, top to bottom
		rule string
	}{
		{model.Zh, []string{"全年目标对照", "地区生产总值增速", "4.4%", "5%左右", "−0.6", "▼ 低于目标", "规上工业增加值增速", "6.7%", "6%左右", "+0.7", "▲ 高于目标"}, "状态规则"},
		{model.En, []string{"Scorecard", "GDP growth", "4.4%", "about 5%", "−0.6", "▼ behind", "Industrial value added", "6.7%", "about 6%", "+0.7", "▲ ahead"}, "Status rule"},
	}
	for _, c := range cases {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 40}, {120, 40}, {200, 60}} {
			t.Run(fmt.Sprint(c.lang, size), func(t *testing.T) {
				a := newApp(t, Options{Lang: c.lang}, size[0], size[1])
				press(a, "S")
				if a.scorecard == nil {
					t.Fatal("S opened no scorecard")
				}
				all := ansi.Strip(a.scorecardText())
				at := 0
				for _, w := range c.want {
					i := strings.Index(all[at:], w)
					if i < 0 {
						t.Fatalf("the scorecard lacks %q after %q:\n%s", w, all[:at], all)
					}
					at += i + len(w)
				}
				if !strings.Contains(all, c.rule) {
					t.Errorf("the scorecard states no rule (%q)", c.rule)
				}
				for i, l := range lines(a.View()) {
					if w := lipgloss.Width(l); w > size[0] {
						t.Errorf("line %d is %d wide in a window of %d: %q", i, w, size[0], ansi.Strip(l))
					}
				}
				press(a, "q")
				if a.scorecard != nil {
					t.Fatal("q left the scorecard open")
				}
				press(a, "S", "esc")
				if a.scorecard != nil {
					t.Fatal("esc left the scorecard open")
				}
			})
		}
	}
}

// scorecardText is everything the overlay holds, scrolled through.
func (a *App) scorecardText() string {
	return strings.Join(a.ctx.scorecardLines(max(10, a.ctx.Width-4)), "\n")
}

// Marks are glyphs, so a terminal without colour shows them too.
func TestMarksWithoutColour(t *testing.T) {
	a := newApp(t, Options{}, 120, 40)
	a.merge([]model.ReviewEntry{
		{Seq: 1, Pack: a.ctx.Pack.ID, Indicator: "gdp-growth", Kind: model.MarkReviewed, Time: clock, Author: "x"},
		{Seq: 2, Pack: a.ctx.Pack.ID, Indicator: "gdp-growth", Kind: model.MarkFlagged, Time: clock, Author: "x"},
		{Seq: 3, Pack: a.ctx.Pack.ID, Indicator: "gdp-growth", Kind: model.MarkNote, Text: "a", Time: clock, Author: "x"},
		{Seq: 4, Pack: a.ctx.Pack.ID, Indicator: "gdp-growth", Kind: model.MarkNote, Text: "b", Time: clock, Author: "x"},
	})
	a.redraw()
	frame := a.View()
	if frame != ansi.Strip(frame) {
		t.Fatal("the test renderer draws colour; it should draw none")
	}
	line := cardLine(a, "地区生产总值增速")
	if !strings.Contains(line, "✓ ⚑ ✎2") {
		t.Errorf("the card's marks without colour: %q", line)
	}
	if other := cardLine(a, "地区生产总值 "); strings.ContainsAny(other, "✓⚑✎") {
		t.Errorf("an unmarked card shows marks: %q", other)
	}
	// Boxed cards carry the marks in their top edge, so none grows taller.
	b := newApp(t, Options{}, 200, 60)
	b.merge(a.rv.entries)
	press(b, "j")
	found := 0
	for _, l := range lines(b.View()) {
		if strings.Contains(l, "✓ ⚑ ✎2") {
			found++
			if !strings.Contains(l, "┏") {
				t.Errorf("marks outside the selected card's top edge: %q", l)
			}
		}
	}
	if found != 1 {
		t.Errorf("the marks show %d times in a frame of boxed cards, want once:\n%s", found, b.View())
	}
}
