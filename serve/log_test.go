package serve

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// logRecords keeps what the server logs, for tests to read.
type logRecords struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logRecords) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(lockedLog{l}, nil))
}

type lockedLog struct{ l *logRecords }

func (w lockedLog) Write(p []byte) (int, error) {
	w.l.mu.Lock()
	defer w.l.mu.Unlock()
	return w.l.buf.Write(p)
}

func (l *logRecords) lines(with string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, line := range strings.Split(l.buf.String(), "\n") {
		if strings.Contains(line, with) {
			out = append(out, line)
		}
	}
	return out
}

// The role is logged once the key is proven: a presenter's key offered
// and never signed with makes nobody a presenter, in the log or the room.
func TestRoleLoggedOnlyWhenProven(t *testing.T) {
	t.Parallel()
	var logs logRecords
	cfg := testConfig(t)
	presenter, viewer := newKey(t), newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenter)
	cfg.Log = logs.logger()
	srv, addr := startServer(t, cfg)

	// Offers the presenter's key, is told it would do, then never signs.
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	offered := make(chan struct{})
	go gossh.NewClientConn(raw, addr, &gossh.ClientConfig{
		User:            "mallory",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signOffered{stalledSigner{Signer: presenter, release: release}, offered})},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	select {
	case <-offered: // the server said the key would do; the client is asked to sign
	case <-time.After(10 * time.Second):
		t.Fatal("the client was never asked to sign")
	}
	raw.Close()
	close(release)

	term := openTerminal(t, dialOK(t, srv, addr, viewer), termOptions{})
	term.waitScreen("跟随主讲人")
	eventuallyIn(t, 5*time.Second, "the unproven connection's end in the log", func() bool {
		return len(logs.lines("handshake failed")) == 1
	})
	auth := logs.lines("msg=authenticated")
	if len(auth) != 1 || !strings.Contains(auth[0], "role=viewer") || !strings.Contains(auth[0], gossh.FingerprintSHA256(viewer.PublicKey())) {
		t.Fatalf("authentication log %q, want one line: the viewer's key, role=viewer", auth)
	}
	if p := logs.lines("presenter"); len(p) > 0 {
		t.Fatalf("a presenter's key that was offered but never proven was logged: %q", p)
	}
}

// signOffered reports when it is asked to sign: the server has accepted
// the key it offered.
type signOffered struct {
	gossh.Signer
	asked chan struct{}
}

func (s signOffered) Sign(r io.Reader, data []byte) (*gossh.Signature, error) {
	close(s.asked)
	return s.Signer.Sign(r, data)
}

// A flood of failures from one source is one line, then one line per
// interval while it lasts; user names are quoted safely and bounded.
func TestFloodLogSummarises(t *testing.T) {
	t.Parallel()
	var logs logRecords
	f := newFloodLog(logs.logger(), 100*time.Millisecond)
	defer f.stop()
	one, two := netip.MustParsePrefix("10.0.0.1/32"), netip.MustParsePrefix("10.0.0.2/32")
	for range 1000 {
		f.note(one, "handshake failed", "10.0.0.1:5000", "closed without authenticating")
	}
	f.note(two, "refused", "10.0.0.2:5000", refusedPenalty)
	if got := len(logs.lines("level=WARN")); got != 2 {
		t.Fatalf("%d lines for 1,001 events from two sources, want one each", got)
	}
	eventuallyIn(t, 5*time.Second, "the summary line", func() bool { return len(logs.lines("count=999")) == 1 })
	if n := len(logs.lines("source=10.0.0.2")); n != 0 {
		t.Errorf("a source with one event got a summary: %d lines", n)
	}

	for in, want := range map[string]string{
		"alice":                   "alice",
		"王老师":                     "王老师",
		"evil\x1b[2J\nuser":       `evil\x1b[2J\nuser`,
		"bad\xffutf8":             "bad\ufffdutf8",
		strings.Repeat("a", 5000): strings.Repeat("a", maxName) + "…",
		strings.Repeat("名", 100):  strings.Repeat("名", maxName/3) + "…",
	} {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%.20q) = %.80q, want %.80q", in, got, want)
		}
	}
}

func eventuallyIn(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("no %s within %v", what, d)
		case <-time.After(10 * time.Millisecond):
		}
	}
}
