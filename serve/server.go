// Package serve is kmdash over SSH: a wish server that gives every
// session its own dashboard, lets a presenter lead the viewers, and
// refuses what it does not offer with a line the person can read.
package serve

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui"
)

// Config is everything `kmdash serve` can be told.
type Config struct {
	Listen         string // host:port; loopback unless opened deliberately
	HostKey        string // path; created on first start
	AuthorizedKeys string // path; empty lets any key in as a viewer
	PresenterKeys  string // path; empty makes every session independent
	MaxSessions    int
	IdleTimeout    time.Duration

	// HandshakeTimeout bounds the time from TCP connect to authenticated.
	HandshakeTimeout time.Duration
	// ProbeTimeout bounds the wait for a terminal's background colour.
	ProbeTimeout time.Duration
	// PerIPRate and PerIPBurst limit new connections from one address.
	PerIPRate  float64
	PerIPBurst int

	Pack *model.Pack
	Now  func() time.Time // the clock each session's calendar reads
	Log  *slog.Logger

	// newModel makes a session's model; tests replace it.
	newModel func(ui.Options) tea.Model
}

// Defaults are the values a bare `kmdash serve` uses.
func Defaults() Config {
	return Config{
		Listen:           "127.0.0.1:23234",
		MaxSessions:      200,
		IdleTimeout:      30 * time.Minute,
		HandshakeTimeout: 10 * time.Second,
		ProbeTimeout:     500 * time.Millisecond,
		PerIPRate:        3,
		PerIPBurst:       30,
	}
}

// Server is a running kmdash SSH server.
type Server struct {
	cfg      Config
	ssh      *ssh.Server
	access   access
	hub      *hub
	themes   themes
	layouts  *ui.Layouts // shared by every session
	limit    *ipLimiter
	log      *slog.Logger
	sessions atomic.Int64

	mu       sync.Mutex
	live     map[*session]bool
	stopping bool
	active   sync.WaitGroup // sessions until their exit status is sent

	// HostKeyCreated says the host key was generated on this start.
	HostKeyCreated bool
	// Fingerprint is the host key's SHA256 fingerprint, for people to
	// compare with what their ssh client shows on first connect.
	Fingerprint string
}

// New checks the configuration, reads or creates the host key and the
// key lists, and builds the server without listening yet.
func New(cfg Config) (*Server, error) {
	if cfg.Pack == nil {
		return nil, errors.New("serve: no data pack")
	}
	if cfg.MaxSessions < 1 {
		return nil, fmt.Errorf("--max-sessions %d: want at least 1", cfg.MaxSessions)
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.newModel == nil {
		cfg.newModel = func(o ui.Options) tea.Model { return ui.New(o) }
	}
	s := &Server{cfg: cfg, hub: newHub(), log: cfg.Log, live: map[*session]bool{}, layouts: ui.NewLayouts(sharedLayouts)}
	s.limit = newIPLimiter(cfg.PerIPRate, cfg.PerIPBurst)
	if cfg.HostKey == "" {
		path, err := DefaultHostKeyPath()
		if err != nil {
			return nil, err
		}
		s.cfg.HostKey = path
	}
	signer, created, err := hostKey(s.cfg.HostKey)
	if err != nil {
		return nil, err
	}
	s.HostKeyCreated = created
	s.Fingerprint = gossh.FingerprintSHA256(signer.PublicKey())
	if cfg.AuthorizedKeys != "" {
		if s.access.authorized, err = readKeys(cfg.AuthorizedKeys); err != nil {
			return nil, fmt.Errorf("--authorized-keys: %w", err)
		}
	}
	if cfg.PresenterKeys != "" {
		if s.access.presenters, err = readKeys(cfg.PresenterKeys); err != nil {
			return nil, fmt.Errorf("--presenter-keys: %w", err)
		}
	}

	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithIdleTimeout(cfg.IdleTimeout),
		wish.WithPublicKeyAuth(s.authenticate),
		wish.WithMiddleware(
			recover.MiddlewareWithLogger(slogPrinter{s.log}, s.handle),
		),
	)
	if err != nil {
		return nil, err
	}
	s.ssh.ConnCallback = s.accept
	s.ssh.SubsystemHandlers = map[string]ssh.SubsystemHandler{"default": s.refuseSubsystem}
	// Forwarding of any kind is off: no channel handler for direct-tcpip
	// and a refusal for tcpip-forward, which is noted so the session can
	// say why it ends.
	s.ssh.RequestHandlers = map[string]ssh.RequestHandler{
		"tcpip-forward": func(ctx ssh.Context, _ *ssh.Server, _ *gossh.Request) (bool, []byte) {
			ctx.SetValue(forwardAskedKey{}, true)
			return false, nil
		},
	}
	return s, nil
}

type forwardAskedKey struct{}

// sharedLayouts bounds the tab bodies sessions share: every item of
// every tab in both languages at a few window sizes. Only sizes up to
// 250×80 are shared, so the cache stays within about 10 MB even when a
// client walks through sizes to fill it.
const sharedLayouts = 256

// HostKeyPath is the file holding the server's host key.
func (s *Server) HostKeyPath() string { return s.cfg.HostKey }

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.cfg.Listen = ln.Addr().String()
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown tells every session the server is stopping, waits until
// they have ended (or ctx ends), then closes every connection.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.stopping = true
	for sess := range s.live {
		sess.end(endServerStopping)
	}
	s.mu.Unlock()
	ended := make(chan struct{})
	go func() {
		s.active.Wait()
		close(ended)
	}()
	select {
	case <-ended:
	case <-ctx.Done():
		s.log.Warn("shutdown: sessions still running at the deadline; closing them")
	}
	err := s.ssh.Close()
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// accept runs on every TCP connection before the SSH handshake: it
// rate-limits bursts from one address and bounds the handshake's time.
func (s *Server) accept(ctx ssh.Context, conn net.Conn) net.Conn {
	remote := conn.RemoteAddr().String()
	if !s.limit.allow(conn.RemoteAddr()) {
		s.log.Warn("refused", "remote", remote, "reason", "rate limit")
		return nil
	}
	s.log.Info("connect", "remote", remote)
	start := time.Now()
	timer := time.AfterFunc(s.cfg.HandshakeTimeout, func() {
		// The SSH library stores the connection in the context only once
		// the handshake, authentication included, has succeeded. (An
		// accepted key is not enough: clients may offer a key and never
		// prove they hold it.)
		if ctx.Value(ssh.ContextKeyConn) == nil {
			s.log.Warn("handshake timeout", "remote", remote)
			conn.Close()
		}
	})
	return &loggedConn{Conn: conn, onClose: func() {
		timer.Stop()
		s.log.Info("disconnect", "remote", remote, "duration", time.Since(start).Round(time.Millisecond))
	}}
}

// authenticate is the only way in: a public key, checked against the
// lists. It records the session's role for the handler.
func (s *Server) authenticate(ctx ssh.Context, key ssh.PublicKey) bool {
	role, ok := s.access.role(key)
	fp := gossh.FingerprintSHA256(key)
	if !ok {
		s.log.Warn("auth", "remote", ctx.RemoteAddr().String(), "user", ctx.User(), "key", fp, "result", "refused: key not authorized")
		return false
	}
	s.log.Info("auth", "remote", ctx.RemoteAddr().String(), "user", ctx.User(), "key", fp, "result", "accepted", "role", roleName(role))
	ctx.SetValue(roleKey{}, role)
	return true
}

type roleKey struct{}

// loggedConn reports when a connection closes, once.
type loggedConn struct {
	net.Conn
	once    sync.Once
	onClose func()
}

func (c *loggedConn) Close() error {
	c.once.Do(c.onClose)
	return c.Conn.Close()
}

// slogPrinter lets the recover middleware log through slog.
type slogPrinter struct{ log *slog.Logger }

func (p slogPrinter) Printf(format string, args ...any) {
	p.log.Error("panic", "detail", fmt.Sprintf(format, args...))
}
