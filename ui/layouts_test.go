package ui

import (
	"testing"

	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// Dashboards sharing laid-out bodies must draw exactly what each would
// draw alone, however their selections, tabs, sizes and languages differ.
func TestSharedLayoutsDrawWhatEachWouldAlone(t *testing.T) {
	t.Parallel()
	theme := NewTheme(renderer(termenv.ANSI256))
	shared := NewLayouts(8) // small, so entries are evicted and remade
	type session struct {
		lang          model.Lang
		width, height int
		keys          []string
	}
	sessions := []session{
		{model.Zh, 120, 40, []string{"2", "j", "j", "3", "k", "5", "j"}},
		{model.Zh, 120, 40, []string{"2", "j", "4", "1", "j", "j"}},
		{model.En, 120, 40, []string{"2", "j", "j", "3", "k"}},
		{model.Zh, 80, 24, []string{"2", "j", "j", "3", "5", "j", "j"}},
		{model.En, 100, 30, []string{"5", "j", "L", "2", "j"}},
	}
	alone := make([]*App, len(sessions))
	together := make([]*App, len(sessions))
	for i, s := range sessions {
		alone[i] = newApp(t, Options{Lang: s.lang, Theme: theme, Renderer: renderer(termenv.ANSI256)}, s.width, s.height)
		together[i] = newApp(t, Options{Lang: s.lang, Theme: theme, Renderer: renderer(termenv.ANSI256), Layouts: shared}, s.width, s.height)
	}
	// Interleave the key presses, as sessions on a server would.
	for step := 0; ; step++ {
		pressed := false
		for i, s := range sessions {
			if step >= len(s.keys) {
				continue
			}
			pressed = true
			press(alone[i], s.keys[step])
			press(together[i], s.keys[step])
			if got, want := together[i].View(), alone[i].View(); got != want {
				t.Fatalf("session %d after %q (step %d): shared frame differs from its own:\n%s\n--- want ---\n%s",
					i, s.keys[step], step, got, want)
			}
		}
		if !pressed {
			break
		}
	}
}
