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

// otherLang is the language a bilingual reader may want a name in too.
func (c *Context) otherLang() model.Lang {
	if c.Lang == model.En {
		return model.Zh
	}
	return model.En
}

// heading is a name in the reader's language, then in the other on the
// same line if it fits whole, else on the next.
func (c *Context) heading(name model.Text, width int) string {
	t := c.Theme
	return t.Plain.Width(width).Render(flow([]string{t.Heading.Render(name.In(c.Lang)), t.Muted.Render(name.In(c.otherLang()))}, "  ", width))
}

// indicatorDetail heads the record with the indicator's full statistical
// term, in the reader's language and then the other.
func (c *Context) indicatorDetail(ind *model.Indicator, width int) []string {
	t, w := c.Theme, c.Words
	full := ind.FullName()
	refs := usedSources(c.observationsInOrder(ind))
	lines := []string{
		c.heading(full, width),
		c.para(t.Muted, strings.Join([]string{w.Tab + " " + c.tabName(ind.Tab), w.Unit + " " + ind.Unit.In(c.Lang), w.Measure[ind.Measure]}, c.sep()), width),
	}
	if !ind.Note.IsZero() {
		lines = append(lines, c.para(t.Plain, ind.Note.In(c.Lang), width))
	}
	lines = append(lines, c.reviewLines(ind, width)...)
	lines = append(lines, "", t.Title.Render(w.Figures))
	lines = append(lines, c.observationTable(ind, refs, width)...)
	lines = append(lines, "", t.Title.Render(w.Sources))
	lines = append(lines, c.sourceList(refs, width)...)
	return lines
}

// mark is the citation mark of source id among refs, the detail's
// numbered list of sources: "[2]".
func mark(refs []string, id string) string {
	for i, r := range refs {
		if r == id {
			return fmt.Sprintf("[%d]", i+1)
		}
	}
	return ""
}

// sourceNamed names a source by its publisher, with its mark in refs:
// "国家统计局（联合新闻网转载）[3]".
func (c *Context) sourceNamed(refs []string, id string) string {
	s := c.Pack.Source(id)
	if s == nil {
		return mark(refs, id)
	}
	return fmt.Sprintf(c.Words.Marked, c.Words.SourceName(c.Lang, s), mark(refs, id))
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
// width: region, period as the source names it, figure, kind, the months
// it covers in words, and its source's mark in the list below. When the
// columns do not fit, the months and the source move to a second line
// under each figure.
func (c *Context) observationTable(ind *model.Indicator, refs []string, width int) []string {
	w := c.Words
	obs := c.observationsInOrder(ind)
	rows := [][]string{{w.Region, w.Period, w.Value, w.Kind, w.Months, w.Source}}
	for _, o := range obs {
		rows = append(rows, []string{c.regionName(o.Region), c.period(o), c.figure(ind, o), c.kind(o), c.months(o.Period), mark(refs, o.Source)})
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
			out = append(out, c.Theme.Muted.Render(truncate(indent+c.months(o.Period)+c.sep()+w.Source+" "+mark(refs, o.Source), width)))
		}
		if o.Derived != nil {
			out = append(out, c.para(c.Theme.Muted, indent+c.arithmetic(ind, o)+fmt.Sprintf(w.Aside, w.Arithmetic), width))
		}
		if len(o.Confirmed) > 0 {
			names := make([]string, len(o.Confirmed))
			for i, id := range o.Confirmed {
				names[i] = c.sourceNamed(refs, id)
			}
			out = append(out, c.para(c.Theme.Muted, indent+w.Confirmed+w.Colon+strings.Join(names, w.Doc.ListSep), width))
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

// usedSources lists the ids observations cite, in order of first use.
func usedSources(obs []*model.Observation) []string {
	var ids []string
	for _, o := range obs {
		ids = append(append(ids, o.Source), o.Confirmed...)
	}
	return dedupe(ids)
}

// sourceList writes each source of refs under its mark, cited as the
// exports cite it (publisher, title, date), then its URL or that none is
// held.
func (c *Context) sourceList(refs []string, width int) []string {
	var out []string
	for i, id := range refs {
		s := c.Pack.Source(id)
		if s == nil {
			continue
		}
		// The citation hangs under its mark, level with the URL below.
		m := fmt.Sprintf("[%d]", i+1)
		hang := strings.Repeat(" ", max(4, len(m)+1))
		cite := strings.Split(wrap(fmt.Sprintf(c.Words.Doc.CiteDate, c.Words.Cite(c.Lang, s), s.Date), max(8, width-len(hang))), "\n")
		for j, l := range cite {
			lead := hang
			if j == 0 {
				lead = c.Theme.Selected.Render(m) + hang[len(m):]
			}
			out = append(out, lead+l)
		}
		if s.URL != "" {
			// URLs are never wrapped, so they stay clickable and copyable.
			out = append(out, "    "+truncate(s.URL, width-4))
		} else {
			out = append(out, c.Theme.Muted.Render("    "+c.Words.Doc.NoURL))
		}
		if !s.Note.IsZero() {
			out = append(out, c.para(c.Theme.Muted, "    "+s.Note.In(c.Lang), width))
		}
	}
	return out
}

// initiativeDetail says what an initiative is, when and where, and its
// sourced facts, each naming its source. What no source in the pack
// gives is said to be unsourced rather than left blank: 米轨游 has a name
// and nothing more.
func (c *Context) initiativeDetail(in *model.Initiative, width int) []string {
	t, w := c.Theme, c.Words
	refs := append([]string(nil), in.Sources...)
	for _, f := range in.Facts {
		refs = append(refs, f.Source)
	}
	refs = dedupe(refs)
	lines := []string{
		c.heading(in.Name, width),
		c.para(t.Plain, t.Title.Render(w.What+w.Colon)+in.What.In(c.Lang), width),
	}
	switch {
	case in.Season.IsZero() && len(in.Places) == 0 && len(in.Facts) == 0:
		lines = append(lines, c.para(t.Muted, w.Doc.NoSource, width))
	case in.Season.IsZero():
		lines = append(lines, c.para(t.Plain, t.Title.Render(w.Season+w.Colon)+t.Muted.Render(w.Unsourced), width))
	default:
		months := make([]string, len(in.Months))
		for i, m := range in.Months {
			months[i] = model.MonthName(m, c.Lang)
		}
		lines = append(lines,
			c.para(t.Plain, t.Title.Render(w.Season+w.Colon)+in.Season.In(c.Lang), width),
			c.para(t.Muted, "    "+strings.Join(months, w.Doc.ListSep), width))
	}
	switch {
	case len(in.Places) > 0:
		lines = append(lines, "", t.Title.Render(w.Places))
		for _, p := range in.Places {
			lines = append(lines, c.para(t.Plain, "  "+t.Glyphs.Bullet+" "+p.In(c.Lang), width))
		}
	case !in.Season.IsZero() || len(in.Facts) > 0:
		lines = append(lines, c.para(t.Plain, t.Title.Render(w.Places+w.Colon)+t.Muted.Render(w.Unsourced), width))
	}
	if len(in.Facts) > 0 {
		lines = append(lines, "", t.Title.Render(w.Facts))
		for _, f := range in.Facts {
			cite := t.Muted.Render(fmt.Sprintf(w.Aside, c.sourceNamed(refs, f.Source)))
			lines = append(lines, c.para(t.Plain, "  "+t.Glyphs.Bullet+" "+f.Text.In(c.Lang)+cite, width))
		}
	}
	lines = append(lines, "", t.Title.Render(w.Sources))
	return append(lines, c.sourceList(refs, width)...)
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
