package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// detail is the full record of one item: every observation, the
// arithmetic behind each derived one, and every source with its URL.
type detail struct {
	it       item
	body     viewport.Model
	drawnFor string // the size and language the body was drawn for
}

func newDetail(c *Context, it item) *detail {
	d := &detail{it: it, body: viewport.New(0, 0)}
	d.draw(c)
	return d
}

// draw fills the detail box for the context's size and language, unless
// it already holds that drawing.
func (d *detail) draw(c *Context) {
	key := fmt.Sprint(c.Width, "x", c.Height, c.Lang) + c.markKey(d.it.id())
	if key == d.drawnFor {
		return
	}
	d.drawnFor = key
	inner := max(10, c.Width-4)
	lines := c.itemDetail(d.it, inner)
	d.body.Width, d.body.Height = inner, max(1, c.Height-chromeRows-3)
	d.body.SetContent(strings.Join(lines, "\n"))
}

func (d *detail) view(c *Context) string {
	d.draw(c)
	hint := c.Theme.Muted.Render(truncate(c.Words.DetailHint, c.Width-4))
	return c.Theme.Box.Width(c.Width - 2).Render(d.body.View() + "\n" + hint)
}

// itemDetail is the full record of an item as lines of at most width
// cells: the detail overlay shows it whole, the detail pane beside the
// cards as much as fits.
func (c *Context) itemDetail(it item, width int) []string {
	var lines []string
	switch {
	case it.ind != nil:
		lines = c.indicatorDetail(it.ind, width)
	case it.ini != nil:
		lines = c.initiativeDetail(it.ini, width)
	}
	// Wrapped paragraphs come as one string; a pane counts rows.
	return strings.Split(strings.Join(lines, "\n"), "\n")
}

// sep is the dot between the parts of a line: " · ".
func (c *Context) sep() string { return " " + c.Theme.Glyphs.Dot + " " }

// tabName is a tab's name in the reader's language.
func (c *Context) tabName(id model.TabID) string {
	if t := c.Pack.Tab(id); t != nil {
		return t.Name.In(c.Lang)
	}
	return string(id)
}

// para wraps text to width.
func (c *Context) para(style lipgloss.Style, text string, width int) string {
	return style.Width(width).Render(wrap(text, width))
}

func (c *Context) indicatorDetail(ind *model.Indicator, width int) []string {
	t, w := c.Theme, c.Words
	other := ind.Name.En
	if c.Lang == model.En {
		other = ind.Name.Zh
	}
	lines := []string{
		c.para(t.Heading, ind.Name.In(c.Lang)+"  "+t.Muted.Render(other), width),
		c.para(t.Muted, strings.Join([]string{w.Tab + " " + c.tabName(ind.Tab), w.Unit + " " + model.UnitName(c.Lang, ind.Unit), w.Measure[ind.Measure]}, c.sep()), width),
	}
	if !ind.Note.IsZero() {
		lines = append(lines, c.para(t.Plain, ind.Note.In(c.Lang), width))
	}
	lines = append(lines, c.reviewLines(ind, width)...)
	lines = append(lines, "", t.Title.Render(w.Figures))
	lines = append(lines, c.observationTable(ind, width)...)
	lines = append(lines, "", t.Title.Render(w.Sources))
	lines = append(lines, c.sourceList(usedSources(ind), width)...)
	return lines
}

// observationsInOrder lists outcomes region by region, latest first, with
// targets after them.
func (c *Context) observationsInOrder(ind *model.Indicator) []*model.Observation {
	obs := append([]*model.Observation(nil), ind.Obs...)
	sort.SliceStable(obs, func(i, j int) bool {
		a, b := obs[i], obs[j]
		if a.Target != b.Target {
			return b.Target
		}
		if ra, rb := c.Pack.RegionIndex(a.Region), c.Pack.RegionIndex(b.Region); ra != rb {
			return ra < rb
		}
		return b.Period.Less(a.Period)
	})
	return obs
}

// observationTable aligns the figures in columns measured by display
// width; when the columns do not fit, the period code and source move to
// a second line under each figure.
func (c *Context) observationTable(ind *model.Indicator, width int) []string {
	w := c.Words
	obs := c.observationsInOrder(ind)
	rows := [][]string{{w.Region, w.Period, w.Value, w.Kind, "YYYY-MM/YYYY-MM", w.Source}}
	for _, o := range obs {
		rows = append(rows, []string{c.regionName(o.Region), c.period(o), c.figure(ind, o), c.kind(o), o.Period.String(), o.Source})
	}
	widths := make([]int, 6)
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], lipgloss.Width(cell))
		}
	}
	cols := 6
	if sum(widths)+2*5 > width {
		cols = 4
	}
	var out []string
	for i, r := range rows {
		line := ""
		for j := 0; j < cols; j++ {
			line += r[j] + strings.Repeat(" ", widths[j]-lipgloss.Width(r[j])+2)
		}
		line = strings.TrimRight(line, " ")
		if i == 0 {
			out = append(out, c.Theme.Muted.Render(truncate(line, width)))
			continue
		}
		out = append(out, truncate(line, width))
		o := obs[i-1]
		indent := "    "
		if cols == 4 {
			out = append(out, c.Theme.Muted.Render(truncate(indent+o.Period.String()+c.sep()+w.Source+" "+o.Source, width)))
		}
		if o.Derived != nil {
			out = append(out, c.para(c.Theme.Muted, indent+"= "+c.arithmetic(ind, o)+fmt.Sprintf(w.Aside, w.Arithmetic), width))
		}
		if len(o.Confirmed) > 0 {
			out = append(out, c.para(c.Theme.Muted, indent+w.Confirmed+" "+strings.Join(o.Confirmed, ", "), width))
		}
		if !o.Note.IsZero() {
			out = append(out, c.para(c.Theme.Muted, indent+o.Note.In(c.Lang), width))
		}
	}
	return out
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// usedSources lists the ids an indicator cites, in order of first use.
func usedSources(ind *model.Indicator) []string {
	var ids []string
	for _, o := range ind.Obs {
		ids = append(append(ids, o.Source), o.Confirmed...)
	}
	return dedupe(ids)
}

// sourceList writes each source as id, publisher, title and date, then
// its URL.
func (c *Context) sourceList(ids []string, width int) []string {
	var out []string
	for _, id := range ids {
		s := c.Pack.Source(id)
		if s == nil {
			continue
		}
		head := c.Theme.Selected.Render("["+s.ID+"]") + " " + strings.TrimSpace(s.Publisher.In(c.Lang)+" "+s.Title.In(c.Lang)) + c.sep() + s.Date
		out = append(out, c.para(c.Theme.Plain, head, width))
		if where := s.URL; where != "" {
			// URLs are never wrapped, so they stay clickable and copyable.
			out = append(out, "    "+truncate(where, width-4))
		}
		if !s.Note.IsZero() {
			out = append(out, c.para(c.Theme.Muted, "    "+s.Note.In(c.Lang), width))
		}
	}
	return out
}

func (c *Context) initiativeDetail(in *model.Initiative, width int) []string {
	t, w := c.Theme, c.Words
	other := in.Name.En
	if c.Lang == model.En {
		other = in.Name.Zh
	}
	sep := listSep(c.Lang)
	months := make([]string, len(in.Months))
	for i, m := range in.Months {
		months[i] = model.MonthName(m, c.Lang)
	}
	lines := []string{
		c.para(t.Heading, in.Name.In(c.Lang)+"  "+t.Muted.Render(other), width),
		c.para(t.Plain, t.Title.Render(w.What+w.Colon)+in.What.In(c.Lang), width),
		c.para(t.Plain, t.Title.Render(w.Season+w.Colon)+in.Season.In(c.Lang), width),
		c.para(t.Muted, "    "+strings.Join(months, sep), width),
		"", t.Title.Render(w.Places),
	}
	for _, p := range in.Places {
		lines = append(lines, c.para(t.Plain, "  "+t.Glyphs.Bullet+" "+p.In(c.Lang), width))
	}
	ids := append([]string(nil), in.Sources...)
	if len(in.Facts) > 0 {
		lines = append(lines, "", t.Title.Render(w.Facts))
		for _, f := range in.Facts {
			lines = append(lines, c.para(t.Plain, "  "+t.Glyphs.Bullet+" "+f.Text.In(c.Lang)+t.Muted.Render(" ["+f.Source+"]"), width))
			ids = append(ids, f.Source)
		}
	}
	lines = append(lines, "", t.Title.Render(w.Sources))
	return append(lines, c.sourceList(dedupe(ids), width)...)
}

func dedupe(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
