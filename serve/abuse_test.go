package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/ui"
)

// Abuse tests: clients that misbehave on purpose, bounded in count and
// time, on loopback only. After each the server must still serve an
// ordinary session, and its goroutines and memory must come back to
// what they were before.

// How far from the baseline a server may settle after abuse.
const (
	goroutineSlack = 8
	heapSlack      = 8 << 20
)

// usage is the process's goroutines, and its heap and stacks in use
// after a GC.
type usage struct {
	goroutines int
	heap       uint64
}

func (u usage) String() string {
	return fmt.Sprintf("%d goroutines, heap %.1f MiB", u.goroutines, float64(u.heap)/(1<<20))
}

func measure() usage {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return usage{goroutines: runtime.NumGoroutine(), heap: m.HeapInuse + m.StackInuse}
}

// baseline warms the server up with one ordinary session, so that what
// the first session makes once (themes, shared layouts) is not counted
// as growth, and measures the process.
func baseline(t *testing.T, srv *Server, addr string) usage {
	t.Helper()
	servesNormally(t, srv, addr)
	eventually(t, "the warm-up session ends", func() bool { return liveSessions(srv) == 0 })
	u := measure()
	t.Logf("before: %s", u)
	return u
}

// settle waits until goroutines and heap are back near before; teardown
// is asynchronous, so it polls.
func settle(t *testing.T, before usage) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		now := measure()
		if now.goroutines <= before.goroutines+goroutineSlack && now.heap <= before.heap+heapSlack {
			t.Logf("after: %s (before: %s)", now, before)
			return
		}
		if time.Now().After(deadline) {
			var b bytes.Buffer
			pprof.Lookup("goroutine").WriteTo(&b, 1)
			t.Fatalf("within 15 s: back to within %d goroutines and %d MiB of %s; now %s\n%s",
				goroutineSlack, heapSlack>>20, before, now, b.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// servesNormally opens an ordinary session: the dashboard, 2 to the
// second tab, q to leave with status 0.
func servesNormally(t *testing.T, srv *Server, addr string) {
	t.Helper()
	c, err := dial(t, srv, addr, newKey(t))
	if err != nil {
		t.Fatalf("an ordinary client cannot connect: %v", err)
	}
	defer c.Close()
	checkServes(t, c)
}

func checkServes(t *testing.T, c *gossh.Client) {
	t.Helper()
	term := openTerminal(t, c, termOptions{})
	term.waitScreen("[1 经济]")
	term.press("2")
	waitTab(term, "[2 工业]")
	term.press("q")
	if err := term.wait(); err != nil {
		t.Fatalf("q after abuse: %v (stderr %q)", err, term.errText())
	}
}

// dialVia connects with key over a connection made by d, with a deadline
// on all of it so that no abuse cycle can hang.
func dialVia(srv *Server, addr string, d net.Dialer, key gossh.Signer) (*gossh.Client, error) {
	d.Timeout = 10 * time.Second
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: "abuse",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if fp := gossh.FingerprintSHA256(k); fp != srv.Fingerprint {
				return fmt.Errorf("host key %s, want %s", fp, srv.Fingerprint)
			}
			return nil
		},
	})
	if err != nil {
		conn.Close()
		return nil, err
	}
	return gossh.NewClient(c, chans, reqs), nil
}

// ptySession opens a session with a terminal and a shell.
func ptySession(c *gossh.Client, width, height int) (*gossh.Session, io.WriteCloser, io.Reader, error) {
	sess, err := c.NewSession()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := sess.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		return nil, nil, nil, err
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		return nil, nil, nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, nil, nil, err
	}
	return sess, stdin, stdout, nil
}

// readAtLeast reads until n bytes have come, answering the colour query
// if answer is set.
func readAtLeast(r io.Reader, stdin io.Writer, n int, answer bool) error {
	buf := make([]byte, 4096)
	seen := 0
	for seen < n {
		k, err := r.Read(buf)
		if answer && bytes.Contains(buf[:k], []byte("\x1b]11;?")) {
			stdin.Write([]byte("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\\x1b[?62;22c"))
		}
		seen += k
		if err != nil {
			return fmt.Errorf("after %d bytes: %w", seen, err)
		}
	}
	return nil
}

// connectAbortCycles is the number of connections TestAbuseConnectAbort
// opens and drops; testing.Short runs a fifth of them.
const connectAbortCycles = 1000

func TestAbuseConnectAbort(t *testing.T) {
	cfg := testConfig(t)
	cfg.PerSourcePenalties = Penalties{} // every cycle comes from 127.0.0.1, and some fail on purpose
	srv, addr := startServer(t, cfg)
	before := baseline(t, srv, addr)
	key := newKey(t)

	type kind struct {
		name  string
		cycle func(i int) error
	}
	kinds := []kind{
		{"close before the SSH banner", func(int) error {
			conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				return err
			}
			return conn.Close()
		}},
		{"close after the SSH banner", func(i int) error {
			conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				return err
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			if _, err := conn.Write([]byte("SSH-2.0-abuse_1.0\r\n")); err != nil {
				return err
			}
			if i%2 == 0 {
				return nil // before the server's banner arrives
			}
			// After the server's banner, in its key exchange.
			line := make([]byte, 8)
			if _, err := io.ReadFull(conn, line); err != nil {
				return fmt.Errorf("server banner: %w", err)
			}
			if !bytes.HasPrefix(line, []byte("SSH-2.0-")) {
				return fmt.Errorf("server banner %q", line)
			}
			return nil
		}},
		{"close after authentication", func(int) error {
			c, err := dialVia(srv, addr, net.Dialer{}, key)
			if err != nil {
				return err
			}
			return c.Close()
		}},
		{"close after the pty request", func(int) error {
			c, err := dialVia(srv, addr, net.Dialer{}, key)
			if err != nil {
				return err
			}
			defer c.Close()
			sess, err := c.NewSession()
			if err != nil {
				return err
			}
			return sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{})
		}},
		{"close mid-frame", func(i int) error {
			c, err := dialVia(srv, addr, net.Dialer{}, key)
			if err != nil {
				return err
			}
			defer c.Close()
			_, stdin, stdout, err := ptySession(c, 120, 40)
			if err != nil {
				return err
			}
			if i%2 == 0 {
				// During the colour probe: part of the query, no answer.
				return readAtLeast(stdout, stdin, 5, false)
			}
			// A few bytes into the first frame.
			return readAtLeast(stdout, stdin, 10+200, true)
		}},
	}

	cycles := connectAbortCycles
	if testing.Short() {
		cycles /= 5
	}
	const workers = 8
	start := time.Now()
	var next atomic.Int64
	var failures atomic.Int64
	counts := make([]atomic.Int64, len(kinds))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= cycles {
					return
				}
				k := i % len(kinds)
				if err := kinds[k].cycle(i / len(kinds)); err != nil {
					if failures.Add(1) <= 5 {
						t.Errorf("cycle %d (%s): %v", i, kinds[k].name, err)
					}
					continue
				}
				counts[k].Add(1)
			}
		}()
	}
	wg.Wait()
	for k := range kinds {
		t.Logf("%-28s %d cycles", kinds[k].name, counts[k].Load())
	}
	t.Logf("%d connect/abort cycles in %v", cycles, time.Since(start).Round(time.Millisecond))
	if n := failures.Load(); n > 0 {
		t.Fatalf("%d of %d cycles failed", n, cycles)
	}
	eventually(t, "every aborted session's dashboard stops", func() bool {
		return liveSessions(srv) == 0 && placesTaken(srv) == 0
	})
	servesNormally(t, srv, addr)
	settle(t, before)
}

// probeConn opens a TCP connection from local (nil: any) and reports
// whether the server answered with its SSH banner (let in) or closed
// it (refused).
func probeConn(t *testing.T, addr string, local net.Addr) bool {
	t.Helper()
	d := net.Dialer{LocalAddr: local, Timeout: 10 * time.Second}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	line := make([]byte, 8)
	if _, err := io.ReadFull(conn, line); err != nil {
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Fatal("the server neither answered nor closed a connection within 10 s")
		}
		return false
	}
	return bytes.HasPrefix(line, []byte("SSH-2.0-"))
}

// sizeWatch is the dashboard with a record of the window sizes it is told.
type sizeWatch struct {
	tea.Model
	seen *sizesSeen
}

type sizesSeen struct {
	mu    sync.Mutex
	sizes []tea.WindowSizeMsg
}

func (s sizeWatch) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m, ok := msg.(tea.WindowSizeMsg); ok {
		s.seen.mu.Lock()
		s.seen.sizes = append(s.seen.sizes, m)
		s.seen.mu.Unlock()
	}
	m, cmd := s.Model.Update(msg)
	return sizeWatch{m, s.seen}, cmd
}

func (s *sizesSeen) get() []tea.WindowSizeMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sizes)
}

func TestAbuseResizeStorm(t *testing.T) {
	cfg := testConfig(t)
	seen := &sizesSeen{}
	cfg.newModel = func(o ui.Options) tea.Model { return sizeWatch{ui.New(o), seen} }
	srv, addr := startServer(t, cfg)
	before := baseline(t, srv, addr)
	c := dialOK(t, srv, addr, newKey(t))
	term := openTerminal(t, c, termOptions{})
	term.waitScreen("[1 经济]")
	told := len(seen.get())

	start := time.Now()
	rng := rand.New(rand.NewPCG(7, 11))
	const storm = 1000
	for range storm {
		if err := term.session.WindowChange(20+rng.IntN(80), 60+rng.IntN(200)); err != nil {
			t.Fatalf("window-change: %v", err)
		}
	}
	t.Logf("%d window changes sent in %v", storm, time.Since(start).Round(time.Millisecond))

	// The edges one at a time, each drawn before the next: nothing, one
	// cell, very large, and the largest the protocol carries (uint32
	// columns and rows).
	for _, size := range [][2]int{{0, 0}, {1, 1}, {10000, 10000}, {math.MaxUint32, math.MaxUint32},
		{0, math.MaxUint32}, {math.MaxUint32, 1}, {120, 40}} {
		if err := term.session.WindowChange(size[1], size[0]); err != nil {
			t.Fatalf("window-change %d×%d: %v", size[0], size[1], err)
		}
		want := windowSize(size[0], size[1])
		eventually(t, fmt.Sprintf("the dashboard is told %d×%d for a %d×%d window", want.Width, want.Height, size[0], size[1]), func() bool {
			s := seen.get()
			return s[len(s)-1] == want
		})
	}
	sizes := seen.get()[told:]
	for _, s := range sizes {
		if s.Width > maxWidth || s.Height > maxHeight || s.Width < 0 || s.Height < 0 {
			t.Errorf("the dashboard was told %d×%d, beyond %d×%d", s.Width, s.Height, maxWidth, maxHeight)
		}
	}
	t.Logf("%d window changes reached the dashboard as %d sizes", storm+7, len(sizes))

	// The session is usable at its last size.
	term.skip()
	term.press("3")
	term.waitFor("[3 服务业]")
	t.Logf("the session answered a key %v after the storm began", time.Since(start).Round(time.Millisecond))
	term.press("q")
	if err := term.wait(); err != nil {
		t.Fatalf("q after the storm: %v (stderr %q)", err, term.errText())
	}
	c.Close()

	servesNormally(t, srv, addr)
	eventually(t, "the sessions end", func() bool { return liveSessions(srv) == 0 })
	settle(t, before)
}

// A terminal that asks for the largest size the protocol carries from
// the start gets a dashboard, not a server that runs out of memory.
func TestAbuseHugePtyRequest(t *testing.T) {
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	c := dialOK(t, srv, addr, newKey(t))
	term := openTerminal(t, c, termOptions{ptyWidth: math.MaxUint32, ptyHeight: math.MaxUint32})
	term.waitFor("经济")
	if err := term.session.WindowChange(40, 120); err != nil {
		t.Fatal(err)
	}
	term.skip()
	term.press("2")
	term.waitFor("[2 工业]")
	term.press("q")
	if err := term.wait(); err != nil {
		t.Fatalf("q: %v", err)
	}
	c.Close()
	servesNormally(t, srv, addr)
	eventually(t, "the sessions end", func() bool { return liveSessions(srv) == 0 })
	settle(t, before)
}

// stuckClient is a viewer that reads its first frame and then never
// reads again, keeping its connection open: the SSH channel's window
// fills and the server's writes to it block.
type stuckClient struct {
	client *gossh.Client
	sess   *gossh.Session
}

func openStuck(t *testing.T, srv *Server, addr string, width, height int) *stuckClient {
	t.Helper()
	c := dialOK(t, srv, addr, newKey(t))
	sess, stdin, stdout, err := ptySession(c, width, height)
	if err != nil {
		t.Fatal(err)
	}
	if err := readAtLeast(stdout, stdin, 2000, true); err != nil {
		t.Fatalf("the first frame: %v", err)
	}
	return &stuckClient{client: c, sess: sess}
}

// writeBlocked reports whether some goroutine is waiting for an SSH
// channel's window: only the server writes enough to fill one.
func writeBlocked() bool {
	var b bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&b, 2)
	for _, g := range strings.Split(b.String(), "\n\n") {
		if strings.Contains(g, "[sync.Cond.Wait") && strings.Contains(g, "ssh.(*window).reserve") {
			return true
		}
	}
	return false
}

// fill makes the server write to the stuck client until its writes
// block: the client's own resizes each repaint its (large) screen.
func (s *stuckClient) fill(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; !writeBlocked(); i++ {
		if time.Now().After(deadline) {
			t.Fatal("the server's writes to a client that does not read never blocked within 20 s")
		}
		s.sess.WindowChange(maxHeight-i%2, maxWidth)
		time.Sleep(2 * time.Millisecond)
	}
}

var tabLabels = []string{"[1 经济]", "[2 工业]", "[3 服务业]", "[4 房地产]", "[5 文旅]"}

func TestAbuseClientThatNeverReads(t *testing.T) {
	if testing.Short() {
		t.Skip("a long abuse run; go test without -short runs it")
	}
	presenterKey := newKey(t)
	cfg := testConfig(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	srv, addr := startServer(t, cfg)
	before := baseline(t, srv, addr)

	presenterClient := dialOK(t, srv, addr, presenterKey)
	presenter := openTerminal(t, presenterClient, termOptions{})
	presenter.waitScreen(followers(0))
	var viewers []*terminal
	for range 3 {
		v := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
		v.waitScreen("[1 经济]")
		viewers = append(viewers, v)
	}
	stuck := openStuck(t, srv, addr, maxWidth, maxHeight)
	presenter.waitScreen(followers(4))

	start := time.Now()
	stuck.fill(t)
	filled := measure()
	t.Logf("the server's writes to the stuck viewer block after %v; %s", time.Since(start).Round(time.Millisecond), filled)

	// The presenter drives; the other viewers keep following, each step
	// within a few seconds.
	steps := 20
	if testing.Short() {
		steps = 10
	}
	var slowest time.Duration
	start = time.Now()
	for i := range steps {
		tab := (i + 1) % len(tabLabels)
		step := time.Now()
		presenter.press(fmt.Sprint(tab + 1))
		for _, v := range viewers {
			waitTab(v, tabLabels[tab])
		}
		slowest = max(slowest, time.Since(step))
	}
	t.Logf("%d presenter moves followed by the other viewers in %v, slowest %v", steps, time.Since(start).Round(time.Millisecond), slowest.Round(time.Millisecond))
	if slowest > 5*time.Second {
		t.Errorf("the other viewers took %v to follow one move", slowest)
	}
	if !writeBlocked() {
		t.Error("the stuck viewer's writes no longer block: the test did not test it")
	}
	driven := measure()
	t.Logf("after the drive: %s", driven)
	if driven.heap > filled.heap+heapSlack {
		t.Errorf("the heap grew from %s to %s while a viewer did not read", filled, driven)
	}

	// Others still get in while it is stuck, and the presenter counts it.
	servesNormally(t, srv, addr)
	presenter.waitScreen(followers(4))

	// When the stuck client goes, so does its session.
	stuck.client.Close()
	eventually(t, "the stuck viewer's session ends once its client goes", func() bool { return liveSessions(srv) == 4 })
	presenter.waitScreen(followers(3))
	for _, term := range append(viewers, presenter) {
		term.press("q")
		if err := term.wait(); err != nil {
			t.Errorf("q: %v", err)
		}
		term.client.Close()
	}
	settle(t, before)
}

// Shutdown ends in time even when a client does not read: the stuck
// session must not hold the server's lock or the other sessions.
func TestAbuseShutdownWithClientThatNeverReads(t *testing.T) {
	if testing.Short() {
		t.Skip("a long abuse run; go test without -short runs it")
	}
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	stuck := openStuck(t, srv, addr, maxWidth, maxHeight)
	stuck.fill(t)
	other := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	other.waitScreen("[1 经济]")

	const grace = 2 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	done := make(chan error, 1)
	start := time.Now()
	go func() { done <- srv.Shutdown(ctx) }()
	select {
	case err := <-done:
		t.Logf("Shutdown returned after %v: %v", time.Since(start).Round(time.Millisecond), err)
	case <-time.After(grace + 5*time.Second):
		var b bytes.Buffer
		pprof.Lookup("goroutine").WriteTo(&b, 1)
		t.Fatalf("Shutdown with a %v deadline did not return within %v\n%s", grace, grace+5*time.Second, b.String())
	}
	err := other.wait()
	if got := exitStatus(err); got != 1 || !strings.Contains(other.errText(), "shutting down") {
		t.Errorf("the other session: exit %d (%v), stderr %q; want 1 and the shutdown line", got, err, other.errText())
	}
	stuck.client.Close()
	other.client.Close()
	eventually(t, "every session ends", func() bool { return liveSessions(srv) == 0 && placesTaken(srv) == 0 })
	settle(t, before)
}

// pressUntil presses keys (pausing between them, so that Esc is not read
// as Alt with what follows) until the session writes one of want or
// ends, which it reports. Keys that come while the session still works
// through earlier input may be dropped, or land in an overlay that input
// opened, so it presses them again, each time once the session has been
// still for a moment.
func (term *terminal) pressUntil(keys []string, want ...string) (ended bool) {
	term.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		term.waitStill(200*time.Millisecond, deadline)
		term.skip()
		for _, k := range keys {
			time.Sleep(60 * time.Millisecond)
			term.stdin.Write([]byte(k)) // fails once the session has ended
		}
		for wait := time.Now().Add(time.Second); time.Now().Before(wait); time.Sleep(20 * time.Millisecond) {
			select {
			case err := <-term.done:
				term.done <- err
				return true
			default:
			}
			s := term.screenText()
			for _, w := range want {
				if strings.Contains(s, w) {
					return false
				}
			}
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("pressing %q: no answer within 20 s; the screen:\n%s", keys, strings.Join(term.screen(), "\n"))
		}
	}
}

// waitStill waits until the session has written nothing for d.
func (term *terminal) waitStill(d time.Duration, deadline time.Time) {
	last, since := -1, time.Now()
	for time.Now().Before(deadline) {
		term.mu.Lock()
		n := term.out.Len()
		term.mu.Unlock()
		if n != last {
			last, since = n, time.Now()
		} else if time.Since(since) >= d {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// randomBytes is n seeded random bytes, without those in drop.
func randomBytes(seed uint64, n int, drop string) []byte {
	rng := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, 0, n)
	for len(b) < n {
		c := byte(rng.Uint32())
		if !strings.ContainsRune(drop, rune(c)) {
			b = append(b, c)
		}
	}
	return b
}

// printable is n bytes of typing, without q.
func printable(n int) []byte {
	const text = "the quick brown fox jumps over the lazy dog 0123456789 ,./;'[]-= "
	b := make([]byte, 0, n)
	for len(b) < n {
		for _, c := range []byte(text) {
			if c != 'q' && len(b) < n {
				b = append(b, c)
			}
		}
	}
	return b
}

func TestAbuseGarbageInput(t *testing.T) {
	if testing.Short() {
		t.Skip("a long abuse run; go test without -short runs it")
	}
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	const quitKeys = "q\x03"
	for _, tc := range []struct {
		name    string
		input   []byte
		mayQuit bool // the input holds the quit keys
	}{
		{"random binary", randomBytes(1, 64<<10, quitKeys), false},
		{"random binary with the quit keys", randomBytes(2, 64<<10, ""), true},
		{"invalid UTF-8", bytes.Repeat([]byte("\xff\xfe\xc0\xaf\xed\xa0\x80\xf8\x88\x80\x80\x80\x80\xbf\xe4\xb8"), 1024), false},
		{"unterminated OSC 11", []byte("\x1b]11;"), false},
		{"unterminated OSC 11, long", append([]byte("\x1b]11;rgb:"), bytes.Repeat([]byte("f"), 4096)...), false},
		{"unterminated DA1", []byte("\x1b[?62"), false},
		{"unterminated DA1, long", append([]byte("\x1b[?6"), bytes.Repeat([]byte("2;"), 4096)...), false},
		{"unterminated CSI", []byte("\x1b[1;2;3;4;5;6;7;8;9"), false},
		{"1 MiB bracketed paste", append(append([]byte("\x1b[200~"), printable(1<<20)...), "\x1b[201~"...), false},
		{"1 MiB paste", printable(1 << 20), false},
		// bubbletea would keep every later byte, waiting for the end.
		{"unterminated bracketed paste", []byte("\x1b[200~abc"), false},
		{"unterminated bracketed paste, long", append([]byte("\x1b[200~"), printable(256<<10)...), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := dialOK(t, srv, addr, newKey(t))
			term := openTerminal(t, c, termOptions{})
			term.waitScreen("[1 经济]")
			start := time.Now()
			sent := make(chan error, 1)
			go func() {
				_, err := term.stdin.Write(tc.input)
				sent <- err
			}()
			select {
			case err := <-sent:
				if err != nil && !tc.mayQuit {
					t.Fatalf("writing the input: %v", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("the server did not take the input within 20 s")
			}
			if bytes.Contains(tc.input, []byte(pasteStart)) && !bytes.Contains(tc.input, []byte(pasteEnd)) {
				// Until the input pauses, later keys are part of the paste.
				time.Sleep(pasteQuiet + 100*time.Millisecond)
			}
			// Back to a known state: Esc closes any overlay or search,
			// then 3 and 2 go to the second tab (by way of the third, in
			// case the garbage went there), in whichever language.
			ended := term.pressUntil([]string{"\x1b", "\x1b", "\x1b", "3", "2"}, "[2 工业]", "[2 Industry]")
			if ended && !tc.mayQuit {
				t.Errorf("the session ended without a q")
			}
			if !ended {
				t.Logf("the session answered after %v", time.Since(start).Round(time.Millisecond))
				term.pressUntil([]string{"\x1b", "q"})
			}
			err := term.wait()
			t.Logf("the session ended %v after the input: %v", time.Since(start).Round(time.Millisecond), err)
			if exitStatus(err) != 0 {
				t.Errorf("the session ended with %v (stderr %q), want status 0 from its q", err, term.errText())
			}
		})
	}
	servesNormally(t, srv, addr)
	eventually(t, "the sessions end", func() bool { return liveSessions(srv) == 0 })
	settle(t, before)
}

func TestAbuseSilentClientsUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a long abuse run; go test without -short runs it")
	}
	srv, addr := startServer(t, testConfig(t))
	before := baseline(t, srv, addr)
	const silent = 20
	var wg sync.WaitGroup
	times := make([]time.Duration, silent)
	terms := make([]*terminal, silent)
	for i := range silent {
		c := dialOK(t, srv, addr, newKey(t))
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			terms[i] = openTerminal(t, c, termOptions{silent: true})
			terms[i].waitScreen("[1 经济]")
			times[i] = time.Since(start)
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	slices.Sort(times)
	t.Logf("%d silent clients at once: first frame in %v to %v (ProbeTimeout %v)",
		silent, times[0].Round(time.Millisecond), times[silent-1].Round(time.Millisecond), srv.cfg.ProbeTimeout)
	if limit := srv.cfg.ProbeTimeout + 4*time.Second; times[silent-1] > limit {
		t.Errorf("the slowest silent client waited %v for its first frame, want at most %v", times[silent-1], limit)
	}
	// Each of them is usable, and so is a new session beside them.
	for _, term := range terms {
		term.press("2")
	}
	for _, term := range terms {
		waitTab(term, "[2 工业]")
	}
	servesNormally(t, srv, addr)
	for _, term := range terms {
		term.press("q")
		if err := term.wait(); err != nil {
			t.Errorf("q: %v", err)
		}
		term.client.Close()
	}
	eventually(t, "the sessions end", func() bool { return liveSessions(srv) == 0 })
	settle(t, before)
}
