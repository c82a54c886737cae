package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// redraw composes the frame: header, tab bar, the body or an overlay,
// and the footer. It runs after a change, so View only returns it.
func (a *App) redraw() {
	c := &a.ctx
	if c.Width == 0 || c.Height == 0 {
		a.frame = ""
		return
	}
	if c.Width < MinWidth || c.Height < MinHeight {
		a.frame = fit(c.tooSmall(), c.Width, c.Height)
		return
	}
	bar, spans := c.tabBar(a.active)
	a.tabSpans = spans
	header := c.header()
	// The footer is made after the body: its "more below" reads the
	// body's scroll position.
	footer := func() string { return c.footer(c.Theme.help(c.Width).ShortHelpView(a.keys.ShortHelp()), a.status()) }
	bodyH := c.Height - chromeRows
	var body string
	switch {
	case a.search != nil:
		body = a.search.view(c)
	case a.showHelp:
		body = a.helpView()
	case a.detail != nil:
		body = a.detail.view(c)
	default:
		// The tab's lines are already cut and padded to the width: the
		// frame is put together without measuring them again.
		t := a.tabs[a.active]
		t.draw(c)
		lines := make([]string, 0, c.Height)
		lines = append(lines, fitLines([]string{header}, c.Width)...)
		lines = append(lines, fitLines(strings.Split(bar, "\n"), c.Width)...)
		lines = append(lines, t.view()...)
		blank := strings.Repeat(" ", c.Width)
		for len(lines) < c.Height-1 {
			lines = append(lines, blank)
		}
		lines = append(lines, fitLines([]string{footer()}, c.Width)...)
		a.frame = strings.Join(lines, "\n")
		return
	}
	frame := lipgloss.JoinVertical(lipgloss.Left, header, bar, fit(body, c.Width, bodyH), footer())
	a.frame = fit(frame, c.Width, c.Height)
}

// status is the right end of the footer: autoplay, following, followers,
// and how far the body is scrolled when it does not fit.
func (a *App) status() string {
	w := a.ctx.Words
	var parts []string
	if a.autoplay.on {
		parts = append(parts, fmt.Sprintf(w.Autoplay, a.autoplay.left))
	}
	switch {
	case a.role == Viewer && a.following:
		parts = append(parts, w.Following)
	case a.role == Viewer:
		parts = append(parts, w.Browsing)
	case a.role == Presenter:
		parts = append(parts, w.Presenting+" · "+fmt.Sprintf(w.Followers, a.followers))
	}
	if a.detail == nil && a.search == nil && !a.showHelp {
		if b := a.tabs[a.active].body; !b.AtBottom() {
			parts = append(parts, w.More)
		}
	}
	return strings.Join(parts, " · ")
}

// helpView is the `?` overlay: every key, grouped, and the mouse.
func (a *App) helpView() string {
	c := &a.ctx
	full := c.Theme.help(c.Width)
	full.ShowAll = true
	full.Width = c.Width - 4
	return c.Theme.Box.Width(c.Width - 2).Render(lipgloss.JoinVertical(lipgloss.Left,
		c.Theme.Heading.Render(c.Words.HelpTitle), "",
		full.View(a.keys), "",
		c.Theme.Muted.Width(c.Width-4).Render(c.Words.HelpMouse)))
}
