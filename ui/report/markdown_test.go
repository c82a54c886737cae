package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

var (
	// asciiAfterChinese is an ASCII comma, colon or semicolon right after
	// a Chinese character or full-width punctuation.
	asciiAfterChinese = regexp.MustCompile(`[\p{Han}，。：；）》”、][,:;]`)
	periodCode        = regexp.MustCompile(`\d{4}-\d{2}/\d{4}-\d{2}`)
	// englishInChinese is what a Chinese reader should never meet in a
	// document written for them.
	englishInChinese = regexp.MustCompile(`\b(about|over|true|false|derived|stated|target|pp)\b`)
)

// The Chinese document reads as one: Chinese qualifiers and number forms,
// labels rather than ids or period codes, full-width punctuation.
func TestExportMarkdownChinese(t *testing.T) {
	p := shippedPack(t)
	md := string(export(t, p, "md", model.Zh))
	// The pack is named by its id, the one code a reader may need to
	// say which data they read; URLs are addresses, not prose.
	prose := strings.ReplaceAll(urlPattern.ReplaceAllString(md, ""), p.ID, "")
	if m := asciiAfterChinese.FindAllString(prose, 5); m != nil {
		t.Errorf("ASCII punctuation after Chinese: %q", m)
	}
	if m := englishInChinese.FindAllString(prose, 5); m != nil {
		t.Errorf("English words in the Chinese document: %q", m)
	}
	if m := periodCode.FindAllString(md, 5); m != nil {
		t.Errorf("period codes: %q", m)
	}
	for _, r := range p.Regions {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(r.ID) + `\b`).MatchString(prose) {
			t.Errorf("region id %q shows", r.ID)
		}
	}
	for _, want := range []string{
		"4294.78亿元", "382.9万平方米", "280.59万人次", "65万人次", "4万只以上", "5%左右", "−4.7%",
		"| 昆明主城五区 | 截至9月22日 | 17宗 |",
		"昆明2025年一季度 4.3% = 2025年上半年 4.4% − 0.1个百分点",
		"全国2025年1—8月 −4.7% = 昆明 10.2% − 14.9个百分点",
		"对全省经济增长的贡献率",
		"昆明日报（昆明信息港）《昆明市“当好排头兵”高质量发展2025年第三季度工作推进会召开》，2025-09-23，<https://www.kunming.cn/news/c/2025-09-23/13980890.shtml>。",
		"两届范围不同，不能直接比较",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("zh Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "占比") {
		t.Error("a contribution rate is called 占比")
	}
}

// The English document uses NBS's English terms and number forms.
func TestExportMarkdownEnglish(t *testing.T) {
	md := string(export(t, shippedPack(t), "md", model.En))
	for _, want := range []string{
		"429.478 billion yuan", "3.829 million m²", "2.8059 million visits", "over 40,000 birds", "about 5%",
		"Floor space of commercial buildings sold", "Contribution rate to Yunnan's GDP growth",
		"Kunming Q1 2025 4.3% = H1 2025 4.4% − 0.1 percentage points",
		"| Kunming's five main urban districts | to 22 Sep | 17 parcels |",
		"not like for like",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("en Markdown lacks %q", want)
		}
	}
	for _, never := range []string{"housing", "Housing", "share", "Share", "100m yuan", "10k sq m", "-4.7"} {
		if strings.Contains(md, never) {
			t.Errorf("en Markdown says %q", never)
		}
	}
}

var urlPattern = regexp.MustCompile(`<?https?://[^\s>]+>?`)

// Both documents: the tabs in order, every indicator, the six
// initiatives, every source with its URL or the word that none is held,
// and never a file path.
func TestExportMarkdownStructure(t *testing.T) {
	p := shippedPack(t)
	for _, lang := range model.Langs {
		md := string(export(t, p, "md", lang))
		w := words.For(lang)
		at := -1
		for _, tab := range p.Tabs {
			i := strings.Index(md, "\n## "+tab.Name.In(lang)+"\n")
			if i < at {
				t.Errorf("%s: tab %s out of order or missing", lang, tab.ID)
			}
			at = i
		}
		for _, ind := range p.Indicators {
			if !strings.Contains(md, "\n### "+ind.FullName().In(lang)+"\n") {
				t.Errorf("%s: no heading for %s", lang, ind.ID)
			}
		}
		for _, in := range p.Initiatives {
			if !strings.Contains(md, "\n#### "+in.Name.In(lang)+"\n") {
				t.Errorf("%s: no heading for initiative %s", lang, in.ID)
			}
		}
		metre := md[strings.Index(md, "#### "+p.Initiative("metre-gauge").Name.In(lang)):]
		if !strings.Contains(metre[:strings.Index(metre[5:], "####")+5], w.Doc.NoSource) {
			t.Errorf("%s: 米轨游 does not say no sourced season or place is held", lang)
		}
		sources := md[strings.LastIndex(md, "\n## "):]
		for _, s := range p.Sources {
			where := "<" + s.URL + ">"
			if s.URL == "" {
				where = w.Doc.NoURL
			}
			if !strings.Contains(sources, s.Title.In(lang)) || !strings.Contains(sources, s.Date+sep(lang)+where) {
				t.Errorf("%s: source %s not listed with its title, date and %s", lang, s.ID, where)
			}
		}
		for _, path := range []string{".txt", "seed/", "file:"} {
			if strings.Contains(md, path) {
				t.Errorf("%s: a file path (%q) in the document", lang, path)
			}
		}
	}
}

func sep(l model.Lang) string {
	if l == model.En {
		return ", "
	}
	return "，"
}
