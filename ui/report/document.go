package report

import (
	"fmt"
	"strings"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// document is a pack laid out for a reader in one language: tab by tab in
// the dashboard's order, each indicator with its figures, then the
// initiatives, and the sources numbered in the order they are first
// cited. Markdown and CSV are two writings of it.
type document struct {
	pack     *model.Pack
	lang     model.Lang
	w        *words.Words
	sections []section
	sources  []*model.Source // in citation order, then any not cited
	number   map[string]int  // source id → its number, from 1
}

type section struct {
	tab         model.TabID
	name        string
	indicators  []block
	initiatives []*model.Initiative
}

// block is one indicator and its figures, in the pack's order.
type block struct {
	ind  *model.Indicator
	rows []row
}

type row struct {
	obs            *model.Observation
	region, period string
	figure, kind   string
	arithmetic     string // for a derived figure
	sources        []string
}

// newDocument lays the pack out as the dashboard does: a section for
// each of its tabs, in their order, holding the indicators whose home it
// is (in the order of its cards) and the initiatives it lists.
func newDocument(p *model.Pack, lang model.Lang) *document {
	d := &document{pack: p, lang: lang, w: words.For(lang), number: map[string]int{}}
	for _, tab := range p.Tabs {
		s := section{tab: tab.ID, name: tab.Name.In(lang)}
		for _, ind := range p.Cards(tab) {
			if ind.Tab != tab.ID {
				continue // a card repeated from its home tab
			}
			b := block{ind: ind}
			for _, o := range ind.Obs {
				b.rows = append(b.rows, d.row(ind, o))
			}
			s.indicators = append(s.indicators, b)
		}
		s.initiatives = p.TabInitiatives(tab)
		for _, in := range s.initiatives {
			d.cite(in.Sources...)
			for _, f := range in.Facts {
				d.cite(f.Source)
			}
		}
		d.sections = append(d.sections, s)
	}
	for i := range p.Sources {
		d.cite(p.Sources[i].ID)
	}
	return d
}

func (d *document) row(ind *model.Indicator, o *model.Observation) row {
	r := row{
		obs:    o,
		region: d.pack.RegionName(d.lang, o.Region),
		period: d.pack.PeriodLabel(d.lang, o, true),
		figure: model.Figure(d.lang, o.Value, o.Qualifier, ind.Unit),
		kind:   d.kind(o),
	}
	if o.Derived != nil {
		r.arithmetic = d.pack.Arithmetic(d.lang, ind, o, true)
	}
	r.sources = d.cite(append([]string{o.Source}, o.Confirmed...)...)
	return r
}

func (d *document) kind(o *model.Observation) string {
	switch {
	case o.Target:
		return d.w.TargetKind
	case o.Derived != nil:
		return d.w.Derived
	}
	return d.w.Stated
}

// cite numbers sources on first use and returns the ids it knows.
func (d *document) cite(ids ...string) []string {
	var out []string
	for _, id := range ids {
		s := d.pack.Source(id)
		if s == nil {
			continue
		}
		if d.number[id] == 0 {
			d.sources = append(d.sources, s)
			d.number[id] = len(d.sources)
		}
		out = append(out, id)
	}
	return out
}

// refs writes source numbers: [1][5].
func (d *document) refs(ids []string) string {
	var b strings.Builder
	for _, id := range ids {
		fmt.Fprintf(&b, "[%d]", d.number[id])
	}
	return b.String()
}

// citeHead is the publisher and title, as words.Cite writes them.
func (d *document) citeHead(s *model.Source) string { return d.w.Cite(d.lang, s) }

// where is a source's URL, or that none is held.
func (d *document) where(s *model.Source) string { return d.w.Where(s) }

// whereLinked is where, with the URL as a Markdown autolink.
func (d *document) whereLinked(s *model.Source) string {
	if s.URL != "" {
		return "<" + s.URL + ">"
	}
	return d.w.Doc.NoURL
}

// months lists the months an initiative runs: 10月、11月 or Oct, Nov.
func (d *document) months(in *model.Initiative) string {
	names := make([]string, len(in.Months))
	for i, m := range in.Months {
		names[i] = model.MonthName(m, d.lang)
	}
	return strings.Join(names, d.w.Doc.ListSep)
}

func (d *document) places(in *model.Initiative) string {
	names := make([]string, len(in.Places))
	for i, p := range in.Places {
		names[i] = p.In(d.lang)
	}
	return strings.Join(names, d.w.Doc.ListSep)
}

// unsourced reports whether no source gives the initiative a season,
// place or fact, which the reader is told rather than shown a blank.
func unsourced(in *model.Initiative) bool {
	return in.Season.IsZero() && len(in.Months) == 0 && len(in.Places) == 0 && len(in.Facts) == 0
}

// season is the season in words, with its months in brackets unless it
// runs all year.
func (d *document) season(in *model.Initiative) string {
	s := in.Season.In(d.lang)
	if len(in.Months) > 0 && len(in.Months) < 12 {
		s += fmt.Sprintf(d.w.Aside, d.months(in))
	}
	return s
}

// label is s with the colon that follows a label in the reader's
// language (昆明2024年：…, Kunming 2024: …).
func (d *document) label(s string) string { return s + d.w.Colon }
