package data

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// refiled lists figures whose region was corrected on purpose after the
// fixture was taken, each checked against its source: the report counts
// the land parcels in the five main urban districts, not the whole city.
// Nothing else may move.
var refiled = map[string]string{
	"land-parcels-sold\tkunming\t2025-01/2025-09":    "land-parcels-sold\tkunming-main-urban\t2025-01/2025-09",
	"land-parcels-premium\tkunming\t2025-01/2025-09": "land-parcels-premium\tkunming-main-urban\t2025-01/2025-09",
}

// figureKey names a figure: what, where, when, and whether it is a goal.
func figureKey(indicator, region, period string, target bool) string {
	return fmt.Sprintf("%s\t%s\t%s\t%t", indicator, region, period, target)
}

// The figures stay exactly as they were: every observation of the
// embedded pack, as (indicator, region, period, target) → (value as
// written, derived, qualifier), against testdata/figures.tsv. Wording,
// sources and labels may change around them; a slip in a figure may not.
// A new figure may be added only as a target (the scorecard's), which
// the review of that change checks against its source.
func TestFiguresUnchanged(t *testing.T) {
	f, err := os.Open("testdata/figures.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 7 {
			t.Fatalf("fixture line %q has %d columns, want 7", line, len(c))
		}
		place := strings.Join(c[:3], "\t")
		if to, ok := refiled[place]; ok {
			place = to
		}
		key := place + "\t" + c[5]
		if _, dup := want[key]; dup {
			t.Fatalf("fixture lists %q twice", key)
		}
		want[key] = c[3] + "\t" + c[4] + "\t" + c[6]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(want) < 40 {
		t.Fatalf("fixture holds %d figures; the pack had 43", len(want))
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ind := range p.Indicators {
		for _, o := range ind.Obs {
			key := figureKey(ind.ID, o.Region, o.Period.String(), o.Target)
			got := fmt.Sprintf("%s\t%t\t%s", o.Value.Text, o.Derived != nil, o.Qualifier)
			w, ok := want[key]
			switch {
			case !ok && o.Target:
				// a target added since; see above
			case !ok:
				t.Errorf("%s: a figure the fixture does not hold (%s)", key, got)
			case got != w:
				t.Errorf("%s: now %q, was %q", key, got, w)
			}
			seen[key] = true
		}
	}
	for key := range want {
		if !seen[key] {
			t.Errorf("%s: gone from the pack", key)
		}
	}
}
