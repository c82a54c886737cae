package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
)

func TestViewerFollowsStepsOutAndBackIn(t *testing.T) {
	v := newApp(t, Options{Role: Viewer, Lang: model.En}, 100, 30)
	if !strings.Contains(v.View(), "waiting for the presenter") {
		t.Fatal("a viewer starts following; with no presenter connected the footer says it waits")
	}
	v.Update(PresenceMsg{Presenters: []string{"王老师"}})
	if !strings.Contains(v.View(), "following the presenter") {
		t.Fatal("once a presenter is connected the footer says the viewer follows")
	}
	lead := Position{Tab: "property", Item: "housing-sales-growth", Detail: true}
	v.Update(LeadMsg(lead))
	if got := v.position(); got != lead {
		t.Fatalf("following: position = %+v, want %+v", got, lead)
	}
	press(v, "1") // a navigation key: the viewer steps out
	if v.follow.following || v.position().Tab != "economy" {
		t.Fatalf("after 1: following=%v tab=%s", v.follow.following, v.position().Tab)
	}
	if !strings.Contains(v.View(), "browsing alone") {
		t.Error("the footer should say the viewer browses alone")
	}
	v.Update(LeadMsg(Position{Tab: "services", Item: "services-key-industries"}))
	if v.position().Tab != "economy" {
		t.Error("a viewer browsing alone is not moved by the presenter")
	}
	press(v, "f")
	if got := v.position(); !v.follow.following || got.Tab != "services" || got.Item != "services-key-industries" {
		t.Errorf("f should rejoin at the presenter's latest position, got %+v", got)
	}
	press(v, "L")
	if !v.follow.following {
		t.Error("switching language is the viewer's own business and keeps following")
	}
}

func TestPresenterAnnouncesMoves(t *testing.T) {
	var moves []Position
	p := newApp(t, Options{Role: Presenter, OnMove: func(pos Position) { moves = append(moves, pos) }}, 120, 40)
	press(p, "2", "j", "enter", "L", "esc")
	want := []Position{
		// Where the presenter starts is not told: it is where the room
		// was (or the first tab, where an unled room is anyway).
		{"industry", "industry-growth", false},
		{"industry", "industry-contribution", false},
		{"industry", "industry-contribution", true},
		{"industry", "industry-contribution", false},
	}
	if len(moves) != len(want) {
		t.Fatalf("moves = %+v, want %+v (L changes no position and is not announced)", moves, want)
	}
	for i := range want {
		if moves[i] != want[i] {
			t.Errorf("move %d = %+v, want %+v", i, moves[i], want[i])
		}
	}
	p.Update(FollowersMsg{Following: 3})
	if footer := lines(p.View())[39]; !strings.Contains(footer, "presenting · 3 following") || strings.Contains(footer, "browsing") {
		t.Errorf("presenter footer should count followers, and no one browsing: %q", footer)
	}
	p.Update(FollowersMsg{Following: 3, Browsing: 2})
	if footer := lines(p.View())[39]; !strings.Contains(footer, "3 following · 2 browsing") {
		t.Errorf("presenter footer should count those browsing alone: %q", footer)
	}
}

func TestFollowKeyOnlyForViewers(t *testing.T) {
	a := newApp(t, Options{}, 120, 40)
	press(a, "f")
	if a.follow.following {
		t.Error("f means nothing outside an SSH viewer session")
	}
	if strings.Contains(a.View(), "跟随主讲人") {
		t.Error("the footer should not offer f to a local user")
	}
}

// The server counts followers from what each viewer reports: once when
// it steps out, once when it steps back in, and not for other keys.
func TestViewerReportsFollowing(t *testing.T) {
	var reports []bool
	v := newApp(t, Options{Role: Viewer, OnFollow: func(f bool) { reports = append(reports, f) }}, 120, 40)
	press(v, "L", "2", "3", "j", "f", "L", "f", "f")
	want := []bool{false, true, false, true}
	if len(reports) != len(want) {
		t.Fatalf("reports = %v, want %v", reports, want)
	}
	for i := range want {
		if reports[i] != want[i] {
			t.Errorf("report %d = %v, want %v (all: %v)", i, reports[i], want[i], reports)
		}
	}
}

// A viewer's own slideshow, wheel or click is browsing alone.
func TestViewerBrowsesAloneOnAnyNavigation(t *testing.T) {
	for name, act := range map[string]func(*App){
		"autoplay": func(v *App) { press(v, "p") },
		"wheel": func(v *App) {
			v.Update(tea.MouseMsg{X: 10, Y: 10, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		},
		"tab click": func(v *App) {
			v.Update(tea.MouseMsg{X: v.tabSpans[2][0], Y: 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		},
	} {
		v := newApp(t, Options{Role: Viewer, Lang: model.En}, 120, 40)
		v.Update(PresenceMsg{Presenters: []string{"王老师"}})
		act(v)
		if v.follow.following || !strings.Contains(lines(v.View())[39], "browsing alone") {
			t.Errorf("%s: following=%v, footer %q; want browsing alone", name, v.follow.following, lines(v.View())[39])
		}
		v.Update(LeadMsg{Tab: "tourism"})
		if v.position().Tab == "tourism" {
			t.Errorf("%s: a viewer browsing alone was moved by the presenter", name)
		}
		press(v, "f")
		if !v.follow.following || v.autoplay.on || v.position().Tab != "tourism" {
			t.Errorf("%s: f should stop autoplay and rejoin the room: following=%v autoplay=%v tab=%s",
				name, v.follow.following, v.autoplay.on, v.position().Tab)
		}
	}
}

// A presenter starts where the room is and tells nobody; a move by
// another presenter moves this one too, without an echo back.
func TestPresenterStartsWhereTheRoomIs(t *testing.T) {
	var moves []Position
	room := Position{Tab: "services", Item: "services-key-industries"}
	p := newApp(t, Options{Role: Presenter, Lead: &room, OnMove: func(pos Position) { moves = append(moves, pos) }}, 120, 40)
	if got := p.position(); got != room {
		t.Fatalf("presenter starts at %+v, want the room's %+v", got, room)
	}
	other := Position{Tab: "tourism", Item: p.tabs[4].item(1).id()}
	p.Update(LeadMsg(other))
	if got := p.position(); got != other {
		t.Fatalf("after another presenter's move at %+v, want %+v", got, other)
	}
	if len(moves) != 0 {
		t.Fatalf("moves %+v told without a key of this presenter's", moves)
	}
	press(p, "j")
	if len(moves) != 1 || moves[0].Tab != "tourism" || moves[0] == other {
		t.Fatalf("moves %+v, want one: the next item on the tourism tab", moves)
	}
}

// A presenter's footer: counts first, then whom the room follows, then
// who else presents (the part cut first in a narrow window).
func TestPresenterFooterSaysWhoLeads(t *testing.T) {
	for _, tc := range []struct {
		presence PresenceMsg
		want     string
	}{
		{PresenceMsg{}, "presenting · 3 following · 1 browsing"},
		{PresenceMsg{Presenters: []string{"alice"}}, "3 following · 1 browsing · alice also presents"},
		{PresenceMsg{Presenters: []string{"alice"}, Leading: true}, "3 following · 1 browsing · room follows you · alice also presents"},
		{PresenceMsg{Presenters: []string{"alice"}, Mover: "alice"}, "3 following · 1 browsing · room follows alice"},
		{PresenceMsg{Presenters: []string{"alice", "王老师"}, Mover: "alice"}, "room follows alice · 王老师 also presents"},
	} {
		p := newApp(t, Options{Role: Presenter, Lang: model.En}, 160, 40)
		p.Update(FollowersMsg{Following: 3, Browsing: 1})
		p.Update(tc.presence)
		if footer := lines(p.View())[39]; !strings.HasSuffix(strings.TrimSpace(footer), tc.want) {
			t.Errorf("%+v: footer %q, want it to end %q", tc.presence, footer, tc.want)
		}
	}
}
