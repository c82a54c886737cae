package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// scorecard is the S overlay: every target in the pack beside the latest
// year-to-date figure, as `kmdash scorecard` prints it (the cells come
// from ui/report, so the two never differ), with the status rule under
// it, in a box that scrolls.
type scorecard struct {
	body     viewport.Model
	drawnFor string // the size and language the body was drawn for
}

func newScorecard(c *Context) *scorecard {
	s := &scorecard{body: viewport.New(0, 0)}
	s.body.KeyMap = viewport.KeyMap{} // the app routes keys itself
	s.draw(c)
	return s
}

// draw lays the scorecard out for the context's size and language,
// unless it already holds that drawing.
func (s *scorecard) draw(c *Context) {
	key := fmt.Sprint(c.Width, "x", c.Height, c.Lang)
	if key == s.drawnFor {
		return
	}
	s.drawnFor = key
	inner := max(10, c.Width-4)
	s.body.Width, s.body.Height = inner, max(1, c.Height-chromeRows-3)
	s.body.SetContent(strings.Join(c.scorecardLines(inner), "\n"))
}

func (s *scorecard) view(c *Context) string {
	s.draw(c)
	hint := c.Theme.Muted.Render(truncate(c.Words.Session.ScorecardHint, c.Width-4))
	return c.Theme.Box.Width(c.Width - 2).Render(s.body.View() + "\n" + hint)
}

// scorecardLines is the scorecard at width: a table while one fits,
// otherwise one block per target, then the rule and the sources.
func (c *Context) scorecardLines(width int) []string {
	t := c.Theme
	sh := report.NewScoreSheet(c.Pack, c.Lang)
	out := []string{c.para(t.Heading, sh.Title, width), c.para(t.Muted, sh.Lead, width), ""}
	if tbl, ok := c.scoreTable(sh, width); ok {
		out = append(out, tbl)
	} else {
		out = append(out, c.scoreBlocks(sh, width)...)
	}
	out = append(out, "", c.para(t.Plain, sh.Rule, width), c.para(t.Muted, sh.Others, width), "", t.Title.Render(c.Words.Sources))
	for _, src := range sh.Sources {
		out = append(out, c.para(t.Plain, src, width))
	}
	return strings.Split(strings.Join(out, "\n"), "\n")
}

// statusStyle colours a status; its glyph and words say it without colour.
func (c *Context) statusStyle(s model.Status) lipgloss.Style {
	switch s {
	case model.Ahead:
		return c.Theme.Up
	case model.Behind:
		return c.Theme.Down
	case model.OnCourse:
		return c.Theme.Plain
	}
	return c.Theme.Muted
}

// nameColumnMin is the narrowest the indicator column is wrapped to
// before the table gives way to blocks.
const nameColumnMin = 14

// scoreTable draws the sheet as a table within width, wrapping the
// indicator names if that is what it takes; ok is false when even that
// does not fit.
func (c *Context) scoreTable(sh report.ScoreSheet, width int) (string, bool) {
	const pad = 2
	widths := make([]int, len(sh.Heads))
	for col, h := range sh.Heads {
		widths[col] = lipgloss.Width(h)
		for _, row := range sh.Rows {
			widths[col] = max(widths[col], lipgloss.Width(row[col]))
		}
	}
	others := 0
	for _, w := range widths[1:] {
		others += w + pad
	}
	nameW := min(widths[0], width-others-pad)
	if nameW < min(widths[0], nameColumnMin) {
		return "", false
	}
	rows := make([][]string, len(sh.Rows))
	for i, row := range sh.Rows {
		rows[i] = append([]string{wrap(row[0], nameW)}, row[1:]...)
	}
	last := len(sh.Heads) - 1
	tbl := table.New().Headers(sh.Heads...).Rows(rows...).
		Border(c.Theme.Glyphs.Table).BorderStyle(c.Theme.Muted).
		BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(true).
		StyleFunc(func(row, col int) lipgloss.Style {
			style := c.Theme.Plain
			switch {
			case row == table.HeaderRow:
				style = c.Theme.Muted
			case col == 0:
				style = c.Theme.Title
			case col == report.StatusColumn:
				style = c.statusStyle(sh.Statuses[row])
			}
			if col == 0 {
				style = style.Width(nameW + pad)
			}
			if col != last {
				style = style.PaddingRight(pad)
			}
			if sh.Numeric(col) && row != table.HeaderRow {
				style = style.Align(lipgloss.Right)
			}
			return style
		})
	drawn := tbl.Render()
	if lipgloss.Width(drawn) > width {
		return "", false
	}
	return drawn, true
}

// scoreBlocks draws each target as its name over its cells, each cell
// after its head: the form of a window too narrow for the table.
func (c *Context) scoreBlocks(sh report.ScoreSheet, width int) []string {
	t := c.Theme
	var out []string
	for i, row := range sh.Rows {
		var cells []string
		for col := 1; col < len(row); col++ {
			cell := t.Muted.Render(sh.Heads[col]) + " " + row[col]
			if col == report.StatusColumn {
				cell = c.statusStyle(sh.Statuses[i]).Render(row[col])
			}
			cells = append(cells, cell)
		}
		out = append(out, c.para(t.Title, row[0], width))
		for _, l := range strings.Split(flow(cells, c.sep(), width-2), "\n") {
			out = append(out, "  "+l)
		}
	}
	return out
}
