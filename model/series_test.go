package model

import (
	"slices"
	"testing"
)

func TestChartPointsAndTarget(t *testing.T) {
	p := fixture()
	gdp := p.Indicator("gdp")
	// An observation for a span that does not start in January, or in
	// another year, is not on the chart's month axis.
	gdp.Obs = append(gdp.Obs,
		obs("kunming", "2025-04/2025-06", "4.5", "km-stats"),
		obs("kunming", "2024-01/2024-12", "4.0", "km-stats"),
		&Observation{Region: "kunming", Period: mp("2024-01/2024-12"), Value: mn("6"), Source: "km-stats", Target: true},
	)
	tests := []struct {
		region string
		want   []string // periods, in month order
		target string   // the pack year's target, "" for none
	}{
		// The derived Q1 comes before the stated H1 though listed after
		// it; the full-year target and the 2024 figures are not points.
		{"kunming", []string{"2025-01/2025-03", "2025-01/2025-06", "2025-01/2025-09"}, "5.5"},
		{"china", []string{"2025-01/2025-09"}, ""},
		{"nowhere", nil, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, o := range p.ChartPoints(gdp, tt.region) {
			got = append(got, o.Period.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ChartPoints(gdp, %s) = %v, want %v", tt.region, got, tt.want)
		}
		tg := p.Target(gdp, tt.region)
		switch {
		case tt.target == "" && tg != nil:
			t.Errorf("Target(gdp, %s) = %v, want none", tt.region, tg.Value.Text)
		case tt.target != "" && (tg == nil || tg.Value.Text != tt.target):
			t.Errorf("Target(gdp, %s) = %v, want %s", tt.region, tg, tt.target)
		}
	}
}
