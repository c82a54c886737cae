package ui

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestBackgroundReply(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		colour string
		done   bool
	}{
		{"nothing yet", "", "", false},
		{"colour, DA1 to come", "\x1b]11;rgb:0000/0000/0000\x1b\\", "rgb:0000/0000/0000", false},
		{"colour ended by BEL, then DA1", "\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c", "rgb:ffff/ffff/ffff", true},
		{"DA1 alone: no colour coming", "\x1b[?1;2c", "", true},
		{"DA1 cut short", "\x1b[?62;2", "", false},
		{"colour cut short", "\x1b]11;rgb:ff", "", false},
		{"a key typed first", "j\x1b]11;rgb:1/2/3\x07\x1b[?6c", "rgb:1/2/3", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			colour, done := backgroundReply([]byte(tc.in))
			if colour != tc.colour || done != tc.done {
				t.Errorf("backgroundReply(%q) = %q, %v; want %q, %v", tc.in, colour, done, tc.colour, tc.done)
			}
		})
	}
}

func TestDarkColour(t *testing.T) {
	tests := []struct {
		spec     string
		dark, ok bool
	}{
		{"rgb:0000/0000/0000", true, true},
		{"rgb:ffff/ffff/ffff", false, true},
		{"rgb:1e1e/1e1e/2e2e", true, true},
		{"rgb:f/f/e", false, true},
		{"rgba:fdfd/f6f6/e3e3/ffff", false, true}, // solarized light
		{"rgb:00/00", false, false},
		{"rgb:zz/00/00", false, false},
		{"rgb:12345/0/0", false, false},
		{"", false, false},
	}
	for _, tc := range tests {
		dark, ok := darkColour(tc.spec)
		if dark != tc.dark || ok != tc.ok {
			t.Errorf("darkColour(%q) = %v, %v; want %v, %v", tc.spec, dark, ok, tc.dark, tc.ok)
		}
	}
}

// TestSettleBackground: with colour on and no terminal to ask, COLORFGBG
// decides, and without it the background is dark; without colour nothing
// is read. lipgloss's default renderer is told the same.
func TestSettleBackground(t *testing.T) {
	tests := []struct {
		name      string
		profile   termenv.Profile
		colorfgbg string
		dark      bool
	}{
		{"no word either way", termenv.ANSI256, "", true},
		{"light by COLORFGBG", termenv.ANSI256, "0;15", false},
		{"light by rxvt's three fields", termenv.ANSI, "0;default;7", false},
		{"dark by COLORFGBG", termenv.TrueColor, "15;0", true},
		{"COLORFGBG unreadable", termenv.ANSI256, "15;x", true},
		{"no colour, no reading", termenv.Ascii, "0;15", true},
	}
	defer lipgloss.SetHasDarkBackground(true)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("COLORFGBG", tc.colorfgbg)
			var out bytes.Buffer
			r := lipgloss.NewRenderer(&out)
			r.SetColorProfile(tc.profile)
			lipgloss.SetHasDarkBackground(!tc.dark)
			SettleBackground(r, &out)
			if r.HasDarkBackground() != tc.dark || lipgloss.HasDarkBackground() != tc.dark {
				t.Errorf("dark: renderer %v, default %v; want %v", r.HasDarkBackground(), lipgloss.HasDarkBackground(), tc.dark)
			}
			if out.Len() != 0 {
				t.Errorf("wrote %q to a buffer that is no terminal", out.String())
			}
		})
	}
}
