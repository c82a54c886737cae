package serve

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/ui"
)

// panicky is the dashboard with a bug: x panics.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "x" {
		panic("x pressed")
	}
	m, cmd := p.Model.Update(msg)
	return panicky{m}, cmd
}

func TestPanicEndsOnlyItsSession(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.newModel = func(o ui.Options) tea.Model { return panicky{ui.New(o)} }
	srv, addr := startServer(t, cfg)

	broken := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	other := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	broken.waitScreen("[1 经济]")
	other.waitScreen("[1 经济]")

	broken.press("x")
	err := broken.wait()
	if err == nil {
		t.Error("a session whose dashboard panicked ended with exit status 0")
	}
	t.Logf("panicked session: %v; stderr %q", err, broken.errText())

	other.press("3")
	waitTab(other, "[3 服务业]")

	again := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	again.waitScreen("[1 经济]")
	again.press("2")
	waitTab(again, "[2 工业]")
	eventually(t, "the panicked session leaves the server's count", func() bool {
		return liveSessions(srv) == 2 && placesTaken(srv) == 2
	})
}
