package data

import (
	"bytes"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// Observations may be listed in any order: the file's order is kept (an
// export lists them as written, a card lists comparisons as written),
// and nothing that places a figure in time depends on it. The chart
// places each figure by its end month and the detail view sorts; here the
// shipped pack's observations are reversed and every headline and every
// comparison must stay as it was.
func TestObservationOrderDoesNotMatter(t *testing.T) {
	type view struct {
		headline    string
		comparisons []string
	}
	views := func(p *model.Pack) map[string]view {
		out := map[string]view{}
		for _, ind := range p.Indicators {
			h := p.Headline(ind)
			if h == nil {
				continue
			}
			v := view{headline: h.Region + " " + h.Period.String() + " " + h.Value.Text}
			for _, c := range p.Comparisons(ind, h) {
				v.comparisons = append(v.comparisons, c.Other.Region+" "+c.Other.Period.String()+" "+c.Gap.Text)
			}
			sort.Strings(v.comparisons)
			out[ind.ID] = v
		}
		return out
	}
	p, err := Load(DefaultName, DefaultBytes())
	if err != nil {
		t.Fatal(err)
	}
	before := views(p)
	for _, ind := range p.Indicators {
		slices.Reverse(ind.Obs)
	}
	if probs := model.Validate(p); len(probs) != 0 {
		t.Errorf("reversed observations fail validation: %v", probs)
	}
	if after := views(p); !reflect.DeepEqual(before, after) {
		t.Errorf("reversing the observations changed what the cards show:\nbefore %v\nafter  %v", before, after)
	}

	// And in a file: minimal.yaml with its two figures swapped loads, and
	// its export lists them as the file does.
	var swapped []byte
	for _, tt := range edgeCases {
		if tt.name == "observations listed latest first" {
			swapped = tt.input(t)
		}
	}
	q, err := Load("swapped.yaml", swapped)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := report.Export(&out, q, report.Options{Format: "csv", Lang: model.Zh, NoBOM: true}); err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(rows) != 3 || !strings.Contains(rows[1], "2025-01/2025-03") || !strings.Contains(rows[2], "2025-01/2025-06") {
		t.Errorf("export does not keep the file's order:\n%s", out.String())
	}
}
