package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kmdash/kmdash/model"
)

// csvRecords reads a CSV export, checking and dropping its byte-order mark.
func csvRecords(t *testing.T, out []byte, wantBOM bool) [][]string {
	t.Helper()
	if hasBOM := bytes.HasPrefix(out, []byte("\xEF\xBB\xBF")); hasBOM != wantBOM {
		t.Fatalf("BOM present = %t, want %t", hasBOM, wantBOM)
	}
	if !utf8.Valid(out) {
		t.Fatal("CSV is not UTF-8")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v", err)
	}
	return recs
}

// The CSV opens in a spreadsheet with its Chinese intact: UTF-8 behind a
// BOM, one row per figure in the pack's order and then one per tourism
// initiative, with the reader's labels and the ids to join on.
func TestExportCSV(t *testing.T) {
	p := shippedPack(t)
	for _, lang := range model.Langs {
		recs := csvRecords(t, export(t, p, "csv", lang), true)
		c := columns(t, recs[0], lang)
		rows := recs[1:]
		i := 0
		for _, ind := range p.Indicators {
			for _, o := range ind.Obs {
				if i >= len(rows) {
					t.Fatalf("%s: %d rows, fewer than the figures", lang, len(rows))
				}
				row := rows[i]
				i++
				if row[c["indicator_id"]] != ind.ID || row[c["region_id"]] != o.Region || row[c["period"]] != o.Period.String() {
					t.Errorf("%s row %d = %v, want %s %s %s", lang, i, row, ind.ID, o.Region, o.Period)
				}
				// The value stays a number a spreadsheet computes with.
				if row[c["value"]] != o.Value.Text {
					t.Errorf("%s row %d value %q, want %q", lang, i, row[c["value"]], o.Value.Text)
				}
				if (row[c["arithmetic"]] != "") != (o.Derived != nil) {
					t.Errorf("%s row %d: derived %t, arithmetic %q", lang, i, o.Derived != nil, row[c["arithmetic"]])
				}
				if row[c["source"]] == "" || row[c["url"]] == "" {
					t.Errorf("%s row %d: source %q, url %q", lang, i, row[c["source"]], row[c["url"]])
				}
			}
		}
		initiatives := rows[i:]
		if len(initiatives) != len(p.Initiatives) {
			t.Fatalf("%s: %d rows after the figures, want one per initiative (%d)", lang, len(initiatives), len(p.Initiatives))
		}
		for j, in := range p.Initiatives {
			row := initiatives[j]
			if row[c["indicator_id"]] != in.ID || row[c["indicator"]] != in.Name.In(lang) {
				t.Errorf("%s initiative row %v, want %s %s", lang, row, in.ID, in.Name.In(lang))
			}
		}
	}
}

// columns maps the language's headers to the names the test uses.
func columns(t *testing.T, header []string, lang model.Lang) map[string]int {
	t.Helper()
	want := map[model.Lang][]string{
		model.Zh: {"栏目", "指标", "地区", "期间", "数值", "单位", "读作", "类型", "算式", "说明", "来源", "网址", "指标代码", "地区代码", "期间代码"},
		model.En: {"Tab", "Indicator", "Region", "Period", "Value", "Unit", "Reads as", "Kind", "Arithmetic", "Note", "Source", "URL", "indicator_id", "region_id", "period"},
	}[lang]
	names := []string{"tab", "indicator", "region", "label", "value", "unit", "figure", "kind", "arithmetic", "note", "source", "url", "indicator_id", "region_id", "period"}
	if strings.Join(header, ",") != strings.Join(want, ",") {
		t.Fatalf("%s header %v, want %v", lang, header, want)
	}
	c := map[string]int{}
	for i, n := range names {
		c[n] = i
	}
	return c
}

// Rows read as the reader's language writes them.
func TestExportCSVRows(t *testing.T) {
	recs := csvRecords(t, export(t, shippedPack(t), "csv", model.Zh), true)
	c := columns(t, recs[0], model.Zh)
	want := map[string][]string{ // indicator_id/region_id/period → label, reads as, kind
		"gdp/kunming/2025-01/2025-06":                          {"2025年上半年", "4294.78亿元", "原文"},
		"gdp-growth/kunming/2025-01/2025-03":                   {"2025年一季度", "4.3%", "推算"},
		"gdp-growth/kunming/2025-01/2025-12":                   {"2025年", "5%左右", "目标"},
		"housing-sales-growth/china/2025-01/2025-08":           {"2025年1—8月", "−4.7%", "推算"},
		"land-parcels-sold/kunming-main-urban/2025-01/2025-09": {"截至9月22日", "17宗", "原文"},
		"coffee-festival-visits/kunming/2025-08/2025-08":       {"2025年（东西两岸）", "280.59万人次", "原文"},
		"gull-count/kunming/2023-01/2023-12":                   {"2023年", "4万只以上", "原文"},
	}
	seen := 0
	for _, r := range recs[1:] {
		w, ok := want[r[c["indicator_id"]]+"/"+r[c["region_id"]]+"/"+r[c["period"]]]
		if !ok {
			continue
		}
		seen++
		if got := []string{r[c["label"]], r[c["figure"]], r[c["kind"]]}; strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("%s %s: %v, want %v", r[c["indicator_id"]], r[c["period"]], got, w)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d rows", seen, len(want))
	}
}

func TestExportCSVWithoutBOM(t *testing.T) {
	var b bytes.Buffer
	if err := Export(&b, shippedPack(t), Options{Format: "csv", Lang: model.Zh, NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	recs := csvRecords(t, b.Bytes(), false)
	if recs[0][0] != "栏目" {
		t.Errorf("first header %q", recs[0][0])
	}
}
