package ui

import (
	"fmt"

	"math"
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"

	"github.com/kmdash/kmdash/model"
)

// A line's stroke tells it apart when there is no colour (NO_COLOR, a
// pipe, a screen reader's copy): light, heavy and double box lines, and
// dashes for targets.
var (
	strokes = []asciigraph.CharSet{
		asciigraph.DefaultCharSet,
		{Horizontal: "━", VerticalLine: "┃", ArcDownRight: "┏", ArcDownLeft: "┓", ArcUpRight: "┗", ArcUpLeft: "┛", EndCap: "╸", StartCap: "╺"},
		{Horizontal: "═", VerticalLine: "║", ArcDownRight: "╔", ArcDownLeft: "╗", ArcUpRight: "╚", ArcUpLeft: "╝", EndCap: "═", StartCap: "═"},
	}
	targetStroke = asciigraph.CharSet{Horizontal: "┄", VerticalLine: "┆"}
)

// chartLine is one line of a chart: a series of outcomes or a target.
type chartLine struct {
	label  string
	points map[int]*model.Observation // by the month the period ends
	target *model.Observation
	ind    *model.Indicator
	colour asciigraph.AnsiColor
	stroke asciigraph.CharSet
}

// chartLines gathers the figures a chart draws: each series' cumulative
// outcomes in the pack year, and the year's targets as flat lines.
func (c *Context) chartLines(ch model.Chart) []chartLine {
	sameIndicator := true
	for _, s := range ch.Series {
		sameIndicator = sameIndicator && s.Indicator == ch.Series[0].Indicator
	}
	var lines, targets []chartLine
	seenTarget := map[*model.Observation]bool{}
	for i, s := range ch.Series {
		ind := c.Pack.Indicator(s.Indicator)
		if ind == nil {
			continue
		}
		l := chartLine{ind: ind, points: map[int]*model.Observation{}, stroke: strokes[len(lines)%len(strokes)]}
		if sameIndicator {
			l.label = c.regionName(s.Region)
			l.colour = c.Theme.SeriesColour(c.Pack.RegionIndex(s.Region))
		} else {
			l.label = ind.Name.In(c.Lang)
			l.colour = c.Theme.SeriesColour(i)
		}
		for _, o := range ind.Obs {
			if !o.Target && o.Region == s.Region && o.Period.From == (model.Month{Year: c.Pack.Year, Month: 1}) && o.Period.To.Year == c.Pack.Year {
				l.points[o.Period.To.Month] = o
			}
		}
		if len(l.points) > 0 {
			lines = append(lines, l)
		}
		if tg := c.target(ind, s.Region); tg != nil && !seenTarget[tg] {
			seenTarget[tg] = true
			label := c.Words.TargetKind
			if !sameIndicator {
				label = ind.Name.In(c.Lang) + " " + label
			}
			targets = append(targets, chartLine{label: label, target: tg, ind: ind, colour: c.Theme.Target, stroke: targetStroke})
		}
	}
	return append(lines, targets...)
}

// series turns a line into asciigraph's columns: month m sits at column
// (m-1)*step, drawn a little wider than one cell so a lone figure reads
// as a mark. Months next to each other are joined; a month without a
// figure stays empty, so the chart never suggests a value nobody stated.
func (l chartLine) series(step int) []float64 {
	cols := 11*step + 1
	out := make([]float64, cols)
	for i := range out {
		out[i] = math.NaN()
	}
	if l.target != nil {
		for i := range out {
			out[i] = l.target.Value.Float
		}
		return out
	}
	half := step / 4
	for m, o := range l.points {
		at, v := (m-1)*step, o.Value.Float
		for c := max(0, at-half); c <= min(cols-1, at+half); c++ {
			out[c] = v
		}
		if next, ok := l.points[m+1]; ok {
			from, to := at+half, at+step-half
			for c := from + 1; c < to; c++ {
				out[c] = v + (next.Value.Float-v)*float64(c-from)/float64(to-from)
			}
		}
	}
	return out
}

// chart draws a titled line chart no wider than width. The plot is
// widened month by month until it would not fit.
func (c *Context) chart(ch model.Chart, width, plotHeight int) string {
	lines := c.chartLines(ch)
	if len(lines) == 0 {
		return ""
	}
	unit := lines[0].ind.Unit.In(c.Lang)
	title := c.Theme.Heading.Render(ch.Title.In(c.Lang)+fmt.Sprintf(c.Words.Aside, unit)) + "  " + c.Theme.Muted.Render(c.Words.MonthAxis)
	var plot string
	for step := max(1, (width-8)/11); step >= 1; step-- {
		plot = c.plot(lines, step, plotHeight)
		if lipgloss.Width(plot) <= width {
			break
		}
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		c.Theme.Plain.Width(width).Render(wrap(title, width)), plot, c.legend(lines, width))
}

func (c *Context) plot(lines []chartLine, step, height int) string {
	data := make([][]float64, len(lines))
	colours := make([]asciigraph.AnsiColor, len(lines))
	chars := make([]asciigraph.CharSet, len(lines))
	lo, hi := math.Inf(1), math.Inf(-1)
	// asciigraph draws later series over earlier ones; the first series
	// (the home region) goes last so it is never hidden, targets first.
	for i := range lines {
		l := lines[len(lines)-1-i]
		data[i] = l.series(step)
		colours[i], chars[i] = l.colour, l.stroke
		for _, v := range data[i] {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	monthLabel := func(v float64) string {
		m := int(math.Round(v))
		if c.Lang == model.En && step >= 4 {
			return model.MonthName(m, model.En)
		}
		return strconv.Itoa(m)
	}
	axis := niceAxis(lo, hi, height)
	opts := []asciigraph.Option{
		asciigraph.Height(axis.rows),
		asciigraph.LowerBound(axis.lo),
		asciigraph.UpperBound(axis.hi),
		asciigraph.YAxisValueFormatter(func(v float64) string { return strconv.FormatFloat(v, 'f', axis.decimals, 64) }),
		asciigraph.XAxisRange(1, 12),
		asciigraph.XAxisTickCount(12),
		asciigraph.XAxisValueFormatter(monthLabel),
		asciigraph.SeriesChars(chars...),
	}
	if c.Theme.Colour {
		opts = append(opts, asciigraph.SeriesColors(colours...), asciigraph.AxisColor(asciigraph.Gray), asciigraph.LabelColor(asciigraph.Gray))
	}
	return asciigraph.PlotMany(data, opts...)
}

// legend names each line by its stroke and lists its exact figures, so
// nobody has to read a value off the axis; derived figures are starred.
func (c *Context) legend(lines []chartLine, width int) string {
	var out []string
	derived := false
	for _, l := range lines {
		sample := l.stroke.Horizontal + l.stroke.Horizontal
		if c.Theme.Colour {
			sample = asciiColour(l.colour, sample)
		}
		var figs []string
		if l.target != nil {
			figs = append(figs, c.figure(l.ind, l.target))
		}
		for m := 1; m <= 12; m++ {
			if o, ok := l.points[m]; ok {
				fig := c.period(o) + " " + o.Value.Text
				if o.Derived != nil {
					fig += "*"
					derived = true
				}
				figs = append(figs, fig)
			}
		}
		head := sample + " " + c.Theme.Title.Render(l.label) + " "
		body := c.Theme.Plain.Width(width - lipgloss.Width(head)).Render(flow(figs, " · ", width-lipgloss.Width(head)))
		out = append(out, lipgloss.JoinHorizontal(lipgloss.Top, head, body))
	}
	if derived {
		out = append(out, c.Theme.Muted.Width(width).Render(wrap("* "+c.Words.Derived+c.Words.Colon+c.Words.Arithmetic, width)))
	}
	for _, note := range c.hiddenPoints(lines) {
		out = append(out, c.Theme.Muted.Width(width).Render(wrap(note, width)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, out...)
}

// asciiColour paints a legend sample in the same ANSI colour asciigraph
// gives the line, so the two always match.
func asciiColour(colour asciigraph.AnsiColor, s string) string {
	return colour.String() + s + asciigraph.Default.String()
}

// axis is a y axis whose rows fall on round values, so that a target of
// 5% sits on a row labelled 5.0 rather than 4.9.
type axis struct {
	lo, hi   float64
	rows     int
	decimals int
}

// niceAxis picks the finest round step (0.1, 0.2, 0.5, 1, 2, 5 …) that
// spans lo..hi in at most maxRows rows.
func niceAxis(lo, hi float64, maxRows int) axis {
	maxRows = max(2, maxRows)
	for _, step := range []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		a := axis{lo: math.Floor(lo/step) * step, hi: math.Ceil(hi/step) * step}
		if a.hi == a.lo {
			a.hi += step
		}
		a.rows = int(math.Round((a.hi - a.lo) / step))
		if a.rows <= maxRows {
			if step < 1 {
				a.decimals = 1
			}
			return a
		}
	}
	return axis{lo: lo, hi: hi, rows: maxRows}
}

// hiddenPoints says which points are drawn under another series' point
// of the same month and value: the first series is drawn on top, so a
// reader would otherwise think the other had no figure there.
func (c *Context) hiddenPoints(lines []chartLine) []string {
	var notes []string
	for j := 1; j < len(lines); j++ {
		for m := 1; m <= 12; m++ {
			o, ok := lines[j].points[m]
			if !ok {
				continue
			}
			for i := 0; i < j; i++ {
				if top, ok := lines[i].points[m]; ok && top.Value.Rat().Cmp(o.Value.Rat()) == 0 {
					notes = append(notes, fmt.Sprintf(c.Words.Hidden, lines[j].label, c.period(o), o.Value.Text, lines[i].label))
					break
				}
			}
		}
	}
	return notes
}
