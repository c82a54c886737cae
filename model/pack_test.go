package model

import (
	"fmt"
	"testing"
)

// obs is an outcome observation with the paths the loader would give it.
func obs(region, period, value, source string) *Observation {
	return &Observation{Region: region, Period: mp(period), Value: mn(value), Source: source}
}

// derived is an observation computed by formula from the stated figure at from.
func derived(region, period, value, source, formula string, from ObsRef) *Observation {
	o := obs(region, period, value, source)
	o.Derived = &Derivation{Formula: mf(formula), From: from}
	return o
}

// setPaths numbers everything in the pack the way the loader walks it.
func setPaths(p *Pack) *Pack {
	p.Path = "$"
	for i := range p.Regions {
		p.Regions[i].Path = fmt.Sprintf("$.regions[%d]", i)
	}
	for i := range p.Sources {
		p.Sources[i].Path = fmt.Sprintf("$.sources[%d]", i)
	}
	for i, ind := range p.Indicators {
		ind.Path = fmt.Sprintf("$.indicators[%d]", i)
		for j, o := range ind.Obs {
			o.Path = fmt.Sprintf("%s.observations[%d]", ind.Path, j)
		}
	}
	for i, in := range p.Initiatives {
		in.Path = fmt.Sprintf("$.initiatives[%d]", i)
		for j := range in.Facts {
			in.Facts[j].Path = fmt.Sprintf("%s.facts[%d]", in.Path, j)
		}
	}
	for i, t := range p.Tabs {
		t.Path = fmt.Sprintf("$.tabs[%d]", i)
		for j := range t.Charts {
			t.Charts[j].Path = fmt.Sprintf("%s.charts[%d]", t.Path, j)
		}
		for j := range t.Bars {
			t.Bars[j].Path = fmt.Sprintf("%s.bars[%d]", t.Path, j)
		}
	}
	return p
}

// fixture is a small valid pack with indicators on every tab, listed out
// of tab order, three regions, targets and derived figures.
func fixture() *Pack {
	h1 := ObsRef{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-06")}
	q3China := ObsRef{Indicator: "gdp", Region: "china", Period: mp("2025-01/2025-09")}
	return setPaths(&Pack{
		ID:    "km-2025q3",
		Title: Text{Zh: "昆明市2025年三季度经济运行", En: "Kunming economy, Q3 2025"},
		Date:  "2025-10-28",
		Year:  2025,
		Regions: []Region{
			{ID: "kunming", Name: Text{Zh: "昆明", En: "Kunming"}},
			{ID: "yunnan", Name: Text{Zh: "云南", En: "Yunnan"}},
			{ID: "china", Name: Text{Zh: "全国", En: "China"}},
		},
		Sources: []Source{
			{ID: "km-stats", Publisher: Text{Zh: "昆明市统计局"}, Title: Text{Zh: "三季度经济运行情况"}, Date: "2025-10", URL: "https://tjj.km.gov.cn/"},
			{ID: "nbs", Publisher: Text{Zh: "国家统计局"}, Title: Text{Zh: "前三季度国民经济"}, Date: "2025-10-20"},
		},
		Indicators: []*Indicator{
			{ID: "visitors", Tab: "tourism", Name: Text{Zh: "接待游客"}, Unit: Text{Zh: "万人次"}, Measure: Count,
				Obs: []*Observation{obs("kunming", "2025-01/2025-09", "20000", "km-stats")}},
			{ID: "gdp", Tab: "economy", Name: Text{Zh: "地区生产总值"}, Unit: Text{Zh: "%"}, Measure: YoY,
				Obs: []*Observation{
					obs("kunming", "2025-01/2025-06", "4.4", "km-stats"),
					derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.4 - 0.1", h1),
					obs("kunming", "2025-01/2025-09", "4.6", "km-stats"),
					{Region: "kunming", Period: mp("2025-01/2025-12"), Value: mn("5.5"), Source: "km-stats", Target: true},
					obs("yunnan", "2025-01/2025-09", "4.2", "km-stats"),
					obs("china", "2025-01/2025-09", "5.2", "nbs"),
				}},
			{ID: "industry-va", Tab: "industry", Name: Text{Zh: "规上工业增加值"}, Unit: Text{Zh: "%"}, Measure: YoY,
				Obs: []*Observation{
					obs("kunming", "2025-01/2025-09", "20.1", "km-stats"),
					// 14.9 pp above China: China's 5.2 is 20.1 less 14.9.
					derived("china", "2025-01/2025-09", "5.2", "nbs", "20.1 - 14.9",
						ObsRef{Indicator: "industry-va", Region: "kunming", Period: mp("2025-01/2025-09")}),
				}},
			{ID: "property-inv", Tab: "property", Name: Text{Zh: "房地产开发投资"}, Unit: Text{Zh: "%"}, Measure: YoY,
				Obs: []*Observation{obs("kunming", "2025-01/2025-09", "-12.3", "km-stats")}},
			{ID: "retail", Tab: "services", Name: Text{Zh: "社会消费品零售总额"}, Unit: Text{Zh: "亿元"}, Measure: Level,
				Obs: []*Observation{obs("kunming", "2025-01/2025-09", "2805.9", "km-stats")}},
			{ID: "gdp-vs-china", Tab: "economy", Name: Text{Zh: "与全国增速差"}, Unit: Text{Zh: "个百分点"}, Measure: YoY,
				Obs: []*Observation{
					// Kunming's 4.6 was 0.6 pp below China's 5.2.
					derived("kunming", "2025-01/2025-09", "4.6", "km-stats", "5.2 + -0.6", q3China),
				}},
		},
		Initiatives: []*Initiative{
			{ID: "flower-tour", Name: Text{Zh: "赏花游"}, Months: []int{1, 2, 3, 4}, Peak: []int{2, 3},
				Sources: []string{"km-stats"}, Facts: []Fact{{Text: Text{Zh: "斗南花市"}, Source: "km-stats"}}},
		},
		Tabs: []*Tab{
			{ID: "economy", Name: Text{Zh: "经济", En: "Economy"},
				// Two home indicators, then two repeated from other tabs.
				Cards: []string{"gdp-vs-china", "gdp", "industry-va", "retail"},
				Charts: []Chart{{ID: "gdp-growth", Title: Text{Zh: "GDP增速"},
					Series: []SeriesRef{{Indicator: "gdp", Region: "kunming"}, {Indicator: "gdp", Region: "china"}}}},
				Bars: []BarGroup{{ID: "gdp-regions", Title: Text{Zh: "三地比较"}, Items: []ObsRef{
					{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-09")},
					{Indicator: "gdp", Region: "china", Period: mp("2025-01/2025-09")},
				}}}},
			{ID: "industry", Name: Text{Zh: "工业"}, Cards: []string{"industry-va"}},
			{ID: "services", Name: Text{Zh: "服务业"}, Cards: []string{"retail"}},
			{ID: "property", Name: Text{Zh: "房地产"}, Cards: []string{"property-inv"}},
			{ID: "tourism", Name: Text{Zh: "文旅"}, Cards: []string{"visitors"}, Initiatives: []string{"flower-tour"}, Calendar: true},
		},
	})
}

func TestMeasurePercentage(t *testing.T) {
	tests := []struct {
		m    Measure
		want bool
	}{
		{YoY, true},
		{Share, true},
		{Level, false},
		{Count, false},
		{"", false},
	}
	for _, tt := range tests {
		if got := tt.m.Percentage(); got != tt.want {
			t.Errorf("Measure(%q).Percentage() = %v, want %v", tt.m, got, tt.want)
		}
	}
}

func TestInitiativeSeason(t *testing.T) {
	in := &Initiative{Months: []int{11, 12, 1, 2}, Peak: []int{12, 1}}
	tests := []struct {
		m            int
		season, peak bool
	}{
		{11, true, false},
		{12, true, true},
		{1, true, true},
		{2, true, false},
		{3, false, false},
		{6, false, false},
		{10, false, false},
	}
	for _, tt := range tests {
		if got := in.InSeason(tt.m); got != tt.season {
			t.Errorf("InSeason(%d) = %v, want %v", tt.m, got, tt.season)
		}
		if got := in.AtPeak(tt.m); got != tt.peak {
			t.Errorf("AtPeak(%d) = %v, want %v", tt.m, got, tt.peak)
		}
	}
}

func TestFixtureIsValid(t *testing.T) {
	for _, pr := range Validate(fixture()) {
		t.Errorf("fixture: unexpected problem %s", pr)
	}
}
