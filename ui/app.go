// Package ui is the bubbletea program: a root model that holds what every
// tab shares and routes messages, one small model per tab, the widgets
// they are drawn with, the overlays (detail, search, help), one theme and
// one key map.
package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// Options start a dashboard.
type Options struct {
	Pack *model.Pack
	Lang model.Lang
	Now  time.Time // the clock the tourism calendar reads
	Tab  model.TabID
	// Renderer is the terminal being drawn to; each SSH session passes
	// its own. Nil means this process's standard output.
	Renderer *lipgloss.Renderer
	// Theme, when set, is used instead of one built from Renderer: a
	// server shares one theme among sessions whose terminals agree.
	Theme *Theme
	// Look is what the terminal asks of the drawing (ASCII alone, and
	// why), as the `?` help names it.
	Look Look
	// Layouts, when set, shares laid-out tab bodies with other sessions.
	Layouts *Layouts
	// Frames, when set, shares whole frames with other dashboards that
	// look the same (followers of one presenter, mostly).
	Frames *Frames
	Role   Role
	// Lead is where the room is when this dashboard starts, if anywhere.
	Lead *Position
	// OnMove is called with the presenter's position after each change.
	OnMove func(Position)
	// OnFollow is called when a viewer steps out (false) or back in
	// (true), so the presenter's count of followers stays true.
	OnFollow func(following bool)
	// AutoplayEvery is how long autoplay stays on each tab.
	AutoplayEvery time.Duration
	// Review is where r, m, ! and e record, read and written only in
	// tea.Cmds and not before r; nil when this dashboard does not record
	// (an SSH viewer, or a server without presenters). Author names who
	// records (the presenter's key); "" leaves it to the store (the local
	// user, looked up when first needed).
	Review model.ReviewLog
	Author string
	// OnReview is called when a presenter's review mode goes on (r read
	// the review) or off (r again), so the room's viewers follow it.
	OnReview func(open bool)
}

// App is the root model.
type App struct {
	ctx      Context
	keys     KeyMap
	tabs     []*tab
	active   int
	review   []stop // every indicator on its home tab, in review order
	detail   *detail
	search   *search
	showHelp bool
	// scorecard is the S overlay; rv the review this dashboard holds.
	scorecard *scorecard
	rv        reviewing
	// described is the D view, the tab as text, when open.
	described *described
	autoplay  autoplay
	follow    follow
	// notice is a word for one key, in the status: where n/N went in the
	// review order, and whether it came round.
	notice string
	// clicked is the item the last click selected, so a second click on
	// it opens its detail.
	clicked *place

	look Look

	frames   *Frames
	frameID  uint64 // of a shared frame; 0 for one drawn here
	tabSpans [][2]int
	frame    string
}

// New builds the dashboard; it draws once it learns the terminal's size.
func New(o Options) *App {
	r := o.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	if o.Lang == "" {
		o.Lang = model.Zh
	}
	if o.AutoplayEvery <= 0 {
		o.AutoplayEvery = 8 * time.Second
	}
	theme := o.Theme
	if theme == nil {
		theme = NewThemeFor(r, o.Look.ASCII)
	}
	a := &App{
		ctx:      Context{Pack: o.Pack, Theme: theme, Now: o.Now, Layouts: o.Layouts},
		follow:   newFollow(o),
		rv:       newReviewing(o),
		frames:   o.Frames,
		look:     o.Look,
		autoplay: autoplay{every: int(o.AutoplayEvery / time.Second)},
	}
	a.ctx.setLang(o.Lang)
	a.keys = newKeyMap(o.Lang, len(o.Pack.Tabs), o.Role == Viewer, theme.Glyphs.Arrows)
	for i, def := range o.Pack.Tabs {
		a.tabs = append(a.tabs, newTab(o.Pack, def))
		if def.ID == o.Tab {
			a.active = i
		}
	}
	for _, ind := range o.Pack.ReviewOrder() {
		if ti := o.Pack.TabIndex(ind.Tab); ti >= 0 {
			a.review = append(a.review, stop{at: place{tab: ti, item: a.tabs[ti].indexOf(ind.ID)}, id: ind.ID})
		}
	}
	a.startFollowing(o)
	return a
}

// Init starts nothing: the program sends the window size first.
func (a *App) Init() tea.Cmd { return nil }

// View returns the frame drawn by the last Update; drawing happens when
// something changes, never here.
func (a *App) View() string { return a.frame }

// Update routes a message, then redraws if it changed anything.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.ctx.Width, a.ctx.Height = min(max(msg.Width, 0), MaxWidth), min(max(msg.Height, 0), MaxHeight)
	case tea.KeyMsg:
		if a.rv.note != nil {
			cmd = a.noteKey(msg) // every key is the note's: q and ctrl+c too
			break
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && a.search == nil && !msg.Paste {
			return a, a.eachRune(msg)
		}
		if key.Matches(msg, a.keys.ForceQuit) {
			return a, tea.Quit
		}
		if !a.overlaid() && key.Matches(msg, a.keys.Quit) {
			return a, tea.Quit
		}
		cmd = a.key(msg)
	case tea.MouseMsg:
		if !a.mouse(msg) {
			return a, nil
		}
	case LeadMsg:
		a.onLead(Position(msg))
	case FollowersMsg:
		a.follow.counts = msg
	case PresenceMsg:
		a.follow.presence = msg
	case ReviewMsg:
		a.onReviewMsg(msg)
	case reviewOpened:
		a.onReviewOpened(msg)
	case reviewKept:
		a.onReviewKept(msg)
	case refusalOver:
		a.rv.clearRefusal(msg.gen)
	case autoplayTick:
		var next bool
		if next, cmd = a.autoplay.tick(msg, a.overlaid()); next {
			a.setTab(a.active + 1)
		}
	default:
		switch {
		case a.search != nil:
			a.search.input, cmd = a.search.input.Update(msg)
		case a.rv.note != nil:
			a.rv.note.area, cmd = a.rv.note.area.Update(msg)
		}
	}
	a.announce()
	a.reportFollowing()
	a.reportOpen()
	a.redraw()
	return a, cmd
}

// overlaid reports whether help, a detail, search, the scorecard, a
// note or the tab as text covers the tab.
func (a *App) overlaid() bool {
	return a.showHelp || a.detail != nil || a.search != nil || a.scorecard != nil || a.rv.note != nil ||
		a.described != nil
}

// eachRune handles keys typed faster than the terminal is read, which
// arrive together as one message ("nnn"), one key at a time.
func (a *App) eachRune(msg tea.KeyMsg) tea.Cmd {
	var cmds []tea.Cmd
	for _, r := range msg.Runes {
		_, cmd := a.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// nav is the navigation state as the pure moves of nav.go see it.
func (a *App) nav() nav {
	n := nav{review: a.review}
	for _, t := range a.tabs {
		n.items = append(n.items, t.count())
		n.selected = append(n.selected, t.selected)
	}
	return n
}

// go moves to a place, as a key or a click does: the tab, its item.
func (a *App) goTo(p place) {
	if p.tab != a.active {
		a.detail = nil
	}
	a.active = p.tab
	t := a.tabs[p.tab]
	if p.item >= 0 && p.item < t.count() {
		t.selected = p.item
	}
}

func (a *App) setTab(i int) {
	a.goTo(a.nav().jump(((i % len(a.tabs)) + len(a.tabs)) % len(a.tabs)))
}

func (a *App) setLang(l model.Lang) {
	a.ctx.setLang(l)
	a.keys = newKeyMap(l, len(a.tabs), a.follow.role == Viewer, a.ctx.Theme.Glyphs.Arrows)
	if a.detail != nil {
		a.detail.draw(&a.ctx)
	}
}
