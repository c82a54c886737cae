package report

import (
	"fmt"

	"github.com/kmdash/kmdash/model"
)

// ScoreSheet is the scorecard as cells, for a screen to lay out itself:
// the heads, rows, status rule and sources `kmdash scorecard` writes, in
// the same words, so the dashboard's overlay and the command never
// differ.
type ScoreSheet struct {
	Title, Lead string // "Scorecard", "the latest year-to-date figures against the 2025 targets"
	Heads       []string
	Rows        [][]string
	Statuses    []model.Status // each row's
	Rule        string         // the status rule, headed
	Others      string         // why a region's column may be short
	Sources     []string       // "[1] publisher, title, date, URL."
}

// NewScoreSheet lays out the pack's scorecard in language lang.
func NewScoreSheet(p *model.Pack, lang model.Lang) ScoreSheet {
	sc := newScoreTable(p, lang)
	rw := sc.w.Review
	s := ScoreSheet{Title: rw.ScorecardTitle, Lead: fmt.Sprintf(rw.ScorecardLead, p.Year),
		Heads: sc.heads, Rows: sc.rows,
		Rule:    rw.RuleHeading + sc.w.Colon + fmt.Sprintf(rw.Rule, model.AboutBand),
		Others:  rw.Others,
		Sources: sc.cites.list(false)}
	for _, l := range p.Scorecard() {
		s.Statuses = append(s.Statuses, l.Status)
	}
	return s
}

// StatusColumn is the column of the status, in glyph and words.
const StatusColumn = 5

// Numeric reports whether column col holds figures, set flush right.
func (s ScoreSheet) Numeric(col int) bool { return (&scoreTable{}).numeric(col) }
