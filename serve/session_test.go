package serve

import (
	"bytes"
	"context"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"

	"github.com/kmdash/kmdash/model"
)

// The detail overlay's key hint, in each language.
const (
	detailHintZh = "n/N 下一个/上一个指标"
	detailHintEn = "n/N next/previous indicator"
)

func TestSessionShowsDashboardAndObeysKeys(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	term.waitScreen("[1 经济]")

	steps := []struct {
		key  string
		want string // on the screen after the key
		gone string // no longer on the screen after the key
		bar  bool   // want is in the tab bar
	}{
		{key: "3", want: "[3 服务业]", bar: true},
		{key: "5", want: "[5 文旅]", bar: true},
		{key: "2", want: "[2 工业]", bar: true},
		{key: "4", want: "[4 房地产]", bar: true},
		{key: "1", want: "[1 经济]", bar: true},
		{key: "3", want: "[3 服务业]", bar: true},
		{key: "<enter>", want: detailHintZh},
		{key: "<esc>", gone: detailHintZh},
		{key: "L", want: "[3 Services]", gone: "[3 服务业]", bar: true},
		{key: "<enter>", want: detailHintEn},
		{key: "<esc>", gone: detailHintEn},
		{key: "4", want: "[4 Property]", bar: true},
	}
	for _, s := range steps {
		term.press(s.key)
		term.waitScreenFunc("the screen after "+s.key, func(screen string) bool {
			where := screen
			if s.bar {
				where = strings.Split(screen, "\n")[1]
			}
			return strings.Contains(where, s.want) && (s.gone == "" || !strings.Contains(screen, s.gone))
		})
	}

	term.press("q")
	if err := term.wait(); err != nil {
		t.Fatalf("q should end the session with exit status 0, got %v (stderr %q)", err, term.errText())
	}
}

// A client names its language with KMDASH_LANG or its locale; one that
// names none (nothing sent, or the C locale) gets the server's --lang,
// Chinese without it.
func TestSessionLanguageFromEnvironment(t *testing.T) {
	t.Parallel()
	type server struct {
		srv  *Server
		addr string
	}
	servers := map[model.Lang]server{}
	for _, l := range []model.Lang{"", model.En} {
		cfg := testConfig(t)
		cfg.Lang = l
		srv, addr := startServer(t, cfg)
		servers[l] = server{srv, addr}
	}
	for _, tc := range []struct {
		name   string
		server model.Lang
		env    map[string]string
		want   string
	}{
		{"no locale", "", nil, "[1 经济]"},
		{"LANG english", "", map[string]string{"LANG": "en_US.UTF-8"}, "[1 Economy]"},
		{"LC_ALL english", "", map[string]string{"LC_ALL": "en_GB.UTF-8"}, "[1 Economy]"},
		{"LANG chinese", "", map[string]string{"LANG": "zh_CN.UTF-8"}, "[1 经济]"},
		{"KMDASH_LANG over LANG", "", map[string]string{"KMDASH_LANG": "zh", "LANG": "en_US.UTF-8"}, "[1 经济]"},
		{"no locale, server en", model.En, nil, "[1 Economy]"},
		{"C locale, server en", model.En, map[string]string{"LANG": "C.UTF-8"}, "[1 Economy]"},
		{"LANG chinese, server en", model.En, map[string]string{"LANG": "zh_CN.UTF-8"}, "[1 经济]"},
		{"KMDASH_LANG zh, server en", model.En, map[string]string{"KMDASH_LANG": "zh"}, "[1 经济]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term := openTerminal(t, dialOK(t, servers[tc.server].srv, servers[tc.server].addr, newKey(t)), termOptions{env: tc.env})
			term.waitScreenFunc("the first frame", func(s string) bool { return strings.Contains(s, "[1 ") })
			if bar := term.tabBar(); !strings.Contains(bar, tc.want) {
				t.Errorf("tab bar %q, want %q", bar, tc.want)
			}
			term.press("q")
			if err := term.wait(); err != nil {
				t.Errorf("q: %v", err)
			}
		})
	}
}

// checkRefused checks a session ended with exit status 1 and a stderr
// line saying why.
func checkRefused(t *testing.T, err error, stderr, want string) {
	t.Helper()
	if got := exitStatus(err); got != 1 {
		t.Errorf("exit status %d (%v), want 1", got, err)
	}
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want it to say %q", stderr, want)
	}
}

// runPlain runs a session without a terminal: start starts it (shell,
// exec or subsystem); it returns the session's error and stderr.
func runPlain(t *testing.T, c *gossh.Client, pty bool, start func(*gossh.Session) error) (error, string) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	if pty {
		if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := start(sess); err != nil {
		t.Fatalf("start: %v", err)
	}
	err = waitSession(t, sess)
	if strings.Contains(stdout.String(), "经济") {
		t.Errorf("a refused session should not draw the dashboard; stdout: %q", stdout.String())
	}
	return err, stderr.String()
}

func TestSessionRefusals(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	plain := []struct {
		name  string
		pty   bool
		start func(*gossh.Session) error
		want  string
	}{
		{"shell without a pty", false, func(s *gossh.Session) error { return s.Shell() }, "needs a terminal"},
		{"exec", false, func(s *gossh.Session) error { return s.Start("ls") }, "commands are not run here"},
		{"exec with a pty", true, func(s *gossh.Session) error { return s.Start("ls") }, "commands are not run here"},
	}
	for _, tc := range plain {
		t.Run(tc.name, func(t *testing.T) {
			err, stderr := runPlain(t, dialOK(t, srv, addr, newKey(t)), tc.pty, tc.start)
			checkRefused(t, err, stderr, tc.want)
		})
	}

	t.Run("sftp subsystem", func(t *testing.T) {
		// A session started by a subsystem request cannot be waited on
		// with x/crypto/ssh, so the exit status is not checked here.
		sess, err := dialOK(t, srv, addr, newKey(t)).NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer sess.Close()
		stderr, err := sess.StderrPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.RequestSubsystem("sftp"); err != nil {
			t.Fatalf("subsystem request: %v", err)
		}
		got := make(chan []byte, 1)
		go func() {
			b, _ := io.ReadAll(stderr)
			got <- b
		}()
		select {
		case b := <-got:
			if want := "sftp is not offered here"; !strings.Contains(string(b), want) {
				t.Errorf("stderr %q, want it to say %q", b, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the sftp session did not end within 10 s")
		}
	})

	terminals := []struct {
		name  string
		setup func(t *testing.T, c *gossh.Client) termOptions
		want  string
	}{
		{"remote port forwarding", func(t *testing.T, c *gossh.Client) termOptions {
			if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
				ln.Close()
				t.Error("the server accepted a remote port forward")
			}
			return termOptions{}
		}, "port forwarding is refused"},
		{"agent forwarding", func(t *testing.T, c *gossh.Client) termOptions {
			return termOptions{beforeShell: agent.RequestAgentForwarding}
		}, "agent forwarding is refused"},
		{"terminal too small", func(t *testing.T, c *gossh.Client) termOptions {
			return termOptions{width: 40, height: 10}
		}, "at least 60×20"},
		{"terminal too narrow", func(t *testing.T, c *gossh.Client) termOptions {
			return termOptions{width: 59, height: 40}
		}, "at least 60×20"},
	}
	for _, tc := range terminals {
		t.Run(tc.name, func(t *testing.T) {
			c := dialOK(t, srv, addr, newKey(t))
			term := openTerminal(t, c, tc.setup(t, c))
			err := term.wait()
			checkRefused(t, err, term.errText(), tc.want)
			if s := strings.Join(term.screen(), "\n"); strings.Contains(s, "经济") {
				t.Errorf("a refused session should not draw the dashboard:\n%s", s)
			}
		})
	}

	t.Run("local port forwarding", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		c := dialOK(t, srv, addr, newKey(t))
		if conn, err := c.Dial("tcp", ln.Addr().String()); err == nil {
			conn.Close()
			t.Fatal("the server opened a direct-tcpip channel")
		}
		// The connection still serves the dashboard.
		term := openTerminal(t, c, termOptions{})
		term.waitScreen("[1 经济]")
	})
}

func TestSessionMaxSessions(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.MaxSessions = 1
	srv, addr := startServer(t, cfg)

	first := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	first.waitScreen("[1 经济]")

	second := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	checkRefused(t, second.wait(), second.errText(), "the server is full")

	// A refusal does not take the place of a running session.
	first.press("3")
	first.waitScreen("[3 服务业]")
	first.press("q")
	if err := first.wait(); err != nil {
		t.Fatalf("q: %v", err)
	}

	third := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	third.waitScreen("[1 经济]")
}

func TestHandshakeTimeout(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.LoginGraceTime = 200 * time.Millisecond
	cfg.IdleTimeout = time.Minute
	_, addr := startServer(t, cfg)

	t.Run("silent connection", func(t *testing.T) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		buf := make([]byte, 256)
		for {
			// The server's version line may come first; then the close.
			if _, err := conn.Read(buf); err != nil {
				if ne, ok := err.(net.Error); ok && ne.Timeout() {
					t.Fatal("the server kept a silent connection open for 10 s")
				}
				return
			}
		}
	})

	t.Run("key offered but never signed", func(t *testing.T) {
		// A client that offers a key the server accepts, then never proves
		// it holds the private key, has not authenticated.
		raw, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn := &closeWatch{Conn: raw, closed: make(chan struct{})}
		defer conn.Close()
		release := make(chan struct{})
		defer close(release)
		signer := stalledSigner{Signer: newKey(t), release: release}
		go gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
			User:            "audience",
			Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
			HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		})
		select {
		case <-conn.closed:
		case <-time.After(10 * time.Second):
			t.Fatal("the server kept an unauthenticated connection open for 10 s (--login-grace-time 200ms)")
		}
	})
}

// closeWatch reports when reading from it fails: the server closed it.
type closeWatch struct {
	net.Conn
	closed chan struct{}
	once   sync.Once
}

func (c *closeWatch) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if err != nil {
		c.once.Do(func() { close(c.closed) })
	}
	return n, err
}

// stalledSigner never signs until released.
type stalledSigner struct {
	gossh.Signer
	release chan struct{}
}

func (s stalledSigner) Sign(rand io.Reader, data []byte) (*gossh.Signature, error) {
	<-s.release
	return s.Signer.Sign(rand, data)
}

func TestShutdown(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	var terms []*terminal
	for range 2 {
		term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
		term.waitScreen("[1 经济]")
		terms = append(terms, term)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if ctx.Err() != nil {
		t.Error("Shutdown ran to its deadline instead of waiting for the sessions to end")
	}
	for i, term := range terms {
		err := term.wait()
		if got := exitStatus(err); got != 1 {
			t.Errorf("session %d: exit status %d (%v), want 1", i, got, err)
		}
		if !strings.Contains(term.errText(), "shutting down") {
			t.Errorf("session %d: stderr %q, want it to say the server is shutting down", i, term.errText())
		}
	}
	if c, err := dial(t, srv, addr, newKey(t)); err == nil {
		c.Close()
		t.Error("a dial after Shutdown got through")
	}
}

// A session the client goes away from, without q, must stop its
// dashboard and give its place back.
func TestSessionEndsWhenClientLeaves(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		leave func(*terminal)
		times int
	}{
		// A multiplexing client (ssh ControlMaster) closes the session's
		// channel and keeps the connection.
		{"channel closed", func(term *terminal) { term.session.Close() }, 1},
		{"channel closed, then the connection", func(term *terminal) {
			term.session.Close()
			term.wait()
			term.client.Close()
		}, 1},
		// Repeated: which of the connection's ends the server notices
		// first may vary.
		{"connection closed", func(term *terminal) { term.client.Close() }, 8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(t)
			cfg.MaxSessions = tc.times
			srv, addr := startServer(t, cfg)
			for range tc.times {
				term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
				term.waitScreen("[1 经济]")
				tc.leave(term)
			}
			defer func() { t.Logf("live %d, counted %d", liveSessions(srv), placesTaken(srv)) }()
			eventually(t, "every dashboard stops after its client left", func() bool {
				return liveSessions(srv) == 0 && placesTaken(srv) == 0
			})
			term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
			term.waitScreen("[1 经济]")
		})
	}
}
