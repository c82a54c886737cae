package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// A screen's first comparison spells percentage points out, and names
// the short form where more comparisons follow; the rest are short.
func TestSpellings(t *testing.T) {
	a := newApp(t, Options{Lang: model.En}, 120, 40)
	tests := []struct {
		tab  model.TabID
		want map[string]spelling // cards not named are short
	}{
		{"economy", map[string]spelling{"gdp-growth": ppDefine}},
		{"industry", map[string]spelling{"industry-contribution": ppFull}},
		{"services", map[string]spelling{"services-revenue-growth": ppDefine}},
		{"property", map[string]spelling{"housing-sales-growth": ppDefine}},
		{"tourism", nil},
	}
	for _, tt := range tests {
		cards := a.ctx.Pack.Cards(a.ctx.Pack.Tab(tt.tab))
		for i, sp := range a.ctx.spellings(cards) {
			if want := tt.want[cards[i].ID]; sp != want {
				t.Errorf("%s: %s spelled %d, want %d", tt.tab, cards[i].ID, sp, want)
			}
		}
	}
}

// In English, "pp" is on a screen only where "percentage points" is
// too, and every screen that compares rates says it in full; it names
// the short form, "(pp)", only where a "pp" follows it on the screen.
func TestPercentagePointsSpelledOnce(t *testing.T) {
	t.Parallel()
	short := regexp.MustCompile(`\d pp\b`)
	pack := testPack(t)
	for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}, {132, 43}, {160, 50}, {200, 60}} {
		for _, tab := range tabIDs(t) {
			frame := ansi.Strip(Frame(Options{Pack: pack, Lang: model.En, Tab: tab, Now: clock, Renderer: renderer(termenv.Ascii)}, size[0], size[1]))
			if short.MatchString(frame) && !strings.Contains(frame, "percentage points") {
				t.Errorf("%s %dx%d: pp without percentage points:\n%s", tab, size[0], size[1], frame)
			}
			// The name is on the first card that compares, so any other
			// "pp" comes after it in the cards' order.
			if strings.Contains(frame, "(pp)") && !short.MatchString(frame) {
				t.Errorf("%s %dx%d: (pp) names a form that no later figure takes:\n%s", tab, size[0], size[1], frame)
			}
		}
	}
	for _, tt := range []struct {
		width, height int
		want          string
	}{
		{120, 40, "▲ 0.1 percentage points above Q1"}, // no other comparison fits its line
		{200, 60, "▲ 0.1 percentage points (pp)"},     // the card's box goes on "▲ 0.4 pp above 2024"
		{132, 43, "▲ 0.1 percentage points above Q1"}, // the services line has no room for its own
		{100, 30, "▲ 0.1 percentage points above Q1"}, // nor here
	} {
		frame := ansi.Strip(Frame(Options{Pack: pack, Lang: model.En, Now: clock, Renderer: renderer(termenv.Ascii)}, tt.width, tt.height))
		if !strings.Contains(frame, tt.want) {
			t.Errorf("economy at %d×%d: no %q in\n%s", tt.width, tt.height, tt.want, frame)
		}
	}
}

// A card says what a reader needs before its figure (the services lag,
// the coffee counts' scope), and a scope narrower than the city stays
// whole on a narrow card: region and period each on lines of their own,
// never a date torn across two.
func TestCardCaveatAndScope(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang  model.Lang
		id    string
		width int
		lines []string // each is a whole line of the card's inside
	}{
		{model.Zh, "services-revenue-growth", 60, []string{"6.2%  昆明 · 1—7月", "错月指标：9月会议用1—7月"}},
		{model.En, "services-revenue-growth", 60, []string{"6.2%  Kunming · Jan–Jul", "Lagged month: a September meeting quotes Jan–Jul"}},
		{model.Zh, "coffee-festival-visits", 60, []string{"与2024年（仅东岸）范围不同，不能直接比较"}},
		{model.En, "coffee-festival-visits", 60, []string{"Not like for like with 2024 (east shore only)"}},
		{model.Zh, "land-parcels-sold", 28, []string{"17宗", "昆明主城五区", "截至9月22日"}},
		{model.Zh, "land-parcels-sold", 40, []string{"17宗  昆明主城五区 · 截至9月22日"}},
		{model.En, "land-parcels-sold", 28, []string{"17 parcels", "Kunming's five main", "urban districts", "to 22 Sep"}},
		{model.En, "land-parcels-sold", 40, []string{"17 parcels", "Kunming's five main urban districts", "to 22 Sep"}},
		{model.En, "land-parcels-sold", 52, []string{"17 parcels", "Kunming's five main urban districts · to 22 Sep"}},
	}
	for _, tt := range tests {
		a := newApp(t, Options{Lang: tt.lang}, 120, 40)
		box := ansi.Strip(a.ctx.card(a.ctx.Pack.Indicator(tt.id), ppShort).box(tt.width, false))
		var inside []string
		for _, l := range strings.Split(box, "\n") {
			inside = append(inside, strings.TrimSpace(strings.Trim(l, "│╭╮╰╯─ ")))
		}
		for _, want := range tt.lines {
			if !containsLine(inside, want) {
				t.Errorf("%s %s at %d: no line %q in\n%s", tt.lang, tt.id, tt.width, want, box)
			}
		}
	}
}

// A card's line gives its caveat where the caveat fits, and where it
// does not (the card's box and the detail give it) goes on to the notes
// that do, rather than stop at it.
func TestCardLineLeavesOutACaveatThatDoesNotFit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		lang  model.Lang
		width int
		want  string // the line, whole
	}{
		{model.Zh, 60, "规上服务业营业收入增速 6.2%  1—7月  ▲ 比1—5月高0.5个百分点"},
		{model.Zh, 70, "规上服务业营业收入增速 6.2%  1—7月  错月指标：9月会议用1—7月"},
		{model.Zh, 90, "规上服务业营业收入增速 6.2%  1—7月  错月指标：9月会议用1—7月  ▲ 比1—5月高0.5个百分点"},
		{model.En, 90, "Services revenue (above designated size), y/y 6.2%  Jan–Jul  ▲ 0.5 pp above Jan–May"},
		{model.En, 130, "Services revenue (above designated size), y/y 6.2%  Jan–Jul  Lagged month: a September meeting quotes Jan–Jul"},
	}
	for _, tt := range tests {
		a := newApp(t, Options{Lang: tt.lang}, 120, 40)
		line := ansi.Strip(a.ctx.card(a.ctx.Pack.Indicator("services-revenue-growth"), ppShort).line(tt.width, false))
		if got := strings.TrimSpace(line); got != tt.want {
			t.Errorf("%s at %d: the line reads\n%q\nwant\n%q", tt.lang, tt.width, got, tt.want)
		}
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// A figure's months are written in words, with their year.
func TestMonthsInWords(t *testing.T) {
	tests := []struct {
		period string
		zh, en string
	}{
		{"2025-01/2025-06", "2025年1月—6月", "Jan–Jun 2025"},
		{"2025-08/2025-08", "2025年8月", "Aug 2025"},
		{"2024-01/2024-12", "2024年1月—12月", "Jan–Dec 2024"},
		{"2024-10/2025-03", "2024年10月—2025年3月", "Oct 2024–Mar 2025"},
	}
	for _, tt := range tests {
		p, err := model.ParsePeriod(tt.period)
		if err != nil {
			t.Fatal(err)
		}
		for l, want := range map[model.Lang]string{model.Zh: tt.zh, model.En: tt.en} {
			a := newApp(t, Options{Lang: l}, 80, 24)
			if got := a.ctx.months(p); got != want {
				t.Errorf("%s months(%s) = %q, want %q", l, tt.period, got, want)
			}
		}
	}
}

// The detail names each figure's months in words and cites sources as
// the exports do: a numbered list of publisher, title and date, then the
// URL or that none is held; a figure another source confirms names it,
// joined as the language joins a list.
func TestDetailCitations(t *testing.T) {
	tests := []struct {
		lang model.Lang
		id   string
		want []string
	}{
		{model.Zh, "housing-sales-growth", []string{
			"商品房销售面积增长  Growth of floor space of commercial buildings sold, year on year",
			"地区  期间    数值   类型  起止年月       来源",
			"全国  1—8月   −4.7%  推算  2025年1月—8月  [1]",
			"    另见：国家统计局（联合新闻网转载）[2]",
			"[1] 昆明日报（昆明信息港）《昆明市“当好排头兵”高质量发展2025年第三季度工作推进会召开》，2025-09-23",
			"    https://www.kunming.cn/news/c/2025-09-23/13980890.shtml",
			"[4] 国家统计局：2025年1—6月全国房地产市场基本情况的发布，2025-07-15",
			"    未存网址",
		}},
		{model.En, "housing-sales-growth", []string{
			"Region   Period   Value  Kind     Months        Source",
			"    Also: National Bureau of Statistics (reprinted by udn.com) [2]",
			"[1] Kunming Daily (via kunming.cn), 《昆明市“当好排头兵”高质量发展2025年第三季度工作推进会召开》 (“Kunming holds its ‘Pacesetter’ high-quality development progress meeting for Q3 2025”, translated), 2025-09-23",
			"    no URL held",
		}},
		{model.En, "gdp-growth", []string{"Real GDP growth, year on year  地区生产总值增长（按不变价格计算）"}},
	}
	for _, tt := range tests {
		a := newApp(t, Options{Lang: tt.lang}, 160, 40)
		lines := a.ctx.itemDetail(item{ind: a.ctx.Pack.Indicator(tt.id)}, 156)
		for i := range lines {
			lines[i] = strings.TrimRight(ansi.Strip(lines[i]), " ")
		}
		// Lines that wrap are compared with their spaces run together.
		flat := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
		for _, want := range tt.want {
			if !containsLine(lines, want) && !strings.Contains(flat, strings.Join(strings.Fields(want), " ")) {
				t.Errorf("%s %s: no %q in\n%s", tt.lang, tt.id, want, strings.Join(lines, "\n"))
			}
		}
	}
}

// An initiative no source gives a season or a place for says so in its
// detail, its row of the list and its row of the calendar; a fact names
// its source.
func TestInitiativeSources(t *testing.T) {
	for _, l := range model.Langs {
		a := newApp(t, Options{Lang: l, Tab: "tourism"}, 120, 40)
		w := a.ctx.Words
		metre := a.ctx.Pack.Initiative("metre-gauge")
		detail := ansi.Strip(strings.Join(a.ctx.itemDetail(item{ini: metre}, 116), "\n"))
		empty := false
		for _, line := range strings.Split(detail, "\n") {
			line = strings.TrimSpace(line)
			empty = empty || line == w.Places || strings.HasPrefix(line, w.Season+w.Colon)
		}
		if !strings.Contains(detail, w.Doc.NoSource) || empty {
			t.Errorf("%s: 米轨游's detail should say no season or place is held, and head no empty field:\n%s", l, detail)
		}
		list, _ := a.ctx.initiativeList([]*model.Initiative{metre}).draw(80, -1, seasonOnly)
		if !strings.Contains(ansi.Strip(list), w.NoSeason) {
			t.Errorf("%s: 米轨游's row of the list:\n%s", l, list)
		}
		cal := ansi.Strip(a.ctx.seasonCalendar([]*model.Initiative{metre}).draw(100, 10))
		row := ""
		for _, line := range strings.Split(cal, "\n") {
			if strings.HasPrefix(line, metre.Name.In(l)) {
				row = line
			}
		}
		if !strings.Contains(row, w.NoSeason) || strings.Contains(row, a.ctx.Theme.Glyphs.OffSeason) {
			t.Errorf("%s: 米轨游's row of the calendar reads %q", l, row)
		}
		gulls := ansi.Strip(strings.Join(a.ctx.itemDetail(item{ini: a.ctx.Pack.Initiative("gull-season")}, 116), "\n"))
		if want := map[model.Lang]string{model.Zh: "（成都商报[2]）", model.En: " (Chengdu Business Daily [2])"}[l]; !strings.Contains(gulls, want) {
			t.Errorf("%s: the gulls' fact does not cite %q:\n%s", l, want, gulls)
		}
	}
}

// The tab told as text says what the card warns of, and writes
// percentage points in full, as prose read aloud wants them.
func TestDescriptionSaysCaveatsInFull(t *testing.T) {
	pack := testPack(t)
	tests := []struct {
		tab  model.TabID
		lang model.Lang
		want []string
	}{
		{"services", model.Zh, []string{"规上服务业营业收入增速：昆明1—7月为6.2%。错月指标：9月会议用1—7月。比1—5月高0.5个百分点。"}},
		{"services", model.En, []string{"6.2%, Kunming, Jan–Jul. Lagged month: a September meeting quotes Jan–Jul. 0.5 percentage points above Jan–May."}},
		{"tourism", model.En, []string{"Not like for like with 2024 (east shore only)."}},
	}
	for _, tt := range tests {
		text := report.Description(pack, tt.tab, tt.lang, 9)
		for _, want := range tt.want {
			if !strings.Contains(text, want) {
				t.Errorf("%s %s: no %q in\n%s", tt.tab, tt.lang, want, text)
			}
		}
		if regexp.MustCompile(`\d pp\b`).MatchString(text) {
			t.Errorf("%s %s: pp in prose:\n%s", tt.tab, tt.lang, text)
		}
	}
}
