package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

// TestValueLabelsOwnTheirMarkers reads every value written in a plot off
// the screen and checks that the marker nearest it (rows and columns
// apart) is one, not two at the same distance, and is a marker of that
// value at its month: a label between the April and May markers could be
// either's, and one nearer another marker is read as that one's. At
// 60×20 and 100×30 a month is four columns and some figures have no such
// place beside them (industry's 6.3 under a target's name, property's
// −2.9 between May and June); those sizes are not yet held to it.
func TestValueLabelsOwnTheirMarkers(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	sizes := [][2]int{{80, 24}, {120, 40}, {160, 50}, {200, 60}}
	labels := 0
	for _, tab := range pack.Tabs {
		for _, lang := range model.Langs {
			for _, size := range sizes {
				a := newApp(t, Options{Tab: tab.ID, Lang: lang}, size[0], size[1])
				frame := ansi.Strip(a.View())
				var charts []*lineChart
				for _, ch := range tab.Charts {
					charts = append(charts, a.ctx.lineChart(ch))
				}
				for _, p := range readPlots(blankTargets(frame, charts)) {
					labels += p.checkOwners(t, charts, a.ctx.Theme.Glyphs, tab.ID, lang, size)
				}
			}
		}
	}
	if labels == 0 {
		t.Fatal("no value label read on any screen")
	}
}

// blankTargets writes over the target lines' names, whose years and
// percentages are not figures of a marker.
func blankTargets(frame string, charts []*lineChart) string {
	for _, lc := range charts {
		for _, tg := range lc.targets {
			for _, text := range []string{tg.label + " " + tg.text, tg.text} {
				frame = strings.ReplaceAll(frame, text, strings.Repeat(" ", ansi.StringWidth(text)))
			}
		}
	}
	return frame
}

// checkOwners checks each number in the plot's rows and returns how many
// it read.
func (p screenPlot) checkOwners(t *testing.T, charts []*lineChart, g *Glyphs, tab model.TabID, lang model.Lang, size [2]int) int {
	t.Helper()
	type spot struct{ y, x int }
	var markers []spot
	for y, row := range p.rows {
		for x := p.axis + 1; x < len(row); x++ {
			for _, m := range g.Markers {
				if row[x] == m {
					markers = append(markers, spot{y, x})
				}
			}
		}
	}
	read := 0
	for y, row := range p.rows {
		line := strings.Join(row[min(len(row), p.axis+1):], "")
		for _, m := range plotNumber.FindAllStringIndex(line, -1) {
			start := p.axis + 1 + len([]rune(line[:m[0]]))
			text := line[m[0]:m[1]]
			end := start + len([]rune(text)) - 1
			if start >= p.months[12]+3 {
				continue // the right-hand axis
			}
			read++
			best, ties := -1, 0
			var owner spot
			for _, mk := range markers {
				dx := 0
				if mk.x < start {
					dx = start - mk.x
				} else if mk.x > end {
					dx = mk.x - end
				}
				d := max(mk.y-y, y-mk.y) + dx
				switch {
				case best < 0 || d < best:
					best, ties, owner = d, 1, mk
				case d == best:
					ties++
				}
			}
			where := func() string { return fmt.Sprintf("%s %s %dx%d row %d", tab, lang, size[0], size[1], y) }
			if best < 0 {
				t.Errorf("%s: %q written with no marker in the plot", where(), text)
				continue
			}
			if ties > 1 {
				t.Errorf("%s: %q is as near %d markers", where(), text, ties)
				continue
			}
			if !markerOf(charts, g, p.rows[owner.y][owner.x], p.monthAt(owner.x), text) {
				t.Errorf("%s: %q is nearest the %s of month %d, which is not that figure", where(), text, p.rows[owner.y][owner.x], p.monthAt(owner.x))
			}
		}
	}
	return read
}

// monthAt is the month whose column is x, 0 for none.
func (p screenPlot) monthAt(x int) int {
	for m := 1; m <= 12; m++ {
		if p.months[m] == x {
			return m
		}
	}
	return 0
}

// markerOf reports whether a series drawn with glyph has the figure
// written as text at month m.
func markerOf(charts []*lineChart, g *Glyphs, glyph string, m int, text string) bool {
	for _, lc := range charts {
		for _, s := range lc.series {
			if g.marker(s.style) != glyph {
				continue
			}
			if pt, ok := s.at(m); ok && sameValue(text, pt.value) {
				return true
			}
		}
	}
	return false
}
