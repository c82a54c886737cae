package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// The smallest terminal the dashboard draws in, the largest it lays out,
// and the width from which it uses two columns. A terminal larger than
// MaxWidth×MaxHeight (a 4K screen at a tiny font, or a client that says
// so) gets a dashboard of that size in its top-left corner: laying out a
// 1000×500 screen took a quarter of a second a frame, for nothing a
// reader could take in, and over SSH any client could ask for it.
const (
	MinWidth   = 60
	MinHeight  = 20
	MaxWidth   = 400
	MaxHeight  = 150
	wideWidth  = 100
	chromeRows = 4 // header, tab bar and its rule, footer
)

// truncate cuts s to width cells, by display width so CJK stays whole.
func truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// header is the meeting's title and date on the left, the pack on the right.
func (c *Context) header() string {
	t := c.Theme
	right := " " + c.Words.PackLabel + " " + c.Pack.ID + " "
	left := " " + c.Pack.Title.In(c.Lang) + c.sep() + c.Pack.Date + " "
	// The meeting and its date matter more than the pack's name: the
	// name goes first when both do not fit.
	room := c.Width - lipgloss.Width(right)
	if lipgloss.Width(left) > room {
		right, room = "", c.Width
	}
	left = truncate(left, room)
	gap := strings.Repeat(" ", max(0, room-lipgloss.Width(left)))
	return t.Header.Render(left) + t.HeaderMuted.Render(gap+right)
}

// tabBar draws "1 经济  [2 工业]  3 服务业 …" and returns where each tab's
// label starts and ends, so a mouse click can be matched to a tab. In a
// narrow window it drops the padding, then the numbers, before cutting.
func (c *Context) tabBar(active int) (string, [][2]int) {
	var bar string
	var spans [][2]int
	for _, style := range []tabStyle{{pad: " ", numbers: true}, {numbers: true}, {}} {
		bar, spans = c.tabLabels(active, style)
		if lipgloss.Width(bar) <= c.Width {
			break
		}
	}
	return c.Theme.TabBar.Width(c.Width).Render(truncate(bar, c.Width)), spans
}

type tabStyle struct {
	pad     string
	numbers bool
}

func (c *Context) tabLabels(active int, style tabStyle) (string, [][2]int) {
	var parts []string
	var spans [][2]int
	x := len(style.pad)
	for i, tab := range c.Pack.Tabs {
		label := tab.Name.In(c.Lang)
		if style.numbers {
			label = fmt.Sprintf("%d %s", i+1, label)
		}
		var s string
		if i == active {
			s = c.Theme.TabActive.Render("[" + label + "]")
		} else {
			s = c.Theme.Tab.Render(style.pad + label + style.pad)
		}
		w := lipgloss.Width(s)
		spans = append(spans, [2]int{x, x + w})
		parts = append(parts, s)
		x += w + 1
	}
	return style.pad + strings.Join(parts, " "), spans
}

// footer puts the short help on the left and the session's status (autoplay,
// following) on the right, cutting the help before the status.
func (c *Context) footer(help, status string) string {
	status = truncate(status, c.Width/2)
	room := c.Width - lipgloss.Width(status) - 1
	help = truncate(help, max(0, room))
	gap := strings.Repeat(" ", max(0, c.Width-lipgloss.Width(help)-lipgloss.Width(status)))
	return help + gap + c.Theme.Status.Render(status)
}

// tooSmall asks for more room and says how much, as btop does; it is
// drawn to fit even a tiny window.
func (c *Context) tooSmall() string {
	w := c.Words
	// Each line is wrapped before it is centred, so a wrapped line is
	// centred piece by piece rather than cut where the centring put it.
	var lines []string
	for _, part := range []struct {
		style lipgloss.Style
		text  string
	}{
		{c.Theme.Warning, w.TooSmall},
		{c.Theme.Plain, fmt.Sprintf(w.NeedSize, MinWidth, MinHeight, c.Width, c.Height)},
		{c.Theme.Muted, w.Enlarge},
	} {
		for _, l := range strings.Split(wrap(part.text, c.Width), "\n") {
			lines = append(lines, part.style.Render(l))
		}
	}
	msg := lipgloss.JoinVertical(lipgloss.Center, lines...)
	msg = c.Theme.Plain.Width(c.Width).Align(lipgloss.Center).Render(msg)
	return lipgloss.Place(c.Width, c.Height, lipgloss.Center, lipgloss.Center, msg)
}

// fitLines cuts every line to width cells and drops the plain spaces at
// its end: the terminal clears the rest of each line anyway, and padding
// would only be bytes to keep and to send to every viewer.
func fitLines(lines []string, width int) []string {
	for i, l := range lines {
		if cellWidth(l) > width {
			l = ansi.Truncate(l, width, "")
		}
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// fit makes s exactly height lines, none wider than width: the last guard
// that keeps a frame from wrapping or scrolling the terminal.
func fit(s string, width, height int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > height {
		lines = lines[:height]
	}
	for i, l := range lines {
		if cellWidth(l) > width {
			lines[i] = ansi.Truncate(l, width, "")
		}
	}
	for len(lines) < height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
