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
		// be miscounted; each screen and size for one tab, in turn.
		sizes, profiles = [][2]int{{1, 1}, {59, 19}, {60, 20}, {99, 30}, {120, 40}}, profiles[1:]
	}
	overlays := []struct {
		name string
		keys []string
	}{{"body", nil}, {"detail", []string{"enter"}}, {"search", []string{"/", "g"}}, {"help", []string{"?"}}, {"scrolled", []string{"down", "down", "down", "pgdown"}}}
	tabs := tabIDs(t)
	k := 0 // the screen and size, for -short's turn through the tabs
	for _, profile := range profiles {
		for _, lang := range model.Langs {
			for _, ov := range overlays {
				name, keys := ov.name, ov.keys
				for _, size := range sizes {
					k++
					for ti, tab := range tabs {
						if !sampled(k, ti, len(tabs)) {
							continue
						}
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

// TestKeyFiguresVisible checks that from 80×24 up each tab of the pack
// shows, without scrolling, every card's headline figure and every
// initiative's name, in both languages.
func TestKeyFiguresVisible(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	for _, tab := range pack.Tabs {
		for _, lang := range model.Langs {
			var want []string
			for _, in := range pack.TabInitiatives(tab) {
				want = append(want, in.Name.In(lang))
			}
			for _, ind := range pack.Cards(tab) {
				// The figure in the reader's number form, without the
				// qualifier a card may set apart.
				if o := pack.Headline(ind); o != nil {
					want = append(want, model.Figure(lang, o.Value, model.Exact, ind.Unit))
				}
			}
			if len(want) == 0 {
				t.Fatalf("tab %s shows no figures", tab.ID)
			}
			for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
				frame := newApp(t, Options{Tab: tab.ID, Lang: lang}, size[0], size[1]).View()
				for _, f := range want {
					if !strings.Contains(frame, f) {
						t.Errorf("%s %s at %dx%d: %q not on screen", tab.ID, lang, size[0], size[1], f)
					}
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

// TestFramesFitEverySize sweeps the sizes a terminal may have from the
// smallest the dashboard draws in, 60×20, to 200×60: every frame of
// every tab fills its terminal exactly and no line is wider. -short
// samples the sweep, each size drawn for one tab and language in turn.
func TestFramesFitEverySize(t *testing.T) {
	t.Parallel()
	wStep, heights := 2, []int{20, 21, 24, 30, 33, 40, 47, 50, 59, 60}
	if testing.Short() {
		wStep, heights = 5, []int{20, 33, 47, 60}
	}
	pack := testPack(t)
	theme := NewTheme(renderer(termenv.Ascii))
	tabs := tabIDs(t)
	k := 0 // the size, for -short's turn through tabs and languages
	for w := MinWidth; w <= 200; w += wStep {
		for _, h := range heights {
			k++
			for ti, tab := range tabs {
				for li, lang := range model.Langs {
					if !sampled(k, ti*len(model.Langs)+li, len(tabs)*len(model.Langs)) {
						continue
					}
					frame := Frame(Options{Pack: pack, Lang: lang, Now: clock, Tab: tab, Theme: theme}, w, h)
					ls := lines(frame)
					if len(ls) != h {
						t.Errorf("%s %s %dx%d: %d lines", tab, lang, w, h, len(ls))
					}
					for i, l := range ls {
						if lipgloss.Width(l) > w {
							t.Errorf("%s %s %dx%d: line %d is %d wide", tab, lang, w, h, i+1, lipgloss.Width(l))
						}
					}
				}
			}
		}
	}
}
