package ui

import (
	"fmt"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// cardMinWidth is the narrowest card that still holds a comparison line
// such as "▲ 比一季度高0.1个百分点" without wrapping.
const cardMinWidth = 28

// cardLines are the lines inside one indicator's card: its name, its
// headline figure with region and period, each comparison the source
// gives, and the year's target where the pack has one.
func (c *Context) cardLines(ind *model.Indicator, inner int) []string {
	t := c.Theme
	lines := []string{t.Name.Width(inner).Render(wrap(ind.Name.In(c.Lang), inner))}
	o := c.Pack.Headline(ind)
	if o == nil {
		// A target set for the year with nothing yet to set against it
		// (retail sales, investment): say so rather than leave a blank card.
		lines = append(lines, t.Muted.Width(inner).Render(wrap(c.Words.NoOutcome, inner)))
		if len(c.Pack.Regions) > 0 {
			if tg := c.target(ind, c.Pack.Regions[0].ID); tg != nil {
				lines = append(lines, t.Muted.Width(inner).Render(wrap(fmt.Sprintf(c.Words.Target, c.Pack.Year)+" "+c.figure(ind, tg), inner)))
			}
		}
		return lines
	}
	value := t.Value.Render(c.figure(ind, o))
	where := t.Muted.Render(c.regionName(o.Region) + " · " + c.period(o))
	if lipgloss.Width(value)+2+lipgloss.Width(where) <= inner {
		lines = append(lines, value+"  "+where)
	} else {
		lines = append(lines, value, where)
	}
	for _, cmp := range c.Pack.Comparisons(ind, o) {
		lines = append(lines, c.Theme.Plain.Width(inner).Render(wrap(c.comparison(ind, o, cmp), inner)))
	}
	if tg := c.target(ind, o.Region); tg != nil {
		lines = append(lines, t.Muted.Width(inner).Render(wrap(fmt.Sprintf(c.Words.Target, c.Pack.Year)+" "+c.figure(ind, tg), inner)))
	}
	return lines
}

// card boxes the lines at the given outer width and height; the selected
// card has a heavy border, which reads without colour too.
func (c *Context) card(lines []string, width, height int, selected bool) string {
	box := c.Theme.Card
	if selected {
		box = c.Theme.CardSelected
	}
	return box.Width(width - 2).Height(height - 2).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

// rect is where an item landed in a tab's body, for mouse clicks and for
// keeping the selection in view.
type rect struct{ x, y, w, h int }

func (r rect) contains(x, y int) bool {
	return x >= r.x && x < r.x+r.w && y >= r.y && y < r.y+r.h
}

// cardGrid lays indicator cards out in rows of as many as fit in width,
// each row as tall as its tallest card.
func (c *Context) cardGrid(inds []*model.Indicator, width, selected int) (string, []rect) {
	if len(inds) == 0 {
		return "", nil
	}
	cols := max(1, min(len(inds), (width+1)/(cardMinWidth+1)))
	cardW := (width - (cols - 1)) / cols
	var rows []string
	var rects []rect
	y := 0
	for start := 0; start < len(inds); start += cols {
		end := min(start+cols, len(inds))
		contents := make([][]string, 0, cols)
		height := 0
		for _, ind := range inds[start:end] {
			lines := c.cardLines(ind, cardW-4)
			contents = append(contents, lines)
			height = max(height, lipgloss.Height(lipgloss.JoinVertical(lipgloss.Left, lines...))+2)
		}
		var row []string
		for i, lines := range contents {
			if i > 0 {
				row = append(row, " ")
			}
			row = append(row, c.card(lines, cardW, height, start+i == selected))
			rects = append(rects, rect{x: i * (cardW + 1), y: y, w: cardW, h: height})
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
		y += height
	}
	return lipgloss.JoinVertical(lipgloss.Left, rows...), rects
}
