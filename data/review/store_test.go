package review

import (
	"bytes"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/kmdash/kmdash/model"
)

const pack = "kunming-2025q3"

var t0 = time.Date(2025, 9, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func entry(ind string, kind model.EntryKind, text, author string) model.ReviewEntry {
	return model.ReviewEntry{Pack: pack, Indicator: ind, Kind: kind, Text: text, Author: author}
}

// clock returns a store clock that advances a minute per reading.
func clock() func() time.Time {
	n := 0
	return func() time.Time { n++; return t0.Add(time.Duration(n) * time.Minute) }
}

func newStore(t *testing.T) *Store {
	t.Helper()
	return New(filepath.Join(t.TempDir(), "sub", "review.db"), Options{Now: clock()})
}

func TestAppendAndRead(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	kept, err := s.Append(
		entry("gdp-growth", model.MarkFlagged, "", "wang"),
		entry("gdp-growth", model.MarkNote, "  上半年低于目标0.6个百分点，\x1b[31m请跟进。\n", "wang\n"),
	)
	if err != nil {
		t.Fatal(err)
	}
	if kept[0].Seq == 0 || kept[1].Seq <= kept[0].Seq {
		t.Errorf("sequence numbers %d, %d: want increasing from 1", kept[0].Seq, kept[1].Seq)
	}
	if _, err := s.Append(entry("industry-growth", model.MarkReviewed, "", "li"),
		model.ReviewEntry{Pack: "other-pack", Indicator: "gdp-growth", Kind: model.MarkReviewed, Author: "zhou"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Entries(pack)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		ind, kind, text, author string
		minute                  int
	}{
		{"gdp-growth", "flagged", "", "wang", 1},
		{"gdp-growth", "note", "上半年低于目标0.6个百分点，[31m请跟进。", "wang", 2},
		{"industry-growth", "reviewed", "", "li", 3},
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Pack != pack || g.Indicator != w.ind || string(g.Kind) != w.kind || g.Text != w.text || g.Author != w.author ||
			!g.Time.Equal(t0.Add(time.Duration(w.minute)*time.Minute)) {
			t.Errorf("entry %d = %+v, want %+v", i, g, w)
		}
	}
	r, err := s.Review(pack)
	if err != nil {
		t.Fatal(err)
	}
	if it := r.Of("gdp-growth"); it.Flagged == nil || len(it.Notes) != 1 {
		t.Errorf("review of gdp-growth: %+v", it)
	}
	info, err := os.Stat(s.Path())
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("database file mode %v, %v: want 0600", info.Mode(), err)
	}
}

// A batch with one bad entry keeps none of it.
func TestAppendIsAllOrNothing(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	if _, err := s.Append(entry("gdp-growth", model.MarkReviewed, "", "wang")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		bad    model.ReviewEntry
		phrase string
	}{
		{"over-long note", entry("gdp-growth", model.MarkNote, strings.Repeat("字", 2000), "wang"), "at most 4096"},
		{"note that is only control characters", entry("gdp-growth", model.MarkNote, "\x1b\x07", "wang"), "needs text"},
		{"bad indicator id", entry("GDP Growth", model.MarkFlagged, "", "wang"), "indicator id"},
	}
	for _, tt := range tests {
		_, err := s.Append(entry("industry-growth", model.MarkFlagged, "", "wang"), tt.bad)
		if err == nil || !strings.Contains(err.Error(), tt.phrase) {
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.phrase)
		}
	}
	got, err := s.Entries(pack)
	if err != nil || len(got) != 1 {
		t.Errorf("after refused batches: %d entries, %v; want only the first", len(got), err)
	}
}

// Reading a review that was never written finds nothing and makes no file.
func TestReadingCreatesNothing(t *testing.T) {
	t.Parallel()
	s := newStore(t)
	got, err := s.Entries(pack)
	if err != nil || len(got) != 0 {
		t.Errorf("Entries on no file: %v, %v", got, err)
	}
	if _, err := os.Stat(filepath.Dir(s.Path())); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("reading made %s (%v)", filepath.Dir(s.Path()), err)
	}
}

// An empty file (made by touch, say) is taken as a new database.
func TestEmptyFileIsNew(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "review.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	s := New(path, Options{})
	if _, err := s.Append(entry("gdp-growth", model.MarkFlagged, "", "wang")); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entries(pack); err != nil || len(got) != 1 {
		t.Errorf("%d entries, %v", len(got), err)
	}
}

func TestWritesAreLogged(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	s := New(filepath.Join(t.TempDir(), "review.db"), Options{Log: slog.New(slog.NewTextHandler(&buf, nil))})
	if _, err := s.Append(entry("gdp-growth", model.MarkNote, "跟进", "presenter@host")); err != nil {
		t.Fatal(err)
	}
	line := buf.String()
	for _, want := range []string{"review write", "indicator=gdp-growth", "kind=note", "author=presenter@host", "bytes=6"} {
		if !strings.Contains(line, want) {
			t.Errorf("log %q lacks %q", line, want)
		}
	}
}

// Options.Author names the entries that come without an author, and is
// asked only when one does.
func TestAuthorOption(t *testing.T) {
	asked := 0
	s := New(filepath.Join(t.TempDir(), "r.db"), Options{Author: func() string { asked++; return "local-user" }})
	kept, err := s.Append(entry("gdp", model.MarkReviewed, "", "presenter@host"))
	if err != nil {
		t.Fatal(err)
	}
	if asked != 0 || kept[0].Author != "presenter@host" {
		t.Errorf("an entry with an author: asked %d times, kept as %q", asked, kept[0].Author)
	}
	kept, err = s.Append(entry("gdp", model.MarkFlagged, "", ""))
	if err != nil {
		t.Fatal(err)
	}
	if asked != 1 || kept[0].Author != "local-user" {
		t.Errorf("an entry without one: asked %d times, kept as %q", asked, kept[0].Author)
	}
}

func TestKeyAuthor(t *testing.T) {
	if got := KeyAuthor("alice@laptop", "SHA256:abc"); got != "alice@laptop" {
		t.Errorf("with a comment: %q", got)
	}
	if got := KeyAuthor(" \x1b ", "SHA256:abc"); got != "SHA256:abc" {
		t.Errorf("with a blank comment: %q", got)
	}
	if LocalAuthor() == "" {
		t.Error("LocalAuthor is empty")
	}
}

// TestDatabasePath: the review database is --review-db, else under the
// user's data directory, else a message saying to give --review-db.
func TestDatabasePath(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the default path follows XDG_DATA_HOME on other systems")
	}
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	got, err := DefaultPath()
	want := filepath.Join(dir, "kmdash", "review.db")
	if err != nil || got != want {
		t.Errorf("DefaultPath = %s, %v; want %s", got, err, want)
	}
	// --review-db, where given, is the store's path; else the default.
	for flag, want := range map[string]string{"": want, "elsewhere.db": "elsewhere.db"} {
		if s, err := At(flag, Options{}); err != nil || s.Path() != want {
			t.Errorf("At(%q) = %v; want the store at %s", flag, err, want)
		}
	}
	// With no data directory, a command is told to give --review-db, and
	// a dashboard is told so when it opens a review.
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "")
	if _, err := At("", Options{}); err == nil || !strings.Contains(err.Error(), "--review-db") {
		t.Errorf("At with no data directory: %v", err)
	}
	if _, err := Local("").Entries(pack); err == nil || !strings.Contains(err.Error(), "--review-db") {
		t.Errorf("Local with no data directory: entries %v", err)
	}
	if s, ok := Local("elsewhere.db").(*Store); !ok || s.Path() != "elsewhere.db" {
		t.Errorf("Local(%q) = %v", "elsewhere.db", Local("elsewhere.db"))
	}
}
