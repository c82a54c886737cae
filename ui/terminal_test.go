package ui

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// csi matches one control sequence: ESC [ parameters, intermediates, final.
var csi = regexp.MustCompile("\x1b\\[([0-?]*)[ -/]*([@-~])")

// sgrColours lists the colour forms a frame's SGR sequences use: "16"
// for the sixteen ANSI colours, "256" for 38;5 / 48;5 / 58;5 and "true"
// for 38;2 / 48;2 / 58;2, in either the ';' or the ':' form.
func sgrColours(frame string) map[string]bool {
	found := map[string]bool{}
	for _, m := range csi.FindAllStringSubmatch(frame, -1) {
		if m[2] != "m" {
			continue
		}
		params := strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' })
		for i := 0; i < len(params); i++ {
			p, _ := strconv.Atoi(params[i])
			switch {
			case (p == 38 || p == 48 || p == 58) && i+1 < len(params):
				switch params[i+1] {
				case "5":
					found["256"] = true
					i += 2
				case "2":
					found["true"] = true
					i += 4
				}
			case p >= 30 && p <= 37, p >= 40 && p <= 47, p >= 90 && p <= 97, p >= 100 && p <= 107:
				found["16"] = true
			}
		}
	}
	return found
}

// TestColourProfiles draws every tab, with and without each overlay, in
// each colour profile on dark and light backgrounds, and checks what
// each terminal can show: nothing but text for Ascii (a pipe, NO_COLOR,
// a dumb terminal), only the sixteen colours for ANSI, no true colour
// for 256 colours; and that a light background gets its own colours.
// -short draws at one size, each screen for one tab in turn.
func TestColourProfiles(t *testing.T) {
	t.Parallel()
	profiles := []struct {
		name    string
		profile termenv.Profile
		allowed map[string]bool // colour forms it may use
		needs   string          // the form that shows the profile took effect
	}{
		{"ascii", termenv.Ascii, map[string]bool{}, ""},
		{"ansi", termenv.ANSI, map[string]bool{"16": true}, "16"},
		{"ansi256", termenv.ANSI256, map[string]bool{"16": true, "256": true}, "256"},
		{"truecolor", termenv.TrueColor, map[string]bool{"16": true, "256": true, "true": true}, "true"},
	}
	overlays := []struct {
		name string
		keys []string
	}{{"body", nil}, {"detail", []string{"enter"}}, {"help", []string{"?"}}, {"search", []string{"/", "g"}}}
	sizes := [][2]int{{80, 24}, {120, 40}}
	if testing.Short() {
		sizes = sizes[:1]
	}
	tabs := tabIDs(t)
	k := 0 // the profile, language, size and screen, for -short's turn through the tabs
	for _, p := range profiles {
		for _, lang := range model.Langs {
			for _, size := range sizes {
				for _, ov := range overlays {
					k++
					for ti, tab := range tabs {
						if !sampled(k, ti, len(tabs)) {
							continue
						}
						name := fmt.Sprintf("%s/%s/%s/%dx%d/%s", p.name, lang, tab, size[0], size[1], ov.name)
						t.Run(name, func(t *testing.T) {
							frames := map[bool]string{}
							for _, dark := range []bool{true, false} {
								a := newApp(t, Options{Lang: lang, Tab: tab, Renderer: fuzzRenderer(p.profile, dark)}, size[0], size[1])
								press(a, ov.keys...)
								frames[dark] = a.View()
								checkTerminalFrame(t, frames[dark], size[0], size[1], p.profile, p.allowed, p.needs, dark)
							}
							same := frames[true] == frames[false]
							if p.profile == termenv.Ascii && !same {
								t.Error("without colour, light and dark backgrounds should draw the same frame")
							}
							if p.profile != termenv.Ascii && same {
								t.Error("a light background should get its own colours, but the frame is the dark one")
							}
						})
					}
				}
			}
		}
	}
}

func checkTerminalFrame(t *testing.T, frame string, w, h int, profile termenv.Profile, allowed map[string]bool, needs string, dark bool) {
	t.Helper()
	bg := map[bool]string{true: "dark", false: "light"}[dark]
	ls := lines(frame)
	if len(ls) != h {
		t.Errorf("%s: %d lines, want %d", bg, len(ls), h)
	}
	for i, l := range ls {
		if sw := ansi.StringWidth(l); sw > w {
			t.Errorf("%s: line %d is %d cells wide, more than %d: %q", bg, i+1, sw, w, l)
		}
	}
	// No control character but the line breaks and the escapes of colour.
	for _, r := range frame {
		if r < 0x20 && r != '\n' && r != '\x1b' || r == 0x7f || r >= 0x80 && r < 0xa0 {
			t.Errorf("%s: control character %U in the frame", bg, r)
			break
		}
	}
	if profile == termenv.Ascii {
		if i := strings.IndexByte(frame, '\x1b'); i >= 0 {
			t.Errorf("%s: escape code in a frame without colour: %q", bg, frame[max(0, i-20):min(len(frame), i+20)])
		}
		return
	}
	// Every escape is a colour or style (SGR); nothing moves the cursor.
	for _, m := range csi.FindAllStringSubmatch(frame, -1) {
		if m[2] != "m" {
			t.Errorf("%s: non-SGR escape %q in a frame", bg, m[0])
			break
		}
	}
	if strings.Count(frame, "\x1b") != len(csi.FindAllString(frame, -1)) {
		t.Errorf("%s: an escape that is not a control sequence", bg)
	}
	used := sgrColours(frame)
	for form := range used {
		if !allowed[form] {
			t.Errorf("%s: %s colours in a frame for profile %d", bg, form, profile)
		}
	}
	if needs != "" && !used[needs] {
		t.Errorf("%s: no %s colours in a frame for profile %d: %v", bg, needs, profile, used)
	}
}

// TestTerminalEnvironment draws into a terminal (a TTY as far as the
// renderer knows) whose kind is told only by the environment, the way a
// local run finds out: NO_COLOR and CLICOLOR=0 turn colour off even on a
// true-colour terminal, a dumb or unknown TERM gets plain text, and a
// 16-colour xterm never gets 256-colour codes.
func TestTerminalEnvironment(t *testing.T) {
	all := map[string]bool{"16": true, "256": true, "true": true}
	cases := []struct {
		name    string
		env     map[string]string
		profile termenv.Profile
	}{
		{"truecolor", map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor"}, termenv.TrueColor},
		{"NO_COLOR", map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": "1"}, termenv.Ascii},
		{"CLICOLOR=0", map[string]string{"TERM": "xterm-256color", "COLORTERM": "truecolor", "CLICOLOR": "0"}, termenv.Ascii},
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, termenv.Ascii},
		{"unknown TERM", map[string]string{"TERM": "kmdash-no-such-terminal"}, termenv.Ascii},
		{"no TERM", map[string]string{}, termenv.Ascii},
		{"xterm", map[string]string{"TERM": "xterm"}, termenv.ANSI},
		{"xterm-256color", map[string]string{"TERM": "xterm-256color"}, termenv.ANSI256},
		{"screen with COLORTERM", map[string]string{"TERM": "screen", "COLORTERM": "truecolor"}, termenv.ANSI256},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM_PROGRAM", "GOOGLE_CLOUD_SHELL"} {
				t.Setenv(k, "")
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			r := lipgloss.NewRenderer(&bytes.Buffer{}, termenv.WithTTY(true))
			if got := r.ColorProfile(); got != c.profile {
				t.Fatalf("renderer found profile %d, want %d", got, c.profile)
			}
			r.SetHasDarkBackground(true)
			allowed, needs := map[string]bool{}, ""
			switch c.profile {
			case termenv.ANSI:
				allowed, needs = map[string]bool{"16": true}, "16"
			case termenv.ANSI256:
				allowed, needs = map[string]bool{"16": true, "256": true}, "256"
			case termenv.TrueColor:
				allowed, needs = all, "true"
			}
			for _, tab := range tabIDs(t) {
				a := newApp(t, Options{Tab: tab, Renderer: r}, 120, 40)
				checkTerminalFrame(t, a.View(), 120, 40, c.profile, allowed, needs, true)
			}
		})
	}
}

// TestSGRColours checks the checker on sequences it has to tell apart.
func TestSGRColours(t *testing.T) {
	cases := []struct {
		in   string
		want string
	}{
		{"\x1b[1;34mx\x1b[0m", "16"},
		{"\x1b[96mx", "16"},
		{"\x1b[38;5;136mx", "256"},
		{"\x1b[1;48;5;236;38;5;111mx", "256"},
		{"\x1b[38;2;30;102;245mx", "true"},
		{"\x1b[38:2::30:102:245mx", "true"},
		{"\x1b[1;4mx\x1b[0m", ""},
		{"\x1b[38;5;35mx", "256"}, // 35 is a 256-colour index here, not magenta
	}
	for _, c := range cases {
		got := sgrColours(c.in)
		var forms []string
		for _, f := range []string{"16", "256", "true"} {
			if got[f] {
				forms = append(forms, f)
			}
		}
		if strings.Join(forms, ",") != c.want {
			t.Errorf("%q: %v, want %s", c.in, forms, c.want)
		}
	}
}
