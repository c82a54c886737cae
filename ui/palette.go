package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"
	"github.com/muesli/termenv"
)

// A palette is one background's colours, each given for every kind of
// terminal rather than left to lipgloss to approximate: hex for true
// colour, an index of the 256 for 256-colour terminals, one of the 16
// ANSI colours for the rest.
//
// Every colour is chosen to be read on its background by WCAG 2.x's
// measure (contrast_test.go computes it for every entry): text at least
// 4.5:1, chart lines, bars and borders at least 3:1. A region's colour
// writes the figures beside its points too, so it is held to 4.5:1. The backgrounds are
// xterm's own (white for light, black for dark) and, for true colour and
// the 256 (whose colours above 15 every terminal draws alike), a tinted
// one that themes often use as well (#EFF1F5, #1E1E2E). The 16 ANSI
// colours are whatever the terminal's palette says; the test takes
// xterm's default table, and on a white xterm only black, red, blue and
// magenta are dark enough for text, so the light 16-colour palette keeps
// to those and leaves muted text in the terminal's own foreground.
//
// Chart colours are asciigraph's ANSI indexes: asciigraph writes no hex,
// so true-colour terminals draw charts from the 256.
type palette struct {
	accent, muted, border, headerBg, up, down, warning shade
	// axis colours the chart's axes and their labels (text); target the
	// year's target lines and their labels (text too).
	axis, target chartShade
	// regions colour each region's bars and lines, and the figures
	// written beside its points: text, so 4.5:1 too.
	regions []chartShade
}

// shade is one colour in each kind of terminal; "" is the terminal's own.
type shade struct{ hex, c256, c16 string }

func (s shade) colour() lipgloss.CompleteColor {
	return lipgloss.CompleteColor{TrueColor: s.hex, ANSI256: s.c256, ANSI: s.c16}
}

// chartShade is one chart colour for 256-colour (and true-colour)
// terminals and for 16-colour ones; asciigraph.Default is the terminal's
// own foreground.
type chartShade struct{ c256, c16 asciigraph.AnsiColor }

func (c chartShade) in(p termenv.Profile) asciigraph.AnsiColor {
	if p == termenv.ANSI {
		return c.c16
	}
	return c.c256
}

// lightPalette is for dark text on a light background.
var lightPalette = palette{
	accent:   shade{"#1D4ED8", "25", "4"},
	muted:    shade{"#5C5F77", "241", ""},
	border:   shade{"#7C7F93", "244", "8"},
	headerBg: shade{"#DCE0E8", "254", ""},
	// No green of the 16 reads on white (xterm's is 2.2:1): up is blue
	// there, and the ▲ beside it says "up" either way.
	up:   shade{"#166534", "22", "4"},
	down: shade{"#B91C1C", "160", "1"},
	// Warnings are bold, and xterm and PuTTY draw bold text of the first
	// eight colours in their bright twins: on white only blue's (12) is
	// still dark enough, so a 16-colour warning is bold alone.
	warning: shade{"#92400E", "94", ""},
	axis:    chartShade{241, asciigraph.Default},
	target:  chartShade{241, asciigraph.Default},
	// Kunming's line was yellow here once, the faintest thing on a
	// white screen; it is a dark gold in 256 colours and blue in 16.
	regions: []chartShade{
		{94, asciigraph.Navy},
		{90, asciigraph.Purple},
		{23, asciigraph.Maroon},
		{18, asciigraph.Black},
		{22, asciigraph.Blue},
	},
}

// darkPalette is for light text on a dark background.
var darkPalette = palette{
	accent:   shade{"#89B4FA", "111", "14"},
	muted:    shade{"#A6ADC8", "247", "7"},
	border:   shade{"#7F849C", "243", "8"},
	headerBg: shade{"#313244", "236", ""},
	up:       shade{"#A6E3A1", "114", "10"},
	down:     shade{"#F38BA8", "210", "9"},
	warning:  shade{"#F9E2AF", "223", "11"},
	axis:     chartShade{245, asciigraph.Gray},
	target:   chartShade{245, asciigraph.Gray},
	regions: []chartShade{
		{220, asciigraph.Yellow},
		{213, asciigraph.Fuchsia},
		{87, asciigraph.Aqua},
		{119, asciigraph.Lime},
		{75, asciigraph.White},
	},
}

// paletteFor is the palette of a dark or light background.
func paletteFor(dark bool) *palette {
	if dark {
		return &darkPalette
	}
	return &lightPalette
}
