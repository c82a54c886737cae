package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kmdash/kmdash/data"
)

// BenchmarkStartup times a whole `kmdash render` of a 120×40 frame, process
// start to exit, beside a bare Go program that prints one lipgloss frame of
// the same size (testdata/bare). The requirement is that the first costs at
// most about twice the second; compare the two ns/op figures. Nothing here
// asserts a timing: a loaded machine must not fail the build. Each run must
// exit 0 and print no more than 40 lines.
//
//	go test -run XXX -bench Startup -benchtime 200x -count 3 .
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	kmdash := filepath.Join(dir, "kmdash")
	bare := filepath.Join(dir, "bare")
	build(b, kmdash, ".")
	build(b, bare, "./testdata/bare")

	cases := []struct {
		name string
		argv []string
	}{
		{"kmdash-render-120x40", []string{kmdash, "render", "--tab", "economy", "--width", "120", "--height", "40", "--color", "never"}},
		{"bare-lipgloss-120x40", []string{bare}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var out, errOut bytes.Buffer
			for b.Loop() {
				out.Reset()
				errOut.Reset()
				cmd := exec.Command(c.argv[0], c.argv[1:]...)
				cmd.Stdout, cmd.Stderr = &out, &errOut
				if err := cmd.Run(); err != nil {
					b.Fatalf("%s: %v\n%s", strings.Join(c.argv, " "), err, errOut.String())
				}
				if n := strings.Count(strings.TrimSuffix(out.String(), "\n"), "\n") + 1; n > 40 {
					b.Fatalf("%s printed %d lines, want at most 40", c.name, n)
				}
			}
		})
	}
}

// BenchmarkPackLoad is the part of kmdash's start-up that the bare program
// does not do: parsing and checking the embedded pack (data.Default parses
// once per process, so this calls data.Load directly).
func BenchmarkPackLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := data.Load(data.DefaultName, data.DefaultBytes()); err != nil {
			b.Fatal(err)
		}
	}
}

func build(b *testing.B, out, pkg string) {
	b.Helper()
	start := time.Now()
	cmd := exec.Command("go", "build", "-o", out, pkg)
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build %s: %v\n%s", pkg, err, msg)
	}
	b.Logf("built %s in %v", pkg, time.Since(start).Round(time.Millisecond))
}
