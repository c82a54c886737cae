// Package ui is the bubbletea program: a root model that holds what every
// tab shares and routes messages, one small model per tab, the overlays
// (detail, search, help), one theme and one key map.
package ui

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
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
}

// App is the root model.
type App struct {
	ctx      Context
	keys     KeyMap
	tabs     []*tab
	active   int
	detail   *detail
	search   *search
	showHelp bool
	autoplay autoplay

	follow follow

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
		theme = NewTheme(r)
	}
	a := &App{
		ctx:      Context{Pack: o.Pack, Theme: theme, Now: o.Now, Layouts: o.Layouts},
		follow:   newFollow(o),
		frames:   o.Frames,
		autoplay: autoplay{every: int(o.AutoplayEvery / time.Second)},
	}
	a.ctx.setLang(o.Lang)
	a.keys = NewKeyMap(o.Lang, o.Role == Viewer)
	for i, id := range model.Tabs {
		a.tabs = append(a.tabs, newTab(o.Pack, id))
		if id == o.Tab {
			a.active = i
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
		a.ctx.Width, a.ctx.Height = msg.Width, msg.Height
	case tea.KeyMsg:
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && a.search == nil && !msg.Paste {
			return a, a.eachRune(msg)
		}
		if key.Matches(msg, a.keys.Quit) && (a.search == nil || msg.String() == "ctrl+c") {
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
	case autoplayTick:
		var next bool
		if next, cmd = a.autoplay.tick(msg); next {
			a.setTab(a.active + 1)
		}
	default:
		if a.search != nil {
			a.search.input, cmd = a.search.input.Update(msg)
		}
	}
	a.announce()
	a.reportFollowing()
	a.redraw()
	return a, cmd
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

// key handles one key press; overlays get first say.
func (a *App) key(msg tea.KeyMsg) tea.Cmd {
	k := a.keys
	a.readyDetail()
	if a.search != nil {
		return a.searchKey(msg)
	}
	if a.showHelp {
		a.showHelp = false
		if key.Matches(msg, k.Help, k.Back) {
			return nil
		}
	}
	if anyMatch(msg, k.navigation()) {
		a.browseAlone()
		a.autoplay.stop()
	}
	t := a.tabs[a.active]
	switch {
	case key.Matches(msg, k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5):
		a.setTab(int(msg.Runes[0] - '1'))
	case key.Matches(msg, k.NextTab):
		a.setTab(a.active + 1)
	case key.Matches(msg, k.PrevTab):
		a.setTab(a.active - 1)
	case key.Matches(msg, k.Up, k.Down):
		delta := 1
		if key.Matches(msg, k.Up) {
			delta = -1
		}
		if a.detail != nil {
			a.detail.body.ScrollDown(delta)
		} else {
			t.move(delta)
		}
	case key.Matches(msg, k.PageUp):
		a.scroller().PageUp()
	case key.Matches(msg, k.PageDown):
		a.scroller().PageDown()
	case key.Matches(msg, k.Open):
		if a.detail == nil && t.count() > 0 {
			a.detail = newDetail(&a.ctx, t.current())
		}
	case key.Matches(msg, k.Back):
		a.detail = nil
	case key.Matches(msg, k.NextIndicator):
		a.step(1)
	case key.Matches(msg, k.PrevIndicator):
		a.step(-1)
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
	}
	return nil
}

func anyMatch(msg tea.KeyMsg, bindings []key.Binding) bool {
	return key.Matches(msg, bindings...)
}

// scroller is the viewport page keys act on: the detail when open.
func (a *App) scroller() *viewport.Model {
	if a.detail != nil {
		a.readyDetail()
		return &a.detail.body
	}
	return &a.tabs[a.active].body
}

func (a *App) setTab(i int) {
	n := len(a.tabs)
	a.active = ((i % n) + n) % n
	a.detail = nil
}

func (a *App) setLang(l model.Lang) {
	a.ctx.setLang(l)
	a.keys = NewKeyMap(l, a.follow.role == Viewer)
	if a.detail != nil {
		a.detail.draw(&a.ctx)
	}
}

// step moves to the next or previous indicator in review order, across
// tabs; an open detail follows along. The walk visits each indicator on
// its home tab, so headline copies and initiatives are stepped over.
func (a *App) step(delta int) {
	type stop struct{ tab, item int }
	var walk []stop
	for _, ind := range a.ctx.Pack.ReviewOrder() {
		for ti, t := range a.tabs {
			if t.id == ind.Tab {
				walk = append(walk, stop{ti, t.indexOf(ind.ID)})
			}
		}
	}
	if len(walk) == 0 {
		return
	}
	here := stop{a.active, a.tabs[a.active].selected}
	before := func(x, y stop) bool { return x.tab < y.tab || (x.tab == y.tab && x.item < y.item) }
	next := walk[0]
	if delta < 0 {
		next = walk[len(walk)-1]
	}
	for i := range walk {
		s := walk[i]
		if delta < 0 {
			s = walk[len(walk)-1-i]
		}
		if (delta > 0 && before(here, s)) || (delta < 0 && before(s, here)) {
			next = s
			break
		}
	}
	open := a.detail != nil
	t := a.tabs[next.tab]
	a.moveTo(Position{Tab: t.id, Item: t.item(next.item).id(), Detail: open})
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
			a.moveTo(Position{Tab: model.Tabs[h.tab], Item: h.it.id()})
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
// whether anything changed.
func (a *App) mouse(msg tea.MouseMsg) bool {
	if a.ctx.Width < MinWidth || a.ctx.Height < MinHeight || a.search != nil {
		return false
	}
	if a.showHelp {
		if msg.Action != tea.MouseActionPress || msg.Button != tea.MouseButtonLeft {
			return false // the wheel would scroll the body hidden under the help
		}
		// A click closes the help as a key does; on the body it does not
		// also act on the item hidden beneath it.
		a.showHelp = false
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
				a.setTab(i)
				return true
			}
		}
	case msg.Y >= chromeRows-1 && a.detail == nil:
		if a.tabs[a.active].click(msg.X, msg.Y-(chromeRows-1)) {
			a.browseAlone()
			return true
		}
	}
	return false
}
