package data

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// seedFile is the article the pack is built on (PRODUCT.md).
const seedFile = "000_59f4f1f252a4eb4c.txt"

// seedDir is where the project keeps it, beside the repository.
var seedDir = filepath.Join("..", "..", "shared", "seed")

// seedFigure is one figure of the seed article. Stated figures are read
// straight off the text; derived ones are the stated figure less the
// difference the text gives, worked out by hand.
type seedFigure struct {
	quote   string // Traditional text of the article, pinyin glosses removed
	tab     model.TabID
	measure model.Measure
	name    string // part of the indicator's Simplified name
	region  string
	period  string
	value   string
	formula string // empty for a stated figure
}

var seedFigures = []seedFigure{
	// 今年上半年,全市實現地區生產總值4294.78億元,增長4.4%,較一季度增速提高0.1個百分點,較去年提高0.4個百分點。
	{"地區生產總值4294.78億元", "economy", model.Level, "地区生产总值", "kunming", "2025-01/2025-06", "4294.78", ""},
	{"增長4.4%", "economy", model.YoY, "地区生产总值", "kunming", "2025-01/2025-06", "4.4", ""},
	{"較一季度增速提高0.1個百分點", "economy", model.YoY, "地区生产总值", "kunming", "2025-01/2025-03", "4.3", "4.4 - 0.1"},
	// PRODUCT.md: "较去年" is 2024's full-year growth.
	{"較去年提高0.4個百分點", "economy", model.YoY, "地区生产总值", "kunming", "2024-01/2024-12", "4.0", "4.4 - 0.4"},
	// 1—8月,全市規上工業增加值增長6.7%,對全省規上工業增速貢獻率達48.6%,較上半年提高7.3個百分點。
	{"規上工業增加值增長6.7%", "industry", model.YoY, "工业增加值", "kunming", "2025-01/2025-08", "6.7", ""},
	{"貢獻率達48.6%", "industry", model.Contribution, "工业增速贡献率", "kunming", "2025-01/2025-08", "48.6", ""},
	{"較上半年提高7.3個百分點", "industry", model.Contribution, "工业增速贡献率", "kunming", "2025-01/2025-06", "41.3", "48.6 - 7.3"},
	// 1—7月,全市規上服務業營收(錯月指標)增長6.2%,增速比1—5月加快0.5個百分點,10個重點行業均實現正增長,
	// 重點服務業企業營業收入增長9.5%,比上半年加快0.1個百分點。
	{"營收(錯月指標)增長6.2%", "services", model.YoY, "服务业营业收入", "kunming", "2025-01/2025-07", "6.2", ""},
	{"增速比1—5月加快0.5個百分點", "services", model.YoY, "服务业营业收入", "kunming", "2025-01/2025-05", "5.7", "6.2 - 0.5"},
	{"10個重點行業均實現正增長", "services", model.Count, "重点行业", "kunming", "2025-01/2025-07", "10", ""},
	{"企業營業收入增長9.5%", "services", model.YoY, "重点服务业企业", "kunming", "2025-01/2025-07", "9.5", ""},
	{"比上半年加快0.1個百分點", "services", model.YoY, "重点服务业企业", "kunming", "2025-01/2025-06", "9.4", "9.5 - 0.1"},
	// 1—8月,全市商品房銷售面積完成382.9萬平方米、增長10.2%,分別高于全省、全國5.7個、14.9個百分點。
	{"382.9萬平方米", "property", model.Level, "商品房销售面积", "kunming", "2025-01/2025-08", "382.9", ""},
	{"增長10.2%", "property", model.YoY, "商品房销售面积", "kunming", "2025-01/2025-08", "10.2", ""},
	{"高于全省、全國5.7個", "property", model.YoY, "商品房销售面积", "yunnan", "2025-01/2025-08", "4.5", "10.2 - 5.7"},
	{"14.9個百分點", "property", model.YoY, "商品房销售面积", "china", "2025-01/2025-08", "-4.7", "10.2 - 14.9"},
	// 今年以來,主城五區成功出讓17宗住宅用地,其中7宗溢價成交。The year
	// to date at a meeting held on 22 September runs January to September.
	{"成功出讓17宗住宅用地", "property", model.Count, "住宅用地", "kunming-main-urban", "2025-01/2025-09", "17", ""},
	{"其中7宗溢價成交", "property", model.Count, "溢价", "kunming-main-urban", "2025-01/2025-09", "7", ""},
}

// The article's tourism products (it gives them no figures).
var seedInitiatives = []struct{ quote, zh string }{
	{"觀鷗季", "观鸥季"}, {"賞花季", "赏花季"}, {"食菌季", "食菌季"},
	{"市場游", "市场游"}, {"米軌游", "米轨游"}, {"咖啡節", "咖啡节"},
}

// pinyinGloss is the "(huì)" the seed text carries after some characters.
var pinyinGloss = regexp.MustCompile(`\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)`)

// The table above must be the article's own words, so a figure cannot be
// added to it that the article does not state.
func TestSeedTableQuotesArticle(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(seedDir, seedFile))
	if os.IsNotExist(err) {
		t.Skipf("seed article not beside the repository: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	article := pinyinGloss.ReplaceAllString(string(b), "")
	for _, f := range seedFigures {
		if !strings.Contains(article, f.quote) {
			t.Errorf("the article does not say %q (figure %s %s %s)", f.quote, f.region, f.period, f.value)
		}
	}
	for _, in := range seedInitiatives {
		if !strings.Contains(article, in.quote) {
			t.Errorf("the article does not name %q", in.quote)
		}
	}
}

// seedURL is where the seed article was published (context-figures.md).
const seedURL = "https://www.kunming.cn/news/c/2025-09-23/13980890.shtml"

// seedSource is the pack's source for the seed article, found by its
// address: a source is cited by where it was published, never by where
// a copy happens to be kept.
func seedSource(t *testing.T, p *model.Pack) string {
	t.Helper()
	for _, s := range p.Sources {
		if s.URL == seedURL {
			if s.Date != "2025-09-23" || !strings.HasPrefix(s.Publisher.Zh, "昆明日报") {
				t.Errorf("the seed's source is %s dated %s; want 昆明日报, 2025-09-23", s.Publisher.Zh, s.Date)
			}
			return s.ID
		}
	}
	t.Fatalf("no source in the pack has the seed article's URL %s", seedURL)
	return ""
}

func TestSeedFiguresInPack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seed := seedSource(t, p)
	for _, f := range seedFigures {
		t.Run(f.region+"/"+f.period+"/"+f.value, func(t *testing.T) {
			var found *model.Observation
			for _, ind := range p.Indicators {
				if ind.Tab != f.tab || ind.Measure != f.measure || !strings.Contains(ind.Name.Zh, f.name) {
					continue
				}
				for _, o := range ind.Obs {
					if !o.Target && o.Region == f.region && o.Period.String() == f.period && o.Value.Text == f.value {
						found = o
					}
				}
			}
			if found == nil {
				t.Fatalf("pack has no %s %s indicator named …%s… with %s %s = %s (article: %q)",
					f.tab, f.measure, f.name, f.region, f.period, f.value, f.quote)
			}
			if found.Source != seed {
				t.Errorf("source = %q, want the seed article %q", found.Source, seed)
			}
			switch {
			case f.formula == "" && found.Derived != nil:
				t.Errorf("the article states %s outright, but the pack derives it (%s)", f.value, found.Derived.Formula)
			case f.formula != "" && found.Derived == nil:
				t.Errorf("the article gives %s only as a difference; the pack must say it is derived (%s)", f.value, f.formula)
			case f.formula != "" && found.Derived.Formula.String() != f.formula:
				t.Errorf("formula = %q, want %q", found.Derived.Formula, f.formula)
			}
		})
	}
}

// Every figure the pack attributes to the article is one the table above
// lists: nothing is credited to the seed that it does not say.
func TestPackCreditsSeedOnlyForItsFigures(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seed := seedSource(t, p)
	for _, ind := range p.Indicators {
		for _, o := range ind.Obs {
			if o.Source != seed {
				continue
			}
			listed := false
			for _, f := range seedFigures {
				if ind.Tab == f.tab && ind.Measure == f.measure && strings.Contains(ind.Name.Zh, f.name) &&
					o.Region == f.region && o.Period.String() == f.period && o.Value.Text == f.value {
					listed = true
				}
			}
			if !listed {
				t.Errorf("%s %s %s = %s cites the article, which does not state it", ind.ID, o.Region, o.Period, o.Value.Text)
			}
		}
	}
}

func TestSeedInitiativesInPack(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	seed := seedSource(t, p)
	if len(p.Initiatives) != len(seedInitiatives) {
		t.Errorf("pack has %d initiatives, the article names %d", len(p.Initiatives), len(seedInitiatives))
	}
	for _, want := range seedInitiatives {
		var got *model.Initiative
		for _, in := range p.Initiatives {
			if in.Name.Zh == want.zh {
				got = in
			}
		}
		if got == nil {
			t.Errorf("no initiative named %s", want.zh)
			continue
		}
		cites := false
		for _, s := range got.Sources {
			cites = cites || s == seed
		}
		if !cites {
			t.Errorf("%s does not cite the article that names it", want.zh)
		}
		if got.What.Zh == "" {
			t.Errorf("%s lacks its description", want.zh)
		}
		// context-figures.md holds no source for a season or place of
		// 米轨游; every other initiative has both.
		unsourced := want.zh == "米轨游"
		if has := len(got.Months) > 0 || got.Season.Zh != "" || len(got.Places) > 0 || len(got.Facts) > 0; has == unsourced {
			if unsourced {
				t.Errorf("%s shows a season, place or fact that no source holds", want.zh)
			} else {
				t.Errorf("%s lacks its season, months or places", want.zh)
			}
		}
	}
}

// contextFigure is one row of ../shared/research/context-figures.md.
type contextFigure struct {
	indicator string // the pack's id for the quantity the row describes
	region    string
	period    string // YYYY-MM/YYYY-MM, or YYYY where the row gives only the year
	value     string
	target    bool
	qualifier model.Qualifier
	url       string // as the row gives it; empty where it gives none
	date      string // the source's date as the row gives it
}

const (
	urlGWR     = "https://kunming.cn/news/c/2025-01-12/13907653.shtml"
	urlHKCD    = "https://hkcd.com/hkcdweb/content_p/2025/11/11/content_192590.html"
	urlECNS    = "http://www.ecns.cn/news/economy/2025-07-15/detail-ihetkhrv8782069.shtml"
	urlJWView  = "https://www.jwview.com/jingwei/html/06-16/624411.shtml"
	urlCoffee  = "https://m.kunming.cn/news/c/2025-08-25/13972958.shtml"
	indGDP     = "gdp-growth"
	indIndus   = "industry-growth"
	indHousing = "housing-sales-growth"
)

var contextFigures = []contextFigure{
	// Kunming
	{indGDP, "kunming", "2025-01/2025-12", "5", true, model.About, urlGWR, "2025-01-12"},
	{indIndus, "kunming", "2025-01/2025-12", "6", true, model.About, urlGWR, "2025-01-12"},
	{"retail-sales-growth", "kunming", "2025-01/2025-12", "5", true, model.About, urlGWR, "2025-01-12"},
	{"industry-investment-growth", "kunming", "2025-01/2025-12", "7", true, model.About, urlGWR, "2025-01-12"},
	{indIndus, "kunming", "2024-01/2024-12", "7", false, "", urlHKCD, "2025-11-11"},
	{"industry-contribution", "kunming", "2024-01/2024-12", "59.4", false, "", urlHKCD, "2025-11-11"},
	// "0.7 pp above Yunnan" in 2024, on Kunming's 4.0: Yunnan 3.3.
	{indGDP, "yunnan", "2024-01/2024-12", "3.3", false, "", urlHKCD, "2025-11-11"},
	{"gdp-contribution", "kunming", "2020", "13.3", false, "", urlHKCD, "2025-11-11"},
	{"gdp-contribution", "kunming", "2024", "31.9", false, "", urlHKCD, "2025-11-11"},
	// Yunnan
	{indGDP, "yunnan", "2025-01/2025-03", "4.3", false, "", "https://dubao.ztnews.net/content/202504/24/content_95331.html", "2025-04-24"},
	{indIndus, "yunnan", "2024-01/2024-12", "3.3", false, "", urlHKCD, "2025-11-11"},
	// China
	{indGDP, "china", "2025-01/2025-03", "5.4", false, "", "https://www.stats.gov.cn/english/PressRelease/202510/t20251020_1961608.html", "2025-10-20"},
	{indGDP, "china", "2025-01/2025-06", "5.3", false, "", urlECNS, "2025-07-15"},
	{indIndus, "china", "2024-01/2024-12", "5.8", false, "", urlHKCD, "2025-11-11"},
	{indIndus, "china", "2025-01/2025-02", "5.9", false, "", "http://big5.www.gov.cn/gate/big5/www.gov.cn/lianbo/bumen/202503/content_7014229.htm", "2025-03-18"},
	{indIndus, "china", "2025-01/2025-03", "6.5", false, "", urlECNS, "2025-07-15"},
	{indIndus, "china", "2025-01/2025-05", "6.3", false, "", urlJWView, "2025-06-16"},
	{indIndus, "china", "2025-01/2025-06", "6.4", false, "", urlECNS, "2025-07-15"},
	{indIndus, "china", "2025-01/2025-08", "6.2", false, "", "", "2025-09-15"},
	{indHousing, "china", "2025-01/2025-02", "-5.1", false, "", "https://wallstreetcn.com/livenews/2879334", "2025-03-17"},
	{indHousing, "china", "2025-01/2025-03", "-3.0", false, "", "", "2025-04"},
	{indHousing, "china", "2025-01/2025-04", "-2.8", false, "", "", "2025-05-19"},
	{indHousing, "china", "2025-01/2025-05", "-2.9", false, "", urlJWView, "2025-06-16"},
	{indHousing, "china", "2025-01/2025-06", "-3.5", false, "", "", "2025-07-15"},
	{indHousing, "china", "2025-01/2025-07", "-4.0", false, "", "https://www.etnet.com.hk/www/tc/forex/news-article/20250815854", "2025-08-15"},
	{indHousing, "china", "2025-01/2025-08", "-4.7", false, "", "https://udn.com/news/story/7333/9005766", "2025-09-15"},
	// Tourism
	{"gull-count", "kunming", "2023", "40000", false, model.Over, "https://www.ccwb.cn/content/202510/21/c812235.html", "2025-10-21"},
	{"coffee-festival-visits", "kunming", "2024", "650000", false, "", "https://yunnan.china.com/wl/20003375/20240823/25911201.html", "2024-08-23"},
	{"coffee-festival-visits", "kunming", "2025-08/2025-08", "2805900", false, "", urlCoffee, "2025-08-25"},
}

func (f contextFigure) covers(o *model.Observation) bool {
	if o.Region != f.region || o.Target != f.target {
		return false
	}
	if len(f.period) == 4 {
		// A year alone: any span within that calendar year.
		return o.Period.From.Year == o.Period.To.Year && strconv.Itoa(o.Period.To.Year) == f.period
	}
	return o.Period.String() == f.period
}

// Every context figure the pack carries has the research's value and
// names the research's source: its URL where the research gives one, and
// otherwise a publisher, title and the same date.
func TestContextFiguresSourced(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var noURL []string
	for _, f := range contextFigures {
		name := f.indicator + "/" + f.region + "/" + f.period
		ind := p.Indicator(f.indicator)
		var o *model.Observation
		if ind != nil {
			for _, c := range ind.Obs {
				if f.covers(c) {
					o = c
				}
			}
		}
		if o == nil {
			t.Logf("not carried: %s = %s", name, f.value)
			continue
		}
		if o.Value.Text != f.value || o.Qualifier != f.qualifier {
			t.Errorf("%s: pack has %s %q, research says %s %q", name, o.Value.Text, o.Qualifier, f.value, f.qualifier)
		}
		sources := append([]string{o.Source}, o.Confirmed...)
		var match *model.Source
		for _, id := range sources {
			s := p.Source(id)
			if s == nil {
				t.Errorf("%s: source %q does not resolve", name, id)
				continue
			}
			if f.url != "" && s.URL == f.url || f.url == "" && s.Date == f.date {
				match = s
			}
		}
		switch {
		case match == nil && f.url != "":
			t.Errorf("%s: no source of %v has the research's URL %s", name, sources, f.url)
		case match == nil:
			t.Errorf("%s: no source of %v is dated %s as the research gives it", name, sources, f.date)
		case match.Date != f.date:
			t.Errorf("%s: source %s dated %s, research says %s", name, match.ID, match.Date, f.date)
		case match.Publisher.Zh == "" || match.Title.Zh == "":
			t.Errorf("%s: source %s lacks a publisher or title", name, match.ID)
		case match.URL == "":
			noURL = append(noURL, name+" ("+match.ID+")")
		}
	}
	if len(noURL) > 0 {
		t.Logf("carried without a URL (the research gives none): %s", strings.Join(noURL, ", "))
	}
}

// The initiatives' sourced facts, from the same research file.
func TestContextFactsSourced(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	facts := []struct{ initiative, says, url, date string }{
		{"gull-season", "1985", "https://www.ccwb.cn/content/202510/21/c812235.html", "2025-10-21"},
		{"flower-season", "圆通山", "", "2025"},
		{"flower-season", "第25届", "", "2025"},
		{"mushroom-season", "268", "", "2025-06-26"},
		{"market-tours", "七成", "", "2025-08-29"},
	}
	for _, want := range facts {
		in := p.Initiative(want.initiative)
		if in == nil {
			t.Errorf("no initiative %s", want.initiative)
			continue
		}
		var fact *model.Fact
		for i := range in.Facts {
			if strings.Contains(in.Facts[i].Text.Zh, want.says) {
				fact = &in.Facts[i]
			}
		}
		if fact == nil {
			t.Logf("not carried: %s fact %q", want.initiative, want.says)
			continue
		}
		s := p.Source(fact.Source)
		switch {
		case s == nil:
			t.Errorf("%s fact %q: source %q does not resolve", want.initiative, want.says, fact.Source)
		case want.url != "" && s.URL != want.url:
			t.Errorf("%s fact %q: source URL %q, research gives %s", want.initiative, want.says, s.URL, want.url)
		case s.Date != want.date:
			t.Errorf("%s fact %q: source dated %s, research gives %s", want.initiative, want.says, s.Date, want.date)
		case s.URL == "":
			t.Logf("%s fact %q: source %s has no URL (the research gives none)", want.initiative, want.says, s.ID)
		}
	}
}
