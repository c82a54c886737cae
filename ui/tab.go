package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"

	"github.com/kmdash/kmdash/model"
)

// item is one thing a reader can select on a tab: an indicator's card or
// a tourism initiative's row.
type item struct {
	ind *model.Indicator
	ini *model.Initiative
}

func (it item) id() string {
	switch {
	case it.ind != nil:
		return it.ind.ID
	case it.ini != nil:
		return it.ini.ID
	}
	return ""
}

// tab is one tab's own state: what it shows, which item is selected,
// where the body is scrolled, and the body laid out for the selection.
type tab struct {
	def      *model.Tab
	id       model.TabID
	inits    []*model.Initiative
	cards    []*model.Indicator
	visuals  []visualRef // the tab's charts, calendar and bars, in order
	selected int

	body     viewport.Model
	rects    []rect    // where each item sits in the body
	lines    []string  // the body, laid out, for the visible slice
	drawnFor string    // the size and language the body was laid out for
	revealed int       // the selection last scrolled into view
	laidOut  int       // the selection lines were laid out for; -1: none yet
	marks    reviewRev // the review the lines were laid out with
	memo     memo      // drawings at the current size and language
}

func newTab(p *model.Pack, def *model.Tab) *tab {
	t := &tab{def: def, id: def.ID, body: viewport.New(0, 0), revealed: -1, laidOut: -1,
		cards: p.Cards(def), inits: p.TabInitiatives(def)}
	t.body.MouseWheelEnabled = true
	// The app routes keys itself and never calls the viewport's Update,
	// so its own key map would only take memory in every session.
	t.body.KeyMap = viewport.KeyMap{}
	t.visuals = tabVisuals(def, t.inits)
	return t
}

func (t *tab) count() int { return len(t.inits) + len(t.cards) }

func (t *tab) item(i int) item {
	if i >= 0 && i < len(t.inits) {
		return item{ini: t.inits[i]}
	}
	if i-len(t.inits) >= 0 && i-len(t.inits) < len(t.cards) {
		return item{ind: t.cards[i-len(t.inits)]}
	}
	return item{}
}

func (t *tab) current() item { return t.item(t.selected) }

// indexOf is the position of the item with the given id, or -1.
func (t *tab) indexOf(id string) int {
	for i := 0; i < t.count(); i++ {
		if t.item(i).id() == id {
			return i
		}
	}
	return -1
}

// selectID selects the item with the given id, if the tab has it.
func (t *tab) selectID(id string) bool {
	i := t.indexOf(id)
	if i >= 0 {
		t.selected = i
	}
	return i >= 0
}

// focus is what the chart place shows for the selection: the chart or
// bars of the selected indicator (this tab's first, else another tab's),
// the calendar for an initiative, and otherwise the tab's first visual,
// its growth chart. The chart follows the reader.
func (t *tab) focus(p *model.Pack) visualRef {
	it := t.current()
	if it.ini != nil {
		for _, v := range t.visuals {
			if v.calendar != nil {
				return v
			}
		}
	}
	if it.ind != nil {
		if v, ok := visualOf(t.visuals, it.ind.ID); ok {
			return v
		}
		for _, other := range p.Tabs {
			if other != t.def {
				if v, ok := visualOf(tabVisuals(other, nil), it.ind.ID); ok {
					return v
				}
			}
		}
	}
	if len(t.visuals) > 0 {
		return t.visuals[0]
	}
	return visualRef{}
}

// visualOf is the first of vs that draws indicator id.
func visualOf(vs []visualRef, id string) (visualRef, bool) {
	for _, v := range vs {
		if v.chart != nil && v.chart.Charting(id) || v.bars != nil && v.bars.Comparing(id) {
			return v, true
		}
	}
	return visualRef{}, false
}

// draw lays the tab out for the context's size and the selection, unless
// the body already holds that layout: a presenter flipping tabs, or a key
// that changed nothing here, costs no drawing.
func (t *tab) draw(c *Context) {
	bodyH := max(1, c.Height-chromeRows)
	resized := false
	if key := fmt.Sprint(c.Width, "x", c.Height, c.Lang); key != t.drawnFor {
		t.drawnFor, resized = key, true
		t.memo.reset()
	}
	if !resized && t.laidOut == t.selected && t.marks == c.marksRev {
		return
	}
	lay := c.Layouts.body(c.layoutKey(t.id, t.selected), func() *layout {
		return t.layOut(c, c.Width, bodyH)
	})
	t.lines, t.rects = lay.lines, lay.rects
	// The viewport only keeps the scroll position, so it is given as many
	// empty lines: the laid-out text is not held twice.
	t.body.Width, t.body.Height = c.Width, bodyH
	t.body.SetContent(strings.Repeat("\n", max(0, len(t.lines)-1)))
	t.laidOut, t.marks = t.selected, c.marksRev
	// Only a new selection or a new layout pulls the selection into view;
	// otherwise the reader's own scrolling stands.
	if resized || t.selected != t.revealed {
		t.reveal()
		t.revealed = t.selected
	}
}

// reveal scrolls the body just enough to show the selected item whole.
func (t *tab) reveal() {
	if t.selected >= len(t.rects) {
		return
	}
	r := t.rects[t.selected]
	switch {
	case r.y < t.body.YOffset:
		t.body.SetYOffset(r.y)
	case r.y+r.h > t.body.YOffset+t.body.Height:
		t.body.SetYOffset(r.y + r.h - t.body.Height)
	}
}

// itemAt is the item under a point of the body, or -1. A point below the
// body's last row is the footer: the item the body would show there is
// scrolled out of sight, not under the pointer.
func (t *tab) itemAt(x, y int) int {
	if y < 0 || y >= t.body.Height {
		return -1
	}
	y += t.body.YOffset
	for i, r := range t.rects {
		if r.contains(x, y) {
			return i
		}
	}
	return -1
}

// view is the visible part of the body. The viewport keeps the offset;
// slicing the laid-out lines here avoids re-measuring every one of them.
func (t *tab) view() []string {
	from := min(t.body.YOffset, len(t.lines))
	to := min(from+t.body.Height, len(t.lines))
	return t.lines[from:to]
}
