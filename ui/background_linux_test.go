package ui

import (
	"bytes"
	"os"
	"testing"
)

// TestTermRestored: quietstart sets TERM=dumb while bubbletea initialises,
// and RUNEWIDTH_EASTASIAN=0 while the width measures do; by the time
// anything runs, each must be what the process started with, which Linux
// keeps in /proc/self/environ.
func TestTermRestored(t *testing.T) {
	start, err := os.ReadFile("/proc/self/environ")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"TERM", "RUNEWIDTH_EASTASIAN"} {
		want, had := "", false
		for _, kv := range bytes.Split(start, []byte{0}) {
			if v, ok := bytes.CutPrefix(kv, []byte(name+"=")); ok {
				want, had = string(v), true
			}
		}
		if got, ok := os.LookupEnv(name); got != want || ok != had {
			t.Errorf("%s is %q (set %v); the process started with %q (set %v)", name, got, ok, want, had)
		}
	}
}
