package ui

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/data"
	"github.com/kmdash/kmdash/model"
)

// clock is the fixed "now" of every test: November, gull season.
var clock = time.Date(2025, 11, 25, 9, 0, 0, 0, time.UTC)

func testPack(t testing.TB) *model.Pack {
	t.Helper()
	p, err := data.Default()
	if err != nil {
		t.Fatalf("embedded pack: %v", err)
	}
	return p
}

// renderer is a renderer with a fixed profile and a dark background, so
// frames do not depend on the terminal the tests run in.
func renderer(profile termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(true)
	return r
}

func newApp(t testing.TB, o Options, width, height int) *App {
	t.Helper()
	if o.Pack == nil {
		o.Pack = testPack(t)
	}
	if o.Renderer == nil {
		o.Renderer = renderer(termenv.Ascii)
	}
	if o.Now.IsZero() {
		o.Now = clock
	}
	a := New(o)
	a.Update(tea.WindowSizeMsg{Width: width, Height: height})
	return a
}

var namedKeys = map[string]tea.KeyType{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"ctrl+c": tea.KeyCtrlC, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace,
}

// keyMsg builds the message the terminal would send for a key name
// ("down", "enter") or for typed characters ("n", "gdp").
func keyMsg(name string) tea.KeyMsg {
	if k, ok := namedKeys[name]; ok {
		return tea.KeyMsg{Type: k}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}

// press sends keys one by one and returns the last command.
func press(a *App, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		_, cmd = a.Update(keyMsg(k))
	}
	return cmd
}

func lines(frame string) []string { return strings.Split(frame, "\n") }

func resize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// tabIDs are the embedded pack's tabs: tests that go through every tab
// take them from the pack, so a tab added there is checked too.
func tabIDs(t testing.TB) []model.TabID {
	t.Helper()
	var out []model.TabID
	for _, tab := range testPack(t).Tabs {
		out = append(out, tab.ID)
	}
	return out
}

// sampled reports whether a sweep checks case i of n (a tab, a size, a
// language and tab) at its k-th combination of the rest: every case in
// the full run (go test ./..., which .ci/run runs); under -short the one
// case that turns with k, so that a quick run still meets each case
// somewhere in the sweep rather than one case everywhere.
func sampled(k, i, n int) bool { return !testing.Short() || i == k%n }
