package data

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"

	"github.com/kmdash/kmdash/model"
)

// decodePack turns the document's root into a pack, field by field.
func (r *reader) decodePack(root ast.Node) *model.Pack {
	p := &model.Pack{Path: "$"}
	f := r.fields(root, "$", "the pack",
		[]string{"pack", "title", "date", "regions", "sources", "indicators", "tabs"},
		"year", "initiatives")
	if f == nil {
		return p
	}
	p.ID = r.text(f["pack"], "$.pack", "pack")
	p.Title = r.bilingual(f["title"], "$.title", "title")
	p.Date = r.text(f["date"], "$.date", "date")
	if f["year"] != nil {
		p.Year = r.integer(f["year"], "$.year", "year", 1900, 2100)
	} else if len(p.Date) >= 4 {
		fmt.Sscanf(p.Date[:4], "%d", &p.Year)
	}
	for i, n := range r.list(f["regions"], "$.regions", "regions") {
		p.Regions = append(p.Regions, r.region(n, fmt.Sprintf("$.regions[%d]", i)))
	}
	for i, n := range r.list(f["sources"], "$.sources", "sources") {
		p.Sources = append(p.Sources, r.source(n, fmt.Sprintf("$.sources[%d]", i)))
	}
	for i, n := range r.list(f["indicators"], "$.indicators", "indicators") {
		p.Indicators = append(p.Indicators, r.indicator(n, fmt.Sprintf("$.indicators[%d]", i)))
	}
	for i, n := range r.list(f["initiatives"], "$.initiatives", "initiatives") {
		p.Initiatives = append(p.Initiatives, r.initiative(n, fmt.Sprintf("$.initiatives[%d]", i)))
	}
	for i, n := range r.list(f["tabs"], "$.tabs", "tabs") {
		p.Tabs = append(p.Tabs, r.tab(n, fmt.Sprintf("$.tabs[%d]", i)))
	}
	return p
}

func (r *reader) region(n ast.Node, path string) model.Region {
	f := r.fields(n, path, "a region", []string{"id", "zh"}, "en", "within")
	return model.Region{
		ID:     r.text(f["id"], path+".id", "region id"),
		Name:   model.Text{Zh: r.text(f["zh"], path+".zh", "region name"), En: r.text(f["en"], path+".en", "region name")},
		Within: r.text(f["within"], path+".within", "within"),
		Path:   path,
	}
}

// noURL is what `url:` says of a source whose address is not held.
const noURL = "none"

// source reads a publication: its title where known (`title:`), or what
// it is where not (`about:`), never both; and its URL, or `url: none`.
func (r *reader) source(n ast.Node, path string) model.Source {
	f := r.fields(n, path, "a source", []string{"id", "date"}, "publisher", "title", "about", "lang", "url", "note")
	s := model.Source{
		ID:        r.text(f["id"], path+".id", "source id"),
		Publisher: r.bilingual(f["publisher"], path+".publisher", "publisher"),
		Date:      r.text(f["date"], path+".date", "source date"),
		URL:       r.text(f["url"], path+".url", "url"),
		Lang:      model.Lang(r.text(f["lang"], path+".lang", "lang")),
		Note:      r.bilingual(f["note"], path+".note", "note"),
		Path:      path,
	}
	switch {
	case f["title"] != nil && f["about"] != nil:
		r.fail(position(f["about"]), "a source has a title or, where its title is not known, about; not both")
	case f["about"] != nil:
		s.Title, s.Described = r.bilingual(f["about"], path+".about", "about"), true
	default:
		s.Title = r.bilingual(f["title"], path+".title", "source title")
	}
	if s.Lang == "" {
		s.Lang = model.Zh
	}
	if s.URL == noURL {
		s.URL, s.NoURL = "", true
	}
	return s
}

func (r *reader) indicator(n ast.Node, path string) *model.Indicator {
	f := r.fields(n, path, "an indicator",
		[]string{"id", "tab", "name", "measure", "observations"}, "full", "unit", "initials", "note", "caveat")
	ind := &model.Indicator{
		ID:       r.text(f["id"], path+".id", "indicator id"),
		Tab:      model.TabID(r.text(f["tab"], path+".tab", "tab")),
		Name:     r.bilingual(f["name"], path+".name", "name"),
		Full:     r.bilingual(f["full"], path+".full", "full name"),
		Initials: r.text(f["initials"], path+".initials", "initials"),
		Unit:     r.bilingual(f["unit"], path+".unit", "unit"),
		Measure:  model.Measure(r.text(f["measure"], path+".measure", "measure")),
		Note:     r.bilingual(f["note"], path+".note", "note"),
		Caveat:   r.bilingual(f["caveat"], path+".caveat", "caveat"),
		Path:     path,
	}
	for i, o := range r.list(f["observations"], path+".observations", "observations") {
		ind.Obs = append(ind.Obs, r.observation(ind, o, fmt.Sprintf("%s.observations[%d]", path, i)))
	}
	return ind
}

func (r *reader) observation(ind *model.Indicator, n ast.Node, path string) *model.Observation {
	f := r.fields(n, path, "an observation", []string{"region", "period", "value", "source"},
		"target", "qualifier", "label", "formula", "from", "confirmed", "note")
	o := &model.Observation{
		Region:    r.text(f["region"], path+".region", "region"),
		Period:    r.period(f["period"], path+".period", "period"),
		Value:     r.number(f["value"], path+".value", "value"),
		Source:    r.text(f["source"], path+".source", "source"),
		Target:    r.flag(f["target"], path+".target", "target"),
		Qualifier: model.Qualifier(r.text(f["qualifier"], path+".qualifier", "qualifier")),
		Label:     r.bilingual(f["label"], path+".label", "label"),
		Confirmed: r.texts(f["confirmed"], path+".confirmed", "confirmed"),
		Note:      r.bilingual(f["note"], path+".note", "note"),
		Path:      path,
	}
	switch {
	case f["formula"] != nil:
		o.Derived = r.derivation(ind, o, f["formula"], f["from"], path)
	case f["from"] != nil:
		r.fail(position(f["from"]), "from only goes with a formula")
	}
	return o
}

// derivation reads the formula and the stated figure it starts from,
// which defaults to the same indicator, region and period.
func (r *reader) derivation(ind *model.Indicator, o *model.Observation, formula, from ast.Node, path string) *model.Derivation {
	text := r.text(formula, path+".formula", "formula")
	fm, err := model.ParseFormula(text)
	if err != nil {
		r.fail(position(formula), "%v", err)
		return nil
	}
	d := &model.Derivation{Formula: fm, From: model.ObsRef{Indicator: ind.ID, Region: o.Region, Period: o.Period}}
	if from == nil {
		r.fail(position(formula), "a formula needs from: the stated figure it starts at")
		return d
	}
	f := r.fields(from, path+".from", "from", nil, "indicator", "region", "period")
	if f["indicator"] != nil {
		d.From.Indicator = r.text(f["indicator"], path+".from.indicator", "indicator")
	}
	if f["region"] != nil {
		d.From.Region = r.text(f["region"], path+".from.region", "region")
	}
	if f["period"] != nil {
		d.From.Period = r.period(f["period"], path+".from.period", "period")
	}
	return d
}

func (r *reader) initiative(n ast.Node, path string) *model.Initiative {
	// Season, months and places are optional: where no source gives
	// them, the pack leaves them out and the reader is told so.
	f := r.fields(n, path, "an initiative", []string{"id", "name", "what"},
		"season", "months", "initials", "places", "peak", "facts", "sources")
	in := &model.Initiative{
		ID:       r.text(f["id"], path+".id", "initiative id"),
		Name:     r.bilingual(f["name"], path+".name", "name"),
		Initials: r.text(f["initials"], path+".initials", "initials"),
		What:     r.bilingual(f["what"], path+".what", "what"),
		Season:   r.bilingual(f["season"], path+".season", "season"),
		Months:   r.months(f["months"], path+".months", "months"),
		Peak:     r.months(f["peak"], path+".peak", "peak"),
		Sources:  r.texts(f["sources"], path+".sources", "sources"),
		Path:     path,
	}
	for i, pl := range r.list(f["places"], path+".places", "places") {
		in.Places = append(in.Places, r.bilingual(pl, fmt.Sprintf("%s.places[%d]", path, i), "place"))
	}
	for i, fn := range r.list(f["facts"], path+".facts", "facts") {
		at := fmt.Sprintf("%s.facts[%d]", path, i)
		ff := r.fields(fn, at, "a fact", []string{"zh", "source"}, "en")
		in.Facts = append(in.Facts, model.Fact{
			Text:   model.Text{Zh: r.text(ff["zh"], at+".zh", "fact"), En: r.text(ff["en"], at+".en", "fact")},
			Source: r.text(ff["source"], at+".source", "source"),
			Path:   at,
		})
	}
	return in
}
