package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// calendar draws the twelve months across and one row per initiative,
// marking in-season and peak months, with the current month's column
// picked out by a ▼ above it as well as by colour.
func (c *Context) calendar(width int) string {
	inits := c.Pack.Initiatives
	if len(inits) == 0 {
		return ""
	}
	t := c.Theme
	nameW := 0
	for _, in := range inits {
		nameW = max(nameW, lipgloss.Width(in.Name.In(c.Lang)))
	}
	// Three cells a month keep "10 11 12" apart; names are cut before the
	// months are squeezed, and only a very narrow column gets two cells.
	cell := 3
	if width-1-12*cell < 6 {
		cell = 2
	}
	nameW = min(nameW, max(4, width-1-12*cell))
	now := int(c.Now.Month())
	pad := strings.Repeat(" ", nameW+1)

	marker, header := pad, pad
	for m := 1; m <= 12; m++ {
		// Cells are " 1 " or " 1": the glyph sits under the units digit.
		num := fmt.Sprintf("%2d", m) + strings.Repeat(" ", cell-2)
		if m == now {
			marker += " " + t.Warning.Render("▼") + strings.Repeat(" ", cell-2)
			header += t.NowColumn.Render(num)
		} else {
			marker += strings.Repeat(" ", cell)
			header += t.Muted.Render(num)
		}
	}
	lines := []string{
		t.Plain.Width(width).Render(flow([]string{t.Heading.Render(c.Words.Calendar), t.Muted.Render(fmt.Sprintf(c.Words.ThisMonth, model.MonthName(now, c.Lang)))}, "  ", width)),
		strings.TrimRight(marker, " "),
		header,
	}
	var inSeason []string
	for _, in := range inits {
		name := truncate(in.Name.In(c.Lang), nameW)
		row := name + strings.Repeat(" ", nameW-lipgloss.Width(name)+1)
		for m := 1; m <= 12; m++ {
			glyph, style := "·", t.OffSeason
			switch {
			case in.AtPeak(m):
				glyph, style = "◆", t.Peak
			case in.InSeason(m):
				glyph, style = "■", t.InSeason
			}
			cellText := " " + glyph + strings.Repeat(" ", cell-2)
			if m == now {
				row += t.NowColumn.Render(cellText)
			} else {
				row += style.Render(cellText)
			}
		}
		lines = append(lines, row)
		if in.InSeason(now) {
			inSeason = append(inSeason, in.Name.In(c.Lang))
		}
	}
	legend := []string{t.Peak.Render("◆") + " " + c.Words.Peak, t.InSeason.Render("■") + " " + c.Words.InSeason,
		t.OffSeason.Render("·") + " " + c.Words.OffSeason,
		t.Warning.Render("▼") + " " + fmt.Sprintf(c.Words.ThisMonth, model.MonthName(now, c.Lang))}
	sep := "、"
	if c.Lang == model.En {
		sep = ", "
	}
	lines = append(lines,
		t.Plain.Width(width).Render(flow(legend, "  ", width)),
		t.Plain.Width(width).Render(inSeasonLine(t.Title.Render(c.Words.InSeasonNow+c.Words.Colon), inSeason, sep, width)))
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// inSeasonLine is "In season now: Gull season, Market tours", breaking
// only between names.
func inSeasonLine(title string, names []string, sep string, width int) string {
	if len(names) == 0 {
		return title
	}
	items := make([]string, len(names))
	for i, n := range names {
		items[i] = n + strings.TrimRight(sep, " ")
	}
	items[len(items)-1] = names[len(names)-1]
	items[0] = title + items[0]
	return flow(items, strings.Repeat(" ", len(sep)-len(strings.TrimRight(sep, " "))), width)
}
