package ui

import (
	"bytes"
	"os"
	"testing"
)

// TestTermRestored: quietstart sets TERM=dumb while bubbletea initialises;
// by the time anything runs, TERM must be what the process started with,
// which Linux keeps in /proc/self/environ.
func TestTermRestored(t *testing.T) {
	start, err := os.ReadFile("/proc/self/environ")
	if err != nil {
		t.Fatal(err)
	}
	want, had := "", false
	for _, kv := range bytes.Split(start, []byte{0}) {
		if v, ok := bytes.CutPrefix(kv, []byte("TERM=")); ok {
			want, had = string(v), true
		}
	}
	if got, ok := os.LookupEnv("TERM"); got != want || ok != had {
		t.Errorf("TERM is %q (set %v); the process started with %q (set %v)", got, ok, want, had)
	}
}
