// Package report writes a pack for reading outside the dashboard: the
// exports (JSON, CSV, Markdown), in the reader's language where they are
// meant to be read.
package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/kmdash/kmdash/model"
)

// Formats lists what `kmdash export` can write.
var Formats = []string{"json", "csv", "md"}

// Export writes every indicator, observation and source of the pack.
func Export(w io.Writer, p *model.Pack, format string, lang model.Lang) error {
	switch format {
	case "json":
		return exportJSON(w, p)
	case "csv":
		return exportCSV(w, p)
	case "md":
		return exportMarkdown(w, p, lang)
	}
	return fmt.Errorf("unknown format %q (want json, csv or md)", format)
}

type jsonText struct {
	Zh string `json:"zh"`
	En string `json:"en,omitempty"`
}

func text(t model.Text) jsonText { return jsonText{Zh: t.Zh, En: t.En} }

type jsonSource struct {
	ID        string `json:"id"`
	Publisher string `json:"publisher,omitempty"`
	Title     string `json:"title"`
	Date      string `json:"date"`
	URL       string `json:"url,omitempty"`
}

type jsonRef struct {
	Indicator string `json:"indicator"`
	Region    string `json:"region"`
	Period    string `json:"period"`
}

type jsonObservation struct {
	Region string `json:"region"`
	Period string `json:"period"`
	// Value keeps the source's digits: 4.0 stays 4.0.
	Value     json.Number `json:"value"`
	Derived   bool        `json:"derived"`
	Formula   string      `json:"formula,omitempty"`
	From      *jsonRef    `json:"from,omitempty"`
	Target    bool        `json:"target,omitempty"`
	Qualifier string      `json:"qualifier,omitempty"`
	Label     *jsonText   `json:"label,omitempty"`
	Source    string      `json:"source"`
	URL       string      `json:"url,omitempty"`
	Confirmed []string    `json:"confirmed,omitempty"`
}

type jsonIndicator struct {
	ID           string            `json:"id"`
	Tab          string            `json:"tab"`
	Name         jsonText          `json:"name"`
	Unit         string            `json:"unit"`
	UnitEn       string            `json:"unit_en,omitempty"`
	Measure      string            `json:"measure"`
	Observations []jsonObservation `json:"observations"`
}

type jsonInitiative struct {
	ID      string     `json:"id"`
	Name    jsonText   `json:"name"`
	What    jsonText   `json:"what"`
	Season  jsonText   `json:"season"`
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
	Indicators  []jsonIndicator  `json:"indicators"`
	Initiatives []jsonInitiative `json:"initiatives"`
}

func exportJSON(w io.Writer, p *model.Pack) error {
	out := jsonPack{Pack: p.ID, Title: text(p.Title), Date: p.Date}
	for _, s := range p.Sources {
		out.Sources = append(out.Sources, jsonSource{ID: s.ID, Publisher: s.Publisher.In(s.Lang), Title: s.Title.In(s.Lang), Date: s.Date, URL: s.URL})
	}
	for _, ind := range p.Indicators {
		ji := jsonIndicator{ID: ind.ID, Tab: string(ind.Tab), Name: text(ind.Name), Unit: ind.Unit.Zh, Measure: string(ind.Measure)}
		if ind.Unit.En != ind.Unit.Zh {
			ji.UnitEn = ind.Unit.En
		}
		for _, o := range ind.Obs {
			jo := jsonObservation{Region: o.Region, Period: o.Period.String(), Value: json.Number(o.Value.Text),
				Target: o.Target, Qualifier: string(o.Qualifier), Source: o.Source, Confirmed: o.Confirmed}
			if s := p.Source(o.Source); s != nil {
				jo.URL = s.URL
			}
			if !o.Label.IsZero() {
				l := text(o.Label)
				jo.Label = &l
			}
			if d := o.Derived; d != nil {
				jo.Derived, jo.Formula = true, d.Formula.String()
				jo.From = &jsonRef{Indicator: d.From.Indicator, Region: d.From.Region, Period: d.From.Period.String()}
			}
			ji.Observations = append(ji.Observations, jo)
		}
		out.Indicators = append(out.Indicators, ji)
	}
	for _, in := range p.Initiatives {
		ji := jsonInitiative{ID: in.ID, Name: text(in.Name), What: text(in.What), Season: text(in.Season),
			Months: in.Months, Peak: in.Peak, Sources: in.Sources}
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

// rows is one line per observation, the shape both CSV and Markdown use.
func rows(p *model.Pack) [][]string {
	var out [][]string
	for _, ind := range p.Indicators {
		for _, o := range ind.Obs {
			formula := ""
			if o.Derived != nil {
				formula = o.Derived.Formula.String()
			}
			url := ""
			if s := p.Source(o.Source); s != nil {
				url = s.URL
			}
			out = append(out, []string{ind.ID, string(ind.Tab), ind.Name.Zh, ind.Name.En, ind.Unit.Zh, string(ind.Measure),
				o.Region, o.Period.String(), o.Value.Text, fmt.Sprint(o.Derived != nil), formula,
				fmt.Sprint(o.Target), string(o.Qualifier), o.Source, url})
		}
	}
	return out
}

var csvHeader = []string{"indicator", "tab", "name_zh", "name_en", "unit", "measure", "region", "period",
	"value", "derived", "formula", "target", "qualifier", "source", "source_url"}

func exportCSV(w io.Writer, p *model.Pack) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	if err := cw.WriteAll(rows(p)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

func exportMarkdown(w io.Writer, p *model.Pack, lang model.Lang) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s (%s)\n\n", p.Title.In(lang), p.Date)
	fmt.Fprintf(&b, "| indicator | name | region | period | value | unit | derived | formula | target | source |\n")
	fmt.Fprintf(&b, "|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows(p) {
		name, unit := r[2], r[4]
		if lang == model.En {
			name = r[3]
			if ind := p.Indicator(r[0]); ind != nil {
				unit = ind.Unit.In(lang)
			}
		}
		cells := []string{r[0], name, r[6], r[7], r[12] + " " + r[8], unit, r[9], r[10], r[11], r[13]}
		for i, c := range cells {
			cells[i] = strings.ReplaceAll(strings.TrimSpace(c), "|", `\|`)
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(cells, " | "))
	}
	b.WriteString("\n## Sources\n\n")
	for _, s := range p.Sources {
		fmt.Fprintf(&b, "- `%s` %s, %s, %s %s\n", s.ID, s.Publisher.In(lang), s.Title.In(lang), s.Date, s.URL)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
