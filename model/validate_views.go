package model

import "fmt"

// views checks what the screens draw beyond the indicators themselves:
// charts, bar groups and the headlines repeated on the economy tab.
func (c *checker) views() {
	charts := map[string]bool{}
	for _, ch := range c.p.Charts {
		c.id(ch.Path+".id", "chart", ch.ID, charts)
		c.tab(ch.Path+".tab", ch.Tab)
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
	bars := map[string]bool{}
	for _, b := range c.p.Bars {
		c.id(b.Path+".id", "bar group", b.ID, bars)
		c.tab(b.Path+".tab", b.Tab)
		for i, ref := range b.Items {
			at := fmt.Sprintf("%s.items[%d]", b.Path, i)
			if c.find(ref) == nil {
				c.add(at, "no figure for %s %s %s", bare(ref.Indicator), bare(ref.Region), ref.Period)
			}
		}
	}
	for i, id := range c.p.Headlines {
		if c.indicatorIDs[id] == nil {
			c.add(fmt.Sprintf("%s.headlines[%d]", c.p.Path, i), "unknown indicator %s", Quote(id))
		}
	}
}
