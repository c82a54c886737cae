package model

// TabID names one of a pack's tabs ("economy").
type TabID string

// MaxTabs is the most tabs a pack may declare: one for each digit key
// that jumps to a tab.
const MaxTabs = 9

// Tab is one screen of the dashboard, declared by the pack: its name and
// everything it shows, so that another meeting's pack needs no code.
type Tab struct {
	ID   TabID
	Name Text
	// Cards are the indicators shown as cards, in reading order: every
	// indicator whose home this is, and any repeated from other tabs.
	Cards []string
	// Initiatives are listed, one row each, above the cards.
	Initiatives []string
	// Calendar draws the initiatives' seasons on a twelve-month grid.
	Calendar bool
	// Charts are line charts of rates; the first is the one the tab opens
	// on, its growth chart.
	Charts []Chart
	// Bars compare figures side by side.
	Bars []BarGroup
	Path string
}

// Chart is a line chart of growth rates on the pack year's month axis.
type Chart struct {
	ID     string
	Title  Text
	Series []SeriesRef
	Path   string
}

// OneIndicator reports whether every series charts the same indicator:
// its lines are then named by region, otherwise by indicator.
func (ch Chart) OneIndicator() bool {
	for _, s := range ch.Series {
		if s.Indicator != ch.Series[0].Indicator {
			return false
		}
	}
	return true
}

// SeriesRef picks one line of a chart: an indicator in one region.
type SeriesRef struct {
	Indicator string
	Region    string
}

// BarGroup compares observations side by side as horizontal bars.
type BarGroup struct {
	ID    string
	Title Text
	Items []ObsRef
	Path  string
}

// Tab returns the tab with the given id, or nil.
func (p *Pack) Tab(id TabID) *Tab {
	if i := p.TabIndex(id); i >= 0 {
		return p.Tabs[i]
	}
	return nil
}

// TabIndex is the tab's position among the pack's tabs, or -1.
func (p *Pack) TabIndex(id TabID) int {
	for i, t := range p.Tabs {
		if t.ID == id {
			return i
		}
	}
	return -1
}

// TabIDs lists the tabs' ids in order, for messages that name them.
func (p *Pack) TabIDs() []string {
	out := make([]string, len(p.Tabs))
	for i, t := range p.Tabs {
		out[i] = string(t.ID)
	}
	return out
}

// Charting reports whether one of the chart's lines is indicator id.
func (ch Chart) Charting(id string) bool {
	for _, s := range ch.Series {
		if s.Indicator == id {
			return true
		}
	}
	return false
}

// Comparing reports whether one of the group's bars is indicator id.
func (b BarGroup) Comparing(id string) bool {
	for _, it := range b.Items {
		if it.Indicator == id {
			return true
		}
	}
	return false
}
