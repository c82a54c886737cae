package model

// Comparison is a difference the source states between a figure and
// another one: "0.1 pp above Q1", "14.9 pp above China".
type Comparison struct {
	// Other is the figure compared against; it was derived from the
	// stated one by the difference, so both are in the pack.
	Other     *Observation
	Indicator *Indicator
	Gap       Number
	Above     bool // the stated figure is higher than Other
}

// Comparisons lists the differences the sources give for observation o
// of ind, in pack order. Each is read back from a derived figure whose
// formula starts at o, so a comparison can never disagree with the
// figures it joins.
func (p *Pack) Comparisons(ind *Indicator, o *Observation) []Comparison {
	ref := o.Ref(ind)
	var out []Comparison
	for _, other := range p.Indicators {
		for _, d := range other.Obs {
			if d.Derived == nil || d.Derived.From != ref {
				continue
			}
			out = append(out, Comparison{
				Other:     d,
				Indicator: other,
				Gap:       d.Derived.Formula.Gap(),
				Above:     d.Derived.Formula.BaseAbove(),
			})
		}
	}
	return out
}
