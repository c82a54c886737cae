package model

import (
	"slices"
	"strings"
	"testing"
)

func TestReviewOrder(t *testing.T) {
	p := fixture()
	var got []string
	for _, ind := range p.ReviewOrder() {
		got = append(got, ind.ID)
	}
	// Tab by tab (economy, industry, services, property, tourism), in the
	// order each home tab shows its cards, every indicator exactly once:
	// headline copies on the economy tab are not visited there.
	want := []string{"gdp-vs-china", "gdp", "industry-va", "retail", "property-inv", "visitors"}
	if !slices.Equal(got, want) {
		t.Errorf("ReviewOrder() = %v, want %v", got, want)
	}
	if len(got) != len(p.Indicators) {
		t.Errorf("ReviewOrder() has %d indicators, the pack has %d", len(got), len(p.Indicators))
	}
}

func TestCards(t *testing.T) {
	p := fixture()
	tests := []struct {
		tab         TabID
		cards, inis []string
	}{
		{"economy", []string{"gdp-vs-china", "gdp", "industry-va", "retail"}, nil},
		{"tourism", []string{"visitors"}, []string{"flower-tour"}},
	}
	for _, tt := range tests {
		var cards, inis []string
		for _, ind := range p.Cards(p.Tab(tt.tab)) {
			cards = append(cards, ind.ID)
		}
		for _, in := range p.TabInitiatives(p.Tab(tt.tab)) {
			inis = append(inis, in.ID)
		}
		if !slices.Equal(cards, tt.cards) || !slices.Equal(inis, tt.inis) {
			t.Errorf("tab %s: cards %v, initiatives %v; want %v, %v", tt.tab, cards, inis, tt.cards, tt.inis)
		}
	}
	unknown := &Tab{ID: "x", Cards: []string{"gdp", "nowhere"}, Initiatives: []string{"nowhere"}}
	if got := p.Cards(unknown); len(got) != 1 || len(p.TabInitiatives(unknown)) != 0 {
		t.Error("ids the pack does not have are left out")
	}
	if p.Tab("weather") != nil || p.TabIndex("tourism") != 4 || p.TabIndex("weather") != -1 {
		t.Error("Tab and TabIndex")
	}
	if got := strings.Join(p.TabIDs(), " "); got != "economy industry services property tourism" {
		t.Errorf("TabIDs() = %q", got)
	}
}

func TestPackLookups(t *testing.T) {
	p := fixture()
	tests := []struct {
		id                                 string
		indicator, initiative, region, src bool
		regionIndex                        int
	}{
		{"gdp", true, false, false, false, -1},
		{"flower-tour", false, true, false, false, -1},
		{"kunming", false, false, true, false, 0},
		{"yunnan", false, false, true, false, 1},
		{"china", false, false, true, false, 2},
		{"nbs", false, false, false, true, -1},
		{"", false, false, false, false, -1},
		{"GDP", false, false, false, false, -1},
	}
	for _, tt := range tests {
		if ind := p.Indicator(tt.id); (ind != nil) != tt.indicator || (ind != nil && ind.ID != tt.id) {
			t.Errorf("Indicator(%q) = %v, want found=%v", tt.id, ind, tt.indicator)
		}
		if in := p.Initiative(tt.id); (in != nil) != tt.initiative || (in != nil && in.ID != tt.id) {
			t.Errorf("Initiative(%q) = %v, want found=%v", tt.id, in, tt.initiative)
		}
		if r := p.Region(tt.id); (r != nil) != tt.region || (r != nil && r.ID != tt.id) {
			t.Errorf("Region(%q) = %v, want found=%v", tt.id, r, tt.region)
		}
		if s := p.Source(tt.id); (s != nil) != tt.src || (s != nil && s.ID != tt.id) {
			t.Errorf("Source(%q) = %v, want found=%v", tt.id, s, tt.src)
		}
		if got := p.RegionIndex(tt.id); got != tt.regionIndex {
			t.Errorf("RegionIndex(%q) = %d, want %d", tt.id, got, tt.regionIndex)
		}
	}
}

// Region and Source point into the pack, so what a caller sees is the
// pack's own entry rather than a copy.
func TestRegionAndSourcePointIntoPack(t *testing.T) {
	p := fixture()
	if r := p.Region("yunnan"); r != &p.Regions[1] {
		t.Errorf("Region(yunnan) = %p, want &p.Regions[1] = %p", r, &p.Regions[1])
	}
	if s := p.Source("nbs"); s != &p.Sources[1] {
		t.Errorf("Source(nbs) = %p, want &p.Sources[1] = %p", s, &p.Sources[1])
	}
}

func TestFind(t *testing.T) {
	p := fixture()
	gdp := p.Indicator("gdp")
	tests := []struct {
		name      string
		ref       ObsRef
		wantInd   *Indicator
		wantValue string // "" means no observation
	}{
		{"stated figure", ObsRef{"gdp", "kunming", mp("2025-01/2025-06")}, gdp, "4.4"},
		{"derived figure", ObsRef{"gdp", "kunming", mp("2025-01/2025-03")}, gdp, "4.3"},
		{"other region", ObsRef{"gdp", "china", mp("2025-01/2025-09")}, gdp, "5.2"},
		{"only a target exists", ObsRef{"gdp", "kunming", mp("2025-01/2025-12")}, gdp, ""},
		{"no such period", ObsRef{"gdp", "kunming", mp("2025-01/2025-08")}, gdp, ""},
		{"no such region", ObsRef{"gdp", "shanghai", mp("2025-01/2025-09")}, gdp, ""},
		{"same end, other start", ObsRef{"gdp", "kunming", mp("2025-07/2025-09")}, gdp, ""},
		{"no such indicator", ObsRef{"cpi", "kunming", mp("2025-01/2025-09")}, nil, ""},
	}
	for _, tt := range tests {
		ind, o := p.Find(tt.ref)
		if ind != tt.wantInd {
			t.Errorf("%s: Find(%+v) indicator = %v, want %v", tt.name, tt.ref, ind, tt.wantInd)
		}
		switch {
		case tt.wantValue == "" && o != nil:
			t.Errorf("%s: Find(%+v) = %s, want no observation", tt.name, tt.ref, o.Value.Text)
		case tt.wantValue != "" && o == nil:
			t.Errorf("%s: Find(%+v) = nil, want %s", tt.name, tt.ref, tt.wantValue)
		case o != nil && (o.Value.Text != tt.wantValue || o.Target):
			t.Errorf("%s: Find(%+v) = %s (target %v), want outcome %s", tt.name, tt.ref, o.Value.Text, o.Target, tt.wantValue)
		}
		if o != nil && o.Ref(ind) != tt.ref {
			t.Errorf("%s: Ref of found observation = %+v, want %+v", tt.name, o.Ref(ind), tt.ref)
		}
	}
}

func TestHeadline(t *testing.T) {
	p := setPaths(&Pack{Regions: []Region{{ID: "kunming"}, {ID: "yunnan"}, {ID: "china"}}})
	target := func(o *Observation) *Observation { o.Target = true; return o }
	tests := []struct {
		name string
		obs  []*Observation
		want int // index into obs, -1 for none
	}{
		{"home region first even when older", []*Observation{
			obs("china", "2025-01/2025-09", "5.2", "s"),
			obs("kunming", "2025-01/2025-06", "4.4", "s"),
		}, 1},
		{"latest period in the home region", []*Observation{
			obs("kunming", "2025-01/2025-06", "4.4", "s"),
			obs("kunming", "2025-01/2025-09", "4.6", "s"),
			obs("kunming", "2025-01/2025-03", "4.3", "s"),
		}, 1},
		{"latest when listed first", []*Observation{
			obs("kunming", "2025-01/2025-09", "4.6", "s"),
			obs("kunming", "2025-01/2025-06", "4.4", "s"),
		}, 0},
		{"targets are never headlines", []*Observation{
			obs("kunming", "2025-01/2025-06", "4.4", "s"),
			target(obs("kunming", "2025-01/2025-12", "5.5", "s")),
		}, 0},
		{"next region when home has only a target", []*Observation{
			target(obs("kunming", "2025-01/2025-12", "5.5", "s")),
			obs("china", "2025-01/2025-09", "5.2", "s"),
			obs("yunnan", "2025-01/2025-06", "4.0", "s"),
		}, 2},
		{"only targets", []*Observation{
			target(obs("kunming", "2025-01/2025-12", "5.5", "s")),
		}, -1},
		{"no observations", nil, -1},
	}
	for _, tt := range tests {
		ind := &Indicator{ID: "x", Obs: tt.obs}
		got := p.Headline(ind)
		var want *Observation
		if tt.want >= 0 {
			want = tt.obs[tt.want]
		}
		if got != want {
			t.Errorf("%s: Headline = %s, want %s", tt.name, desc(got), desc(want))
		}
	}
}

// desc names an observation in a failure message.
func desc(o *Observation) string {
	if o == nil {
		return "nil"
	}
	return o.Region + " " + o.Period.String() + " " + o.Value.Text
}
