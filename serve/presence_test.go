package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// namedKeys writes a presenter list whose lines carry names (comments).
func namedKeys(t *testing.T, keys map[string]gossh.Signer) string {
	t.Helper()
	var b strings.Builder
	for name, k := range keys {
		b.WriteString(strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey()))) + " " + name + "\n")
	}
	path := filepath.Join(t.TempDir(), "presenters")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Viewers see whether a presenter is connected.
func TestViewersSeePresence(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	presenterKey := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	srv, addr := startServer(t, cfg)
	quickCounts(srv)
	viewer := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	viewer.waitScreen("等待主讲人")

	pc := dialOK(t, srv, addr, presenterKey)
	presenter := openTerminal(t, pc, termOptions{})
	presenter.waitScreen(followers(1))
	viewer.waitScreenFunc("the footer to say it follows", func(s string) bool {
		return !strings.Contains(s, "等待主讲人") && strings.Contains(lastLine(s), "跟随主讲人")
	})
	pc.Close()
	viewer.waitScreen("等待主讲人")
}

// Two presenters are told of each other; the room follows whoever moved
// last, and both are shown who that is.
func TestTwoPresenters(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	wang, alice := newKey(t), newKey(t)
	cfg.PresenterKeys = namedKeys(t, map[string]gossh.Signer{"王老师": wang, "alice@laptop": alice})
	srv, addr := startServer(t, cfg)
	w := openTerminal(t, dialOK(t, srv, addr, wang), termOptions{})
	w.waitScreen("主讲 · 0 人跟随")
	a := openTerminal(t, dialOK(t, srv, addr, alice), termOptions{})
	a.waitScreen("另有 王老师 主讲")
	w.waitScreen("另有 alice@laptop 主讲")
	v := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	v.waitScreen("[1 经济]")

	w.press("3")
	waitTab(v, "[3 服务业]")
	waitTab(a, "[3 服务业]") // presenters share one position
	w.waitScreen("全场跟随你 · 另有 alice@laptop 主讲")
	a.waitScreenFunc("the footer to say the room follows 王老师, named once", func(s string) bool {
		return strings.Contains(s, "全场跟随 王老师") && !strings.Contains(s, "另有")
	})

	a.press("4")
	waitTab(v, "[4 房地产]")
	waitTab(w, "[4 房地产]")
	a.waitScreen("全场跟随你")
	w.waitScreen("全场跟随 alice@laptop")
}

// A presenter who reconnects picks up where the room is instead of
// sending everyone back to the first tab.
func TestPresenterReconnectKeepsTheRoom(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	presenterKey := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	srv, addr := startServer(t, cfg)
	quickCounts(srv)
	v := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	first := dialOK(t, srv, addr, presenterKey)
	p := openTerminal(t, first, termOptions{})
	p.waitScreen(followers(1))
	p.press("4")
	waitTab(v, "[4 房地产]")
	atTab, _ := lead(srv)
	p.press("j")
	// The room's position is read once the presenter's j has moved it.
	eventually(t, "the presenter's j to move the room", func() bool {
		got, _ := lead(srv)
		return got.Tab == atTab.Tab && got.Item != atTab.Item
	})
	room, _ := lead(srv)
	first.Close()
	v.waitScreen("等待主讲人")

	v.skip()
	again := openTerminal(t, dialOK(t, srv, addr, presenterKey), termOptions{})
	waitTab(again, "[4 房地产]")
	v.waitScreenFunc("the footer to say it follows", func(s string) bool { return !strings.Contains(s, "等待主讲人") })
	if got, _ := lead(srv); got != room {
		t.Errorf("the room is at %+v after the presenter came back, want %+v", got, room)
	}
	if strings.Contains(v.screenText(), "[1 经济]") {
		t.Error("the viewer was sent back to the first tab when the presenter came back")
	}
	again.press("j")
	v.waitScreenFunc("the viewer to follow the next move", func(string) bool {
		got, _ := lead(srv)
		return got != room && strings.Contains(v.tabBar(), "[4 房地产]")
	})
}

// A viewer's autoplay is browsing alone: the footer says so and the
// presenter's count does too.
func TestViewerAutoplayBrowsesAlone(t *testing.T) {
	t.Parallel()
	srv, addr, presenter := startPresenting(t)
	v := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	presenter.waitScreen(followers(1))
	v.press("p")
	v.waitScreen("独立浏览")
	v.waitScreen("自动播放")
	presenter.waitScreen(followers(0) + " · 1 人独立浏览")
	presenter.press("3")
	waitTab(presenter, "[3 服务业]")
	time.Sleep(300 * time.Millisecond)
	if strings.Contains(v.tabBar(), "[3 服务业]") {
		t.Error("a viewer in autoplay was moved by the presenter")
	}
}

// Toggling f quickly does not make the presenter's count flicker: the
// count reaches the presenter at most once a second, and only changed.
func TestFollowToggleDoesNotFlicker(t *testing.T) {
	t.Parallel()
	srv, addr, presenter := startPresenting(t)
	v := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	presenter.waitScreen(followers(1))
	presenter.skip()
	for range 5 {
		v.press("f", "f") // out and back in
	}
	v.waitScreen("跟随主讲人")
	time.Sleep(2 * srv.hub.countEvery)
	if out := presenter.screenText(); strings.Contains(out, "0 人跟随") {
		t.Fatal("the presenter's count dropped to 0 while a viewer toggled f and ended following")
	}
	v.press("f")
	presenter.waitScreen(followers(0) + " · 1 人独立浏览")
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }
