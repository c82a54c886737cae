package ui

import (
	"testing"

	"github.com/muesli/termenv"
)

// BenchmarkKeyPressDrawing is BenchmarkKeyPress on the economy tab in
// each drawing: ASCII pays for its text replacements on every frame it
// composes, once, after layout.
func BenchmarkKeyPressDrawing(b *testing.B) {
	for _, d := range []struct {
		name  string
		ascii bool
	}{{"unicode", false}, {"ascii", true}} {
		b.Run(d.name, func(b *testing.B) {
			benchKeyPresses(b, Options{Tab: "economy", Renderer: renderer(termenv.ANSI256), Look: Look{ASCII: d.ascii}})
		})
	}
}
