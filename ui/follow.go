package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"

	"github.com/kmdash/kmdash/model"
)

// Role is what a session does when several people watch one dashboard.
type Role int

// The roles: a local run or an SSH session nobody leads; the presenter
// who drives; a viewer who follows the presenter unless browsing alone.
const (
	Alone Role = iota
	Presenter
	Viewer
)

// Position is the part of a screen a viewer mirrors: the tab, the
// selected item and whether its detail is open. Language, size and
// scrolling stay each viewer's own.
type Position struct {
	Tab    model.TabID
	Item   string
	Detail bool
}

// LeadMsg tells a session where the room now is: a viewer who follows
// goes there, and so does every presenter, so that presenters drive one
// shared position and the room follows whoever moved last.
type LeadMsg Position

// FollowersMsg tells a presenter how many viewers follow and how many
// browse alone.
type FollowersMsg struct{ Following, Browsing int }

// PresenceMsg tells a session who presents. A viewer gets every
// presenter; a presenter gets the others, and whether the room follows
// this presenter (Mover empty) or another (Mover names them).
type PresenceMsg struct {
	Presenters []string
	Mover      string
	Leading    bool // for a presenter: the room follows this one
}

// follow is one session's part in a presented room: its role, whether
// it follows, where the room is, who presents, and what it last told the
// server. A viewer who navigates, clicks, scrolls or starts autoplay
// browses alone until f.
type follow struct {
	role      Role
	following bool
	lead      Position
	hasLead   bool
	counts    FollowersMsg
	presence  PresenceMsg
	announced Position // a presenter's position as the server knows it
	onMove    func(Position)
	onFollow  func(bool)
	reported  bool // the following state last passed to onFollow
}

func newFollow(o Options) follow {
	return follow{role: o.Role, following: o.Role == Viewer, reported: o.Role == Viewer,
		onMove: o.OnMove, onFollow: o.OnFollow}
}

// startFollowing places a new dashboard where the room already is, so
// that a presenter who reconnects picks up the room's position instead
// of sending everyone back to the first tab.
func (a *App) startFollowing(o Options) {
	if o.Lead != nil && a.follow.role != Alone {
		a.follow.lead, a.follow.hasLead = *o.Lead, true
		a.moveTo(*o.Lead)
	}
	a.follow.announced = a.position()
}

// onLead handles the room's new position.
func (a *App) onLead(p Position) {
	f := &a.follow
	f.lead, f.hasLead = p, true
	switch {
	case f.role == Presenter:
		// The server sent p, so it knows it; should this dashboard not
		// have that place, announce tells the server where it is instead.
		a.moveTo(p)
		f.announced = p
	case f.role == Viewer && f.following:
		a.moveTo(p)
		// A refusal was about where this viewer was; the room has moved
		// on, and the footer says so again.
		a.rv.clearRefusal(a.rv.alertGen)
	}
}

// browseAlone is what a viewer's own navigation means.
func (a *App) browseAlone() {
	if a.follow.role == Viewer {
		a.follow.following = false
	}
}

// toggleFollow is f: a viewer steps back in at the room's position, or
// out to browse alone.
func (a *App) toggleFollow() {
	f := &a.follow
	if f.role != Viewer {
		return
	}
	f.following = !f.following
	if f.following {
		a.autoplay.stop()
		if f.hasLead {
			a.moveTo(f.lead)
		}
	}
}

// position is this session's own Position.
func (a *App) position() Position {
	t := a.tabs[a.active]
	return Position{Tab: t.id, Item: t.current().id(), Detail: a.detail != nil}
}

// moveTo shows a position: its tab, its item, its detail. A follower's
// detail is drawn only if this session draws its own frame: followers
// that share one never need it.
func (a *App) moveTo(p Position) {
	for i, t := range a.tabs {
		if t.id != p.Tab {
			continue
		}
		a.active = i
		t.selectID(p.Item)
		a.detail = nil
		if p.Detail && t.count() > 0 {
			a.detail = &detail{it: t.current(), body: viewport.New(0, 0)}
		}
		return
	}
}

// readyDetail draws a detail opened by following before a key or the
// wheel scrolls it: one that took shared frames was never drawn.
func (a *App) readyDetail() {
	if a.detail != nil {
		a.detail.draw(&a.ctx)
	}
}

// announce tells the server where the presenter went, once per change.
func (a *App) announce() {
	f := &a.follow
	if f.role != Presenter || f.onMove == nil {
		return
	}
	if p := a.position(); p != f.announced {
		f.announced = p
		f.onMove(p)
	}
}

// reportFollowing tells the server when this viewer steps out or back in.
func (a *App) reportFollowing() {
	f := &a.follow
	if f.role != Viewer || f.onFollow == nil || f.following == f.reported {
		return
	}
	f.reported = f.following
	f.onFollow(f.following)
}

// followStatus is the footer's word on the room: following or waiting
// for a presenter, browsing alone, or for a presenter how many follow
// and who else presents.
func (a *App) followStatus() string {
	f, w := &a.follow, a.ctx.Words
	switch f.role {
	case Viewer:
		switch {
		case !f.following:
			return w.Browsing
		case len(f.presence.Presenters) == 0:
			return w.Waiting
		}
		return w.Following
	case Presenter:
		// What a presenter looks at most comes first: the footer cuts
		// from the end when the window is narrow.
		parts := []string{fmt.Sprintf(w.Followers, f.counts.Following)}
		if f.counts.Browsing > 0 {
			parts = append(parts, fmt.Sprintf(w.Browsers, f.counts.Browsing))
		}
		others := f.presence.Presenters
		switch {
		case len(others) == 0:
			parts = append([]string{w.Presenting}, parts...)
		case f.presence.Leading:
			parts = append(parts, w.RoomFollowsYou)
		case f.presence.Mover != "":
			parts = append(parts, fmt.Sprintf(w.RoomFollows, truncate(f.presence.Mover, presenterNames)))
		}
		// The other presenters, less the one just named as leading.
		var also []string
		for _, name := range others {
			if name != f.presence.Mover || f.presence.Leading {
				also = append(also, name)
			}
		}
		if len(also) > 0 {
			parts = append(parts, fmt.Sprintf(w.CoPresenting, truncate(strings.Join(also, w.Doc.ListSep), presenterNames)))
		}
		return strings.Join(parts, " · ")
	}
	return ""
}

// presenterNames is how many cells of names the footer gives.
const presenterNames = 16
