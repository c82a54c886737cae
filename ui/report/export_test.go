package report

import (
	"bytes"
	"encoding/json"
	"math/big"
	"regexp"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/data"
	"github.com/kmdash/kmdash/model"
)

// The JSON export as PRODUCT.md draws it. Values are kept raw so that the
// digits can be compared as written.
type exportedText struct {
	Zh *string `json:"zh"`
	En *string `json:"en"`
}

type exportedObservation struct {
	Region  *string         `json:"region"`
	Period  *string         `json:"period"`
	Value   json.RawMessage `json:"value"`
	Derived *bool           `json:"derived"`
	Formula string          `json:"formula"`
	Source  *string         `json:"source"`
	From    *struct {
		Indicator, Region, Period string
	} `json:"from"`
}

type exportedPack struct {
	Pack    *string       `json:"pack"`
	Title   *exportedText `json:"title"`
	Date    *string       `json:"date"`
	Sources []struct {
		ID, Title, Date, URL string
	} `json:"sources"`
	Indicators []struct {
		ID           *string               `json:"id"`
		Tab          *string               `json:"tab"`
		Name         *exportedText         `json:"name"`
		Unit         *string               `json:"unit"`
		Measure      *string               `json:"measure"`
		Observations []exportedObservation `json:"observations"`
	} `json:"indicators"`
}

func export(t *testing.T, p *model.Pack, format string, lang model.Lang) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Export(&b, p, Options{Format: format, Lang: lang}); err != nil {
		t.Fatalf("Export %s: %v", format, err)
	}
	return b.Bytes()
}

func shippedPack(t *testing.T) *model.Pack {
	t.Helper()
	p, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// observationLine matches an observation's first line in a pack file
// ("- {region: …" or "- region: …"); nothing else in a pack starts so.
var observationLine = regexp.MustCompile(`(?m)^\s+- \{?region:`)

// jsonNumber is RFC 8259's number grammar.
var jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

func TestExportJSONShape(t *testing.T) {
	out := export(t, shippedPack(t), "json", model.Zh)
	if !json.Valid(out) {
		t.Fatalf("not JSON:\n%s", out)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"pack", "title", "date", "sources", "indicators"} {
		if _, ok := top[k]; !ok {
			t.Errorf("top level has no %q", k)
		}
	}
	var e exportedPack
	dec := json.NewDecoder(bytes.NewReader(out))
	if err := dec.Decode(&e); err != nil {
		t.Fatal(err)
	}
	if e.Pack == nil || *e.Pack != "kunming-2025q3" || e.Date == nil || *e.Date != "2025-09-22" {
		t.Errorf("pack/date = %v/%v, want kunming-2025q3/2025-09-22", e.Pack, e.Date)
	}
	if e.Title == nil || e.Title.Zh == nil || !strings.Contains(*e.Title.Zh, "当好排头兵") || e.Title.En == nil || *e.Title.En == "" {
		t.Errorf("title lacks zh or en: %+v", e.Title)
	}
	sources := map[string]string{}
	for _, s := range e.Sources {
		if s.ID == "" || s.Title == "" || s.Date == "" {
			t.Errorf("source %+v lacks id, title or date", s)
		}
		if s.URL != "" && !strings.HasPrefix(s.URL, "http") {
			t.Errorf("source %s url %q", s.ID, s.URL)
		}
		sources[s.ID] = s.URL
	}
	tabs := map[string]bool{}
	for _, tab := range shippedPack(t).Tabs {
		tabs[string(tab.ID)] = true
	}
	count := 0
	for _, ind := range e.Indicators {
		if ind.ID == nil || ind.Tab == nil || ind.Name == nil || ind.Name.Zh == nil || ind.Name.En == nil ||
			ind.Unit == nil || ind.Measure == nil {
			t.Errorf("indicator lacks id, tab, name.zh, name.en, unit or measure: %+v", ind)
			continue
		}
		if !tabs[*ind.Tab] {
			t.Errorf("%s: tab %q", *ind.ID, *ind.Tab)
		}
		for _, o := range ind.Observations {
			count++
			if o.Region == nil || o.Period == nil || o.Value == nil || o.Derived == nil || o.Source == nil {
				t.Errorf("%s: observation lacks region, period, value, derived or source: %+v", *ind.ID, o)
				continue
			}
			if _, ok := sources[*o.Source]; !ok {
				t.Errorf("%s %s %s: source %q is not among the exported sources", *ind.ID, *o.Region, *o.Period, *o.Source)
			}
			if _, err := model.ParsePeriod(*o.Period); err != nil {
				t.Errorf("%s: %v", *ind.ID, err)
			}
			if !jsonNumber.Match(o.Value) {
				t.Errorf("%s %s %s: value %s is not a JSON number", *ind.ID, *o.Region, *o.Period, o.Value)
			}
		}
	}
	if want := len(observationLine.FindAll(data.DefaultBytes(), -1)); count != want {
		t.Errorf("exported %d observations; the pack file has %d", count, want)
	}
}

// Figures keep the digits their source wrote: 4.0 is not 4, -3.0 is not -3.
func TestExportJSONKeepsDigits(t *testing.T) {
	// The fixture writes each value in a way a float would lose.
	const pack = `pack: digits
title: {zh: 位数, en: Digits}
date: 2025-09-22
regions: [{id: kunming, zh: 昆明}]
sources: [{id: s, title: t, date: 2025}]
indicators:
  - id: a
    tab: economy
    name: {zh: 甲, en: A}
    unit: "%"
    measure: yoy
    observations:
      - {region: kunming, period: 2025-01/2025-01, value: 6.0, source: s}
      - {region: kunming, period: 2025-01/2025-02, value: -3.0, source: s}
      - {region: kunming, period: 2025-01/2025-03, value: 0.10, source: s}
      - {region: kunming, period: 2025-01/2025-04, value: 2805900, source: s}
      - {region: kunming, period: 2025-01/2025-05, value: 4294.780, source: s}
tabs: [{id: economy, name: 经济, cards: [a]}]
`
	want := []string{"6.0", "-3.0", "0.10", "2805900", "4294.780"}
	p, err := data.Load("digits.yaml", []byte(pack))
	if err != nil {
		t.Fatal(err)
	}
	var e exportedPack
	if err := json.Unmarshal(export(t, p, "json", model.Zh), &e); err != nil {
		t.Fatalf("export does not parse: %v", err)
	}
	obs := e.Indicators[0].Observations
	if len(obs) != len(want) {
		t.Fatalf("%d observations, want %d", len(obs), len(want))
	}
	for i, w := range want {
		if got := string(obs[i].Value); got != w {
			t.Errorf("value %d = %s, want %s", i, got, w)
		}
	}

	// And in the shipped pack, the figures written with a trailing zero.
	e = exportedPack{}
	if err := json.Unmarshal(export(t, shippedPack(t), "json", model.Zh), &e); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ind, region, period, value string }{
		{"gdp-growth", "kunming", "2024-01/2024-12", "4.0"},
		{"housing-sales-growth", "china", "2025-01/2025-03", "-3.0"},
		{"housing-sales-growth", "china", "2025-01/2025-07", "-4.0"},
		{"gdp", "kunming", "2025-01/2025-06", "4294.78"},
		{"coffee-festival-visits", "kunming", "2025-08/2025-08", "2805900"},
	} {
		found := false
		for _, ind := range e.Indicators {
			for _, o := range ind.Observations {
				if *ind.ID == c.ind && *o.Region == c.region && *o.Period == c.period {
					found = true
					if string(o.Value) != c.value {
						t.Errorf("%s %s %s = %s, want %s", c.ind, c.region, c.period, o.Value, c.value)
					}
				}
			}
		}
		if !found {
			t.Errorf("no exported %s %s %s", c.ind, c.region, c.period)
		}
	}
}

// Whatever Load accepts, Export can write: a figure with a leading zero
// ("05.5") is either refused when the pack loads or exported as JSON.
func TestExportLeadingZero(t *testing.T) {
	for _, v := range []string{"05.5", "007", "-01"} {
		pack := strings.Replace(onePack, "VALUE", v, 1)
		p, err := data.Load("lead.yaml", []byte(pack))
		if err != nil {
			continue // refused at load: fine
		}
		var out bytes.Buffer
		if err := Export(&out, p, Options{Format: "json", Lang: model.Zh}); err != nil {
			t.Errorf("value %s loads but cannot be exported: %v", v, err)
		} else if !json.Valid(out.Bytes()) {
			t.Errorf("value %s exports as invalid JSON", v)
		}
	}
}

const onePack = `pack: one
title: {zh: 一}
date: 2025-09-22
regions: [{id: kunming, zh: 昆明}]
sources: [{id: s, title: t, date: 2025}]
indicators:
  - {id: a, tab: economy, name: {zh: 甲}, unit: "%", measure: yoy, observations: [{region: kunming, period: 2025-01/2025-01, value: VALUE, source: s}]}
`

func rat(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("%q is not a decimal", s)
	}
	return r
}

// Derived figures say so, and their formula gives exactly the value, from
// a stated figure the export also holds.
func TestExportJSONDerived(t *testing.T) {
	var e exportedPack
	if err := json.Unmarshal(export(t, shippedPack(t), "json", model.Zh), &e); err != nil {
		t.Fatal(err)
	}
	type key struct{ ind, region, period string }
	stated := map[key]string{}
	for _, ind := range e.Indicators {
		for _, o := range ind.Observations {
			if !*o.Derived {
				stated[key{*ind.ID, *o.Region, *o.Period}] = string(o.Value)
			}
		}
	}
	derived := 0
	for _, ind := range e.Indicators {
		for _, o := range ind.Observations {
			name := *ind.ID + " " + *o.Region + " " + *o.Period
			if !*o.Derived {
				if o.Formula != "" || o.From != nil {
					t.Errorf("%s: stated figure carries formula %q", name, o.Formula)
				}
				continue
			}
			derived++
			f := strings.Fields(o.Formula)
			if len(f) != 3 || (f[1] != "-" && f[1] != "+") {
				t.Errorf("%s: formula %q is not \"A - B\" or \"A + B\"", name, o.Formula)
				continue
			}
			got := rat(t, f[0])
			if f[1] == "-" {
				got.Sub(got, rat(t, f[2]))
			} else {
				got.Add(got, rat(t, f[2]))
			}
			if got.Cmp(rat(t, string(o.Value))) != 0 {
				t.Errorf("%s: %s = %s, not the value %s", name, o.Formula, got.RatString(), o.Value)
			}
			if o.From == nil {
				t.Errorf("%s: derived figure does not say what it starts from", name)
				continue
			}
			base, ok := stated[key{o.From.Indicator, o.From.Region, o.From.Period}]
			switch {
			case !ok:
				t.Errorf("%s: starts from %+v, which is no stated figure in the export", name, *o.From)
			case rat(t, base).Cmp(rat(t, f[0])) != 0:
				t.Errorf("%s: formula starts at %s, the figure it starts from is %s", name, f[0], base)
			}
		}
	}
	if want := bytes.Count(data.DefaultBytes(), []byte("formula:")); derived != want {
		t.Errorf("%d derived observations exported; the pack file writes %d formulas", derived, want)
	}
}

func TestExportUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := Export(&b, shippedPack(t), Options{Format: "xml", Lang: model.Zh})
	if err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("Export xml = %v, want an error naming the format", err)
	}
}
