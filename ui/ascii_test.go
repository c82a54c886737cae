package ui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// eastAsian measures as a terminal does that draws Unicode's ambiguous
// characters two cells wide (go-runewidth's East Asian condition): what
// Xshell, SecureCRT or PuTTY do with a CJK font, and what
// RUNEWIDTH_EASTASIAN=1 says.
var eastAsian = &runewidth.Condition{EastAsianWidth: true}

// narrow measures as most terminals (and lipgloss) do, whatever the
// locale the tests run in says.
var narrow = &runewidth.Condition{}

// drawingRune reports whether r is a box-drawing, block, arrow or
// geometric-shape character, the glyphs an ASCII drawing must not hold.
func drawingRune(r rune) bool {
	return r >= 0x2190 && r <= 0x21FF || // arrows
		r >= 0x2500 && r <= 0x257F || // box drawing
		r >= 0x2580 && r <= 0x259F || // blocks
		r >= 0x25A0 && r <= 0x25FF || // geometric shapes
		r >= 0x2B00 && r <= 0x2BFF // more arrows and shapes
}

// asciiOverlays are the screens a frame may show, by the keys that open
// them.
var asciiOverlays = map[string][]string{
	"body": nil, "detail": {"enter"}, "help": {"?"}, "search": {"/", "g"}, "described": {"D"},
	"scrolled": {"down", "down", "pgdown"}, "card 3": {"down", "down"},
}

// asciiOverlayNames are asciiOverlays' names in order, so that a sampled
// sweep meets the same screens at the same sizes every run.
var asciiOverlayNames = slices.Sorted(maps.Keys(asciiOverlays))

// everyASCIISize is the sizes the fit is checked at, 60×20 to 200×60.
var everyASCIISize = [][2]int{{60, 20}, {61, 21}, {72, 24}, {80, 24}, {99, 30}, {100, 30}, {120, 40}, {132, 43}, {160, 50}, {200, 60}}

// asciiSizes are the sizes a sweep that does not sample draws each of
// its screens at: all of them, or under -short the edges and a middle.
func asciiSizes() [][2]int {
	if testing.Short() {
		return [][2]int{{60, 20}, {80, 24}, {100, 30}, {200, 60}}
	}
	return everyASCIISize
}

// TestASCIIFramesFitEastAsianTerminals draws every tab and screen, both
// languages, in ASCII, and reads each frame as an East Asian terminal
// would: no drawing character is left, no character of ambiguous width
// either, and so no line is wider than the terminal when those count two
// cells, as lipgloss (which counts them one) laid it out. -short draws
// each screen at one size, turning through them.
func TestASCIIFramesFitEastAsianTerminals(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	k := 0 // the screen drawn, for -short's turn through the sizes
	for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI256} {
		theme := NewThemeFor(renderer(profile), true)
		for _, lang := range model.Langs {
			for _, tab := range pack.Tabs {
				for _, name := range asciiOverlayNames {
					k++
					for si, size := range everyASCIISize {
						if !sampled(k, si, len(everyASCIISize)) {
							continue
						}
						a := newApp(t, Options{Lang: lang, Tab: tab.ID, Theme: theme}, size[0], size[1])
						press(a, asciiOverlays[name]...)
						where := fmt.Sprintf("profile %d %s %s %s %dx%d", profile, lang, tab.ID, name, size[0], size[1])
						checkEastAsianFit(t, where, a.View(), size[0], size[1])
					}
				}
			}
		}
	}
}

// checkEastAsianFit checks one frame as an East Asian terminal shows it.
func checkEastAsianFit(t *testing.T, where, frame string, width, height int) {
	t.Helper()
	ls := strings.Split(ansi.Strip(frame), "\n")
	if len(ls) != height {
		t.Errorf("%s: %d lines, want %d", where, len(ls), height)
	}
	for i, l := range ls {
		for _, r := range l {
			if drawingRune(r) || runewidth.IsAmbiguousWidth(r) {
				t.Errorf("%s: line %d holds %q (U+%04X): %q", where, i+1, r, r, l)
				break
			}
		}
		if w := eastAsian.StringWidth(l); w > width {
			t.Errorf("%s: line %d is %d cells wide in an East Asian terminal: %q", where, i+1, w, l)
		}
	}
}

// TestASCIIGlyphsDrawWithoutText checks the ASCII switch itself: with the
// replacements in text turned off, frames still hold no box-drawing or
// block character, so every border, stroke, axis and bar comes from the
// ASCII glyphs and none from the text replacements. -short draws each
// screen for one tab, in turn.
func TestASCIIGlyphsDrawWithoutText(t *testing.T) {
	t.Parallel()
	g := asciiGlyphs
	g.Text = nil
	theme := NewThemeFor(renderer(termenv.Ascii), true)
	theme.Glyphs = &g
	pack := testPack(t)
	k := 0 // the language and screen, for -short's turn through the tabs
	for _, lang := range model.Langs {
		for _, name := range asciiOverlayNames {
			k++
			for ti, tab := range pack.Tabs {
				if !sampled(k, ti, len(pack.Tabs)) {
					continue
				}
				a := newApp(t, Options{Lang: lang, Tab: tab.ID, Theme: theme}, 120, 40)
				press(a, asciiOverlays[name]...)
				for i, l := range lines(a.View()) {
					for _, r := range l {
						if r >= 0x2500 && r <= 0x259F {
							t.Errorf("%s %s %s: line %d draws %q: %q", lang, tab.ID, name, i+1, r, l)
							break
						}
					}
				}
			}
		}
	}
}

// TestASCIIKeepsTheLayout checks that ASCII drawing changes glyphs, not
// the layout: every line is as wide, and every Chinese character stands
// where it stood. -short draws each tab at one of the sizes, in turn.
func TestASCIIKeepsTheLayout(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	uni, asc := NewTheme(renderer(termenv.Ascii)), NewThemeFor(renderer(termenv.Ascii), true)
	sizes := [][2]int{{60, 20}, {100, 30}, {160, 50}}
	k := 0 // the language and tab, for -short's turn through the sizes
	for _, lang := range model.Langs {
		for _, tab := range pack.Tabs {
			k++
			for si, size := range sizes {
				if !sampled(k, si, len(sizes)) {
					continue
				}
				u := lines(Frame(Options{Pack: pack, Lang: lang, Now: clock, Tab: tab.ID, Theme: uni}, size[0], size[1]))
				a := lines(Frame(Options{Pack: pack, Lang: lang, Now: clock, Tab: tab.ID, Theme: asc}, size[0], size[1]))
				if len(u) != len(a) {
					t.Fatalf("%s %s %v: %d lines in ASCII, %d in Unicode", lang, tab.ID, size, len(a), len(u))
				}
				for i := range u {
					if han(u[i]) != han(a[i]) {
						t.Errorf("%s %s %v line %d: Chinese text changed:\n%s\n%s", lang, tab.ID, size, i+1, a[i], u[i])
					}
					if uc, ac := hanColumns(u[i]), hanColumns(a[i]); uc != ac {
						t.Errorf("%s %s %v line %d: Chinese text stands elsewhere in ASCII:\n%s\n%s", lang, tab.ID, size, i+1, a[i], u[i])
					}
					if uw, aw := lipgloss.Width(u[i]), lipgloss.Width(a[i]); uw != aw {
						t.Errorf("%s %s %v line %d: %d cells in ASCII, %d in Unicode:\n%s\n%s", lang, tab.ID, size, i+1, aw, uw, a[i], u[i])
					}
				}
			}
		}
	}
}

// hanColumns is where each Chinese character of s stands, and which
// it is, as "12:昆 14:明 …".
func hanColumns(s string) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		if han(string(r)) != "" {
			fmt.Fprintf(&b, "%d:%c ", col, r)
		}
		col += narrow.RuneWidth(r)
	}
	return b.String()
}

// han is the Chinese characters of s, in order.
func han(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestASCIIReview: a review's marks, notes, progress and the scorecard
// overlay draw in ASCII too, and fit an East Asian terminal.
func TestASCIIReview(t *testing.T) {
	t.Parallel()
	theme := NewThemeFor(renderer(termenv.ANSI256), true)
	for _, lang := range model.Langs {
		for _, size := range asciiSizes() {
			a := newApp(t, Options{Lang: lang, Theme: theme, Review: &countingLog{}, Author: "张三"}, size[0], size[1])
			act(a, "r", "!", "m", "e", "笔记“一”…", "esc")
			where := fmt.Sprintf("%s %dx%d", lang, size[0], size[1])
			checkEastAsianFit(t, where+" review", a.View(), size[0], size[1])
			if size[0] >= 100 && !strings.Contains(cardLineOf(a.View(), a.ctx.Pack.Indicator("gdp").Name.In(lang)+" "), "!") {
				t.Errorf("%s: the flagged card shows no !", where)
			}
			act(a, "enter")
			checkEastAsianFit(t, where+" detail", a.View(), size[0], size[1])
			act(a, "esc", "e")
			checkEastAsianFit(t, where+" note", a.View(), size[0], size[1])
			act(a, "esc", "S")
			checkEastAsianFit(t, where+" scorecard", a.View(), size[0], size[1])
		}
	}
}

// cardLineOf is the first line of frame that holds name, with the line
// above it: a card drawn as a box has its marks on its top border.
func cardLineOf(frame, name string) string {
	ls := lines(ansi.Strip(frame))
	for i, l := range ls {
		if strings.Contains(l, name) {
			if i > 0 {
				return ls[i-1] + "\n" + l
			}
			return l
		}
	}
	return ""
}
