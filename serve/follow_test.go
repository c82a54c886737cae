package serve

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/ui"
)

// The footer's words for following, from ui/words.go.
const (
	steppedOutZh = "独立浏览"
	steppedOutEn = "browsing alone"
)

// followers is the presenter's footer status with n following.
func followers(n int) string { return fmt.Sprintf("主讲 · %d 人跟随", n) }

// lead is where the hub says the presenter is.
func lead(srv *Server) (ui.Position, bool) {
	srv.hub.mu.Lock()
	defer srv.hub.mu.Unlock()
	return srv.hub.lead, srv.hub.led
}

// startPresenting starts a server with one presenter key and connects
// its presenter, who is followed by nobody yet.
func startPresenting(t *testing.T) (*Server, string, *terminal) {
	t.Helper()
	presenterKey := newKey(t)
	cfg := testConfig(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	srv, addr := startServer(t, cfg)
	quickCounts(srv)
	presenter := openTerminal(t, dialOK(t, srv, addr, presenterKey), termOptions{})
	presenter.waitScreen(followers(0))
	return srv, addr, presenter
}

// quickCounts lets the hub tell presenters their count every 300 ms
// instead of every second, so tests wait less; the debounce is the same.
func quickCounts(srv *Server) {
	srv.hub.mu.Lock()
	srv.hub.countEvery = 300 * time.Millisecond
	srv.hub.mu.Unlock()
}

// waitTab waits until the terminal's tab bar shows label as active.
func waitTab(term *terminal, label string) {
	term.t.Helper()
	term.waitScreenFunc("the tab bar to show "+label, func(s string) bool {
		return strings.Contains(strings.Split(s, "\n")[1], label)
	})
}

func TestViewerFollowsPresenter(t *testing.T) {
	t.Parallel()
	srv, addr, presenter := startPresenting(t)
	viewer := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	viewer.waitScreen("[1 经济]")
	presenter.waitScreen(followers(1))

	// The presenter moves; the viewer follows.
	presenter.press("3")
	waitTab(presenter, "[3 服务业]")
	waitTab(viewer, "[3 服务业]")
	if s := strings.Join(viewer.screen(), "\n"); strings.Contains(s, steppedOutZh) {
		t.Errorf("a following viewer's footer says it browses alone:\n%s", viewer.footer())
	}

	// The viewer steps out; the presenter stays and counts one less.
	viewer.press("2")
	waitTab(viewer, "[2 工业]")
	viewer.waitScreen(steppedOutZh)
	presenter.waitScreen(followers(0))
	if p, _ := lead(srv); p.Tab != "services" {
		t.Errorf("hub lead %+v after a viewer's key, want the presenter's tab %s", p, "services")
	}
	if bar := presenter.tabBar(); !strings.Contains(bar, "[3 服务业]") {
		t.Errorf("a viewer's key moved the presenter: %q", bar)
	}

	// The presenter opens an item's detail while the viewer browses.
	presenter.press("j", "<enter>")
	presenter.waitScreen(detailHintZh)
	p, _ := lead(srv)
	if p.Tab != "services" || !p.Detail {
		t.Fatalf("hub lead %+v, want the services tab with the detail open", p)
	}
	ind := srv.cfg.Pack.Indicator(p.Item)
	if ind == nil {
		t.Fatalf("hub lead item %q is not an indicator", p.Item)
	}
	if bar := viewer.tabBar(); !strings.Contains(bar, "[2 工业]") {
		t.Errorf("a viewer browsing alone was moved: %q", bar)
	}

	// f takes the viewer back to the presenter, detail and all.
	viewer.press("f")
	waitTab(viewer, "[3 服务业]")
	viewer.waitScreen(detailHintZh)
	viewer.waitScreen(ind.FullName().Zh) // the detail is headed by the full name
	presenter.waitScreen(followers(1))
	if s := strings.Join(viewer.screen(), "\n"); strings.Contains(s, steppedOutZh) {
		t.Errorf("after f the footer still says the viewer browses alone: %q", viewer.footer())
	}

	// And follows on from there.
	presenter.press("<esc>") // alone: Esc followed at once by a key is Alt+key
	presenter.waitScreenFunc("the detail to close", func(s string) bool { return !strings.Contains(s, detailHintZh) })
	presenter.press("5")
	waitTab(viewer, "[5 文旅]")
	viewer.waitScreenFunc("the detail to close", func(s string) bool { return !strings.Contains(s, detailHintZh) })
}

func TestViewersKeepTheirLanguage(t *testing.T) {
	t.Parallel()
	srv, addr, presenter := startPresenting(t)
	zh := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	en := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{env: map[string]string{"LANG": "en_US.UTF-8"}})
	zh.waitScreen("[1 经济]")
	en.waitScreen("[1 Economy]")
	presenter.waitScreen(followers(2))

	presenter.press("3")
	waitTab(zh, "[3 服务业]")
	waitTab(en, "[3 Services]")
	en.waitScreen("following the presenter")

	// A viewer's language is its own: L on one changes neither the other
	// nor where they are.
	zh.press("L")
	waitTab(zh, "[3 Services]")
	presenter.press("4")
	waitTab(zh, "[4 Property]")
	waitTab(en, "[4 Property]")
	// The presenter's own frame may reach its terminal after the
	// viewers' do: wait for it, in Chinese.
	waitTab(presenter, "[4 房地产]")
	presenter.waitScreen(followers(2))
}

func TestSessionsIndependentWithoutPresenters(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	a := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	b := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	a.waitScreen("[1 经济]")
	b.waitScreen("[1 经济]")
	b.skip()

	a.press("3")
	waitTab(a, "[3 服务业]")
	srv.hub.mu.Lock()
	nv, np := len(srv.hub.viewers), len(srv.hub.presenters)
	srv.hub.mu.Unlock()
	if nv != 0 || np != 0 {
		t.Errorf("hub holds %d viewers and %d presenters, want none without presenter keys", nv, np)
	}

	b.press("2")
	waitTab(b, "[2 工业]")
	if s := b.screenText(); strings.Contains(s, "[3 服务业]") {
		t.Errorf("another session's key moved this one:\n%s", tail(s))
	}
	if bar := a.tabBar(); !strings.Contains(bar, "[3 服务业]") {
		t.Errorf("another session's key moved this one: %q", bar)
	}
	for _, term := range []*terminal{a, b} {
		if s := strings.Join(term.screen(), "\n"); strings.Contains(s, "跟随") || strings.Contains(s, "主讲") {
			t.Errorf("a session on its own shows following words: %q", term.footer())
		}
	}
}

func TestAuthorizedKeys(t *testing.T) {
	t.Parallel()
	allowed, other, presenterKey := newKey(t), newKey(t), newKey(t)
	cfg := testConfig(t)
	cfg.AuthorizedKeys = writeKeys(t, allowed)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	srv, addr := startServer(t, cfg)

	if c, err := dial(t, srv, addr, other); err == nil {
		c.Close()
		t.Error("a key on neither list got in")
	} else if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Errorf("refused dial: %v, want an authentication failure", err)
	}

	for _, tc := range []struct {
		name   string
		key    gossh.Signer
		footer string
	}{
		{"authorized key is a viewer", allowed, "跟随主讲人"},
		{"presenter key not on the authorized list", presenterKey, followers(0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term := openTerminal(t, dialOK(t, srv, addr, tc.key), termOptions{})
			term.waitScreen("[1 经济]")
			term.waitScreen(tc.footer)
			term.press("q")
			if err := term.wait(); err != nil {
				t.Errorf("q: %v", err)
			}
		})
	}
}

// dialKeyless connects as a client with no key at all does: OpenSSH
// falls back to keyboard-interactive when it has no key to offer.
func dialKeyless(t testing.TB, srv *Server, addr string) (*gossh.Client, error) {
	t.Helper()
	asked := 0
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "audience",
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(_, _ string, questions []string, _ []bool) ([]string, error) {
			asked += len(questions)
			return make([]string, len(questions)), nil
		})},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if gossh.FingerprintSHA256(k) != srv.Fingerprint {
				t.Errorf("host key %s, want %s", gossh.FingerprintSHA256(k), srv.Fingerprint)
			}
			return nil
		},
		Timeout: 10 * time.Second,
	})
	if asked > 0 {
		t.Errorf("a keyless viewer was asked %d questions; nothing should be asked", asked)
	}
	return c, err
}

func TestKeylessViewer(t *testing.T) {
	t.Parallel()
	presenterKey := newKey(t)
	open := testConfig(t)
	open.PresenterKeys = writeKeys(t, presenterKey)
	srv, addr := startServer(t, open)
	c, err := dialKeyless(t, srv, addr)
	if err != nil {
		t.Fatalf("a client without a key was refused by a server open to any key: %v", err)
	}
	term := openTerminal(t, c, termOptions{})
	term.waitScreen("[1 经济]")
	term.waitScreen("跟随主讲人")
	term.press("q")
	if err := term.wait(); err != nil {
		t.Errorf("q: %v", err)
	}

	closed := testConfig(t)
	closed.AuthorizedKeys = writeKeys(t, newKey(t))
	srv2, addr2 := startServer(t, closed)
	if c, err := dialKeyless(t, srv2, addr2); err == nil {
		c.Close()
		t.Error("with --authorized-keys, a client without a key got in")
	}
}
