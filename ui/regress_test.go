package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Regression tests for what FuzzApp found; the inputs that found them are
// kept in testdata/fuzz/FuzzApp and replayed by `go test` as well.

func leftClick(x, y int) tea.MouseMsg {
	return tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
}

// A click on the footer row was taken as a click one row below the body,
// and selected (and scrolled to) a card nobody could see there
// (testdata/fuzz/FuzzApp/d47b8f6d0e3ddd66).
func TestClickOnFooterSelectsNothing(t *testing.T) {
	t.Parallel()
	for _, tab := range tabIDs(t) {
		for _, size := range [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 40}} {
			for _, x := range []int{2, 30, 50} {
				a := newApp(t, Options{Tab: tab}, size[0], size[1])
				before, offset := a.position(), a.tabs[a.active].body.YOffset
				a.Update(leftClick(x, size[1]-1))
				if got := a.position(); got != before || a.tabs[a.active].body.YOffset != offset {
					t.Errorf("%s %dx%d: click at (%d, footer) moved %+v to %+v", tab, size[0], size[1], x, before, got)
				}
			}
		}
	}
	// The body's last row still takes clicks: an item laid out there (in
	// a layout of one item per row) is the one a click there selects.
	a := newApp(t, Options{}, 60, 20)
	tb := a.tabs[a.active]
	last := tb.body.Height - 1
	tb.rects = make([]rect, tb.count())
	for i := range tb.rects {
		tb.rects[i] = rect{x: 0, y: tb.body.YOffset + last - 2 + i, w: 60, h: 1}
	}
	a.Update(leftClick(2, chromeRows-1+last))
	if got, want := a.position().Item, tb.item(2).id(); got != want {
		t.Errorf("click on the body's last row selected %q, want %q", got, want)
	}
}

// With the `?` help open, a click on the body selected the card hidden
// under the help, and the wheel scrolled the hidden body; the help stayed
// open, so the reader never saw the change they made
// (testdata/fuzz/FuzzApp/6e314d8a9e29c353). A click now closes the help
// as a key does, acting only on what can be seen: a tab's label.
func TestClickUnderHelpClosesIt(t *testing.T) {
	a := newApp(t, Options{}, 80, 24) // the body scrolls at this size
	r := a.tabs[0].rects[3]
	press(a, "?")
	a.Update(tea.MouseMsg{X: r.x + 2, Y: chromeRows - 1 + r.y + 1, Action: tea.MouseActionPress, Button: tea.MouseButtonWheelDown})
	if !a.showHelp || a.tabs[0].body.YOffset != 0 {
		t.Errorf("the wheel over the help: help open %v, hidden body scrolled to %d", a.showHelp, a.tabs[0].body.YOffset)
	}
	a.Update(leftClick(r.x+2, chromeRows-1+r.y+1))
	if a.showHelp || a.position().Item != "gdp" {
		t.Errorf("a click on the help: help open %v, selection %q (want it closed, gdp still selected)", a.showHelp, a.position().Item)
	}
	// On the tab bar but on no label: the help closes, and the frame
	// shows it closed.
	press(a, "?")
	a.Update(leftClick(79, 1))
	if a.showHelp || strings.Contains(a.View(), a.ctx.Words.HelpTitle) || a.active != 0 {
		t.Errorf("a click beside the tab labels: help open %v, tab %d (want closed, 0):\n%s", a.showHelp, a.active, a.View())
	}
	press(a, "?")
	span := a.tabSpans[2]
	a.Update(leftClick(span[0]+1, 1))
	if a.showHelp || a.active != 2 {
		t.Errorf("a click on a tab label with the help open: help open %v, tab %d (want closed, 2)", a.showHelp, a.active)
	}
}
