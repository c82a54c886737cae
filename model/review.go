package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// EntryKind is what one review entry records about an indicator.
type EntryKind string

// The entries a reviewer can make. A mark is undone by its opposite
// rather than by deleting it, so the record keeps who changed their mind
// and when.
const (
	MarkReviewed   EntryKind = "reviewed"
	MarkUnreviewed EntryKind = "unreviewed"
	MarkFlagged    EntryKind = "flagged" // for follow-up after the meeting
	MarkUnflagged  EntryKind = "unflagged"
	MarkNote       EntryKind = "note"
)

// EntryKinds lists every kind of entry.
var EntryKinds = []EntryKind{MarkReviewed, MarkUnreviewed, MarkFlagged, MarkUnflagged, MarkNote}

// Limits on what a review entry may hold. A note is a few sentences said
// in a meeting, not a report; an author is a login name or a key comment.
const (
	MaxNoteBytes   = 4096
	MaxAuthorBytes = 128
	maxIDBytes     = 64
)

// ReviewEntry is one thing a reviewer recorded about one indicator of one
// pack: a mark, its undoing, or a note.
type ReviewEntry struct {
	// Seq orders entries within a store; the store assigns it.
	Seq       uint64
	Pack      string
	Indicator string
	Kind      EntryKind
	Text      string // a note's text; empty for marks
	Time      time.Time
	Author    string
}

// Check says what is wrong with an entry before it is kept: ids the
// store can key by, a known kind, text only on a note, and a note within
// its limit. Text should have been through CleanNote.
func (e ReviewEntry) Check() error {
	for _, id := range []struct{ what, v string }{{"pack", e.Pack}, {"indicator", e.Indicator}} {
		if len(id.v) > maxIDBytes || !idPattern.MatchString(id.v) {
			return fmt.Errorf("review entry: %s id %s must be lower-case letters, digits and dashes, at most %d", id.what, Quote(id.v), maxIDBytes)
		}
	}
	if !slices.Contains(EntryKinds, e.Kind) {
		return fmt.Errorf("review entry: unknown kind %s", Quote(string(e.Kind)))
	}
	switch {
	case e.Kind == MarkNote && strings.TrimSpace(e.Text) == "":
		return fmt.Errorf("review entry: a note needs text")
	case e.Kind != MarkNote && e.Text != "":
		return fmt.Errorf("review entry: a %s mark carries no text", e.Kind)
	case len(e.Text) > MaxNoteBytes:
		return fmt.Errorf("review entry: the note is %d bytes; at most %d", len(e.Text), MaxNoteBytes)
	case len(e.Author) > MaxAuthorBytes:
		return fmt.Errorf("review entry: the author is %d bytes; at most %d", len(e.Author), MaxAuthorBytes)
	case e.Time.IsZero():
		return fmt.Errorf("review entry: no time")
	}
	return nil
}

// CleanNote makes typed or pasted text safe to keep and to print on
// another person's terminal: invalid UTF-8 and control characters
// (escape sequences among them) are dropped, and so are the invisible
// marks that reorder text; line breaks and tabs stay, as spaces for tabs.
// Leading and trailing blank space goes. It refuses text over
// MaxNoteBytes rather than cut a sentence short.
func CleanNote(s string) (string, error) {
	s = clean(s, true)
	if len(s) > MaxNoteBytes {
		return "", fmt.Errorf("the note is %d bytes; at most %d (about %d Chinese characters)", len(s), MaxNoteBytes, MaxNoteBytes/3)
	}
	return s, nil
}

// CleanAuthor is CleanNote for a name on one line, cut to MaxAuthorBytes
// on a character boundary: a key comment is whatever its owner typed.
func CleanAuthor(s string) string {
	s = clean(s, false)
	for len(s) > MaxAuthorBytes {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	return strings.TrimSpace(s)
}

func clean(s string, lines bool) string {
	s = strings.ToValidUTF8(s, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' && lines:
			b.WriteRune(r)
		case r == '\t' || r == '\n':
			b.WriteByte(' ')
		case unicode.IsControl(r), bidi(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// bidi reports the explicit direction marks, which can make a note read
// differently on screen from what is stored.
func bidi(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0x200E || r == 0x200F || r == 0x061C
}

// IndicatorReview is where the review of one indicator stands: the entry
// that last marked it reviewed or flagged (nil when not, or undone since)
// and every note in the order written.
type IndicatorReview struct {
	Reviewed *ReviewEntry
	Flagged  *ReviewEntry
	Notes    []ReviewEntry
}

// Review is where a pack's review stands, folded from its entries.
type Review struct {
	Pack  string
	Items map[string]*IndicatorReview
	// Authors lists everyone who recorded anything, in order of their
	// first entry.
	Authors []string
	// Last is the time of the latest entry; zero when there is none.
	Last time.Time
}

// NewReview folds a pack's entries, in store order, into where each
// indicator's review stands. Entries of other packs are ignored.
func NewReview(pack string, entries []ReviewEntry) *Review {
	r := &Review{Pack: pack, Items: map[string]*IndicatorReview{}}
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, BySeq)
	r.Apply(sorted...)
	return r
}

// BySeq orders entries as the store kept them, for slices.SortFunc.
func BySeq(a, b ReviewEntry) int { return cmp.Compare(a.Seq, b.Seq) }

// Apply folds entries kept after those the review already holds, in the
// order given: what a dashboard does with the entries its own write, or
// the presenter's, returned, without reading the store again.
func (r *Review) Apply(entries ...ReviewEntry) {
	for _, e := range entries {
		if e.Pack != r.Pack {
			continue
		}
		it := r.Items[e.Indicator]
		if it == nil {
			it = &IndicatorReview{}
			r.Items[e.Indicator] = it
		}
		switch e.Kind {
		case MarkReviewed:
			it.Reviewed = &e
		case MarkUnreviewed:
			it.Reviewed = nil
		case MarkFlagged:
			it.Flagged = &e
		case MarkUnflagged:
			it.Flagged = nil
		case MarkNote:
			it.Notes = append(it.Notes, e)
		}
		if e.Author != "" && !slices.Contains(r.Authors, e.Author) {
			r.Authors = append(r.Authors, e.Author)
		}
		if e.Time.After(r.Last) {
			r.Last = e.Time
		}
	}
}

// Of is the review of one indicator; empty, never nil, when nothing has
// been recorded about it.
func (r *Review) Of(indicator string) *IndicatorReview {
	if it := r.Items[indicator]; it != nil {
		return it
	}
	return &IndicatorReview{}
}

// Count says how many of the indicators are marked reviewed and flagged.
func (r *Review) Count(inds []*Indicator) (reviewed, flagged int) {
	for _, ind := range inds {
		it := r.Of(ind.ID)
		if it.Reviewed != nil {
			reviewed++
		}
		if it.Flagged != nil {
			flagged++
		}
	}
	return reviewed, flagged
}

// Orphans lists, sorted, the indicators the review has entries for that
// the pack does not hold (a pack revised after its review).
func (r *Review) Orphans(p *Pack) []string {
	var out []string
	for id := range r.Items {
		if p.Indicator(id) == nil {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// ReviewRefusal is a review store's refusal to use its file, told apart
// so that an interface can say it in its reader's language: which file,
// and which kind of refusal (one of the RefusedFor values).
type ReviewRefusal interface {
	error
	RefusedPath() string
	RefusedFor() RefusalKind
}

// RefusalKind is why a review store would not use its file.
type RefusalKind string

// The refusals: another process holds the file; it is not a review
// database; it is one that cannot be read; a later kmdash wrote it.
const (
	RefusedInUse   RefusalKind = "in-use"
	RefusedForeign RefusalKind = "foreign"
	RefusedDamaged RefusalKind = "damaged"
	RefusedNewer   RefusalKind = "newer"
)

// ReviewLog is where marks and notes are kept (data/review is the one on
// disk). Calls may wait on the disk or on another process, so the
// dashboard makes them from a tea.Cmd, never from Update; one value is
// safe to share between every session of a server.
type ReviewLog interface {
	// Append keeps the entries all together or not at all, and returns
	// them as kept: cleaned, timed, numbered.
	Append(entries ...ReviewEntry) ([]ReviewEntry, error)
	// Entries lists a pack's entries in the order they were kept.
	Entries(pack string) ([]ReviewEntry, error)
}
