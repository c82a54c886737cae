//go:build !unix

package ui

import (
	"os"
	"time"
)

// askBackground does not ask where there is no /dev/tty to read the answer
// from with a deadline; the background is then taken to be dark.
func askBackground(*os.File, time.Duration) (dark, answered bool) { return false, false }
