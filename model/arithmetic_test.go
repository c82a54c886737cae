package model

import "testing"

// arithmeticPack holds one derivation of each shape: along a region's
// own periods, across regions in one period, and across years.
func arithmeticPack(t *testing.T) *Pack {
	t.Helper()
	h1, q1, y24, ja := mp("2025-01/2025-06"), mp("2025-01/2025-03"), mp("2024-01/2024-12"), mp("2025-01/2025-08")
	derived := func(region string, period Period, value, formula string, from ObsRef) *Observation {
		f, err := ParseFormula(formula)
		if err != nil {
			t.Fatal(err)
		}
		o := obs(region, period.String(), value, "s")
		o.Derived = &Derivation{Formula: f, From: from}
		return o
	}
	return &Pack{
		Year: 2025,
		Regions: []Region{{ID: "kunming", Name: Text{Zh: "昆明", En: "Kunming"}},
			{ID: "yunnan", Name: Text{Zh: "云南", En: "Yunnan"}}, {ID: "china", Name: Text{Zh: "全国", En: "China"}}},
		Indicators: []*Indicator{{
			ID: "gdp", Unit: Text{Zh: "%", En: "%"}, Measure: YoY,
			Obs: []*Observation{
				obs("kunming", h1.String(), "4.4", "s"),
				derived("kunming", q1, "4.3", "4.4 - 0.1", ObsRef{"gdp", "kunming", h1}),
				derived("kunming", y24, "4.0", "4.4 - 0.4", ObsRef{"gdp", "kunming", h1}),
			},
		}, {
			ID: "housing", Unit: Text{Zh: "%", En: "%"}, Measure: YoY,
			Obs: []*Observation{
				obs("kunming", ja.String(), "10.2", "s"),
				derived("china", ja, "-4.7", "10.2 - 14.9", ObsRef{"housing", "kunming", ja}),
				derived("yunnan", ja, "4.5", "10.2 - 5.7", ObsRef{"housing", "kunming", ja}),
			},
		}, {
			ID: "area", Unit: Text{Zh: "万平方米", En: "m²"}, Measure: Level,
			Obs: []*Observation{
				obs("kunming", ja.String(), "382.9", "s"),
				derived("yunnan", h1, "400", "382.9 + 17.1", ObsRef{"area", "kunming", ja}),
			},
		}},
	}
}

func TestArithmetic(t *testing.T) {
	p := arithmeticPack(t)
	cases := []struct {
		ind   int
		obs   int
		years bool
		zh    string
		en    string
	}{
		{0, 1, false, "昆明一季度 4.3% = 上半年 4.4% − 0.1个百分点", "Kunming Q1 4.3% = H1 4.4% − 0.1 percentage points"},
		{0, 1, true, "昆明2025年一季度 4.3% = 2025年上半年 4.4% − 0.1个百分点", "Kunming Q1 2025 4.3% = H1 2025 4.4% − 0.1 percentage points"},
		// Two years on one line: both carry theirs.
		{0, 2, false, "昆明2024年 4.0% = 2025年上半年 4.4% − 0.4个百分点", "Kunming 2024 4.0% = H1 2025 4.4% − 0.4 percentage points"},
		// Across regions the period is said once.
		{1, 1, false, "全国1—8月 −4.7% = 昆明 10.2% − 14.9个百分点", "China Jan–Aug −4.7% = Kunming 10.2% − 14.9 percentage points"},
		{1, 2, false, "云南1—8月 4.5% = 昆明 10.2% − 5.7个百分点", "Yunnan Jan–Aug 4.5% = Kunming 10.2% − 5.7 percentage points"},
		// Region and period both differ; a level's difference is in its unit.
		{2, 1, false, "云南上半年 400万平方米 = 昆明1—8月 382.9万平方米 + 17.1万平方米",
			"Yunnan H1 4 million m² = Kunming Jan–Aug 3.829 million m² + 171,000 m²"},
	}
	for _, c := range cases {
		ind := p.Indicators[c.ind]
		o := ind.Obs[c.obs]
		if got := p.Arithmetic(Zh, ind, o, c.years); got != c.zh {
			t.Errorf("zh: %q, want %q", got, c.zh)
		}
		if got := p.Arithmetic(En, ind, o, c.years); got != c.en {
			t.Errorf("en: %q, want %q", got, c.en)
		}
	}
	if got := p.Arithmetic(Zh, p.Indicators[0], p.Indicators[0].Obs[0], false); got != "" {
		t.Errorf("a stated figure has arithmetic %q", got)
	}
}

// A formula that subtracts a negative difference reads as an addition.
func TestArithmeticNegativeOperand(t *testing.T) {
	p := arithmeticPack(t)
	ind := p.Indicators[1]
	f, _ := ParseFormula("10.2 - -4.7")
	o := obs("yunnan", "2025-01/2025-08", "14.9", "s")
	o.Derived = &Derivation{Formula: f, From: ObsRef{"housing", "kunming", mp("2025-01/2025-08")}}
	if got, want := p.Arithmetic(Zh, ind, o, false), "云南1—8月 14.9% = 昆明 10.2% + 4.7个百分点"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
