package ui

import (
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// Context is what every part of the screen shares. The root model owns
// it and hands it down; nothing below reads a global or the wall clock.
type Context struct {
	Pack  *model.Pack
	Lang  model.Lang
	Words *words.Words
	Theme *Theme
	Now   time.Time
	Width int
	// Height is the whole terminal's height.
	Height int
	// Layouts, when set, is shared with other dashboards.
	Layouts *Layouts
	// Marks is the review as this dashboard knows it, nil before any;
	// marksRev names that state for the caches drawings are kept in.
	Marks    *model.Review
	marksRev reviewRev
}

func (c *Context) setLang(l model.Lang) {
	c.Lang = l
	c.Words = words.For(l)
}

// figure writes an observation's value as the source gave it, hedged and
// with its unit, in the reader's language: "5%左右", "4294.78亿元",
// "over 40,000 birds", "429.478 billion yuan" (model.Figure).
func (c *Context) figure(ind *model.Indicator, o *model.Observation) string {
	return model.Figure(c.Lang, o.Value, o.Qualifier, ind.Unit)
}

// period names an observation's span, preferring the source's own words.
func (c *Context) period(o *model.Observation) string {
	if !o.Label.IsZero() {
		return o.Label.In(c.Lang)
	}
	return o.Period.Label(c.Lang, c.Pack.Year)
}

func (c *Context) regionName(id string) string {
	if r := c.Pack.Region(id); r != nil {
		return r.Name.In(c.Lang)
	}
	return id
}

// spelling is how a difference in percentage points is written.
type spelling int

const (
	ppShort  spelling = iota // "0.1 pp"
	ppFull                   // "0.1 percentage points"
	ppDefine                 // "0.1 percentage points (pp)": the short form's legend
)

// gap writes a stated difference: "0.1个百分点", "0.1 percentage
// points" or "0.1 pp" as sp says, or an amount in the indicator's unit
// for levels and counts.
func (c *Context) gap(ind *model.Indicator, n model.Number, sp spelling) string {
	if !ind.Measure.Percentage() {
		return model.Figure(c.Lang, n, model.Exact, ind.Unit)
	}
	switch sp {
	case ppFull:
		return model.Points(c.Lang, n)
	case ppDefine:
		return fmt.Sprintf(c.Words.PPDefine, model.Points(c.Lang, n))
	}
	return model.Decimal(c.Lang, n) + c.Words.PP
}

// otherLabel names what a comparison is against, by whatever differs:
// the period ("一季度"), the region ("云南"), or both.
func (c *Context) otherLabel(from *model.Observation, cmp model.Comparison) string {
	o := cmp.Other
	switch {
	case o.Region == from.Region:
		return c.period(o)
	case o.Period == from.Period:
		return c.regionName(o.Region)
	}
	return c.regionName(o.Region) + " " + c.period(o)
}

// spellings say how each card's first comparison writes percentage
// points, so that a screen writes them in full once, as an editor
// would: the first card with a comparison spells them out, and where
// more follow it names the short form ("pp") they then take.
func (c *Context) spellings(cards []*model.Indicator) []spelling {
	out := make([]spelling, len(cards))
	first, total := -1, 0
	for i, ind := range cards {
		o := c.Pack.Headline(ind)
		if o == nil || !ind.Measure.Percentage() {
			continue
		}
		if n := len(c.Pack.Comparisons(ind, o)); n > 0 {
			if first < 0 {
				first = i
			}
			total += n
		}
	}
	switch {
	case first < 0:
	case total > 1:
		out[first] = ppDefine
	default:
		out[first] = ppFull
	}
	return out
}

// shortPP is a difference written short, "pp" as a word of its own and
// not the "(pp)" that names it.
var shortPP = regexp.MustCompile(`(?:^|[^(\w])pp\b`)

// named draws the cards as draw would, then takes back the name "(pp)"
// where nothing drawn after it reads "pp": a line too short for the
// later comparisons leaves the name standing for nothing.
func named(cards []card, draw func(i int, cd card) string) []string {
	drawn := make([]string, len(cards))
	for i, cd := range cards {
		drawn[i] = draw(i, cd)
	}
	for i, cd := range cards {
		if cd.plain == "" || cd.plain == cd.notes[cd.defines] {
			continue
		}
		follows := false
		for _, d := range drawn[i:] {
			follows = follows || shortPP.MatchString(ansi.Strip(d))
		}
		if !follows {
			drawn[i] = draw(i, cd.unnamed())
		}
	}
	return drawn
}

// unnamed is the card with its comparison in full but not naming "pp".
func (cd card) unnamed() card {
	cd.notes = slices.Clone(cd.notes)
	if cd.spelled == cd.notes[cd.defines] {
		cd.spelled = cd.plain
	}
	cd.notes[cd.defines], cd.plain = cd.plain, ""
	return cd
}

// comparison is one line such as "▲ 比一季度高0.1个百分点"; the arrow says
// the direction so that colour is never the only cue.
func (c *Context) comparison(ind *model.Indicator, from *model.Observation, cmp model.Comparison, sp spelling) string {
	gap := c.gap(ind, cmp.Gap, sp)
	label := c.otherLabel(from, cmp)
	if cmp.Above {
		return c.Theme.Up.Render(c.Theme.Glyphs.Up) + " " + fmt.Sprintf(c.Words.Above, label, gap)
	}
	return c.Theme.Down.Render(c.Theme.Glyphs.Down) + " " + fmt.Sprintf(c.Words.Below, label, gap)
}

// arithmetic spells out how a derived figure was computed, the same
// way as the exports: "昆明一季度 4.3% = 上半年 4.4% − 0.1个百分点".
func (c *Context) arithmetic(ind *model.Indicator, o *model.Observation) string {
	return c.Pack.Arithmetic(c.Lang, ind, o, false)
}

// target is the pack year's target for ind in region, if any.
func (c *Context) target(ind *model.Indicator, region string) *model.Observation {
	return c.Pack.Target(ind, region)
}

// kind says whether a figure is stated, derived or a target.
func (c *Context) kind(o *model.Observation) string {
	switch {
	case o.Target:
		return c.Words.TargetKind
	case o.Derived != nil:
		return c.Words.Derived
	}
	return c.Words.Stated
}

// months writes a period's months in words, with their year: "2025年1月—6月",
// "Jan–Jun 2025", "2024年10月—2025年3月", "Aug 2025".
func (c *Context) months(p model.Period) string {
	w := c.Words
	from, to := model.MonthName(p.From.Month, c.Lang), model.MonthName(p.To.Month, c.Lang)
	switch {
	case p.From.Year != p.To.Year:
		return fmt.Sprintf(w.MonthSpan, fmt.Sprintf(w.InYear, p.From.Year, from), fmt.Sprintf(w.InYear, p.To.Year, to))
	case p.From.Month == p.To.Month:
		return fmt.Sprintf(w.InYear, p.To.Year, to)
	}
	return fmt.Sprintf(w.InYear, p.To.Year, fmt.Sprintf(w.MonthSpan, from, to))
}
