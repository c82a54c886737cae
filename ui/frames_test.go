package ui

import (
	"testing"
	"unsafe"

	"github.com/muesli/termenv"
)

// Followers whose terminals agree share one frame per place the
// presenter goes: the second draws nothing, and what it shows is what
// it would have drawn alone, whatever way it came there.
func TestFollowersShareFrames(t *testing.T) {
	t.Parallel()
	rend := renderer(termenv.ANSI256)
	theme := NewTheme(rend)
	frames, layouts := NewFrames(16), NewLayouts(64)
	shared := Options{Role: Viewer, Renderer: rend, Theme: theme, Frames: frames, Layouts: layouts}
	a := newApp(t, shared, 120, 40)
	b := newApp(t, shared, 120, 40)
	alone := newApp(t, Options{Role: Viewer, Renderer: rend, Theme: theme}, 120, 40)

	here := Position{Tab: "property", Item: "housing-sales-growth", Detail: true}
	// b gets there another way: via other places, and a language round trip.
	b.Update(LeadMsg{Tab: "tourism", Item: "gull-season"})
	press(b, "L", "L")
	b.Update(LeadMsg{Tab: "property", Item: "housing-sales-area"})
	for _, app := range []*App{a, b, alone} {
		app.Update(PresenceMsg{Presenters: []string{"王老师"}})
		app.Update(LeadMsg(here))
	}
	if a.View() != alone.View() {
		t.Fatalf("the shared frame differs from the one drawn alone:\n%s\n--- alone ---\n%s", a.View(), alone.View())
	}
	if unsafe.StringData(a.View()) != unsafe.StringData(b.View()) {
		t.Fatal("two followers at one place with the same look hold two frames, not one")
	}
	if unsafe.StringData(a.View()) == unsafe.StringData(alone.View()) {
		t.Fatal("a dashboard without Frames took a shared frame")
	}

	// A different look (size) is its own frame; so is a viewer who
	// browses alone with help open.
	c := newApp(t, shared, 100, 30)
	c.Update(LeadMsg(here))
	if c.View() == a.View() {
		t.Fatal("a follower of another size shows the same frame")
	}
	press(b, "?")
	if unsafe.StringData(a.View()) == unsafe.StringData(b.View()) {
		t.Fatal("a viewer with the help open still shows the shared frame")
	}
}

// A follower whose open detail came from shared frames (and so was never
// drawn) scrolls it with the first key, as one who drew it would.
func TestSharedDetailScrollsAtOnce(t *testing.T) {
	t.Parallel()
	rend := renderer(termenv.ANSI256)
	theme := NewTheme(rend)
	frames := NewFrames(16)
	here := Position{Tab: "property", Item: "housing-sales-growth", Detail: true}
	a := newApp(t, Options{Role: Viewer, Renderer: rend, Theme: theme, Frames: frames}, 100, 24)
	b := newApp(t, Options{Role: Viewer, Renderer: rend, Theme: theme, Frames: frames}, 100, 24)
	alone := newApp(t, Options{Role: Viewer, Renderer: rend, Theme: theme}, 100, 24)
	for _, app := range []*App{a, b, alone} {
		app.Update(LeadMsg(here))
	}
	press(b, "pgdown")
	press(alone, "pgdown")
	if b.View() != alone.View() {
		t.Fatalf("after pgdown the shared-detail follower shows\n%s\n--- one that drew its own ---\n%s", b.View(), alone.View())
	}
	if b.detail.body.YOffset == 0 {
		t.Fatal("pgdown did not scroll a detail taller than the window")
	}
}
