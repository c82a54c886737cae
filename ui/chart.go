package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// lineChart is a chart of rates on the pack year's month axis: each
// series' cumulative figures at the month their period ends, and the
// year's targets as flat lines. It is built once from the pack and drawn
// at any size; drawing reads nothing else.
type lineChart struct {
	title   string // with its unit
	series  []chartSeries
	targets []chartTarget
	lang    model.Lang
	words   *words.Words
	theme   *Theme
	minW    int // see minWidth
	// keyed puts the key to the lines in the heading: in a narrow window
	// the legend goes below the chart, often a screen below it.
	keyed bool
}

// chartSeries is one line: an indicator's figures in one region.
type chartSeries struct {
	label  string
	points []chartPoint // in month order
	colour asciigraph.AnsiColor
	style  int // its stroke and marker
}

// chartPoint is one figure on the month axis.
type chartPoint struct {
	month  int
	value  model.Number
	period string // "一季度", "H1"
	text   string // the value as written, starred when derived
	// derived figures are starred in the plot and the legend alike.
	derived bool
}

// chartTarget is a year's target, drawn as a flat line across the year.
type chartTarget struct {
	label string // whose target: "昆明2025年目标"
	value model.Number
	text  string // "5%左右"
}

// lineChart gathers what a chart of the pack draws. Series that chart one
// indicator are named by region; series of several indicators by name.
func (c *Context) lineChart(ch model.Chart) *lineChart {
	lc := &lineChart{lang: c.Lang, words: c.Words, theme: c.Theme, keyed: c.Width < wideWidth}
	sameIndicator := ch.OneIndicator()
	seenTarget := map[*model.Observation]bool{}
	unit := ""
	for i, s := range ch.Series {
		ind := c.Pack.Indicator(s.Indicator)
		if ind == nil {
			continue
		}
		if unit == "" {
			unit = ind.Unit.In(c.Lang)
		}
		cs := chartSeries{style: len(lc.series)}
		if sameIndicator {
			cs.label = c.regionName(s.Region)
			cs.colour = c.Theme.SeriesColour(c.Pack.RegionIndex(s.Region))
		} else {
			cs.label = ind.Name.In(c.Lang)
			cs.colour = c.Theme.SeriesColour(i)
		}
		for _, o := range c.Pack.ChartPoints(ind, s.Region) {
			cs.points = append(cs.points, chartPoint{month: o.Period.To.Month, value: o.Value, period: c.period(o),
				text: model.Decimal(c.Lang, o.Value) + derivedMark(o), derived: o.Derived != nil})
		}
		if len(cs.points) > 0 {
			lc.series = append(lc.series, cs)
		}
		if tg := c.target(ind, s.Region); tg != nil && !seenTarget[tg] {
			seenTarget[tg] = true
			label := fmt.Sprintf(c.Words.TargetOf, c.regionName(s.Region), c.Pack.Year)
			if !sameIndicator {
				label = ind.Name.In(c.Lang) + " " + label
			}
			lc.targets = append(lc.targets, chartTarget{label: label, value: tg.Value, text: c.figure(ind, tg)})
		}
	}
	lc.title = ch.Title.In(c.Lang) + fmt.Sprintf(c.Words.Aside, unit)
	lc.minW = lc.fullWidth()
	return lc
}

func derivedMark(o *model.Observation) string {
	if o.Derived != nil {
		return "*"
	}
	return ""
}

// empty reports whether the chart has nothing to draw.
func (lc *lineChart) empty() bool { return len(lc.series) == 0 }

// values are every figure the plot must show.
func (lc *lineChart) values() []model.Number {
	var out []model.Number
	for _, s := range lc.series {
		for _, p := range s.points {
			out = append(out, p.value)
		}
	}
	for _, t := range lc.targets {
		out = append(out, t.value)
	}
	return out
}

// heading is the chart's title line(s) at width. Where the legend is
// not beside the chart, it carries the key to its lines too: each
// series' marker and name ("● 昆明  ■ 全国"), for the legend with the
// exact figures may be a screen below, and the lines are read without
// colour as well.
func (lc *lineChart) heading(width int) string {
	t := lc.theme
	items := []string{t.Heading.Render(lc.title)}
	var key []string
	if lc.keyed {
		key = lc.key()
	}
	if all := strings.Join(key, "  "); len(key) > 1 && lipgloss.Width(all) <= width {
		// One group where it fits a line, so no name is parted from
		// the others.
		key = []string{all}
	}
	items = append(items, key...)
	if lc.keyed {
		// A series whose point lies under another's would be named in
		// the key and found nowhere on the plot.
		for _, note := range lc.hiddenPoints() {
			items = append(items, t.Muted.Render(note))
		}
	}
	items = append(items, t.Muted.Render(lc.words.MonthAxis))
	return t.Plain.Width(width).Render(flow(items, "  ", width))
}

// key names each series by the marker its points are drawn with, in the
// series' colour where the theme has colour.
func (lc *lineChart) key() []string {
	t, g := lc.theme, lc.theme.Glyphs
	out := make([]string, len(lc.series))
	for i, s := range lc.series {
		marker := g.marker(s.style)
		if t.Colour {
			marker = asciiColour(s.colour, marker)
		}
		out[i] = marker + " " + s.label
	}
	return out
}

// minPlotRows is the fewest plot rows a chart is drawn in: fewer, and
// the lines say little that the legend does not.
const minPlotRows = 5

// minHeight is the fewest rows draw can use.
func (lc *lineChart) minHeight(width int) int {
	return lipgloss.Height(lc.heading(width)) + minPlotRows + 2
}

// naturalHeight is the rows the chart takes when every figure sits on a
// row of its own value, with a step of headroom: the height it reads
// best at before it grows.
func (lc *lineChart) naturalHeight(width int) int {
	return lipgloss.Height(lc.heading(width)) + int(span(lc.values())) + 3 + 2
}

// exactAt reports whether the chart drawn at width×height steps by one
// unit of its figures' precision (0.1 for rates to one decimal).
func (lc *lineChart) exactAt(width, height int) bool {
	rows := max(minPlotRows, height-lipgloss.Height(lc.heading(width))-2)
	return chooseAxis(lc.values(), rows).step == 1
}

// draw is the heading, the plot and its month axis in at most height
// rows and width columns. The legend is drawn apart, by legend, so a
// layout can put it below or beside.
func (lc *lineChart) draw(width, height int) string {
	head := lc.heading(width)
	rows := max(minPlotRows, height-lipgloss.Height(head)-2)
	return lipgloss.JoinVertical(lipgloss.Left, head, lc.plot(width, rows))
}

// legend names each line by its marker and stroke and lists its exact
// figures; the target says whose it is; derived figures are starred and
// footnoted; a point drawn under another's is owned up to.
func (lc *lineChart) legend(width int) string {
	t, g, w := lc.theme, lc.theme.Glyphs, lc.words
	var out []string
	derived := false
	for _, s := range lc.series {
		stroke := g.stroke(s.style).Horizontal
		sample := stroke + g.marker(s.style) + stroke
		if t.Colour {
			sample = asciiColour(s.colour, sample)
		}
		figs := make([]string, len(s.points))
		for i, p := range s.points {
			figs[i] = p.period + " " + p.text
			derived = derived || p.derived
		}
		head := sample + " " + t.Title.Render(s.label) + " "
		out = append(out, hanging(head, figs, " "+g.Dot+" ", width, t))
	}
	for _, tg := range lc.targets {
		sample := strings.Repeat(g.Target.Horizontal, 3)
		if t.Colour {
			sample = asciiColour(t.Target, sample)
		}
		out = append(out, hanging(sample+" "+t.Title.Render(tg.label)+" ", []string{tg.text}, "", width, t))
	}
	if derived {
		out = append(out, t.Muted.Width(width).Render(wrap("* "+w.Derived+w.Colon+w.Arithmetic, width)))
	}
	for _, note := range lc.hiddenPoints() {
		out = append(out, t.Muted.Width(width).Render(wrap(note, width)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, out...)
}

// hanging is head followed by items flowed into the rest of the width,
// later lines indented under the first item.
func hanging(head string, items []string, sep string, width int, t *Theme) string {
	if lipgloss.Width(head) > width/2 {
		// A long name takes its own lines, and the figures go under it.
		indent := "    "
		figs := strings.Split(flow(items, sep, width-len(indent)), "\n")
		for i := range figs {
			figs[i] = indent + figs[i]
		}
		return wrap(strings.TrimRight(head, " "), width) + "\n" + strings.Join(figs, "\n")
	}
	room := max(8, width-lipgloss.Width(head))
	return lipgloss.JoinHorizontal(lipgloss.Top, head, t.Plain.Width(room).Render(flow(items, sep, room)))
}

// asciiColour paints a legend sample in the same ANSI colour asciigraph
// gives the line, so the two always match.
func asciiColour(colour asciigraph.AnsiColor, s string) string {
	return colour.String() + s + asciigraph.Default.String()
}

// hiddenPoints says which points are drawn under another series' point
// of the same month and value: the first series is drawn on top, so a
// reader would otherwise think the other had no figure there.
func (lc *lineChart) hiddenPoints() []string {
	var notes []string
	for j := 1; j < len(lc.series); j++ {
		for _, p := range lc.series[j].points {
			for i := 0; i < j; i++ {
				if top, ok := lc.series[i].at(p.month); ok && top.value.Rat().Cmp(p.value.Rat()) == 0 {
					notes = append(notes, fmt.Sprintf(lc.words.Hidden, lc.series[j].label, p.period, model.Decimal(lc.lang, p.value), lc.series[i].label))
					break
				}
			}
		}
	}
	return notes
}

// at is the series' point at month m, if it has one.
func (s chartSeries) at(m int) (chartPoint, bool) {
	for _, p := range s.points {
		if p.month == m {
			return p, true
		}
	}
	return chartPoint{}, false
}
