package ui

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/muesli/termenv"
)

// Every benchmark here times an Update that changes what is on screen and
// the View that shows it; View alone only returns the frame the last
// change drew, and timing it would time nothing.

// mustChange fails the benchmark unless msg gives a new frame, so that no
// benchmark here times an Update that found nothing to do.
func mustChange(b *testing.B, a *App, msg tea.Msg) {
	b.Helper()
	before := a.View()
	a.Update(msg)
	if a.View() == before {
		b.Fatalf("%#v left the frame as it was", msg)
	}
}

// BenchmarkKeyPress is a selection move and the redraw it causes: cards
// are redrawn, charts are reused.
func BenchmarkKeyPress(b *testing.B) {
	for _, tab := range tabIDs(b) {
		b.Run(string(tab), func(b *testing.B) {
			benchKeyPresses(b, Options{Tab: tab, Renderer: renderer(termenv.ANSI256)})
		})
	}
}

// benchKeyPresses times down and up in turn at 120×40, each Update with
// the View that shows it; both must change the frame.
func benchKeyPresses(b *testing.B, o Options) {
	a := newApp(b, o, 120, 40)
	down, up := keyMsg("down"), keyMsg("up")
	mustChange(b, a, down)
	mustChange(b, a, up)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			a.Update(down)
		} else {
			a.Update(up)
		}
		_ = a.View()
		i++
	}
}

// BenchmarkResize is a change of window size: charts, bars and the
// calendar are drawn again.
func BenchmarkResize(b *testing.B) {
	for _, tab := range tabIDs(b) {
		b.Run(string(tab), func(b *testing.B) {
			a := newApp(b, Options{Tab: tab, Renderer: renderer(termenv.ANSI256)}, 120, 40)
			sizes := []int{120, 121}
			mustChange(b, a, resize(121, 40))
			mustChange(b, a, resize(120, 40))
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a.Update(resize(sizes[i%2], 40))
				_ = a.View()
				i++
			}
		})
	}
}

// BenchmarkTabSwitch is the next-tab key on a dashboard that has shown
// every tab at this size: the frame is put together from the tab's kept
// lines, as a presenter flipping tabs gets it.
func BenchmarkTabSwitch(b *testing.B) {
	a := newApp(b, Options{Renderer: renderer(termenv.ANSI256)}, 120, 40)
	next := keyMsg("tab")
	for range tabIDs(b) {
		mustChange(b, a, next)
	}
	b.ReportAllocs()
	for b.Loop() {
		a.Update(next)
		_ = a.View()
	}
}

// BenchmarkTabFirstVisit is the first switch to each tab at a new size: its
// cards, charts, bars and calendar are all drawn. The dashboard is made
// anew, outside the timing, before each switch.
func BenchmarkTabFirstVisit(b *testing.B) {
	pack := testPack(b)
	for i, tab := range tabIDs(b)[1:] {
		b.Run(string(tab), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				b.StopTimer()
				a := newApp(b, Options{Pack: pack, Renderer: renderer(termenv.ANSI256)}, 120, 40)
				key := keyMsg(fmt.Sprint(i + 2))
				before := a.View()
				b.StartTimer()
				a.Update(key)
				if a.View() == before {
					b.Fatalf("key %s left the frame as it was", key)
				}
			}
		})
	}
}

// BenchmarkFrame builds a dashboard and draws one 120×40 frame, the work
// `kmdash render` does once the pack is loaded.
func BenchmarkFrame(b *testing.B) {
	pack := testPack(b)
	r := renderer(termenv.ANSI256)
	b.ReportAllocs()
	for b.Loop() {
		_ = Frame(Options{Pack: pack, Now: clock, Renderer: r}, 120, 40)
	}
}
