package words

import "github.com/kmdash/kmdash/model"

// Review is the words of the scorecard and the minutes of a review.
type Review struct {
	// The scorecard.
	ScorecardTitle string // "全年目标对照"
	ScorecardLead  string // "%d年…": the targets' year
	Indicator      string // column heads
	Latest         string
	Period         string
	Target         string
	Gap            string // in percentage points, which the rule below defines
	Status         string
	Same           string // "%s同期": a region's figure for the same period
	StatusName     map[model.Status]string
	RuleHeading    string
	Rule           string // the status rule; %s is the band in percentage points
	Others         string // why a region's column may be short
	None           string // an empty cell
	TargetOf       string // "全年目标%s": a target in a sentence
	GapLabel       string // "差距%s": a gap in a sentence
	Cited          string // "%s%s": a figure, then its source's mark

	// The minutes.
	MinutesTitle  string // "%s": the meeting
	Pack          string
	MeetingDate   string
	Prepared      string
	Times         string // "all times are %s": the zone
	Recorders     string
	NoRecorders   string
	Summary       string
	ReviewedCount string // "%d of %d indicators reviewed"
	FlaggedCount  string // "%d flagged for follow-up"
	NoneFlagged   string
	Items         string
	Figure        string
	NoFigure      string
	AgainstTarget string
	Mark          string
	Reviewed      string
	NotReviewed   string
	Flagged       string
	Notes         string
	ByAt          string // "%s, %s": who, when
	NotInPack     string
}

// Session is the words of a review held in the dashboard: its progress,
// the note editor, the scorecard overlay, and the one line the footer
// gives when a key cannot do what it asks.
type Session struct {
	Progress      string // "%s/%d · %d flagged": where in the review order, of how many, how many flagged
	ReviewedSoFar string // "%d reviewed"
	Opening       string // while the review database is read
	Closed        string // r again: the review mode ends, nothing is lost
	StartFirst    string // m, ! or e before r
	ReadOnly      string // a viewer's r, m, ! or e over SSH
	NoPresenter   string // a session on a server that names no presenter
	NotIndicator  string // m, ! or e on an initiative
	NotSaved      string // "not saved: %s": the store's one-line answer
	// The store's refusals of its file, each "%s" the file's name.
	StoreInUse, StoreForeign, StoreDamaged, StoreNewer string
	DraftKept                                          string // a note that was not saved is kept for the next e
	NoteTitle                                          string // "Note on %s": the indicator's name
	NoteHint                                           string
	NoteDiscarded                                      string
	NoteEmpty                                          string
	Legend                                             string // heads the card marks in the help
	Noted                                              string // what the notes glyph stands for
	ScorecardHint                                      string
}
