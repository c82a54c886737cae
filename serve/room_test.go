package serve

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// roomClient is one person in a room: a terminal that answers the
// colour query and reads the screen as plain text.
type roomClient struct {
	client *gossh.Client
	stdin  io.Writer
	mu     sync.Mutex
	out    bytes.Buffer
	more   chan struct{}
}

// joinRoom connects from local (nil: any address), opens a dashboard and
// waits until its screen shows want.
func joinRoom(srv *Server, addr string, local net.Addr, key gossh.Signer, want string) (*roomClient, error) {
	c, err := dialVia(srv, addr, net.Dialer{LocalAddr: local}, key)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	sess, stdin, stdout, err := ptySession(c, 120, 40)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("session: %w", err)
	}
	_ = sess
	rc := &roomClient{client: c, stdin: stdin, more: make(chan struct{}, 1)}
	go func() {
		buf := make([]byte, 16*1024)
		for {
			n, err := stdout.Read(buf)
			if bytes.Contains(buf[:n], []byte("\x1b]11;?")) {
				stdin.Write([]byte("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\\x1b[?62;22c"))
			}
			rc.mu.Lock()
			rc.out.Write(buf[:n])
			rc.mu.Unlock()
			select {
			case rc.more <- struct{}{}:
			default:
			}
			if err != nil {
				close(rc.more)
				return
			}
		}
	}()
	if err := rc.waitFor(want, 60*time.Second); err != nil {
		c.Close()
		return nil, err
	}
	return rc, nil
}

func (rc *roomClient) text() string {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return ansi.Strip(rc.out.String())
}

func (rc *roomClient) waitFor(want string, within time.Duration) error {
	deadline := time.After(within)
	for !strings.Contains(rc.text(), want) {
		select {
		case _, ok := <-rc.more:
			if !ok && !strings.Contains(rc.text(), want) {
				return fmt.Errorf("the session ended without showing %q", want)
			}
		case <-deadline:
			return fmt.Errorf("no %q within %v", want, within)
		}
	}
	return nil
}

// A room behind one address (a venue's NAT) connecting all at once gets
// in with the default limits, its presenter too.
func TestRoomBehindOneAddress(t *testing.T) {
	t.Parallel()
	people := 200
	if testing.Short() {
		people = 40
	}
	cfg := testConfig(t)
	presenterKey := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	if os.Getenv("KMDASH_TEST_LOG") != "" {
		cfg.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	srv, addr := startServer(t, cfg)

	var wg sync.WaitGroup
	var joined atomic.Int64
	errs := make(chan error, people+1)
	clients := make(chan *roomClient, people+1)
	start := make(chan struct{})
	for i := range people + 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			// The footer says each one's part in the room.
			key, want := newKey(t), "跟随主讲人"
			if i == people/2 {
				key, want = presenterKey, "人跟随"
			}
			c, err := joinRoom(srv, addr, nil, key, want)
			if err != nil {
				errs <- err
				return
			}
			joined.Add(1)
			clients <- c
		}()
	}
	began := time.Now()
	close(start)
	wg.Wait()
	close(errs)
	close(clients)
	for c := range clients {
		defer c.client.Close()
	}
	failed := 0
	for err := range errs {
		if failed++; failed <= 5 {
			t.Error(err)
		}
	}
	t.Logf("%d of %d people (one presenter) joined from 127.0.0.1 in %v", joined.Load(), people+1, time.Since(began).Round(time.Millisecond))
	if failed > 0 {
		t.Fatalf("%d of %d could not join", failed, people+1)
	}
}

// A source that aborts its handshakes again and again is refused, as
// sshd's PerSourcePenalties do; another address joins meanwhile, and
// the server's goroutines come back to where they were.
// It measures the process's goroutines, so it does not run in parallel.
func TestAbortedHandshakesPenaliseTheirSource(t *testing.T) {
	srv, addr := startServer(t, testConfig(t))
	other := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}
	c, err := joinRoom(srv, addr, other, newKey(t), "[1 经济]")
	if err != nil {
		t.Fatal(err)
	}
	c.client.Close()
	eventually(t, "the warm-up session ends", func() bool { return liveSessions(srv) == 0 })
	before := measure()

	refused := 0
	for i := range 1000 {
		conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(10 * time.Second))
		// A client's banner, then away before any authentication; every
		// other one waits for the server's banner first.
		conn.Write([]byte("SSH-2.0-abuse_1.0\r\n"))
		if i%2 == 1 {
			line := make([]byte, 8)
			if _, err := io.ReadFull(conn, line); err != nil {
				refused++ // closed without a banner: refused
			}
		}
		conn.Close()
	}
	t.Logf("of 500 aborted handshakes that waited for the banner, %d were refused", refused)
	eventually(t, "127.0.0.1 is refused", func() bool { return !probeConn(t, addr, nil) })
	if refused < 400 {
		t.Errorf("only %d of 500 later connections refused; the source should be refused after about 16", refused)
	}

	c, err = joinRoom(srv, addr, other, newKey(t), "[1 经济]")
	if err != nil {
		t.Fatalf("another address during the penalty: %v", err)
	}
	c.client.Close()
	eventually(t, "the session from the other address ends", func() bool { return liveSessions(srv) == 0 })
	settle(t, before)
}
