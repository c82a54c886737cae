package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
)

// key handles one key press; overlays get first say. q and esc close the
// help, then the detail; only from the main screen does q quit (Update
// sees to that before calling here).
func (a *App) key(msg tea.KeyMsg) tea.Cmd {
	k := a.keys
	a.notice, a.clicked, a.rv.alert = "", nil, ""
	a.readyDetail()
	if a.search != nil {
		return a.searchKey(msg)
	}
	if a.scorecard != nil && a.scorecardKey(msg) {
		return nil
	}
	if a.described != nil {
		return a.describedKey(msg)
	}
	if a.showHelp {
		a.showHelp = false
		if key.Matches(msg, k.Help, k.Back, k.Quit) {
			return nil
		}
	}
	if ok, cmd := a.reviewKey(msg); ok {
		return cmd
	}
	if key.Matches(msg, k.navigation()...) {
		a.browseAlone() // a viewer's own navigation steps out of the room
	}
	if a.autoplay.on && key.Matches(msg, k.moves()...) {
		a.autoplay.stop()
	}
	switch {
	case key.Matches(msg, k.Tabs):
		if i := int(msg.Runes[0] - '1'); i < len(a.tabs) {
			a.setTab(i)
		}
	case key.Matches(msg, k.NextTab):
		a.apply(moveNextTab)
	case key.Matches(msg, k.PrevTab):
		a.apply(movePrevTab)
	case key.Matches(msg, k.Up, k.Down):
		up := key.Matches(msg, k.Up)
		switch {
		case a.detail != nil && up:
			a.detail.body.ScrollUp(1)
		case a.detail != nil:
			a.detail.body.ScrollDown(1)
		case up:
			a.apply(moveUp)
		default:
			a.apply(moveDown)
		}
	case key.Matches(msg, k.PageUp):
		a.scroller().PageUp()
	case key.Matches(msg, k.PageDown):
		a.scroller().PageDown()
	case key.Matches(msg, k.Open):
		a.open()
	case key.Matches(msg, k.Back, k.Quit):
		a.detail = nil
	case key.Matches(msg, k.NextIndicator):
		a.step(moveNextReview)
	case key.Matches(msg, k.PrevIndicator):
		a.step(movePrevReview)
	case key.Matches(msg, k.Search):
		a.search = newSearch(&a.ctx)
		return a.search.input.Focus()
	case key.Matches(msg, k.Language):
		a.setLang(a.ctx.Lang.Next())
	case key.Matches(msg, k.Autoplay):
		a.browseAlone() // a viewer's own slideshow is browsing
		return a.autoplay.toggle()
	case key.Matches(msg, k.Follow):
		a.toggleFollow()
	case key.Matches(msg, k.Help):
		a.showHelp = true
	case key.Matches(msg, k.Scorecard):
		a.scorecard = newScorecard(&a.ctx)
	case key.Matches(msg, k.Describe):
		a.scorecard = nil // the text tells the tab, not the overlay
		a.described = newDescribed()
	}
	return nil
}

// apply makes one of nav's moves.
func (a *App) apply(m move) {
	p, _ := a.nav().apply(place{tab: a.active, item: a.tabs[a.active].selected}, m)
	a.goTo(p)
}

// step moves to the next or previous indicator in review order, across
// tabs, and says where that is ("3/14") and when it came round; an open
// detail follows along.
func (a *App) step(m move) {
	n := a.nav()
	p, wrapped := n.apply(place{tab: a.active, item: a.tabs[a.active].selected}, m)
	open := a.detail != nil
	a.goTo(p)
	if open {
		a.detail = newDetail(&a.ctx, a.tabs[a.active].current())
	}
	w := a.ctx.Words
	// In review mode the footer's progress says where this is.
	if i := n.position(p, a.tabs[a.active].current().id()); i > 0 && !a.rv.open {
		a.notice = fmt.Sprintf(w.Position, i, len(n.review))
	}
	if wrapped {
		word := w.WrapStart
		if m == movePrevReview {
			word = w.WrapEnd
		}
		a.notice += a.ctx.sep() + word
	}
}

// open shows the selected item's detail.
func (a *App) open() {
	if t := a.tabs[a.active]; a.detail == nil && t.count() > 0 {
		a.detail = newDetail(&a.ctx, t.current())
	}
}

// scroller is the viewport page keys and the wheel act on: the
// scorecard or the detail when open.
func (a *App) scroller() *viewport.Model {
	if a.described != nil {
		return &a.described.body
	}
	if a.scorecard != nil {
		return &a.scorecard.body
	}
	if a.detail != nil {
		a.readyDetail()
		return &a.detail.body
	}
	return &a.tabs[a.active].body
}

func (a *App) searchKey(msg tea.KeyMsg) tea.Cmd {
	s := a.search
	switch msg.String() {
	case "esc":
		a.search = nil
		return nil
	case "enter":
		if h, ok := s.current(); ok {
			a.search = nil
			a.moveTo(Position{Tab: a.tabs[h.tab].id, Item: h.it.id()})
		}
		return nil
	case "up", "ctrl+p":
		s.move(-1)
		return nil
	case "down", "ctrl+n":
		s.move(1)
		return nil
	}
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	s.match(a.ctx.Pack)
	return cmd
}

// mouse handles clicks on tabs and cards and the wheel; it reports
// whether anything changed. A click selects a card; a second click on
// the card it selected opens its detail.
func (a *App) mouse(msg tea.MouseMsg) bool {
	if a.ctx.Width < MinWidth || a.ctx.Height < MinHeight || a.search != nil || a.rv.note != nil {
		return false
	}
	if a.scorecard != nil && msg.Button != tea.MouseButtonWheelUp && msg.Button != tea.MouseButtonWheelDown {
		return false // the wheel scrolls it; a click would act on what it covers
	}
	if a.showHelp {
		if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
			return false // the wheel would scroll the body hidden under the help
		}
		// A click closes the help as a key does; on the body it does not
		// also act on the item hidden beneath it.
		a.showHelp = false
		a.clicked = nil
		if msg.Y == 1 {
			a.mouse(msg) // the tab bar is not covered: a label there acts too
		}
		return true
	}
	body := a.scroller()
	switch {
	case msg.Button == tea.MouseButtonWheelUp:
		a.browseAlone()
		body.ScrollUp(3)
		return true
	case msg.Button == tea.MouseButtonWheelDown:
		a.browseAlone()
		body.ScrollDown(3)
		return true
	case msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft:
		return false
	case msg.Y == 1:
		for i, span := range a.tabSpans {
			if msg.X >= span[0] && msg.X < span[1] {
				a.browseAlone()
				a.clicked = nil
				a.setTab(i)
				return true
			}
		}
	case msg.Y >= chromeRows-1 && a.detail == nil && a.described == nil:
		i := a.tabs[a.active].itemAt(msg.X, msg.Y-(chromeRows-1))
		if i < 0 {
			return false
		}
		a.browseAlone()
		here := place{tab: a.active, item: i}
		if a.clicked != nil && *a.clicked == here {
			a.open()
			a.clicked = nil
			return true
		}
		a.clicked = &here
		a.goTo(here)
		return true
	}
	return false
}
