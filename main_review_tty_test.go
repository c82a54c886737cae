package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/kmdash/kmdash/data/review"
)

// ttySession is kmdash on a pseudo-terminal, driven a key at a time: each
// step types keys and waits for what they bring onto the screen.
type ttySession struct {
	t    *testing.T
	cmd  *exec.Cmd
	ptmx interface{ Write([]byte) (int, error) }
	mu   sync.Mutex
	seen bytes.Buffer
	mark int // where the next wait starts reading
	more chan struct{}
	done chan error
}

func startTTY(t *testing.T, args ...string) *ttySession {
	t.Helper()
	cmd := exec.Command(kmdashBinary(t), args...)
	cmd.Env = terminalEnv()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := pty.Setsize(ptmx, &pty.Winsize{Rows: 40, Cols: 120}); err != nil {
		t.Fatal(err)
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	s := &ttySession{t: t, cmd: cmd, ptmx: ptmx, more: make(chan struct{}, 1), done: make(chan error, 1)}
	go func() {
		answers := terminalAnswers(darkTerminal)
		answered := make([]int, len(answers))
		buf := make([]byte, 4096)
		for {
			n, err := ptmx.Read(buf)
			s.mu.Lock()
			s.seen.Write(buf[:n])
			all := s.seen.String()
			s.mu.Unlock()
			for i, qa := range answers {
				for ; answered[i] < strings.Count(all, qa.query); answered[i]++ {
					ptmx.Write([]byte(qa.answer))
				}
			}
			select {
			case s.more <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	go func() { s.done <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
		}
	})
	return s
}

// step types keys (nothing when empty) and waits until the output since
// the last step shows want.
func (s *ttySession) step(keys, want string) {
	s.t.Helper()
	if keys != "" {
		if _, err := s.ptmx.Write([]byte(keys)); err != nil {
			s.t.Fatalf("typing %q: %v", keys, err)
		}
	}
	deadline := time.After(15 * time.Second)
	for {
		s.mu.Lock()
		out := ansi.Strip(s.seen.String()[s.mark:])
		end := s.seen.Len()
		s.mu.Unlock()
		if strings.Contains(out, want) {
			s.mark = end
			return
		}
		select {
		case <-s.more:
		case <-deadline:
			s.t.Fatalf("after %q, no %q within 15 s; the terminal got:\n%s", keys, want, out)
		}
	}
}

// The Done-when's check in a real terminal: r, !, e with a Chinese note
// and esc, q; then the minutes of the same database carry the flag and
// the note with its time.
func TestReviewInATerminal(t *testing.T) {
	t.Parallel()
	db := filepath.Join(t.TempDir(), "x.db")
	s := startTTY(t, "--review-db", db, "--now", fixedNow)
	s.step("", "数据包 kunming-2025q3")
	s.step("r", "审议 1/16 · 需跟进0项")
	s.step("!", "需跟进1项")
	s.step("e", "esc 保存")
	s.step("中文笔记", "中文笔记")
	s.step("\x1b", "✎1")
	if _, err := s.ptmx.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatalf("kmdash ended with %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("q did not end kmdash")
	}

	r := runCLI(t, "minutes", "--format", "md", "--review-db", db)
	if r.code != exitOK {
		t.Fatalf("minutes\n%s", r)
	}
	flag := lineWith(r.stdout, "### 1. 地区生产总值", "需跟进")
	// The note names the person at this terminal, looked up only when it
	// was kept.
	note := lineWith(r.stdout, review.LocalAuthor()+"，", "：中文笔记")
	if flag == "" || note == "" {
		t.Fatalf("the minutes lack the flag or the note:\n%s", r.stdout)
	}
	// The note carries the time it was written, to the minute, in the
	// minutes' zone (this machine's).
	stamp := timeStamp.FindString(note)
	at, err := time.ParseInLocation("2006-01-02 15:04", stamp, time.Local)
	if err != nil {
		t.Fatalf("the note has no time: %q", note)
	}
	if d := time.Since(at); d < 0 || d > 5*time.Minute {
		t.Errorf("the note is stamped %s, %v before now", stamp, d)
	}
}

var timeStamp = regexp.MustCompile(`\d{4}-\d{2}-\d{2} \d{2}:\d{2}`)
