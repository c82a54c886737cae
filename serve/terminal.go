package serve

import (
	"io"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui"
)

// renderer is the session's own lipgloss renderer: colours from the
// client's TERM and COLORTERM, background from KMDASH_THEME if the
// client sent it, else from its answer to the probe.
func (s *Server) renderer(sc *channel, term string, env environ, look ui.Look) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard, termenv.WithEnvironment(env), termenv.WithUnsafe(), termenv.WithColorCache(true))
	r.SetColorProfile(termenv.NewOutput(nil, termenv.WithEnvironment(env), termenv.WithUnsafe()).EnvColorProfile())
	if term == "" || term == "dumb" {
		r.SetColorProfile(termenv.Ascii)
		r.SetHasDarkBackground(true)
		return r
	}
	if look.Theme != "auto" {
		r.SetHasDarkBackground(look.Theme == "dark") // no need to ask
		return r
	}
	if _, err := io.WriteString(sc.ch, backgroundQuery); err != nil {
		r.SetHasDarkBackground(true)
		return r
	}
	dark, _ := sc.in.waitBackground(s.cfg.ProbeTimeout)
	r.SetHasDarkBackground(dark)
	return r
}

// themes shares one ui.Theme among sessions whose terminals have the same
// colour profile and background: the styles are the same, and a theme is
// a good part of a session's memory.
type themes struct {
	mu     sync.Mutex
	byTerm map[themeKey]*ui.Theme
}

type themeKey struct {
	profile termenv.Profile
	dark    bool
	ascii   bool
}

func (t *themes) get(r *lipgloss.Renderer, ascii bool) *ui.Theme {
	k := themeKey{r.ColorProfile(), r.HasDarkBackground(), ascii}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.byTerm == nil {
		t.byTerm = map[themeKey]*ui.Theme{}
	}
	th, ok := t.byTerm[k]
	if !ok {
		th = ui.NewThemeFor(r, ascii)
		t.byTerm[k] = th
	}
	return th
}

// langOf lets a client pick its language with KMDASH_LANG or the locale
// (LC_ALL, LC_MESSAGES, LANG) sent over SSH (SendEnv), read as a local
// run reads them; where they name none, the server's --lang, else Chinese.
func (s *Server) langOf(env environ) model.Lang {
	if l, ok := model.NamedLang(env.Getenv); ok {
		return l
	}
	if s.cfg.Lang != "" {
		return s.cfg.Lang
	}
	return model.Zh
}

// lookOf is what the client's terminal asks of the drawing, from what it
// sent with SendEnv (KMDASH_THEME, KMDASH_ASCII, RUNEWIDTH_EASTASIAN and
// its locale) over the server's own --theme and --ascii. A value kmdash
// cannot read is passed over: a local run would refuse it, but a session
// is not refused for it.
func (s *Server) lookOf(env environ) ui.Look {
	look, _ := s.cfg.Look.FromEnv(env.Getenv)
	return look
}

// environ is a session's environment as termenv reads it.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(key string) string {
	for i := len(e) - 1; i >= 0; i-- {
		if len(e[i]) > len(key) && e[i][:len(key)] == key && e[i][len(key)] == '=' {
			return e[i][len(key)+1:]
		}
	}
	return ""
}
