package ui

import (
	"fmt"

	"github.com/kmdash/kmdash/model"
)

// visualRef names one of the drawings a tab declares: a line chart, the
// season calendar of its initiatives, or a bar group.
type visualRef struct {
	chart    *model.Chart
	bars     *model.BarGroup
	calendar []*model.Initiative
}

// tabVisuals are the drawings a tab shows, in order: its charts, its
// calendar, its bars.
func tabVisuals(def *model.Tab, inits []*model.Initiative) []visualRef {
	var out []visualRef
	for i := range def.Charts {
		out = append(out, visualRef{chart: &def.Charts[i]})
	}
	if def.Calendar && len(inits) > 0 {
		out = append(out, visualRef{calendar: inits})
	}
	for i := range def.Bars {
		out = append(out, visualRef{bars: &def.Bars[i]})
	}
	return out
}

// key names the drawing among a pack's, for remembering it.
func (v visualRef) key() string {
	switch {
	case v.chart != nil:
		return "chart " + v.chart.ID
	case v.bars != nil:
		return "bars " + v.bars.ID
	case v.calendar != nil:
		return "calendar"
	}
	return ""
}

func (v visualRef) none() bool { return v.chart == nil && v.bars == nil && v.calendar == nil }

func (v visualRef) same(w visualRef) bool {
	return v.chart == w.chart && v.bars == w.bars && (v.calendar != nil) == (w.calendar != nil)
}

// visual is a drawing ready to be laid out at any size.
type visual interface {
	empty() bool
	// minHeight is the fewest rows it needs at width.
	minHeight(width int) int
	// draw draws it in width columns and about height rows; a chart
	// grows into them, bars and the calendar take what they need.
	draw(width, height int) string
	// legend says what its marks mean, drawn apart so that a layout may
	// put it below or beside; empty where the drawing says it itself.
	legend(width int) string
}

func (c *Context) visual(v visualRef) visual {
	switch {
	case v.chart != nil:
		return c.lineChart(*v.chart)
	case v.bars != nil:
		return c.barChart(*v.bars)
	case v.calendar != nil:
		return c.seasonCalendar(v.calendar)
	}
	return nil
}

func (bc *barChart) legend(int) string       { return "" }
func (sc *seasonCalendar) legend(int) string { return "" }

// drawn is a visual that remembers what it drew at each size, so a
// layout may try a drawing at several sizes and a new selection redraws
// nothing it has drawn before.
type drawn struct {
	v    visual
	memo *memo
	key  string
}

func (d *drawn) empty() bool { return d.v == nil || d.v.empty() }

func (d *drawn) minHeight(width int) int {
	return remember(d.memo, fmt.Sprint(d.key, " min ", width), func() int { return d.v.minHeight(width) })
}

func (d *drawn) draw(width, height int) string {
	key := fmt.Sprint(d.key, " draw ", width, " ", height)
	if c, ok := d.v.(*seasonCalendar); ok {
		// A calendar is the same at every height of one shape.
		key = fmt.Sprint(d.key, " draw ", width, " ", c.shape(width, height))
	}
	return remember(d.memo, key, func() string { return d.v.draw(width, height) })
}

func (d *drawn) legend(width int) string {
	return remember(d.memo, fmt.Sprint(d.key, " legend ", width), func() string { return d.v.legend(width) })
}

// bare is the visual under any memory of its drawings.
func bare(v visual) visual {
	if d, ok := v.(*drawn); ok {
		return d.v
	}
	return v
}
