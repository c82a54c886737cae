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
