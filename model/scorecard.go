package model

import (
	"math/big"
)

// Status says how a year-to-date outcome stands against the year's target.
type Status string

// The statuses a scorecard line can have.
const (
	Ahead    Status = "ahead"
	OnCourse Status = "on-course"
	Behind   Status = "behind"
	// NoOutcome: the pack holds a target but nothing yet to set against it.
	NoOutcome Status = "no-outcome"
	// NotComparable: an amount for part of the year cannot be set against
	// an amount for the whole of it (a level or a count).
	NotComparable Status = "not-comparable"
)

// Statuses lists every status, best first.
var Statuses = []Status{Ahead, OnCourse, Behind, NoOutcome, NotComparable}

// AboutBand is how far, in percentage points, an outcome may sit from a
// target stated as "about T" (左右) and still count as on course: a
// target of about 5% is met by anything from 4.5% to 5.5%, half the step
// in which such targets are set, so that "about 5" never reaches 4 or 6.
// A target stated exactly has no band.
const AboutBand = "0.5"

// ScoreLine is one target set beside the latest outcome that counts
// towards it.
type ScoreLine struct {
	Indicator *Indicator
	Target    *Observation
	// Outcome is the latest figure in the target's region whose period
	// starts with the target's and ends within it (year to date); nil
	// when the pack has none.
	Outcome *Observation
	// Gap is Outcome − Target, exact, written with as many decimals as
	// the more precise of the two; in percentage points for growth rates
	// and shares. Zero Number when there is no outcome.
	Gap    Number
	Status Status
	// Others are the same indicator's outcomes in other regions for the
	// outcome's exact period, in pack region order.
	Others []*Observation
}

// Scorecard lists every target in the pack, in review order, each beside
// the latest year-to-date outcome that counts towards it.
func (p *Pack) Scorecard() []ScoreLine {
	var out []ScoreLine
	for _, ind := range p.ReviewOrder() {
		for _, tg := range ind.Obs {
			if tg.Target {
				out = append(out, p.scoreLine(ind, tg))
			}
		}
	}
	return out
}

func (p *Pack) scoreLine(ind *Indicator, tg *Observation) ScoreLine {
	line := ScoreLine{Indicator: ind, Target: tg, Status: NoOutcome}
	for _, o := range ind.Obs {
		if o.Target || o.Region != tg.Region || o.Period.From != tg.Period.From || tg.Period.To.index() < o.Period.To.index() {
			continue
		}
		if line.Outcome == nil || line.Outcome.Period.Less(o.Period) {
			line.Outcome = o
		}
	}
	if line.Outcome == nil {
		return line
	}
	for _, r := range p.Regions {
		if r.ID == tg.Region {
			continue
		}
		for _, o := range ind.Obs {
			if !o.Target && o.Region == r.ID && o.Period == line.Outcome.Period {
				line.Others = append(line.Others, o)
			}
		}
	}
	line.Gap = Difference(line.Outcome.Value, tg.Value)
	if !ind.Measure.Percentage() {
		line.Status = NotComparable
		return line
	}
	line.Status = Judge(line.Gap, tg.Qualifier)
	return line
}

// Difference is a − b, exact, with as many decimals as the more precise
// of the two: 4.4 − 5 = −0.6.
func Difference(a, b Number) Number {
	d := max(a.Decimals(), b.Decimals())
	r := new(big.Rat).Sub(a.Rat(), b.Rat())
	f, _ := r.Float64()
	return Number{Text: r.FloatString(d), Float: f}
}

// Judge applies the status rule to an outcome's gap from its target:
// within AboutBand either side of an "about" target is on course; an
// exact target is on course only when met to the digit; an "over" target
// is on course once exceeded and never ahead of itself.
func Judge(gap Number, q Qualifier) Status {
	g := gap.Rat()
	switch q {
	case Over:
		if g.Sign() > 0 {
			return OnCourse
		}
		return Behind
	case About:
		band, _ := new(big.Rat).SetString(AboutBand)
		switch {
		case g.Cmp(band) > 0:
			return Ahead
		case g.Cmp(new(big.Rat).Neg(band)) < 0:
			return Behind
		}
		return OnCourse
	}
	switch g.Sign() {
	case 1:
		return Ahead
	case -1:
		return Behind
	}
	return OnCourse
}
