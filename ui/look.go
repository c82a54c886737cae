package ui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Look is what a terminal asks of the drawing beyond its size: the
// background the colours are for, ASCII alone for its glyphs, and the
// character set its bytes are in. It is read from the environment
// (locally, or what an SSH client sends with SendEnv), then from flags.
type Look struct {
	// Theme is "auto" (ask the terminal), "dark" or "light".
	Theme string
	// ASCII draws every border, line, arrow, marker and bar in ASCII.
	ASCII bool
	// Why names what chose ASCII drawing, for the `?` help: "--ascii",
	// "KMDASH_ASCII=1", "RUNEWIDTH_EASTASIAN=1" or the locale variable
	// that names a GB character set; "" when nothing did.
	Why string
	// GB18030 is a terminal whose locale names GBK, GB2312 or GB18030:
	// its output is encoded in GB18030 (their superset) and its input
	// decoded from it.
	GB18030 bool
}

// Themes are the values --theme and KMDASH_THEME take.
var Themes = []string{"auto", "dark", "light"}

// LookFromEnv reads a terminal's look from its environment. A value it
// cannot read is an error naming the variable; the look returned then
// holds the rest, so a server can go on with it.
func LookFromEnv(getenv func(string) string) (Look, error) {
	return Look{Theme: "auto"}.FromEnv(getenv)
}

// FromEnv is l with what the environment says over it.
func (l Look) FromEnv(getenv func(string) string) (Look, error) {
	if l.Theme == "" {
		l.Theme = "auto"
	}
	var errs []string
	if v := getenv("KMDASH_THEME"); v != "" {
		if theme, ok := parseTheme(v); ok {
			l.Theme = theme
		} else {
			errs = append(errs, fmt.Sprintf("KMDASH_THEME=%q: want auto, dark or light", v))
		}
	}
	if name, v, ok := gbLocale(getenv); ok {
		l.GB18030 = true
		l.ASCII, l.Why = true, name+"="+v
	}
	// go-runewidth's switch: "1" says the terminal draws ambiguous
	// characters two cells wide.
	if getenv("RUNEWIDTH_EASTASIAN") == "1" {
		l.ASCII, l.Why = true, "RUNEWIDTH_EASTASIAN=1"
	}
	if v := getenv("KMDASH_ASCII"); v != "" {
		switch strings.ToLower(v) {
		case "1", "true", "yes", "on":
			l.ASCII, l.Why = true, "KMDASH_ASCII="+v
		case "0", "false", "no", "off":
			l.ASCII, l.Why = false, ""
		default:
			errs = append(errs, fmt.Sprintf("KMDASH_ASCII=%q: want 1 or 0", v))
		}
	}
	if len(errs) > 0 {
		return l, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return l, nil
}

// parseTheme reads a theme's name, in any case.
func parseTheme(v string) (string, bool) {
	v = strings.ToLower(v)
	for _, t := range Themes {
		if v == t {
			return t, true
		}
	}
	return "", false
}

// SetTheme takes the value of --theme.
func (l *Look) SetTheme(v string) error {
	theme, ok := parseTheme(v)
	if !ok {
		return fmt.Errorf("--theme %q: want auto, dark or light", v)
	}
	l.Theme = theme
	return nil
}

// gbCharsets are the names a locale gives the character sets that
// GB18030 covers: GB2312 (EUC-CN), GBK (code page 936) and GB18030.
var gbCharsets = []string{"gb18030", "gbk", "gb2312", "euccn", "euc-cn", "cp936"}

// gbLocale finds the locale variable that decides the character set, as
// POSIX orders them (LC_ALL, LC_CTYPE, LANG), and reports whether it
// names a GB one: zh_CN.GBK, zh_CN.gb18030, zh_CN.GB2312.
func gbLocale(getenv func(string) string) (name, value string, ok bool) {
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		charset := strings.ToLower(v)
		if i := strings.IndexByte(charset, '.'); i >= 0 {
			charset = charset[i+1:]
		} else {
			// No character set named (zh_CN): glibc would read GB2312,
			// but the name is mostly seen set by hand on UTF-8 systems.
			return "", "", false
		}
		if i := strings.IndexByte(charset, '@'); i >= 0 {
			charset = charset[:i]
		}
		for _, gb := range gbCharsets {
			if charset == gb {
				return k, v, true
			}
		}
		return "", "", false
	}
	return "", "", false
}

// Settle decides r's background: asked of the terminal behind out for
// "auto" (SettleBackground), or as the theme says.
func (l Look) Settle(r *lipgloss.Renderer, out io.Writer) {
	switch l.Theme {
	case "dark", "light":
		r.SetHasDarkBackground(l.Theme == "dark")
		lipgloss.SetHasDarkBackground(l.Theme == "dark")
	default:
		SettleBackground(r, out)
	}
}

// Output is w in the character set of the terminal's locale: what a
// person reads in a GBK terminal comes in GB18030. Exports, and the
// scorecard and minutes in Markdown or JSON, stay UTF-8, as their
// formats say, and are not written through it.
func (l Look) Output(w io.Writer) io.Writer {
	if l.GB18030 {
		return GB18030Output(w)
	}
	return w
}

// Input is r read as the terminal writes: from GB18030 where the look
// says so.
func (l Look) Input(r io.Reader) io.Reader {
	if l.GB18030 {
		return GB18030Input(r)
	}
	return r
}

// terminalLine is the `?` help's line on the terminal: which background
// the colours are for, how the dashboard draws, and the character set,
// each with what chose it where something did.
func (a *App) terminalLine() string {
	w := &a.ctx.Words.Terminal
	parts := []string{w.Dark}
	switch {
	case !a.ctx.Theme.Colour:
		parts[0] = w.NoColour // the background changes nothing
	case !a.ctx.Theme.dark:
		parts[0] = w.Light
	}
	if a.ctx.Theme.Glyphs == &asciiGlyphs {
		why := a.look.Why
		if why == "" {
			why = "--ascii"
		}
		parts = append(parts, fmt.Sprintf(w.ASCII, why))
	} else {
		parts = append(parts, w.Unicode)
	}
	if a.look.GB18030 {
		parts = append(parts, w.GB18030)
	}
	return w.Heading + a.ctx.Words.Colon + strings.Join(parts, a.ctx.sep())
}
