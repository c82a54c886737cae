package serve

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// mailbox delivers messages from outside a session (its window size,
// the presenter's position, who presents, how many follow) to the
// session's program. It keeps only the latest message of each kind, and
// putting never waits: the hub and the SSH request loop must not be held
// up by a busy or stuck session, which only ever delays itself.
type mailbox struct {
	mu      sync.Mutex
	slots   [slotKinds]tea.Msg
	waiting bool
	wake    chan struct{}
	done    chan struct{}
	once    sync.Once
}

// The kinds of message a mailbox keeps one of, in delivery order.
type slot int

const (
	sizeSlot slot = iota
	presenceSlot
	leadSlot
	countSlot
	reviewSlot
	slotKinds
)

func newMailbox() *mailbox {
	return &mailbox{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// start delivers to p until close; what was put before is kept for it.
func (m *mailbox) start(p *tea.Program) {
	go func() {
		for {
			select {
			case <-m.wake:
			case <-m.done:
				return
			}
			for _, msg := range m.take() {
				p.Send(msg) // returns once the program has ended
			}
		}
	}()
}

// put replaces any message of the same kind not yet delivered.
func (m *mailbox) put(kind slot, msg tea.Msg) {
	m.mu.Lock()
	m.slots[kind] = msg
	m.mu.Unlock()
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

func (m *mailbox) take() []tea.Msg {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []tea.Msg
	for i, msg := range m.slots {
		if msg != nil {
			out = append(out, msg)
			m.slots[i] = nil
		}
	}
	return out
}

func (m *mailbox) close() { m.once.Do(func() { close(m.done) }) }
