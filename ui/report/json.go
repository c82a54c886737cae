package report

import (
	"encoding/json"
	"io"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// The JSON export is for programs: every field keeps its id or raw value
// (PRODUCT.md gives the shape), and beside each id sits its label in both
// languages, so that a program can show what the dashboard shows without
// the words tables.

type jsonText struct {
	Zh string `json:"zh"`
	En string `json:"en,omitempty"`
}

func text(t model.Text) jsonText { return jsonText{Zh: t.Zh, En: t.En} }

// both is a phrase made in each language by f.
func both(f func(model.Lang) string) jsonText { return jsonText{Zh: f(model.Zh), En: f(model.En)} }

func optText(t model.Text) *jsonText {
	if t.IsZero() {
		return nil
	}
	j := text(t)
	return &j
}

type jsonSource struct {
	ID string `json:"id"`
	// Publisher and Title are in the piece's own language; the labels
	// give both. Described says the title is what the piece is, its own
	// title not being known.
	Publisher      string    `json:"publisher,omitempty"`
	Title          string    `json:"title"`
	Date           string    `json:"date"`
	URL            string    `json:"url,omitempty"`
	NoURL          bool      `json:"no_url,omitempty"`
	Lang           string    `json:"lang"`
	Described      bool      `json:"described,omitempty"`
	PublisherLabel jsonText  `json:"publisher_label"`
	TitleLabel     jsonText  `json:"title_label"`
	Note           *jsonText `json:"note,omitempty"`
}

type jsonRef struct {
	Indicator string `json:"indicator"`
	Region    string `json:"region"`
	Period    string `json:"period"`
}

type jsonObservation struct {
	Region      string   `json:"region"`
	RegionLabel jsonText `json:"region_label"`
	Period      string   `json:"period"`
	PeriodLabel jsonText `json:"period_label"`
	// Value keeps the source's digits: 4.0 stays 4.0.
	Value      json.Number `json:"value"`
	Figure     jsonText    `json:"figure"`
	Derived    bool        `json:"derived"`
	Formula    string      `json:"formula,omitempty"`
	Arithmetic *jsonText   `json:"arithmetic,omitempty"`
	From       *jsonRef    `json:"from,omitempty"`
	Target     bool        `json:"target,omitempty"`
	Qualifier  string      `json:"qualifier,omitempty"`
	Label      *jsonText   `json:"label,omitempty"`
	Note       *jsonText   `json:"note,omitempty"`
	Source     string      `json:"source"`
	URL        string      `json:"url,omitempty"`
	Confirmed  []string    `json:"confirmed,omitempty"`
}

type jsonIndicator struct {
	ID       string   `json:"id"`
	Tab      string   `json:"tab"`
	TabLabel jsonText `json:"tab_label"`
	Name     jsonText `json:"name"`
	FullName jsonText `json:"full_name"`
	// Unit is the unit the values are stated in, as the source wrote it;
	// its label names it in both languages (亿元, 100 million yuan).
	Unit         string            `json:"unit"`
	UnitLabel    jsonText          `json:"unit_label"`
	Measure      string            `json:"measure"`
	MeasureLabel jsonText          `json:"measure_label"`
	Note         *jsonText         `json:"note,omitempty"`
	Observations []jsonObservation `json:"observations"`
}

type jsonInitiative struct {
	ID      string     `json:"id"`
	Name    jsonText   `json:"name"`
	What    jsonText   `json:"what"`
	Season  *jsonText  `json:"season,omitempty"`
	Months  []int      `json:"months"`
	Peak    []int      `json:"peak,omitempty"`
	Places  []jsonText `json:"places"`
	Facts   []jsonFact `json:"facts,omitempty"`
	Sources []string   `json:"sources"`
}

type jsonFact struct {
	Text   jsonText `json:"text"`
	Source string   `json:"source"`
}

type jsonPack struct {
	Pack        string           `json:"pack"`
	Title       jsonText         `json:"title"`
	Date        string           `json:"date"`
	Sources     []jsonSource     `json:"sources"`
	Regions     []jsonRegion     `json:"regions"`
	Indicators  []jsonIndicator  `json:"indicators"`
	Initiatives []jsonInitiative `json:"initiatives"`
}

type jsonRegion struct {
	ID     string   `json:"id"`
	Label  jsonText `json:"label"`
	Within string   `json:"within,omitempty"`
}

func exportJSON(w io.Writer, p *model.Pack) error {
	out := jsonPack{Pack: p.ID, Title: text(p.Title), Date: p.Date,
		Sources: []jsonSource{}, Regions: []jsonRegion{}, Indicators: []jsonIndicator{}, Initiatives: []jsonInitiative{}}
	for _, s := range p.Sources {
		lang := s.Lang
		if lang == "" {
			lang = model.Zh
		}
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Publisher: s.Publisher.In(lang), Title: s.Title.In(lang),
			Date: s.Date, URL: s.URL, NoURL: s.URL == "", Lang: string(lang), Described: s.Described,
			PublisherLabel: text(s.Publisher), TitleLabel: text(s.Title), Note: optText(s.Note)})
	}
	for _, r := range p.Regions {
		out.Regions = append(out.Regions, jsonRegion{ID: r.ID, Label: text(r.Name), Within: r.Within})
	}
	for _, ind := range p.Indicators {
		out.Indicators = append(out.Indicators, jsonIndicatorOf(p, ind))
	}
	for _, in := range p.Initiatives {
		ji := jsonInitiative{ID: in.ID, Name: text(in.Name), What: text(in.What), Season: optText(in.Season),
			Months: in.Months, Peak: in.Peak, Places: []jsonText{}, Sources: in.Sources}
		if ji.Months == nil {
			ji.Months = []int{}
		}
		for _, pl := range in.Places {
			ji.Places = append(ji.Places, text(pl))
		}
		for _, f := range in.Facts {
			ji.Facts = append(ji.Facts, jsonFact{Text: text(f.Text), Source: f.Source})
		}
		out.Initiatives = append(out.Initiatives, ji)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func jsonIndicatorOf(p *model.Pack, ind *model.Indicator) jsonIndicator {
	ji := jsonIndicator{ID: ind.ID, Tab: string(ind.Tab), Name: text(ind.Name), FullName: text(ind.FullName()),
		Unit: ind.Unit.Zh, Measure: string(ind.Measure), Note: optText(ind.Note),
		TabLabel:     both(func(l model.Lang) string { return tabName(p, ind.Tab, l) }),
		UnitLabel:    both(func(l model.Lang) string { return model.UnitName(l, ind.Unit) }),
		MeasureLabel: both(func(l model.Lang) string { return words.For(l).Measure[ind.Measure] }),
	}
	for _, o := range ind.Obs {
		jo := jsonObservation{Region: o.Region, Period: o.Period.String(), Value: json.Number(o.Value.Text),
			RegionLabel: both(func(l model.Lang) string { return p.RegionName(l, o.Region) }),
			PeriodLabel: both(func(l model.Lang) string { return p.PeriodLabel(l, o, true) }),
			Figure:      both(func(l model.Lang) string { return model.Figure(l, o.Value, o.Qualifier, ind.Unit) }),
			Target:      o.Target, Qualifier: string(o.Qualifier), Source: o.Source, Confirmed: o.Confirmed,
			Label: optText(o.Label), Note: optText(o.Note)}
		if s := p.Source(o.Source); s != nil {
			jo.URL = s.URL
		}
		if d := o.Derived; d != nil {
			jo.Derived, jo.Formula = true, d.Formula.String()
			jo.From = &jsonRef{Indicator: d.From.Indicator, Region: d.From.Region, Period: d.From.Period.String()}
			a := both(func(l model.Lang) string { return p.Arithmetic(l, ind, o, true) })
			jo.Arithmetic = &a
		}
		ji.Observations = append(ji.Observations, jo)
	}
	return ji
}

// tabName is the name the pack gives a tab in l, or its id.
func tabName(p *model.Pack, id model.TabID, l model.Lang) string {
	if t := p.Tab(id); t != nil {
		return t.Name.In(l)
	}
	return string(id)
}
