package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/data"
)

// The test harness: a real server on 127.0.0.1 and real SSH clients
// (golang.org/x/crypto/ssh) that behave like a terminal.

// newKey makes a client key pair.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeKeys writes an authorized_keys file holding keys.
func writeKeys(t testing.TB, keys ...gossh.Signer) string {
	t.Helper()
	var b bytes.Buffer
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	path := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// testConfig is a server configuration for tests: loopback on a free
// port, a fresh host key, the embedded pack and a fixed clock.
func testConfig(t testing.TB) Config {
	t.Helper()
	pack, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	cfg := Defaults()
	cfg.Listen = "127.0.0.1:0"
	cfg.HostKey = filepath.Join(t.TempDir(), "host_ed25519")
	cfg.NewHostKey = true
	cfg.Pack = pack
	now := time.Date(2025, 11, 25, 10, 0, 0, 0, time.UTC)
	cfg.Now = func() time.Time { return now }
	return cfg
}

// startServer runs a server until the test ends and returns its address.
func startServer(t testing.TB, cfg Config) (*Server, string) {
	t.Helper()
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	})
	return srv, ln.Addr().String()
}

// dial connects with key, checking the host key is the server's.
func dial(t testing.TB, srv *Server, addr string, key gossh.Signer) (*gossh.Client, error) {
	t.Helper()
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "audience",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if gossh.FingerprintSHA256(k) != srv.Fingerprint {
				t.Errorf("host key %s, want %s", gossh.FingerprintSHA256(k), srv.Fingerprint)
			}
			return nil
		},
		Timeout: 10 * time.Second,
	})
}

// terminal is an SSH session with a PTY, read the way a terminal would:
// it answers the background-colour query unless silent, and keeps what
// the server wrote so tests can wait for text to appear.
type terminal struct {
	t       testing.TB
	width   int
	height  int
	client  *gossh.Client
	session *gossh.Session
	stdin   interface{ Write([]byte) (int, error) }

	mu      sync.Mutex
	out     bytes.Buffer // everything written to stdout
	stderr  bytes.Buffer
	mark    int // start of what waitFor looks at
	gb18030 bool
	changed chan struct{}
	done    chan error
}

type termOptions struct {
	width, height int
	// ptyWidth and ptyHeight, when set, are the size the PTY request
	// asks for instead of width×height (the size the screen emulates).
	ptyWidth, ptyHeight int
	env                 map[string]string
	silent              bool // never answer the colour query
	gb18030             bool // the terminal reads and types GB18030
	background          string
	term                string // TERM; xterm-256color when empty
	// beforeShell runs on the new session before the PTY is requested,
	// for requests a real client makes first (agent forwarding).
	beforeShell func(*gossh.Session) error
}

// openTerminal starts a PTY session running the dashboard.
func openTerminal(t testing.TB, client *gossh.Client, o termOptions) *terminal {
	t.Helper()
	if o.width == 0 {
		o.width, o.height = 120, 40
	}
	if o.background == "" {
		o.background = "rgb:1e1e/1e1e/1e1e"
	}
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if o.beforeShell != nil {
		if err := o.beforeShell(sess); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range o.env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatalf("setenv %s: %v", k, err)
		}
	}
	ptyW, ptyH := o.width, o.height
	if o.ptyWidth != 0 || o.ptyHeight != 0 {
		ptyW, ptyH = o.ptyWidth, o.ptyHeight
	}
	if o.term == "" {
		o.term = "xterm-256color"
	}
	if err := sess.RequestPty(o.term, ptyH, ptyW, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, width: o.width, height: o.height, client: client, session: sess, stdin: stdin, changed: make(chan struct{}, 1), done: make(chan error, 1), gb18030: o.gb18030}
	sess.Stderr = &lockedWriter{mu: &term.mu, w: &term.stderr, changed: term.changed}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 32*1024)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				chunk := buf[:n]
				if !o.silent && bytes.Contains(chunk, []byte("\x1b]11;?")) {
					stdin.Write([]byte("\x1b]11;" + o.background + "\x1b\\\x1b[?62;22c"))
				}
				term.mu.Lock()
				term.out.Write(chunk)
				term.mu.Unlock()
				select {
				case term.changed <- struct{}{}:
				default:
				}
			}
			if err != nil {
				term.done <- sess.Wait()
				close(term.changed)
				return
			}
		}
	}()
	t.Cleanup(func() { sess.Close() })
	return term
}

type lockedWriter struct {
	mu      *sync.Mutex
	w       *bytes.Buffer
	changed chan struct{}
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// press types keys; a word in angle brackets is a named key.
func (term *terminal) press(keys ...string) {
	term.t.Helper()
	named := map[string]string{"<enter>": "\r", "<esc>": "\x1b", "<tab>": "\t"}
	for _, k := range keys {
		if s, ok := named[k]; ok {
			k = s
		}
		if term.gb18030 {
			k = toGB18030(term.t, k)
		}
		if _, err := term.stdin.Write([]byte(k)); err != nil {
			term.t.Fatalf("press %q: %v", k, err)
		}
	}
}

// skip moves the mark to the end of the output: later waits look only at
// what the server writes from now on.
func (term *terminal) skip() {
	term.mu.Lock()
	term.mark = term.out.Len()
	term.mu.Unlock()
}

// screenText is the output since the mark without escape sequences.
func (term *terminal) screenText() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return ansi.Strip(term.out.String()[term.mark:])
}

// waitFor waits until text appears in the output since the mark.
func (term *terminal) waitFor(text string) {
	term.t.Helper()
	deadline := time.After(10 * time.Second)
	for !strings.Contains(term.screenText(), text) {
		select {
		case _, open := <-term.changed:
			if !open && !strings.Contains(term.screenText(), text) {
				term.t.Fatalf("session ended without showing %q; it wrote:\n%s\nstderr: %s", text, tail(term.screenText()), term.errText())
			}
		case <-deadline:
			term.t.Fatalf("no %q within 10 s; the screen since the mark:\n%s", text, tail(term.screenText()))
		}
	}
}

func (term *terminal) errText() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.stderr.String()
}

// wait waits for the session to end and returns its exit error.
func (term *terminal) wait() error {
	term.t.Helper()
	select {
	case err := <-term.done:
		return err
	case <-time.After(10 * time.Second):
		term.t.Fatal("the session did not end within 10 s")
		return nil
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// dialOK connects with key and fails the test if it cannot; the client
// is closed when the test ends.
func dialOK(t testing.TB, srv *Server, addr string, key gossh.Signer) *gossh.Client {
	t.Helper()
	c, err := dial(t, srv, addr, key)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// exitStatus is the status in a session's exit error, 0 for nil and -1
// for an error that carries none (the connection was lost).
func exitStatus(err error) int {
	if err == nil {
		return 0
	}
	var ee *gossh.ExitError
	if errors.As(err, &ee) {
		return ee.ExitStatus()
	}
	return -1
}

// waitSession waits up to 10 s for a session without a terminal to end.
func waitSession(t testing.TB, sess *gossh.Session) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end within 10 s")
		return nil
	}
}

// eventually polls cond until it holds, failing after 10 s.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("within 10 s: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// liveSessions is how many dashboards the server is running.
func liveSessions(srv *Server) int {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return len(srv.live)
}

// screen is what a terminal of the session's size shows now: everything
// the server wrote, replayed through a small VT emulator.
func (term *terminal) screen() []string {
	term.mu.Lock()
	out := term.out.String()
	term.mu.Unlock()
	if term.gb18030 {
		out = fromGB18030(term.t, out)
	}
	v := newVT(term.width, term.height)
	v.write(out)
	return v.lines()
}

// screenLine is one row of the current screen, from 0.
func (term *terminal) screenLine(i int) string {
	lines := term.screen()
	if i < 0 {
		i += len(lines)
	}
	return lines[i]
}

// tabBar is the screen's second row, where the tabs are.
func (term *terminal) tabBar() string { return term.screenLine(1) }

// footer is the screen's last row: key help and the status.
func (term *terminal) footer() string { return term.screenLine(-1) }

// waitScreen waits until the current screen shows text.
func (term *terminal) waitScreen(text string) {
	term.t.Helper()
	term.waitScreenFunc(fmt.Sprintf("the screen to show %q", text), func(s string) bool {
		return strings.Contains(s, text)
	})
}

// waitScreenFunc waits until ok holds for the current screen.
func (term *terminal) waitScreenFunc(what string, ok func(screen string) bool) {
	term.t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		s := strings.Join(term.screen(), "\n")
		if ok(s) {
			return
		}
		select {
		case _, open := <-term.changed:
			if !open {
				if s := strings.Join(term.screen(), "\n"); !ok(s) {
					term.t.Fatalf("session ended before %s; the screen:\n%s\nstderr: %s", what, s, term.errText())
				}
				return
			}
		case <-deadline:
			term.t.Fatalf("no %s within 10 s; the screen:\n%s", what, strings.Join(term.screen(), "\n"))
		}
	}
}

// vt is as much of a terminal as the dashboard's output needs: printing
// with wide characters, cursor movement, erasing and the alternate screen.
type vt struct {
	w, h     int
	cells    [][]string // "" is blank, wideTail the right half of a wide character
	row, col int
}

const wideTail = "\x00"

func newVT(w, h int) *vt {
	v := &vt{w: w, h: h}
	v.cells = make([][]string, h)
	for i := range v.cells {
		v.cells[i] = make([]string, w)
	}
	return v
}

func (v *vt) erase(row, from, to int) {
	for c := max(0, from); c < min(v.w, to); c++ {
		v.cells[row][c] = ""
	}
}

func (v *vt) lineFeed() {
	if v.row < v.h-1 {
		v.row++
		return
	}
	copy(v.cells, v.cells[1:])
	v.cells[v.h-1] = make([]string, v.w)
}

func (v *vt) put(g string, width int) {
	if v.col+width > v.w {
		v.col = 0
		v.lineFeed()
	}
	v.cells[v.row][v.col] = g
	for k := 1; k < width && v.col+k < v.w; k++ {
		v.cells[v.row][v.col+k] = wideTail
	}
	v.col += width
}

func (v *vt) write(s string) {
	p := ansi.NewParser()
	var state byte
	for len(s) > 0 {
		seq, width, n, next := ansi.DecodeSequence(s, state, p)
		state = next
		s = s[n:]
		switch {
		case width > 0:
			v.put(seq, width)
		case seq == "\r":
			v.col = 0
		case seq == "\n":
			v.lineFeed()
		case seq == "\b":
			v.col = max(0, min(v.col, v.w-1)-1)
		case seq == "\t":
			v.col = min(v.w-1, (v.col/8+1)*8)
		case ansi.HasCsiPrefix(seq):
			v.csi(ansi.Cmd(p.Command()), p)
		}
	}
}

func (v *vt) csi(cmd ansi.Cmd, p *ansi.Parser) {
	arg := func(i, def int) int {
		n, _ := p.Param(i, def)
		if n == 0 && def == 1 {
			return 1
		}
		return n
	}
	clampCol := func() { v.col = max(0, min(v.col, v.w-1)) }
	if cmd.Prefix() == '?' {
		if m := arg(0, 0); (m == 1049 || m == 1047 || m == 47) && (cmd.Final() == 'h' || cmd.Final() == 'l') {
			for r := range v.cells {
				v.erase(r, 0, v.w)
			}
		}
		return
	}
	if cmd.Prefix() != 0 || cmd.Intermediate() != 0 {
		return
	}
	switch cmd.Final() {
	case 'A':
		v.row = max(0, v.row-arg(0, 1))
	case 'B':
		v.row = min(v.h-1, v.row+arg(0, 1))
	case 'C':
		clampCol()
		v.col = min(v.w-1, v.col+arg(0, 1))
	case 'D':
		clampCol()
		v.col = max(0, v.col-arg(0, 1))
	case 'G':
		v.col = max(0, min(v.w-1, arg(0, 1)-1))
	case 'd':
		v.row = max(0, min(v.h-1, arg(0, 1)-1))
	case 'H', 'f':
		v.row = max(0, min(v.h-1, arg(0, 1)-1))
		v.col = max(0, min(v.w-1, arg(1, 1)-1))
	case 'J':
		switch arg(0, 0) {
		case 0:
			v.erase(v.row, v.col, v.w)
			for r := v.row + 1; r < v.h; r++ {
				v.erase(r, 0, v.w)
			}
		case 1:
			for r := 0; r < v.row; r++ {
				v.erase(r, 0, v.w)
			}
			v.erase(v.row, 0, v.col+1)
		default:
			for r := range v.cells {
				v.erase(r, 0, v.w)
			}
		}
	case 'K':
		switch arg(0, 0) {
		case 0:
			v.erase(v.row, v.col, v.w)
		case 1:
			v.erase(v.row, 0, v.col+1)
		default:
			v.erase(v.row, 0, v.w)
		}
	}
}

func (v *vt) lines() []string {
	out := make([]string, v.h)
	for r, row := range v.cells {
		var b strings.Builder
		for _, c := range row {
			switch c {
			case wideTail:
			case "":
				b.WriteByte(' ')
			default:
				b.WriteString(c)
			}
		}
		out[r] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// placesTaken is how many sessions hold a place, presenters included.
func placesTaken(srv *Server) int64 { return srv.viewers.Load() + srv.presenters.Load() }
