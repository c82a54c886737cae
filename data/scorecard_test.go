package data

import (
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// The embedded pack's scorecard is the one the meeting would read: GDP
// and industry against the government work report's targets, retail
// sales and investment with targets and no outcome yet.
func TestDefaultScorecard(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	wants := []struct {
		indicator, outcome, target, gap string
		status                          model.Status
		others                          string
	}{
		{"gdp-growth", "4.4 2025-01/2025-06", "5", "-0.6", model.Behind, "china 5.3"},
		{"retail-sales-growth", "", "5", "", model.NoOutcome, ""},
		{"industry-investment-growth", "", "7", "", model.NoOutcome, ""},
		{"industry-growth", "6.7 2025-01/2025-08", "6", "0.7", model.Ahead, "china 6.2"},
	}
	got := p.Scorecard()
	if len(got) != len(wants) {
		t.Fatalf("%d scorecard lines, want %d", len(got), len(wants))
	}
	for i, w := range wants {
		g := got[i]
		outcome := ""
		if g.Outcome != nil {
			outcome = g.Outcome.Value.Text + " " + g.Outcome.Period.String()
		}
		var others []string
		for _, o := range g.Others {
			others = append(others, o.Region+" "+o.Value.Text)
		}
		if g.Indicator.ID != w.indicator || outcome != w.outcome || g.Target.Value.Text != w.target ||
			g.Target.Qualifier != model.About || g.Target.Source != "km-gwr-2025" ||
			g.Gap.Text != w.gap || g.Status != w.status || strings.Join(others, ", ") != w.others {
			t.Errorf("line %d: %s %q target %s %s from %s, gap %q, %s, others %v; want %+v", i, g.Indicator.ID, outcome,
				g.Target.Qualifier, g.Target.Value.Text, g.Target.Source, g.Gap.Text, g.Status, others, w)
		}
	}
}
