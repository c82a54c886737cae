package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kmdash/kmdash/data"
)

// startupRun is one program BenchmarkStartup starts again and again.
type startupRun struct {
	name string
	argv []string
	wall []time.Duration
	cpu  []time.Duration // user + system
}

// BenchmarkStartup times `kmdash render --tab economy --width 120 --height
// 40`, process start to exit, beside the floor: testdata/floor/lipgloss, a
// Go program in a module of its own that prints one 120×40 lipgloss frame.
// Each round runs both, in an order that swaps every round, so that the
// machine's load falls on both alike; the figures are medians, and the
// ratios are of medians. Both write into a pipe. To run other builds of
// kmdash in the same rounds, name them in KMDASH_COMPARE, as
// main=/tmp/kmdash-main,old=/tmp/kmdash-old. Nothing here asserts a timing: a loaded machine must not
// fail the build. Each run must exit 0 and print 40 lines.
//
//	go test -run '^$' -bench Startup -benchtime 400x .
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	kmdash := kmdashBinary(b)
	floor := filepath.Join(dir, "floor-lipgloss")
	buildFloor(b, floor)
	render := []string{"render", "--tab", "economy", "--width", "120", "--height", "40"}
	runs := []*startupRun{
		{name: "kmdash", argv: append([]string{kmdash}, render...)},
		{name: "floor", argv: []string{floor}},
	}
	for _, other := range strings.Split(os.Getenv("KMDASH_COMPARE"), ",") {
		if name, path, ok := strings.Cut(other, "="); ok {
			runs = append(runs, &startupRun{name: name, argv: append([]string{path}, render...)})
		}
	}
	var out, errOut bytes.Buffer
	i := 0
	for b.Loop() {
		for j := range runs {
			r := runs[(i+j)%len(runs)]
			out.Reset()
			errOut.Reset()
			cmd := exec.Command(r.argv[0], r.argv[1:]...)
			cmd.Stdout, cmd.Stderr = &out, &errOut
			start := time.Now()
			err := cmd.Run()
			wall := time.Since(start)
			if err != nil {
				b.Fatalf("%s: %v\n%s", strings.Join(r.argv, " "), err, errOut.String())
			}
			if n := strings.Count(out.String(), "\n"); n != 40 {
				b.Fatalf("%s printed %d lines, want 40", r.name, n)
			}
			r.wall = append(r.wall, wall)
			r.cpu = append(r.cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
		}
		i++
	}
	// ns/op would be the time of a whole round; the medians say more.
	b.ReportMetric(0, "ns/op")
	floorWall, floorCPU := median(runs[1].wall), median(runs[1].cpu)
	for _, r := range runs {
		wall, cpu := median(r.wall), median(r.cpu)
		b.ReportMetric(ms(wall), r.name+"-ms")
		b.ReportMetric(ms(cpu), r.name+"-cpu-ms")
		if r.name != "floor" {
			b.ReportMetric(float64(wall)/float64(floorWall), r.name+"/floor")
			b.ReportMetric(float64(cpu)/float64(floorCPU), r.name+"/floor-cpu")
		}
	}
}

// buildFloor builds the floor in its own module, as its own go.mod says,
// never inside kmdash's.
func buildFloor(b *testing.B, out string) {
	b.Helper()
	cmd := exec.Command("go", "build", "-o", out, ".")
	cmd.Dir = filepath.Join("testdata", "floor", "lipgloss")
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build testdata/floor/lipgloss: %v\n%s", err, msg)
	}
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// BenchmarkPackLoad is what `--data FILE` costs on top of a start with the
// embedded pack, which is decoded when kmdash is built: reading a pack of
// the embedded one's size from YAML, with every check.
func BenchmarkPackLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := data.Load(data.DefaultName, data.DefaultBytes()); err != nil {
			b.Fatal(err)
		}
	}
}
