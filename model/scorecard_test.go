package model

import "testing"

func TestDifference(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"4.4", "5", "-0.6"}, // GDP growth H1 against about 5%
		{"6.7", "6", "0.7"},  // industry Jan–Aug against about 6%
		{"5", "5", "0"},
		{"5.0", "5", "0.0"},      // the outcome's precision carries over
		{"4.45", "5", "-0.55"},   // so does a finer one
		{"-4.7", "3", "-7.7"},    // a fall below a positive target
		{"0.1", "0.3", "-0.2"},   // exact: 0.1 − 0.3 in floats is −0.19999…
		{"10.2", "-4.7", "14.9"}, // a negative target
	}
	for _, tt := range tests {
		got := Difference(mn(tt.a), mn(tt.b))
		if got.Text != tt.want {
			t.Errorf("%s − %s = %s, want %s", tt.a, tt.b, got.Text, tt.want)
		}
		if want := mn(tt.want).Float; got.Float != want {
			t.Errorf("%s − %s: float %v, want %v", tt.a, tt.b, got.Float, want)
		}
	}
}

func TestJudge(t *testing.T) {
	tests := []struct {
		gap  string
		q    Qualifier
		want Status
	}{
		{"-0.6", About, Behind},
		{"0.7", About, Ahead},
		{"-0.5", About, OnCourse}, // the band's edges are inside it
		{"0.5", About, OnCourse},
		{"-0.51", About, Behind},
		{"0.51", About, Ahead},
		{"0", About, OnCourse},
		{"0.1", Exact, Ahead}, // an exact target has no band
		{"-0.1", Exact, Behind},
		{"0.0", Exact, OnCourse},
		{"0.1", Over, OnCourse}, // "over 5%" is met by anything above 5
		{"0", Over, Behind},
		{"-1", Over, Behind},
	}
	for _, tt := range tests {
		if got := Judge(mn(tt.gap), tt.q); got != tt.want {
			t.Errorf("Judge(%s, %q) = %s, want %s", tt.gap, tt.q, got, tt.want)
		}
	}
}

func target(region, period, value string, q Qualifier) *Observation {
	o := obs(region, period, value, "km-stats")
	o.Target, o.Qualifier = true, q
	return o
}

func TestScorecard(t *testing.T) {
	p := fixture()
	gdp := p.Indicator("gdp")
	gdp.Obs[3].Qualifier = About // the fixture's 5.5 target
	// A 2024 outcome and a 2026 target must not be matched with 2025's.
	gdp.Obs = append(gdp.Obs, obs("kunming", "2024-01/2024-12", "5.9", "km-stats"),
		target("kunming", "2026-01/2026-12", "5", About))
	// A target whose indicator has no outcome at all.
	p.Indicators = append(p.Indicators, &Indicator{ID: "investment", Tab: "economy", Unit: Text{Zh: "%"}, Measure: YoY,
		Obs: []*Observation{target("kunming", "2025-01/2025-12", "7", About)}})
	p.Tab("economy").Cards = append(p.Tab("economy").Cards, "investment")
	// A level target: part of the year is not set against the whole.
	retail := p.Indicator("retail")
	retail.Obs = append(retail.Obs, target("kunming", "2025-01/2025-12", "4000", Exact))

	type want struct {
		indicator, target, outcome, gap string
		status                          Status
		others                          []string
	}
	wants := []want{
		// Review order: economy first (gdp, gdp-vs-china, investment), then services.
		{"gdp", "2025-01/2025-12", "2025-01/2025-09", "-0.9", Behind, []string{"yunnan 4.2", "china 5.2"}},
		{"gdp", "2026-01/2026-12", "", "", NoOutcome, nil},
		{"investment", "2025-01/2025-12", "", "", NoOutcome, nil},
		{"retail", "2025-01/2025-12", "2025-01/2025-09", "-1194.1", NotComparable, nil},
	}
	got := p.Scorecard()
	if len(got) != len(wants) {
		t.Fatalf("%d lines, want %d: %+v", len(got), len(wants), got)
	}
	for i, w := range wants {
		g := got[i]
		if g.Indicator.ID != w.indicator || g.Target.Period.String() != w.target {
			t.Errorf("line %d is %s %s, want %s %s", i, g.Indicator.ID, g.Target.Period, w.indicator, w.target)
			continue
		}
		outcome := ""
		if g.Outcome != nil {
			outcome = g.Outcome.Period.String()
		}
		if outcome != w.outcome || g.Gap.Text != w.gap || g.Status != w.status {
			t.Errorf("%s %s: outcome %q gap %q status %s, want %q %q %s", w.indicator, w.target, outcome, g.Gap.Text, g.Status, w.outcome, w.gap, w.status)
		}
		var others []string
		for _, o := range g.Others {
			others = append(others, o.Region+" "+o.Value.Text)
		}
		if len(others) != len(w.others) {
			t.Errorf("%s: others %v, want %v", w.indicator, others, w.others)
			continue
		}
		for j := range others {
			if others[j] != w.others[j] {
				t.Errorf("%s: others %v, want %v", w.indicator, others, w.others)
			}
		}
	}
}
