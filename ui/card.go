package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

// cardMinWidth is the narrowest card that still holds a comparison line
// such as "▲ 比一季度高0.1个百分点" without wrapping.
const cardMinWidth = 28

// card is what one indicator's card says: its name, its headline figure
// with region and period, each comparison the source gives, and the
// year's target where the pack has one. It draws as a box, or as one
// compact line where rows are short.
type card struct {
	id     string
	name   string
	value  string // "4.4%"
	region string // "昆明主城五区"
	period string // "截至9月22日"
	where  string // region and period: "昆明 · 上半年"
	when   string // where a line must be short: the period alone, for the home region
	notes  []string
	// spelled is the note that writes "percentage points" in full, the
	// one a screen gives: a line without room for it beside the figure
	// gives it a line of its own rather than leave it out.
	spelled string
	// caveat is the note that qualifies the figure; a line without room
	// for it leaves it to the card's box and the detail, and goes on to
	// the notes that fit.
	caveat string
	// defines is notes' index of the comparison that names the short form
	// ("0.1 percentage points (pp)") the notes after it take; plain is that
	// comparison without the name, for a screen where no "pp" follows.
	defines int
	plain   string
	marks   string // the review's glyphs (marks.go), "" when none
	theme   *Theme
}

// card gathers what ind's card says. sp is how its first comparison
// writes a difference in percentage points; later ones are short.
func (c *Context) card(ind *model.Indicator, sp spelling) card {
	cd := card{id: ind.ID, name: ind.Name.In(c.Lang), marks: c.cardMarks(ind.ID), theme: c.Theme}
	o := c.Pack.Headline(ind)
	if o == nil {
		// A target set for the year with nothing yet to set against it
		// (retail sales, investment): say so rather than leave a blank card.
		cd.notes = append(cd.notes, c.Theme.Muted.Render(c.Words.NoOutcome))
		if len(c.Pack.Regions) > 0 {
			if tg := c.target(ind, c.Pack.Regions[0].ID); tg != nil {
				cd.notes = append(cd.notes, c.Theme.Muted.Render(fmt.Sprintf(c.Words.Target, c.Pack.Year)+" "+c.figure(ind, tg)))
			}
		}
		return cd
	}
	cd.value = c.figure(ind, o) + derivedMark(o)
	cd.region, cd.period = c.regionName(o.Region), c.period(o)
	cd.where = cd.region + c.sep() + cd.period
	cd.when = cd.where
	if len(c.Pack.Regions) > 0 && o.Region == c.Pack.Regions[0].ID {
		cd.when = cd.period
	}
	if !ind.Caveat.IsZero() {
		cd.caveat = c.Theme.Warning.Render(ind.Caveat.In(c.Lang))
		cd.notes = append(cd.notes, cd.caveat)
	}
	for i, cmp := range c.Pack.Comparisons(ind, o) {
		if i > 0 {
			sp = ppShort
		}
		note := c.comparison(ind, o, cmp, sp)
		if sp != ppShort && c.Lang == model.En {
			cd.spelled = note
		}
		if sp == ppDefine {
			cd.defines, cd.plain = len(cd.notes), c.comparison(ind, o, cmp, ppFull)
		}
		cd.notes = append(cd.notes, note)
	}
	if tg := c.target(ind, o.Region); tg != nil {
		cd.notes = append(cd.notes, c.Theme.Muted.Render(fmt.Sprintf(c.Words.Target, c.Pack.Year)+" "+c.figure(ind, tg)))
	}
	return cd
}

// lines are the card's contents at inner width.
func (cd card) lines(inner int) []string {
	t := cd.theme
	out := []string{t.Name.Render(wrap(cd.name, inner))}
	if cd.value == "" {
		for _, n := range cd.notes {
			out = append(out, wrap(n, inner))
		}
		return out
	}
	value, where := t.Value.Render(cd.value), t.Muted.Render(cd.where)
	if lipgloss.Width(value)+2+lipgloss.Width(where) <= inner {
		out = append(out, value+"  "+where)
	} else {
		out = append(append(out, value), cd.whereLines(inner)...)
	}
	for _, n := range cd.notes {
		out = append(out, wrap(n, inner))
	}
	return out
}

// whereLines are the region and the period at inner width: one line
// when both fit, else the region wrapped between words and the period
// after it or on a line of its own, so neither is broken inside a name
// or a date ("截至9月22日" stays whole).
func (cd card) whereLines(inner int) []string {
	t := cd.theme
	if lipgloss.Width(cd.where) <= inner {
		return []string{t.Muted.Render(cd.where)}
	}
	lines := strings.Split(wrap(cd.region, inner), "\n")
	last := len(lines) - 1
	if joined := lines[last] + " " + t.Glyphs.Dot + " " + cd.period; lipgloss.Width(joined) <= inner {
		lines[last] = joined
	} else {
		lines = append(lines, strings.Split(wrap(cd.period, inner), "\n")...)
	}
	for i, l := range lines {
		lines[i] = t.Muted.Render(l)
	}
	return lines
}

// box draws the card at the given outer width, in the border and colour
// of the theme's Card style; the selected card has CardSelected's heavy
// border, which reads without colour too. The box is put together line by
// line rather than by lipgloss's border rendering: cards are drawn for
// every layout a window is weighed in, and that was most of the time.
func (cd card) box(width int, selected bool) string {
	style := cd.theme.Card
	if selected {
		style = cd.theme.CardSelected
	}
	b := style.GetBorderStyle()
	edge := cd.theme.Plain.Foreground(style.GetBorderTopForeground())
	inner := width - 4
	left, right := edge.Render(b.Left)+" ", " "+edge.Render(b.Right)
	out := []string{edge.Render(b.TopLeft + strings.Repeat(b.Top, width-2) + b.TopRight)}
	if mw := ansi.StringWidth(cd.marks); mw > 0 && width-2-mw-3 > 0 {
		// The review's marks sit in the top edge, so a mark never makes a
		// card taller than its neighbours.
		out[0] = edge.Render(b.TopLeft+strings.Repeat(b.Top, width-2-mw-3)+" ") + cd.marks + edge.Render(" "+b.Top+b.TopRight)
	}
	for _, l := range cd.lines(inner) {
		for _, part := range strings.Split(l, "\n") {
			out = append(out, left+part+strings.Repeat(" ", max(0, inner-lipgloss.Width(part)))+right)
		}
	}
	out = append(out, edge.Render(b.BottomLeft+strings.Repeat(b.Bottom, width-2)+b.BottomRight))
	return strings.Join(out, "\n")
}

// line draws the card as one line, wrapped only if it must be: the
// pointer, the name and the figure with its period (and its region,
// when not the pack's home region), then its comparisons, as many as
// fit. The figure and its period are never parted: where the name
// leaves no room for both, they go on the next line together, for a
// figure read without its period reads as current (a 2024 count, a
// lagged month's growth). A caveat that cannot fit is left to the box
// and the detail; the period still says which months the figure covers.
func (cd card) line(width int, selected bool) string {
	t := cd.theme
	inner := width - 2
	pointer, name := "  ", t.Title.Render(cd.name)
	if selected {
		pointer, name = t.Selected.Render(t.Glyphs.Pointer+" "), t.Selected.Render(cd.name)
	}
	items := []string{name}
	if cd.marks != "" {
		items = append(items, cd.marks)
	}
	if cd.value == "" {
		// No outcome yet: the line says so by giving the target instead.
		if len(cd.notes) > 0 {
			items = append(items, cd.notes[len(cd.notes)-1])
		}
		return lipgloss.JoinHorizontal(lipgloss.Top, pointer, flow(items, " ", inner))
	}
	value := t.Value.Render(cd.value)
	var text string
	if figure := value + "  " + t.Muted.Render(cd.when); lipgloss.Width(figure) <= inner {
		text = flow(append(items, figure), " ", inner)
	} else {
		// Too narrow for the figure and its region and period on one
		// line: the region and period follow on lines of their own,
		// each name and date kept whole.
		text = flow(append(items, value), " ", inner)
		for _, l := range cd.whenLines(inner) {
			text += "\n" + l
		}
	}
	// Comparisons follow on the line while they fit; a line already
	// wrapped takes none, so that the first to write "percentage points"
	// in full is never the one left out while a later "pp" is shown.
	for _, e := range cd.notes {
		if lipgloss.Height(text) > 1 || lipgloss.Width(text)+2+lipgloss.Width(e) > inner {
			if e == cd.caveat && lipgloss.Height(text) == 1 {
				continue
			}
			if e == cd.spelled && lipgloss.Height(text) == 1 && lipgloss.Width(e)+4 <= inner {
				text += "\n    " + e
			}
			break
		}
		text += "  " + e
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, pointer, text)
}

// whenLines are the line's region and period at inner width, as
// whereLines are the box's.
func (cd card) whenLines(inner int) []string {
	if cd.when == cd.period {
		return []string{cd.theme.Muted.Render(wrap(cd.period, inner))}
	}
	return cd.whereLines(inner)
}

// rect is where an item landed in a tab's body, for mouse clicks and for
// keeping the selection in view.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// cardGrid lays cards out in columns, filled top to bottom and then left
// to right, so that the next card is always the one below, or the top of
// the next column: ↓ and ↑ read the grid the way the eye does.
type cardGrid struct {
	cards   []card
	compact bool
	// cols is how many columns to use, at most; 0 is as many as fit.
	cols  int
	theme *Theme
	memo  *memo // remembers each card as drawn; nil draws afresh
}

// compactMinWidth is the narrowest column of one-line cards.
const compactMinWidth = 34

// columns is how many columns of cards fit width.
func (g cardGrid) columns(width int) int {
	minW := cardMinWidth
	if g.compact {
		minW = compactMinWidth
	}
	n := max(1, min(len(g.cards), (width+1)/(minW+1)))
	if g.cols > 0 {
		n = min(n, g.cols)
	}
	return n
}

// draw lays the grid out at width with card selected (-1 for none). Each
// column takes its share of the cards in order, as evenly as their
// heights allow.
func (g cardGrid) draw(width, selected int) (string, []rect) {
	if len(g.cards) == 0 {
		return "", nil
	}
	cols := g.columns(width)
	colW := (width - (cols - 1)) / cols
	drawn := named(g.cards, func(i int, cd card) string {
		draw := func() string {
			if g.compact {
				return cd.line(colW, i == selected)
			}
			return cd.box(colW, i == selected)
		}
		if g.memo == nil {
			return draw()
		}
		return remember(g.memo, fmt.Sprint("card ", cd.id, " ", g.compact, " ", colW, " ", i == selected, " ", cd.plain == "")+cd.marks, draw)
	})
	heights := make([]int, len(g.cards))
	for i := range drawn {
		heights[i] = lipgloss.Height(drawn[i])
	}
	splits := balance(heights, cols)
	rects := make([]rect, len(g.cards))
	var texts []string
	var widths []int
	x := 0
	for c, start := range splits {
		end := len(g.cards)
		if c+1 < len(splits) {
			end = splits[c+1]
		}
		y := 0
		for i := start; i < end; i++ {
			rects[i] = rect{x: x, y: y, w: colW, h: heights[i]}
			y += heights[i]
		}
		texts = append(texts, strings.Join(drawn[start:end], "\n"))
		widths = append(widths, colW)
		x += colW + 1
	}
	return columns(texts, widths, 1), rects
}

// balance splits items of the given heights, in order, into at most cols
// columns whose tallest is as short as can be; it returns where each
// column starts.
func balance(heights []int, cols int) []int {
	total := 0
	for _, h := range heights {
		total += h
	}
	// The shortest tallest column that holds everything in cols columns.
	for limit := 1; limit <= total; limit++ {
		starts := []int{0}
		used := 0
		ok := true
		for i, h := range heights {
			if h > limit {
				ok = false
				break
			}
			if used+h > limit {
				starts = append(starts, i)
				used = 0
			}
			used += h
		}
		if ok && len(starts) <= cols {
			return starts
		}
	}
	return []int{0}
}
