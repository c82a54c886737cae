package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// Beside every id the JSON export gives its label in both languages, and
// a figure as each language writes it; ids and raw values stay.
func TestExportJSONLabels(t *testing.T) {
	type label struct{ Zh, En string }
	var e struct {
		Sources []struct {
			ID, URL        string
			NoURL          bool  `json:"no_url"`
			TitleLabel     label `json:"title_label"`
			PublisherLabel label `json:"publisher_label"`
		}
		Regions []struct {
			ID     string
			Label  label
			Within string
		}
		Indicators []struct {
			ID           string
			TabLabel     label `json:"tab_label"`
			FullName     label `json:"full_name"`
			UnitLabel    label `json:"unit_label"`
			MeasureLabel label `json:"measure_label"`
			Observations []struct {
				Region, Period string
				Value          json.Number
				RegionLabel    label  `json:"region_label"`
				PeriodLabel    label  `json:"period_label"`
				Figure         label  `json:"figure"`
				Arithmetic     *label `json:"arithmetic"`
				Derived        bool
			}
		}
	}
	if err := json.Unmarshal(export(t, shippedPack(t), "json", model.Zh), &e); err != nil {
		t.Fatal(err)
	}
	full := func(l label) bool { return l.Zh != "" && l.En != "" }
	for _, s := range e.Sources {
		if !full(s.TitleLabel) || (s.URL == "") != s.NoURL {
			t.Errorf("source %s: title %+v, url %q, no_url %t", s.ID, s.TitleLabel, s.URL, s.NoURL)
		}
	}
	for _, r := range e.Regions {
		if !full(r.Label) {
			t.Errorf("region %s: label %+v", r.ID, r.Label)
		}
		if r.ID == "kunming-main-urban" && r.Within != "kunming" {
			t.Errorf("the five main urban districts lie within %q", r.Within)
		}
	}
	got := map[string]string{}
	for _, ind := range e.Indicators {
		if !full(ind.TabLabel) || !full(ind.FullName) || !full(ind.UnitLabel) || !full(ind.MeasureLabel) {
			t.Errorf("%s: a label lacks a language: %+v %+v %+v %+v", ind.ID, ind.TabLabel, ind.FullName, ind.UnitLabel, ind.MeasureLabel)
		}
		for _, o := range ind.Observations {
			if !full(o.RegionLabel) || !full(o.PeriodLabel) || !full(o.Figure) || o.Derived != (o.Arithmetic != nil) {
				t.Errorf("%s %s %s: labels %+v %+v %+v, arithmetic %v", ind.ID, o.Region, o.Period, o.RegionLabel, o.PeriodLabel, o.Figure, o.Arithmetic)
			}
			got[ind.ID+" "+o.Region+" "+o.Period] = strings.Join([]string{o.Value.String(), o.RegionLabel.En, o.PeriodLabel.Zh, o.Figure.Zh, o.Figure.En}, " | ")
		}
		if ind.ID == "gdp" && ind.UnitLabel != (label{"亿元", "100 million yuan"}) {
			t.Errorf("gdp unit label %+v", ind.UnitLabel)
		}
	}
	for key, want := range map[string]string{
		"gdp kunming 2025-01/2025-06":                          "4294.78 | Kunming | 2025年上半年 | 4294.78亿元 | 429.478 billion yuan",
		"housing-sales-area kunming 2025-01/2025-08":           "382.9 | Kunming | 2025年1—8月 | 382.9万平方米 | 3.829 million m²",
		"land-parcels-sold kunming-main-urban 2025-01/2025-09": "17 | Kunming's five main urban districts | 截至9月22日 | 17宗 | 17 parcels",
	} {
		if got[key] != want {
			t.Errorf("%s: %q, want %q", key, got[key], want)
		}
	}
}
