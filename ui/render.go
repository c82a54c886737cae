package ui

import tea "github.com/charmbracelet/bubbletea"

// Frame is exactly the screen the dashboard would draw at width×height,
// for `kmdash render` and for golden tests.
func Frame(o Options, width, height int) string {
	a := New(o)
	a.Update(tea.WindowSizeMsg{Width: width, Height: height})
	return a.View()
}
