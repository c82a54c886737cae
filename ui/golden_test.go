package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// TestGoldenFrames compares every tab in both languages at 80×24,
// 120×40 and 200×60 with frames in testdata/TestGoldenFrames that were read by eye
// before they were committed. After an intended change, run
// `go test ./ui -run TestGoldenFrames -update` and read them again.
func TestGoldenFrames(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	for _, tab := range tabIDs(t) {
		for _, lang := range model.Langs {
			for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
				t.Run(fmt.Sprintf("%s-%s-%dx%d", tab, lang, size[0], size[1]), func(t *testing.T) {
					frame := Frame(Options{Pack: pack, Lang: lang, Now: clock, Tab: tab, Renderer: renderer(termenv.Ascii)}, size[0], size[1])
					golden.RequireEqual(t, []byte(frame))
				})
			}
		}
	}
}
