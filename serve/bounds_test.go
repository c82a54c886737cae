package serve

import (
	"bytes"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// What one connection may take is bounded. The tests that measure the
// process's memory and goroutines do not run in parallel.

// memoryBound is what one connection's abuse may add to the server's
// memory in use (heap and stacks, after a GC), as the issue sets it.
const memoryBound = 64 << 20

// A connection holds at most --sessions-per-connection session
// channels; the rest are refused with a line that says so.
func TestSessionsPerConnection(t *testing.T) {
	t.Parallel()
	var logs logRecords
	cfg := testConfig(t)
	cfg.Log = logs.logger()
	srv, addr := startServer(t, cfg)
	c := dialOK(t, srv, addr, newKey(t))
	opened, refused := 0, 0
	for range 200 {
		ch, reqs, err := c.OpenChannel("session", nil)
		if err != nil {
			if !strings.Contains(err.Error(), "at most 4 sessions per connection") {
				t.Fatalf("refused with %v, want a line naming the limit", err)
			}
			refused++
			continue
		}
		go gossh.DiscardRequests(reqs)
		defer ch.Close()
		opened++
	}
	if opened != 4 || refused != 196 {
		t.Fatalf("%d channels opened and %d refused, want 4 and 196", opened, refused)
	}
	// The operator hears of it, once per source and interval, not 196 times.
	if got := logs.lines("sessions per connection"); len(got) != 1 {
		t.Errorf("the refusals were logged in %d lines, want 1: %q", len(got), got)
	}
}

// 200 channels of unread data on one connection: the channels the
// server accepts are read from the start, and what nobody reads is
// dropped, so the data does not sit in the channels' 2 MiB windows.
func TestAbuseUnreadChannelData(t *testing.T) {
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	c := dialOK(t, srv, addr, newKey(t))
	chunk := bytes.Repeat([]byte("x"), 32<<10)
	var chans []gossh.Channel
	for range 200 {
		ch, reqs, err := c.OpenChannel("session", nil)
		if err != nil {
			continue // beyond the connection's sessions
		}
		go gossh.DiscardRequests(reqs)
		chans = append(chans, ch)
		for range (2 << 20) / len(chunk) {
			if _, err := ch.Write(chunk); err != nil {
				t.Fatalf("write: %v", err)
			}
		}
	}
	if len(chans) == 0 {
		t.Fatal("no channel opened")
	}
	// Every byte was written, so the server took them all in (the window
	// opens only as it reads); the channels are still open.
	if grew := growth(before); grew > memoryBound {
		t.Fatalf("the server's memory grew by %.1f MiB with %d channels of 2 MiB unread, want at most %d MiB",
			mib(grew), len(chans), memoryBound>>20)
	}
	c.Close()
	servesNormally(t, srv, addr)
	settle(t, before)
}

// 3,000 env requests of 100 kB on one connection are refused beyond a
// few small ones and take no memory; the session still works.
func TestAbuseEnvRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("a long abuse run; go test without -short runs it")
	}
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	c := dialOK(t, srv, addr, newKey(t))
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	big := strings.Repeat("v", 100<<10)
	for i := range 3000 {
		payload := gossh.Marshal(&struct{ Name, Value string }{"KMDASH_ABUSE", big})
		ok, err := sess.SendRequest("env", i == 2999, payload)
		if err != nil {
			t.Fatalf("env %d: %v", i, err)
		}
		if i == 2999 && ok {
			t.Fatal("an env request of 100 kB was accepted")
		}
	}
	if grew := growth(before); grew > memoryBound {
		t.Fatalf("the server's memory grew by %.1f MiB after 3,000 env requests of 100 kB, want at most %d MiB", mib(grew), memoryBound>>20)
	}
	// Small ones: the first maxEnv are kept, the rest refused.
	accepted := 0
	for range 100 {
		if ok, _ := sess.SendRequest("env", true, gossh.Marshal(&struct{ Name, Value string }{"LANG", "en_US.UTF-8"})); ok {
			accepted++
		}
	}
	if accepted != maxEnv {
		t.Errorf("%d small env requests accepted, want %d", accepted, maxEnv)
	}
	sess.Close()
	checkServes(t, c)
	c.Close()
	settle(t, before)
}

// Requests of every kind, thousands of each, on a session the server
// refused and on one running the dashboard, leave no goroutine behind.
func TestAbuseRequestsLeaveNoGoroutines(t *testing.T) {
	if testing.Short() {
		t.Skip("a long abuse run; go test without -short runs it")
	}
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	c := dialOK(t, srv, addr, newKey(t))
	win := gossh.Marshal(&struct{ Columns, Rows, W, H uint32 }{100, 30, 0, 0})
	kinds := []struct {
		name    string
		payload []byte
	}{
		{"window-change", win}, {"signal", gossh.Marshal(&struct{ Signal string }{"INT"})},
		{"break", gossh.Marshal(&struct{ Ms uint32 }{100})}, {"x11-req", nil}, {"eow@openssh.com", nil},
		{"pty-req", nil}, {"shell", nil}, {"exec", gossh.Marshal(&struct{ Cmd string }{"date"})},
		{"auth-agent-req@openssh.com", nil}, {"no-such-request", nil},
	}
	sent := 0
	storm := func(sess *gossh.Session) {
		for _, k := range kinds {
			n := 200
			if k.name == "window-change" {
				n = 20000
			}
			for range n {
				if _, err := sess.SendRequest(k.name, false, k.payload); err != nil {
					return // the server closed the session: so much the better
				}
				sent++
			}
		}
	}
	// Refused: a terminal too small for the dashboard.
	for range 5 {
		sess, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestPty("xterm", 5, 10, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
		storm(sess) // before the shell and its refusal
		sess.Shell()
		storm(sess) // after, while the refusal is on its way
		sess.Close()
	}
	// Running.
	term := openTerminal(t, c, termOptions{})
	term.waitScreen("[1 经济]")
	storm(term.session)
	term.press("q")
	term.wait()
	// Forwarding refused again and again.
	for range 500 {
		if ch, _, err := c.OpenChannel("direct-tcpip", gossh.Marshal(&struct {
			Host       string
			Port       uint32
			OriginHost string
			OriginPort uint32
		}{"localhost", 22, "127.0.0.1", 1})); err == nil {
			ch.Close()
			t.Fatal("direct-tcpip accepted")
		}
	}
	t.Logf("%d requests sent", sent)
	checkServes(t, c)
	c.Close()
	eventually(t, "every dashboard ends", func() bool { return liveSessions(srv) == 0 && placesTaken(srv) == 0 })
	settle(t, before)
}

// 200 sessions asked for on one connection, and a full server, cannot
// keep the presenter out: presenters have places of their own.
func TestPresenterAlwaysGetsIn(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	presenter := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenter)
	cfg.MaxSessions = 4
	srv, addr := startServer(t, cfg)
	hog := dialOK(t, srv, addr, newKey(t))
	started := 0
	for range 200 {
		sess, err := hog.NewSession()
		if err != nil {
			continue
		}
		if sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}) == nil && sess.Shell() == nil {
			started++
		}
	}
	eventually(t, "the connection's dashboards run", func() bool { return liveSessions(srv) == 4 })
	if started != 4 {
		t.Fatalf("%d dashboards started on one connection, want 4", started)
	}
	// The server is full for viewers...
	late := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	checkRefused(t, late.wait(), late.errText(), "the server is full")
	// ...and not for the presenter.
	p := openTerminal(t, dialOK(t, srv, addr, presenter), termOptions{})
	p.waitScreen("主讲")
	p.press("2")
	waitTab(p, "[2 工业]")
}

func growth(before usage) uint64 {
	now := measure()
	if now.heap < before.heap {
		return 0
	}
	return now.heap - before.heap
}

func mib(b uint64) float64 { return float64(b) / (1 << 20) }
