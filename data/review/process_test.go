package review

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kmdash/kmdash/model"
)

// helperEnv turns the test binary into a second process that writes to a
// store: "MODE PATH ARG". Its stdout tells the test how far it got.
const helperEnv = "KMDASH_REVIEW_HELPER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		os.Exit(helper(strings.Fields(spec)))
	}
	os.Exit(m.Run())
}

const batchSize = 20

func helper(args []string) int {
	mode, path, arg := args[0], args[1], args[2]
	s := New(path, Options{Wait: 10 * time.Second})
	fail := func(err error) int { fmt.Fprintln(os.Stderr, err); return 3 }
	switch mode {
	case "hold":
		// Put half a batch, say so, and wait inside the transaction to be
		// killed: the file stays locked and the batch uncommitted.
		s.midWrite = func(put int) {
			if put == batchSize/2 {
				fmt.Println("mid-write")
				time.Sleep(time.Hour)
			}
		}
		_, err := s.Append(batch(arg, 0)...)
		return fail(err)
	case "loop":
		// Commit batch after batch until killed, saying which one is done.
		for i := 0; ; i++ {
			if _, err := s.Append(batch(arg, i)...); err != nil {
				return fail(err)
			}
			fmt.Println("committed", i)
		}
	case "count":
		// Write n notes one transaction each, then stop.
		n, _ := strconv.Atoi(strings.TrimPrefix(filepath.Ext(arg), "."))
		author := strings.TrimSuffix(arg, filepath.Ext(arg))
		for i := range n {
			if _, err := s.Append(entry("gdp-growth", model.MarkNote, fmt.Sprintf("%s %d", author, i), author)); err != nil {
				return fail(err)
			}
		}
		return 0
	}
	return 2
}

// batch is one transaction's worth of entries, each note saying which
// batch it belongs to.
func batch(author string, n int) []model.ReviewEntry {
	out := make([]model.ReviewEntry, batchSize)
	for i := range out {
		out[i] = entry("industry-growth", model.MarkNote, fmt.Sprintf("batch %d entry %d %s", n, i, strings.Repeat("字", 300)), author)
	}
	return out
}

type child struct {
	cmd   *exec.Cmd
	lines *bufio.Scanner
}

func start(t *testing.T, spec ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+strings.Join(spec, " "))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return &child{cmd, bufio.NewScanner(out)}
}

// await reads the child's lines until one starts with prefix.
func (c *child) await(t *testing.T, prefix string) {
	t.Helper()
	for c.lines.Scan() {
		if strings.HasPrefix(c.lines.Text(), prefix) {
			return
		}
	}
	t.Fatalf("the writer ended before saying %q", prefix)
}

func (c *child) kill(t *testing.T) {
	t.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := c.cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the writer was not killed by SIGKILL: %v", err)
	}
}

func seed(t *testing.T, s *Store) []model.ReviewEntry {
	t.Helper()
	kept, err := s.Append(entry("gdp-growth", model.MarkFlagged, "", "wang"),
		entry("gdp-growth", model.MarkNote, "上半年低于目标，请跟进。", "wang"))
	if err != nil {
		t.Fatal(err)
	}
	return kept
}

// sameEntries reports whether got holds exactly want, in order.
func sameEntries(got, want []model.ReviewEntry) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Seq != w.Seq || g.Indicator != w.Indicator || g.Kind != w.Kind || g.Text != w.Text || !g.Time.Equal(w.Time) || g.Author != w.Author {
			return false
		}
	}
	return true
}

// A writer killed with SIGKILL halfway through putting a batch leaves
// none of the batch behind and everything before it intact; the file
// then takes new writes.
func TestKillMidTransaction(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "review.db")
	s := New(path, Options{})
	before := seed(t, s)
	w := start(t, "hold", path, "killed")
	w.await(t, "mid-write")
	w.kill(t)
	got, err := s.Entries(pack)
	if err != nil {
		t.Fatalf("reopening after the kill: %v", err)
	}
	if !sameEntries(got, before) {
		t.Errorf("after the kill: %d entries, want the %d written before it, unchanged", len(got), len(before))
	}
	after, err := s.Append(entry("industry-growth", model.MarkReviewed, "", "li"))
	if err != nil {
		t.Fatalf("writing after the kill: %v", err)
	}
	if got, err := s.Entries(pack); err != nil || !sameEntries(got, append(before, after...)) {
		t.Errorf("after a new write: %d entries, %v", len(got), err)
	}
}

// A writer committing batch after batch, killed at a random moment (in a
// commit or between two), leaves whole batches only: at least every one
// it reported committed, and nothing of the one it was writing.
func TestKillDuringCommits(t *testing.T) {
	t.Parallel()
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	path := filepath.Join(t.TempDir(), "review.db")
	s := New(path, Options{})
	before := seed(t, s)
	for round := range rounds {
		w := start(t, "loop", path, fmt.Sprint("r", round))
		w.await(t, "committed 0")
		time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
		w.kill(t)
		got, err := s.Entries(pack)
		if err != nil {
			t.Fatalf("round %d: reopening after the kill: %v", round, err)
		}
		if !sameEntries(got[:len(before)], before) {
			t.Fatalf("round %d: the seeded entries changed", round)
		}
		// Count each round's batches: every batch must be whole.
		perBatch := map[string]int{}
		for _, e := range got[len(before):] {
			batchID := e.Author + " " + strings.Join(strings.Fields(e.Text)[:2], " ")
			perBatch[batchID]++
		}
		for id, n := range perBatch {
			if n != batchSize {
				t.Errorf("round %d: %s has %d of %d entries", round, id, n, batchSize)
			}
		}
		if perBatch[fmt.Sprintf("r%d batch 0", round)] != batchSize {
			t.Errorf("round %d: the batch reported committed is missing", round)
		}
	}
}

// While another process holds the file, a write and a read each answer
// "in use" in one line within the wait, and lose nothing: once the other
// process is gone the same write succeeds beside everything before it.
func TestInUseByAnotherProcess(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "review.db")
	s := New(path, Options{Wait: 300 * time.Millisecond})
	before := seed(t, s)
	w := start(t, "hold", path, "holder")
	w.await(t, "mid-write")
	flag := entry("industry-growth", model.MarkFlagged, "", "li")
	_, writeErr := s.Append(flag)
	_, readErr := s.Entries(pack)
	for what, err := range map[string]error{"write": writeErr, "read": readErr} {
		if !errors.Is(err, ErrInUse) || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "in use by another process") {
			t.Errorf("%s beside another process: %v, want one line saying it is in use", what, err)
		}
	}
	w.kill(t)
	kept, err := s.Append(flag)
	if err != nil {
		t.Fatalf("writing once the other process is gone: %v", err)
	}
	if got, err := s.Entries(pack); err != nil || !sameEntries(got, append(before, kept...)) {
		t.Errorf("after: %d entries, %v; want the seeded ones and the flag", len(got), err)
	}
}

// Two processes writing to one file at the same time both get every
// write in, each in its own order.
func TestTwoWritersLoseNothing(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "review.db")
	const n = 60
	a := start(t, "count", path, fmt.Sprint("alice.", n))
	b := start(t, "count", path, fmt.Sprint("bob.", n))
	for _, c := range []*child{a, b} {
		if err := c.cmd.Wait(); err != nil {
			t.Fatalf("a writer failed: %v", err)
		}
	}
	got, err := New(path, Options{}).Entries(pack)
	if err != nil {
		t.Fatal(err)
	}
	next := map[string]int{}
	for _, e := range got {
		if want := fmt.Sprintf("%s %d", e.Author, next[e.Author]); e.Text != want {
			t.Fatalf("%s's entry %q out of order, want %q", e.Author, e.Text, want)
		}
		next[e.Author]++
	}
	if next["alice"] != n || next["bob"] != n {
		t.Errorf("kept %d of alice's and %d of bob's %d writes", next["alice"], next["bob"], n)
	}
}
