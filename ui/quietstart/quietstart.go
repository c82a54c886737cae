// Package quietstart keeps bubbletea v1 from asking the terminal for its
// background while the program initialises. bubbletea's own init
// (tea_init.go, "removed in v2") asks through lipgloss's default renderer,
// whether or not colour is wanted and whatever the command, and waits five
// seconds for a terminal that does not answer. kmdash asks once, later,
// and only when it draws in colour on a terminal (ui.SettleBackground).
//
// It relies on the order of package initialisation, which the Go spec
// fixes: of the packages whose imports are initialised, the one first by
// import path goes next. This package imports only os, which termenv
// imports too, and its path sorts before termenv's, so its init runs
// before termenv's, and so before lipgloss's and bubbletea's. It sets TERM
// to "dumb", the terminal termenv never queries; ui's init, which runs
// after bubbletea's, calls Restore. TestBackgroundQuery in the main
// package sees to it that no query escapes.
//
// It does the same for RUNEWIDTH_EASTASIAN, which x/ansi (lipgloss's
// measure) and go-runewidth read once, at their init: set, they would
// count every character of ambiguous width as two cells, while
// asciigraph, kmdash's own drawing and an SSH session's terminal count
// one, and the frame would be laid out for neither. kmdash measures as
// most terminals do and meets a terminal that draws those characters
// wide by drawing without them (ui.Look, ASCII drawing), so while the
// measures initialise the variable says "0"; Restore gives it back for
// ui.LookFromEnv to read.
package quietstart

import "os"

var (
	term, hadTerm           = os.LookupEnv("TERM")
	eastAsian, hadEastAsian = os.LookupEnv("RUNEWIDTH_EASTASIAN")
)

func init() {
	os.Setenv("TERM", "dumb")
	os.Setenv("RUNEWIDTH_EASTASIAN", "0")
}

// Restore gives TERM and RUNEWIDTH_EASTASIAN back the values the process
// started with.
func Restore() {
	restore("TERM", term, hadTerm)
	restore("RUNEWIDTH_EASTASIAN", eastAsian, hadEastAsian)
}

func restore(name, value string, had bool) {
	if had {
		os.Setenv(name, value)
	} else {
		os.Unsetenv(name)
	}
}
