package model

import "testing"

func TestComparisons(t *testing.T) {
	p := fixture()
	type cmp struct {
		indicator, other string // the derived figure: indicator, region period value
		gap              string
		above            bool
	}
	tests := []struct {
		name string
		ref  ObsRef
		want []cmp
	}{
		{"H1 was 0.1 pp above Q1", ObsRef{"gdp", "kunming", mp("2025-01/2025-06")}, []cmp{
			{"gdp", "kunming 2025-01/2025-03 4.3", "0.1", true},
		}},
		{"China's 5.2 was 0.6 pp above Kunming's 4.6, on another indicator", ObsRef{"gdp", "china", mp("2025-01/2025-09")}, []cmp{
			{"gdp-vs-china", "kunming 2025-01/2025-09 4.6", "0.6", true},
		}},
		{"Kunming industry 14.9 pp above China", ObsRef{"industry-va", "kunming", mp("2025-01/2025-09")}, []cmp{
			{"industry-va", "china 2025-01/2025-09 5.2", "14.9", true},
		}},
		{"a figure nothing starts from", ObsRef{"gdp", "kunming", mp("2025-01/2025-09")}, nil},
		{"a derived figure", ObsRef{"gdp", "kunming", mp("2025-01/2025-03")}, nil},
	}
	for _, tt := range tests {
		ind, o := p.Find(tt.ref)
		if o == nil {
			t.Fatalf("%s: fixture has no %+v", tt.name, tt.ref)
		}
		got := p.Comparisons(ind, o)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d comparisons, want %d", tt.name, len(got), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Indicator.ID != w.indicator || desc(g.Other) != w.other || g.Gap.Text != w.gap || g.Above != w.above {
				t.Errorf("%s: comparison %d = {%s, %s, gap %s, above %v}, want {%s, %s, gap %s, above %v}",
					tt.name, i, g.Indicator.ID, desc(g.Other), g.Gap.Text, g.Above, w.indicator, w.other, w.gap, w.above)
			}
		}
	}
}

// A stated figure below the one derived from it is reported as below,
// and several comparisons come back in pack order.
func TestComparisonsBelowAndOrder(t *testing.T) {
	base := ObsRef{Indicator: "share", Region: "kunming", Period: mp("2025-01/2025-09")}
	p := setPaths(&Pack{
		Regions: []Region{{ID: "kunming"}, {ID: "yunnan"}},
		Indicators: []*Indicator{
			{ID: "share", Obs: []*Observation{
				obs("kunming", "2025-01/2025-09", "48.6", "s"),
				// Up 7.3 pp on H1: H1 was 41.3.
				derived("kunming", "2025-01/2025-06", "41.3", "s", "48.6 - 7.3", base),
				// 2.0 pp below Yunnan, written as a negative difference subtracted.
				derived("yunnan", "2025-01/2025-09", "50.6", "s", "48.6 - -2.0", base),
			}},
		},
	})
	ind, o := p.Find(base)
	got := p.Comparisons(ind, o)
	want := []struct {
		other string
		gap   string
		above bool
	}{
		{"kunming 2025-01/2025-06 41.3", "7.3", true},
		{"yunnan 2025-01/2025-09 50.6", "2.0", false},
	}
	if len(got) != len(want) {
		t.Fatalf("%d comparisons, want %d", len(got), len(want))
	}
	for i, w := range want {
		if desc(got[i].Other) != w.other || got[i].Gap.Text != w.gap || got[i].Above != w.above {
			t.Errorf("comparison %d = {%s, gap %s, above %v}, want {%s, gap %s, above %v}",
				i, desc(got[i].Other), got[i].Gap.Text, got[i].Above, w.other, w.gap, w.above)
		}
	}
}
