package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// seasonCalendar draws the twelve months across and one row per
// initiative, marking in-season and peak months, with the current month's
// column picked out by a marker above it as well as by colour.
type seasonCalendar struct {
	inits []*model.Initiative
	now   int // the current month, 1–12
	lang  model.Lang
	words *words.Words
	theme *Theme
}

func (c *Context) seasonCalendar(inits []*model.Initiative) *seasonCalendar {
	return &seasonCalendar{inits: inits, now: int(c.Now.Month()), lang: c.Lang, words: c.Words, theme: c.Theme}
}

func (sc *seasonCalendar) empty() bool { return len(sc.inits) == 0 }

func (sc *seasonCalendar) minHeight(width int) int { return lipgloss.Height(sc.draw(width, 0)) }

// shape is what a drawing at width and height depends on beyond the
// calendar itself: the cell of a month and how thick the strips are.
// Layouts that give it different rows of the same shape share a drawing.
func (sc *seasonCalendar) shape(width, height int) string {
	cell, run, nameW := sc.cells(width)
	thick, extra := sc.thickness(run, height)
	return fmt.Sprint(cell, " ", nameW, " ", thick, " ", extra)
}

// cells is the width of a month's cell, of its glyph run and of the
// names at width. Three cells a month keep "10 11 12" apart, and a wide
// window spreads the months further; names are cut before the months are
// squeezed, and only a very narrow column gets two cells. A narrow cell
// holds one glyph under the month's units digit; a wide one a strip of
// glyphs, the month's number over its start.
func (sc *seasonCalendar) cells(width int) (cell, run, nameW int) {
	for _, in := range sc.inits {
		nameW = max(nameW, lipgloss.Width(in.Name.In(sc.lang)))
	}
	cell = max(3, min(10, (width-1-nameW)/12))
	if width-1-12*cell < 6 {
		cell = 2
	}
	nameW = min(nameW, max(4, width-1-12*cell))
	run = 1
	if cell >= 5 {
		run = cell - 2
	}
	return cell, run, nameW
}

// thickness is how many rows a strip takes in height rows, and how many
// strips take one more. Strips are as thick as the rows allow, four at
// most; initiatives with no known season keep one row; rows left over
// thicken the first strips by one, so the calendar ends where its place
// does. A narrow window's single glyphs stay one row: stacked, they would
// read as more months.
func (sc *seasonCalendar) thickness(run, height int) (thick, extra int) {
	seasoned := 0
	for _, in := range sc.inits {
		if len(in.Months) > 0 {
			seasoned++
		}
	}
	thick = 1
	if height > 0 && seasoned > 0 && run > 1 {
		spare := height - 5 - (len(sc.inits) - seasoned)
		thick = max(1, min(4, spare/seasoned))
		extra = min(seasoned, max(0, spare-thick*seasoned))
	}
	return thick, extra
}

// draw draws the calendar in width columns and about height rows: a
// wide window spreads the months into strips, and a tall one makes each
// strip up to four rows thick (a narrow window's single glyphs stay one
// row: stacked, they would read as more months).
func (sc *seasonCalendar) draw(width, height int) string {
	inits := sc.inits
	if len(inits) == 0 {
		return ""
	}
	t, g, w := sc.theme, sc.theme.Glyphs, sc.words
	cell, run, nameW := sc.cells(width)
	thick, extra := sc.thickness(run, height)
	now := sc.now
	pad := strings.Repeat(" ", nameW+1)
	marker, header := pad, pad
	for m := 1; m <= 12; m++ {
		num := fmt.Sprintf("%2d", m) + strings.Repeat(" ", cell-2)
		if run > 1 {
			num = fmt.Sprintf(" %-*d", cell-1, m)
		}
		if m == now {
			marker += " " + t.Warning.Render(g.Now) + strings.Repeat(" ", cell-2)
			header += t.NowColumn.Render(num)
		} else {
			marker += strings.Repeat(" ", cell)
			header += t.Muted.Render(num)
		}
	}
	lines := []string{
		t.Plain.Width(width).Render(flow([]string{t.Heading.Render(w.Calendar), t.Muted.Render(fmt.Sprintf(w.ThisMonth, model.MonthName(now, sc.lang)))}, "  ", width)),
		strings.TrimRight(marker, " "),
		header,
	}
	// A calendar is a few kinds of cell repeated: each is styled once.
	styled := map[[2]string]string{}
	cellOf := func(glyph string, style lipgloss.Style, now bool) string {
		k := [2]string{glyph, fmt.Sprint(now)}
		if out, ok := styled[k]; ok {
			return out
		}
		text := " " + strings.Repeat(glyph, run) + strings.Repeat(" ", cell-1-run)
		if now {
			styled[k] = t.NowColumn.Render(text)
		} else {
			styled[k] = style.Render(text)
		}
		return styled[k]
	}
	var inSeason []string
	for _, in := range inits {
		name := truncate(in.Name.In(sc.lang), nameW)
		// The first of a thick strip's rows marks every month; the rest
		// only the months in season, so the off-season dots stay a line.
		if len(in.Months) == 0 {
			// No sourced season: one row that says so, where a row of
			// off-season marks would read as a season of nothing.
			pad := strings.Repeat(" ", nameW-lipgloss.Width(name)+1)
			lines = append(lines, name+pad+t.Muted.Render(truncate(" "+w.NoSeason, 12*cell)))
			continue
		}
		rows := thick
		if extra > 0 {
			rows, extra = thick+1, extra-1
		}
		for i := range rows {
			row := strings.Repeat(" ", nameW+1)
			if i == 0 {
				row = name + strings.Repeat(" ", nameW-lipgloss.Width(name)+1)
			}
			for m := 1; m <= 12; m++ {
				glyph, style := g.OffSeason, t.OffSeason
				switch {
				case in.AtPeak(m):
					glyph, style = g.Peak, t.Peak
				case in.InSeason(m):
					glyph, style = g.InSeason, t.InSeason
				case i > 0:
					glyph = " "
				}
				row += cellOf(glyph, style, m == now)
			}
			lines = append(lines, row)
		}
		if in.InSeason(now) {
			inSeason = append(inSeason, in.Name.In(sc.lang))
		}
	}
	legend := []string{t.Peak.Render(g.Peak) + " " + w.Peak, t.InSeason.Render(g.InSeason) + " " + w.InSeason,
		t.OffSeason.Render(g.OffSeason) + " " + w.OffSeason,
		t.Warning.Render(g.Now) + " " + fmt.Sprintf(w.ThisMonth, model.MonthName(now, sc.lang))}
	sep := w.Doc.ListSep
	lines = append(lines,
		t.Plain.Width(width).Render(flow(legend, "  ", width)),
		t.Plain.Width(width).Render(inSeasonLine(t.Title.Render(w.InSeasonNow+w.Colon), inSeason, sep, width)))
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
