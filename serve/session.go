package serve

import (
	"fmt"
	"io"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/ui"
)

// The largest terminal a session draws for: the dashboard's own limit.
// The protocol carries sizes up to 2³²−1 columns and rows, and drawing a
// frame that size would take the whole server's memory; a bigger
// terminal gets a dashboard of this size in its top-left corner.
const maxWidth, maxHeight = ui.MaxWidth, ui.MaxHeight

// windowSize is the size the dashboard is told for a client's window.
func windowSize(w, h int) tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: min(max(w, 0), maxWidth), Height: min(max(h, 0), maxHeight)}
}

// presenterReserve is how many presenter sessions may run beyond
// --max-sessions: a full room never keeps its presenter out.
const presenterReserve = 8

// Why a session ended, when not by the person's own q.
const (
	endServerStopping = "kmdash: the server is shutting down; thank you for watching."
	endError          = "kmdash: the session ended on an error; it has been logged."
)

// dashboard is one person's running dashboard.
type dashboard struct {
	prog *tea.Program
	box  *mailbox
	done chan struct{}

	mu     sync.Mutex
	reason string // the line the person reads when the server ends it
}

// end asks the dashboard to stop and says why ("" for no line). It does
// not wait for the program to take the message: Shutdown calls this
// holding the server's lock.
func (d *dashboard) end(reason string) {
	d.mu.Lock()
	if d.reason == "" {
		d.reason = reason
	}
	d.mu.Unlock()
	go d.prog.Quit()
}

// resize passes the client's new window size on; it never waits.
func (d *dashboard) resize(w, h int) { d.box.put(sizeSlot, windowSize(w, h)) }

// runDashboard runs the session's steps: the checks that may refuse it
// with one line, a place under --max-sessions (or the presenters'
// reserve), the dashboard itself, and the exit status.
func (s *Server) runDashboard(sc *channel) {
	if why := s.refusal(sc); why != "" {
		sc.refuse(why)
		return
	}
	role, name, _ := sc.conn.who()
	release, why := s.seat(role)
	if why != "" {
		s.log.Warn("refused", "remote", sc.conn.remote, "reason", "full", "role", roleName(role))
		sc.refuse(why)
		return
	}
	// The place is given back before the client learns the session
	// ended, so that reconnecting at once finds it free.
	defer release()
	if !s.admit() {
		sc.say(endServerStopping)
		sc.exit(1)
		return
	}
	defer s.active.Done()
	code := s.show(sc, role, name)
	release()
	sc.exit(code)
}

// refusal is the line a person reads when their session is not one the
// server offers, or "" when it is.
func (s *Server) refusal(sc *channel) string {
	sc.mu.Lock()
	pty, agent := sc.pty, sc.agent
	sc.mu.Unlock()
	sc.conn.mu.Lock()
	forward := sc.conn.forwardAsked
	sc.conn.mu.Unlock()
	switch {
	case pty == nil:
		return "the dashboard needs a terminal; connect with ssh -t."
	case agent:
		return "agent forwarding is refused; connect again with ssh -a."
	case forward:
		return "port forwarding is refused; connect again without -R or -L."
	}
	// A session starts only in a terminal the dashboard can draw in.
	if int(pty.Columns) < ui.MinWidth || int(pty.Rows) < ui.MinHeight {
		return fmt.Sprintf("the dashboard needs a terminal of at least %d×%d; this one is %d×%d.",
			ui.MinWidth, ui.MinHeight, pty.Columns, pty.Rows)
	}
	return ""
}

// seat takes a place for a session: presenters from their own reserve,
// everyone else under --max-sessions. release gives it back, once.
func (s *Server) seat(role ui.Role) (release func(), refusal string) {
	count, most := &s.viewers, int64(s.cfg.MaxSessions)
	if role == ui.Presenter {
		count, most = &s.presenters, presenterReserve
	}
	if count.Add(1) > most {
		count.Add(-1)
		if role == ui.Presenter {
			return nil, fmt.Sprintf("%d presenters are connected already; that is the most.", most)
		}
		return nil, fmt.Sprintf("the server is full (%d sessions); please try again later.", most)
	}
	var once sync.Once
	return func() { once.Do(func() { count.Add(-1) }) }, ""
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

// show is the dashboard, from the colour probe to the terminal restored;
// it returns the exit status.
func (s *Server) show(sc *channel, role ui.Role, name string) int {
	start := time.Now()
	sc.mu.Lock()
	pty := *sc.pty
	sc.mu.Unlock()
	env := sc.environ()
	look := s.lookOf(env)
	renderer := s.renderer(sc, pty.Term, env, look)

	d := &dashboard{box: newMailbox(), done: make(chan struct{})}
	defer close(d.done)
	opts := ui.Options{Pack: s.cfg.Pack, Lang: s.langOf(env), Now: s.cfg.Now(), Renderer: renderer, Role: role,
		Theme: s.themes.get(renderer, look.ASCII), Look: look, Layouts: s.layouts, Frames: s.frames}
	me, lead, leave := s.hub.join(role, name, d.box)
	defer leave()
	opts.Lead = lead
	switch role {
	case ui.Presenter:
		opts.OnMove = func(p ui.Position) { s.hub.move(me, p) }
		opts.OnReview = func(open bool) { s.hub.reviewMode(me, open) }
		// Only presenters record the review; a viewer's session has no
		// log to write to, and its r, m, ! and e say so.
		opts.Author = sc.conn.reviewAuthor()
		opts.Review = presenterLog{room: s.review, author: opts.Author}
	case ui.Viewer:
		opts.OnFollow = func(following bool) { s.hub.follow(me, following) }
	}
	// A GBK client's bytes are transcoded at the channel, after frames
	// and their paints are shared: every session shares the same UTF-8.
	out, in := look.Output(sc.ch), look.Input(sc.in.Input)
	scr := newScreen(out, s.paints)
	model := &drawn{Model: s.cfg.newModel(opts), screen: scr, log: s.log}
	d.prog = tea.NewProgram(model,
		tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithoutRenderer(),
		tea.WithoutSignalHandler(), tea.WithEnvironment(env),
	)
	d.box.put(sizeSlot, windowSize(int(pty.Columns), int(pty.Rows)))
	d.box.start(d.prog)

	sc.running(d)
	sc.conn.started(d)
	defer sc.conn.ended(d)
	s.mu.Lock()
	s.live[d] = true
	if s.stopping {
		d.end(endServerStopping) // Shutdown began while this session was starting
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.live, d)
		s.mu.Unlock()
	}()

	s.log.Info("session", "remote", sc.conn.remote, "role", roleName(role), "term", safeName(pty.Term),
		"width", pty.Columns, "height", pty.Rows, "dark", renderer.HasDarkBackground(), "ascii", look.ASCII, "gb18030", look.GB18030)
	_, err := d.prog.Run()
	scr.close()
	d.mu.Lock()
	reason := d.reason
	d.mu.Unlock()
	if model.panicked {
		reason = endError
	}
	if !s.waitScreen(scr, sc) {
		return 1 // the client stopped reading; its connection is closed
	}
	s.log.Info("session end", "remote", sc.conn.remote, "role", roleName(role),
		"duration", time.Since(start).Round(time.Millisecond), "dropped", sc.in.droppedBytes(), "error", err)
	switch {
	case reason != "":
		sc.say(reason)
		return 1
	case err != nil:
		sc.say(endError)
		return 1
	}
	return 0
}

// screenDrain is how long an ending session waits for its last frame
// and the terminal's restoring to be written.
const screenDrain = 2 * time.Second

// waitScreen waits for the screen's last write. A client that does not
// read holds it up for good; its connection is closed instead, which is
// all that can be done for a peer that does not take its own screen.
func (s *Server) waitScreen(scr *screen, sc *channel) bool {
	t := time.NewTimer(screenDrain)
	defer t.Stop()
	select {
	case <-scr.done:
		return true
	case <-t.C:
		s.log.Info("closing connection that does not read", "remote", sc.conn.remote)
		sc.conn.raw.Close()
		return false
	}
}
