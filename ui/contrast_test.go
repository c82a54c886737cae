package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// WCAG 2.x's thresholds: text, and graphics (chart lines, bars, borders).
const (
	textContrast    = 4.5
	graphicContrast = 3.0
)

type rgb [3]float64

// xterm16 is xterm's default table for the 16 ANSI colours (its
// XTerm-col resources), which the 16-colour palettes are measured on.
var xterm16 = [16]string{
	"#000000", "#CD0000", "#00CD00", "#CDCD00", "#0000EE", "#CD00CD", "#00CDCD", "#E5E5E5",
	"#7F7F7F", "#FF0000", "#00FF00", "#FFFF00", "#5C5CFF", "#FF00FF", "#00FFFF", "#FFFFFF",
}

func hexRGB(t testing.TB, s string) rgb {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if err != nil || len(s) != 7 {
		t.Fatalf("colour %q is not #RRGGBB", s)
	}
	return rgb{float64(v >> 16), float64(v >> 8 & 0xFF), float64(v & 0xFF)}
}

// indexRGB is colour i of the 256 as xterm draws it: the 16 from its
// table, then the 6×6×6 cube and the grey ramp every terminal shares.
func indexRGB(t testing.TB, i int) rgb {
	switch {
	case i < 16:
		return hexRGB(t, xterm16[i])
	case i < 232:
		level := []float64{0, 95, 135, 175, 215, 255}
		i -= 16
		return rgb{level[i/36], level[i/6%6], level[i%6]}
	}
	g := float64(8 + 10*(i-232))
	return rgb{g, g, g}
}

// luminance is WCAG 2.x relative luminance.
func luminance(c rgb) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

func contrast(a, b rgb) float64 {
	x, y := luminance(a), luminance(b)
	if x < y {
		x, y = y, x
	}
	return (x + 0.05) / (y + 0.05)
}

// backgrounds are what a palette is read on: xterm's own background for
// every kind of terminal, and for true colour and the 256 a tinted one
// that themes use as well. The 16 are measured on xterm's background
// only, as their colours are xterm's.
func backgrounds(t testing.TB, dark bool, kind string) map[string]rgb {
	out := map[string]rgb{}
	if dark {
		out["xterm black"] = hexRGB(t, "#000000")
		if kind != "16" {
			out["#1E1E2E"] = hexRGB(t, "#1E1E2E")
		}
	} else {
		out["xterm white"] = hexRGB(t, "#FFFFFF")
		if kind != "16" {
			out["#EFF1F5"] = hexRGB(t, "#EFF1F5")
		}
	}
	return out
}

// shadeRGB is a shade as a terminal of kind draws it; ok is false for the
// terminal's own colour.
func shadeRGB(t testing.TB, s shade, kind string) (rgb, bool) {
	v := map[string]string{"true": s.hex, "256": s.c256, "16": s.c16}[kind]
	if v == "" {
		return rgb{}, false
	}
	if kind == "true" {
		return hexRGB(t, v), true
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < 0 || i > 255 || kind == "16" && i > 15 {
		t.Fatalf("%s-colour shade %q is not an index of the %s", kind, v, kind)
	}
	return indexRGB(t, i), true
}

// chartRGB is an asciigraph colour as the terminal draws it.
func chartRGB(t testing.TB, c asciigraph.AnsiColor) (rgb, bool) {
	switch c {
	case asciigraph.Default:
		return rgb{}, false
	case asciigraph.Black:
		return indexRGB(t, 0), true
	}
	return indexRGB(t, int(c)), true
}

// TestPaletteContrast computes the contrast of every palette entry with
// its background, for dark and light, true colour, 256 and 16 colours:
// text 4.5:1, graphics 3:1, and the header's text on the header's own
// background as well.
func TestPaletteContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		p := paletteFor(dark)
		look := map[bool]string{true: "dark", false: "light"}[dark]
		for _, kind := range []string{"true", "256", "16"} {
			bgs := backgrounds(t, dark, kind)
			if hb, ok := shadeRGB(t, p.headerBg, kind); ok {
				bgs = map[string]rgb{"the header": hb}
				for name, c := range map[string]shade{"accent": p.accent, "muted": p.muted} {
					check(t, fmt.Sprintf("%s %s %s", look, kind, name), c, kind, bgs, textContrast)
				}
				bgs = backgrounds(t, dark, kind)
			}
			texts := map[string]shade{"accent": p.accent, "muted": p.muted, "up": p.up, "down": p.down, "warning": p.warning}
			for name, c := range texts {
				check(t, fmt.Sprintf("%s %s %s", look, kind, name), c, kind, bgs, textContrast)
			}
			check(t, fmt.Sprintf("%s %s border", look, kind), p.border, kind, bgs, graphicContrast)
			profile := map[string]termenv.Profile{"true": termenv.TrueColor, "256": termenv.ANSI256, "16": termenv.ANSI}[kind]
			charts := map[string]chartShade{"axis": p.axis, "target": p.target}
			for i, r := range p.regions {
				charts[fmt.Sprintf("region %d", i)] = r
			}
			for name, c := range charts {
				col, ok := chartRGB(t, c.in(profile))
				if !ok {
					continue
				}
				if kind == "16" && c.in(profile) > asciigraph.White && c.in(profile) != asciigraph.Black {
					t.Errorf("%s 16 %s: %d is not one of the 16", look, name, c.in(profile))
				}
				for bgName, bg := range bgs {
					// Charts write figures and labels in these colours.
					if r := contrast(col, bg); r < textContrast {
						t.Errorf("%s %s %s on %s: %.2f:1, want %.1f:1", look, kind, name, bgName, r, textContrast)
					}
				}
			}
		}
	}
}

func check(t *testing.T, what string, s shade, kind string, bgs map[string]rgb, want float64) {
	t.Helper()
	c, ok := shadeRGB(t, s, kind)
	if !ok {
		return // the terminal's own foreground
	}
	for name, bg := range bgs {
		if r := contrast(c, bg); r < want {
			t.Errorf("%s on %s: %.2f:1, want %.1f:1", what, name, r, want)
		}
	}
}

// TestFramesContrast reads every colour a frame is drawn in, as a
// terminal would: every character in a colour of its own, on the
// terminal's background or the one the frame sets, must reach 4.5:1 if
// it is a letter or a digit and 3:1 otherwise. That covers whatever the
// screens draw, not only what the palette names. -short draws each screen
// in each palette for one language and tab, turning through them all.
func TestFramesContrast(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	kinds := []struct {
		name    string
		profile termenv.Profile
	}{{"true", termenv.TrueColor}, {"256", termenv.ANSI256}, {"16", termenv.ANSI}}
	screens := []struct {
		name string
		keys []string
	}{{"body", nil}, {"detail", []string{"enter"}}, {"help", []string{"?"}}, {"described", []string{"D"}}, {"status", []string{"n"}},
		{"too small", nil}, {"review", []string{"r", "!", "m", "e", "x", "esc"}}, {"scorecard", []string{"S"}}}
	k := 0 // the palette and screen, for -short's turn through languages and tabs
	for _, dark := range []bool{true, false} {
		for _, kind := range kinds {
			r := lipgloss.NewRenderer(nil)
			r.SetColorProfile(kind.profile)
			r.SetHasDarkBackground(dark)
			theme := NewTheme(r)
			for _, sc := range screens {
				k++
				for li, lang := range model.Langs {
					for ti, tab := range pack.Tabs {
						if !sampled(k, li*len(pack.Tabs)+ti, len(model.Langs)*len(pack.Tabs)) {
							continue
						}
						w, h := 140, 45
						if sc.name == "too small" {
							w, h = 50, 15
						}
						a := newApp(t, Options{Lang: lang, Tab: tab.ID, Theme: theme, Review: &countingLog{}}, w, h)
						act(a, sc.keys...)
						where := fmt.Sprintf("dark %v, %s colours, %s %s %s", dark, kind.name, lang, tab.ID, sc.name)
						for bgName, bg := range backgrounds(t, dark, kind.name) {
							checkFrameContrast(t, where+" on "+bgName, a.View(), bg)
						}
					}
				}
			}
		}
	}
}

// checkFrameContrast walks a frame's SGR sequences and checks each
// coloured character; each failing colour is reported once. Bold text
// in one of the first eight colours is read in its bright twin, as
// xterm (boldColors) and PuTTY draw it by default.
func checkFrameContrast(t *testing.T, where, frame string, bg rgb) {
	t.Helper()
	var s sgrState
	reported := map[string]bool{}
	for len(frame) > 0 {
		if strings.HasPrefix(frame, "\x1b[") {
			end := strings.IndexFunc(frame[2:], func(r rune) bool { return r >= 0x40 && r <= 0x7E })
			if end < 0 {
				return
			}
			if frame[2+end] == 'm' {
				s.apply(t, frame[2:2+end])
			}
			frame = frame[3+end:]
			continue
		}
		r, size := utf8.DecodeRuneInString(frame)
		frame = frame[size:]
		if unicode.IsSpace(r) || r == '\n' {
			continue
		}
		f, b := s.colours(t)
		if f == nil {
			continue // the terminal's own foreground, whatever it is on
		}
		on := bg
		if b != nil {
			on = *b
		}
		want, kind := graphicContrast, "graphic"
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			want, kind = textContrast, "text"
		}
		if c := contrast(*f, on); c < want {
			key := fmt.Sprint(*f, on, kind)
			if !reported[key] {
				reported[key] = true
				t.Errorf("%s: %s %q in %v on %v: %.2f:1, want %.1f:1", where, kind, r, *f, on, c, want)
			}
		}
	}
}

// sgrState is the colours and attributes in force: a colour as an
// index of the 16 (base, for bold's bright twin) or as RGB.
type sgrState struct {
	fg, bg        *rgb
	fgBase        int // 0–7 when fg is one of the first eight, else -1
	bold, reverse bool
}

// colours are the foreground and background a character is drawn in.
func (s *sgrState) colours(t *testing.T) (fg, bg *rgb) {
	fg, bg = s.fg, s.bg
	if s.bold && fg != nil && s.fgBase >= 0 {
		c := indexRGB(t, s.fgBase+8)
		fg = &c
	}
	if s.reverse {
		fg, bg = bg, fg
	}
	return fg, bg
}

// apply reads one SGR sequence's parameters.
func (s *sgrState) apply(t *testing.T, params string) {
	ps := strings.FieldsFunc(params, func(r rune) bool { return r == ';' || r == ':' })
	if len(ps) == 0 {
		*s = sgrState{}
		return
	}
	for i := 0; i < len(ps); i++ {
		p, _ := strconv.Atoi(ps[i])
		switch {
		case p == 0:
			*s = sgrState{}
		case p == 1:
			s.bold = true
		case p == 22:
			s.bold = false
		case p == 7:
			s.reverse = true
		case p == 27:
			s.reverse = false
		case p >= 30 && p <= 37:
			c := indexRGB(t, p-30)
			s.fg, s.fgBase = &c, p-30
		case p >= 90 && p <= 97:
			c := indexRGB(t, p-90+8)
			s.fg, s.fgBase = &c, -1
		case p >= 40 && p <= 47, p >= 100 && p <= 107:
			c := indexRGB(t, p%10+map[bool]int{true: 8}[p >= 100])
			s.bg = &c
		case p == 39:
			s.fg = nil
		case p == 49:
			s.bg = nil
		case (p == 38 || p == 48) && i+1 < len(ps):
			var c rgb
			if ps[i+1] == "5" && i+2 < len(ps) {
				n, _ := strconv.Atoi(ps[i+2])
				c, i = indexRGB(t, n), i+2
			} else if ps[i+1] == "2" && i+4 < len(ps) {
				for j := range c {
					v, _ := strconv.Atoi(ps[i+2+j])
					c[j] = float64(v)
				}
				i += 4
			}
			if p == 38 {
				s.fg, s.fgBase = &c, -1
			} else {
				s.bg = &c
			}
		}
	}
}
