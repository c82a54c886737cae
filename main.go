// Command kmdash is a terminal dashboard of the indicators reported at
// Kunming's "当好排头兵" high-quality-development meeting for Q3 2025.
// This file only wires commands and flags; the work is in model, data,
// ui and serve.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/data"
	"github.com/kmdash/kmdash/data/review"
	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/serve"
	"github.com/kmdash/kmdash/ui"
	"github.com/kmdash/kmdash/ui/report"
)

const version = "0.1.0"

// Exit codes: success, a failure (bad pack, I/O), bad usage.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `kmdash — Kunming Q3 2025 indicators in the terminal

Usage:
  kmdash [flags] [--review-db PATH]   the dashboard
  kmdash render [flags]               print one frame and exit
  kmdash export [--format json|csv|md] every figure, initiative and source
  kmdash scorecard [--format text|md|json]
                                      the year's targets against the latest figures
  kmdash minutes [--format md|json] [--review-db PATH]
                                      the record of a review: marks, notes, follow-up
  kmdash describe [--tab ID]          the tabs as plain text, for screen readers
  kmdash validate [FILE...]           check packs (default: the one in use)
  kmdash serve [flags]                the dashboard over SSH
  kmdash help                         this help (as --help)

Flags for every command (before or after it):
  --data FILE        use this pack instead of the embedded one
  --lang zh|en       language (default: KMDASH_LANG, then the locale, else zh)
  --now YYYY-MM-DD   fix the clock the tourism calendar reads
  --theme auto|dark|light
                     colours for the terminal's background (default: KMDASH_THEME,
                     else asked of the terminal)
  --ascii            draw borders, lines, arrows, markers and bars in ASCII alone
                     (default: KMDASH_ASCII=1, RUNEWIDTH_EASTASIAN=1 or a GB locale)
  --help             this help
  --version          print the version

render:  --tab ID    one of the pack's tabs (the embedded pack's: economy, industry,
                     services, property, tourism); default the first
         --width W  --height H  --color auto|always|never
                     (--theme dark or light asks for colour, as always does,
                     unless NO_COLOR is set or --color never)
describe: --tab ID   one tab (default: every tab, in order)
export:  --format json|csv|md   (md and csv in the --lang language)
         --no-bom                CSV without the UTF-8 byte-order mark
scorecard:
         --format text|md|json    (default text)
minutes: --format md|json         (default md)
         --review-db PATH         the review database (default under the user's
                                  data directory: $XDG_DATA_HOME/kmdash/review.db);
                                  the dashboard and serve take it too
serve:   --listen ADDR            (default 127.0.0.1:23234; :23234 opens it to the network)
         --host-key PATH          (default under the user's data directory; made once)
         --new-host-key           create --host-key (and its directory) if it does not exist
         --authorized-keys FILE   only these keys connect (default: any key, as a viewer)
         --presenter-keys FILE    these keys present; everyone else follows them
         --max-sessions N         dashboards at once, presenters apart (default 200)
         --sessions-per-connection N          sessions one connection may hold (default 4)
         --idle-timeout DURATION  close a connection with no dashboard (default 5m)
         --client-alive-interval DURATION     keepalive questions (default 15s; 0: none)
         --client-alive-count-max N           unanswered ones before closing (default 3)
         --login-grace-time DURATION          to authenticate (default 2m)
         --max-startups START:RATE:FULL       unauthenticated connections (default 512:30:1024)
         --per-source-max-startups N          of them from one source (default 256; 0: no limit)
         --per-source-penalties SPEC          refusal for failures, as sshd (default sshd's; "no")
         --per-source-netblock V4:V6          bits that make one source (default 32:128)
         --per-source-penalty-exempt LIST     addresses and CIDR blocks never penalised
         --theme, --ascii         every session's look, unless its client sends
                                  KMDASH_THEME, KMDASH_ASCII or a GB locale
         --review-db PATH         the review database every session shares

Exit status: 0 success, 1 failure, 2 bad usage.
`

// usageError is bad usage: it prints with a pointer to --help and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// globals are the flags every command accepts.
type globals struct {
	data, lang, now, theme string
	ascii, help, version   bool
}

func (g *globals) register(fs *flag.FlagSet) {
	fs.StringVar(&g.data, "data", "", "")
	fs.StringVar(&g.lang, "lang", "", "")
	fs.StringVar(&g.now, "now", "", "")
	fs.StringVar(&g.theme, "theme", "", "")
	fs.BoolVar(&g.ascii, "ascii", false, "")
	fs.BoolVar(&g.help, "help", false, "")
	fs.BoolVar(&g.help, "h", false, "")
	fs.BoolVar(&g.version, "version", false, "")
}

func main() {
	os.Exit(run(os.Args[1:], os.Getenv, os.Stdout, os.Stderr))
}

// run is the whole program behind main, so tests can call it with an
// environment of their own.
func run(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	err := dispatch(args, getenv, stdout, stderr)
	var ue usageError
	var problems data.Problems
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "kmdash: %s\nRun 'kmdash --help' for usage.\n", ue.msg)
		return exitUsage
	case errors.As(err, &problems):
		fmt.Fprintln(stderr, problems.Error())
		return exitFail
	default:
		fmt.Fprintf(stderr, "kmdash: %v\n", err)
		return exitFail
	}
}

var commands = []string{"render", "describe", "export", "scorecard", "minutes", "validate", "serve", "help"}

func dispatch(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd, rest := splitCommand(args)
	var g globals
	fs := flag.NewFlagSet("kmdash", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	g.register(fs)
	var r renderFlags
	var sf serveFlags
	var format, reviewDB, tab string
	var noBOM bool
	switch cmd {
	case "":
		fs.StringVar(&reviewDB, "review-db", "", "")
	case "render":
		r.register(fs)
	case "describe":
		fs.StringVar(&tab, "tab", "", "")
	case "serve":
		sf.register(fs)
		fs.StringVar(&reviewDB, "review-db", "", "")
	case "export":
		fs.StringVar(&format, "format", "json", "")
		fs.BoolVar(&noBOM, "no-bom", false, "")
	case "scorecard":
		fs.StringVar(&format, "format", "text", "")
	case "minutes":
		fs.StringVar(&format, "format", "md", "")
		fs.StringVar(&reviewDB, "review-db", "", "")
	case "validate", "help":
	default:
		return usagef("unknown command %q (want %s)", cmd, strings.Join(commands, ", "))
	}
	positional, err := parseInterleaved(fs, rest)
	if err != nil {
		return usagef("%v", err)
	}
	switch {
	case g.help || cmd == "help":
		fmt.Fprint(stdout, usage)
		return nil
	case g.version:
		fmt.Fprintf(stdout, "kmdash %s\n", version)
		return nil
	case len(positional) > 0 && cmd != "validate":
		return usagef("unexpected argument %q", positional[0])
	}
	lang := model.LangFromEnv(getenv)
	if g.lang != "" {
		if lang, err = model.ParseLang(g.lang); err != nil {
			return usagef("--lang: %v", err)
		}
	}
	now, err := parseNow(g.now)
	if err != nil {
		return err
	}
	look, err := lookOf(fs, &g, getenv)
	if err != nil {
		return err
	}
	clock := time.Now
	if g.now != "" {
		clock = func() time.Time { return now }
	}
	if cmd == "validate" {
		return validate(positional, g.data, stdout)
	}
	pack, err := loadPack(g.data)
	if err != nil {
		return err
	}
	opts := ui.Options{Pack: pack, Lang: lang, Now: now, Look: look}
	switch cmd {
	case "render":
		r.themed = g.theme != "" && look.Theme != "auto"
		return r.run(opts, stdout)
	case "describe":
		if tab != "" && pack.Tab(model.TabID(tab)) == nil {
			return usagef("--tab %q: want one of the pack's tabs: %s", tab, strings.Join(pack.TabIDs(), ", "))
		}
		return report.Describe(charsetOf(look, stdout), pack, model.TabID(tab), lang, int(now.Month()))
	case "export":
		if !slices.Contains(report.Formats, format) {
			return usagef("--format %q: want json, csv or md", format)
		}
		return report.Export(stdout, pack, report.Options{Format: format, Lang: lang, NoBOM: noBOM})
	case "scorecard":
		if !slices.Contains(report.ScorecardFormats, format) {
			return usagef("--format %q: want text, md or json", format)
		}
		out := stdout
		if format == "text" {
			out = charsetOf(look, stdout) // read on the terminal, not a file format
		}
		return report.Scorecard(out, pack, format, lang)
	case "minutes":
		if !slices.Contains(report.MinutesFormats, format) {
			return usagef("--format %q: want md or json", format)
		}
		return minutes(stdout, pack, reviewDB, format, lang, clock())
	case "serve":
		// The server's own --theme and --ascii, not its environment, are
		// its sessions' defaults: its locale is not theirs.
		if g.theme != "" {
			sf.cfg.Look.Theme = look.Theme
		}
		fs.Visit(func(f *flag.Flag) {
			if f.Name == "ascii" {
				sf.cfg.Look.ASCII, sf.cfg.Look.Why = g.ascii, "kmdash serve --ascii"
			}
		})
		return sf.run(pack, clock, reviewDB, stdout, stderr)
	}
	return tui(opts, reviewDB)
}

// splitCommand finds the command word among the arguments, skipping
// global flags and their values, so flags may come before or after it.
func splitCommand(args []string) (string, []string) {
	valued := map[string]bool{"-data": true, "--data": true, "-lang": true, "--lang": true, "-now": true, "--now": true,
		"-review-db": true, "--review-db": true, "-theme": true, "--theme": true}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return "", args
		}
		if strings.HasPrefix(a, "-") {
			if valued[a] {
				i++
			}
			continue
		}
		if slices.Contains(commands, a) || !strings.Contains(a, ".") {
			return a, append(append([]string{}, args[:i]...), args[i+1:]...)
		}
		return "", args
	}
	return "", args
}

// parseInterleaved parses flags wherever they appear among positional
// arguments, which the standard flag package stops at.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func parseNow(s string) (time.Time, error) {
	if s == "" {
		return time.Now(), nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, time.Local)
	if err != nil {
		return time.Time{}, usagef("--now %q: want a date written YYYY-MM-DD", s)
	}
	return t, nil
}

func loadPack(path string) (*model.Pack, error) {
	if path == "" {
		return data.Default()
	}
	return data.LoadFile(path)
}

// checkPack reads a pack the slow way, through the YAML loader and every
// check: for the embedded pack that is its YAML, not the form decoded when
// kmdash was built.
func checkPack(path string) (*model.Pack, error) {
	if path == "" {
		return data.Load(data.DefaultName, data.DefaultBytes())
	}
	return data.LoadFile(path)
}

// validate checks each file (or the pack in use) and lists every problem.
func validate(files []string, dataFlag string, stdout io.Writer) error {
	if len(files) == 0 {
		files = []string{dataFlag}
	}
	failed := false
	for _, f := range files {
		pack, err := checkPack(f)
		if err != nil {
			var problems data.Problems
			if !errors.As(err, &problems) {
				return err
			}
			fmt.Fprintln(stdout, problems.Error())
			failed = true
			continue
		}
		name := f
		if name == "" {
			name = data.DefaultName + " (embedded)"
		}
		figures := 0
		for _, ind := range pack.Indicators {
			figures += len(ind.Obs)
		}
		fmt.Fprintf(stdout, "%s: ok, %d indicators, %d figures, %d sources\n", name, len(pack.Indicators), figures, len(pack.Sources))
	}
	if failed {
		return errors.New("validation failed")
	}
	return nil
}

// minutes prints the pack's review from the database at path (or the
// default one). Reading it never creates it, so with no review yet the
// minutes say so.
func minutes(stdout io.Writer, pack *model.Pack, path, format string, lang model.Lang, now time.Time) error {
	path, err := reviewPath(path)
	if err != nil {
		return err
	}
	r, err := review.New(path, review.Options{}).Review(pack.ID)
	if err != nil {
		return err
	}
	return report.Minutes(stdout, pack, r, format, lang, now)
}

type renderFlags struct {
	tab, color    string
	width, height int
	themed        bool // --theme named a background: show its colours
}

func (r *renderFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.tab, "tab", "", "")
	fs.StringVar(&r.color, "color", "auto", "")
	fs.IntVar(&r.width, "width", 120, "")
	fs.IntVar(&r.height, "height", 40, "")
}

func (r *renderFlags) run(opts ui.Options, stdout io.Writer) error {
	// The tabs are the pack's: --tab names one of them, the first by default.
	if r.tab == "" {
		r.tab = string(opts.Pack.Tabs[0].ID)
	}
	if opts.Pack.Tab(model.TabID(r.tab)) == nil {
		return usagef("--tab %q: want one of the pack's tabs: %s", r.tab, strings.Join(opts.Pack.TabIDs(), ", "))
	}
	if r.width < 1 || r.width > 1000 || r.height < 1 || r.height > 1000 {
		return usagef("--width and --height must be between 1 and 1000")
	}
	renderer := lipgloss.NewRenderer(stdout)
	switch r.color {
	case "auto":
		// A theme asked for by name is asked to be seen.
		if r.themed && renderer.ColorProfile() == termenv.Ascii && !renderer.Output().EnvNoColor() {
			renderer.SetColorProfile(termenv.ANSI256)
		}
	case "always":
		if renderer.ColorProfile() == termenv.Ascii {
			renderer.SetColorProfile(termenv.ANSI256)
		}
	case "never":
		renderer.SetColorProfile(termenv.Ascii)
	default:
		return usagef("--color %q: want auto, always or never", r.color)
	}
	opts.Look.Settle(renderer, stdout)
	opts.Tab, opts.Renderer = model.TabID(r.tab), renderer
	_, err := fmt.Fprintln(charsetOf(opts.Look, stdout), ui.Frame(opts, r.width, r.height))
	return err
}

type serveFlags struct{ cfg serve.Config }

func (f *serveFlags) register(fs *flag.FlagSet) {
	f.cfg = serve.Defaults()
	c := &f.cfg
	fs.StringVar(&c.Listen, "listen", c.Listen, "")
	fs.StringVar(&c.HostKey, "host-key", "", "")
	fs.BoolVar(&c.NewHostKey, "new-host-key", false, "")
	fs.StringVar(&c.AuthorizedKeys, "authorized-keys", "", "")
	fs.StringVar(&c.PresenterKeys, "presenter-keys", "", "")
	fs.IntVar(&c.MaxSessions, "max-sessions", c.MaxSessions, "")
	fs.IntVar(&c.SessionsPerConnection, "sessions-per-connection", c.SessionsPerConnection, "")
	fs.DurationVar(&c.IdleTimeout, "idle-timeout", c.IdleTimeout, "")
	fs.DurationVar(&c.ClientAliveInterval, "client-alive-interval", c.ClientAliveInterval, "")
	fs.IntVar(&c.ClientAliveCountMax, "client-alive-count-max", c.ClientAliveCountMax, "")
	fs.DurationVar(&c.LoginGraceTime, "login-grace-time", c.LoginGraceTime, "")
	fs.Var(&c.MaxStartups, "max-startups", "")
	fs.IntVar(&c.PerSourceMaxStartups, "per-source-max-startups", c.PerSourceMaxStartups, "")
	fs.Var(&c.PerSourcePenalties, "per-source-penalties", "")
	fs.Var(&c.PerSourceNetblock, "per-source-netblock", "")
	fs.Var(&c.PenaltyExempt, "per-source-penalty-exempt", "")
}

// run serves until SIGINT or SIGTERM, then gives sessions a few seconds
// to end.
func (f *serveFlags) run(pack *model.Pack, clock func() time.Time, reviewDB string, stdout, stderr io.Writer) error {
	f.cfg.Pack, f.cfg.Now = pack, clock
	if err := f.cfg.Check(); err != nil {
		return usageError{err.Error()}
	}
	f.cfg.Log = slog.New(slog.NewTextHandler(stderr, nil))
	// One store for every session; nothing is opened until a presenter
	// starts a review, and every write is logged.
	path, err := reviewPath(reviewDB)
	if err != nil {
		return err
	}
	f.cfg.Review = review.New(path, review.Options{Log: f.cfg.Log})
	srv, err := serve.New(f.cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.cfg.Listen)
	if err != nil {
		return err
	}
	if srv.HostKeyCreated {
		fmt.Fprintf(stdout, "kmdash: created a new host key at %s\n", srv.HostKeyPath())
	}
	fmt.Fprintf(stdout, "kmdash serving on %s\nhost key %s (%s)\n", ln.Addr(), srv.Fingerprint, srv.HostKeyPath())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "kmdash: stopping; ending every session")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// reviewPath is --review-db, or the default under the user's data
// directory.
func reviewPath(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	return review.DefaultPath()
}

// lookOf is the terminal's look: its environment, then the flags.
func lookOf(fs *flag.FlagSet, g *globals, getenv func(string) string) (ui.Look, error) {
	look, err := ui.LookFromEnv(getenv)
	if err != nil {
		return look, usagef("%v", err)
	}
	if g.theme != "" {
		if err := look.SetTheme(g.theme); err != nil {
			return look, usagef("%v", err)
		}
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "ascii" {
			look.ASCII, look.Why = g.ascii, ""
			if g.ascii {
				look.Why = "--ascii"
			}
		}
	})
	return look, nil
}

// charsetOf is stdout in the character set of the terminal's locale:
// what a person reads in a GBK terminal comes in GB18030. Exports, and
// the scorecard and minutes in Markdown or JSON, stay UTF-8, as their
// formats say.
func charsetOf(look ui.Look, stdout io.Writer) io.Writer {
	if look.GB18030 {
		return ui.GB18030Output(stdout)
	}
	return stdout
}

func tui(opts ui.Options, reviewDB string) error {
	// The store is only named here: the file is not opened until r.
	if path, err := reviewPath(reviewDB); err != nil {
		opts.Review = review.Unavailable(err)
	} else {
		opts.Review = review.New(path, review.Options{Author: review.LocalAuthor})
	}
	// The terminal is asked for its background before the program takes
	// over input, so the answer is not read as a key press.
	opts.Renderer = lipgloss.NewRenderer(os.Stdout)
	opts.Look.Settle(opts.Renderer, os.Stdout)
	app := ui.New(opts)
	progOpts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion()}
	if opts.Look.GB18030 {
		// The terminal speaks GB18030 both ways; it stays the terminal
		// (its size, raw mode) behind the transcoding.
		in, out := ui.GB18030Terminal(os.Stdin, os.Stdout)
		progOpts = append(progOpts, tea.WithInput(in), tea.WithOutput(out))
	}
	_, err := tea.NewProgram(app, progOpts...).Run()
	return err
}
