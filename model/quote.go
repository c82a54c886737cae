package model

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// quoteLimit is how much of a value a message repeats: enough to find it
// in the file, not so much that one pasted paragraph floods the line.
const quoteLimit = 40

// Quote writes a value taken from a pack for a message: in double quotes,
// with anything unprintable escaped (a message is always one line), and
// cut after quoteLimit characters.
func Quote(s string) string {
	if utf8.RuneCountInString(s) > quoteLimit {
		s = string([]rune(s)[:quoteLimit]) + "…"
	}
	return strconv.Quote(s)
}

// bare writes a reference such as a region id as it is when it reads as
// a plain word, and quoted otherwise, so that an id holding a newline or
// a space cannot break or blur the message it appears in.
func bare(s string) string {
	if s == "" || utf8.RuneCountInString(s) > quoteLimit {
		return Quote(s)
	}
	for _, r := range s {
		if !unicode.IsPrint(r) || unicode.IsSpace(r) || r == '"' {
			return Quote(s)
		}
	}
	return s
}
