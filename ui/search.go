package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// search finds any indicator or initiative by its Chinese or English
// name, its pinyin initials or its id, and jumps to it.
type search struct {
	input    textinput.Model
	hits     []hit
	selected int
}

// hit is one search result and the tab it lives on.
type hit struct {
	tab int
	it  item
}

func newSearch(c *Context) *search {
	in := textinput.New()
	in.Prompt = c.Words.SearchPrompt
	in.PromptStyle = c.Theme.Heading
	in.TextStyle = c.Theme.Plain
	in.Cursor.Style = c.Theme.Selected
	in.CharLimit = 40
	in.Focus()
	s := &search{input: in}
	s.match(c.Pack)
	return s
}

// match lists every item whose names, initials or id contain the query,
// in review order; an empty query lists everything.
func (s *search) match(p *model.Pack) {
	q := strings.ToLower(strings.TrimSpace(s.input.Value()))
	s.hits = s.hits[:0]
	for ti, tab := range p.Tabs {
		// Each indicator is found on its home tab, where review visits
		// it; each initiative on the tab that lists it.
		for _, ind := range p.Cards(tab) {
			if ind.Tab == tab.ID && matches(q, ind.ID, ind.Initials, ind.Name) {
				s.hits = append(s.hits, hit{tab: ti, it: item{ind: ind}})
			}
		}
		for _, in := range p.TabInitiatives(tab) {
			if matches(q, in.ID, in.Initials, in.Name) {
				s.hits = append(s.hits, hit{tab: ti, it: item{ini: in}})
			}
		}
	}
	s.selected = min(s.selected, max(0, len(s.hits)-1))
}

func matches(q, id, initials string, name model.Text) bool {
	return q == "" || strings.Contains(name.Zh, q) || strings.Contains(strings.ToLower(name.En), q) ||
		strings.HasPrefix(initials, q) || strings.Contains(id, q)
}

func (s *search) move(delta int) {
	s.selected = max(0, min(len(s.hits)-1, s.selected+delta))
}

func (s *search) current() (hit, bool) {
	if len(s.hits) == 0 {
		return hit{}, false
	}
	return s.hits[s.selected], true
}

// view draws the query, a hint and as many results as fit the body.
func (s *search) view(c *Context) string {
	t := c.Theme
	inner := c.Width - 4
	rows := max(1, c.Height-chromeRows-5)
	lines := []string{truncate(s.input.View(), inner), t.Muted.Render(truncate(c.Words.SearchHint, inner))}
	if len(s.hits) == 0 {
		lines = append(lines, t.Warning.Render(c.Words.NoResults))
	}
	first := max(0, min(s.selected-rows+1, len(s.hits)-rows))
	for i := first; i < min(len(s.hits), first+rows); i++ {
		h := s.hits[i]
		marker, style := "  ", t.Plain
		if i == s.selected {
			marker, style = t.Selected.Render(t.Glyphs.Pointer+" "), t.Selected
		}
		label := t.Muted.Render("["+c.Pack.Tabs[h.tab].Name.In(c.Lang)+"] ") + style.Render(name(h.it, c.Lang))
		if h.it.ind != nil {
			if o := c.Pack.Headline(h.it.ind); o != nil {
				label += "  " + c.figure(h.it.ind, o) + t.Muted.Render(" "+c.period(o))
			}
		}
		lines = append(lines, truncate(marker+label, inner))
	}
	return t.Box.Width(c.Width - 2).Render(lipgloss.JoinVertical(lipgloss.Left, lines...))
}

func name(it item, l model.Lang) string {
	if it.ind != nil {
		return it.ind.Name.In(l)
	}
	return it.ini.Name.In(l)
}
