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
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

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
  kmdash export [--format json|csv|md]
                                      every figure, initiative and source
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
         --lang zh|en             every session's language, unless its client sends
                                  KMDASH_LANG or a zh or en locale (default zh)
         --review-db PATH         the review database every session shares

Exit status: 0 success, 1 failure, 2 bad usage.
`

// usageError is bad usage: it prints with a pointer to --help and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

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

// formats are what --format may say to the commands that take it.
var formats = map[string][]string{"export": report.Formats, "scorecard": report.ScorecardFormats, "minutes": report.MinutesFormats}

// flags are what the command line can say: the flags every command takes,
// then those of one command or another.
type flags struct {
	data          string
	help, version bool
	view          ui.Flags // --lang, --now, --theme, --ascii

	render                ui.Render
	serve                 serve.Config
	format, reviewDB, tab string
	noBOM                 bool
}

// register adds to fs the flags every command takes, and cmd's own.
func (f *flags) register(cmd string, fs *flag.FlagSet) error {
	fs.StringVar(&f.data, "data", "", "")
	fs.BoolVar(&f.help, "help", false, "")
	fs.BoolVar(&f.help, "h", false, "")
	fs.BoolVar(&f.version, "version", false, "")
	f.view.Register(fs)
	switch cmd {
	case "":
		fs.StringVar(&f.reviewDB, "review-db", "", "")
	case "render":
		f.render.Register(fs)
	case "describe":
		fs.StringVar(&f.tab, "tab", "", "")
	case "serve":
		f.serve = serve.Defaults()
		f.serve.Register(fs)
		fs.StringVar(&f.reviewDB, "review-db", "", "")
	case "export":
		fs.StringVar(&f.format, "format", "json", "")
		fs.BoolVar(&f.noBOM, "no-bom", false, "")
	case "scorecard":
		fs.StringVar(&f.format, "format", "text", "")
	case "minutes":
		fs.StringVar(&f.format, "format", "md", "")
		fs.StringVar(&f.reviewDB, "review-db", "", "")
	case "validate", "help":
	default:
		return usagef("unknown command %q (want %s)", cmd, strings.Join(commands, ", "))
	}
	return nil
}

func dispatch(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cmd, rest := splitCommand(args)
	fs := flag.NewFlagSet("kmdash", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f flags
	if err := f.register(cmd, fs); err != nil {
		return err
	}
	positional, err := parseInterleaved(fs, rest)
	if err != nil {
		return usagef("%v", err)
	}
	switch {
	case f.help || cmd == "help":
		fmt.Fprint(stdout, usage)
		return nil
	case f.version:
		fmt.Fprintf(stdout, "kmdash %s\n", version)
		return nil
	case len(positional) > 0 && cmd != "validate":
		return usagef("unexpected argument %q", positional[0])
	}
	if cmd == "serve" {
		// The server's environment is not its sessions': only its flags
		// and each client's variables decide how a session looks.
		getenv = func(string) string { return "" }
	}
	opts, err := f.view.Options(getenv)
	if err != nil {
		return usagef("%v", err)
	}
	if cmd == "validate" {
		if len(positional) == 0 {
			positional = []string{f.data} // the pack in use
		}
		return data.Validate(stdout, positional...)
	}
	if want := formats[cmd]; want != nil && !slices.Contains(want, f.format) {
		return usagef("--format %q: want %s or %s", f.format, strings.Join(want[:len(want)-1], ", "), want[len(want)-1])
	}
	pack, err := data.Open(f.data)
	if err != nil {
		return err
	}
	opts.Pack = pack
	switch cmd {
	case "render":
		if err := f.render.Check(pack); err != nil {
			return usageError{err.Error()}
		}
		f.render.Themed = f.view.Themed()
		return f.render.Print(stdout, opts)
	case "describe":
		if err := ui.CheckTab(pack, f.tab); err != nil {
			return usageError{err.Error()}
		}
		return report.Describe(opts.Look.Output(stdout), pack, model.TabID(f.tab), opts.Lang, int(opts.Now.Month()))
	case "export":
		return report.Export(stdout, pack, report.Options{Format: f.format, Lang: opts.Lang, NoBOM: f.noBOM})
	case "scorecard":
		out := stdout
		if f.format == "text" {
			out = opts.Look.Output(stdout) // read on the terminal, not a file format
		}
		return report.Scorecard(out, pack, f.format, opts.Lang)
	case "minutes":
		s, err := review.Existing(f.reviewDB)
		if err != nil {
			return err
		}
		r, err := s.Review(pack.ID)
		if err != nil {
			return err
		}
		return report.Minutes(stdout, pack, r, f.format, opts.Lang, opts.Now)
	case "serve":
		return serveRoom(f, pack, stdout, stderr)
	}
	opts.Review = review.Local(f.reviewDB)
	return ui.Run(opts)
}

// serveRoom serves until SIGINT or SIGTERM. One review store is shared by
// every session; nothing is opened until a presenter starts a review, and
// every write is logged.
func serveRoom(f flags, pack *model.Pack, stdout, stderr io.Writer) error {
	cfg := f.serve
	cfg.Pack, cfg.Now, cfg.Look, cfg.Lang = pack, f.view.Clock(), f.view.Sessions(cfg.Look), f.view.SessionLang()
	if err := cfg.Check(); err != nil {
		return usageError{err.Error()}
	}
	cfg.Log = slog.New(slog.NewTextHandler(stderr, nil))
	var err error
	if cfg.Review, err = review.At(f.reviewDB, review.Options{Log: cfg.Log}); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve.Run(ctx, cfg, stdout)
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
