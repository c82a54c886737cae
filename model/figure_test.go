package model

import "testing"

func num(t *testing.T, s string) Number {
	t.Helper()
	n, err := ParseNumber(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

var (
	yi      = Text{Zh: "亿元", En: "yuan"}
	wanM2   = Text{Zh: "万平方米", En: "m²"}
	visits  = Text{Zh: "人次", En: "visits"}
	birds   = Text{Zh: "只", En: "birds"}
	percent = Text{Zh: "%", En: "%"}
	yuan    = Text{Zh: "元", En: "yuan"}
	parcels = Text{Zh: "宗", En: "parcels"}
)

// The forms wording.md gives, and the edges around them. Each expected
// string is written out by hand from the rule, not from the code.
func TestFigure(t *testing.T) {
	cases := []struct {
		value string
		q     Qualifier
		unit  Text
		zh    string
		en    string
	}{
		{"4294.78", Exact, yi, "4294.78亿元", "429.478 billion yuan"},
		{"382.9", Exact, wanM2, "382.9万平方米", "3.829 million m²"},
		{"2805900", Exact, visits, "280.59万人次", "2.8059 million visits"},
		{"650000", Exact, visits, "65万人次", "650,000 visits"},
		{"40000", Over, birds, "4万只以上", "over 40,000 birds"},
		{"5", About, percent, "5%左右", "about 5%"},
		{"-4.7", Exact, percent, "−4.7%", "−4.7%"},
		{"4.0", Exact, percent, "4.0%", "4.0%"},
		{"17", Exact, parcels, "17宗", "17 parcels"},
		// A figure a Chinese report would not put in 万: four decimals.
		{"32509", Exact, yuan, "32509元", "32,509 yuan"},
		// 亿 and above for a whole count; the English billion.
		{"1230000000", Exact, visits, "12.3亿人次", "1.23 billion visits"},
		// Stated zeros after the point stay; placeholders go.
		{"5.30", Exact, yi, "5.30亿元", "530 million yuan"},
		{"0.5", Exact, yi, "0.5亿元", "50 million yuan"},
		{"1015036", Exact, yi, "1015036亿元", "101,503.6 billion yuan"},
		{"-12.5", Exact, wanM2, "−12.5万平方米", "−125,000 m²"},
		{"9999", Exact, visits, "9999人次", "9,999 visits"},
	}
	for _, c := range cases {
		n := num(t, c.value)
		if got := Figure(Zh, n, c.q, c.unit); got != c.zh {
			t.Errorf("zh %s %s %s = %q, want %q", c.value, c.q, c.unit.Zh, got, c.zh)
		}
		if got := Figure(En, n, c.q, c.unit); got != c.en {
			t.Errorf("en %s %s %s = %q, want %q", c.value, c.q, c.unit.Zh, got, c.en)
		}
	}
}

func TestDecimalAndPoints(t *testing.T) {
	cases := []struct{ value, zh, en, zhPts, enPts string }{
		{"0.1", "0.1", "0.1", "0.1个百分点", "0.1 percentage points"},
		{"1", "1", "1", "1个百分点", "1 percentage point"},
		{"-14.9", "−14.9", "−14.9", "−14.9个百分点", "−14.9 percentage points"},
		{"12345.6", "12345.6", "12,345.6", "12345.6个百分点", "12,345.6 percentage points"},
	}
	for _, c := range cases {
		n := num(t, c.value)
		for _, got := range []struct{ got, want string }{
			{Decimal(Zh, n), c.zh}, {Decimal(En, n), c.en}, {Points(Zh, n), c.zhPts}, {Points(En, n), c.enPts},
		} {
			if got.got != got.want {
				t.Errorf("%s: %q, want %q", c.value, got.got, got.want)
			}
		}
	}
}

func TestUnitName(t *testing.T) {
	cases := []struct {
		unit   Text
		zh, en string
	}{
		{yi, "亿元", "100 million yuan"},
		{wanM2, "万平方米", "10,000 m²"},
		{visits, "人次", "visits"},
		{percent, "%", "%"},
		{Text{Zh: "万亿元", En: "yuan"}, "万亿元", "trillion yuan"},
	}
	for _, c := range cases {
		if got := UnitName(Zh, c.unit); got != c.zh {
			t.Errorf("zh %v = %q, want %q", c.unit, got, c.zh)
		}
		if got := UnitName(En, c.unit); got != c.en {
			t.Errorf("en %v = %q, want %q", c.unit, got, c.en)
		}
	}
}

// A unit that is all prefix (万) is a unit, not a scale of nothing.
func TestMagnitude(t *testing.T) {
	cases := []struct {
		unit string
		exp  int
		base string
	}{{"亿元", 8, "元"}, {"万亿元", 12, "元"}, {"万平方米", 4, "平方米"}, {"万", 0, "万"}, {"%", 0, "%"}, {"", 0, ""}}
	for _, c := range cases {
		if exp, base := Magnitude(c.unit); exp != c.exp || base != c.base {
			t.Errorf("Magnitude(%q) = %d, %q; want %d, %q", c.unit, exp, base, c.exp, c.base)
		}
	}
}
