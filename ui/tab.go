package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"

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

// tab is one tab's own state: what can be selected, which is, where the
// body is scrolled, and the drawings that only change with size or
// language (charts, bars, the calendar), kept between frames.
type tab struct {
	id       model.TabID
	inits    []*model.Initiative
	cards    []*model.Indicator
	charts   []model.Chart
	bars     []model.BarGroup
	selected int

	body     viewport.Model
	rects    []rect   // where each item sits in the body
	lines    []string // the body, laid out, for the visible slice
	drawnFor string   // the size and language static was drawn for
	revealed int      // the selection last scrolled into view
	static   []block
	laidOut  int // the selection lines were laid out for; -1: none yet
}

func newTab(p *model.Pack, id model.TabID) *tab {
	t := &tab{id: id, body: viewport.New(0, 0), cards: p.TabIndicators(id), revealed: -1, laidOut: -1}
	t.body.MouseWheelEnabled = true
	// The app routes keys itself and never calls the viewport's Update,
	// so its own key map would only take memory in every session.
	t.body.KeyMap = viewport.KeyMap{}
	if id == model.Economy {
		for _, h := range p.Headlines {
			if ind := p.Indicator(h); ind != nil {
				t.cards = append(t.cards, ind)
			}
		}
	}
	if id == model.Tourism {
		t.inits = p.Initiatives
	}
	for _, ch := range p.Charts {
		if ch.Tab == id {
			t.charts = append(t.charts, ch)
		}
	}
	for _, b := range p.Bars {
		if b.Tab == id {
			t.bars = append(t.bars, b)
		}
	}
	return t
}

func (t *tab) count() int { return len(t.inits) + len(t.cards) }

func (t *tab) item(i int) item {
	if i < len(t.inits) {
		return item{ini: t.inits[i]}
	}
	if i-len(t.inits) < len(t.cards) {
		return item{ind: t.cards[i-len(t.inits)]}
	}
	return item{}
}

func (t *tab) current() item { return t.item(t.selected) }

// move shifts the selection by delta, stopping at either end.
func (t *tab) move(delta int) {
	t.selected = max(0, min(t.count()-1, t.selected+delta))
}

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

// draw lays the tab out for the context's size. Items are redrawn every
// time (the selection shows in them); charts, bars and the calendar only
// when size or language change.
func (t *tab) draw(c *Context) {
	bodyH := max(1, c.Height-chromeRows)
	wide := c.Width >= wideWidth
	leftW, rightW := c.Width, c.Width
	if wide {
		leftW = c.Width * 11 / 20
		rightW = c.Width - leftW - 2
	}
	resized := false
	if key := fmt.Sprint(c.Width, "x", c.Height, c.Lang); key != t.drawnFor {
		t.static = nil // drawn again below, if the layout needs it
		t.drawnFor, resized = key, true
	}
	// Coming back to a tab, or a key that changed nothing here, finds the
	// body already laid out: a presenter flipping tabs costs no drawing.
	if !resized && t.laidOut == t.selected {
		return
	}
	lay := c.Layouts.body(c.layoutKey(t.id, t.selected), func() *layout {
		if t.static == nil {
			t.static = c.Layouts.static(c.layoutKey(t.id, -1), func() []block {
				return t.drawStatic(c, rightW, bodyH)
			})
		}
		return t.layOut(c, leftW, wide)
	})
	t.lines, t.rects = lay.lines, lay.rects
	if c.Layouts.shares(c.layoutKey(t.id, -1)) {
		// The shared cache keeps the charts for the next layout; a session
		// holding its own copy would cost every viewer the memory again.
		t.static = nil
	}
	// The viewport only keeps the scroll position, so it is given as many
	// empty lines: the laid-out text is not held twice.
	t.body.Width, t.body.Height = c.Width, bodyH
	t.body.SetContent(strings.Repeat("\n", len(t.lines)-1))
	t.laidOut = t.selected
	// Only a new selection or a new layout pulls the selection into view;
	// otherwise the reader's own scrolling stands.
	if resized || t.selected != t.revealed {
		t.reveal()
		t.revealed = t.selected
	}
}

// layOut puts the tab's items and drawings together for the current
// selection, one column or two.
func (t *tab) layOut(c *Context, leftW int, wide bool) *layout {
	var list block
	if len(t.inits) > 0 {
		list.text, list.rects = c.initiativeList(t.inits, leftW, t.selected, wide)
	}
	var grid block
	grid.text, grid.rects = c.cardGrid(t.cards, leftW, t.selected-len(t.inits))

	var content string
	var rects []rect
	switch {
	case wide:
		left, r := stack(list, grid)
		right, _ := stack(t.static...)
		content, rects = lipgloss.JoinHorizontal(lipgloss.Top, left, "  ", right), r
	case len(t.inits) > 0 && len(t.static) > 0:
		// In one column the season calendar comes straight after the
		// initiatives: together they are what the tourism tab is for.
		content, rects = stack(append([]block{list, t.static[0], grid}, t.static[1:]...)...)
	default:
		content, rects = stack(append([]block{list, grid}, t.static...)...)
	}
	// Each line is cut to the width and made its own string,
	// so the frame is put together without measuring, and a kept line
	// does not keep the whole drawing alive.
	lines := fitLines(strings.Split(content, "\n"), c.Width)
	for i, l := range lines {
		lines[i] = strings.Clone(l)
	}
	return &layout{lines: lines, rects: rects}
}

// block is a drawing and the selectable items inside it.
type block struct {
	text  string
	rects []rect
}

// stack puts blocks one under another with a blank line between,
// moving each block's item positions down with it.
func stack(blocks ...block) (string, []rect) {
	var parts []string
	var rects []rect
	y := 0
	for _, b := range blocks {
		if b.text == "" {
			continue
		}
		if len(parts) > 0 {
			parts = append(parts, "")
			y++
		}
		for _, r := range b.rects {
			r.y += y
			rects = append(rects, r)
		}
		parts = append(parts, b.text)
		y += lipgloss.Height(b.text)
	}
	return strings.Join(parts, "\n"), rects
}

func (t *tab) drawStatic(c *Context, width, bodyH int) []block {
	// Beside the cards a chart shares the screen's height; below them it
	// is reached by scrolling anyway, so it may take more rows.
	plotH := max(4, min(12, bodyH/3))
	if c.Width < wideWidth {
		plotH = max(6, min(12, bodyH/2))
	}
	out := t.drawStaticAt(c, width, plotH)
	// A tall window gives the charts the rows the column leaves empty.
	if n := len(t.charts); c.Width >= wideWidth && n > 0 {
		if _, used := stackHeight(out); used < bodyH {
			grown := min(24, plotH+(bodyH-used)/n)
			if grown > plotH {
				out = t.drawStaticAt(c, width, grown)
			}
		}
	}
	return out
}

func (t *tab) drawStaticAt(c *Context, width, plotH int) []block {
	var out []block
	if t.id == model.Tourism {
		out = append(out, block{text: c.calendar(width)})
	}
	for _, ch := range t.charts {
		out = append(out, block{text: c.chart(ch, width, plotH)})
	}
	for _, b := range t.bars {
		out = append(out, block{text: c.barGroup(b, width)})
	}
	return out
}

// stackHeight is how many rows stack would give blocks.
func stackHeight(blocks []block) (string, int) {
	text, _ := stack(blocks...)
	return text, lipgloss.Height(text)
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

// click selects the item under a point of the body, if any. A point
// below the body's last row is the footer: the item the body would show
// there is scrolled out of sight, not under the pointer.
func (t *tab) click(x, y int) bool {
	if y < 0 || y >= t.body.Height {
		return false
	}
	y += t.body.YOffset
	for i, r := range t.rects {
		if r.contains(x, y) {
			t.selected = i
			return true
		}
	}
	return false
}

// view is the visible part of the body. The viewport keeps the offset;
// slicing the laid-out lines here avoids re-measuring every one of them.
func (t *tab) view() []string {
	from := min(t.body.YOffset, len(t.lines))
	to := min(from+t.body.Height, len(t.lines))
	return t.lines[from:to]
}
