package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// TestFramesFit checks the promise that no frame is ever taller or wider
// than its terminal: every tab, both languages, with and without colour,
// with each overlay open, from a tiny window to a wide one.
func TestFramesFit(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{1, 1}, {30, 8}, {59, 19}, {60, 20}, {61, 21}, {80, 24}, {99, 30}, {100, 30}, {120, 40}, {200, 60}}
	profiles := []termenv.Profile{termenv.Ascii, termenv.ANSI256}
	if testing.Short() {
		// The edges (too small, the smallest, the widest single column)
		// and a common size, in colour, whose codes are the likelier to
		// be miscounted.
		sizes, profiles = [][2]int{{1, 1}, {59, 19}, {60, 20}, {99, 30}, {120, 40}}, profiles[1:]
	}
	overlays := map[string][]string{"body": nil, "detail": {"enter"}, "search": {"/", "g"}, "help": {"?"}, "scrolled": {"down", "down", "down", "pgdown"}}
	for _, profile := range profiles {
		for _, lang := range model.Langs {
			for ti, tab := range model.Tabs {
				for name, keys := range overlays {
					for _, size := range sizes {
						a := newApp(t, Options{Lang: lang, Tab: tab, Renderer: renderer(profile)}, size[0], size[1])
						press(a, keys...)
						frame := a.View()
						where := fmt.Sprintf("profile %d, %s, tab %d, %s, %dx%d", profile, lang, ti+1, name, size[0], size[1])
						ls := lines(frame)
						if len(ls) != size[1] {
							t.Errorf("%s: %d lines, want %d", where, len(ls), size[1])
						}
						for i, l := range ls {
							if w := lipgloss.Width(l); w > size[0] {
								t.Errorf("%s: line %d is %d wide: %q", where, i+1, w, l)
							}
						}
					}
				}
			}
		}
	}
}

// TestKeyFiguresVisible checks that from 80×24 up each tab shows its main
// figures without scrolling.
func TestKeyFiguresVisible(t *testing.T) {
	want := map[model.TabID][]string{
		model.Economy:  {"4294.78", "4.4%", "6.7%", "6.2%", "10.2%"},
		model.Industry: {"6.7%", "48.6%", "7.3"},
		model.Services: {"6.2%", "9.5%", "10"},
		model.Property: {"382.9", "10.2%", "5.7", "14.9", "17", "7"},
		model.Tourism:  {"观鸥季", "赏花季", "食菌季", "市场游", "米轨游", "咖啡节", "▼"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for tab, figures := range want {
			frame := newApp(t, Options{Tab: tab}, size[0], size[1]).View()
			for _, f := range figures {
				if !strings.Contains(frame, f) {
					t.Errorf("%s at %dx%d: %q not on screen", tab, size[0], size[1], f)
				}
			}
		}
	}
}

func TestTooSmallSaysWhatIsNeeded(t *testing.T) {
	for _, lang := range model.Langs {
		a := newApp(t, Options{Lang: lang}, 59, 30)
		if frame := a.View(); !strings.Contains(frame, "60×20") || !strings.Contains(frame, "59×30") {
			t.Errorf("%s: too-small screen should name 60×20 and the current 59×30:\n%s", lang, frame)
		}
		a.Update(resize(120, 40))
		if frame := a.View(); strings.Contains(frame, "60×20") || !strings.Contains(lines(frame)[1], "1") {
			t.Errorf("%s: after growing, the dashboard should be back:\n%s", lang, frame)
		}
	}
}
