package model

import "fmt"

// tabs checks the screens the pack declares: each tab's name and what it
// shows, and that everything it names exists, so that a pack with a tab
// too many or a misspelt id is turned away at load, with the place.
func (c *checker) tabs() {
	p := c.p
	switch {
	case len(p.Tabs) == 0:
		c.add(p.Path+".tabs", "the pack declares no tabs")
	case len(p.Tabs) > MaxTabs:
		c.add(p.Tabs[MaxTabs].Path, "a pack has at most %d tabs, one for each digit key; this is the %dth", MaxTabs, MaxTabs+1)
	}
	seen := map[string]bool{}
	charts, bars := map[string]bool{}, map[string]bool{}
	for _, t := range p.Tabs {
		c.id(t.Path+".id", "tab", string(t.ID), seen)
		if t.Name.Zh == "" {
			c.add(t.Path+".name", "tab %s needs a Chinese name", Quote(string(t.ID)))
		}
		if len(t.Cards)+len(t.Initiatives)+len(t.Charts)+len(t.Bars) == 0 {
			c.add(t.Path, "tab %s shows nothing: give it cards, initiatives, charts or bars", Quote(string(t.ID)))
		}
		c.names(t.Path+".cards", "card", t.Cards, func(id string) bool { return c.indicatorIDs[id] != nil }, "indicator")
		c.names(t.Path+".initiatives", "initiative", t.Initiatives, func(id string) bool { return c.p.Initiative(id) != nil }, "initiative")
		if t.Calendar && len(t.Initiatives) == 0 {
			c.add(t.Path+".calendar", "the calendar draws the tab's initiatives, and tab %s lists none", Quote(string(t.ID)))
		}
		for _, ch := range t.Charts {
			c.chart(ch, charts)
		}
		for _, b := range t.Bars {
			c.barGroup(b, bars)
		}
	}
}

// names checks a list of ids: each known, none twice.
func (c *checker) names(path, what string, ids []string, known func(string) bool, kind string) {
	seen := map[string]bool{}
	for i, id := range ids {
		at := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case !known(id):
			c.add(at, "unknown %s %s", kind, Quote(id))
		case seen[id]:
			c.add(at, "%s %s is listed twice", what, Quote(id))
		}
		seen[id] = true
	}
}

func (c *checker) chart(ch Chart, seen map[string]bool) {
	c.id(ch.Path+".id", "chart", ch.ID, seen)
	if len(ch.Series) == 0 {
		c.add(ch.Path+".series", "chart %s has no series", Quote(ch.ID))
	}
	for i, s := range ch.Series {
		at := fmt.Sprintf("%s.series[%d]", ch.Path, i)
		ind := c.indicatorIDs[s.Indicator]
		switch {
		case ind == nil:
			c.add(at+".indicator", "unknown indicator %s", Quote(s.Indicator))
		case !ind.Measure.Percentage():
			c.add(at+".indicator", "only rates (yoy or share) are charted; %s is %s", Quote(s.Indicator), bare(string(ind.Measure)))
		case !c.regionIDs[s.Region]:
			c.add(at+".region", "unknown region %s", Quote(s.Region))
		}
	}
}

func (c *checker) barGroup(b BarGroup, seen map[string]bool) {
	c.id(b.Path+".id", "bar group", b.ID, seen)
	if len(b.Items) == 0 {
		c.add(b.Path+".items", "bar group %s has no bars", Quote(b.ID))
	}
	for i, ref := range b.Items {
		at := fmt.Sprintf("%s.items[%d]", b.Path, i)
		if c.find(ref) == nil {
			c.add(at, "no figure for %s %s %s", bare(ref.Indicator), bare(ref.Region), ref.Period)
		}
	}
}
