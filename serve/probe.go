package serve

import (
	"strconv"
	"strings"

	"github.com/lucasb-eyer/go-colorful"
)

// The server asks each client's terminal for its background colour (OSC
// 11) followed by its device attributes (DA1), which every terminal
// answers: a DA1 reply with no colour before it means "no answer coming".
// The answers arrive on the same stream as the person's keys, so they are
// taken out of it for the whole session: a late reply must never reach
// the dashboard as key presses.
const backgroundQuery = "\x1b]11;?\x07\x1b[c"

// reply is one answer the filter took out of the input.
type reply struct {
	background string // "rgb:RRRR/GGGG/BBBB" for OSC 11, "" for DA1
	da1        bool
}

// Limits on how long an answer can be; anything longer is input.
const (
	maxOSCReply = 64
	maxDA1Reply = 32
)

// replyFilter splits input into keys and terminal answers. It holds back
// bytes only while they may still become an answer.
type replyFilter struct {
	pending []byte
}

// feed takes a chunk of input and returns the keys in it and the answers
// it completed.
func (f *replyFilter) feed(p []byte) (keys []byte, replies []reply) {
	buf := append(f.pending, p...)
	f.pending = nil
	for i := 0; i < len(buf); {
		if buf[i] != 0x1b {
			j := i + 1
			for j < len(buf) && buf[j] != 0x1b {
				j++
			}
			keys = append(keys, buf[i:j]...)
			i = j
			continue
		}
		n, r, state := matchReply(buf[i:])
		switch state {
		case complete:
			replies = append(replies, r)
			i += n
		case partial:
			f.pending = append([]byte(nil), buf[i:]...)
			return keys, replies
		default:
			keys = append(keys, buf[i])
			i++
		}
	}
	return keys, replies
}

// flush gives back held bytes that stopped short of an answer, such as
// an Esc key pressed on its own.
func (f *replyFilter) flush() []byte {
	p := f.pending
	f.pending = nil
	return p
}

type matchState int

const (
	noMatch matchState = iota
	partial
	complete
)

// matchReply looks for an OSC 11 or DA1 answer at the start of b.
func matchReply(b []byte) (int, reply, matchState) {
	best := noMatch
	for _, m := range []func([]byte) (int, reply, matchState){matchOSC11, matchDA1} {
		n, r, s := m(b)
		if s == complete {
			return n, r, s
		}
		if s == partial {
			best = partial
		}
	}
	return 0, reply{}, best
}

// matchPrefix reports whether b starts with prefix (complete) or is
// itself the start of prefix (partial).
func matchPrefix(b []byte, prefix string) matchState {
	switch {
	case len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix:
		return complete
	case len(b) < len(prefix) && prefix[:len(b)] == string(b):
		return partial
	}
	return noMatch
}

// matchOSC11: ESC ] 11 ; payload (BEL | ESC \).
func matchOSC11(b []byte) (int, reply, matchState) {
	const head = "\x1b]11;"
	if s := matchPrefix(b, head); s != complete {
		return 0, reply{}, s
	}
	for i := len(head); i < len(b) && i < maxOSCReply; i++ {
		switch b[i] {
		case 0x07:
			return i + 1, reply{background: string(b[len(head):i])}, complete
		case 0x1b:
			if i+1 == len(b) {
				return 0, reply{}, partial
			}
			if b[i+1] == '\\' {
				return i + 2, reply{background: string(b[len(head):i])}, complete
			}
			return 0, reply{}, noMatch
		}
	}
	if len(b) < maxOSCReply {
		return 0, reply{}, partial
	}
	return 0, reply{}, noMatch
}

// matchDA1: ESC [ ? digits and semicolons c.
func matchDA1(b []byte) (int, reply, matchState) {
	const head = "\x1b[?"
	if s := matchPrefix(b, head); s != complete {
		return 0, reply{}, s
	}
	for i := len(head); i < len(b) && i < maxDA1Reply; i++ {
		switch c := b[i]; {
		case c == 'c':
			return i + 1, reply{da1: true}, complete
		case c == ';' || c >= '0' && c <= '9':
		default:
			return 0, reply{}, noMatch
		}
	}
	if len(b) < maxDA1Reply {
		return 0, reply{}, partial
	}
	return 0, reply{}, noMatch
}

// darkBackground reads an OSC 11 colour, "rgb:RRRR/GGGG/BBBB" with one to
// four hex digits per channel, as dark or light the way lipgloss does.
func darkBackground(spec string) (dark, ok bool) {
	spec = strings.TrimPrefix(strings.TrimPrefix(spec, "rgba:"), "rgb:")
	parts := strings.Split(spec, "/")
	if len(parts) < 3 {
		return false, false
	}
	var rgb [3]float64
	for i := range rgb {
		p := parts[i]
		if len(p) == 0 || len(p) > 4 {
			return false, false
		}
		v, err := strconv.ParseUint(p, 16, 16)
		if err != nil {
			return false, false
		}
		rgb[i] = float64(v) / float64(uint64(1)<<(4*len(p))-1)
	}
	_, _, l := colorful.Color{R: rgb[0], G: rgb[1], B: rgb[2]}.Hsl()
	return l < 0.5, true
}
