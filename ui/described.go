package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// described is the D view: the current tab told as plain text, as
// `kmdash describe` prints it, in a view the reader scrolls. It is for a
// screen reader reading the terminal, so it draws no box around the
// text: every line is words, with nothing to read out but them. It
// follows the dashboard: another tab, or another language, and the text
// is that tab's, in that language.
type described struct {
	body     viewport.Model
	drawnFor string // the tab, language and size the text was laid out for
	tab      model.TabID
}

func newDescribed() *described {
	d := &described{body: viewport.New(0, 0)}
	d.body.KeyMap = viewport.KeyMap{} // keys are routed by the app
	d.body.MouseWheelEnabled = true
	return d
}

// draw lays the tab's text out at the context's size, unless it holds
// that layout already; a new tab starts at the top.
func (d *described) draw(c *Context, tab int) {
	id := c.Pack.Tabs[tab].ID
	key := fmt.Sprint(id, c.Lang, c.Width, "x", c.Height)
	if key == d.drawnFor {
		return
	}
	sameTab := id == d.tab
	d.drawnFor, d.tab = key, id
	text := report.Description(c.Pack, id, c.Lang, int(c.Now.Month()))
	d.body.Width, d.body.Height = c.Width, max(1, c.Height-chromeRows-2)
	d.body.SetContent(wrap(text, c.Width))
	if !sameTab {
		d.body.GotoTop()
	}
}

// view is the heading, the keys that act here, and the text.
func (d *described) view(c *Context, tab int) string {
	d.draw(c, tab)
	w := &c.Words.Describe
	head := c.Theme.Heading.Render(truncate(fmt.Sprintf(w.Title, c.Pack.Tabs[tab].Name.In(c.Lang)), c.Width))
	hint := c.Theme.Muted.Render(truncate(w.Hint, c.Width))
	return head + "\n" + hint + "\n" + d.body.View()
}

// describedKey handles a key while the D view is open: the keys that
// scroll scroll it, the ones that change tab or language change what it
// tells, and D, esc or q close it.
func (a *App) describedKey(msg tea.KeyMsg) tea.Cmd {
	k, d := a.keys, a.described
	switch {
	case key.Matches(msg, k.Describe, k.Back, k.Quit):
		a.described = nil
	case key.Matches(msg, k.Up):
		d.body.ScrollUp(1)
	case key.Matches(msg, k.Down):
		d.body.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		d.body.PageUp()
	case key.Matches(msg, k.PageDown):
		d.body.PageDown()
	case msg.String() == "home" || msg.String() == "g":
		d.body.GotoTop()
	case msg.String() == "end" || msg.String() == "G":
		d.body.GotoBottom()
	case key.Matches(msg, k.Tabs, k.NextTab, k.PrevTab, k.Language, k.Follow, k.Help):
		// These act as on the main screen; the text follows.
		a.described = nil
		cmd := a.key(msg)
		if !a.showHelp {
			a.described = d
		}
		return cmd
	}
	return nil
}
