package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
)

// reviewKey handles r, m, ! and e; it reports whether msg was one of
// them. Each either changes nothing and says why in the footer, or
// returns the tea.Cmd that reads or writes the store.
func (a *App) reviewKey(msg tea.KeyMsg) (bool, tea.Cmd) {
	k := a.keys
	switch {
	case key.Matches(msg, k.Review):
		return true, a.startReview()
	case key.Matches(msg, k.Mark):
		return true, a.toggle(model.MarkReviewed)
	case key.Matches(msg, k.Flag):
		return true, a.toggle(model.MarkFlagged)
	case key.Matches(msg, k.Note):
		return true, a.openNote()
	}
	return false, nil
}

// refusal is why this dashboard may not record a review, or "": a viewer
// watches the presenter's, and a session with no store has none.
func (a *App) refusal() string {
	w := a.ctx.Words.Session
	switch {
	case a.follow.role == Viewer:
		return w.ReadOnly
	case a.rv.log == nil:
		return w.NoPresenter
	}
	return ""
}

// startReview is r: it reads the review (the store is opened for the
// first time here, never at start-up) and goes to the first indicator in
// review order; in review mode, r ends it.
func (a *App) startReview() tea.Cmd {
	w := a.ctx.Words.Session
	if why := a.refusal(); why != "" {
		return a.rv.refuse(why)
	}
	switch {
	case a.rv.opening:
		return nil
	case a.rv.open:
		a.rv.open = false
		a.notice = w.Closed
		return nil
	}
	a.rv.opening = true
	a.notice = w.Opening
	return a.rv.openCmd(a.ctx.Pack.ID)
}

// target is the indicator m, ! and e act on: the selected one, in review
// mode, in a dashboard that records. Otherwise it says why not, for the
// footer.
func (a *App) target() (ind *model.Indicator, why string) {
	w := a.ctx.Words.Session
	ind = a.tabs[a.active].current().ind
	why = a.refusal()
	switch {
	case why != "":
	case a.rv.opening:
		why = w.Opening // its marks are not known yet, so neither is what m would do
	case !a.rv.open:
		why = w.StartFirst
	case ind == nil:
		why = w.NotIndicator
	}
	return ind, why
}

// toggle is m and !: the mark goes on, or comes off if it is on. Taking
// one off is an entry of its own, so the record keeps who changed their
// mind and when.
func (a *App) toggle(mark model.EntryKind) tea.Cmd {
	ind, why := a.target()
	if why != "" {
		return a.rv.refuse(why)
	}
	it, kind := a.ctx.Marks.Of(ind.ID), mark
	switch {
	case mark == model.MarkReviewed && it.Reviewed != nil:
		kind = model.MarkUnreviewed
	case mark == model.MarkFlagged && it.Flagged != nil:
		kind = model.MarkUnflagged
	}
	return a.rv.writeCmd(model.ReviewEntry{Pack: a.ctx.Pack.ID, Indicator: ind.ID, Kind: kind})
}

// openNote is e: the note editor on the selected indicator, holding the
// draft of a note not kept yet, if there is one.
func (a *App) openNote() tea.Cmd {
	ind, why := a.target()
	if why != "" {
		return a.rv.refuse(why)
	}
	a.rv.note = newNoteEditor(&a.ctx, ind, a.rv.drafts[ind.ID])
	return nil
}

// scorecardKey is a key while the scorecard is open: the arrows and page
// keys scroll it, q, esc and S close it; it reports whether the key is
// done with. Any other key closes it and then does what it does, as
// under the help.
func (a *App) scorecardKey(msg tea.KeyMsg) bool {
	k, body := a.keys, &a.scorecard.body
	switch {
	case key.Matches(msg, k.Up):
		body.ScrollUp(1)
	case key.Matches(msg, k.Down):
		body.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		body.PageUp()
	case key.Matches(msg, k.PageDown):
		body.PageDown()
	case key.Matches(msg, k.Back, k.Quit, k.Scorecard):
		a.scorecard = nil
	default:
		a.scorecard = nil
		return false
	}
	return true
}
