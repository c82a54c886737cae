package ui

import (
	"testing"

	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// BenchmarkView is what bubbletea calls for every frame at 120×40: it
// returns the frame drawn at the last change.
func BenchmarkView(b *testing.B) {
	for _, tab := range model.Tabs {
		b.Run(string(tab), func(b *testing.B) {
			a := newApp(b, Options{Tab: tab, Renderer: renderer(termenv.ANSI256)}, 120, 40)
			b.ReportAllocs()
			for b.Loop() {
				_ = a.View()
			}
		})
	}
}

// BenchmarkKeyPress is a selection move and the redraw it causes: cards
// are redrawn, charts are reused.
func BenchmarkKeyPress(b *testing.B) {
	for _, tab := range model.Tabs {
		b.Run(string(tab), func(b *testing.B) {
			a := newApp(b, Options{Tab: tab, Renderer: renderer(termenv.ANSI256)}, 120, 40)
			down, up := keyMsg("down"), keyMsg("up")
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
		})
	}
}

// BenchmarkResize is a change of window size: charts, bars and the
// calendar are drawn again.
func BenchmarkResize(b *testing.B) {
	for _, tab := range model.Tabs {
		b.Run(string(tab), func(b *testing.B) {
			a := newApp(b, Options{Tab: tab, Renderer: renderer(termenv.ANSI256)}, 120, 40)
			sizes := []int{120, 121}
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
