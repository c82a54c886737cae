package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// maxEmptyHalves is the share of the body's half-rows a tab may leave
// blank at 120×40 and 200×60: the screen is for figures, and a half left
// empty while text is cut elsewhere is room wasted.
const maxEmptyHalves = 0.20

// emptyHalves counts, in the body of a plain frame (between the tab bar's
// rule and the footer), the rows whose left half or right half holds only
// spaces, each half counted apart; it returns that count and the number
// of halves.
func emptyHalves(frame string, width int) (empty, halves int, rows []string) {
	ls := strings.Split(frame, "\n")
	body := ls[3 : len(ls)-1]
	for i, l := range body {
		left, right := splitHalves(l, width/2)
		for side, half := range []string{left, right} {
			halves++
			if strings.TrimSpace(half) == "" {
				empty++
				rows = append(rows, fmt.Sprintf("row %d %s", i+4, []string{"left", "right"}[side]))
			}
		}
	}
	return empty, halves, rows
}

// splitHalves cuts a plain line at display column mid; a wide character
// that starts left of mid stays left.
func splitHalves(line string, mid int) (string, string) {
	col := 0
	for i, r := range line {
		if col >= mid {
			return line[:i], line[i:]
		}
		col += ansi.StringWidth(string(r))
	}
	return line, ""
}

func TestSplitHalves(t *testing.T) {
	tests := []struct {
		line        string
		mid         int
		left, right string
	}{
		{"abcdef", 3, "abc", "def"},
		{"ab", 3, "ab", ""},
		{"经济ab", 3, "经济", "ab"}, // 经 0–1, 济 2–3: it starts left of 3
		{"a经济", 3, "a经", "济"},
		{"", 3, "", ""},
	}
	for _, tt := range tests {
		if l, r := splitHalves(tt.line, tt.mid); l != tt.left || r != tt.right {
			t.Errorf("splitHalves(%q, %d) = %q, %q; want %q, %q", tt.line, tt.mid, l, r, tt.left, tt.right)
		}
	}
}

func TestEmptyHalves(t *testing.T) {
	frame := strings.Join([]string{"header", "tabs", "rule", "ab  cd", "      ", "ab    ", "    cd", "footer"}, "\n")
	empty, halves, _ := emptyHalves(frame, 6)
	if empty != 4 || halves != 8 {
		t.Errorf("emptyHalves = %d of %d, want 4 of 8", empty, halves)
	}
}

// TestScreenIsUsed checks every tab of the pack, in every language, at
// 120×40 and 200×60: at most a fifth of the body's half-rows are empty.
func TestScreenIsUsed(t *testing.T) {
	t.Parallel()
	for _, tab := range tabIDs(t) {
		for _, lang := range model.Langs {
			for _, size := range [][2]int{{120, 40}, {200, 60}} {
				frame := Frame(Options{Pack: testPack(t), Lang: lang, Now: clock, Tab: tab, Renderer: renderer(termenv.Ascii)}, size[0], size[1])
				empty, halves, rows := emptyHalves(frame, size[0])
				if share := float64(empty) / float64(halves); share > maxEmptyHalves {
					t.Errorf("%s %s %dx%d: %d of %d body half-rows empty (%.0f%%, at most %.0f%%): %s\n%s",
						tab, lang, size[0], size[1], empty, halves, 100*share, 100*maxEmptyHalves, strings.Join(rows, ", "), frame)
				}
			}
		}
	}
}
