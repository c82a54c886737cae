package main

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// BenchmarkFrame draws the floor's 120×40 frame in 256 colours, as
// kmdash's ui.BenchmarkFrame draws its first frame: the drawing a bare
// lipgloss program does, beside kmdash's.
//
//	go test -run '^$' -bench Frame -benchtime 300x
func BenchmarkFrame(b *testing.B) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	if n := strings.Count(frame(r), "\n") + 1; n != height {
		b.Fatalf("the frame has %d lines, want %d", n, height)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = frame(r)
	}
}
