package ui

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// The fuzz input is a small program for the dashboard. Its first bytes
// choose the session (role, language, colour profile, background, tab,
// whether it shares laid-out bodies with a second session, and the first
// window size); every later op byte is one message: a key, a resize, a
// mouse event, a presenter's position, a follower count, an autoplay tick
// or typed text. fuzzScript writes such programs for the seed corpus.

var fuzzProfiles = []termenv.Profile{termenv.Ascii, termenv.ANSI, termenv.ANSI256, termenv.TrueColor}

// fuzzKeys is every key the dashboard binds, the ones the search box
// answers to, and a few it ignores.
var fuzzKeys = []tea.KeyMsg{
	keyMsg("1"), keyMsg("2"), keyMsg("3"), keyMsg("4"), keyMsg("5"),
	keyMsg("tab"), keyMsg("shift+tab"), keyMsg("up"), keyMsg("down"), keyMsg("left"), keyMsg("right"),
	keyMsg("h"), keyMsg("j"), keyMsg("k"), keyMsg("l"),
	keyMsg("pgup"), keyMsg("pgdown"), keyMsg(" "), {Type: tea.KeySpace, Runes: []rune{' '}}, keyMsg("b"),
	keyMsg("enter"), keyMsg("esc"), keyMsg("n"), keyMsg("N"), keyMsg("/"),
	keyMsg("L"), keyMsg("p"), keyMsg("f"), keyMsg("?"), keyMsg("backspace"),
	keyMsg("q"), keyMsg("ctrl+c"),
	{Type: tea.KeyCtrlN}, {Type: tea.KeyCtrlP}, {Type: tea.KeyHome}, {Type: tea.KeyEnd},
	{Type: tea.KeyDelete}, {Type: tea.KeyCtrlU}, {Type: tea.KeyCtrlW}, {Type: tea.KeyCtrlK},
	{Type: tea.KeyRunes, Runes: []rune{'j'}, Alt: true}, {Type: tea.KeyF1}, keyMsg("x"), keyMsg("g"),
	keyMsg("S"), keyMsg("r"), keyMsg("m"), keyMsg("!"), keyMsg("e"),
}

// fuzzRunes are characters typed into the dashboard or its search box:
// letters, digits, CJK, full-width and combining characters, emoji.
var fuzzRunes = []rune("gdpnNjkqL12345/? 经济工业咖啡观鸥季搜索、。（）ＡＢ１é\u0301\u200d👍🏽🇨🇳\u3000abcxyz")

// Op kinds, the op byte modulo fuzzOps.
const (
	opKey = iota
	opKey2
	opKey3
	opResize
	opMouse
	opLead
	opRunes
	opMisc
	fuzzOps
)

// fuzzSizes are the window sizes where layouts change: nothing, the
// "too small" screen, the smallest dashboard, one and two columns.
var fuzzSizes = [][2]int{{0, 0}, {1, 1}, {30, 8}, {59, 19}, {59, 20}, {60, 19}, {60, 20}, {61, 21},
	{80, 24}, {99, 30}, {100, 30}, {101, 31}, {120, 40}, {200, 60}, {300, 100}, {0, 24}, {80, 0}, {300, 20}, {60, 100}}

type fuzzReader struct{ b []byte }

func (r *fuzzReader) done() bool { return len(r.b) == 0 }

func (r *fuzzReader) byte() int {
	if len(r.b) == 0 {
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return int(v)
}

func (r *fuzzReader) u16() int { return r.byte()<<8 | r.byte() }

// fuzzSession is what the first bytes choose.
type fuzzSession struct {
	role    Role
	lang    model.Lang
	profile termenv.Profile
	dark    bool
	tab     model.TabID
	shared  bool // a second session shares laid-out bodies and the theme
	width   int
	height  int
}

func readSession(r *fuzzReader, pack *model.Pack) fuzzSession {
	b := r.byte()
	s := fuzzSession{
		role:    Role(b % 3),
		lang:    model.Langs[(b/3)%len(model.Langs)],
		profile: fuzzProfiles[(b/6)%4],
		dark:    (b/24)%2 == 0,
		shared:  (b/48)%2 == 1,
	}
	s.tab = pack.Tabs[int(r.byte())%len(pack.Tabs)].ID
	s.width, s.height = r.u16()%301, r.byte()%101
	return s
}

func fuzzRenderer(profile termenv.Profile, dark bool) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(profile)
	r.SetHasDarkBackground(dark)
	return r
}

// readMsg decodes one message; the apps are there so that ticks can
// carry the current generation and lead messages name real items.
func readMsg(r *fuzzReader, a *App, pack *model.Pack) tea.Msg {
	op := r.byte()
	switch op % fuzzOps {
	case opKey, opKey2, opKey3:
		return fuzzKeys[r.byte()%len(fuzzKeys)]
	case opResize:
		if sel := r.byte(); sel%2 == 1 {
			sz := fuzzSizes[sel/2%len(fuzzSizes)]
			return tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}
		}
		return tea.WindowSizeMsg{Width: r.u16() % 301, Height: r.byte() % 101}
	case opMouse:
		x, y, kind := r.u16(), r.byte(), r.byte()
		// Mostly on the screen, or just off its edge; sometimes anywhere.
		if w, h := a.ctx.Width, a.ctx.Height; kind < 0xc0 && w > 0 && h > 0 {
			x, y = x%(w+2), y%(h+2)
		} else {
			x, y = x%320, y%110
		}
		m := tea.MouseMsg{X: x, Y: y, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
		switch kind % 6 {
		case 1:
			m.Button = tea.MouseButtonWheelUp
		case 2:
			m.Button = tea.MouseButtonWheelDown
		case 3:
			m.Action = tea.MouseActionRelease
		case 4:
			m.Action, m.Button = tea.MouseActionMotion, tea.MouseButtonNone
		case 5:
			m.Button = tea.MouseButtonRight
		}
		return m
	case opLead:
		ti, ii, detail := r.byte(), r.byte(), r.byte()%2 == 1
		// One index past the pack's tabs names a tab it does not have.
		p := Position{Tab: model.TabID("nowhere"), Item: "no-such-item", Detail: detail}
		if i := int(ti) % (len(pack.Tabs) + 1); i < len(pack.Tabs) {
			p.Tab = pack.Tabs[i].ID
			t := newTab(pack, pack.Tabs[i])
			if n := t.count(); ii%(n+1) < n {
				p.Item = t.item(ii % (n + 1)).id()
			}
		}
		return LeadMsg(p)
	case opRunes:
		n := r.byte()
		runes := make([]rune, 0, n%8+1)
		for range n%8 + 1 {
			c := r.byte()
			if c < 0x80 {
				runes = append(runes, fuzzRunes[c%len(fuzzRunes)])
				continue
			}
			// Any character a terminal could send as text.
			if ch := rune(r.u16() | (c&0x01)<<16); utf8.ValidRune(ch) && unicode.IsGraphic(ch) {
				runes = append(runes, ch)
			}
		}
		if len(runes) == 0 {
			runes = append(runes, 'x')
		}
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: runes, Paste: n >= 0x80, Alt: n&0x40 != 0 && n < 0x80}
	default: // opMisc
		b := r.byte()
		switch b % 5 {
		case 0:
			return autoplayTick{gen: a.autoplay.gen}
		case 1:
			return autoplayTick{gen: a.autoplay.gen - 1 - b/5%2}
		case 2:
			n := int(int8(r.byte()))
			if n%2 == 0 {
				return FollowersMsg{Following: n, Browsing: -n / 3}
			}
			// Who presents: none, one, or others, named at random
			// lengths (a presenter's name comes from a key's comment).
			names := []string{"王老师", "alice@laptop", strings.Repeat("很长的名字", n&7)}
			return PresenceMsg{Presenters: names[:(n&0x30)>>4%4], Mover: names[(n>>2)&1], Leading: n&0x40 != 0}
		case 3:
			return LeadMsg(a.position())
		default:
			if b/5%2 == 1 {
				return fuzzReview(r, pack)
			}
			return struct{ fuzz int }{b} // a message nobody sent for the dashboard
		}
	}
}

// checkFrame is the promise every frame keeps: never taller or wider
// than the terminal, exactly as tall when it draws at all, and nothing
// when the terminal has no area.
func checkFrame(t *testing.T, a *App, w, h int, where string) {
	t.Helper()
	frame := a.View()
	if w <= 0 || h <= 0 {
		if frame != "" {
			t.Fatalf("%s: at %dx%d the frame should be empty, got %q", where, w, h, frame)
		}
		return
	}
	ls := strings.Split(frame, "\n")
	if len(ls) != h {
		t.Fatalf("%s: %d lines at %dx%d:\n%s", where, len(ls), w, h, frame)
	}
	for i, l := range ls {
		// lipgloss.Width is the widest of ansi.StringWidth's lines.
		if sw := ansi.StringWidth(l); sw > w {
			t.Fatalf("%s: line %d is %d cells wide at %dx%d: %q", where, i+1, sw, w, h, l)
		}
	}
}

// checkState is what must hold between messages whatever they were.
func checkState(t *testing.T, a *App, where string) {
	t.Helper()
	if a.active < 0 || a.active >= len(a.tabs) {
		t.Fatalf("%s: active tab %d", where, a.active)
	}
	for i, tb := range a.tabs {
		if n := tb.count(); n > 0 && (tb.selected < 0 || tb.selected >= n) {
			t.Fatalf("%s: tab %d selects %d of %d", where, i, tb.selected, n)
		}
	}
	if a.search != nil && len(a.search.hits) > 0 && (a.search.selected < 0 || a.search.selected >= len(a.search.hits)) {
		t.Fatalf("%s: search selects %d of %d", where, a.search.selected, len(a.search.hits))
	}
}

// checkClick is what a click that moved the screen must have hit: a tab's
// label on the tab bar, or a row of the body while nothing covered it.
func checkClick(t *testing.T, m tea.MouseMsg, h int, covered bool, where string) {
	t.Helper()
	if m.Action != tea.MouseActionPress || m.Button != tea.MouseButtonLeft {
		t.Fatalf("%s: a mouse event other than a left click moved the screen", where)
	}
	if m.Y == 1 {
		return
	}
	if m.Y < chromeRows-1 || m.Y > h-2 {
		t.Fatalf("%s: a click on row %d, outside the body (rows %d–%d), selected an item", where, m.Y, chromeRows-1, h-2)
	}
	if covered {
		t.Fatalf("%s: a click selected an item hidden under an overlay", where)
	}
}

// fuzzWatch is what a session last told the server through its callbacks.
type fuzzWatch struct {
	moved     Position
	following bool
}

func watched(o Options) (Options, *fuzzWatch) {
	w := &fuzzWatch{following: o.Role == Viewer}
	o.OnMove = func(p Position) { w.moved = p }
	o.OnFollow = func(f bool) { w.following = f }
	return o, w
}

// check holds the server to what the session shows: a presenter's
// followers are sent where the presenter is, a viewer's count of
// followers knows whether this viewer follows, and only viewers follow.
func (w *fuzzWatch) check(t *testing.T, a *App, where string) {
	t.Helper()
	switch {
	case a.follow.following && a.follow.role != Viewer:
		t.Fatalf("%s: a session with role %d follows", where, a.follow.role)
	case a.follow.role == Presenter && w.moved != a.position():
		t.Fatalf("%s: the presenter is at %+v but announced %+v", where, a.position(), w.moved)
	case a.follow.role == Viewer && w.following != a.follow.following:
		t.Fatalf("%s: the viewer follows=%v but reported %v", where, a.follow.following, w.following)
	}
}

// checkLead: a following viewer goes where the room is, and so does a
// presenter (presenters share one position); anyone else stays put.
func checkLead(t *testing.T, a *App, lead Position, following bool, before Position, where string) {
	t.Helper()
	got := a.position()
	if !following {
		if got != before {
			t.Fatalf("%s: a session not following moved from %+v to %+v", where, before, got)
		}
		return
	}
	i := a.ctx.Pack.TabIndex(lead.Tab)
	if i < 0 {
		return // a tab this dashboard does not have: nowhere to go
	}
	want := lead
	if a.tabs[i].indexOf(lead.Item) < 0 {
		want.Item = got.Item // an item the tab lacks: the tab's own selection stands
	}
	if got != want {
		t.Fatalf("%s: following the presenter to %+v, the viewer is at %+v", where, lead, got)
	}
}

// runFuzz plays one fuzz input. When the session shares laid-out bodies,
// a second session with the same pack and theme shares them too, and a
// third runs alone on the first one's messages: the first must draw
// exactly what the third does.
//
// The commands Update returns are not run: ticks come from the input
// instead, and after q or ctrl+c (tea.Quit) the messages keep coming, as
// they may while a program shuts down.
func runFuzz(t *testing.T, input []byte) {
	r := &fuzzReader{b: input}
	pack := testPack(t)
	s := readSession(r, pack)
	rend := fuzzRenderer(s.profile, s.dark)
	theme := NewTheme(rend)
	o := Options{Pack: pack, Lang: s.lang, Tab: s.tab, Role: s.role, Renderer: rend, Theme: theme, Author: "fuzz"}
	// Each session records in a store of its own, as a server's viewer
	// records nowhere.
	logged := func(o Options) Options {
		if o.Role != Viewer {
			o.Review = &countingLog{}
		}
		return o
	}
	var alone, other *App
	if s.shared {
		alone = newApp(t, logged(o), s.width, s.height)
		o.Layouts = NewLayouts(4) // small, so bodies are evicted and remade
		o.Frames = NewFrames(4)   // and frames too
		other = newApp(t, logged(o), s.width, s.height)
	}
	o, watch := watched(logged(o))
	a := newApp(t, o, s.width, s.height)
	watch.moved = a.position() // the server knows where a presenter starts: it gave the start
	w, h := s.width, s.height
	ow, oh := w, h
	checkFrame(t, a, w, h, "start")
	for step := 0; !r.done() && step < 200; step++ {
		target := a
		if other != nil && len(r.b) > 0 && r.b[0]&0x80 != 0 {
			target = other
		}
		msg := readMsg(r, target, pack)
		where := fmt.Sprintf("step %d %T %+v", step, msg, msg)
		if target == other {
			settleReview(other, msg)
			if m, ok := msg.(tea.WindowSizeMsg); ok {
				ow, oh = m.Width, m.Height
			}
			checkFrame(t, other, ow, oh, "second session, "+where)
			checkState(t, other, "second session, "+where)
			continue
		}
		if m, ok := msg.(tea.WindowSizeMsg); ok {
			w, h = m.Width, m.Height
		}
		before, covered, following := a.position(), a.showHelp || a.search != nil || a.detail != nil, a.follow.following || a.follow.role == Presenter
		help, offset := a.showHelp, a.tabs[a.active].body.YOffset
		if lead, ok := msg.(LeadMsg); ok && a.follow.role == Presenter {
			watch.moved = Position(lead) // the server sent it: it knows it
		}
		settleReview(a, msg)
		checkFrame(t, a, w, h, where)
		checkState(t, a, where)
		watch.check(t, a, where)
		// Update drew whatever it changed: drawing again changes nothing.
		frame := a.View()
		if a.redraw(); a.View() != frame {
			t.Fatalf("%s: the frame is out of date: drawn again it is\n%s\n--- was ---\n%s", where, a.View(), frame)
		}
		switch m := msg.(type) {
		case tea.MouseMsg:
			if a.position() != before {
				checkClick(t, m, h, covered, where)
			}
			if help && a.tabs[a.active].body.YOffset != offset {
				t.Fatalf("%s: the mouse scrolled the body hidden under the help", where)
			}
		case LeadMsg:
			checkLead(t, a, Position(m), following, before, where)
		}
		if alone != nil {
			settleReview(alone, msg)
			if got, want := a.View(), alone.View(); got != want {
				t.Fatalf("%s: with shared layouts the frame differs from the one drawn alone:\n%s\n--- alone ---\n%s", where, got, want)
			}
		}
	}
}

// settleReview updates a with msg and, for a key the review answers (r,
// m, !, e and any key in the note, but not text typed in the search),
// runs the command it returned as bubbletea would: those read and write
// the session's store. Other commands are ticks and cursor blinks, left
// unrun.
func settleReview(a *App, msg tea.Msg) {
	k, isKey := msg.(tea.KeyMsg)
	inNote, inSearch := a.rv.note != nil, a.search != nil
	_, cmd := a.Update(msg)
	if isKey && !inSearch && (inNote || key.Matches(k, a.keys.Review, a.keys.Mark, a.keys.Flag, a.keys.Note)) {
		settle(a, cmd)
	}
}

// fuzzReview is the room's review as a server would send it: entries on
// the pack's indicators (and one it lacks), of every kind, numbered
// out of order at times and repeated.
func fuzzReview(r *fuzzReader, pack *model.Pack) ReviewMsg {
	var msg ReviewMsg
	for range r.byte() % 6 {
		b := r.byte()
		ind := "no-such-indicator"
		if i := int(r.byte()) % (len(pack.Indicators) + 1); i < len(pack.Indicators) {
			ind = pack.Indicators[i].ID
		}
		e := model.ReviewEntry{Seq: uint64(b%16 + 1), Pack: pack.ID, Indicator: ind,
			Kind: model.EntryKinds[int(b>>4)%len(model.EntryKinds)], Time: clock, Author: "主讲人"}
		if e.Kind == model.MarkNote {
			e.Text = string(fuzzRunes[int(b)%len(fuzzRunes):]) + "\n第二行"
		}
		msg.Entries = append(msg.Entries, e)
	}
	return msg
}

// fuzzScript writes fuzz inputs by name, for the seed corpus and the
// regression tests.
type fuzzScript struct{ b []byte }

func newScript(role Role, lang model.Lang, profile termenv.Profile, dark, shared bool, tab, w, h int) *fuzzScript {
	li := 0
	if lang == model.En {
		li = 1
	}
	pi := 0
	for i, p := range fuzzProfiles {
		if p == profile {
			pi = i
		}
	}
	b := int(role) + 3*li + 6*pi
	if !dark {
		b += 24
	}
	if shared {
		b += 48
	}
	return &fuzzScript{b: []byte{byte(b), byte(tab), byte(w >> 8), byte(w), byte(h)}}
}

func (s *fuzzScript) keys(names ...string) *fuzzScript {
	for _, n := range names {
		found := false
		for i, k := range fuzzKeys {
			if k.String() == n {
				s.b = append(s.b, opKey, byte(i))
				found = true
				break
			}
		}
		if !found {
			panic("fuzzScript: no key " + n)
		}
	}
	return s
}

func (s *fuzzScript) allKeys() *fuzzScript {
	for i := range fuzzKeys {
		s.b = append(s.b, opKey, byte(i))
	}
	return s
}

func (s *fuzzScript) size(w, h int) *fuzzScript {
	s.b = append(s.b, opResize, 0, byte(w>>8), byte(w), byte(h))
	return s
}

// click sends a mouse event at x, y; kind is as readMsg reads it, with
// 0xc0 added so the point is taken as it is.
func (s *fuzzScript) click(x, y, kind int) *fuzzScript {
	s.b = append(s.b, opMouse, byte(x>>8), byte(x), byte(y), byte(0xc0+kind))
	return s
}

func (s *fuzzScript) lead(tab, item int, detail bool) *fuzzScript {
	d := byte(0)
	if detail {
		d = 1
	}
	s.b = append(s.b, opLead, byte(tab), byte(item), d)
	return s
}

// text types characters from fuzzRunes as one message (up to eight).
func (s *fuzzScript) text(typed string) *fuzzScript {
	runes := []rune(typed)
	if len(runes) > 8 {
		return s.text(string(runes[:8])).text(string(runes[8:]))
	}
	s.b = append(s.b, opRunes, byte(len(runes)-1))
	for _, r := range runes {
		i := strings.IndexRune(string(fuzzRunes), r)
		if i < 0 {
			panic("fuzzScript: no rune " + string(r))
		}
		s.b = append(s.b, byte(utf8.RuneCountInString(string(fuzzRunes)[:i])))
	}
	return s
}

func (s *fuzzScript) ticks(n int) *fuzzScript {
	for range n {
		s.b = append(s.b, opMisc, 0)
	}
	return s
}

func (s *fuzzScript) staleTick() *fuzzScript {
	s.b = append(s.b, opMisc, 1)
	return s
}

func (s *fuzzScript) followers(n int8) *fuzzScript {
	s.b = append(s.b, opMisc, 2, byte(n))
	return s
}

// echo sends the session its own position as the presenter's.
func (s *fuzzScript) echo() *fuzzScript {
	s.b = append(s.b, opMisc, 3)
	return s
}

func fuzzSeeds() [][]byte {
	var seeds [][]byte
	add := func(s *fuzzScript) { seeds = append(seeds, s.b) }
	for _, role := range []Role{Alone, Presenter, Viewer} {
		for _, lang := range model.Langs {
			add(newScript(role, lang, termenv.Ascii, true, false, 0, 80, 24).allKeys())
		}
	}
	for _, p := range fuzzProfiles {
		add(newScript(Alone, model.Zh, p, p != termenv.ANSI, false, 4, 80, 24).keys("enter", "pgdown", "esc", "?", "/").text("gdp").keys("enter"))
	}
	storm := newScript(Alone, model.Zh, termenv.ANSI256, true, false, 0, 80, 24)
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {30, 8}, {59, 19}, {60, 20}, {61, 21}, {99, 30}, {100, 30}, {300, 100}, {0, 24}, {80, 0}, {60, 100}, {300, 20}} {
		storm.size(sz[0], sz[1]).keys("j", "enter").size(sz[1]%301, sz[0]%101).keys("esc", "?")
	}
	add(storm)
	for _, sz := range [][2]int{{1, 1}, {30, 8}, {59, 19}, {60, 20}, {300, 100}} {
		add(newScript(Alone, model.En, termenv.Ascii, true, false, 2, sz[0], sz[1]).allKeys().size(sz[1]%301, sz[0]%101).allKeys())
	}
	add(newScript(Viewer, model.Zh, termenv.TrueColor, false, false, 0, 100, 30).
		lead(3, 1, true).keys("j").lead(4, 0, false).keys("f").lead(5, 0, true).lead(1, 99, true).echo())
	add(newScript(Presenter, model.En, termenv.ANSI, true, false, 1, 120, 40).
		followers(5).followers(-3).keys("p").ticks(3).staleTick().ticks(8).keys("p", "p").ticks(1).staleTick().keys("2", "p").ticks(20))
	add(newScript(Alone, model.Zh, termenv.Ascii, true, false, 3, 120, 40).
		click(10, 1, 0).click(3, 5, 0).click(50, 10, 1).click(50, 10, 2).click(5, 30, 4).click(119, 39, 5).
		keys("?").click(3, 5, 0).keys("enter").click(3, 5, 2).keys("/").click(3, 5, 0).size(30, 8).click(3, 5, 0))
	add(newScript(Alone, model.Zh, termenv.Ascii, true, false, 0, 80, 24).
		keys("/").text("经济").text("咖啡观鸥季搜索、。").text("ＡＢ１é\u0301\u200d👍🏽").keys("backspace", "enter").
		keys("/").text("🇨🇳\u3000（）").keys("down", "ctrl+n", "ctrl+p", "up", "ctrl+c"))
	add(newScript(Alone, model.En, termenv.ANSI256, true, true, 0, 120, 40).
		keys("j", "j", "2", "j", "5", "j", "L", "enter", "esc").size(80, 24).keys("3", "k"))
	// A shared session typing for the second session (op bytes with the high bit).
	sh := newScript(Presenter, model.Zh, termenv.ANSI256, true, true, 0, 120, 40)
	sh.b = append(sh.b, 0x80|opKey, 1, 0x80|opKey, 8, 0x80|opResize, 0, 0, 80, 24, opKey, 8, opKey, 1)
	add(sh)
	// A review: opened, marked, a note typed (q and ctrl+c in it), the
	// scorecard, the room's review arriving, a viewer refused.
	for _, role := range []Role{Alone, Presenter, Viewer} {
		rv := newScript(role, model.Zh, termenv.ANSI256, true, role == Presenter, 0, 100, 30).
			keys("m", "r", "m", "!", "n", "m", "e").text("经济q").keys("esc", "e").text("x").keys("ctrl+c", "enter", "e").
			text("gdp").keys("esc", "S", "j", "pgdown", "q", "S", "L").size(60, 20).keys("r", "r", "S", "esc")
		rv.b = append(rv.b, opMisc, 9, 3, 0x20, 1, 0x41, 1, 0x42, 200)
		add(rv)
	}
	return seeds
}

// FuzzApp drives the dashboard with random messages and checks after
// each that it neither panics nor draws outside the terminal. Run it
// with `go test ./ui -run '^$' -fuzz FuzzApp -fuzztime 5m`; inputs that
// failed are kept in testdata/fuzz/FuzzApp and replayed by `go test`.
func FuzzApp(f *testing.F) {
	for _, s := range fuzzSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input []byte) {
		// The seeds are independent sessions and run side by side (while
		// fuzzing, Go runs one input at a time whatever this says).
		t.Parallel()
		if len(input) > 2048 {
			return
		}
		runFuzz(t, input)
	})
}
