//go:build unix

package ui

import (
	"os"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// askBackground sends backgroundQuery to the terminal out is drawn on and
// reads the answer for at most wait. It goes through /dev/tty, opened
// afresh, because only a file of its own can have a read deadline without
// changing the blocking mode of the shell's descriptors; so it asks only
// when out is that controlling terminal, and only while this process is in
// the foreground (a background job that touched the terminal's modes would
// be stopped).
func askBackground(out *os.File, wait time.Duration) (dark, answered bool) {
	// The foreground process group of out is asked for, which only the
	// controlling terminal tells (POSIX tcgetpgrp): when it answers with
	// this process's group, out is /dev/tty and this process may use it.
	if !term.IsTerminal(out.Fd()) {
		return false, false
	}
	if pgrp, err := unix.IoctlGetInt(int(out.Fd()), unix.TIOCGPGRP); err != nil || pgrp != unix.Getpgrp() {
		return false, false
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return false, false
	}
	defer tty.Close()
	conn, err := tty.SyscallConn()
	if err != nil {
		return false, false
	}
	// Fd would make tty blocking and its deadline void; Control does not.
	// Raw, so the answer is neither echoed nor held for a newline.
	var saved *term.State
	conn.Control(func(fd uintptr) { saved, _ = term.MakeRaw(fd) })
	if saved == nil {
		return false, false
	}
	defer conn.Control(func(fd uintptr) { term.Restore(fd, saved) })

	if _, err := tty.WriteString(backgroundQuery); err != nil {
		return false, false
	}
	tty.SetReadDeadline(time.Now().Add(wait))
	var got []byte
	buf := make([]byte, 256)
	for len(got) < 1024 {
		n, err := tty.Read(buf)
		got = append(got, buf[:n]...)
		colour, done := backgroundReply(got)
		if done || err != nil {
			if colour == "" {
				return false, false
			}
			return darkColour(colour)
		}
	}
	return false, false
}
