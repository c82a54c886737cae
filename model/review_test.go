package model

import (
	"strings"
	"testing"
	"time"
)

func TestCleanNote(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Chinese text kept", "请发改委跟进，9月底前报送措施。", "请发改委跟进，9月底前报送措施。"},
		{"line breaks kept, CRLF made LF", "第一条\r\n第二条\n", "第一条\n第二条"},
		{"tab becomes a space", "a\tb", "a b"},
		{"escape sequence loses its ESC", "\x1b[2J\x1b]52;c;aGk=\x07red", "[2J]52;c;aGk=red"},
		{"C1 controls dropped", "a\u0085b\u009bc", "abc"},
		{"NUL and DEL dropped", "a\x00b\x7fc", "abc"},
		{"direction overrides dropped", "abc\u202edcba\u2066x\u2069", "abcdcbax"},
		{"invalid UTF-8 dropped", "ok\xff\xfeok", "okok"},
		{"surrounding blank space trimmed", "  \n note \n ", "note"},
	}
	for _, tt := range tests {
		got, err := CleanNote(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("%s: CleanNote(%q) = %q, %v; want %q", tt.name, tt.in, got, err, tt.want)
		}
	}
	if _, err := CleanNote(strings.Repeat("字", MaxNoteBytes/3+1)); err == nil || !strings.Contains(err.Error(), "at most 4096") {
		t.Errorf("an over-long note: %v, want a refusal naming the limit", err)
	}
	if got, err := CleanNote(strings.Repeat("字", MaxNoteBytes/3)); err != nil || len(got) != MaxNoteBytes/3*3 {
		t.Errorf("a note at the limit: %d bytes, %v", len(got), err)
	}
}

func TestCleanAuthor(t *testing.T) {
	if got := CleanAuthor("presenter\nkey\x1b[31m"); got != "presenter key[31m" {
		t.Errorf("CleanAuthor = %q", got)
	}
	long := CleanAuthor(strings.Repeat("王", 50)) // 150 bytes
	if len(long) > MaxAuthorBytes || !strings.HasPrefix(strings.Repeat("王", 50), long) || len(long)%3 != 0 {
		t.Errorf("long author cut to %d bytes (%q), want whole characters within %d", len(long), long, MaxAuthorBytes)
	}
}

func TestEntryCheck(t *testing.T) {
	at := time.Date(2025, 9, 22, 10, 0, 0, 0, time.UTC)
	ok := ReviewEntry{Pack: "kunming-2025q3", Indicator: "gdp-growth", Kind: MarkFlagged, Time: at, Author: "wang"}
	tests := []struct {
		name   string
		mutate func(*ReviewEntry)
		phrase string // empty: valid
	}{
		{"a flag", func(*ReviewEntry) {}, ""},
		{"a note", func(e *ReviewEntry) { e.Kind, e.Text = MarkNote, "跟进" }, ""},
		{"no author is allowed", func(e *ReviewEntry) { e.Author = "" }, ""},
		{"pack id with a slash", func(e *ReviewEntry) { e.Pack = "../x" }, "pack id"},
		{"empty indicator", func(e *ReviewEntry) { e.Indicator = "" }, "indicator id"},
		{"over-long indicator", func(e *ReviewEntry) { e.Indicator = strings.Repeat("a", 65) }, "indicator id"},
		{"unknown kind", func(e *ReviewEntry) { e.Kind = "deleted" }, "unknown kind"},
		{"empty note", func(e *ReviewEntry) { e.Kind, e.Text = MarkNote, " \n" }, "needs text"},
		{"text on a mark", func(e *ReviewEntry) { e.Text = "x" }, "carries no text"},
		{"over-long note", func(e *ReviewEntry) { e.Kind, e.Text = MarkNote, strings.Repeat("x", MaxNoteBytes+1) }, "at most 4096"},
		{"over-long author", func(e *ReviewEntry) { e.Author = strings.Repeat("x", MaxAuthorBytes+1) }, "author"},
		{"no time", func(e *ReviewEntry) { e.Time = time.Time{} }, "no time"},
	}
	for _, tt := range tests {
		e := ok
		tt.mutate(&e)
		err := e.Check()
		switch {
		case tt.phrase == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.phrase != "" && (err == nil || !strings.Contains(err.Error(), tt.phrase)):
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.phrase)
		}
	}
}

func TestNewReview(t *testing.T) {
	at := func(min int) time.Time { return time.Date(2025, 9, 22, 10, min, 0, 0, time.UTC) }
	e := func(seq uint64, pack, ind string, k EntryKind, text, author string) ReviewEntry {
		return ReviewEntry{Seq: seq, Pack: pack, Indicator: ind, Kind: k, Text: text, Time: at(int(seq)), Author: author}
	}
	// Given out of order: the fold follows Seq, not the slice.
	entries := []ReviewEntry{
		e(4, "p", "gdp", MarkNote, "second", "li"),
		e(1, "p", "gdp", MarkReviewed, "", "wang"),
		e(2, "p", "gdp", MarkNote, "first", "wang"),
		e(3, "p", "gdp", MarkFlagged, "", "li"),
		e(5, "p", "retail", MarkFlagged, "", "wang"),
		e(6, "p", "retail", MarkUnflagged, "", "wang"),
		e(7, "p", "industry", MarkReviewed, "", "wang"),
		e(8, "p", "industry", MarkUnreviewed, "", "zhao"),
		e(9, "other", "gdp", MarkUnreviewed, "", "zhou"),
		e(10, "p", "gone", MarkFlagged, "", "wang"),
	}
	r := NewReview("p", entries)
	gdp := r.Of("gdp")
	if gdp.Reviewed == nil || gdp.Reviewed.Seq != 1 || gdp.Flagged == nil || gdp.Flagged.Author != "li" {
		t.Errorf("gdp: reviewed %+v flagged %+v", gdp.Reviewed, gdp.Flagged)
	}
	if len(gdp.Notes) != 2 || gdp.Notes[0].Text != "first" || gdp.Notes[1].Text != "second" {
		t.Errorf("gdp notes %+v, want first then second", gdp.Notes)
	}
	if it := r.Of("retail"); it.Flagged != nil {
		t.Errorf("retail was unflagged, still flagged by %+v", it.Flagged)
	}
	if it := r.Of("industry"); it.Reviewed != nil {
		t.Errorf("industry was unmarked, still reviewed by %+v", it.Reviewed)
	}
	if it := r.Of("never"); it == nil || it.Reviewed != nil || len(it.Notes) != 0 {
		t.Errorf("an indicator with no entries: %+v", it)
	}
	if got := strings.Join(r.Authors, ","); got != "wang,li,zhao" {
		t.Errorf("authors %s, want wang,li,zhao (zhou wrote in another pack)", got)
	}
	if !r.Last.Equal(at(10)) {
		t.Errorf("last %v, want %v", r.Last, at(10))
	}
	p := &Pack{Indicators: []*Indicator{{ID: "gdp"}, {ID: "retail"}, {ID: "industry"}}}
	if rev, fl := r.Count(p.Indicators); rev != 1 || fl != 1 {
		t.Errorf("count: %d reviewed, %d flagged; want 1, 1", rev, fl)
	}
	if got := r.Orphans(p); len(got) != 1 || got[0] != "gone" {
		t.Errorf("orphans %v, want [gone]", got)
	}
}

// Applying entries one by one, as a dashboard does with each write's
// answer, ends where folding them all at once does.
func TestApplyMatchesNewReview(t *testing.T) {
	at := time.Date(2025, 9, 22, 10, 0, 0, 0, time.UTC)
	entries := []ReviewEntry{
		{Seq: 1, Pack: "p", Indicator: "gdp", Kind: MarkFlagged, Time: at, Author: "wang"},
		{Seq: 2, Pack: "p", Indicator: "gdp", Kind: MarkNote, Text: "跟进", Time: at.Add(time.Minute), Author: "li"},
		{Seq: 3, Pack: "p", Indicator: "gdp", Kind: MarkUnflagged, Time: at.Add(2 * time.Minute), Author: "wang"},
		{Seq: 4, Pack: "p", Indicator: "retail", Kind: MarkReviewed, Time: at.Add(3 * time.Minute), Author: "li"},
	}
	whole := NewReview("p", entries)
	step := NewReview("p", nil)
	for _, e := range entries {
		step.Apply(e)
	}
	for _, ind := range []string{"gdp", "retail"} {
		w, s := whole.Of(ind), step.Of(ind)
		if (w.Flagged == nil) != (s.Flagged == nil) || (w.Reviewed == nil) != (s.Reviewed == nil) || len(w.Notes) != len(s.Notes) {
			t.Errorf("%s: stepwise %+v, whole %+v", ind, s, w)
		}
	}
	if step.Of("gdp").Flagged != nil || step.Of("retail").Reviewed == nil || len(step.Authors) != 2 || !step.Last.Equal(at.Add(3*time.Minute)) {
		t.Errorf("stepwise review: %+v", step)
	}
}
