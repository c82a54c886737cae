package serve

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	lru "github.com/hashicorp/golang-lru/v2"
)

// screen draws one session's frames on the client's terminal. SSH
// sessions do not use bubbletea's renderer, for three reasons: it writes
// from inside the program, so a client that stops reading stops its
// program; it measures every changed line again in every session, where
// followers of one presenter show the same frame (ui.Frames makes it
// once); and it cannot be told to restore the terminal when a session is
// ended from outside. The screen writes from its own goroutine, only the
// latest frame and only the lines that changed, and whatever ends the
// session, leaves the terminal as it found it. Followers that show the
// same shared frames write the same bytes: those are worked out once
// (paints).
type screen struct {
	out    io.Writer
	paints *paints

	mu     sync.Mutex
	want   frame
	ending bool
	wake   chan struct{}
	done   chan struct{} // the writer has stopped
}

// frame is one whole screen and the terminal size it was drawn for; id
// names a frame shared through ui.Frames (0: one of the session's own).
type frame struct {
	text          string
	width, height int
	id            uint64
}

// The terminal modes a dashboard runs in, and their undoing: the
// alternate screen, no cursor, mouse clicks and wheel (SGR encoding),
// bracketed paste.
const (
	enterModes = ansi.SetAltScreenSaveCursorMode + ansi.HideCursor + ansi.SetButtonEventMouseMode +
		ansi.SetSgrExtMouseMode + ansi.SetBracketedPasteMode
	leaveModes = sgrReset + ansi.ResetBracketedPasteMode + ansi.ResetSgrExtMouseMode +
		ansi.ResetButtonEventMouseMode + ansi.ResetAnyEventMouseMode + ansi.ResetNormalMouseMode +
		ansi.ShowCursor + ansi.ResetAltScreenSaveCursorMode
	sgrReset = "\x1b[m"
)

func newScreen(out io.Writer, p *paints) *screen {
	s := &screen{out: out, paints: p, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go s.run()
	return s
}

// show asks for f to be drawn; an older frame not yet drawn is dropped.
func (s *screen) show(f frame) {
	s.mu.Lock()
	s.want = f
	s.mu.Unlock()
	s.poke()
}

// close draws the last frame asked for, restores the terminal and stops
// the writer. It does not wait: see wait.
func (s *screen) close() {
	s.mu.Lock()
	s.ending = true
	s.mu.Unlock()
	s.poke()
}

func (s *screen) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *screen) run() {
	defer close(s.done)
	var cur frame
	entered := false
	for range s.wake {
		s.mu.Lock()
		next, ending := s.want, s.ending
		s.mu.Unlock()
		// One write per frame: a shared paint goes out as it is, without
		// a copy; the modes are joined to it on the first and last.
		var out []byte
		if next.text != "" && next != cur {
			out = s.paints.get(cur, next)
			if !entered {
				out = append([]byte(enterModes), out...)
				entered = true
			}
			cur = next
		}
		if ending && entered {
			out = append(out[:len(out):len(out)], leaveModes...)
		}
		if len(out) > 0 {
			if _, err := s.out.Write(out); err != nil {
				return // the channel is gone
			}
		}
		if ending {
			return
		}
	}
}

// paints keeps the bytes that take a terminal from one shared frame to
// another, for every follower that makes the same step.
type paints struct {
	cache *lru.Cache[step, []byte] // never changed once made
}

// step is a change of screen between two shared frames at one size;
// from is 0 when the screen is drawn whole (first, or after a resize).
type step struct {
	from, to      uint64
	width, height int
}

func newPaints(size int) *paints {
	c, _ := lru.New[step, []byte](size)
	return &paints{cache: c}
}

// get is paint's bytes, worked out once for a step between shared frames.
func (p *paints) get(cur, next frame) []byte {
	k := step{to: next.id, width: next.width, height: next.height}
	if whole := cur.text == "" || cur.width != next.width || cur.height != next.height; !whole {
		k.from = cur.id
		if cur.id == 0 {
			k.to = 0 // from a frame of the session's own: nothing to share
		}
	}
	if p == nil || k.to == 0 {
		return paint(cur, next)
	}
	if b, ok := p.cache.Get(k); ok {
		return b
	}
	b := paint(cur, next)
	p.cache.Add(k, b)
	return b
}

// paint is what takes the terminal from showing cur to showing next:
// every line after a change of size, else the changed lines. Each line
// is written from its first column after an erase, with the style reset
// first so the erase leaves the terminal's own background.
func paint(cur, next frame) []byte {
	var b bytes.Buffer
	lines := strings.Split(next.text, "\n")
	var old []string
	if cur.text != "" && cur.width == next.width && cur.height == next.height {
		old = strings.Split(cur.text, "\n")
	} else {
		b.WriteString(sgrReset + ansi.EraseEntireScreen)
	}
	for i, l := range lines {
		if i < len(old) && old[i] == l {
			continue
		}
		b.WriteString(ansi.CursorPosition(1, i+1))
		if old != nil {
			b.WriteString(sgrReset + ansi.EraseEntireLine)
		}
		b.WriteString(l)
	}
	for i := len(lines); i < len(old); i++ {
		b.WriteString(ansi.CursorPosition(1, i+1) + sgrReset + ansi.EraseEntireLine)
	}
	b.WriteString(sgrReset)
	return b.Bytes()
}

// drawn wraps a session's model: after each message it hands the frame
// to the screen, and a panic in the model ends the session (the panic is
// logged) instead of the server.
type drawn struct {
	tea.Model
	screen        *screen
	log           *slog.Logger
	width, height int
	panicked      bool
}

func (d *drawn) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if d.panicked {
		return d, nil
	}
	if ws, ok := msg.(tea.WindowSizeMsg); ok {
		d.width, d.height = ws.Width, ws.Height
	}
	defer func() {
		if r := recover(); r != nil {
			d.panicked = true
			d.log.Error("panic", "detail", fmt.Sprint(r), "stack", string(debug.Stack()))
			m, cmd = d, tea.Quit
		}
	}()
	d.Model, cmd = d.Model.Update(msg)
	f := frame{text: d.Model.View(), width: d.width, height: d.height}
	if shared, ok := d.Model.(interface{ FrameID() uint64 }); ok {
		f.id = shared.FrameID()
	}
	d.screen.show(f)
	return d, cmd
}

// View is empty: the screen draws, not bubbletea.
func (d *drawn) View() string { return "" }
