package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// wrap breaks text into lines of at most width cells the way Chinese and
// English are set: at spaces, and between Chinese characters, but never
// inside a run of letters and digits. lipgloss's own wrapping also breaks
// after every hyphen, which tore "-4.7" into "-" and "4.7", a negative
// figure read as a positive one. Closing punctuation stays with what it
// closes, so no line starts with "、" or "）", a number stays with the
// character it counts (11月), and an opening bracket or
// quote with what it opens, so no line ends with "（" or "《" (the rules
// Chinese typesetting calls 避头尾). Escape sequences ride with
// the text after them. A run wider than a whole line is cut by cells.
func wrap(text string, width int) string {
	if width <= 0 || !strings.Contains(text, "\n") && ansi.StringWidth(text) <= width {
		return text
	}
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapLine(para, width)...)
	}
	return strings.Join(out, "\n")
}

// unit is a piece of text a line may not break inside.
type unit struct {
	text  string
	width int
	space bool // a space: a break point, dropped at the ends of lines
}

func wrapLine(s string, width int) []string {
	// An indented paragraph keeps its indent on every line it takes.
	body := strings.TrimLeft(s, " ")
	indent := s[:len(s)-len(body)]
	if len(indent) > 0 && len(indent) <= width/2 {
		lines := wrapLine(body, width-len(indent))
		for i := range lines {
			lines[i] = indent + lines[i]
		}
		return lines
	}
	units := splitUnits(s)
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for _, u := range units {
		switch {
		case u.space && lineW == 0:
			continue // no line starts with a space
		case lineW+u.width <= width:
		case u.space:
			flush()
			continue
		default:
			if lineW > 0 {
				flush()
			}
			for u.width > width { // longer than a line: cut by cells
				head := ansi.Truncate(u.text, width, "")
				if head == "" {
					break // not even one character fits; fit cuts the line
				}
				lines = append(lines, head)
				rest := ansi.TruncateLeft(u.text, ansi.StringWidth(head), "")
				if w := ansi.StringWidth(rest); w < u.width {
					u.text, u.width = rest, w
				} else {
					break
				}
			}
		}
		line.WriteString(u.text)
		lineW += u.width
	}
	if line.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// splitUnits cuts s into spaces, single Chinese characters (with any
// closing punctuation after them), and runs of everything else.
func splitUnits(s string) []unit {
	var units []unit
	var cur unit
	var pending string // escape sequences waiting for the next character
	state := byte(0)
	for len(s) > 0 {
		seq, width, n, newState := ansi.DecodeSequence(s, state, nil)
		state = newState
		s = s[n:]
		if width == 0 && strings.HasPrefix(seq, "\x1b") {
			pending += seq
			continue
		}
		for _, r := range seq {
			g := string(r)
			w := 1
			if r >= utf8.RuneSelf {
				w = ansi.StringWidth(g)
			}
			cur, units = addGrapheme(cur, units, pending+g, w)
			pending = ""
		}
	}
	cur.text += pending
	if cur.text != "" {
		units = append(units, cur)
	}
	return joinOpeners(units)
}

// joinOpeners joins a unit that is only an opening bracket or quote to the
// unit after it, so that the line cannot break between them.
func joinOpeners(units []unit) []unit {
	out := units[:0]
	for i := 0; i < len(units); i++ {
		u := units[i]
		for isOpener(u) && i+1 < len(units) && !units[i+1].space {
			i++
			u.text += units[i].text
			u.width += units[i].width
		}
		out = append(out, u)
	}
	return out
}

// isOpener says a unit is a single opening bracket or quote.
func isOpener(u unit) bool {
	plain := ansi.Strip(u.text)
	r, n := utf8.DecodeRuneInString(plain)
	return n == len(plain) && strings.ContainsRune("（《「『【〔“‘(", r)
}

// addGrapheme adds one character to the units: g is the character with
// any escape sequences before it, w its width.
func addGrapheme(cur unit, units []unit, g string, w int) (unit, []unit) {
	end := func() {
		if cur.text != "" {
			units = append(units, cur)
		}
		cur = unit{}
	}
	r, _ := utf8.DecodeRuneInString(ansi.Strip(g))
	switch {
	case r == ' ':
		end()
		units = append(units, unit{text: g, width: w, space: true})
	case closesWide(r) || closesASCII(r) && (cur.text == "" || isCJKUnit(cur)):
		// Attach to the unit before: the current one, or the last.
		if cur.text == "" && len(units) > 0 && !units[len(units)-1].space {
			cur = units[len(units)-1]
			units = units[:len(units)-1]
		}
		cur.text += g
		cur.width += w
		end()
	case unicode.Is(unicode.Han, r) && endsInDigit(cur):
		// A number keeps the character it counts: 11月, 17宗, 2025年.
		cur.text += g
		cur.width += w
		end()
	case w == 2 || unicode.Is(unicode.Han, r):
		end()
		cur = unit{text: g, width: w}
	default:
		if cur.text != "" && isCJKUnit(cur) {
			end()
		}
		cur.text += g
		cur.width += w
	}
	return cur, units
}

// endsInDigit says a unit is a run of letters and digits that ends in a
// digit.
func endsInDigit(u unit) bool {
	plain := ansi.Strip(u.text)
	return plain != "" && plain[len(plain)-1] >= '0' && plain[len(plain)-1] <= '9' && !isCJKUnit(u)
}

// isCJKUnit says a unit is a single wide character, after which a line
// may break.
func isCJKUnit(u unit) bool {
	r, _ := utf8.DecodeRuneInString(ansi.Strip(u.text))
	return ansi.StringWidth(string(r)) == 2 || unicode.Is(unicode.Han, r)
}

// closesWide is Chinese punctuation that must not start a line.
func closesWide(r rune) bool {
	return strings.ContainsRune("、，。；：！？）》」』】〕”’", r)
}

// closesASCII is ASCII punctuation that stays with a Chinese character
// before it; after letters or digits it is simply part of their run.
func closesASCII(r rune) bool { return strings.ContainsRune(",.;:!?)%", r) }

// flow sets items on lines of at most width cells, separated by sep,
// breaking only between items; an item wider than a line is wrapped.
func flow(items []string, sep string, width int) string {
	var lines []string
	line, lineW := "", 0
	sepW := ansi.StringWidth(sep)
	for _, it := range items {
		w := ansi.StringWidth(it)
		switch {
		case lineW == 0:
		case lineW+sepW+w <= width:
			line += sep
			lineW += sepW
		default:
			lines = append(lines, line)
			line, lineW = "", 0
		}
		if w > width {
			parts := strings.Split(wrap(it, width), "\n")
			lines = append(lines, parts[:len(parts)-1]...)
			it = parts[len(parts)-1]
			w = ansi.StringWidth(it)
		}
		line += it
		lineW += w
	}
	return strings.Join(append(lines, line), "\n")
}
