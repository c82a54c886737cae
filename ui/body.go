package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// block is a drawing and the selectable items inside it.
type block struct {
	text  string
	rects []rect
}

func (b block) height() int {
	if b.text == "" {
		return 0
	}
	return lipgloss.Height(b.text)
}

// stack puts blocks one under another with a blank line between,
// moving each block's item positions down with it.
func stack(blocks ...block) block {
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
		y += b.height()
	}
	return block{text: strings.Join(parts, "\n"), rects: rects}
}

// beside puts b right of a, gap columns apart, a padded to width aw.
func beside(a block, aw, gap int, b block) block {
	if b.text == "" {
		return a
	}
	out := block{text: columns([]string{a.text, b.text}, []int{aw, 0}, gap), rects: a.rects}
	for _, r := range b.rects {
		r.x += aw + gap
		out.rects = append(out.rects, r)
	}
	return out
}

// columns sets texts side by side, each padded to its width (the last
// is not padded) with gap spaces between: what lipgloss.JoinHorizontal
// does, measuring each line once, as layouts are made on every key.
func columns(texts []string, widths []int, gap int) string {
	split := make([][]string, len(texts))
	rows := 0
	for i, t := range texts {
		split[i] = strings.Split(t, "\n")
		rows = max(rows, len(split[i]))
	}
	var b strings.Builder
	for r := range rows {
		if r > 0 {
			b.WriteByte('\n')
		}
		for i, lines := range split {
			l := ""
			if r < len(lines) {
				l = lines[r]
			}
			b.WriteString(l)
			if i == len(split)-1 {
				break
			}
			b.WriteString(strings.Repeat(" ", max(0, widths[i]-cellWidth(l))+gap))
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// parts are the drawings a tab's body is made of for one selection.
type parts struct {
	c       *Context
	t       *tab
	focus   visual
	others  []visual
	pane    []string // the selected item's detail, as lines
	paneFor int      // the width pane was drawn at
}

func (t *tab) parts(c *Context) *parts {
	ps := &parts{c: c, t: t}
	f := t.focus(c.Pack)
	if !f.none() {
		ps.focus = t.visual(c, f)
	}
	for _, v := range t.visuals {
		if !v.same(f) {
			ps.others = append(ps.others, t.visual(c, v))
		}
	}
	return ps
}

// visual is v made ready to draw, remembering its drawings.
func (t *tab) visual(c *Context, v visualRef) visual {
	return remember(&t.memo, "visual "+v.key(), func() visual { return &drawn{v: c.visual(v), memo: &t.memo, key: v.key()} })
}

// itemStyle is one way of drawing the initiatives and cards: cards as
// boxes, or as one line each when compact, in at most cols columns (0:
// as many as fit); each initiative with its season only, or with its
// places, or with what it is too.
type itemStyle struct {
	compact bool
	more    int
	cols    int
	short   bool // the detail beside them cut level with them (wide only)
}

// items draws the initiatives and cards at width in style st.
func (ps *parts) items(width int, st itemStyle) block {
	list, grid := ps.list(width, st.more), ps.grid(width, st)
	if st.compact && list.text != "" {
		// A compact list follows the initiatives without a gap: they are
		// one list of what the tab holds.
		return block{text: list.text + "\n" + grid.text, rects: append(list.rects, shift(grid.rects, list.height())...)}
	}
	return stack(list, grid)
}

// list draws the initiatives at width, each saying as much as more says.
func (ps *parts) list(width, more int) block {
	c, t := ps.c, ps.t
	if len(t.inits) == 0 {
		return block{}
	}
	return remember(&t.memo, fmt.Sprint("list ", width, " ", t.selected, " ", more), func() block {
		var b block
		b.text, b.rects = c.initiativeList(t.inits).draw(width, t.selected, more)
		return b
	})
}

// grid draws the cards at width in style st.
func (ps *parts) grid(width int, st itemStyle) block {
	c, t := ps.c, ps.t
	cards := make([]card, len(t.cards))
	spell := remember(&t.memo, "spellings", func() []spelling { return c.spellings(t.cards) })
	for i, ind := range t.cards {
		cards[i] = remember(&t.memo, "card "+ind.ID+c.markKey(ind.ID), func() card { return c.card(ind, spell[i]) })
	}
	var grid block
	grid.text, grid.rects = cardGrid{cards: cards, compact: st.compact, cols: st.cols, theme: c.Theme, memo: &t.memo}.draw(width, t.selected-len(t.inits))
	return grid
}

func shift(rs []rect, dy int) []rect {
	out := make([]rect, len(rs))
	for i, r := range rs {
		r.y += dy
		out[i] = r
	}
	return out
}

// detail is the selected item's detail at width, cut to height rows with
// a pointer to the full detail when it does not fit (0: never cut).
func (ps *parts) detail(width, height int) string {
	lines := ps.paneLines(width)
	if height > 0 && len(lines) > height {
		lines = append(lines[:max(0, height-1):max(0, height-1)], ps.c.Theme.Muted.Render("… "+ps.c.Words.PaneMore))
	}
	return strings.Join(lines, "\n")
}

// paneLines are the selected item's detail at width, drawn once. The
// pane leaves out the blank lines the full detail sets between sections:
// its headings say where each begins, and rows beside the cards are few.
func (ps *parts) paneLines(width int) []string {
	if ps.pane == nil || ps.paneFor != width {
		it := ps.t.current()
		ps.pane = remember(&ps.t.memo, fmt.Sprint("pane ", it.id(), " ", width)+ps.c.markKey(it.id()), func() []string {
			var out []string
			for _, l := range ps.c.itemDetail(it, width) {
				if strings.TrimSpace(l) != "" {
					out = append(out, l)
				}
			}
			return out
		})
		ps.paneFor = width
	}
	return ps.pane
}

// visualBlock is a visual with its legend below.
func visualBlock(v visual, width, height int) string {
	if v == nil || v.empty() {
		return ""
	}
	drawn := v.draw(width, height)
	if l := v.legend(width); l != "" {
		drawn += "\n" + l
	}
	return drawn
}

// othersBlock stacks the visuals that are not in focus.
func (ps *parts) othersBlock(width int, others []visual) block {
	var bs []block
	for _, v := range others {
		if !v.empty() {
			bs = append(bs, block{text: visualBlock(v, width, v.minHeight(width)+6)})
		}
	}
	return stack(bs...)
}
