package ui

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// This file reads charts back off the screen the way a person does:
// every figure a chart plots must be found at its month, sitting on a
// row whose axis label is its value, or with its value written beside it.

// screenPlot is one chart as read from a plain frame: its rows, the
// column of its y axis, each row's axis label, and each month's column.
type screenPlot struct {
	rows   [][]string // cells of each plot row; "" continues a wide character
	axis   int
	labels []string // "" for a row without a label
	months [13]int  // column of month m, from the month axis's ticks
}

// cells splits a plain line into display cells.
func cells(line string) []string {
	var out []string
	for _, r := range line {
		out = append(out, string(r))
		for w := ansi.StringWidth(string(r)); w > 1; w-- {
			out = append(out, "")
		}
	}
	return out
}

// readPlots finds every chart in a frame: runs of rows whose cells hold a
// y axis (┤ or ┼) in one column, closed by the month axis (└ with a ┬
// for each of the twelve months).
func readPlots(frame string) []screenPlot {
	grid := [][]string{}
	for _, l := range strings.Split(frame, "\n") {
		grid = append(grid, cells(l))
	}
	var plots []screenPlot
	for r := 0; r < len(grid); r++ {
		for c, cl := range grid[r] {
			if cl != "└" || r == 0 || !axisAt(grid[r-1], c) {
				continue
			}
			p := screenPlot{axis: c}
			ticks := 0
			for x := c + 1; x < len(grid[r]) && ticks < 12; x++ {
				if grid[r][x] == "┬" {
					ticks++
					p.months[ticks] = x
				}
			}
			if ticks != 12 {
				continue
			}
			top := r - 1
			for top > 0 && axisAt(grid[top-1], c) {
				top--
			}
			for y := top; y < r; y++ {
				p.rows = append(p.rows, grid[y])
				p.labels = append(p.labels, strings.TrimSpace(strings.Join(grid[y][max(0, c-12):c], "")))
			}
			plots = append(plots, p)
		}
	}
	return plots
}

func axisAt(row []string, c int) bool { return c < len(row) && (row[c] == "┤" || row[c] == "┼") }

// plotNumber matches a figure as a plot writes it: "-5.1", "4.3*".
var plotNumber = regexp.MustCompile(`[-−]?\d+(\.\d+)?\*?`)

// sameValue compares a figure read off the screen with one in the pack.
func sameValue(text string, v model.Number) bool {
	text = strings.TrimSuffix(strings.ReplaceAll(text, "−", "-"), "*")
	r, ok := new(big.Rat).SetString(text)
	return ok && r.Cmp(v.Rat()) == 0
}

// numbersNear lists the figures written on row y whose cells touch the
// columns from..to, or start or end within two cells of them.
func (p screenPlot) numbersNear(y, from, to int, sameRow bool) []string {
	if y < 0 || y >= len(p.rows) {
		return nil
	}
	row := p.rows[y]
	line := strings.Join(row[min(len(row), p.axis+1):], "")
	var out []string
	for _, m := range plotNumber.FindAllStringIndex(line, -1) {
		start := p.axis + 1 + len([]rune(line[:m[0]]))
		end := start + len([]rune(line[m[0]:m[1]])) - 1
		near := end >= from && start <= to
		if sameRow {
			near = end == from-2 || end == from-1 || start == to+1 || start == to+2
		}
		if near {
			out = append(out, line[m[0]:m[1]])
		}
	}
	return out
}

// reads reports whether the figure v at month m can be read: a marker in
// month m's column on a row labelled v, or with v written beside it.
func (p screenPlot) reads(m int, v model.Number, markers string) bool {
	x := p.months[m]
	for y, row := range p.rows {
		if x >= len(row) || !strings.Contains(markers, row[x]) || row[x] == "" {
			continue
		}
		if sameValue(p.labels[y], v) {
			return true
		}
		near := p.numbersNear(y, x, x, true)
		near = append(near, p.numbersNear(y-1, x-1, x+1, false)...)
		near = append(near, p.numbersNear(y+1, x-1, x+1, false)...)
		for _, n := range near {
			if sameValue(n, v) {
				return true
			}
		}
	}
	return false
}

func TestReadPlots(t *testing.T) {
	frame := strings.Join([]string{
		"title",
		" 4.4 ┤   ● 4.4",
		" 4.3 ┤ ●",
		"     └┬┬┬┬┬┬┬┬┬┬┬┬",
	}, "\n")
	plots := readPlots(frame)
	if len(plots) != 1 {
		t.Fatalf("found %d plots, want 1", len(plots))
	}
	p := plots[0]
	if p.axis != 5 || p.months[1] != 6 || p.months[12] != 17 || len(p.rows) != 2 || p.labels[1] != "4.3" {
		t.Fatalf("read %+v", p)
	}
	tests := []struct {
		m    int
		v    string
		want bool
	}{
		{2, "4.3", true},  // on the row labelled 4.3
		{4, "4.4", true},  // on its row, and labelled too
		{2, "4.4", false}, // the marker at month 2 is on 4.3's row, with no label
		{3, "4.3", false}, // no marker at month 3
	}
	for _, tt := range tests {
		if got := p.reads(tt.m, num(t, tt.v), "●"); got != tt.want {
			t.Errorf("reads(%d, %s) = %v, want %v", tt.m, tt.v, got, tt.want)
		}
	}
}

// TestChartsReadExactly selects, on every tab, every card whose chart is
// a line chart (the tab's growth chart first: it is what a tab opens on),
// and reads each figure of that chart back off the screen, in both
// languages, at 120×40 and 80×24: each must sit on a row labelled with
// its value or have its value beside it, and the chart must be on the
// first screen.
func TestChartsReadExactly(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	markers := strings.Join(unicodeGlyphs.Markers, "")
	for ti, def := range pack.Tabs {
		for _, lang := range model.Langs {
			for _, size := range [][2]int{{120, 40}, {80, 24}} {
				a := newApp(t, Options{Tab: def.ID, Lang: lang, Renderer: renderer(termenv.Ascii)}, size[0], size[1])
				tb := a.tabs[ti]
				checked := 0
				for i := 0; i < tb.count(); i++ {
					tb.selected = i
					tb.laidOut = -1
					a.redraw()
					v := tb.focus(pack)
					if v.chart == nil {
						continue
					}
					checked++
					where := fmt.Sprintf("%s %s %dx%d, %s selected, chart %s", def.ID, lang, size[0], size[1], tb.current().id(), v.chart.ID)
					checkChart(t, pack, *v.chart, a.View(), markers, where)
				}
				if checked == 0 && len(def.Charts) > 0 {
					t.Errorf("%s: no card shows the tab's chart", def.ID)
				}
			}
		}
	}
}

// checkChart finds on the screen the plot whose figures are chart's.
func checkChart(t *testing.T, pack *model.Pack, chart model.Chart, frame, markers, where string) {
	t.Helper()
	type figure struct {
		month  int
		value  model.Number
		series string
	}
	var want []figure
	for _, s := range chart.Series {
		for _, o := range pack.Indicator(s.Indicator).Obs {
			if !o.Target && o.Region == s.Region && o.Period.From == (model.Month{Year: pack.Year, Month: 1}) && o.Period.To.Year == pack.Year {
				want = append(want, figure{o.Period.To.Month, o.Value, s.Indicator + " " + s.Region + " " + o.Period.String()})
			}
		}
	}
	plots := readPlots(frame)
	if len(plots) == 0 {
		t.Errorf("%s: no chart on the first screen:\n%s", where, frame)
		return
	}
	var missing []string
	for _, p := range plots {
		missing = missing[:0]
		for _, f := range want {
			if !p.reads(f.month, f.value, markers) {
				missing = append(missing, fmt.Sprintf("%s %s at month %d", f.series, f.value.Text, f.month))
			}
		}
		if len(missing) == 0 {
			return
		}
	}
	t.Errorf("%s: cannot read %s off the screen:\n%s", where, strings.Join(missing, "; "), frame)
}
