//go:build unix

package serve

import "syscall"

// cpuTime is the process's user and system time so far, in nanoseconds.
func cpuTime() int64 {
	var u syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return u.Utime.Nano() + u.Stime.Nano()
}
