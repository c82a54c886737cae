package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"

	"github.com/kmdash/kmdash/model"
)

// A chart grows with the window up to these: a month maxMonth columns
// wide, maxPlotRows rows in all. Past them a line only gets longer, and a
// huge window would cost every frame a huge drawing.
const (
	maxMonth    = 24
	maxPlotRows = 120
)

// plot draws the chart's lines with asciigraph in rows plot rows (plus the
// month axis) and width columns, then lays over it what asciigraph cannot
// say: a marker at each figure, and the figure's value beside it wherever
// the row it sits on is not labelled with that value.
func (lc *lineChart) plot(width, rows int) string {
	ax := lc.axis(rows)
	labelW := ax.labelWidth()
	leftPad := 3 + labelW // asciigraph's offset of 3 and the labels
	// The axis is drawn on the right too, for figures far from the left
	// one: its tick, a space and the labels.
	rightW := 2 + labelW
	step := monthStep(width, leftPad, rightW)
	right := true
	if step < minMonthStep {
		// Too narrow to label every month with the axis drawn twice (the
		// layouts give a chart its minWidth, but a window may not hold
		// it): the months keep their labels, the right-hand axis goes.
		step, rightW, right = monthStep(width, leftPad, 0), 0, false
	}
	cols := 11*step + 1
	rightCol := leftPad + cols + 1

	var data [][]float64
	var colours []asciigraph.AnsiColor
	var chars []asciigraph.CharSet
	g := lc.theme.Glyphs
	// asciigraph draws later series over earlier ones: targets first, and
	// the first series (the home region) last so nothing hides it.
	for _, t := range lc.targets {
		line := make([]float64, cols)
		for i := range line {
			line[i] = t.value.Float
		}
		data, colours, chars = append(data, line), append(colours, lc.theme.Target), append(chars, g.Target)
	}
	for i := len(lc.series) - 1; i >= 0; i-- {
		s := lc.series[i]
		data = append(data, s.columns(step, cols))
		colours, chars = append(colours, s.colour), append(chars, g.stroke(s.style))
	}
	opts := []asciigraph.Option{
		asciigraph.Height(ax.rows() - 1),
		asciigraph.LowerBound(ax.value(ax.lo)),
		asciigraph.UpperBound(ax.value(ax.hi)),
		asciigraph.Offset(3),
		asciigraph.YAxisValueFormatter(func(v float64) string {
			if u, ok := ax.labelled(ax.rowOf(v)); ok {
				return ax.label(u)
			}
			return ""
		}),
		asciigraph.XAxisRange(1, 12),
		asciigraph.XAxisTickCount(12),
		asciigraph.XAxisValueFormatter(func(v float64) string {
			m := int(math.Round(v))
			if lc.lang == model.En && step >= 4 {
				return model.MonthName(m, model.En)
			}
			return strconv.Itoa(m)
		}),
		asciigraph.SeriesChars(chars...),
	}
	if lc.theme.Colour {
		opts = append(opts, asciigraph.SeriesColors(colours...), asciigraph.AxisColor(lc.theme.Axis), asciigraph.LabelColor(lc.theme.Axis))
	}
	drawn := asciigraph.PlotMany(data, opts...)
	gr := parseGrid(drawn, max(width, rightCol+rightW), leftPad-1, g.Target.Horizontal)
	for r := ax.rows(); r < len(gr.rows); r++ {
		for c := range gr.rows[r] {
			gr.rows[r][c].kind = axisCell
		}
	}
	gr.swapAxis(g.PlotAxis)
	lay := overlay{grid: gr, axis: ax, leftPad: leftPad, step: step, cols: cols, right: rightCol, theme: lc.theme}
	if right {
		lay.rightAxis()
	}
	lay.markers(lc.series)
	lay.targetLabels(lc.targets)
	lay.valueLabels(lc.series)
	return fitBlock(gr.String(), width)
}

// minMonthStep is the fewest columns a month may take and keep its
// label: a two-digit month (10, 11, 12) centred on its tick, and a blank
// before the next, which asciigraph needs or it drops the label.
const minMonthStep = 3

// monthStep is the columns a month takes in a chart width wide whose
// axes take leftPad and rightW: as many as the width allows, up to
// maxMonth, leaving two on the right for a label beside a December
// figure.
func monthStep(width, leftPad, rightW int) int {
	return max(1, min(maxMonth, (width-leftPad-rightW-3)/11))
}

// axis is the chart's y axis in rows plot rows, labelled in its language.
func (lc *lineChart) axis(rows int) axis {
	ax := chooseAxis(lc.values(), min(rows, maxPlotRows))
	ax.lang = lc.lang
	return ax
}

// labelWidth is the width of the widest label on the axis.
func (a axis) labelWidth() int {
	w := 0
	for u := a.lo; u <= a.hi; u += a.step {
		w = max(w, lipgloss.Width(a.label(u)))
	}
	return w
}

// minWidth is the fewest columns the chart is drawn in with every month
// labelled and the axis on both sides.
func (lc *lineChart) minWidth() int { return lc.minW }

// fullWidth works minWidth out once, when the chart is made. Its labels
// are widest at one end of the rows it may have: the finest step, or the
// coarsest one's rounded ends.
func (lc *lineChart) fullWidth() int {
	labelW := max(lc.axis(minPlotRows).labelWidth(), lc.axis(maxPlotRows).labelWidth())
	return 3 + labelW + 2 + labelW + 3 + 11*minMonthStep
}

// columns turns a series into asciigraph's columns: month m at column
// (m−1)·step, consecutive figures joined by a straight line, nothing
// before the first or after the last.
func (s chartSeries) columns(step, cols int) []float64 {
	out := make([]float64, cols)
	for i := range out {
		out[i] = math.NaN()
	}
	for i, p := range s.points {
		at := (p.month - 1) * step
		out[at] = p.value.Float
		if i+1 < len(s.points) {
			next := s.points[i+1]
			to := (next.month - 1) * step
			for c := at + 1; c < to; c++ {
				out[c] = p.value.Float + (next.value.Float-p.value.Float)*float64(c-at)/float64(to-at)
			}
		}
	}
	return out
}

// fitBlock cuts every line of s to width cells.
func fitBlock(s string, width int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if cellWidth(l) > width {
			lines[i] = truncate(l, width)
		}
	}
	return strings.Join(lines, "\n")
}

// overlay lays markers and labels over a drawn plot.
type overlay struct {
	grid    *grid
	axis    axis
	leftPad int
	step    int
	cols    int
	right   int // the column of the right-hand axis
	theme   *Theme
	// spots are the cells that hold a marker, and the value of the figure
	// drawn there, so two figures in one cell are labelled once.
	spots map[[2]int]model.Number
}

func (o *overlay) colour(c asciigraph.AnsiColor) string {
	if !o.theme.Colour || c == asciigraph.Default {
		return ""
	}
	return c.String()
}

func (o *overlay) at(p chartPoint) (int, int) {
	return o.axis.row(p.value.Float), o.leftPad + (p.month-1)*o.step
}

// markers puts each series' marker on its figures, the first series last
// so that it is on top where two meet.
func (o *overlay) markers(series []chartSeries) {
	o.spots = map[[2]int]model.Number{}
	for i := len(series) - 1; i >= 0; i-- {
		s := series[i]
		for _, p := range s.points {
			r, c := o.at(p)
			o.grid.put(r, c, o.theme.Glyphs.marker(s.style), o.colour(s.colour), markerCell)
		}
	}
}

// valueLabels writes each figure's value beside it where the axis does
// not already say it: always for a series of one or two figures, which
// has no line to read along, and for any figure on a row labelled with
// another value or with none.
func (o *overlay) valueLabels(series []chartSeries) {
	labelled := map[[2]int]string{}
	for _, s := range series {
		for _, p := range s.points {
			r, c := o.at(p)
			if len(s.points) > 2 && o.onAxis(r, p.value) {
				continue
			}
			key := [2]int{r, c}
			if done, ok := labelled[key]; ok && done == p.value.Text {
				continue
			}
			if o.label(r, c, p.text, o.colour(s.colour)) {
				labelled[key] = p.value.Text
			}
		}
	}
}

// onAxis reports whether plot row r is labelled with value v.
func (o *overlay) onAxis(r int, v model.Number) bool {
	u, ok := o.axis.labelled(r)
	return ok && o.axis.value(u) == v.Float && units(v, o.axis.unit) == u
}

// label writes text beside the marker at (r, c): right or left of it on
// its row, else centred above or below it, so that it reads as that
// marker's and no other's. Only where none of those is free does it take
// a place above or below touching the marker's column, and then one
// nearer another marker. Target dashes are covered only when no blank
// place is left.
func (o *overlay) label(r, c int, text, colour string) bool {
	w := lipgloss.Width(text)
	type place struct{ row, col, gap int }
	places := []place{
		{r, c + 2, 1}, {r, c - 1 - w, 1}, // beside, one blank between
		{r - 1, c - (w-1)/2, 0}, {r + 1, c - (w-1)/2, 0}, // centred above, below
		{r - 1, c + 1, 0}, {r - 1, c - w, 0}, // above, to one side
		{r + 1, c + 1, 0}, {r + 1, c - w, 0}, // below, to one side
	}
	// The best place by these, in order: it fits on blanks (or, failing
	// that, over target dashes), stands clear of other labels, and is
	// nearer its own marker than any other, so a value is not read as its
	// neighbour's; else it fits and is clear; else it fits.
	best, rank := -1, 0
	for i, p := range places {
		from, span := p.col, w
		if p.gap > 0 && p.col > c {
			from, span = c+1, w+1
		} else if p.gap > 0 {
			span = w + 1
		}
		if p.row >= o.axis.rows() || from < o.leftPad || from+span > o.right {
			continue
		}
		for j, soft := range []bool{false, true} {
			if !o.grid.fits(p.row, from, span, soft) {
				continue
			}
			score := 2 - j // fits: 2 on blanks, 1 over dashes
			if o.clear(p.row, p.col-2, w+4) {
				score += 2
				if o.owned(p.row, p.col, w, r, c) {
					score += 2
				}
			}
			if score > rank {
				best, rank = i, score
			}
			break
		}
	}
	if best < 0 {
		return false
	}
	o.grid.put(places[best].row, places[best].col, text, colour, labelCell)
	return true
}

// owned reports whether a label on row from column col, w cells wide, is
// nearer the marker at (r, c) than any other marker, counting rows and
// columns apart: a label beside its marker is not taken for the marker of
// the row above, but one between two markers is not written.
func (o *overlay) owned(row, col, w, r, c int) bool {
	dist := func(y, x int) int {
		dx := 0
		if x < col {
			dx = col - x
		} else if x >= col+w {
			dx = x - (col + w - 1)
		}
		return max(y-row, row-y) + dx
	}
	d := dist(r, c)
	for y := max(0, row-d); y <= min(len(o.grid.rows)-1, row+d); y++ {
		cells := o.grid.rows[y]
		for x := max(0, col-d); x <= min(len(cells)-1, col+w-1+d); x++ {
			if cells[x].kind == markerCell && (y != r || x != c) && dist(y, x) <= d {
				return false
			}
		}
	}
	return true
}

// clear reports whether no label is written on row r within the w cells
// from column c.
func (o *overlay) clear(r, c, w int) bool {
	row := o.grid.rows[r]
	for x := max(0, c); x < min(len(row), c+w); x++ {
		if row[x].kind == labelCell {
			return false
		}
	}
	return true
}

// targetLabels names each target at the right end of its line, over its
// own dashes; a target whose row is not labelled with its value gets at
// least the value.
func (o *overlay) targetLabels(targets []chartTarget) {
	for _, t := range targets {
		r := o.axis.row(t.value.Float)
		colour := o.colour(o.theme.Target)
		for _, text := range []string{t.label + " " + t.text, t.text} {
			w := lipgloss.Width(text)
			end := o.right - 1
			placed := false
			for col := end - w; col >= o.leftPad+1; col-- {
				if o.grid.fits(r, col-1, w+1, true) {
					o.grid.put(r, col, text, colour, labelCell)
					placed = true
					break
				}
			}
			if placed {
				break
			}
		}
	}
}

// rightAxis draws the axis again right of the plot, with the same labels,
// and closes the month axis under it.
func (o *overlay) rightAxis() {
	g := o.theme.Glyphs
	colour := o.colour(o.theme.Axis)
	for r := 0; r < o.axis.rows(); r++ {
		if u, ok := o.axis.labelled(r); ok {
			o.grid.put(r, o.right, g.AxisTick+" "+o.axis.label(u), colour, axisCell)
		} else {
			o.grid.put(r, o.right, g.AxisLine, colour, axisCell)
		}
	}
	if r := o.axis.rows(); r < len(o.grid.rows) {
		for c := o.leftPad + o.cols; c < o.right; c++ {
			o.grid.put(r, c, g.AxisRule, colour, axisCell)
		}
		o.grid.put(r, o.right, g.AxisCorner, colour, axisCell)
	}
}
