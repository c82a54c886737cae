package model

// RegionName is a region's name in l, or its id where the pack has no
// such region.
func (p *Pack) RegionName(l Lang, id string) string {
	if r := p.Region(id); r != nil {
		return r.Name.In(l)
	}
	return id
}

// PeriodLabel names an observation's span in l: in the source's own
// words where the pack gives them (截至9月22日), otherwise from the
// period (上半年, Jan–Aug). The year is written when years is set, as a
// document that mixes years needs, and otherwise only where it is not
// the pack's own year.
func (p *Pack) PeriodLabel(l Lang, o *Observation, years bool) string {
	if !o.Label.IsZero() {
		return o.Label.In(l)
	}
	if years {
		return o.Period.Label(l, 0)
	}
	return o.Period.Label(l, p.Year)
}

// Arithmetic writes how a derived figure was worked out, once and the
// same way wherever it is shown: the figure, then the stated figure it
// starts from, named by what differs from it, and the stated difference:
// 昆明一季度 4.3% = 上半年 4.4% − 0.1个百分点;
// Yunnan Jan–Aug 4.5% = Kunming 10.2% − 5.7 percentage points.
// Years are written where the two sides' years differ, or always when
// years is set.
func (p *Pack) Arithmetic(l Lang, ind *Indicator, o *Observation, years bool) string {
	d := o.Derived
	if d == nil {
		return ""
	}
	fromInd, from := p.Find(d.From)
	if from == nil {
		return d.Formula.String()
	}
	years = years || from.Period.To.Year != o.Period.To.Year
	join := func(a, b string) string {
		if l == En {
			return a + " " + b
		}
		return a + b
	}
	self := join(p.RegionName(l, o.Region), p.PeriodLabel(l, o, years))
	var base string
	switch {
	case from.Region == o.Region:
		base = p.PeriodLabel(l, from, years)
	case from.Period == o.Period:
		base = p.RegionName(l, from.Region)
	default:
		base = join(p.RegionName(l, from.Region), p.PeriodLabel(l, from, years))
	}
	// A - (-B) is written A + B: the same arithmetic, read at a glance.
	op := " − "
	if (d.Formula.Op == '+') != d.Formula.Right.Negative() {
		op = " + "
	}
	gap := Figure(l, d.Formula.Gap(), Exact, ind.Unit)
	if ind.Measure.Percentage() {
		gap = Points(l, d.Formula.Gap())
	}
	return self + " " + Figure(l, o.Value, o.Qualifier, ind.Unit) + " = " +
		base + " " + Figure(l, from.Value, from.Qualifier, fromInd.Unit) + op + gap
}
