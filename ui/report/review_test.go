package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/kmdash/kmdash/data"
	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

func defaultPack(t *testing.T) *model.Pack {
	t.Helper()
	p, err := data.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var cst = time.FixedZone("CST", 8*3600)

// sampleReview is a short review as a meeting would leave it: marks
// made, one undone, notes with Markdown in them, and an entry for an
// indicator the pack no longer has.
func sampleReview(pack string) *model.Review {
	at := func(min int) time.Time { return time.Date(2025, 9, 22, 2, min, 0, 0, time.UTC) } // 10:mm in Kunming
	var es []model.ReviewEntry
	add := func(ind string, k model.EntryKind, text, who string, min int) {
		es = append(es, model.ReviewEntry{Seq: uint64(len(es) + 1), Pack: pack, Indicator: ind, Kind: k, Text: text, Author: who, Time: at(min)})
	}
	add("gdp-growth", model.MarkReviewed, "", "wang", 30)
	add("gdp-growth", model.MarkFlagged, "", "wang", 31)
	add("gdp-growth", model.MarkNote, "上半年低于全年目标0.6个百分点。\n请市发展改革委9月底前报送四季度追赶措施。", "wang", 32)
	add("industry-growth", model.MarkReviewed, "", "li", 35)
	add("retail-sales-growth", model.MarkFlagged, "", "li", 36)
	add("retail-sales-growth", model.MarkNote, "# 缺1—8月实际数\n- 请统计局补报 **尽快** [链接](http://x)", "li", 37)
	add("housing-sales-growth", model.MarkFlagged, "", "li", 38)
	add("housing-sales-growth", model.MarkUnflagged, "", "li", 39)
	add("old-indicator", model.MarkNote, "旧指标的备注", "zhao", 40)
	return model.NewReview(pack, es)
}

// The scorecard and the minutes, in both languages, against documents
// read by eye: `go test ./ui/report -run Golden -update` to rewrite them
// after an intended change, then read them again.
func TestScorecardGolden(t *testing.T) {
	p := defaultPack(t)
	for _, lang := range model.Langs {
		for _, format := range []string{"text", "md"} {
			t.Run(fmt.Sprintf("%s-%s", format, lang), func(t *testing.T) {
				var b bytes.Buffer
				if err := Scorecard(&b, p, format, lang); err != nil {
					t.Fatal(err)
				}
				golden.RequireEqual(t, b.Bytes())
			})
		}
	}
}

func TestMinutesGolden(t *testing.T) {
	p := defaultPack(t)
	r := sampleReview(p.ID)
	for _, lang := range model.Langs {
		t.Run(string(lang), func(t *testing.T) {
			var b bytes.Buffer
			if err := Minutes(&b, p, r, "md", lang, time.Date(2025, 9, 23, 9, 0, 0, 0, cst)); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, b.Bytes())
		})
	}
}

// A note is shown as written: nothing in it formats the minutes.
func TestMdText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"上半年低于目标", "上半年低于目标"},
		{"4.4% vs 5%", "4.4% vs 5%"}, // figures stay readable
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"  + item", `  \+ item`},
		{"1. first", `1\. first`},
		{"12) twelfth", `12\) twelfth`},
		{"**bold** _it_ `code`", `\*\*bold\*\* \_it\_ \` + "`" + `code\` + "`"},
		{"[link](http://x) <b>", `\[link\](http://x) \<b\>`},
		{`a\b|c`, `a\\b\|c`},
		{"2025-09-22 10:30", "2025-09-22 10:30"},
	}
	for _, tt := range tests {
		if got := mdText(tt.in); got != tt.want {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := mdNote("line one\n- line two", "  "); got != "line one  \n  \\- line two" {
		t.Errorf("mdNote = %q", got)
	}
}

func TestNumbers(t *testing.T) {
	n := func(s string) model.Number { v, _ := model.ParseNumber(s); return v }
	pct := &model.Indicator{Measure: model.YoY, Unit: model.Text{Zh: "%", En: "%"}}
	yuan := &model.Indicator{Measure: model.Level, Unit: model.Text{Zh: "亿元", En: "yuan"}}
	tests := []struct {
		lang     model.Lang
		ind      *model.Indicator
		in       string
		signed   string
		sentence string
	}{
		{model.Zh, pct, "-0.6", "−0.6", "−0.6个百分点"},
		{model.Zh, pct, "0.7", "+0.7", "+0.7个百分点"},
		{model.En, pct, "0.7", "+0.7", "+0.7 percentage points"},
		{model.En, pct, "0", "0", "0 percentage points"},
		{model.Zh, yuan, "-1194.1", "−1194.1", "−1194.1亿元"},
		{model.En, yuan, "-1194.1", "−1,194.1", "−119.41 billion yuan"},
	}
	for _, tt := range tests {
		if got := signed(tt.lang, n(tt.in)); got != tt.signed {
			t.Errorf("signed(%s, %s) = %s, want %s", tt.lang, tt.in, got, tt.signed)
		}
		if got := gapText(tt.lang, tt.ind, n(tt.in)); got != tt.sentence {
			t.Errorf("gapText(%s, %s) = %s, want %s", tt.lang, tt.in, got, tt.sentence)
		}
	}
}

// Minutes name what was flagged and undone correctly, and keep records of
// indicators the pack lost.
func TestMinutesContent(t *testing.T) {
	p := defaultPack(t)
	var b bytes.Buffer
	if err := Minutes(&b, p, sampleReview(p.ID), "md", model.En, time.Date(2025, 9, 23, 9, 0, 0, 0, cst)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	summary := out[strings.Index(out, "## Summary"):strings.Index(out, "## Indicator by indicator")]
	name := func(id string) string { return "**" + p.Indicator(id).Name.En + "**" }
	for _, want := range []string{"2 flagged for follow-up:", name("gdp-growth"), name("retail-sales-growth"), "(wang, 2025-09-22 10:31)"} {
		if !strings.Contains(summary, want) {
			t.Errorf("summary lacks %q:\n%s", want, summary)
		}
	}
	if strings.Contains(summary, "Housing") {
		t.Errorf("an unflagged indicator is in the summary:\n%s", summary)
	}
	if !strings.Contains(out, "## Records for indicators not in this pack\n\n### old-indicator") || !strings.Contains(out, "旧指标的备注") {
		t.Errorf("the orphaned note is missing")
	}
	for _, bad := range []string{"\n# 缺", "\n- 请统计局", "**尽快**", "[链接](http://x)"} {
		if strings.Contains(out, bad) {
			t.Errorf("a note's Markdown %q reached the document", bad)
		}
	}
	if err := Minutes(&b, p, sampleReview(p.ID), "text", model.En, time.Now()); err == nil {
		t.Error("minutes in an unknown format: no error")
	}
}

// The minutes put a figure's region and period in one pair of brackets:
// a period label's own remark becomes one more item, never a bracket
// inside a bracket.
func TestMinutesAsideNeverNests(t *testing.T) {
	tests := []struct {
		lang    model.Lang
		remarks []string
		want    string
	}{
		{model.Zh, []string{"昆明", "上半年"}, "（昆明，上半年）"},
		{model.Zh, []string{"昆明", "2025年（东西两岸）"}, "（昆明，2025年，东西两岸）"},
		{model.En, []string{"Kunming", "2025 (both shores)"}, " (Kunming, 2025, both shores)"},
		{model.En, []string{"Kunming", "H1"}, " (Kunming, H1)"},
		// Only a plain remark at the end is taken out; anything else is
		// left as written.
		{model.Zh, []string{"昆明", "（东西两岸）"}, "（昆明，（东西两岸））"},
		{model.Zh, []string{"昆明", "2025年（东岸（滇池））"}, "（昆明，2025年（东岸（滇池）））"},
	}
	for _, tt := range tests {
		m := &minutes{lang: tt.lang, w: words.For(tt.lang)}
		if got := m.aside(tt.remarks...); got != tt.want {
			t.Errorf("%s %q: %q, want %q", tt.lang, tt.remarks, got, tt.want)
		}
	}
}
