package serve

import (
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/data/review"
	"github.com/kmdash/kmdash/ui"
)

// connection is the server's record of one TCP connection, from the
// moment it is let in to its close: how far its handshake got, who it
// proved to be, and the session channels it holds.
type connection struct {
	srv    *Server
	raw    net.Conn
	remote string
	src    netip.Prefix
	opened time.Time

	mu       sync.Mutex
	stage    stage
	tried    bool // an authentication method other than "none" failed
	timedOut bool
	user     string // as the client sent it, made safe for logs
	role     ui.Role
	name     string // the presenter's name, from their key's comment
	key      string // the proven key's fingerprint
	author   string // who a presenter's review entries name: key comment or fingerprint
	channels int    // session channels open, until each is fully closed
	// forwardAsked: the client asked for remote forwarding (ssh -R).
	forwardAsked bool
	running      map[*dashboard]bool
	ssh          *gossh.ServerConn // once the first channel opens
	grace        *time.Timer
	unused       *time.Timer // closes a connection that has no dashboard
	closed       chan struct{}
}

type stage int

const (
	handshaking stage = iota
	authenticated
	gone
)

type connKey struct{}

func connOf(ctx ssh.Context) *connection {
	c, _ := ctx.Value(connKey{}).(*connection)
	return c
}

// accept runs on every TCP connection before the SSH handshake: it asks
// admission, starts the login grace timer and watches for the close.
func (s *Server) accept(ctx ssh.Context, raw net.Conn) net.Conn {
	remote := raw.RemoteAddr().String()
	src := s.admission.sourceOf(raw.RemoteAddr())
	if why := s.admission.admit(src); why != "" {
		s.floods.note(src, "refused", remote, why)
		return nil
	}
	c := &connection{srv: s, raw: raw, remote: remote, src: src, opened: time.Now(),
		running: map[*dashboard]bool{}, closed: make(chan struct{})}
	c.grace = time.AfterFunc(s.cfg.LoginGraceTime, c.graceExceeded)
	ctx.SetValue(connKey{}, c)
	return &watchedConn{Conn: raw, onClose: c.onClose}
}

// graceExceeded closes a connection that has not authenticated within
// --login-grace-time. (An accepted key is not enough: a client may offer
// a key and never prove it holds it.)
func (c *connection) graceExceeded() {
	c.mu.Lock()
	late := c.stage == handshaking
	c.timedOut = late
	c.mu.Unlock()
	if late {
		c.raw.Close()
	}
}

// serverConfig adds kmdash's own callbacks to the SSH library's
// configuration of one connection.
func (s *Server) serverConfig(ctx ssh.Context) *gossh.ServerConfig {
	c := connOf(ctx)
	if c == nil {
		return &gossh.ServerConfig{}
	}
	return &gossh.ServerConfig{
		// The role is decided only once the client has signed with the
		// key: clients offer keys they may not hold.
		VerifiedPublicKeyCallback: func(meta gossh.ConnMetadata, key gossh.PublicKey, perms *gossh.Permissions, _ string) (*gossh.Permissions, error) {
			role, name, _ := s.access.role(key, meta.RemoteAddr(), time.Now())
			fingerprint := gossh.FingerprintSHA256(key)
			author := review.KeyAuthor(name, fingerprint)
			if role == ui.Presenter && name == "" {
				name = safeName(meta.User())
			}
			c.mu.Lock()
			c.role, c.name, c.key, c.author = role, name, fingerprint, author
			c.mu.Unlock()
			return perms, nil
		},
		AuthLogCallback: func(meta gossh.ConnMetadata, method string, err error) {
			switch {
			case err == nil:
				c.authenticated(meta.User())
			case method != "none":
				c.mu.Lock()
				c.tried = true
				c.mu.Unlock()
			}
		},
	}
}

// allowKey is asked for every key a client offers, proven or not.
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	return s.access.allows(key, ctx.RemoteAddr(), time.Now())
}

// allowKeyless lets a client that holds no key in to watch, when the
// server is open to any key anyway (no --authorized-keys): an audience
// should not need to make a key first, and a keyless laptop that fails
// public-key authentication would otherwise count as a failure against
// the venue's one shared address. Nothing is asked; there is no password.
// With --authorized-keys, only listed keys get in and this says no.
func (s *Server) allowKeyless(ctx ssh.Context, _ gossh.KeyboardInteractiveChallenge) bool {
	if s.access.authorized != nil {
		return false
	}
	if c := connOf(ctx); c != nil {
		c.mu.Lock()
		c.role, c.name, c.key = s.access.keylessRole(), "", "none"
		c.mu.Unlock()
	}
	return true
}

// authenticated moves the connection out of admission's count; from now
// on nothing it does is held against its source.
func (c *connection) authenticated(user string) {
	c.mu.Lock()
	c.stage = authenticated
	c.user = safeName(user)
	role, name, key := c.role, c.name, c.key
	c.grace.Stop()
	c.unused = time.AfterFunc(c.srv.cfg.IdleTimeout, c.closeUnused)
	c.mu.Unlock()
	c.srv.admission.leave(c.src)
	args := []any{"remote", c.remote, "user", c.user, "key", key, "role", roleName(role)}
	if name != "" {
		args = append(args, "name", name)
	}
	c.srv.log.Info("authenticated", args...)
}

// closeUnused closes an authenticated connection that has had no
// dashboard for --idle-timeout (ssh -N, or a client that opened none).
func (c *connection) closeUnused() {
	c.mu.Lock()
	idle := len(c.running) == 0
	c.mu.Unlock()
	if idle {
		c.srv.log.Info("closing unused connection", "remote", c.remote, "after", c.srv.cfg.IdleTimeout)
		c.raw.Close()
	}
}

// onClose runs once, when the connection closes for any reason.
func (c *connection) onClose() {
	c.mu.Lock()
	was := c.stage
	c.stage = gone
	c.grace.Stop()
	if c.unused != nil {
		c.unused.Stop()
	}
	failed := noAuth
	switch {
	case c.timedOut:
		failed = graceExceeded
	case c.tried:
		failed = authFailed
	}
	c.mu.Unlock()
	close(c.closed)
	s := c.srv
	took := time.Since(c.opened).Round(time.Millisecond)
	if was != handshaking {
		s.log.Info("disconnect", "remote", c.remote, "user", c.user, "duration", took)
		return
	}
	s.admission.leave(c.src)
	if s.isStopping() {
		return
	}
	s.floods.note(c.src, "handshake failed", c.remote, failed.String())
	if s.admission.penalise(c.src, failed) {
		s.log.Warn("source penalised", "source", c.src.String(), "last", failed.String())
	}
}

// openChannel counts a session channel in, if the connection has room.
func (c *connection) openChannel(conn *gossh.ServerConn) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.channels >= c.srv.cfg.SessionsPerConnection || c.stage == gone {
		return false
	}
	c.channels++
	if c.ssh == nil {
		c.ssh = conn
		go c.keepAlive(conn)
	}
	return true
}

func (c *connection) closeChannel() {
	c.mu.Lock()
	c.channels--
	c.mu.Unlock()
}

// started and ended keep the set of dashboards running on the
// connection, which --idle-timeout and refusals of forwarding act on.
func (c *connection) started(d *dashboard) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.running[d] = true
	if c.unused != nil {
		c.unused.Stop()
	}
}

func (c *connection) ended(d *dashboard) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.running, d)
	if len(c.running) == 0 && c.unused != nil && c.stage != gone {
		c.unused.Reset(c.srv.cfg.IdleTimeout)
	}
}

// endAll ends every dashboard on the connection with reason, and reports
// whether there was one.
func (c *connection) endAll(reason string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for d := range c.running {
		d.end(reason)
	}
	return len(c.running) > 0
}

// waitDashboards waits, a little, for the connection's dashboards to
// end after endAll.
func (c *connection) waitDashboards() {
	c.mu.Lock()
	var done []chan struct{}
	for d := range c.running {
		done = append(done, d.done)
	}
	c.mu.Unlock()
	deadline := time.After(screenDrain)
	for _, ch := range done {
		select {
		case <-ch:
		case <-deadline:
			return
		}
	}
}

// reviewAuthor is who the connection's review entries name.
func (c *connection) reviewAuthor() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.author
}

// who is the connection's proven identity.
func (c *connection) who() (role ui.Role, name, user string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.role, c.name, c.user
}

// watchedConn reports when a connection closes, once.
type watchedConn struct {
	net.Conn
	once    sync.Once
	onClose func()
}

func (w *watchedConn) Close() error {
	w.once.Do(w.onClose)
	return w.Conn.Close()
}
