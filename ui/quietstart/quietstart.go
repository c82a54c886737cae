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
package quietstart

import "os"

var term, hadTerm = os.LookupEnv("TERM")

func init() {
	os.Setenv("TERM", "dumb")
}

// Restore gives TERM back the value the process started with.
func Restore() {
	if hadTerm {
		os.Setenv("TERM", term)
	} else {
		os.Unsetenv("TERM")
	}
}
