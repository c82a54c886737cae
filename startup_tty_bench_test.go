package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
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
	cmd := exec.Command(argv[0], append(argv[1:], "--now", fixedNow)...)
	cmd.Env = env
	ptmx, tty, err := pty.Open()
	if err != nil {
		b.Fatal(err)
	}
	defer ptmx.Close()
	pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 120})
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	tty.Close()
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		var seen bytes.Buffer
		buf := make([]byte, 8192)
		answers := terminalAnswers(darkTerminal)
		answered, typed := make([]int, len(answers)), false
		for {
			n, err := ptmx.Read(buf)
			seen.Write(buf[:n])
			s := seen.String()
			for i, qa := range answers {
				for ; answered[i] < strings.Count(s, qa.query); answered[i]++ {
					ptmx.Write([]byte(qa.answer))
				}
			}
			if !typed && strings.Contains(ansi.Strip(s), "q 关闭/退出") {
				ptmx.Write([]byte("q"))
				typed = true
			}
			if err != nil {
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			b.Fatalf("%s: %v", argv[0], err)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		b.Fatalf("%s did not draw and quit within 20 s", argv[0])
	}
	wall = time.Since(start)
	<-ended
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
