package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// initiativeList draws one row per tourism initiative: its name and
// season, and when there is room a second line with its places. The
// selected row is marked with ▸ as well as colour.
func (c *Context) initiativeList(inits []*model.Initiative, width, selected int, roomy bool) (string, []rect) {
	t := c.Theme
	nameW := 0
	for _, in := range inits {
		nameW = max(nameW, lipgloss.Width(in.Name.In(c.Lang)))
	}
	nameW = min(nameW, width/2)
	sep := "、"
	if c.Lang == model.En {
		sep = ", "
	}
	lines := []string{t.Plain.Width(width).Render(t.Heading.Render(c.Words.Initiatives))}
	var rects []rect
	for i, in := range inits {
		marker, nameStyle := "  ", t.Title
		if i == selected {
			marker, nameStyle = t.Selected.Render("▸ "), t.Selected
		}
		name := truncate(in.Name.In(c.Lang), nameW)
		name += strings.Repeat(" ", nameW-lipgloss.Width(name))
		row := marker + nameStyle.Render(name) + "  "
		row += t.Muted.Render(truncate(in.Season.In(c.Lang), width-lipgloss.Width(row)))
		rows := []string{row}
		if roomy {
			places := make([]string, len(in.Places))
			for j, p := range in.Places {
				places[j] = p.In(c.Lang)
			}
			indent := strings.Repeat(" ", nameW+4)
			rows = append(rows, indent+truncate(strings.Join(places, sep), width-len(indent)))
		}
		rects = append(rects, rect{x: 0, y: len(lines), w: width, h: len(rows)})
		lines = append(lines, rows...)
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...), rects
}
