package ui

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// layOut arranges a tab's body for the selection at width×height: in two
// bands when the window is wide, in one column when it is not. Either way
// the chart (or the drawing) of the selection is on the first screen.
func (t *tab) layOut(c *Context, width, height int) *layout {
	ps := t.parts(c)
	var b block
	if width >= wideWidth {
		b = ps.wide(width, height)
	} else {
		b = ps.narrow(width, height)
	}
	// Each line is cut to the width and made its own string, so the frame
	// is put together without measuring, and a kept line does not keep
	// the whole drawing alive.
	lines := fitLines(strings.Split(b.text, "\n"), width)
	for i, l := range lines {
		lines[i] = strings.Clone(l)
	}
	return &layout{lines: lines, rects: b.rects}
}

// sideWidth is the width of the column beside a wide chart that holds its
// legend and the tab's other drawings.
func sideWidth(width int) int { return max(34, min(64, width*36/100)) }

// sideWidth widens the side column for a chart among the drawings that
// may go there to the columns it needs to label every month, as far as
// the chart in focus keeps its own.
func (ps *parts) sideWidth(width int) int {
	w := sideWidth(width)
	need := 0
	for _, v := range ps.others {
		if lc, ok := bare(v).(*lineChart); ok {
			need = max(need, lc.minWidth())
		}
	}
	if need <= w {
		return w
	}
	keep := 0
	if lc, ok := bare(ps.focus).(*lineChart); ok {
		keep = lc.minWidth()
	}
	return max(w, min(need, width-2-keep))
}

// focusNeed is the rows the chart place asks for before it grows: what
// the drawing needs, and for a chart up to half the body.
func (ps *parts) focusNeed(width, height int) int {
	if ps.focus == nil || ps.focus.empty() {
		return 0
	}
	need := ps.focus.minHeight(width)
	if lc, ok := bare(ps.focus).(*lineChart); ok {
		need = max(need, min(lc.naturalHeight(width), height/2))
	}
	return need
}

// band is the upper band of a wide body: items on the left, the detail
// on the right, and under either the drawings that fit there.
type band struct {
	fillers     []visual // drawings moved into the band
	left, right block
	height      int
}

// wide is two bands. Above: the initiatives and cards on the left, the
// selected item's detail on the right, beside them. Below: the selected
// item's chart, grown into the rows left, and beside it the chart's
// legend and the tab's other drawings. The cards take the shape (boxes or
// lines, how many columns, how much of each initiative) that leaves the
// fewest half-rows of the first screen blank, and drawings that fit in
// the upper band go there.
func (ps *parts) wide(width, height int) block {
	var best itemStyle
	var bestRank []int
	styles := ps.styles(width/2 - 1)
	for _, st := range styles {
		w, ok := ps.wideWith(st, width, height, false, true)
		if !ok {
			continue
		}
		// A layout that fits the first screen beats one that does not;
		// then one that leaves at most a fifth of it blank; then one whose
		// chart has the rows to step by its figures' own precision; then
		// one that shows more of the detail; then the least blank.
		shown := min(len(ps.paneLines(width-width/2-1)), height-w.chartH-1)
		rank := []int{boolRank(w.height <= height), boolRank(w.blank*5 <= 2*height), boolRank(ps.exact(width, w.chartH)), shown, -w.blank}
		if bestRank == nil || slices.Compare(rank, bestRank) > 0 {
			best, bestRank = st, rank
		}
	}
	// Nothing may leave the chart the rows it asks for: then the most
	// compact items, and the chart below them at what it needs.
	force := bestRank == nil
	if force {
		best = styles[len(styles)-1]
	}
	w, _ := ps.wideWith(best, width, height, force, false)
	return w.body
}

// weighed is a wide layout and what it is weighed by.
type weighed struct {
	body   block // the whole body; a draft's holds only the upper band
	height int   // the body's rows
	blank  int   // blank half-rows of the first screen (see blankHalves)
	chartH int   // the rows the chart is given
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// exact reports whether the chart in focus, given height rows, steps by
// one unit of its figures' precision, so every figure sits on its own
// labelled row; anything else in focus is exact as drawn.
func (ps *parts) exact(width, height int) bool {
	lc, ok := bare(ps.focus).(*lineChart)
	if !ok {
		return true
	}
	return lc.exactAt(width, height)
}

// wideWith is the wide layout with the items drawn in style st; it
// reports false, and lays out nothing unless forced, when the items leave
// the chart less than it needs. A draft is weighed without drawing a
// chart that grows: it fills the rows it is given, its axes at both edges
// of a width past the middle, so none of its rows is blank on either side.
func (ps *parts) wideWith(st itemStyle, width, height int, force, draft bool) (weighed, bool) {
	leftW := width/2 - 1
	paneW := width - leftW - 2
	sideW := ps.sideWidth(width)
	chartW := width - sideW - 2
	bandMax := height
	if need := remember(&ps.t.memo, fmt.Sprint("need ", ps.focusKey(), " ", chartW, " ", height), func() int { return ps.focusNeed(chartW, height) }); need > 0 {
		bandMax = height - 1 - need
	}
	items := ps.items(leftW, st)
	if items.height() > bandMax && !force {
		return weighed{}, false
	}
	detailH := len(ps.paneLines(paneW))
	if st.short {
		if detailH <= items.height() && !force {
			return weighed{}, false // the same as the layout not cut
		}
		detailH = items.height() // the detail cut level with the items
	}
	best := ps.band(items, detailH, bandMax, leftW, paneW)
	top := beside(best.left, leftW, 2, best.right)
	if ps.focus == nil || ps.focus.empty() {
		return weighed{body: top, height: top.height(), blank: blankHalves(top.text, width, height)}, true
	}
	chartH := max(ps.focus.minHeight(chartW), height-best.height-1)
	var rest []visual
	key := fmt.Sprint("bottom ", ps.focusKey(), " ", draft, " ", width, " ", chartH)
	for _, v := range ps.others {
		if !slices.Contains(best.fillers, v) {
			rest = append(rest, v)
			key += " " + v.(*drawn).key
		}
	}
	// The lower band depends only on the chart's rows and the drawings
	// beside it.
	lower := func() block {
		side := stack(block{text: ps.focus.legend(sideW)}, ps.othersBlock(sideW, rest))
		if _, grows := bare(ps.focus).(*lineChart); draft && grows && chartW > width/2 {
			// A chart fills the rows it is given, its axes at both edges of
			// a width past the middle: a draft stands rows that are full
			// on both sides in for it rather than draw it.
			full := strings.TrimSuffix(strings.Repeat("·"+strings.Repeat(" ", width/2)+"·\n", chartH), "\n")
			return beside(block{text: full}, chartW, 2, side)
		}
		return beside(block{text: ps.focus.draw(chartW, chartH)}, chartW, 2, side)
	}
	if draft {
		// A draft is weighed by the upper band, the blank row under it,
		// the lower band on the first screen, and any rows past it, which
		// a drawing pushed out of sight leaves blank. Candidates that share
		// a lower band share its rows and blank halves: those two numbers
		// are remembered, not the band, so weighing every candidate of
		// every selection holds no drawing (a session browsing at a size
		// of its own kept megabytes of them).
		onScreen := max(0, height-best.height-1)
		low := remember(&ps.t.memo, fmt.Sprint(key, " ", onScreen), func() [2]int {
			b := lower()
			return [2]int{b.height(), blankHalves(b.text, width, onScreen)}
		})
		total := best.height + 1 + low[0]
		return weighed{body: top, height: total, chartH: chartH,
			blank: blankHalves(top.text, width, best.height) + 2 + low[1] + 2*max(0, total-height)}, true
	}
	bottom := lower()
	w := weighed{body: top, height: best.height + 1 + bottom.height(), chartH: chartH}
	w.body = stack(top, bottom)
	return w, true
}

// focusKey names the drawing in the chart place, for remembering what
// depends on it.
func (ps *parts) focusKey() string {
	if d, ok := ps.focus.(*drawn); ok {
		return d.key
	}
	return ""
}

// blankHalves counts the rows of the first screen (height rows of s)
// whose left or right half is blank, each half apart; rows past the end
// of s are blank too, and rows past the screen count against a layout
// too, as blank, since they push something out of sight.
func blankHalves(s string, width, height int) int {
	half := width / 2
	lines := strings.Split(s, "\n")
	blank := 0
	for i := 0; i < max(height, len(lines)); i++ {
		if i >= len(lines) || i >= height {
			blank += 2
			continue
		}
		// A half is blank when the row's text starts at or after the middle
		// (left) or ends at or before it (right). Measuring where the text
		// starts and ends, rather than cutting every row in two, keeps the
		// weighing of layouts cheap.
		text := strings.TrimRightFunc(ansi.Strip(lines[i]), unicode.IsSpace)
		body := strings.TrimLeftFunc(text, unicode.IsSpace)
		if body == "" || cellWidth(text[:len(text)-len(body)]) >= half {
			blank++
		}
		if body == "" || cellWidth(text) <= half {
			blank++
		}
	}
	return blank
}

// band fits the items and the detail side by side, as tall as the items
// or as much of the detail as bandMax allows, and moves the tab's other
// drawings into the room left under either, the emptier side first.
func (ps *parts) band(items block, detailH, bandMax, leftW, paneW int) *band {
	b := &band{height: max(items.height(), min(detailH, bandMax))}
	shown := min(detailH, b.height)
	left, right := []block{items}, []block{{text: ps.detail(paneW, b.height)}}
	usedL, usedR := items.height(), shown
	for _, v := range ps.others {
		l := block{text: visualBlock(v, leftW, v.minHeight(leftW))}
		r := block{text: visualBlock(v, paneW, v.minHeight(paneW))}
		hl, hr := l.height(), r.height()
		switch {
		case usedL <= usedR && usedL+1+hl <= b.height:
			left = append(left, l)
			usedL += 1 + hl
		case usedR+1+hr <= b.height:
			right = append(right, r)
			usedR += 1 + hr
		case usedL+1+hl <= b.height:
			left = append(left, l)
			usedL += 1 + hl
		default:
			continue
		}
		b.fillers = append(b.fillers, v)
	}
	b.left, b.right = stack(left...), stack(right...)
	return b
}

// styles are the ways to draw the items at width, from the roomiest:
// boxes with places, in as many columns as fit and then fewer; boxes
// without places; lines.
func (ps *parts) styles(width int) []itemStyle {
	var out []itemStyle
	most := cardGrid{cards: make([]card, len(ps.t.cards))}.columns(width)
	for more := withWhat; more >= seasonOnly; more-- {
		if more > seasonOnly && len(ps.t.inits) == 0 {
			continue
		}
		for cols := most; cols >= 1; cols-- {
			out = append(out, itemStyle{more: more, cols: cols})
		}
	}
	out = append(out, itemStyle{compact: true})
	// Each again with the detail beside the items cut level with them,
	// so that the chart below takes the rows a long detail would.
	for _, st := range out[:len(out):len(out)] {
		st.short = true
		out = append(out, st)
	}
	return out
}

// narrow is one column: the initiatives and cards, as lines where boxes
// would push the chart off the first screen; the selected item's chart
// and its legend; its detail; the tab's other drawings. The season
// calendar comes straight after the initiatives it draws, and where even
// that leaves it no room the initiatives are listed by name alone.
func (ps *parts) narrow(width, height int) block {
	need := ps.focusNeed(width, height)
	items := ps.items(width, itemStyle{})
	if items.height()+1+need > height {
		items = ps.items(width, itemStyle{compact: true})
	}
	_, calendar := bare(ps.focus).(*seasonCalendar)
	focusAt := func(used int) block {
		if ps.focus == nil || ps.focus.empty() {
			return block{}
		}
		// The chart takes the rest of the first screen, and at least
		// what it needs.
		return block{text: visualBlock(ps.focus, width, max(ps.focus.minHeight(width), height-used-1))}
	}
	detail := block{text: ps.detail(width, 0)}
	others := ps.othersBlock(width, ps.others)
	if !calendar || items.height()+1+need <= height {
		return stack(items, focusAt(items.height()), detail, others)
	}
	// The cards follow the calendar and stay on the first screen too:
	// the calendar leaves them their rows, and the initiatives give up
	// their seasons in words (the calendar draws them) where all three
	// would not fit.
	grid := ps.grid(width, itemStyle{compact: true})
	below := 0
	if grid.height() > 0 {
		below = 1 + grid.height()
	}
	list := ps.list(width, seasonOnly)
	if list.height()+1+need+below > height {
		list = ps.list(width, namesOnly)
	}
	focus := focusAt(list.height() + below)
	// The cards come after the calendar: their rows move down by it.
	body := stack(list, focus)
	cards := stack(block{text: body.text}, grid)
	rects := append(list.rects, shift(grid.rects, cards.height()-grid.height())...)
	return stack(block{text: cards.text, rects: rects}, detail, others)
}
