package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// Every character standalone admits is a grapheme of its own beside any
// neighbour, and measures as ansi measures it.
func TestStandaloneRunesAreGraphemes(t *testing.T) {
	for r := rune(0); r <= 0xffff; r++ {
		if !standalone(r) {
			continue
		}
		c := string(r)
		s := "a" + c + "中" + c + c + "1"
		n := 0
		for it := graphemes.FromString(s); it.Next(); {
			n++
		}
		if n != 6 {
			t.Errorf("U+%04X: %q is %d graphemes, want 6", r, s, n)
		}
		if got, want := cellWidth(c), ansi.StringWidth(c); got != want {
			t.Errorf("U+%04X: cellWidth %d, ansi.StringWidth %d", r, got, want)
		}
	}
}

func TestCellWidthIsAnsis(t *testing.T) {
	bold := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FF8800"))
	for _, s := range []string{
		"", "GDP 4.4%", "地区生产总值增速 4.4% ▲0.1个百分点", "╭─ 经济 ─╮", "│ −5.1 · 1—8月 │",
		bold.Render("昆明") + " 4294.78亿元", "\x1b[1;38;5;214m⚑ ✓ ✎2\x1b[0m",
		"e\u0301 combining", "👍🏽 emoji", "🇨🇳 flag", "a\x1b]8;;https://kunming.cn\x1b\\link\x1b]8;;\x1b\\",
		"tab\there", "\x1b[", "unfinished \x1b[1", "ｶﾞ half-width", "〪 tone mark", "soft\u00adhyphen",
		strings.Repeat("·", 60) + strings.Repeat(" ", 60) + "·",
	} {
		if got, want := cellWidth(s), ansi.StringWidth(s); got != want {
			t.Errorf("cellWidth(%q) = %d, ansi.StringWidth = %d", s, got, want)
		}
	}
}
