package model

// ChartPoints are the figures a line chart draws for ind in region: each
// stated or derived figure for a span from January of the pack's year to
// the end of a month of it, in month order. Targets are not among them.
func (p *Pack) ChartPoints(ind *Indicator, region string) []*Observation {
	start := Month{Year: p.Year, Month: 1}
	var out []*Observation
	for m := 1; m <= 12; m++ {
		for _, o := range ind.Obs {
			if !o.Target && o.Region == region && o.Period.From == start && o.Period.To == (Month{Year: p.Year, Month: m}) {
				out = append(out, o)
			}
		}
	}
	return out
}

// Target is the pack year's target for ind in region, or nil.
func (p *Pack) Target(ind *Indicator, region string) *Observation {
	for _, o := range ind.Obs {
		if o.Target && o.Region == region && o.Period.To.Year == p.Year {
			return o
		}
	}
	return nil
}
