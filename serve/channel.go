package serve

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// kmdash answers a session channel's requests itself instead of through
// the SSH library's session handler or wish's bubbletea middleware,
// because each needs a bound the library does not give: the library
// keeps every env request, waits on whoever reads window changes (a
// session that stopped reading left its request loop blocked, and a
// goroutine behind, for good), and leaves a channel's unread data in a
// 2 MiB window. Here env is bounded in count and size, window changes go
// to the dashboard's mailbox (latest only) and never wait, and the
// channel's input is read from the moment it opens, by one goroutine
// that bounds what waits.

// Bounds on what one session channel may ask for.
const (
	maxEnv      = 32   // variables kept; more are refused
	maxEnvBytes = 1024 // name and value together
	maxTermName = 64
)

// channel is one session channel: what the client asked for before its
// shell, and the dashboard once it runs.
type channel struct {
	srv  *Server
	conn *connection
	ch   gossh.Channel
	in   *inputPump // reads the channel from the moment it opens

	mu      sync.Mutex
	env     []string
	envSize int
	pty     *ptyRequest
	agent   bool // agent forwarding was asked for
	started bool // shell, exec or subsystem
	gone    bool // the channel has closed
	dash    *dashboard
	exited  bool
}

type ptyRequest struct {
	Term                  string
	Columns, Rows         uint32
	WidthPixel, HeightPix uint32
	Modes                 string
}

type windowChange struct{ Columns, Rows, WidthPixel, HeightPixel uint32 }

// openSession is the handler for "session" channels.
func (s *Server) openSession(_ *ssh.Server, conn *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	c := connOf(ctx)
	if c == nil || !c.openChannel(conn) {
		if c != nil {
			// Summarised per source: a client can ask for thousands.
			s.floods.note(c.src, "refused", c.remote, "sessions per connection")
		}
		nc.Reject(gossh.ResourceShortage, fmt.Sprintf("kmdash: at most %d sessions per connection", s.cfg.SessionsPerConnection))
		return
	}
	defer c.closeChannel()
	ch, reqs, err := nc.Accept()
	if err != nil {
		return
	}
	sc := &channel{srv: s, conn: c, ch: ch, in: startPump(ch)}
	sc.serve(reqs)
}

// serve answers the channel's requests until the channel closes; then it
// ends the dashboard, if one runs.
func (sc *channel) serve(reqs <-chan *gossh.Request) {
	for req := range reqs {
		ok := sc.request(req)
		if req.WantReply {
			req.Reply(ok, nil)
		}
	}
	sc.mu.Lock()
	d := sc.dash
	sc.gone = true
	sc.mu.Unlock()
	if d != nil {
		d.end("")
	}
	sc.in.stop()
}

// request handles one request and says whether it was granted.
func (sc *channel) request(req *gossh.Request) bool {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	switch req.Type {
	case "env":
		var kv struct{ Name, Value string }
		n := len(req.Payload)
		if sc.started || len(sc.env) >= maxEnv || n > maxEnvBytes || gossh.Unmarshal(req.Payload, &kv) != nil {
			return false
		}
		sc.env = append(sc.env, kv.Name+"="+kv.Value)
		return true
	case "pty-req":
		var p ptyRequest
		if sc.started || sc.pty != nil || gossh.Unmarshal(req.Payload, &p) != nil || len(p.Term) > maxTermName {
			return false
		}
		p.Modes = "" // not used; not kept
		sc.pty = &p
		return true
	case "window-change":
		var w windowChange
		if sc.pty == nil || gossh.Unmarshal(req.Payload, &w) != nil {
			return false
		}
		sc.pty.Columns, sc.pty.Rows = w.Columns, w.Rows
		if sc.dash != nil {
			sc.dash.resize(int(w.Columns), int(w.Rows))
		}
		return true
	case "auth-agent-req@openssh.com":
		sc.agent = true
		return true // refused, with a line, when the shell starts
	case "shell", "exec", "subsystem":
		if sc.started {
			return false
		}
		sc.started = true
		go sc.start(req.Type, req.Payload)
		return true
	}
	return false // signal, break, x11-req and anything else
}

// start runs what the client asked for: the dashboard, or a refusal.
func (sc *channel) start(kind string, payload []byte) {
	var arg struct{ Value string }
	gossh.Unmarshal(payload, &arg)
	switch kind {
	case "exec":
		sc.refuse("commands are not run here; connect with plain ssh to see the dashboard.")
	case "subsystem":
		sc.srv.log.Info("refused", "remote", sc.conn.remote, "reason", "subsystem", "subsystem", safeName(arg.Value))
		sc.refuse(safeName(arg.Value) + " is not offered here; connect with plain ssh to see the dashboard.")
	default:
		sc.srv.runDashboard(sc)
	}
}

// refuse says why in one line and closes the channel with status 1.
func (sc *channel) refuse(why string) {
	sc.srv.log.Info("refused", "remote", sc.conn.remote, "reason", why)
	sc.say("kmdash: " + why)
	sc.exit(1)
}

// say writes one line to the client's stderr. The client's terminal is
// raw while a PTY is open, so the line ends with CR LF.
func (sc *channel) say(line string) {
	io.WriteString(sc.srv.lookOf(sc.environ()).Output(sc.ch.Stderr()), line+"\r\n")
}

// exit sends the exit status and closes the channel, once.
func (sc *channel) exit(code int) {
	sc.mu.Lock()
	done := sc.exited
	sc.exited = true
	sc.mu.Unlock()
	if done {
		return
	}
	status := struct{ Status uint32 }{uint32(code)}
	sc.ch.SendRequest("exit-status", false, gossh.Marshal(&status))
	sc.ch.Close()
}

// running records the channel's dashboard, which ends at once if the
// channel closed while it was starting.
func (sc *channel) running(d *dashboard) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.dash = d
	if sc.gone {
		d.end("")
	}
}

// environ is what the client sent with env, then TERM from its PTY.
func (sc *channel) environ() environ {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	env := append([]string(nil), sc.env...)
	if sc.pty != nil {
		env = append(env, "TERM="+sc.pty.Term)
	}
	return env
}

// refuseForward answers direct-tcpip (ssh -L, -W) and its Unix-socket
// cousin. A dashboard open on the same connection ends first, with its
// terminal restored and the reason in one line; the request is then left
// unanswered and the connection closed, because ssh prints a refusal of
// its own, and it would land after the dashboard's line, saying the same
// again. Without a dashboard, the refusal is ssh's one line.
func (s *Server) refuseForward(_ *ssh.Server, _ *gossh.ServerConn, nc gossh.NewChannel, ctx ssh.Context) {
	const why = "port forwarding is refused; connect again without -L, -D or -W."
	c := connOf(ctx)
	if c == nil {
		nc.Reject(gossh.Prohibited, "kmdash: "+why)
		return
	}
	s.floods.note(c.src, "refused", c.remote, "port forwarding")
	if !c.endAll("kmdash: " + why) {
		nc.Reject(gossh.Prohibited, "kmdash: "+why)
		return
	}
	c.waitDashboards()
	// ssh would wait for the answer: the connection is closed once its
	// last lines have had a moment to arrive.
	select {
	case <-c.closed:
	case <-time.After(forwardGrace):
		c.raw.Close()
	}
}

const forwardGrace = 250 * time.Millisecond
