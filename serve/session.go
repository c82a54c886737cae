package serve

import (
	"fmt"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"

	"github.com/kmdash/kmdash/ui"
)

// The largest terminal a session draws for. The protocol carries sizes
// up to 2³²−1 columns and rows, and drawing a frame that size would take
// the whole server's memory; a bigger terminal gets a dashboard of this
// size in its top-left corner.
const maxWidth, maxHeight = 1000, 500

// windowSize is the size the dashboard is told for a client's window.
func windowSize(w ssh.Window) tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: min(max(w.Width, 0), maxWidth), Height: min(max(w.Height, 0), maxHeight)}
}

// Why a session ended, when not by the person's own q.
const (
	endServerStopping = "kmdash: the server is shutting down; thank you for watching."
)

// session is one person's dashboard.
type session struct {
	prog   *tea.Program
	mu     sync.Mutex
	reason string
}

// end asks the session's program to stop and says why. It does not wait
// for the program to take the message: a program blocked writing to a
// client that does not read takes none until its connection closes, and
// Shutdown calls this holding the server's lock.
func (s *session) end(reason string) {
	s.mu.Lock()
	s.reason = reason
	s.mu.Unlock()
	go s.prog.Quit()
}

// handle is the middleware that runs the dashboard; everything before it
// in a session is a check that may refuse with one line.
func (s *Server) handle(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if msg := s.refusal(sess); msg != "" {
			s.log.Info("refused", "remote", sess.RemoteAddr().String(), "reason", msg)
			wish.Fatalln(sess, "kmdash: "+msg)
			return
		}
		if n := s.sessions.Add(1); n > int64(s.cfg.MaxSessions) {
			s.sessions.Add(-1)
			s.log.Warn("refused", "remote", sess.RemoteAddr().String(), "reason", "max sessions", "max", s.cfg.MaxSessions)
			wish.Fatalln(sess, fmt.Sprintf("kmdash: the server is full (%d sessions); please try again later.", s.cfg.MaxSessions))
			return
		}
		// The place is given back before the client learns the session
		// ended, so that reconnecting at once finds it free; the deferred
		// call covers a panic on the way.
		var release sync.Once
		defer release.Do(func() { s.sessions.Add(-1) })
		if !s.admit() {
			wish.Fatalln(sess, endServerStopping)
			return
		}
		defer s.active.Done()
		code := s.run(sess)
		release.Do(func() { s.sessions.Add(-1) })
		_ = sess.Exit(code)
		next(sess)
	}
}

// refusal is the line a person reads when their session is not one the
// server offers, or "" when it is.
func (s *Server) refusal(sess ssh.Session) string {
	pty, _, hasPty := sess.Pty()
	switch {
	case len(sess.Command()) > 0:
		return "commands are not run here; connect with plain ssh to see the dashboard."
	case !hasPty:
		return "the dashboard needs a terminal; connect with ssh -t."
	case ssh.AgentRequested(sess):
		return "agent forwarding is refused; connect again with ssh -a."
	case sess.Context().Value(forwardAskedKey{}) != nil:
		return "port forwarding is refused; connect again without -R or -L."
	}
	// A session starts only in a terminal the dashboard can draw in.
	if pty.Window.Width < ui.MinWidth || pty.Window.Height < ui.MinHeight {
		return fmt.Sprintf("the dashboard needs a terminal of at least %d×%d; this one is %d×%d.",
			ui.MinWidth, ui.MinHeight, pty.Window.Width, pty.Window.Height)
	}
	return ""
}

// admit counts a session in, unless the server is stopping.
func (s *Server) admit() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopping {
		return false
	}
	s.active.Add(1)
	return true
}

// refuseSubsystem answers sftp and any other subsystem.
func (s *Server) refuseSubsystem(sess ssh.Session) {
	s.log.Info("refused", "remote", sess.RemoteAddr().String(), "reason", "subsystem", "subsystem", sess.Subsystem())
	wish.Fatalln(sess, "kmdash: "+sess.Subsystem()+" is not offered here; connect with plain ssh to see the dashboard.")
}

// run is one session's dashboard, from the colour probe to the last
// frame; it returns the exit status.
func (s *Server) run(sess ssh.Session) int {
	start := time.Now()
	pty, windows, _ := sess.Pty()
	role, _ := sess.Context().Value(roleKey{}).(ui.Role)

	pump := startPump(sess)
	defer pump.stop()
	renderer := s.renderer(sess, pty.Term, pump)

	opts := ui.Options{Pack: s.cfg.Pack, Lang: langOf(sess), Now: s.cfg.Now(), Renderer: renderer, Role: role,
		Theme: s.themes.get(renderer), Layouts: s.layouts}
	var box *mailbox
	var prog *tea.Program
	var ready sync.WaitGroup
	ready.Add(1)
	switch role {
	case ui.Presenter:
		opts.OnMove = s.hub.move
	case ui.Viewer:
		// The program is made after its options; the callback waits for
		// the mailbox that needs the program.
		opts.OnFollow = func(following bool) {
			ready.Wait()
			s.hub.follow(box, following)
		}
	}
	prog = tea.NewProgram(s.cfg.newModel(opts),
		tea.WithInput(pump.Input), tea.WithOutput(sess),
		tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler(),
		tea.WithEnvironment(append(sess.Environ(), "TERM="+pty.Term)),
	)
	if role != ui.Alone {
		var leave func()
		box, leave = s.hub.join(role, prog)
		defer leave()
	}
	ready.Done()

	me := &session{prog: prog}
	s.mu.Lock()
	s.live[me] = true
	if s.stopping {
		// Shutdown began while this session was starting.
		me.end(endServerStopping)
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.live, me)
		s.mu.Unlock()
	}()

	// Window changes must always be read: the SSH library blocks the
	// session's requests until they are. They reach the program through a
	// mailbox that keeps only the latest size, so a storm of them costs a
	// few frames, not one each, and never waits on a busy program.
	sizes := newMailbox(prog)
	defer sizes.close()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case w, ok := <-windows:
				if !ok {
					// The client closed the session: bubbletea does not
					// stop at the end of its input, so it is told to.
					prog.Quit()
					return
				}
				sizes.put(windowSize(w))
			case <-sess.Context().Done():
				prog.Quit()
				return
			case <-stop:
				return
			}
		}
	}()

	s.log.Info("session", "remote", sess.RemoteAddr().String(), "user", sess.User(), "role", roleName(role),
		"term", pty.Term, "width", pty.Window.Width, "height", pty.Window.Height, "dark", renderer.HasDarkBackground())
	_, err := prog.Run()
	me.mu.Lock()
	reason := me.reason
	me.mu.Unlock()
	s.log.Info("session end", "remote", sess.RemoteAddr().String(), "role", roleName(role),
		"duration", time.Since(start).Round(time.Millisecond), "dropped", pump.droppedBytes(), "error", err)
	switch {
	case err != nil && reason == "":
		fmt.Fprintln(sess.Stderr(), "kmdash: the session ended on an error; it has been logged.")
		return 1
	case reason != "":
		fmt.Fprintln(sess.Stderr(), reason)
		return 1
	}
	return 0
}
