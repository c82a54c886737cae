package model

// Packs hold a few dozen figures, so lookups scan rather than keep
// indexes that would have to be kept in step with the slices.

// Indicator returns the indicator with the given id, or nil.
func (p *Pack) Indicator(id string) *Indicator {
	for _, ind := range p.Indicators {
		if ind.ID == id {
			return ind
		}
	}
	return nil
}

// Initiative returns the initiative with the given id, or nil.
func (p *Pack) Initiative(id string) *Initiative {
	for _, in := range p.Initiatives {
		if in.ID == id {
			return in
		}
	}
	return nil
}

// Region returns the region with the given id, or nil.
func (p *Pack) Region(id string) *Region {
	for i := range p.Regions {
		if p.Regions[i].ID == id {
			return &p.Regions[i]
		}
	}
	return nil
}

// RegionIndex is the region's position in the pack, which fixes its
// colour and order wherever regions are compared; -1 if unknown.
func (p *Pack) RegionIndex(id string) int {
	for i := range p.Regions {
		if p.Regions[i].ID == id {
			return i
		}
	}
	return -1
}

// Source returns the source with the given id, or nil.
func (p *Pack) Source(id string) *Source {
	for i := range p.Sources {
		if p.Sources[i].ID == id {
			return &p.Sources[i]
		}
	}
	return nil
}

// Find returns the outcome (not target) observation a reference points
// at, with its indicator, or nils.
func (p *Pack) Find(ref ObsRef) (*Indicator, *Observation) {
	ind := p.Indicator(ref.Indicator)
	if ind == nil {
		return nil, nil
	}
	for _, o := range ind.Obs {
		if !o.Target && o.Region == ref.Region && o.Period == ref.Period {
			return ind, o
		}
	}
	return ind, nil
}

// Ref is the reference that points back at o within ind.
func (o *Observation) Ref(ind *Indicator) ObsRef {
	return ObsRef{Indicator: ind.ID, Region: o.Region, Period: o.Period}
}

// ReviewOrder lists every indicator tab by tab, in the order its home
// tab shows its cards: the order in which the `n` key walks a review
// session through the pack.
func (p *Pack) ReviewOrder() []*Indicator {
	out := make([]*Indicator, 0, len(p.Indicators))
	for _, tab := range p.Tabs {
		for _, ind := range p.Cards(tab) {
			if ind.Tab == tab.ID {
				out = append(out, ind)
			}
		}
	}
	return out
}

// Cards lists the indicators a tab shows as cards, in its order;
// unknown ids are left out.
func (p *Pack) Cards(tab *Tab) []*Indicator {
	out := make([]*Indicator, 0, len(tab.Cards))
	for _, id := range tab.Cards {
		if ind := p.Indicator(id); ind != nil {
			out = append(out, ind)
		}
	}
	return out
}

// TabInitiatives lists the initiatives a tab lists, in its order.
func (p *Pack) TabInitiatives(tab *Tab) []*Initiative {
	out := make([]*Initiative, 0, len(tab.Initiatives))
	for _, id := range tab.Initiatives {
		if in := p.Initiative(id); in != nil {
			out = append(out, in)
		}
	}
	return out
}

// Headline is the observation a card leads with: the latest outcome in
// the first region that has one (regions are listed home region first).
func (p *Pack) Headline(ind *Indicator) *Observation {
	var best *Observation
	bestRegion := len(p.Regions)
	for _, o := range ind.Obs {
		if o.Target {
			continue
		}
		r := p.RegionIndex(o.Region)
		if best == nil || r < bestRegion || (r == bestRegion && best.Period.Less(o.Period)) {
			best, bestRegion = o, r
		}
	}
	return best
}
