package ui

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/kmdash/kmdash/model"
)

// Flags are what every command's flags ask of the dashboard: --lang,
// --now, --theme and --ascii. Each is read over what the environment
// says: KMDASH_LANG and the locale, KMDASH_THEME, KMDASH_ASCII,
// RUNEWIDTH_EASTASIAN and a GB locale.
type Flags struct {
	lang, now, theme string
	ascii            bool
	asciiGiven       bool      // --ascii=false, too, overrides the environment
	date             time.Time // --now's, once read
}

// Register adds the flags to fs.
func (f *Flags) Register(fs *flag.FlagSet) {
	fs.StringVar(&f.lang, "lang", "", "")
	fs.StringVar(&f.now, "now", "", "")
	fs.StringVar(&f.theme, "theme", "", "")
	fs.BoolFunc("ascii", "", func(v string) error {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return errors.New("parse error") // as the flag package words it for a bool
		}
		f.ascii, f.asciiGiven = b, true
		return nil
	})
}

// Options are what the flags and the environment decide of a dashboard:
// its language, the day its calendar reads, and the terminal's look. A
// value that cannot be read is an error naming its flag or variable.
func (f *Flags) Options(getenv func(string) string) (Options, error) {
	lang := model.LangFromEnv(getenv)
	if f.lang != "" {
		var err error
		if lang, err = model.ParseLang(f.lang); err != nil {
			return Options{}, fmt.Errorf("--lang: %v", err)
		}
	}
	f.date = time.Now()
	if f.now != "" {
		var err error
		if f.date, err = time.ParseInLocation("2006-01-02", f.now, time.Local); err != nil {
			return Options{}, fmt.Errorf("--now %q: want a date written YYYY-MM-DD", f.now)
		}
	}
	look, err := f.look(getenv)
	if err != nil {
		return Options{}, err
	}
	return Options{Lang: lang, Now: f.date, Look: look}, nil
}

// look is the terminal's look: its environment, then the flags.
func (f *Flags) look(getenv func(string) string) (Look, error) {
	look, err := LookFromEnv(getenv)
	if err != nil {
		return look, err
	}
	if f.theme != "" {
		if err := look.SetTheme(f.theme); err != nil {
			return look, err
		}
	}
	if f.asciiGiven {
		look.ASCII, look.Why = f.ascii, ""
		if f.ascii {
			look.Why = "--ascii"
		}
	}
	return look, nil
}

// Clock is what a command asks the time of: stopped at --now's date where
// one is given. Options has read it.
func (f *Flags) Clock() func() time.Time {
	if f.now == "" {
		return time.Now
	}
	date := f.date
	return func() time.Time { return date }
}

// Themed says --theme named a background (dark or light), which `kmdash
// render` shows in colour even into a pipe.
func (f *Flags) Themed() bool {
	theme, ok := parseTheme(f.theme)
	return ok && theme != "auto"
}

// SessionLang is the server's own --lang, for sessions whose clients name
// no language; empty without it (its environment is not theirs).
func (f *Flags) SessionLang() model.Lang {
	l, _ := model.ParseLang(f.lang) // Options has refused a bad one
	return l
}

// Sessions is base with the server's own --theme and --ascii over it: they
// are its sessions' defaults where a client says nothing, and its
// environment is not, as its locale is not theirs.
func (f *Flags) Sessions(base Look) Look {
	if theme, ok := parseTheme(f.theme); ok {
		base.Theme = theme
	}
	if f.asciiGiven {
		base.ASCII, base.Why = f.ascii, "kmdash serve --ascii"
	}
	return base
}
