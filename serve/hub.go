package serve

import (
	"slices"
	"sync"
	"time"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui"
)

// hub is the room: where it is, who presents, who follows. Presenters
// share one position and the room follows whoever moved last; every
// session is told who presents, and presenters how many follow. The hub
// never waits on a session: it only puts messages in mailboxes.
type hub struct {
	mu         sync.Mutex
	lead       ui.Position
	led        bool             // someone has moved the room
	mover      *member          // who moved it last
	viewers    map[*member]bool // value: following
	presenters []*member        // in the order they joined

	// Counts reach presenters at most once per countEvery, and only when
	// they changed: a viewer toggling f, or a room arriving, does not
	// make the number flicker or redraw the presenter's screen for each.
	countEvery time.Duration
	counting   *time.Timer
	counted    ui.FollowersMsg

	// reviewed is the room's review as last told (roomReview), for
	// sessions that join after it: its entries, and Open while any
	// presenter in holding has review mode on.
	reviewed *ui.ReviewMsg
	holding  map[*member]bool
}

// member is one session in the room.
type member struct {
	box  *mailbox
	name string // a presenter's name
}

const countEvery = time.Second

func newHub() *hub {
	return &hub{viewers: map[*member]bool{}, holding: map[*member]bool{}, countEvery: countEvery}
}

// join adds a session and returns where the room is, if anywhere, for
// the session to start at. leave must be called when it ends.
func (h *hub) join(role ui.Role, name string, box *mailbox) (m *member, lead *ui.Position, leave func()) {
	m = &member{box: box, name: name}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.led {
		p := h.lead
		lead = &p
	}
	if h.reviewed != nil && role != ui.Alone {
		box.put(reviewSlot, *h.reviewed)
	}
	switch role {
	case ui.Presenter:
		h.presenters = append(h.presenters, m)
		h.counted = h.counts()
		for _, p := range h.presenters {
			p.box.put(countSlot, h.counted)
		}
		h.tellPresence()
	case ui.Viewer:
		h.viewers[m] = true
		box.put(presenceSlot, h.presenceFor(nil))
		h.countChanged()
	default:
		return m, nil, box.close
	}
	return m, lead, func() { h.leave(m) }
}

func (h *hub) leave(m *member) {
	h.mu.Lock()
	defer h.mu.Unlock()
	m.box.close()
	if _, ok := h.viewers[m]; ok {
		delete(h.viewers, m)
		h.countChanged()
		return
	}
	h.presenters = slices.DeleteFunc(h.presenters, func(p *member) bool { return p == m })
	if h.mover == m {
		h.mover = nil
	}
	h.tellPresence()
	// A presenter who leaves holds no review open any more: once none
	// does, the viewers' review mode ends.
	if h.holding[m] {
		delete(h.holding, m)
		h.tellReviewMode()
	}
}

// move is a presenter's OnMove: the room goes there, other presenters
// too.
func (h *hub) move(from *member, p ui.Position) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.lead, h.led = p, true
	for v := range h.viewers {
		v.box.put(leadSlot, ui.LeadMsg(p))
	}
	for _, o := range h.presenters {
		if o != from {
			o.box.put(leadSlot, ui.LeadMsg(p))
		}
	}
	if h.mover != from {
		h.mover = from
		h.tellPresence()
	}
}

// review tells every session of the room, following or not, the room's
// review as kept.
func (h *hub) review(entries []model.ReviewEntry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	msg := ui.ReviewMsg{Entries: entries, Open: len(h.holding) > 0}
	h.reviewed = &msg
	for v := range h.viewers {
		v.box.put(reviewSlot, msg)
	}
	for _, p := range h.presenters {
		p.box.put(reviewSlot, msg)
	}
}

// reviewMode is a presenter's OnReview: the room's review is open while
// any presenter holds it open.
func (h *hub) reviewMode(m *member, open bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !slices.Contains(h.presenters, m) || h.holding[m] == open {
		return // a session that left, or nothing changed
	}
	if open {
		h.holding[m] = true
	} else {
		delete(h.holding, m)
	}
	h.tellReviewMode()
}

// tellReviewMode tells the viewers whether the review is open, if that
// changed; h.mu is held. Presenters keep their own review mode, so they
// are not told.
func (h *hub) tellReviewMode() {
	open := len(h.holding) > 0
	if h.reviewed == nil {
		if !open {
			return // the room never had a review
		}
		h.reviewed = &ui.ReviewMsg{}
	}
	if h.reviewed.Open == open {
		return
	}
	msg := ui.ReviewMsg{Entries: h.reviewed.Entries, Open: open}
	h.reviewed = &msg
	for v := range h.viewers {
		v.box.put(reviewSlot, msg)
	}
}

// follow is a viewer's OnFollow.
func (h *hub) follow(m *member, following bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.viewers[m]; ok {
		h.viewers[m] = following
		h.countChanged()
	}
}

// position is where the room is.
func (h *hub) position() (ui.Position, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.lead, h.led
}

func (h *hub) counts() ui.FollowersMsg {
	var c ui.FollowersMsg
	for _, f := range h.viewers {
		if f {
			c.Following++
		} else {
			c.Browsing++
		}
	}
	return c
}

// countChanged schedules telling the presenters; h.mu is held.
func (h *hub) countChanged() {
	if h.counting != nil || len(h.presenters) == 0 {
		return
	}
	h.counting = time.AfterFunc(h.countEvery, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		h.counting = nil
		if c := h.counts(); c != h.counted {
			h.counted = c
			for _, p := range h.presenters {
				p.box.put(countSlot, c)
			}
		}
	})
}

// tellPresence tells everyone who presents now; h.mu is held.
func (h *hub) tellPresence() {
	all := h.presenceFor(nil)
	for v := range h.viewers {
		v.box.put(presenceSlot, all)
	}
	for _, p := range h.presenters {
		p.box.put(presenceSlot, h.presenceFor(p))
	}
}

// presenceFor is what one session is told: a viewer (nil) every
// presenter, a presenter the others and who leads.
func (h *hub) presenceFor(me *member) ui.PresenceMsg {
	var msg ui.PresenceMsg
	for _, p := range h.presenters {
		if p != me {
			msg.Presenters = append(msg.Presenters, p.name)
		}
	}
	if me != nil {
		msg.Leading = h.mover == me
		if h.mover != nil && h.mover != me {
			msg.Mover = h.mover.name
		}
	}
	return msg
}
