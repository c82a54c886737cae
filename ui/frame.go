package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// redraw makes the frame after a change, so View only returns it: the
// one a dashboard that looks the same has made, or its own.
func (a *App) redraw() {
	if !a.shareFrame() {
		a.frameID = 0
		a.compose()
	}
}

// compose draws the frame: header, tab bar, the body or an overlay, and
// the footer.
func (a *App) compose() {
	c := &a.ctx
	defer func() { a.frame = c.Theme.Glyphs.text(a.frame) }()
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
	footer := func() string { return a.footer() }
	bodyH := c.Height - chromeRows
	var body string
	switch {
	case a.search != nil:
		body = a.search.view(c)
	case a.showHelp:
		body = a.helpView()
	case a.rv.note != nil:
		body = a.rv.note.view(c)
	case a.scorecard != nil:
		body = a.scorecard.view(c)
	case a.described != nil:
		body = a.described.view(c, a.active)
	case a.detail != nil:
		body = a.detail.view(c)
	default:
		// The tab's lines are already cut to the width: the frame is put
		// together without measuring them again.
		t := a.tabs[a.active]
		t.draw(c)
		lines := make([]string, 0, c.Height)
		lines = append(lines, fitLines([]string{header}, c.Width)...)
		lines = append(lines, fitLines(strings.Split(bar, "\n"), c.Width)...)
		lines = append(lines, t.view()...)
		for len(lines) < c.Height-1 {
			lines = append(lines, "")
		}
		lines = append(lines, fitLines([]string{footer()}, c.Width)...)
		a.frame = strings.Join(lines, "\n")
		return
	}
	frame := lipgloss.JoinVertical(lipgloss.Left, header, bar, fit(body, c.Width, bodyH), footer())
	a.frame = strings.Join(fitLines(strings.Split(fit(frame, c.Width, c.Height), "\n"), c.Width), "\n")
}

// footer is the key hints and the status. When the hints do not fit
// beside the status, a shorter set is shown, so that quit and help never
// drop off the end.
func (a *App) footer() string {
	c := &a.ctx
	status := a.status()
	if a.rv.alert != "" {
		// A refusal or a store's answer takes the key hints' place: it is
		// what the person needs to read, so it has the room first, and
		// the status (following, waiting) keeps what is left.
		alert := truncate(a.rv.alert, c.Width)
		room := c.Width - lipgloss.Width(alert) - 1
		status = truncate(status, room)
		gap := strings.Repeat(" ", max(0, c.Width-lipgloss.Width(alert)-lipgloss.Width(status)))
		return c.Theme.Warning.Render(alert) + gap + c.Theme.Status.Render(status)
	}
	if a.rv.note != nil {
		return c.footer("", status) // the note's own keys are in its box
	}
	h := c.Theme.help(0)
	short, compact := a.keys.ShortHelp(), a.keys.CompactHelp()
	if a.rv.open && a.follow.role != Viewer {
		short, compact = a.keys.ReviewHelp(), a.keys.CompactReviewHelp()
	}
	hints := h.ShortHelpView(short)
	if lipgloss.Width(hints)+lipgloss.Width(status)+1 > c.Width {
		hints = h.ShortHelpView(compact)
	}
	return c.footer(hints, status)
}

// status is the right end of the footer: autoplay, following, followers,
// and how far the body is scrolled when it does not fit.
func (a *App) status() string {
	w := a.ctx.Words
	var parts []string
	if a.notice != "" {
		parts = append(parts, a.notice)
	}
	switch {
	case a.autoplay.on && a.overlaid():
		parts = append(parts, w.Paused)
	case a.autoplay.on:
		parts = append(parts, fmt.Sprintf(w.Autoplay, a.autoplay.left))
	}
	if a.rv.open {
		parts = append(parts, a.progress())
	}
	if s := a.followStatus(); s != "" {
		parts = append(parts, s)
	}
	if !a.overlaid() {
		if b := a.tabs[a.active].body; !b.AtBottom() {
			parts = append(parts, w.More)
		}
	}
	return strings.Join(parts, a.ctx.sep())
}

// helpView is the `?` overlay: every key, grouped, and the mouse. The
// groups stand side by side while they fit and wrap to further rows when
// they do not; the title and the mouse line are left out before keys are.
func (a *App) helpView() string {
	c := &a.ctx
	inner := c.Width - 4
	h := c.Theme.help(inner)
	var rows, row []string
	for _, group := range a.keys.FullHelp() {
		col := h.FullHelpView([][]key.Binding{group})
		if col == "" {
			continue
		}
		if len(row) > 0 && lipgloss.Width(lipgloss.JoinHorizontal(lipgloss.Top, append(row, "   ", col)...)) > inner {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row = nil
		}
		if len(row) > 0 {
			row = append(row, "   ")
		}
		row = append(row, col)
	}
	rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	keys := strings.Join(rows, "\n\n")
	parts := []string{keys}
	room := c.Height - chromeRows - 2 // inside the box's borders
	used := lipgloss.Height(keys)
	// The terminal's line says how the dashboard is drawing, and why.
	if term := c.Theme.Muted.Render(wrap(a.terminalLine(), inner)); used+1+lipgloss.Height(term) <= room {
		parts = append(parts, "", term)
		used += 1 + lipgloss.Height(term)
	}
	if mouse := c.Theme.Muted.Render(wrap(c.Words.HelpMouse, inner)); used+1+lipgloss.Height(mouse) <= room {
		parts = append(parts, "", mouse)
		used += 1 + lipgloss.Height(mouse)
	}
	if legend := c.Theme.Muted.Render(wrap(c.marksLegend(), inner)); used+1+lipgloss.Height(legend) <= room {
		parts = append(parts, "", legend)
		used += 1 + lipgloss.Height(legend)
	}
	if used+2 <= room {
		parts = append([]string{c.Theme.Heading.Render(c.Words.HelpTitle), ""}, parts...)
	}
	return c.Theme.Box.Width(c.Width - 2).Render(lipgloss.JoinVertical(lipgloss.Left, parts...))
}
