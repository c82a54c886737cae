package ui

import (
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/lucasb-eyer/go-colorful"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/ui/quietstart"
)

// init runs after bubbletea's, whose query quietstart turned away by
// setting TERM=dumb: it gives TERM back and measures again the colour
// profile that termenv measured for standard output meanwhile.
func init() {
	quietstart.Restore()
	out := termenv.DefaultOutput()
	out.Profile = out.EnvColorProfile()
}

// backgroundWait is how long a local terminal has to say what its
// background is. Terminals answer in a few milliseconds, over SSH in a
// round trip; one that never answers costs no more than this.
const backgroundWait = 300 * time.Millisecond

// backgroundQuery asks for the background colour (OSC 11), then for the
// device attributes (DA1), which every terminal answers: a DA1 reply with
// no colour before it means that no colour is coming, so a terminal that
// does not know OSC 11 costs no wait at all.
const backgroundQuery = "\x1b]11;?\x07\x1b[c"

// SettleBackground decides, once for the process, whether r draws on a
// dark background, so that nothing asks the terminal again: lipgloss
// would ask for each renderer that is asked, and wait five seconds for a
// terminal that does not answer. Without colour the background does not
// matter and nothing is asked. Otherwise the terminal behind out is asked
// if out is that terminal; with no answer, COLORFGBG (which rxvt and
// Konsole set) decides, and failing that the background is taken to be
// dark. lipgloss's default renderer is told the same.
func SettleBackground(r *lipgloss.Renderer, out io.Writer) {
	dark := true
	if r.ColorProfile() != termenv.Ascii {
		answered := false
		if f, ok := out.(*os.File); ok {
			dark, answered = askBackground(f, backgroundWait)
		}
		if !answered {
			dark = darkByEnv(os.Getenv("COLORFGBG"))
		}
	}
	r.SetHasDarkBackground(dark)
	lipgloss.SetHasDarkBackground(dark)
}

// darkByEnv reads COLORFGBG, "foreground;background" in ANSI colour
// numbers (sometimes with a middle field): backgrounds 0–6 are dark, 7–15
// light, as termenv reads them. Anything else says nothing: dark.
func darkByEnv(colorfgbg string) bool {
	fields := strings.Split(colorfgbg, ";")
	bg, err := strconv.Atoi(fields[len(fields)-1])
	if len(fields) < 2 || err != nil || bg < 0 || bg > 15 {
		return true
	}
	return bg < 7
}

// backgroundReply reads the terminal's answers to backgroundQuery: the
// OSC 11 colour, if one came, and whether the DA1 reply that ends them
// has arrived.
func backgroundReply(b []byte) (colour string, done bool) {
	s := string(b)
	if i := strings.Index(s, "\x1b]11;"); i >= 0 {
		rest := s[i+len("\x1b]11;"):]
		if end := strings.IndexAny(rest, "\x07\x1b"); end >= 0 {
			colour = rest[:end]
		}
	}
	if i := strings.Index(s, "\x1b[?"); i >= 0 {
		done = strings.IndexByte(s[i:], 'c') >= 0
	}
	return colour, done
}

// darkColour reads an OSC 11 colour, "rgb:RRRR/GGGG/BBBB" with one to four
// hex digits a channel, as dark or light the way lipgloss does.
func darkColour(spec string) (dark, ok bool) {
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
