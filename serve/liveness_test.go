package serve

import (
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// A viewer who only watches a presenter who only talks stays: liveness
// is the SSH keepalive's answer, not the person's keys.
func TestQuietViewerOutlivesIdleTimeout(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	presenter := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenter)
	// The margins are for a busy machine, where the tests run side by
	// side: a client may take a while to open its session after logging
	// in, and answer a keepalive late, but not never.
	cfg.IdleTimeout = 250 * time.Millisecond
	cfg.ClientAliveInterval = 50 * time.Millisecond
	cfg.ClientAliveCountMax = 10
	srv, addr := startServer(t, cfg)

	p := openTerminal(t, dialOK(t, srv, addr, presenter), termOptions{})
	p.waitScreen("[1 经济]")
	v := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	v.waitScreen("跟随主讲人")

	// Four idle timeouts and twenty keepalive rounds without a key or a
	// frame.
	time.Sleep(4 * cfg.IdleTimeout)
	select {
	case err := <-v.done:
		t.Fatalf("the quiet viewer's session ended: %v (stderr %q)", err, v.errText())
	default:
	}
	if n := liveSessions(srv); n != 2 {
		t.Fatalf("%d dashboards running, want the presenter's and the viewer's", n)
	}
	p.press("3")
	waitTab(v, "[3 服务业]")
}

// A connection that authenticated but runs no dashboard (ssh -N, or a
// client that opens nothing) is closed after --idle-timeout.
func TestUnusedConnectionClosed(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.IdleTimeout = 200 * time.Millisecond
	srv, addr := startServer(t, cfg)
	c := dialOK(t, srv, addr, newKey(t))
	closed := make(chan error, 1)
	go func() { closed <- c.Wait() }()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("an unused connection was kept for 10 s (--idle-timeout 200ms)")
	}
}

// A peer that vanishes without closing (a laptop lid shut, a network
// gone) is closed by keepalives, and its place is given back.
func TestDeadPeerClosedByKeepalive(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.ClientAliveInterval = 100 * time.Millisecond
	cfg.ClientAliveCountMax = 5 // a live peer on a busy machine may answer late
	srv, addr := startServer(t, cfg)
	proxy := newFreezer(t, addr)
	c, err := dial(t, srv, proxy.addr, newKey(t))
	if err != nil {
		t.Fatal(err)
	}
	term := openTerminal(t, c, termOptions{})
	term.waitScreen("[1 经济]")
	// Past several intervals, the live peer is still served.
	time.Sleep(5 * cfg.ClientAliveInterval)
	if liveSessions(srv) != 1 {
		t.Fatal("a live peer's session was closed")
	}
	proxy.freeze()
	eventually(t, "the dead peer's dashboard stops and gives its place back", func() bool {
		return liveSessions(srv) == 0 && placesTaken(srv) == 0
	})
}

// freezer is a TCP proxy that can stop passing bytes either way while
// keeping both connections open: what a vanished peer looks like.
type freezer struct {
	addr   string
	mu     sync.Mutex
	frozen chan struct{}
	conns  []net.Conn
}

func newFreezer(t *testing.T, target string) *freezer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &freezer{addr: ln.Addr().String(), frozen: make(chan struct{})}
	t.Cleanup(func() {
		ln.Close()
		f.mu.Lock()
		for _, c := range f.conns {
			c.Close()
		}
		f.mu.Unlock()
	})
	go func() {
		for {
			in, err := ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("tcp", target)
			if err != nil {
				in.Close()
				continue
			}
			f.mu.Lock()
			f.conns = append(f.conns, in, out)
			f.mu.Unlock()
			go f.pass(in, out)
			go f.pass(out, in)
		}
	}()
	return f
}

func (f *freezer) pass(from, to net.Conn) {
	buf := make([]byte, 32*1024)
	for {
		n, err := from.Read(buf)
		select {
		case <-f.frozen:
			<-make(chan struct{}) // hold everything; the test's end closes the sockets
		default:
		}
		if n > 0 {
			if _, err := to.Write(buf[:n]); err != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func (f *freezer) freeze() { close(f.frozen) }

// Whatever ends a session, the client's terminal is left as it was found
// (alternate screen left, mouse off, cursor shown) and one line says why.
func TestEndRestoresTerminal(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		end  func(t *testing.T, srv *Server, term *terminal)
		line string // on stderr; "" for none
	}{
		{"q", func(t *testing.T, _ *Server, term *terminal) { term.press("q") }, ""},
		{"server shutting down", func(t *testing.T, srv *Server, _ *terminal) {
			go srv.Shutdown(t.Context())
		}, "shutting down"},
		{"port forwarding asked for mid-session (ssh -L)", func(t *testing.T, _ *Server, term *terminal) {
			// What ssh -L does when something connects to its local port.
			go func() {
				if ch, _, err := term.client.OpenChannel("direct-tcpip", gossh.Marshal(&struct {
					Host       string
					Port       uint32
					OriginHost string
					OriginPort uint32
				}{"localhost", 80, "127.0.0.1", 5555})); err == nil {
					ch.Close()
					t.Error("a direct-tcpip channel was accepted")
				}
				// Unanswered: the connection closes once the dashboard has
				// said why, so ssh adds no refusal of its own.
			}()
		}, "port forwarding is refused"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, addr := startServer(t, testConfig(t))
			term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
			term.waitScreen("[1 经济]")
			tc.end(t, srv, term)
			term.wait()
			term.mu.Lock()
			out := term.out.String()
			term.mu.Unlock()
			if !strings.HasSuffix(out, leaveModes) {
				t.Errorf("the output does not end by restoring the terminal; it ends %q", out[max(0, len(out)-80):])
			}
			for _, mode := range []string{"\x1b[?1049h", "\x1b[?1002h", "\x1b[?1006h", "\x1b[?2004h"} {
				if strings.Count(out, mode) != 1 {
					t.Errorf("mode %q set %d times, want once", mode, strings.Count(out, mode))
				}
			}
			errText := term.errText()
			switch {
			case tc.line == "" && errText != "":
				t.Errorf("stderr %q, want nothing after q", errText)
			case tc.line != "" && (!strings.Contains(errText, tc.line) || strings.Count(errText, "\n") != 1):
				t.Errorf("stderr %q, want one line saying %q", errText, tc.line)
			}
		})
	}
}
