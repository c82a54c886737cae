//go:build !unix

package serve

import "testing"

// raiseFileLimit has nothing to raise where there is no RLIMIT_NOFILE.
func raiseFileLimit(*testing.B, int) {}
