//go:build unix

package serve

import (
	"syscall"
	"testing"
)

// raiseFileLimit lifts this process's limit on open files to the hard
// limit, and stops the benchmark with one clear line if need is more.
func raiseFileLimit(b *testing.B, need int) {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return
	}
	if l.Cur < l.Max {
		l.Cur = l.Max
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
	if l.Cur < uint64(need) {
		b.Fatalf("open files limited to %d; this run needs about %d: raise the hard limit (ulimit -Hn %d) and run again", l.Cur, need, need)
	}
}
