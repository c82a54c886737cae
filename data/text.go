package data

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// MaxSize is the largest pack kmdash reads: forty times the shipped pack
// (25 KB), room for a year of monthly figures for every district of the
// city. The YAML parser takes about two microseconds a token, so the
// worst file of this size is answered in under two seconds; at 4 MiB it
// took over eight, and a pack of 10,000 indicators (3.3 MB) three.
const MaxSize = 1 << 20

const mib = 1 << 20

// tooBig says how large the pack is, in MiB to a tenth; a file just over
// the limit is rounded up, so that it never reads as exactly the limit.
func tooBig(size int64) string {
	tenths := (size*10 + mib/2) / mib
	if tenths*mib <= MaxSize*10 {
		tenths = MaxSize*10/mib + 1
	}
	return fmt.Sprintf("the pack is %s; packs are limited to %s", tenthsText(tenths), mibText(MaxSize))
}

func mibText(size int64) string { return tenthsText(size * 10 / mib) }

func tenthsText(tenths int64) string {
	if tenths%10 == 0 {
		return fmt.Sprintf("%d MiB", tenths/10)
	}
	return fmt.Sprintf("%d.%d MiB", tenths/10, tenths%10)
}

var bom = []byte("\xef\xbb\xbf")

// normalize drops a UTF-8 byte order mark and turns every line break into
// LF: files saved on Windows end lines with CRLF, which the YAML parser
// counts as two line breaks in comments (goccy/go-yaml#560), putting every
// later problem on the wrong line; and YAML reads a lone CR, as old Mac
// editors wrote, as a line break too, so a line number counted here and
// one counted by the parser agree. Neither changes a column.
func normalize(b []byte) []byte {
	b = bytes.TrimPrefix(b, bom)
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

// notText spots what is not a pack before the YAML parser does, so the
// answer is "this is not a text file" rather than a puzzling syntax error.
// b must be normalized; columns count characters, as an editor shows them.
func notText(b []byte) (Problem, bool) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Problem{Line: 1, Col: 1, Msg: "the pack is empty"}, true
	}
	if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		return Problem{Line: 1, Col: 1, Msg: "the pack is UTF-16 text; save it as UTF-8"}, true
	}
	line, col := 1, 1
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return Problem{Line: line, Col: col, Msg: fmt.Sprintf("not UTF-8 text (byte 0x%02x): is this a binary file?", b[i])}, true
		case r == '\n':
			line, col = line+1, 0
		case control(r) && r != '\t':
			return Problem{Line: line, Col: col, Msg: fmt.Sprintf("control character %s: is this a binary file?", runeName(r))}, true
		}
		i += size
		col++
	}
	return Problem{}, false
}

// control reports the characters a terminal may act on rather than show:
// C0 (but for LF), DEL and C1. In a pack's values they could move the
// cursor or retitle the window of whoever is watching.
func control(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f
}

func runeName(r rune) string {
	if r < 0x80 {
		return fmt.Sprintf("0x%02x", r)
	}
	return fmt.Sprintf("U+%04X", r)
}
