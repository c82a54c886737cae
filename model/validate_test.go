package model

import (
	"fmt"
	"strings"
	"testing"
)

// minimal is the smallest pack Validate accepts: one region, one source,
// one indicator with one stated figure.
func minimal() *Pack {
	return setPaths(&Pack{
		ID:      "km-2025q3",
		Title:   Text{Zh: "昆明市三季度经济运行"},
		Date:    "2025-10-28",
		Year:    2025,
		Regions: []Region{{ID: "kunming", Name: Text{Zh: "昆明"}}},
		Sources: []Source{{ID: "km-stats", Title: Text{Zh: "三季度经济运行情况"}, Date: "2025-10"}},
		Indicators: []*Indicator{{
			ID: "gdp", Tab: "economy", Name: Text{Zh: "地区生产总值"}, Unit: Text{Zh: "%"}, Measure: YoY,
			Obs: []*Observation{obs("kunming", "2025-01/2025-06", "4.4", "km-stats")},
		}},
		Tabs: []*Tab{{ID: "economy", Name: Text{Zh: "经济"}, Cards: []string{"gdp"}}},
	})
}

var h1Ref = ObsRef{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-06")}

// addObs appends observations to the minimal pack's indicator.
func addObs(os ...*Observation) func(*Pack) {
	return func(p *Pack) { p.Indicators[0].Obs = append(p.Indicators[0].Obs, os...) }
}

func TestValidate(t *testing.T) {
	type want struct{ path, phrase string }
	tests := []struct {
		name   string
		mutate func(*Pack)
		want   []want
	}{
		{"minimal pack", func(*Pack) {}, nil},

		// The pack itself.
		{"pack id with capitals and space", func(p *Pack) { p.ID = "KM 2025" }, []want{
			{"$.pack", `pack id "KM 2025" must be lower-case letters, digits and dashes`}}},
		{"pack id starting with a dash", func(p *Pack) { p.ID = "-km" }, []want{
			{"$.pack", "must be lower-case"}}},
		{"no Chinese title", func(p *Pack) { p.Title = Text{En: "Kunming"} }, []want{
			{"$.title", "Chinese title"}}},
		{"date without a day", func(p *Pack) { p.Date = "2025-10" }, []want{
			{"$.date", `date "2025-10" is not written YYYY-MM-DD`}}},
		{"date with month 13", func(p *Pack) { p.Date = "2025-13-01" }, []want{
			{"$.date", "not written YYYY-MM-DD"}}},
		{"date with day 32", func(p *Pack) { p.Date = "2025-10-32" }, []want{
			{"$.date", "not written YYYY-MM-DD"}}},
		{"year out of range", func(p *Pack) { p.Year = 1800 }, []want{
			{"$.year", "year 1800 is out of range"}}},
		{"year missing", func(p *Pack) { p.Year = 0 }, []want{
			{"$.year", "out of range"}}},

		// Regions.
		{"duplicate region id", func(p *Pack) {
			p.Regions = append(p.Regions, Region{ID: "kunming", Name: Text{Zh: "昆明市"}})
		}, []want{{"$.regions[1].id", `duplicate region id "kunming"`}}},
		{"region id with capitals", func(p *Pack) {
			p.Regions = append(p.Regions, Region{ID: "Yunnan", Name: Text{Zh: "云南"}})
		}, []want{{"$.regions[1].id", `region id "Yunnan" must be lower-case`}}},
		{"region without Chinese name", func(p *Pack) { p.Regions[0].Name = Text{En: "Kunming"} }, []want{
			{"$.regions[0].zh", `region "kunming" needs a Chinese name`}}},
		{"no regions", func(p *Pack) { p.Regions = nil }, []want{
			{"$.regions", "lists no regions"},
			{"$.indicators[0].observations[0].region", `unknown region "kunming"`}}},

		// Sources.
		{"duplicate source id", func(p *Pack) {
			p.Sources = append(p.Sources, Source{ID: "km-stats", Title: Text{Zh: "另一份"}, Date: "2025"})
		}, []want{{"$.sources[1].id", `duplicate source id "km-stats"`}}},
		{"source id with underscore", func(p *Pack) {
			p.Sources = append(p.Sources, Source{ID: "nbs_2025", Title: Text{Zh: "t"}, Date: "2025"})
		}, []want{{"$.sources[1].id", `source id "nbs_2025" must be lower-case`}}},
		{"source without title", func(p *Pack) { p.Sources[0].Title = Text{} }, []want{
			{"$.sources[0].title", `source "km-stats" needs a title`}}},
		{"source dated by year, month or day", func(p *Pack) {
			p.Sources = append(p.Sources,
				Source{ID: "a", Title: Text{Zh: "t"}, Date: "2025"},
				Source{ID: "b", Title: Text{Zh: "t"}, Date: "2025-10-20"})
		}, nil},
		{"source date with slashes", func(p *Pack) { p.Sources[0].Date = "2025/10" }, []want{
			{"$.sources[0].date", `source date "2025/10" is not written YYYY, YYYY-MM or YYYY-MM-DD`}}},
		{"source date missing", func(p *Pack) { p.Sources[0].Date = "" }, []want{
			{"$.sources[0].date", "not written YYYY, YYYY-MM or YYYY-MM-DD"}}},
		{"source url without scheme", func(p *Pack) { p.Sources[0].URL = "www.km.gov.cn" }, []want{
			{"$.sources[0].url", `url "www.km.gov.cn" must start with http:// or https://`}}},
		{"source url with ftp", func(p *Pack) { p.Sources[0].URL = "ftp://km.gov.cn/x" }, []want{
			{"$.sources[0].url", "must start with http:// or https://"}}},
		{"source url with http", func(p *Pack) { p.Sources[0].URL = "http://tjj.km.gov.cn/a.html" }, nil},

		// Indicators.
		{"duplicate indicator id", func(p *Pack) {
			dup := *p.Indicators[0]
			p.Indicators = append(p.Indicators, &dup)
		}, []want{{"$.indicators[1].id", `duplicate indicator id "gdp"`}}},
		{"unknown tab", func(p *Pack) { p.Indicators[0].Tab = "weather" }, []want{
			{"$.indicators[0].tab", `tab "weather" is not one of the pack's tabs (economy)`}}},
		{"home tab that does not show it", func(p *Pack) {
			p.Tabs = append(p.Tabs, &Tab{ID: "weather", Name: Text{Zh: "天气"}, Cards: []string{"gdp"}})
			p.Indicators[0].Tab = "weather"
			p.Tabs[0].Cards = nil
			p.Tabs[0].Charts = []Chart{{ID: "c", Series: []SeriesRef{{Indicator: "gdp", Region: "kunming"}}}}
		}, nil},
		{"home tab whose cards leave it out", func(p *Pack) {
			p.Tabs = append(p.Tabs, &Tab{ID: "weather", Name: Text{Zh: "天气"}, Cards: []string{"gdp"}})
			p.Tabs[0].Cards = nil
			p.Tabs[0].Charts = []Chart{{ID: "c", Series: []SeriesRef{{Indicator: "gdp", Region: "kunming"}}}}
		}, []want{
			{"$.indicators[0].tab", `indicator "gdp" lives on tab "economy", whose cards do not list it`}}},
		{"indicator without Chinese name", func(p *Pack) { p.Indicators[0].Name = Text{En: "GDP"} }, []want{
			{"$.indicators[0].name", `indicator "gdp" needs a Chinese name`}}},
		{"unknown measure", func(p *Pack) { p.Indicators[0].Measure = "percent" }, []want{
			{"$.indicators[0].measure", `measure "percent" is not one of level, yoy, share, contribution, count`}}},
		{"no unit", func(p *Pack) { p.Indicators[0].Unit = Text{} }, []want{
			{"$.indicators[0].unit", `indicator "gdp" needs a unit`}}},
		{"unit in English only", func(p *Pack) { p.Indicators[0].Unit = Text{En: "%"} }, nil},
		{"count without a unit", func(p *Pack) {
			p.Indicators[0].Measure, p.Indicators[0].Unit = Count, Text{}
		}, nil},
		{"level without a unit", func(p *Pack) {
			p.Indicators[0].Measure, p.Indicators[0].Unit = Level, Text{}
		}, []want{{"$.indicators[0].unit", `indicator "gdp" needs a unit, such as % or 亿元 (only a count may go without)`}}},
		{"no observations", func(p *Pack) { p.Indicators[0].Obs = nil }, []want{
			{"$.indicators[0].observations", `indicator "gdp" has no observations`}}},

		// Observations.
		{"second figure for the same region and period", addObs(obs("kunming", "2025-01/2025-06", "4.5", "km-stats")), []want{
			{"$.indicators[0].observations[1].period", `a second figure for kunming 2025-01/2025-06 in "gdp"`}}},
		{"a target beside an outcome for the same period", addObs(
			&Observation{Region: "kunming", Period: mp("2025-01/2025-06"), Value: mn("5.0"), Source: "km-stats", Target: true}), nil},
		{"same end month, different start", addObs(obs("kunming", "2025-04/2025-06", "4.5", "km-stats")), nil},
		{"unknown region", func(p *Pack) { p.Indicators[0].Obs[0].Region = "shanghai" }, []want{
			{"$.indicators[0].observations[0].region", `unknown region "shanghai" (the pack lists kunming)`}}},
		{"unknown region lists every region", func(p *Pack) {
			p.Regions = append(p.Regions, Region{ID: "yunnan", Name: Text{Zh: "云南"}}, Region{ID: "china", Name: Text{Zh: "全国"}})
			p.Indicators[0].Obs[0].Region = "Kunming"
		}, []want{{"$.indicators[0].observations[0].region", "(the pack lists kunming, yunnan, china)"}}},
		{"unknown source", func(p *Pack) { p.Indicators[0].Obs[0].Source = "nbs" }, []want{
			{"$.indicators[0].observations[0].source", `unknown source "nbs"`}}},
		{"missing source", func(p *Pack) { p.Indicators[0].Obs[0].Source = "" }, []want{
			{"$.indicators[0].observations[0].source", `unknown source ""`}}},
		{"unknown confirming source", func(p *Pack) { p.Indicators[0].Obs[0].Confirmed = []string{"km-stats", "nbs"} }, []want{
			{"$.indicators[0].observations[0].confirmed[1]", `unknown source "nbs"`}}},
		{"qualifiers about and over", func(p *Pack) {
			p.Indicators[0].Obs[0].Qualifier = About
			p.Indicators[0].Obs = append(p.Indicators[0].Obs, obs("kunming", "2025-01/2025-09", "4.6", "km-stats"))
			p.Indicators[0].Obs[1].Qualifier = Over
		}, nil},
		{"unknown qualifier", func(p *Pack) { p.Indicators[0].Obs[0].Qualifier = "roughly" }, []want{
			{"$.indicators[0].observations[0].qualifier", `qualifier "roughly" is not about or over`}}},

		// Derived figures.
		{"derived figure that reproduces", addObs(derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.4 - 0.1", h1Ref)), nil},
		{"derived figure with a trailing zero", addObs(derived("kunming", "2025-01/2025-03", "4.30", "km-stats", "4.4 - 0.1", h1Ref)), nil},
		{"formula operand written 4.40 for a stated 4.4", addObs(derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.40 - 0.10", h1Ref)), nil},
		{"derived figure that does not reproduce", addObs(derived("kunming", "2025-01/2025-03", "4.2", "km-stats", "4.4 - 0.1", h1Ref)), []want{
			{"$.indicators[0].observations[1].formula", "formula 4.4 - 0.1 gives 4.3, not the value 4.2"}}},
		{"sign slip in a derived figure", addObs(derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.4 + 0.1", h1Ref)), []want{
			{"$.indicators[0].observations[1].formula", "formula 4.4 + 0.1 gives 4.5, not the value 4.3"}}},
		{"formula starts from another value", addObs(derived("kunming", "2025-01/2025-03", "4.4", "km-stats", "4.5 - 0.1", h1Ref)), []want{
			{"$.indicators[0].observations[1].formula", "formula starts at 4.5 but the figure it starts from is 4.4"}}},
		{"wrong start and wrong result", addObs(derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.5 - 0.1", h1Ref)), []want{
			{"$.indicators[0].observations[1].formula", "formula 4.5 - 0.1 gives 4.4, not the value 4.3"},
			{"$.indicators[0].observations[1].formula", "formula starts at 4.5 but the figure it starts from is 4.4"}}},
		{"derived figure starts from itself", func(p *Pack) {
			p.Indicators[0].Obs[0].Derived = &Derivation{Formula: mf("4.4 - 0"), From: h1Ref}
		}, []want{{"$.indicators[0].observations[0].from", "cannot start from itself"}}},
		{"derived figure starts from nothing", addObs(derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.4 - 0.1",
			ObsRef{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-09")})), []want{
			{"$.indicators[0].observations[1].from", "no figure for gdp kunming 2025-01/2025-09 to derive from"}}},
		{"derived figure starts from an unknown indicator", addObs(derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.4 - 0.1",
			ObsRef{Indicator: "cpi", Region: "kunming", Period: mp("2025-01/2025-06")})), []want{
			{"$.indicators[0].observations[1].from", "no figure for cpi kunming 2025-01/2025-06 to derive from"}}},
		{"derived figure starts from a target", addObs(
			&Observation{Region: "kunming", Period: mp("2025-01/2025-12"), Value: mn("5.0"), Source: "km-stats", Target: true},
			derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "5.0 - 0.7",
				ObsRef{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-12")})), []want{
			{"$.indicators[0].observations[2].from", "no figure for gdp kunming 2025-01/2025-12 to derive from"}}},
		{"derived figure starts from a derived one", addObs(
			derived("kunming", "2025-01/2025-03", "4.3", "km-stats", "4.4 - 0.1", h1Ref),
			derived("kunming", "2025-02/2025-02", "4.1", "km-stats", "4.3 - 0.2",
				ObsRef{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-03")})), []want{
			{"$.indicators[0].observations[2].from", "derive from a stated figure, not from the derived kunming 2025-01/2025-03"}}},

		// Initiatives.
		{"valid initiative", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"flower-tour"}
			p.Initiatives = []*Initiative{{ID: "flower-tour", Name: Text{Zh: "赏花游"}, Months: []int{1, 2, 3}, Peak: []int{2},
				Sources: []string{"km-stats"}, Facts: []Fact{{Text: Text{Zh: "斗南"}, Source: "km-stats"}}}}
		}, nil},
		{"initiative id taken by an indicator", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"gdp"}
			p.Initiatives = []*Initiative{{ID: "gdp", Name: Text{Zh: "x"}}}
		}, []want{{"$.initiatives[0].id", `initiative id "gdp" is already an indicator's id`}}},
		{"initiative without Chinese name", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"tea"}
			p.Initiatives = []*Initiative{{ID: "tea", Name: Text{En: "Tea"}}}
		}, []want{{"$.initiatives[0].name", `initiative "tea" needs a Chinese name`}}},
		{"initiative months that do not exist or repeat", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"tea"}
			p.Initiatives = []*Initiative{{ID: "tea", Name: Text{Zh: "茶"}, Months: []int{0, 4, 13, 4}}}
		}, []want{
			{"$.initiatives[0].months[0]", "month 0 does not exist"},
			{"$.initiatives[0].months[2]", "month 13 does not exist"},
			{"$.initiatives[0].months[3]", "month 4 is listed twice"}}},
		{"peak outside the season", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"tea"}
			p.Initiatives = []*Initiative{{ID: "tea", Name: Text{Zh: "茶"}, Months: []int{3, 4, 5}, Peak: []int{4, 7}}}
		}, []want{{"$.initiatives[0].peak[1]", "peak month 7 is outside the season"}}},
		{"peak month that does not exist", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"tea"}
			p.Initiatives = []*Initiative{{ID: "tea", Name: Text{Zh: "茶"}, Months: []int{3}, Peak: []int{13}}}
		}, []want{
			{"$.initiatives[0].peak[0]", "month 13 does not exist"},
			{"$.initiatives[0].peak[0]", "peak month 13 is outside the season"}}},
		{"initiative with unknown sources", func(p *Pack) {
			p.Tabs[0].Initiatives = []string{"tea"}
			p.Initiatives = []*Initiative{{ID: "tea", Name: Text{Zh: "茶"}, Sources: []string{"km-stats", "blog"},
				Facts: []Fact{{Text: Text{Zh: "普洱"}, Source: "wiki"}}}}
		}, []want{
			{"$.initiatives[0].sources[1]", `unknown source "blog"`},
			{"$.initiatives[0].facts[0].source", `unknown source "wiki"`}}},

		// Tabs and what they show.
		{"valid chart and bar group on a tab", func(p *Pack) {
			p.Tabs[0].Charts = []Chart{{ID: "c", Series: []SeriesRef{{Indicator: "gdp", Region: "kunming"}}}}
			p.Tabs[0].Bars = []BarGroup{{ID: "b", Items: []ObsRef{h1Ref}}}
		}, nil},
		{"no tabs", func(p *Pack) { p.Tabs = nil }, []want{
			{"$.indicators[0].tab", `tab "economy" is not one of the pack's tabs ()`},
			{"$.tabs", "declares no tabs"}}},
		{"ten tabs", func(p *Pack) {
			for i := 1; i < 10; i++ {
				p.Tabs = append(p.Tabs, &Tab{ID: TabID(fmt.Sprintf("t%d", i)), Name: Text{Zh: "表"}, Cards: []string{"gdp"}})
			}
		}, []want{{"$.tabs[9]", "at most 9 tabs, one for each digit key; this is the 10th"}}},
		{"tab problems", func(p *Pack) {
			p.Initiatives = []*Initiative{{ID: "tea", Name: Text{Zh: "茶"}}, {ID: "gulls", Name: Text{Zh: "鸥"}}}
			p.Tabs = append(p.Tabs,
				&Tab{ID: "economy", Name: Text{Zh: "重复"}, Cards: []string{"gdp", "cpi", "gdp"}},
				&Tab{ID: "Tourism", Initiatives: []string{"tea", "boats"}},
				&Tab{ID: "empty", Name: Text{Zh: "空"}, Calendar: true})
		}, []want{
			{"$.initiatives[1].id", `initiative "gulls" is on no tab`},
			{"$.tabs[1].id", `duplicate tab id "economy"`},
			{"$.tabs[1].cards[1]", `unknown indicator "cpi"`},
			{"$.tabs[1].cards[2]", `card "gdp" is listed twice`},
			{"$.tabs[2].id", `tab id "Tourism" must be lower-case`},
			{"$.tabs[2].name", `tab "Tourism" needs a Chinese name`},
			{"$.tabs[2].initiatives[1]", `unknown initiative "boats"`},
			{"$.tabs[3]", `tab "empty" shows nothing`},
			{"$.tabs[3].calendar", `tab "empty" lists none`}}},
		{"chart problems", func(p *Pack) {
			p.Indicators = append(p.Indicators, &Indicator{ID: "retail", Tab: "economy", Name: Text{Zh: "社零"},
				Unit: Text{Zh: "亿元"}, Measure: Level, Obs: []*Observation{obs("kunming", "2025-01/2025-09", "2805.9", "km-stats")}})
			p.Tabs[0].Cards = append(p.Tabs[0].Cards, "retail")
			p.Tabs[0].Charts = []Chart{
				{ID: "empty"},
				{ID: "c", Series: []SeriesRef{
					{Indicator: "cpi", Region: "kunming"},
					{Indicator: "retail", Region: "kunming"},
					{Indicator: "gdp", Region: "shanghai"},
				}},
			}
		}, []want{
			{"$.tabs[0].charts[0].series", `chart "empty" has no series`},
			{"$.tabs[0].charts[1].series[0].indicator", `unknown indicator "cpi"`},
			{"$.tabs[0].charts[1].series[1].indicator", `only rates (yoy or share) are charted; "retail" is level`},
			{"$.tabs[0].charts[1].series[2].region", `unknown region "shanghai"`}}},
		{"bar problems", func(p *Pack) {
			p.Tabs[0].Bars = []BarGroup{{ID: "b", Items: []ObsRef{
				h1Ref,
				{Indicator: "gdp", Region: "kunming", Period: mp("2025-01/2025-09")},
			}}, {ID: "none"}}
		}, []want{
			{"$.tabs[0].bars[0].items[1]", "no figure for gdp kunming 2025-01/2025-09"},
			{"$.tabs[0].bars[1].items", `bar group "none" has no bars`}}},
		{"duplicate chart and bar group ids, across tabs too", func(p *Pack) {
			series := []SeriesRef{{Indicator: "gdp", Region: "kunming"}}
			p.Tabs[0].Charts = []Chart{{ID: "c", Series: series}, {ID: "c", Series: series}, {ID: "C 2", Series: series}}
			p.Tabs[0].Bars = []BarGroup{{ID: "b", Items: []ObsRef{h1Ref}}}
			p.Tabs = append(p.Tabs, &Tab{ID: "more", Name: Text{Zh: "更多"}, Bars: []BarGroup{{ID: "b", Items: []ObsRef{h1Ref}}}})
		}, []want{
			{"$.tabs[0].charts[1].id", `duplicate chart id "c"`},
			{"$.tabs[0].charts[2].id", `chart id "C 2" must be lower-case`},
			{"$.tabs[1].bars[0].id", `duplicate bar group id "b"`}}},
		{"references that would break the line are quoted", func(p *Pack) {
			p.Indicators[0].Obs = append(p.Indicators[0].Obs, obs("kun\nming", "2025-01/2025-03", "4.3", "km-stats"), obs("kun\nming", "2025-01/2025-03", "4.3", "km-stats"))
			p.Tabs[0].Bars = []BarGroup{{ID: "b", Items: []ObsRef{{Indicator: "g d p", Region: "kunming", Period: mp("2025-01/2025-06")}}}}
		}, []want{
			{"$.indicators[0].observations[1].region", `unknown region "kun\nming"`},
			{"$.indicators[0].observations[2].period", `a second figure for "kun\nming" 2025-01/2025-03 in "gdp"`},
			{"$.indicators[0].observations[2].region", `unknown region "kun\nming"`},
			{"$.tabs[0].bars[0].items[0]", `no figure for "g d p" kunming 2025-01/2025-06`}}},
		{"unknown card", func(p *Pack) { p.Tabs[0].Cards = []string{"gdp", "cpi"} }, []want{
			{"$.tabs[0].cards[1]", `unknown indicator "cpi"`}}},

		// A region narrower than another names one the pack lists.
		{"region within a listed region", func(p *Pack) {
			p.Regions = append(p.Regions, Region{ID: "kunming-main-urban", Name: Text{Zh: "昆明主城五区"}, Within: "kunming"})
		}, nil},
		{"region within an unknown region", func(p *Pack) {
			p.Regions = append(p.Regions, Region{ID: "wuhua", Name: Text{Zh: "五华区"}, Within: "kunming-city"})
		}, []want{{"$.regions[1].within", `lies within "kunming-city", which the pack does not list`}}},
		{"region within itself", func(p *Pack) { p.Regions[0].Within = "kunming" }, []want{
			{"$.regions[0].within", "cannot lie within itself"}}},

		// The English unit names the unit; the Chinese scale moves the figure.
		{"scaled English unit", func(p *Pack) {
			p.Indicators[0].Unit = Text{Zh: "亿元", En: "100m yuan"}
			p.Indicators[0].Measure = Level
		},
			[]want{{"$.indicators[0].unit", `unit.en "100m yuan" carries a scale; write the unit alone (yuan, m²): the 亿 in "亿元"`}}},
		{"unscaled English unit", func(p *Pack) { p.Indicators[0].Unit = Text{Zh: "亿元", En: "yuan"}; p.Indicators[0].Measure = Level }, nil},
		{"contribution rate", func(p *Pack) { p.Indicators[0].Measure = Contribution }, nil},

		// A source's language is one the dashboard speaks.
		{"source in an unknown language", func(p *Pack) { p.Sources[0].Lang = "fr" }, []want{
			{"$.sources[0].lang", `lang "fr" is not one of zh, en`}}},

		// Several problems come back in file order.
		{"problems in file order", func(p *Pack) {
			p.Tabs[0].Cards = []string{"gdp", "cpi"}
			p.Indicators[0].Obs[0].Source = "nbs"
			p.Sources[0].Title = Text{}
			p.ID = ""
		}, []want{
			{"$.pack", "must be lower-case"},
			{"$.sources[0].title", "needs a title"},
			{"$.indicators[0].observations[0].source", `unknown source "nbs"`},
			{"$.tabs[0].cards[1]", `unknown indicator "cpi"`}}},
	}
	for _, tt := range tests {
		p := minimal()
		tt.mutate(p)
		setPaths(p)
		got := Validate(p)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d problems, want %d:\n%s", tt.name, len(got), len(tt.want), problemList(got))
			continue
		}
		for i, w := range tt.want {
			if got[i].Path != w.path || !strings.Contains(got[i].Msg, w.phrase) {
				t.Errorf("%s: problem %d = %s, want path %s and a message containing %q", tt.name, i, got[i], w.path, w.phrase)
			}
		}
	}
}

func problemList(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\t" + p.Error() + "\n")
	}
	return b.String()
}

func TestProblemError(t *testing.T) {
	p := Problem{Path: "$.indicators[2].observations[0].region", Msg: `unknown region "x"`}
	if got, want := p.Error(), `$.indicators[2].observations[0].region: unknown region "x"`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}
