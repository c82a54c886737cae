package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// initiativeList is one row per tourism initiative: its name and season,
// and when rows allow a second line with its places. Text wraps under its
// own column rather than being cut. The selected row is marked with a
// pointer as well as colour.
type initiativeList struct {
	inits []*model.Initiative
	lang  model.Lang
	words *words.Words
	theme *Theme
}

func (c *Context) initiativeList(inits []*model.Initiative) initiativeList {
	return initiativeList{inits: inits, lang: c.Lang, words: c.Words, theme: c.Theme}
}

// How much of each initiative the list says, beyond its name and season.
const (
	namesOnly  = iota - 1 // names alone, in columns, where rows are few
	seasonOnly            // and when it is on
	withPlaces            // and where it is
	withWhat              // and what it is
)

// draw lays the list out at width with row selected (-1 for none), each
// initiative saying as much as more says.
func (il initiativeList) draw(width, selected, more int) (string, []rect) {
	if len(il.inits) == 0 {
		return "", nil
	}
	t := il.theme
	nameW := 0
	for _, in := range il.inits {
		nameW = max(nameW, lipgloss.Width(in.Name.In(il.lang)))
	}
	if more == namesOnly {
		return il.names(width, nameW, selected)
	}
	nameW = min(nameW, width/3)
	lines := []string{t.Plain.Width(width).Render(t.Heading.Render(il.words.Initiatives))}
	var rects []rect
	indent := nameW + 4
	room := max(8, width-indent)
	for i, in := range il.inits {
		pointer, nameStyle := "  ", t.Title
		if i == selected {
			pointer, nameStyle = t.Selected.Render(t.Glyphs.Pointer+" "), t.Selected
		}
		name := nameStyle.Render(wrap(in.Name.In(il.lang), nameW))
		// What the pack does not say is left out, not left blank; a
		// season no source gives is said to be unknown, so the row never
		// reads as a season of nothing.
		var parts []string
		season := in.Season.In(il.lang)
		if season == "" {
			season = il.words.NoSeason
		}
		parts = append(parts, t.Muted.Width(room).Render(wrap(season, room)))
		if more >= withPlaces && len(in.Places) > 0 {
			names := make([]string, len(in.Places))
			for j, p := range in.Places {
				names[j] = p.In(il.lang)
			}
			parts = append(parts, t.Plain.Width(room).Render(wrap(strings.Join(names, il.words.Doc.ListSep), room)))
		}
		// One without places says what it is where its places would go.
		if what := in.What.In(il.lang); (more >= withWhat || more >= withPlaces && len(in.Places) == 0) && what != "" {
			parts = append(parts, t.Muted.Width(room).Render(wrap(what, room)))
		}
		text := lipgloss.JoinVertical(lipgloss.Left, parts...)
		row := lipgloss.JoinHorizontal(lipgloss.Top, pointer, t.Plain.Width(nameW+2).Render(name), text)
		rects = append(rects, rect{x: 0, y: len(lines), w: width, h: lipgloss.Height(row)})
		lines = append(lines, strings.Split(row, "\n")...)
	}
	return strings.Join(lines, "\n"), rects
}

// names lays the names alone out in as many columns as fit, filled top
// to bottom as the cards are, so ↓ still moves to the next.
func (il initiativeList) names(width, nameW, selected int) (string, []rect) {
	t := il.theme
	colW := nameW + 4
	cols := max(1, min(len(il.inits), (width+2)/colW))
	rows := (len(il.inits) + cols - 1) / cols
	texts := make([]string, cols)
	widths := make([]int, cols)
	var rects []rect
	for i, in := range il.inits {
		c, r := i/rows, i%rows
		pointer, style := "  ", t.Title
		if i == selected {
			pointer, style = t.Selected.Render(t.Glyphs.Pointer+" "), t.Selected
		}
		if r > 0 {
			texts[c] += "\n"
		}
		texts[c] += pointer + style.Render(truncate(in.Name.In(il.lang), max(1, width-2)))
		widths[c] = colW - 2
		rects = append(rects, rect{x: c * colW, y: 1 + r, w: colW - 2, h: 1})
	}
	return t.Heading.Render(il.words.Initiatives) + "\n" + columns(texts, widths, 2), rects
}
