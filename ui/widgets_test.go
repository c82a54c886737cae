package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// plainTheme draws without colour, so drawings can be read as text.
func plainTheme() *Theme { return NewTheme(renderer(termenv.Ascii)) }

func TestGridRoundTrip(t *testing.T) {
	red := "\x1b[31m"
	drawn := " 4 ┤" + red + "──╮" + sgrReset + "\n 3 ┤  " + red + "╰┄" + sgrReset
	g := parseGrid(drawn, 8, 3, "┄")
	if got, want := g.String(), drawn; got != want {
		t.Errorf("round trip:\n%q\nwant\n%q", got, want)
	}
	if k := g.rows[0][2].kind; k != axisCell {
		t.Errorf("a cell left of the axis is %d, want the axis", k)
	}
	if k := g.rows[1][7].kind; k != targetCell {
		t.Errorf("a target dash is %d", k)
	}
	if g.fits(0, 4, 2, false) || !g.fits(1, 4, 2, false) || g.fits(1, 6, 2, false) || !g.fits(1, 7, 1, true) || g.fits(1, 7, 2, true) {
		t.Error("fits: a stroke is never free, a dash only when soft, nothing past the edge")
	}
	g.put(1, 4, "经", "", labelCell)
	if got := strings.Split(g.String(), "\n")[1]; got != " 3 ┤经"+red+"╰┄"+sgrReset {
		t.Errorf("a wide label takes two cells: %q", got)
	}
}

// plotFor draws a chart of the given series (month → value) with a 5%
// target for the first, in plain text.
func plotFor(t *testing.T, width, rows int, series ...[]chartPoint) string {
	t.Helper()
	lc := &lineChart{lang: model.Zh, words: words.For(model.Zh), theme: plainTheme(),
		targets: []chartTarget{{label: "昆明2025年目标", value: num(t, "5"), text: "约5%"}}}
	for i, pts := range series {
		lc.series = append(lc.series, chartSeries{label: "s", points: pts, style: i})
	}
	return lc.plot(width, rows)
}

func pts(t *testing.T, mv ...any) []chartPoint {
	var out []chartPoint
	for i := 0; i < len(mv); i += 2 {
		v := num(t, mv[i+1].(string))
		out = append(out, chartPoint{month: mv[i].(int), value: v, text: v.Text})
	}
	return out
}

func TestPlotReadsExactly(t *testing.T) {
	services := [][]chartPoint{pts(t, 5, "5.7", 7, "6.2"), pts(t, 6, "9.4", 7, "9.5")}
	property := [][]chartPoint{pts(t, 8, "10.2"), pts(t, 8, "4.5"),
		pts(t, 2, "-5.1", 3, "-3.0", 4, "-2.8", 5, "-2.9", 6, "-3.5", 7, "-4.0", 8, "-4.7")}
	tests := []struct {
		name        string
		width, rows int
		series      [][]chartPoint
	}{
		{"services at 0.5 a row", 70, 12, services},
		{"services at 0.1 a row", 70, 60, services},
		{"property, narrow", 60, 10, property},
		{"property, wide", 120, 30, property},
		{"one figure", 40, 6, [][]chartPoint{pts(t, 8, "6.7")}},
	}
	markers := strings.Join(unicodeGlyphs.Markers, "")
	for _, tt := range tests {
		drawn := plotFor(t, tt.width, tt.rows, tt.series...)
		plots := readPlots("\n" + drawn)
		if len(plots) != 1 {
			t.Fatalf("%s: %d plots read back:\n%s", tt.name, len(plots), drawn)
		}
		for _, s := range tt.series {
			for _, p := range s {
				if !plots[0].reads(p.month, p.value, markers) {
					t.Errorf("%s: %s at month %d cannot be read:\n%s", tt.name, p.value.Text, p.month, drawn)
				}
			}
		}
		for i, l := range strings.Split(drawn, "\n") {
			if w := lipgloss.Width(l); w > tt.width {
				t.Errorf("%s: line %d is %d wide, more than %d", tt.name, i, w, tt.width)
			}
		}
		if !strings.Contains(drawn, "昆明2025年目标 约5%") && !strings.Contains(drawn, "约5%") {
			t.Errorf("%s: the target is not named on its line:\n%s", tt.name, drawn)
		}
	}
}

// A lone figure is a marker with its value, not a stub of line.
func TestPlotMarksALoneFigure(t *testing.T) {
	drawn := plotFor(t, 50, 8, pts(t, 8, "6.7"))
	rows := strings.Split(drawn, "\n")
	for _, stub := range []string{"╶", "╴", "─"} {
		if strings.Contains(strings.Join(rows[:len(rows)-2], ""), stub) {
			t.Errorf("a stub %q beside a lone figure:\n%s", stub, drawn)
		}
	}
	if !strings.Contains(drawn, "● 6.7") && !strings.Contains(drawn, "6.7 ●") {
		t.Errorf("no marker with its value:\n%s", drawn)
	}
}

func TestBarChart(t *testing.T) {
	a := newApp(t, Options{Renderer: renderer(termenv.Ascii)}, 120, 40)
	c := &a.ctx
	find := func(id string) model.BarGroup {
		for _, tab := range c.Pack.Tabs {
			for _, b := range tab.Bars {
				if b.ID == id {
					return b
				}
			}
		}
		t.Fatalf("no bar group %s", id)
		return model.BarGroup{}
	}
	tests := []struct {
		group string
		want  []string
		not   []string
	}{
		// Periods of two years: each label says its year.
		{"industry-contribution-bars", []string{"2024年 ", "2025年上半年 ", "2025年1—8月 ", "41.3%*", "* 推算"}, []string{"\n上半年"}},
		// Regions in one period: named by region; derived figures starred,
		// and the negative one left of the zero line.
		{"housing-regions-bars", []string{"昆明 ", "10.2%", "4.5%*", "−4.7%*", "█│", "* 推算"}, nil},
		// Stated figures only: no footnote.
		{"gdp-contribution-bars", []string{"2020年", "13.3%", "31.9%"}, []string{"*"}},
	}
	// A label too long to stand beside its bar goes above it, whole.
	long := c.barChart(find("coffee-bars"))
	for _, b := range long.bars {
		if drawn := long.draw(40, 0); !strings.Contains(drawn, b.label) || strings.Contains(drawn, "…") {
			t.Errorf("coffee bars at 40: label %q not whole:\n%s", b.label, drawn)
		}
	}
	for _, tt := range tests {
		drawn := c.barChart(find(tt.group)).draw(60, 0)
		for _, w := range tt.want {
			if !strings.Contains(drawn, w) {
				t.Errorf("%s: %q missing:\n%s", tt.group, w, drawn)
			}
		}
		for _, w := range tt.not {
			if strings.Contains(drawn, w) {
				t.Errorf("%s: %q should not be there:\n%s", tt.group, w, drawn)
			}
		}
		for _, l := range strings.Split(drawn, "\n") {
			if lipgloss.Width(l) > 60 {
				t.Errorf("%s: line wider than 60: %q", tt.group, l)
			}
		}
	}
}

func TestBarCells(t *testing.T) {
	g := &unicodeGlyphs
	tests := []struct {
		n    float64
		want string
	}{{0, "▏"}, {1, "█"}, {2.5, "██▌"}, {0.125, "▏"}, {0.99, "█"}}
	for _, tt := range tests {
		if got := g.barCells(tt.n); got != tt.want {
			t.Errorf("barCells(%v) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestCard(t *testing.T) {
	a := newApp(t, Options{Renderer: renderer(termenv.Ascii)}, 120, 40)
	cd := a.ctx.card(a.ctx.Pack.Indicator("gdp-growth"), ppShort)
	tests := []struct {
		name  string
		drawn string
		want  []string
	}{
		{"box", cd.box(30, false), []string{"╭", a.ctx.Pack.Indicator("gdp-growth").Name.Zh, "4.4%", "昆明 · 上半年", "▲ 比一季度高0.1个百分点", "2025年目标 5%左右"}},
		{"selected box", cd.box(30, true), []string{"┏", "4.4%"}},
		{"line", cd.line(70, false), []string{"  " + cd.name + " 4.4%  上半年  ▲ 比一季度高0.1个百分点"}},
		{"selected line", cd.line(60, true), []string{"▸ " + cd.name + " 4.4%"}},
		{"narrow line leaves the comparisons out", cd.line(34, false), []string{"4.4%  上半年"}},
		{"narrow line wraps, keeps the figure", cd.line(14, false), []string{"4.4%"}},
	}
	for _, tt := range tests {
		for _, w := range tt.want {
			if !strings.Contains(tt.drawn, w) {
				t.Errorf("%s: %q missing:\n%s", tt.name, w, tt.drawn)
			}
		}
	}
	if w := lipgloss.Width(cd.box(30, false)); w != 30 {
		t.Errorf("box is %d wide, want 30", w)
	}
}

func TestBalance(t *testing.T) {
	tests := []struct {
		heights []int
		cols    int
		want    []int
	}{
		{[]int{4, 7, 4, 5, 5, 6}, 2, []int{0, 3}},
		{[]int{4, 7, 4, 5, 5, 6}, 3, []int{0, 2, 4}},
		{[]int{5, 5, 5}, 1, []int{0}},
		{[]int{9, 1, 1, 1}, 2, []int{0, 1}},
	}
	for _, tt := range tests {
		got := balance(tt.heights, tt.cols)
		if len(got) != len(tt.want) {
			t.Errorf("balance(%v, %d) = %v, want %v", tt.heights, tt.cols, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("balance(%v, %d) = %v, want %v", tt.heights, tt.cols, got, tt.want)
			}
		}
	}
}

func TestCalendar(t *testing.T) {
	a := newApp(t, Options{Renderer: renderer(termenv.Ascii)}, 120, 40)
	sc := a.ctx.seasonCalendar(a.ctx.Pack.TabInitiatives(a.ctx.Pack.Tab("tourism")))
	n, seasoned := len(sc.inits), 0
	for _, in := range sc.inits {
		if len(in.Months) > 0 {
			seasoned++
		}
	}
	tests := []struct {
		name          string
		width, height int
		rows          int    // the initiatives' rows
		want          string // in the gull season's first row
	}{
		{"narrow: a glyph a month", 50, 0, n, "观鸥季  ■  ■  ■  ·"},
		{"wide: a strip a month", 120, 0, n, "观鸥季  ■■■■■■■  ■■■■■■■"},
		{"tall: strips four rows thick, or one without a season", 120, 5 + 4*seasoned + n - seasoned, 4*seasoned + n - seasoned, "观鸥季  ■■■■■■"},
		{"rows to spare thicken the first strips", 120, 7 + 4*seasoned + n - seasoned, 4*seasoned + n - seasoned + 2, "观鸥季  ■■■■■■"},
	}
	for _, tt := range tests {
		drawn := sc.draw(tt.width, tt.height)
		if got := lipgloss.Height(drawn) - 5; got != tt.rows {
			t.Errorf("%s: %d rows of initiatives, want %d:\n%s", tt.name, got, tt.rows, drawn)
		}
		if !strings.Contains(drawn, tt.want) || !strings.Contains(drawn, "▼") {
			t.Errorf("%s: %q or the month marker missing:\n%s", tt.name, tt.want, drawn)
		}
		for _, l := range strings.Split(drawn, "\n") {
			if lipgloss.Width(l) > tt.width {
				t.Errorf("%s: a line wider than %d", tt.name, tt.width)
			}
		}
	}
}

// The list wraps long seasons under their own column instead of cutting
// them, and its places come when asked.
func TestInitiativeList(t *testing.T) {
	a := newApp(t, Options{Renderer: renderer(termenv.Ascii)}, 120, 40)
	il := a.ctx.initiativeList(a.ctx.Pack.Initiatives)
	for _, more := range []int{seasonOnly, withPlaces, withWhat} {
		drawn, rects := il.draw(50, 0, more)
		if strings.Contains(drawn, "…") {
			t.Errorf("level %d: text cut:\n%s", more, drawn)
		}
		flat := strings.Join(strings.Fields(drawn), "")
		for _, in := range a.ctx.Pack.Initiatives {
			if !strings.Contains(flat, strings.Join(strings.Fields(in.Season.Zh), "")) {
				t.Errorf("level %d: %s's season not whole:\n%s", more, in.ID, drawn)
			}
		}
		if got := strings.Contains(drawn, "海埂大坝"); got != (more >= withPlaces) {
			t.Errorf("level %d: places shown %v", more, got)
		}
		if len(rects) != len(a.ctx.Pack.Initiatives) || rects[1].y <= rects[0].y+rects[0].h-1 {
			t.Errorf("level %d: rows %v overlap or are missing", more, rects)
		}
		if !strings.HasPrefix(strings.Split(drawn, "\n")[1], "▸ ") {
			t.Errorf("level %d: the selected row is not marked", more)
		}
	}
}

// The detail pane is the full detail cut to its rows, pointing at the
// rest.
func TestDetailPane(t *testing.T) {
	a := newApp(t, Options{Tab: "industry", Renderer: renderer(termenv.Ascii)}, 120, 40)
	ps := a.tabs[a.active].parts(&a.ctx)
	full := ps.detail(50, 0)
	cut := ps.detail(50, 6)
	if lipgloss.Height(cut) != 6 || !strings.HasSuffix(cut, a.ctx.Words.PaneMore) {
		t.Errorf("cut to 6 rows:\n%s", cut)
	}
	if !strings.HasPrefix(full, strings.Join(strings.Split(cut, "\n")[:5], "\n")) {
		t.Error("the cut pane should begin as the full one")
	}
	for _, want := range []string{a.ctx.Pack.Indicator("industry-growth").Full.Zh, "6.7%", "云南2024年 3.3% = 昆明 7% − 3.7个百分点", "[1] 昆明日报（昆明信息港）《"} {
		if !strings.Contains(strings.Join(strings.Fields(full), ""), strings.Join(strings.Fields(want), "")) {
			t.Errorf("the pane lacks %q:\n%s", want, full)
		}
	}
	if strings.Contains(full, "\n\n") {
		t.Error("the pane keeps no blank lines")
	}
}
