package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
)

// ReviewMsg is the room's review as kept so far: every entry of the
// pack, in the order the store kept them, and whether a presenter holds
// the review open. An SSH server sends it to every session of the room
// when a presenter opens or ends the review or records something, so the
// room sees the presenter's marks and notes without each session reading
// the database. A later message holds everything an earlier one did, so
// only the latest need arrive.
type ReviewMsg struct {
	Entries []model.ReviewEntry
	// Open is a viewer's review mode: on while a presenter holds the
	// review open. A presenter's own is its own r.
	Open bool
}

// reviewOpened answers r: the pack's entries, read in a tea.Cmd.
type reviewOpened struct {
	entries []model.ReviewEntry
	err     error
}

// reviewKept answers a write, made in a tea.Cmd: the entries as the
// store kept them, or why it did not, with what was asked (a note that
// was not kept stays a draft).
type reviewKept struct {
	asked model.ReviewEntry
	kept  []model.ReviewEntry
	err   error
}

// reviewRev names a state of the review for the caches drawings are
// kept in: dashboards that folded in the same entries of one store draw
// the same marks. Entries are numbered by the store, so how many and the
// highest number say which.
type reviewRev struct {
	held  bool // a review is held, if empty: the detail says "not reviewed"
	count int
	last  uint64
}

// reviewing is what this dashboard holds of a review: where it records
// (nil when it may not), whether review mode is on, every entry it
// knows, and what a person should read in the footer.
type reviewing struct {
	log    model.ReviewLog
	author string
	// open is review mode: r read the review, and the footer shows the
	// progress. A viewer's follows the room's; a presenter's is reported
	// to the room through onOpen, once per change (reported).
	open     bool
	onOpen   func(bool)
	reported bool
	opening  bool
	entries  []model.ReviewEntry // by Seq
	seen     map[uint64]bool
	// alert is one line for the footer in place of the key hints: a key
	// refused, or a store's answer. The next key clears it; a refusal
	// (passing) also clears after refusalFor, or when the room moves
	// this viewer on. alertGen tells one alert's clearing from another's.
	alert    string
	passing  bool
	alertGen int
	drafts   map[string]string // notes not kept yet, by indicator
	note     *noteEditor
}

func newReviewing(o Options) reviewing {
	return reviewing{log: o.Review, author: o.Author, onOpen: o.OnReview,
		seen: map[uint64]bool{}, drafts: map[string]string{}}
}

// refusalFor is how long a refused key's reason stays in the footer:
// long enough to read, short enough not to hide the room's status for
// good from someone who does not press another key. A variable so that
// tests, which run commands as they come, do not sit out the clock.
var refusalFor = 4 * time.Second

// refusalOver clears the refusal numbered gen, if it is still shown.
type refusalOver struct{ gen int }

// refuse shows why a key did nothing, for refusalFor.
func (rv *reviewing) refuse(why string) tea.Cmd {
	rv.alert, rv.passing = why, true
	rv.alertGen++
	gen := rv.alertGen
	return tea.Tick(refusalFor, func(time.Time) tea.Msg { return refusalOver{gen: gen} })
}

// warn shows a store's answer until the next key: a mark or note not
// kept must not pass unread.
func (rv *reviewing) warn(text string) {
	rv.alert, rv.passing = text, false
	rv.alertGen++
}

// clearRefusal takes a refusal out of the footer; a store's answer stays.
func (rv *reviewing) clearRefusal(gen int) {
	if rv.passing && gen == rv.alertGen {
		rv.alert, rv.passing = "", false
	}
}

// reportOpen tells the room when a presenter's review mode changes, so
// that the viewers' goes with it.
func (a *App) reportOpen() {
	rv := &a.rv
	if a.follow.role != Presenter || rv.onOpen == nil || rv.open == rv.reported {
		return
	}
	rv.reported = rv.open
	rv.onOpen(rv.open)
}

// merge folds in entries this dashboard has not seen: its own writes as
// kept, or the room's review. Entries come in the store's order, but a
// write's own answer may overtake the room's message holding an earlier
// write; then the review is folded again from the start.
func (a *App) merge(entries []model.ReviewEntry) {
	rv, c := &a.rv, &a.ctx
	var fresh []model.ReviewEntry
	for _, e := range entries {
		if e.Pack == c.Pack.ID && !rv.seen[e.Seq] {
			rv.seen[e.Seq] = true
			fresh = append(fresh, e)
		}
	}
	if len(fresh) == 0 && c.Marks != nil {
		return
	}
	slices.SortFunc(fresh, model.BySeq)
	inOrder := len(rv.entries) == 0 || len(fresh) == 0 || fresh[0].Seq > rv.entries[len(rv.entries)-1].Seq
	rv.entries = append(rv.entries, fresh...)
	if c.Marks == nil || !inOrder {
		slices.SortFunc(rv.entries, model.BySeq)
		c.Marks = model.NewReview(c.Pack.ID, rv.entries)
	} else {
		c.Marks.Apply(fresh...)
	}
	c.marksRev = reviewRev{held: true, count: len(rv.entries)}
	if n := len(rv.entries); n > 0 {
		c.marksRev.last = rv.entries[n-1].Seq
	}
}

// onReviewMsg takes the room's review: a viewer's review mode is the
// room's, on and off with it, a presenter's marks stay in step with the
// other presenters. Marks stay on the cards either way: they are the
// record.
func (a *App) onReviewMsg(m ReviewMsg) {
	a.merge(m.Entries)
	if a.follow.role == Viewer {
		a.rv.open = m.Open
	}
}

func (a *App) onReviewOpened(m reviewOpened) {
	a.rv.opening = false
	a.notice = "" // "opening…" is over, either way
	if m.err != nil {
		a.rv.warn(a.storeAnswer(m.err))
		return
	}
	a.merge(m.entries)
	a.rv.open = true
	if len(a.review) == 0 {
		return
	}
	open := a.detail != nil
	a.autoplay.stop()
	a.goTo(a.review[0].at)
	if open {
		a.detail = newDetail(&a.ctx, a.tabs[a.active].current())
	}
}

func (a *App) onReviewKept(m reviewKept) {
	w := a.ctx.Words.Session
	if m.err != nil {
		alert := fmt.Sprintf(w.NotSaved, a.storeAnswer(m.err))
		if m.asked.Kind == model.MarkNote {
			alert += a.ctx.sep() + w.DraftKept
		}
		a.rv.warn(alert)
		return
	}
	if m.asked.Kind == model.MarkNote && a.rv.drafts[m.asked.Indicator] == m.asked.Text {
		delete(a.rv.drafts, m.asked.Indicator)
	}
	a.merge(m.kept)
}

// openCmd reads the review in a tea.Cmd: the store may wait on the disk
// or on another process, and Update must not.
func (rv *reviewing) openCmd(pack string) tea.Cmd {
	log := rv.log
	return func() tea.Msg {
		entries, err := log.Entries(pack)
		return reviewOpened{entries: entries, err: err}
	}
}

// writeCmd keeps one entry, in a tea.Cmd for the same reason.
func (rv *reviewing) writeCmd(e model.ReviewEntry) tea.Cmd {
	log := rv.log
	e.Author = rv.author
	return func() tea.Msg {
		kept, err := log.Append(e)
		return reviewKept{asked: e, kept: kept, err: err}
	}
}

// progress is review mode's footer: where the selection stands in the
// review order, of how many, how many are flagged and how many reviewed.
func (a *App) progress() string {
	c := &a.ctx
	w := c.Words.Session
	n := a.nav()
	at := c.Words.Review.None
	if it := a.tabs[a.active].current(); it.ind != nil {
		if i := n.position(place{tab: a.active, item: a.tabs[a.active].selected}, it.id()); i > 0 {
			at = fmt.Sprint(i)
		}
	}
	var reviewed, flagged int
	if c.Marks != nil {
		for _, s := range a.review {
			it := c.Marks.Of(s.id)
			if it.Reviewed != nil {
				reviewed++
			}
			if it.Flagged != nil {
				flagged++
			}
		}
	}
	return fmt.Sprintf(w.Progress, at, len(n.review), flagged) + c.sep() + fmt.Sprintf(w.ReviewedSoFar, reviewed)
}

// storeAnswer is the review store's refusal in the reader's language,
// naming the file by its name (the footer is one line; --review-db, or
// the README, says where it is); any other error as the store gave it.
func (a *App) storeAnswer(err error) string {
	w := a.ctx.Words.Session
	var refused model.ReviewRefusal
	if !errors.As(err, &refused) {
		return err.Error()
	}
	format := map[model.RefusalKind]string{model.RefusedInUse: w.StoreInUse, model.RefusedForeign: w.StoreForeign,
		model.RefusedDamaged: w.StoreDamaged, model.RefusedNewer: w.StoreNewer}[refused.RefusedFor()]
	if format == "" {
		return err.Error()
	}
	return fmt.Sprintf(format, filepath.Base(refused.RefusedPath()))
}
