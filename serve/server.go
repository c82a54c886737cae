// Package serve is kmdash over SSH: a wish server that gives every
// session its own dashboard, lets presenters lead the room, admits
// connections as sshd does, bounds what any one client can take, and
// refuses what it does not offer with a line the person can read.
//
// The server is wish's (charmbracelet/ssh over x/crypto/ssh), but the
// session is kmdash's own, not wish's bubbletea middleware, and
// admission is not wish's ratelimiter middleware: the middleware gives
// no bound on a session's requests or windows, no way to share frames
// among followers, and no way to restore a client's terminal when the
// server ends a session; a per-address rate limit refuses a room behind
// one NAT, where sshd's counting of unauthenticated connections and
// penalties for failures do not (channel.go, admission.go, screen.go).
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui"
)

// Config is everything `kmdash serve` can be told.
type Config struct {
	Listen         string // host:port; loopback unless opened deliberately
	HostKey        string // path; the default one is created on first start
	NewHostKey     bool   // create HostKey (and its directory) if missing
	AuthorizedKeys string // path; empty lets any key in as a viewer
	PresenterKeys  string // path; empty makes every session independent

	MaxSessions           int // dashboards, presenters apart
	SessionsPerConnection int
	// IdleTimeout closes a connection that has no dashboard for this
	// long. A dashboard itself is never closed for want of keys.
	IdleTimeout time.Duration
	// ClientAliveInterval and ClientAliveCountMax find dead peers, as
	// sshd's options of those names.
	ClientAliveInterval time.Duration
	ClientAliveCountMax int
	// LoginGraceTime bounds the time from TCP connect to authenticated.
	LoginGraceTime time.Duration

	// Admission, as sshd's MaxStartups, PerSourceMaxStartups,
	// PerSourcePenalties, PerSourceNetBlockSize and
	// PerSourcePenaltyExemptList.
	MaxStartups          Startups
	PerSourceMaxStartups int
	PerSourcePenalties   Penalties
	PerSourceNetblock    Netblock
	PenaltyExempt        Prefixes

	// ProbeTimeout bounds the wait for a terminal's background colour.
	ProbeTimeout time.Duration

	// Look is every session's look where its client does not say
	// otherwise: kmdash serve's own --theme and --ascii. A client's
	// KMDASH_THEME, KMDASH_ASCII, RUNEWIDTH_EASTASIAN and locale win.
	Look ui.Look
	// Lang is every session's language where its client names none
	// (KMDASH_LANG, or a zh or en locale): kmdash serve's own --lang;
	// Chinese when empty.
	Lang model.Lang

	Pack *model.Pack
	Now  func() time.Time // the clock each session's calendar reads
	Log  *slog.Logger
	// Review is where presenters' reviews are kept, one store for every
	// session; nil keeps none.
	Review model.ReviewLog

	// newModel makes a session's model; tests replace it.
	newModel func(ui.Options) tea.Model
}

// Defaults are the values a bare `kmdash serve` uses. Where sshd has an
// option of the same meaning its default is kept, except that admission
// lets a room of a few hundred behind one address connect at once (sshd
// lets 10 handshake freely and refuses more and more of the rest), and
// liveness is checked every 15 s (sshd: never).
func Defaults() Config {
	return Config{
		Listen:                "127.0.0.1:23234",
		MaxSessions:           200,
		SessionsPerConnection: 4,
		IdleTimeout:           5 * time.Minute,
		ClientAliveInterval:   15 * time.Second,
		ClientAliveCountMax:   3,
		LoginGraceTime:        2 * time.Minute,
		MaxStartups:           Startups{Start: 512, Rate: 30, Full: 1024},
		PerSourceMaxStartups:  256,
		PerSourcePenalties:    DefaultPenalties(),
		PerSourceNetblock:     Netblock{IPv4: 32, IPv6: 128},
		ProbeTimeout:          500 * time.Millisecond,
	}
}

// Server is a running kmdash SSH server.
type Server struct {
	cfg       Config
	ssh       *ssh.Server
	access    access
	admission *admission
	hub       *hub
	review    *roomReview
	themes    themes
	layouts   *ui.Layouts // shared by every session
	frames    *ui.Frames  // likewise
	paints    *paints     // the bytes between shared frames
	log       *slog.Logger
	floods    *floodLog

	viewers, presenters atomic.Int64 // sessions holding a place

	mu       sync.Mutex
	live     map[*dashboard]bool
	stopping bool
	active   sync.WaitGroup // sessions until their exit status is sent

	// HostKeyCreated says the host key was generated on this start.
	HostKeyCreated bool
	// Fingerprint is the host key's SHA256 fingerprint, for people to
	// compare with what their ssh client shows on first connect.
	Fingerprint string
}

// sharedLayouts bounds the tab bodies sessions share: every item of
// every tab in both languages at a few window sizes. Only sizes up to
// 250×80 are shared, so the cache stays within about 10 MB even when a
// client walks through sizes to fill it. sharedFrames bounds the whole
// frames likewise: a few looks (size, language, theme) times the places
// a presenter visits; sharedPaints the steps between them.
const sharedLayouts, sharedFrames, sharedPaints = 256, 256, 512

// New checks the configuration, reads or creates the host key and the
// key lists, and builds the server without listening yet.
func New(cfg Config) (*Server, error) {
	if err := cfg.Check(); err != nil {
		return nil, err
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
	s := &Server{cfg: cfg, hub: newHub(), log: cfg.Log, live: map[*dashboard]bool{},
		layouts: ui.NewLayouts(sharedLayouts), frames: ui.NewFrames(sharedFrames), paints: newPaints(sharedPaints)}
	s.review = &roomReview{store: cfg.Review, pack: cfg.Pack.ID, hub: s.hub, log: cfg.Log}
	s.admission = newAdmission(cfg)
	s.floods = newFloodLog(cfg.Log, floodInterval)
	signer, err := s.hostKey()
	if err != nil {
		return nil, err
	}
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
		wish.WithPublicKeyAuth(s.allowKey),
		wish.WithKeyboardInteractiveAuth(s.allowKeyless),
	)
	if err != nil {
		return nil, err
	}
	s.ssh.ConnCallback = s.accept
	s.ssh.ServerConfigCallback = s.serverConfig
	s.ssh.ChannelHandlers = map[string]ssh.ChannelHandler{
		"session":                        s.openSession,
		"direct-tcpip":                   s.refuseForward,
		"direct-streamlocal@openssh.com": s.refuseForward,
	}
	// Remote forwarding is refused, and noted so the session can say why.
	s.ssh.RequestHandlers = map[string]ssh.RequestHandler{
		"tcpip-forward": func(ctx ssh.Context, _ *ssh.Server, _ *gossh.Request) (bool, []byte) {
			if c := connOf(ctx); c != nil {
				c.mu.Lock()
				c.forwardAsked = true
				c.mu.Unlock()
			}
			return false, nil
		},
	}
	return s, nil
}

// Run serves kmdash serve: it listens on cfg.Listen, tells out where
// and with which host key (and that the key is new, if it is), and
// serves until ctx ends (on SIGINT or SIGTERM), then gives sessions a few
// seconds to end.
func Run(ctx context.Context, cfg Config, out io.Writer) error {
	srv, err := New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return err
	}
	if srv.HostKeyCreated {
		fmt.Fprintf(out, "kmdash: created a new host key at %s\n", srv.HostKeyPath())
	}
	fmt.Fprintf(out, "kmdash serving on %s\nhost key %s (%s)\n", ln.Addr(), srv.Fingerprint, srv.HostKeyPath())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(out, "kmdash: stopping; ending every session")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

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
	for d := range s.live {
		d.end(endServerStopping)
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
	s.floods.stop()
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

func (s *Server) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}
