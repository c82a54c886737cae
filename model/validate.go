package model

import (
	"fmt"
	"regexp"
	"slices"
)

// Problem is one thing wrong with a pack. Path locates it the way the
// loader walked the file ("$.indicators[2].observations[0].region"), so
// the loader can turn it into a line and column.
type Problem struct {
	Path string
	Msg  string
}

func (p Problem) Error() string { return p.Path + ": " + p.Msg }

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	datePattern = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
	dayPattern  = regexp.MustCompile(`^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$`)
	urlPattern  = regexp.MustCompile(`^https?://\S+$`)
)

type checker struct {
	p        *Pack
	problems []Problem
}

func (c *checker) add(path, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// Validate checks what the loader cannot see field by field: that every
// reference resolves, ids are unique, and every derived figure is
// reproduced exactly by its formula. It returns problems in file order.
func Validate(p *Pack) []Problem {
	c := &checker{p: p}
	c.pack()
	c.regions()
	c.sources()
	c.indicators()
	c.initiatives()
	c.views()
	return c.problems
}

func (c *checker) pack() {
	p := c.p
	if !idPattern.MatchString(p.ID) {
		c.add(p.Path+".pack", "pack id %q must be lower-case letters, digits and dashes", p.ID)
	}
	if p.Title.Zh == "" {
		c.add(p.Path+".title", "the pack needs a Chinese title (title.zh)")
	}
	if !dayPattern.MatchString(p.Date) {
		c.add(p.Path+".date", "date %q is not written YYYY-MM-DD", p.Date)
	}
	if p.Year < 1900 || p.Year > 2100 {
		c.add(p.Path+".year", "year %d is out of range 1900–2100", p.Year)
	}
}

func (c *checker) regions() {
	seen := map[string]bool{}
	for _, r := range c.p.Regions {
		c.id(r.Path+".id", "region", r.ID, seen)
		if r.Name.Zh == "" {
			c.add(r.Path+".zh", "region %q needs a Chinese name", r.ID)
		}
	}
	if len(c.p.Regions) == 0 {
		c.add(c.p.Path+".regions", "the pack lists no regions")
	}
}

func (c *checker) sources() {
	seen := map[string]bool{}
	for _, s := range c.p.Sources {
		c.id(s.Path+".id", "source", s.ID, seen)
		if s.Title == "" {
			c.add(s.Path+".title", "source %q needs a title", s.ID)
		}
		if !datePattern.MatchString(s.Date) {
			c.add(s.Path+".date", "source date %q is not written YYYY, YYYY-MM or YYYY-MM-DD", s.Date)
		}
		if s.URL != "" && !urlPattern.MatchString(s.URL) {
			c.add(s.Path+".url", "url %q must start with http:// or https://", s.URL)
		}
	}
}

// id checks an identifier's form and that it was not used before.
func (c *checker) id(path, kind, id string, seen map[string]bool) {
	switch {
	case !idPattern.MatchString(id):
		c.add(path, "%s id %q must be lower-case letters, digits and dashes", kind, id)
	case seen[id]:
		c.add(path, "duplicate %s id %q", kind, id)
	}
	seen[id] = true
}

func (c *checker) indicators() {
	seen := map[string]bool{}
	for _, ind := range c.p.Indicators {
		c.id(ind.Path+".id", "indicator", ind.ID, seen)
		c.tab(ind.Path+".tab", ind.Tab)
		if ind.Name.Zh == "" {
			c.add(ind.Path+".name", "indicator %q needs a Chinese name", ind.ID)
		}
		if !slices.Contains(Measures, ind.Measure) {
			c.add(ind.Path+".measure", "measure %q is not one of level, yoy, share, count", ind.Measure)
		}
		if ind.Unit.IsZero() {
			c.add(ind.Path+".unit", "indicator %q needs a unit", ind.ID)
		}
		if len(ind.Obs) == 0 {
			c.add(ind.Path+".observations", "indicator %q has no observations", ind.ID)
		}
		type key struct {
			region string
			period Period
			target bool
		}
		dup := map[key]bool{}
		for _, o := range ind.Obs {
			k := key{o.Region, o.Period, o.Target}
			if dup[k] {
				c.add(o.Path+".period", "a second figure for %s %s in %q", o.Region, o.Period, ind.ID)
			}
			dup[k] = true
			c.observation(ind, o)
		}
	}
}

func (c *checker) tab(path string, tab TabID) {
	if !slices.Contains(Tabs, tab) {
		c.add(path, "tab %q is not one of economy, industry, services, property, tourism", tab)
	}
}

func (c *checker) observation(ind *Indicator, o *Observation) {
	if c.p.Region(o.Region) == nil {
		c.add(o.Path+".region", "unknown region %q (the pack lists %s)", o.Region, c.regionList())
	}
	c.source(o.Path+".source", o.Source)
	for i, s := range o.Confirmed {
		c.source(fmt.Sprintf("%s.confirmed[%d]", o.Path, i), s)
	}
	switch o.Qualifier {
	case Exact, About, Over:
	default:
		c.add(o.Path+".qualifier", "qualifier %q is not about or over", o.Qualifier)
	}
	if o.Derived != nil {
		c.derivation(ind, o)
	}
}

func (c *checker) source(path, id string) {
	if c.p.Source(id) == nil {
		c.add(path, "unknown source %q", id)
	}
}

func (c *checker) regionList() string {
	s := ""
	for i, r := range c.p.Regions {
		if i > 0 {
			s += ", "
		}
		s += r.ID
	}
	return s
}

func (c *checker) derivation(ind *Indicator, o *Observation) {
	d := o.Derived
	if !d.Formula.Reproduces(o.Value) {
		c.add(o.Path+".formula", "formula %s gives %s, not the value %s", d.Formula, d.Formula.ResultText(), o.Value.Text)
	}
	if d.From == o.Ref(ind) {
		c.add(o.Path+".from", "a derived figure cannot start from itself")
		return
	}
	_, from := c.p.Find(d.From)
	switch {
	case from == nil:
		c.add(o.Path+".from", "no figure for %s %s %s to derive from", d.From.Indicator, d.From.Region, d.From.Period)
	case from.Derived != nil:
		c.add(o.Path+".from", "derive from a stated figure, not from the derived %s %s", d.From.Region, d.From.Period)
	case from.Value.Rat().Cmp(d.Formula.Left.Rat()) != 0:
		c.add(o.Path+".formula", "formula starts at %s but the figure it starts from is %s", d.Formula.Left.Text, from.Value.Text)
	}
}

func (c *checker) initiatives() {
	seen := map[string]bool{}
	for _, ind := range c.p.Indicators {
		seen[ind.ID] = true
	}
	for _, in := range c.p.Initiatives {
		c.id(in.Path+".id", "initiative", in.ID, seen)
		if in.Name.Zh == "" {
			c.add(in.Path+".name", "initiative %q needs a Chinese name", in.ID)
		}
		c.months(in.Path+".months", in.Months)
		c.months(in.Path+".peak", in.Peak)
		for i, m := range in.Peak {
			if !in.InSeason(m) {
				c.add(fmt.Sprintf("%s.peak[%d]", in.Path, i), "peak month %d is outside the season", m)
			}
		}
		for i, s := range in.Sources {
			c.source(fmt.Sprintf("%s.sources[%d]", in.Path, i), s)
		}
		for _, f := range in.Facts {
			c.source(f.Path+".source", f.Source)
		}
	}
}

func (c *checker) months(path string, months []int) {
	seen := map[int]bool{}
	for i, m := range months {
		at := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case m < 1 || m > 12:
			c.add(at, "month %d does not exist", m)
		case seen[m]:
			c.add(at, "month %d is listed twice", m)
		}
		seen[m] = true
	}
}

func (c *checker) views() {
	for _, ch := range c.p.Charts {
		c.tab(ch.Path+".tab", ch.Tab)
		if len(ch.Series) == 0 {
			c.add(ch.Path+".series", "chart %q has no series", ch.ID)
		}
		for i, s := range ch.Series {
			at := fmt.Sprintf("%s.series[%d]", ch.Path, i)
			ind := c.p.Indicator(s.Indicator)
			switch {
			case ind == nil:
				c.add(at+".indicator", "unknown indicator %q", s.Indicator)
			case !ind.Measure.Percentage():
				c.add(at+".indicator", "only rates (yoy or share) are charted; %q is %s", s.Indicator, ind.Measure)
			case c.p.Region(s.Region) == nil:
				c.add(at+".region", "unknown region %q", s.Region)
			}
		}
	}
	for _, b := range c.p.Bars {
		c.tab(b.Path+".tab", b.Tab)
		for i, ref := range b.Items {
			at := fmt.Sprintf("%s.items[%d]", b.Path, i)
			if _, o := c.p.Find(ref); o == nil {
				c.add(at, "no figure for %s %s %s", ref.Indicator, ref.Region, ref.Period)
			}
		}
	}
	for i, id := range c.p.Headlines {
		if c.p.Indicator(id) == nil {
			c.add(fmt.Sprintf("%s.headlines[%d]", c.p.Path, i), "unknown indicator %q", id)
		}
	}
}
