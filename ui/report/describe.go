package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// Describe writes the pack's tabs (one tab, or all of them when tab is
// "") as plain text in reading order, for a screen reader: what each tab
// shows, in the order the screen shows it, in sentences rather than
// drawings. A card becomes a sentence with its figure, region and
// period, then its comparisons, how it was worked out when derived, and
// the year's target; a chart, its lines' figures period by period; bars,
// their figures; the tourism products and their season calendar, in
// words. The sources cited come last. No drawing characters, no colour:
// what a screen reader reads out is all there is. month is this month,
// for the calendar.
func Describe(out io.Writer, p *model.Pack, tab model.TabID, lang model.Lang, month int) error {
	ds := newDescription(p, lang, month)
	ds.line(fmt.Sprintf(ds.w.Describe.Intro, p.Title.In(lang), p.Date))
	for i, t := range p.Tabs {
		if tab == "" || t.ID == tab {
			ds.blank()
			ds.tab(i, t)
		}
	}
	ds.sources()
	_, err := io.WriteString(out, ds.b.String())
	return err
}

// Description is one tab told as text, and the sources it cites, as the
// dashboard shows it under D.
func Description(p *model.Pack, tab model.TabID, lang model.Lang, month int) string {
	ds := newDescription(p, lang, month)
	if i := p.TabIndex(tab); i >= 0 {
		ds.tab(i, p.Tabs[i])
	}
	ds.sources()
	return strings.TrimSuffix(ds.b.String(), "\n")
}

// description is a text being written: its words, and the sources cited
// so far, numbered in the order they are first cited.
type description struct {
	p     *model.Pack
	lang  model.Lang
	w     *words.Words
	month int
	cites citations
	b     strings.Builder
}

func newDescription(p *model.Pack, lang model.Lang, month int) *description {
	return &description{p: p, lang: lang, w: words.For(lang), month: month, cites: newCitations(p, lang)}
}

func (ds *description) line(s string) { ds.b.WriteString(s + "\n") }
func (ds *description) blank()        { ds.b.WriteString("\n") }

// tab is tab i as the screen lays it out: the initiatives listed above
// the cards, then its charts, calendar and bars.
func (ds *description) tab(i int, t *model.Tab) {
	d := &ds.w.Describe
	ds.line(fmt.Sprintf(d.Tab, i+1, len(ds.p.Tabs), t.Name.In(ds.lang)))
	inits := ds.p.TabInitiatives(t)
	if len(inits) > 0 {
		ds.blank()
		ds.initiatives(inits)
	}
	if cards := ds.p.Cards(t); len(cards) > 0 {
		ds.blank()
		ds.line(d.Cards)
		for _, ind := range cards {
			ds.line(ds.card(ind))
		}
	}
	for _, ch := range t.Charts {
		ds.blank()
		ds.chart(ch)
	}
	if t.Calendar && len(inits) > 0 {
		ds.blank()
		ds.calendar(inits)
	}
	for _, g := range t.Bars {
		ds.blank()
		ds.bars(g)
	}
}

// figure is an observation's value with its unit, as the cards write it.
func (ds *description) figure(ind *model.Indicator, o *model.Observation) string {
	return model.Figure(ds.lang, o.Value, o.Qualifier, ind.Unit)
}

func (ds *description) period(o *model.Observation) string {
	return ds.p.PeriodLabel(ds.lang, o, false)
}

func (ds *description) region(id string) string { return ds.p.RegionName(ds.lang, id) }

// card is one card's sentences: the headline figure, its comparisons,
// how it was worked out if it was, the year's target; its source marks.
func (ds *description) card(ind *model.Indicator) string {
	d := &ds.w.Describe
	name := ind.Name.In(ds.lang)
	o := ds.p.Headline(ind)
	if o == nil {
		s := fmt.Sprintf(d.NoOutcome, name)
		if len(ds.p.Regions) > 0 {
			if tg := ds.p.Target(ind, ds.p.Regions[0].ID); tg != nil {
				s += fmt.Sprintf(d.Target, ds.p.Year, ds.figure(ind, tg)) + ds.gap() + ds.marks(tg)
			}
		}
		return s
	}
	s := fmt.Sprintf(d.Card, name, ds.figure(ind, o), ds.region(o.Region), ds.period(o))
	if !ind.Caveat.IsZero() {
		// What the card warns of (a lagged month, counts not like for
		// like) is said right after the figure, as the card shows it.
		s += fmt.Sprintf(d.Comparison, ind.Caveat.In(ds.lang))
	}
	for _, cmp := range ds.p.Comparisons(ind, o) {
		s += fmt.Sprintf(d.Comparison, ds.comparison(ind, o, cmp))
	}
	if o.Derived != nil {
		s += fmt.Sprintf(d.Derived, ds.w.Arithmetic, ds.p.Arithmetic(ds.lang, ind, o, false))
	}
	if tg := ds.p.Target(ind, o.Region); tg != nil {
		s += fmt.Sprintf(d.Target, ds.p.Year, ds.figure(ind, tg))
	}
	return s + ds.gap() + ds.marks(o)
}

// comparison is a stated difference in the cards' words, percentage
// points always in full, as prose read aloud wants them: "比一季度高0.1个
// 百分点", "0.1 percentage points above Q1".
func (ds *description) comparison(ind *model.Indicator, from *model.Observation, cmp model.Comparison) string {
	other := cmp.Other
	var label string
	switch {
	case other.Region == from.Region:
		label = ds.period(other)
	case other.Period == from.Period:
		label = ds.region(other.Region)
	default:
		label = ds.region(other.Region) + ds.gap() + ds.period(other)
	}
	gap := model.Figure(ds.lang, cmp.Gap, model.Exact, ind.Unit)
	if ind.Measure.Percentage() {
		gap = model.Points(ds.lang, cmp.Gap)
	}
	if cmp.Above {
		return fmt.Sprintf(ds.w.Above, label, gap)
	}
	return fmt.Sprintf(ds.w.Below, label, gap)
}

// marks are the citation marks of an observation's sources.
func (ds *description) marks(o *model.Observation) string {
	var b strings.Builder
	for _, id := range append([]string{o.Source}, o.Confirmed...) {
		if ds.p.Source(id) != nil {
			b.WriteString(ds.cites.mark(id))
		}
	}
	return b.String()
}

// gap is the space between words that English has and Chinese has not.
func (ds *description) gap() string {
	if ds.lang == model.En {
		return " "
	}
	return ""
}

// sources lists every source cited, numbered as the marks are.
func (ds *description) sources() {
	list := ds.cites.list(false)
	if len(list) == 0 {
		return
	}
	ds.blank()
	ds.line(ds.w.Describe.Sources)
	for _, l := range list {
		ds.line(l)
	}
}
