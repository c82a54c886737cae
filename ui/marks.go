package ui

import (
	"fmt"
	"strings"

	"github.com/kmdash/kmdash/model"
)

// cardMarks is what a card shows of an indicator's review: a glyph for
// reviewed, one for flagged and one for its notes with their count,
// each a shape of its own and only then coloured; "" when there is none.
func (c *Context) cardMarks(id string) string {
	if c.Marks == nil {
		return ""
	}
	t, g := c.Theme, c.Theme.Glyphs
	it := c.Marks.Of(id)
	var marks []string
	if it.Reviewed != nil {
		marks = append(marks, t.Up.Render(g.Reviewed))
	}
	if it.Flagged != nil {
		marks = append(marks, t.Warning.Render(g.Flagged))
	}
	if n := len(it.Notes); n > 0 {
		marks = append(marks, t.Selected.Render(fmt.Sprint(g.Noted, n)))
	}
	return strings.Join(marks, " ")
}

// markKey names where an indicator's review stands, for the keys its
// drawings are remembered by: which entries set its marks, and its last
// note.
func (c *Context) markKey(id string) string {
	if c.Marks == nil {
		return ""
	}
	it := c.Marks.Of(id)
	seq := func(e *model.ReviewEntry) uint64 {
		if e == nil {
			return 0
		}
		return e.Seq
	}
	var last uint64
	if n := len(it.Notes); n > 0 {
		last = it.Notes[n-1].Seq
	}
	return fmt.Sprint(" marks ", seq(it.Reviewed), ".", seq(it.Flagged), ".", last)
}

// marksLegend says what the glyphs on cards mean, for the help.
func (c *Context) marksLegend() string {
	g, rw := c.Theme.Glyphs, c.Words.Review
	return c.Words.Session.Legend + c.Words.Colon + strings.Join([]string{
		g.Reviewed + " " + rw.Reviewed, g.Flagged + " " + rw.Flagged, g.Noted + " " + c.Words.Session.Noted}, c.sep())
}

// when writes the time of an entry to the minute, in the dashboard's
// zone, as the minutes do.
func (c *Context) when(e *model.ReviewEntry) string {
	return e.Time.In(c.Now.Location()).Format("2006-01-02 15:04")
}

// reviewLines are the detail's account of an indicator's review: its
// marks, who set them and when, and every note with its time and author.
// A dashboard that holds no review shows none.
func (c *Context) reviewLines(ind *model.Indicator, width int) []string {
	if c.Marks == nil {
		return nil
	}
	t, g, rw := c.Theme, c.Theme.Glyphs, c.Words.Review
	it := c.Marks.Of(ind.ID)
	byAt := func(e *model.ReviewEntry) string {
		return fmt.Sprintf(c.Words.Aside, fmt.Sprintf(rw.ByAt, e.Author, c.when(e)))
	}
	lines := []string{"", t.Title.Render(rw.Mark)}
	switch it.Reviewed {
	case nil:
		lines = append(lines, c.para(t.Muted, "  "+rw.NotReviewed, width))
	default:
		lines = append(lines, c.para(t.Plain, "  "+t.Up.Render(g.Reviewed)+" "+rw.Reviewed+t.Muted.Render(byAt(it.Reviewed)), width))
	}
	if it.Flagged != nil {
		lines = append(lines, c.para(t.Plain, "  "+t.Warning.Render(g.Flagged)+" "+rw.Flagged+t.Muted.Render(byAt(it.Flagged)), width))
	}
	for i := range it.Notes {
		e := &it.Notes[i]
		lines = append(lines, c.para(t.Muted, "  "+t.Selected.Render(g.Noted)+" "+fmt.Sprintf(rw.ByAt, e.Author, c.when(e)), width))
		for _, l := range strings.Split(wrap(e.Text, max(1, width-4)), "\n") {
			lines = append(lines, "    "+t.Plain.Render(l))
		}
	}
	return lines
}
