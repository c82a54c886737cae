package model

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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
	// The pack's lookups scan their slices, which is right for a screen
	// that asks a few times but quadratic for a check that asks for every
	// figure; the checker indexes once. The first of duplicate ids wins,
	// as it does in the lookups.
	regionIDs    map[string]bool
	sourceIDs    map[string]bool
	indicatorIDs map[string]*Indicator
	tabIDs       map[TabID]*Tab
}

func (c *checker) add(path, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: path, Msg: fmt.Sprintf(format, args...)})
}

// Validate checks what the loader cannot see field by field: that every
// reference resolves, ids are unique, and every derived figure is
// reproduced exactly by its formula. It returns problems in file order.
func Validate(p *Pack) []Problem {
	c := &checker{p: p, regionIDs: map[string]bool{}, sourceIDs: map[string]bool{}, indicatorIDs: map[string]*Indicator{}, tabIDs: map[TabID]*Tab{}}
	for _, r := range p.Regions {
		c.regionIDs[r.ID] = true
	}
	for _, s := range p.Sources {
		c.sourceIDs[s.ID] = true
	}
	for _, ind := range p.Indicators {
		if c.indicatorIDs[ind.ID] == nil {
			c.indicatorIDs[ind.ID] = ind
		}
	}
	for _, t := range p.Tabs {
		if c.tabIDs[t.ID] == nil {
			c.tabIDs[t.ID] = t
		}
	}
	c.pack()
	c.regions()
	c.sources()
	c.indicators()
	c.initiatives()
	c.tabs()
	return c.problems
}

func (c *checker) pack() {
	p := c.p
	if !idPattern.MatchString(p.ID) {
		c.add(p.Path+".pack", "pack id %s must be lower-case letters, digits and dashes", Quote(p.ID))
	}
	if p.Title.Zh == "" {
		c.add(p.Path+".title", "the pack needs a Chinese title (title.zh)")
	}
	if !dayPattern.MatchString(p.Date) {
		c.add(p.Path+".date", "date %s is not written YYYY-MM-DD", Quote(p.Date))
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
			c.add(r.Path+".zh", "region %s needs a Chinese name", Quote(r.ID))
		}
		switch {
		case r.Within == "":
		case r.Within == r.ID:
			c.add(r.Path+".within", "region %s cannot lie within itself", Quote(r.ID))
		case !c.regionIDs[r.Within]:
			c.add(r.Path+".within", "region %s lies within %s, which the pack does not list", Quote(r.ID), Quote(r.Within))
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
		if s.Title.Zh == "" {
			c.add(s.Path+".title", "source %s needs a title, or about: saying what it is where its title is not known", Quote(s.ID))
		}
		if s.Lang != "" && !slices.Contains(Langs, s.Lang) {
			c.add(s.Path+".lang", "lang %s is not one of zh, en", Quote(string(s.Lang)))
		}
		if !datePattern.MatchString(s.Date) {
			c.add(s.Path+".date", "source date %s is not written YYYY, YYYY-MM or YYYY-MM-DD", Quote(s.Date))
		}
		if s.URL != "" && !urlPattern.MatchString(s.URL) {
			c.add(s.Path+".url", "url %s must start with http:// or https://", Quote(s.URL))
		}
	}
}

// mustBase is the unit without its scale prefix.
func mustBase(zhUnit string) string {
	_, base := Magnitude(zhUnit)
	return base
}

// id checks an identifier's form and that it was not used before.
func (c *checker) id(path, kind, id string, seen map[string]bool) {
	switch {
	case !idPattern.MatchString(id):
		c.add(path, "%s id %s must be lower-case letters, digits and dashes", kind, Quote(id))
	case seen[id]:
		c.add(path, "duplicate %s id %s", kind, Quote(id))
	}
	seen[id] = true
}

func (c *checker) indicators() {
	seen := map[string]bool{}
	for _, ind := range c.p.Indicators {
		c.id(ind.Path+".id", "indicator", ind.ID, seen)
		c.home(ind)
		if ind.Name.Zh == "" {
			c.add(ind.Path+".name", "indicator %s needs a Chinese name", Quote(ind.ID))
		}
		if !slices.Contains(Measures, ind.Measure) {
			c.add(ind.Path+".measure", "measure %s is not one of level, yoy, share, contribution, count", Quote(string(ind.Measure)))
		}
		if exp, _ := Magnitude(ind.Unit.Zh); exp > 0 && strings.ContainsAny(ind.Unit.En, "0123456789") {
			c.add(ind.Path+".unit", "unit.en %s carries a scale; write the unit alone (yuan, m²): the %s in %s is applied to the figure", Quote(ind.Unit.En), strings.TrimSuffix(ind.Unit.Zh, mustBase(ind.Unit.Zh)), Quote(ind.Unit.Zh))
		}
		// A count's name says what is counted (17 parcels of land), so
		// its figure reads without a unit; an amount or a rate does not.
		if ind.Unit.IsZero() && ind.Measure != Count {
			c.add(ind.Path+".unit", "indicator %s needs a unit, such as %% or 亿元 (only a count may go without)", Quote(ind.ID))
		}
		if len(ind.Obs) == 0 {
			c.add(ind.Path+".observations", "indicator %s has no observations", Quote(ind.ID))
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
				c.add(o.Path+".period", "a second figure for %s %s in %s", bare(o.Region), o.Period, Quote(ind.ID))
			}
			dup[k] = true
			c.observation(ind, o)
		}
	}
}

// home checks that an indicator's home tab exists and shows it.
func (c *checker) home(ind *Indicator) {
	tab := c.tabIDs[ind.Tab]
	switch {
	case tab == nil:
		c.add(ind.Path+".tab", "tab %s is not one of the pack's tabs (%s)", Quote(string(ind.Tab)), c.tabList())
	case !slices.Contains(tab.Cards, ind.ID):
		c.add(ind.Path+".tab", "indicator %s lives on tab %s, whose cards do not list it", Quote(ind.ID), Quote(string(ind.Tab)))
	}
}

func (c *checker) tabList() string {
	s := ""
	for i, t := range c.p.Tabs {
		if i > 0 {
			s += ", "
		}
		s += bare(string(t.ID))
	}
	return s
}

func (c *checker) observation(ind *Indicator, o *Observation) {
	if !c.regionIDs[o.Region] {
		c.add(o.Path+".region", "unknown region %s (the pack lists %s)", Quote(o.Region), c.regionList())
	}
	c.source(o.Path+".source", o.Source)
	for i, s := range o.Confirmed {
		c.source(fmt.Sprintf("%s.confirmed[%d]", o.Path, i), s)
	}
	switch o.Qualifier {
	case Exact, About, Over:
	default:
		c.add(o.Path+".qualifier", "qualifier %s is not about or over", Quote(string(o.Qualifier)))
	}
	if o.Derived != nil {
		c.derivation(ind, o)
	}
}

func (c *checker) source(path, id string) {
	if !c.sourceIDs[id] {
		c.add(path, "unknown source %s", Quote(id))
	}
}

func (c *checker) regionList() string {
	s := ""
	for i, r := range c.p.Regions {
		if i > 0 {
			s += ", "
		}
		s += bare(r.ID)
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
	from := c.find(d.From)
	switch {
	case from == nil:
		c.add(o.Path+".from", "no figure for %s %s %s to derive from", bare(d.From.Indicator), bare(d.From.Region), d.From.Period)
	case from.Derived != nil:
		c.add(o.Path+".from", "derive from a stated figure, not from the derived %s %s", bare(d.From.Region), d.From.Period)
	case from.Value.Rat().Cmp(d.Formula.Left.Rat()) != 0:
		c.add(o.Path+".formula", "formula starts at %s but the figure it starts from is %s", d.Formula.Left.Text, from.Value.Text)
	}
}

// find is Pack.Find through the checker's index.
func (c *checker) find(ref ObsRef) *Observation {
	ind := c.indicatorIDs[ref.Indicator]
	if ind == nil {
		return nil
	}
	for _, o := range ind.Obs {
		if !o.Target && o.Region == ref.Region && o.Period == ref.Period {
			return o
		}
	}
	return nil
}

func (c *checker) initiatives() {
	seen := map[string]bool{}
	for _, in := range c.p.Initiatives {
		// Search finds indicators and initiatives by id in one list, so
		// an id names one thing of either kind.
		if c.indicatorIDs[in.ID] != nil && idPattern.MatchString(in.ID) {
			c.add(in.Path+".id", "initiative id %s is already an indicator's id", Quote(in.ID))
			seen[in.ID] = true
		} else {
			c.id(in.Path+".id", "initiative", in.ID, seen)
		}
		if in.Name.Zh == "" {
			c.add(in.Path+".name", "initiative %s needs a Chinese name", Quote(in.ID))
		}
		if !c.listed(in.ID) {
			c.add(in.Path+".id", "initiative %s is on no tab; list it in a tab's initiatives", Quote(in.ID))
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

// listed reports whether a tab lists the initiative, so it can be seen.
func (c *checker) listed(id string) bool {
	for _, t := range c.p.Tabs {
		if slices.Contains(t.Initiatives, id) {
			return true
		}
	}
	return false
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
