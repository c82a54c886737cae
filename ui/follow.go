package ui

import "github.com/kmdash/kmdash/model"

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

// LeadMsg tells a viewer where the presenter now is.
type LeadMsg Position

// FollowersMsg tells the presenter how many viewers follow.
type FollowersMsg int

// position is this session's own Position.
func (a *App) position() Position {
	t := a.tabs[a.active]
	return Position{Tab: t.id, Item: t.current().id(), Detail: a.detail != nil}
}

// moveTo shows a position: its tab, its item, its detail.
func (a *App) moveTo(p Position) {
	for i, t := range a.tabs {
		if t.id != p.Tab {
			continue
		}
		a.active = i
		t.selectID(p.Item)
		a.detail = nil
		if p.Detail && t.count() > 0 {
			a.detail = newDetail(&a.ctx, t.current())
		}
		return
	}
}

// announce tells the server where the presenter went, once per change.
func (a *App) announce() {
	if a.role != Presenter || a.onMove == nil {
		return
	}
	if p := a.position(); p != a.announced {
		a.announced = p
		a.onMove(p)
	}
}

// reportFollowing tells the server when this viewer steps out or back in.
func (a *App) reportFollowing() {
	if a.role != Viewer || a.onFollow == nil || a.following == a.reported {
		return
	}
	a.reported = a.following
	a.onFollow(a.following)
}
