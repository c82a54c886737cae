package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkDashboardStartup times the dashboard on a pseudo-terminal of
// 120×40 that answers the colour query as a dark terminal does: process
// start to the first whole frame (its footer drawn), then q and the wait
// for exit, all timed. No review is opened, and the run checks that the
// review database was not created. Builds named in KMDASH_COMPARE
// (name=path,…) run in the same rounds, in an order that swaps every
// round; the figures are medians. Nothing here asserts a timing.
//
//	go build -o /tmp/kmdash-main (at main) …
//	KMDASH_COMPARE=main=/tmp/kmdash-main go test -run '^$' -bench DashboardStartup -benchtime 200x .
func BenchmarkDashboardStartup(b *testing.B) {
	runs := []*startupRun{{name: "kmdash", argv: []string{kmdashBinary(b)}}}
	for _, other := range strings.Split(os.Getenv("KMDASH_COMPARE"), ",") {
		if name, path, ok := strings.Cut(other, "="); ok {
			runs = append(runs, &startupRun{name: name, argv: []string{path}})
		}
	}
	data := b.TempDir()
	env := terminalEnv("XDG_DATA_HOME="+data, "KMDASH_LANG=zh")
	i := 0
	for b.Loop() {
		for j := range runs {
			r := runs[(i+j)%len(runs)]
			wall, cpu := dashboardOnce(b, r.argv, env)
			r.wall = append(r.wall, wall)
			r.cpu = append(r.cpu, cpu)
		}
		i++
	}
	if _, err := os.Stat(filepath.Join(data, "kmdash", "review.db")); !os.IsNotExist(err) {
		b.Fatalf("starting the dashboard made the review database (%v)", err)
	}
	b.ReportMetric(0, "ns/op")
	first := median(runs[0].wall)
	for _, r := range runs {
		b.ReportMetric(ms(median(r.wall)), r.name+"-ms")
		b.ReportMetric(ms(median(r.cpu)), r.name+"-cpu-ms")
		if r != runs[0] {
			b.ReportMetric(float64(median(r.wall))/float64(first), r.name+"/kmdash")
		}
	}
}

// dashboardOnce starts argv on a new terminal, waits for the footer's
// quit hint, types q and waits for the exit.
func dashboardOnce(b *testing.B, argv, env []string) (wall, cpu time.Duration) {
	b.Helper()
	r := runOnTerminal(b, slices.Concat(argv, []string{"--now", fixedNow}), env, darkTerminal, nil, "q 关闭/退出", "q")
	return r.elapsed, r.cpu
}
