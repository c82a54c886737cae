package ui

import (
	"sync"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/displaywidth"
)

// cellWidth is ansi.StringWidth, the cells a line takes on screen, made
// cheap for the text kmdash draws. Weighing a tab's layouts measures tens
// of thousands of lines, and ansi's grapheme walk was nearly half of the
// time a layout took. Here SGR sequences (all lipgloss writes) take no
// cells, and a character that is always a grapheme of its own (ASCII,
// Chinese characters, the punctuation and the box, block, arrow and mark
// glyphs of the screens) is measured alone; a line holding anything else
// (a combining mark, an emoji sequence, another escape) is measured by
// ansi, so the answer is always ansi's.
func cellWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
			i++
		case c == 0x1b:
			n := sgrLen(s[i:])
			if n == 0 {
				return ansi.StringWidth(s)
			}
			i += n
		case c < utf8.RuneSelf:
			return ansi.StringWidth(s) // other controls: ansi's rules
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !standalone(r) {
				return ansi.StringWidth(s)
			}
			w += runeCells()(r)
			i += n
		}
	}
	return w
}

// runeCells measures one character as ansi does: its options are read from
// ansi itself (a box line is one cell, or two where ansi was started with
// RUNEWIDTH_EASTASIAN=1), once.
var runeCells = sync.OnceValue(func() func(rune) int {
	return displaywidth.Options{EastAsianWidth: ansi.StringWidth("─") == 2}.Rune
})

// sgrLen is the length of the CSI sequence s starts with ("\x1b[" then
// parameters, intermediates and a final byte), or 0 for anything else.
func sgrLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x20 && c <= 0x3f:
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// standalone reports whether r is always a grapheme cluster on its own:
// no Unicode rule joins it to the character before or after it. The
// ranges are the scripts and symbols kmdash's screens are made of;
// TestStandaloneRunesAreGraphemes checks every one of them.
func standalone(r rune) bool {
	switch {
	case r >= 0xa0 && r <= 0xff:
		return r != 0xad // the soft hyphen is a control to Unicode
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e: // dashes, quotes, ·, …, ‰
		return true
	case r >= 0x2190 && r <= 0x22ff: // arrows, mathematical operators (−, ×)
		return true
	case r >= 0x2500 && r <= 0x25ff: // box drawing, blocks, geometric shapes (▲ ● ◆)
		return true
	case r == 0x2691 || r == 0x2713 || r == 0x270e: // ⚑ ✓ ✎, the review marks
		return true
	case r >= 0x3000 && r <= 0x3029, r >= 0x3030 && r <= 0x303f: // CJK punctuation (not its tone marks)
		return true
	case r >= 0x4e00 && r <= 0x9fff: // CJK unified ideographs
		return true
	case r >= 0xff01 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6: // full-width forms
		return true
	}
	return false
}
