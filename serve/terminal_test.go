package serve

import (
	"regexp"
	"testing"
)

// sgrColour matches an SGR sequence that sets a colour: 30–37, 90–97,
// 40–47, 100–107, or the 256-colour and true-colour forms.
var sgrColour = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-8]|9[0-7]|4[0-8]|10[0-7])(;[0-9]+)*m`)

// A session's colours follow its own terminal type: none for TERM=dumb
// or a terminal type nobody knows (plain text is safe on any terminal),
// colour for the xterm family.
func TestSessionTerminalTypes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		term       string
		wantColour bool
	}{
		{"dumb", false},
		{"xterm", true},
		{"xterm-256color", true},
		{"some-unknown-terminal", false},
	}
	srv, addr := startServer(t, testConfig(t))
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{term: tt.term})
			term.waitScreen("[1 经济]")
			term.press("2")
			term.waitScreen("[2 工业]")
			term.mu.Lock()
			raw := term.out.String()
			term.mu.Unlock()
			if got := sgrColour.MatchString(raw); got != tt.wantColour {
				t.Errorf("TERM=%s: colour codes present = %v, want %v", tt.term, got, tt.wantColour)
			}
			term.press("q")
			if err := term.wait(); err != nil {
				t.Fatalf("q: %v", err)
			}
		})
	}
}
