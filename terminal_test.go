package main

import (
	"bytes"
	"cmp"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// A dark and a light background, as a terminal states its colour in
// answer to OSC 11.
const (
	darkTerminal  = "rgb:1e1e/1e1e/2e2e"
	lightTerminal = "rgb:ffff/ffff/ffff"
)

// terminalAnswers are the queries a program may send a terminal to learn
// its background, and a terminal's answers given its background colour.
func terminalAnswers(background string) []struct{ query, answer string } {
	return []struct{ query, answer string }{
		{"\x1b]11;?", "\x1b]11;" + background + "\x1b\\"}, // OSC 11, the background colour
		{"\x1b[c", "\x1b[?62;22c"},                        // DA1, which every terminal answers
		{"\x1b[6n", "\x1b[40;1R"},                         // the cursor's position
	}
}

// ttyRun is what a pseudo-terminal saw of one kmdash process.
type ttyRun struct {
	screen  string // everything kmdash wrote, escape codes and all
	queries int    // OSC 11 background queries among it
	elapsed time.Duration
	cpu     time.Duration // the process's user and system time
}

// runOnTerminal starts argv (a kmdash binary and its arguments) on a new
// pseudo-terminal (its controlling terminal, as a shell's command has)
// and plays the terminal: it answers with the background colour given,
// or stays silent, as some terminals and multiplexers do, when background
// is "". stdout, when set, takes kmdash's standard output instead. Once
// the screen shows until, it types keys.
func runOnTerminal(t testing.TB, argv, env []string, background string, stdout io.Writer, until, keys string) ttyRun {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = env
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	if stdout != nil {
		cmd.Stdout = stdout
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}

	var mu sync.Mutex
	var seen bytes.Buffer
	read := make(chan struct{})
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	go func() {
		defer close(read)
		answers := terminalAnswers(background)
		answered := make([]int, len(answers))
		typed := false
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			mu.Lock()
			seen.Write(buf[:n])
			s := seen.String()
			mu.Unlock()
			for i, qa := range answers {
				for ; background != "" && answered[i] < strings.Count(s, qa.query); answered[i]++ {
					ptmx.Write([]byte(qa.answer))
				}
			}
			if !typed && keys != "" && strings.Contains(ansi.Strip(s), until) {
				ptmx.Write([]byte(keys))
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
			t.Fatalf("%s: %v", strings.Join(argv, " "), err)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("%s still running after 30 s", strings.Join(argv, " "))
	}
	elapsed := time.Since(start)
	// The child has gone; reading on ends with EIO once its output is in.
	select {
	case <-read:
	case <-time.After(5 * time.Second):
		t.Fatal("the terminal's output did not end after kmdash exited")
	}
	mu.Lock()
	defer mu.Unlock()
	s := seen.String()
	return ttyRun{s, strings.Count(s, "\x1b]11;?"), elapsed, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
}

// terminalEnv is a clean environment of a colour terminal, plus extra.
func terminalEnv(extra ...string) []string {
	return append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME"), "TERM=xterm-256color", "LANG=C.UTF-8"}, extra...)
}

// headerBackground is the SGR that paints the header bar in 256 colours
// on each background (ui/theme.go's headerBg).
var headerBackground = map[string]string{darkTerminal: "48;5;236", lightTerminal: "48;5;254"}

// TestBackgroundQuery holds kmdash to at most one background query, and
// none where colour is off or the output is not a terminal; the answer
// decides the palette, and a terminal that never answers still gets its
// frame. The time a silent terminal costs is logged (go test -v) and
// recorded in BENCHMARKS.md, not checked.
func TestBackgroundQuery(t *testing.T) {
	t.Parallel()
	render := []string{"render", "--tab", "economy", "--width", "120", "--height", "40", "--now", fixedNow}
	plain := runCLI(t, append(render, "--color", "never")...)
	if plain.code != exitOK {
		t.Fatalf("plain render\n%s", plain)
	}
	header := strings.TrimSpace(lines(plain.stdout)[0])
	never := append(slices.Clone(render), "--color", "never")

	tests := []struct {
		name       string
		args       []string
		env        []string
		background string // the terminal's answer, "" for none
		toPipe     bool
		maxQueries int
	}{
		{"dark terminal", render, nil, darkTerminal, false, 1},
		{"light terminal", render, nil, lightTerminal, false, 1},
		{"silent terminal", render, nil, "", false, 1},
		{"--color never", never, nil, "", false, 0},
		{"--color never, answering", never, nil, darkTerminal, false, 0},
		{"NO_COLOR", render, []string{"NO_COLOR=1"}, darkTerminal, false, 0},
		{"TERM=dumb", render, []string{"TERM=dumb"}, darkTerminal, false, 0},
		{"output into a pipe", render, nil, darkTerminal, true, 0},
		{"--color always into a pipe", append(slices.Clone(render), "--color", "always"), nil, darkTerminal, true, 0},
		{"dashboard, light terminal", []string{"--now", fixedNow}, nil, lightTerminal, false, 1},
		{"dashboard, silent terminal", []string{"--now", fixedNow}, nil, "", false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var pipe *bytes.Buffer
			var stdout io.Writer
			if tc.toPipe {
				pipe = new(bytes.Buffer)
				stdout = pipe
			}
			quit := ""
			if tc.args[0] != "render" {
				quit = "q"
			}
			r := runOnTerminal(t, append([]string{kmdashBinary(t)}, tc.args...), terminalEnv(tc.env...), tc.background, stdout, header, quit)
			frame := r.screen
			if tc.toPipe {
				frame = pipe.String()
				if r.queries += strings.Count(frame, "\x1b]11;?"); strings.TrimSpace(r.screen) != "" {
					t.Errorf("with output into a pipe, the terminal was sent %q", r.screen)
				}
			}
			if r.queries > tc.maxQueries {
				t.Errorf("%d background queries, want at most %d", r.queries, tc.maxQueries)
			}
			if !strings.Contains(ansi.Strip(frame), header) {
				t.Errorf("no frame on the terminal:\n%s", ansi.Strip(frame))
			}
			// What the terminal said decides the palette; no answer means dark.
			if tc.maxQueries > 0 {
				want := headerBackground[cmp.Or(tc.background, darkTerminal)]
				if !strings.Contains(frame, want) {
					t.Errorf("the header is not painted %s, the colour for %s", want, cmp.Or(tc.background, "no answer"))
				}
			}
			t.Logf("%d queries, exited after %v", r.queries, r.elapsed.Round(time.Millisecond))
		})
	}
}
