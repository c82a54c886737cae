package serve

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/ui"
)

// hub carries the presenter's position to the viewers and the number of
// followers back to the presenters. It never waits on a session: each
// gets a mailbox that keeps only the latest message, emptied by the
// session's own goroutine, so a slow viewer only ever delays itself.
type hub struct {
	mu         sync.Mutex
	lead       ui.Position
	led        bool              // a presenter has moved at least once
	viewers    map[*mailbox]bool // value: following
	presenters map[*mailbox]bool
}

func newHub() *hub {
	return &hub{viewers: map[*mailbox]bool{}, presenters: map[*mailbox]bool{}}
}

// mailbox delivers the latest message to one program.
type mailbox struct {
	ch   chan tea.Msg
	done chan struct{}
}

func newMailbox(p *tea.Program) *mailbox {
	m := &mailbox{ch: make(chan tea.Msg, 1), done: make(chan struct{})}
	go func() {
		for {
			select {
			case msg := <-m.ch:
				p.Send(msg) // returns once the program has ended
			case <-m.done:
				return
			}
		}
	}()
	return m
}

// put replaces any message not yet delivered.
func (m *mailbox) put(msg tea.Msg) {
	for {
		select {
		case m.ch <- msg:
			return
		default:
		}
		select {
		case <-m.ch:
		default:
		}
	}
}

func (m *mailbox) close() { close(m.done) }

// join adds a session's program; the returned callbacks go into its
// ui.Options and leave must be called when the session ends.
func (h *hub) join(role ui.Role, p *tea.Program) (box *mailbox, leave func()) {
	box = newMailbox(p)
	h.mu.Lock()
	defer h.mu.Unlock()
	switch role {
	case ui.Presenter:
		h.presenters[box] = true
		box.put(ui.FollowersMsg(h.following()))
		return box, func() { h.remove(h.presenters, box) }
	case ui.Viewer:
		h.viewers[box] = true
		if h.led {
			box.put(ui.LeadMsg(h.lead))
		}
		h.tellPresenters()
		return box, func() { h.remove(h.viewers, box) }
	}
	return box, box.close
}

func (h *hub) remove(set map[*mailbox]bool, box *mailbox) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(set, box)
	box.close()
	h.tellPresenters()
}

// move is a presenter's OnMove.
func (h *hub) move(p ui.Position) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.lead, h.led = p, true
	for box := range h.viewers {
		box.put(ui.LeadMsg(p))
	}
}

// follow is a viewer's OnFollow.
func (h *hub) follow(box *mailbox, following bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.viewers[box]; ok {
		h.viewers[box] = following
		h.tellPresenters()
	}
}

func (h *hub) following() int {
	n := 0
	for _, f := range h.viewers {
		if f {
			n++
		}
	}
	return n
}

func (h *hub) tellPresenters() {
	n := ui.FollowersMsg(h.following())
	for box := range h.presenters {
		box.put(n)
	}
}
