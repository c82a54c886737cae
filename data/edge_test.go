package data

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// minimalLines is testdata/minimal.yaml split into its lines (line n is
// minimalLines[n-1]), which the cases below edit one at a time.
func minimalLines(t testing.TB) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(string(readFixture(t, "minimal.yaml")), "\n"), "\n")
}

// replace is minimal.yaml with line n (1-based) replaced by text, which
// may hold several lines.
func replace(n int, text string) func(t testing.TB) []byte {
	return func(t testing.TB) []byte {
		lines := minimalLines(t)
		if n < 1 || n > len(lines) {
			t.Fatalf("minimal.yaml has no line %d", n)
		}
		lines[n-1] = text
		return []byte(strings.Join(lines, "\n") + "\n")
	}
}

// minimalTabs is how many lines at the end of minimal.yaml declare its tabs.
const minimalTabs = 2

// extend is minimal.yaml with text added at the end of its indicators,
// before its tabs, so that the text starts on line 30.
func extend(text string) func(t testing.TB) []byte {
	return func(t testing.TB) []byte {
		lines := minimalLines(t)
		at := len(lines) - minimalTabs
		return []byte(strings.Join(lines[:at], "\n") + "\n" + text + strings.Join(lines[at:], "\n") + "\n")
	}
}

// extendTabs is extend with minimal.yaml's tabs replaced by tabs.
func extendTabs(text, tabs string) func(t testing.TB) []byte {
	return func(t testing.TB) []byte {
		lines := minimalLines(t)
		return []byte(strings.Join(lines[:len(lines)-minimalTabs], "\n") + "\n" + text + tabs)
	}
}

func raw(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }

// edgeCases are the packs the "Hardening" issue names, each with the exact
// lines kmdash answers with. A nil want means the pack loads.
var edgeCases = []struct {
	name  string
	input func(t testing.TB) []byte
	want  []string
}{
	// Duplicate ids, reported at the second use.
	{"duplicate region id", replace(8, "  - {id: kunming, zh: 昆明市}"),
		[]string{`edge.yaml:8:10: duplicate region id "kunming"`}},
	{"duplicate source id", replace(12, "    date: 2025-09-23\n  - {id: kmrb-2025-09-23, title: 昆明日报, date: 2025-09-24}"),
		[]string{`edge.yaml:13:10: duplicate source id "kmrb-2025-09-23"`}},
	{"duplicate indicator id", extend(`  - id: gdp-growth
    tab: economy
    name: {zh: 重复}
    unit: "%"
    measure: yoy
    observations:
      - {region: kunming, period: 2025-01/2025-09, value: 4.5, source: kmrb-2025-09-23}
`), []string{`edge.yaml:30:9: duplicate indicator id "gdp-growth"`}},
	{"duplicate initiative id", extendTabs(`initiatives:
  - {id: gull-season, name: 观鸥季, what: 看海鸥, season: 冬, months: [11, 12]}
  - {id: gull-season, name: 观鸥季, what: 看海鸥, season: 冬, months: [1, 2]}
`, `tabs:
  - {id: economy, name: 经济, cards: [gdp-growth], initiatives: [gull-season]}
`), []string{`edge.yaml:32:10: duplicate initiative id "gull-season"`}},
	{"initiative id taken by an indicator", extendTabs(`initiatives:
  - {id: gdp-growth, name: 观鸥季, what: 看海鸥, season: 冬, months: [11, 12]}
`, `tabs:
  - {id: economy, name: 经济, cards: [gdp-growth], initiatives: [gdp-growth]}
`), []string{`edge.yaml:31:10: initiative id "gdp-growth" is already an indicator's id`}},
	{"initiative on no tab", extend(`initiatives:
  - {id: gull-season, name: 观鸥季, what: 看海鸥, season: 冬, months: [11, 12]}
`), []string{`edge.yaml:31:10: initiative "gull-season" is on no tab; list it in a tab's initiatives`}},
	{"duplicate chart id", extendTabs("", `tabs:
  - id: economy
    name: 经济
    cards: [gdp-growth]
    charts:
      - {id: growth, title: 增速, series: [{indicator: gdp-growth, region: kunming}]}
      - {id: growth, title: 增速, series: [{indicator: gdp-growth, region: yunnan}]}
`), []string{`edge.yaml:36:14: duplicate chart id "growth"`}},

	// Tabs: what they name must exist, and the number keys reach them all.
	{"unknown indicator on a tab", extendTabs("", `tabs:
  - {id: economy, name: 经济, cards: [gdp-growth, gdp-grwth]}
`), []string{`edge.yaml:31:49: unknown indicator "gdp-grwth"`}},
	{"indicator whose home tab is missing", extendTabs("", `tabs:
  - {id: overview, name: 概览, cards: [gdp-growth]}
`), []string{`edge.yaml:15:10: tab "economy" is not one of the pack's tabs (overview)`}},
	{"a tenth tab", extendTabs("", "tabs:\n  - {id: economy, name: 经济, cards: [gdp-growth]}\n"+
		strings.Repeat("  - {id: more, name: 更多, cards: [gdp-growth]}\n", 9)), []string{
		`edge.yaml:33:10: duplicate tab id "more"`,
		`edge.yaml:34:10: duplicate tab id "more"`,
		`edge.yaml:35:10: duplicate tab id "more"`,
		`edge.yaml:36:10: duplicate tab id "more"`,
		`edge.yaml:37:10: duplicate tab id "more"`,
		`edge.yaml:38:10: duplicate tab id "more"`,
		`edge.yaml:39:10: duplicate tab id "more"`,
		`edge.yaml:40:5: a pack has at most 9 tabs, one for each digit key; this is the 10th`,
		`edge.yaml:40:10: duplicate tab id "more"`,
	}},
	{"unknown key in a tab", extendTabs("", `tabs:
  - {id: economy, name: 经济, cards: [gdp-growth], chart: growth}
`), []string{`edge.yaml:31:50: unknown key "chart" in a tab (allowed: id, name, cards, initiatives, calendar, charts, bars)`}},

	// Unknown regions, wherever a region is named.
	{"unknown region in an observation", replace(24, "      - region: kunmig"),
		[]string{`edge.yaml:24:17: unknown region "kunmig" (the pack lists kunming, yunnan)`}},
	{"unknown region in a derivation", replace(28, "        from: {region: kunmig, period: 2025-01/2025-06}"),
		[]string{`edge.yaml:28:15: no figure for gdp-growth kunmig 2025-01/2025-06 to derive from`}},
	{"unknown region in a chart", extendTabs("", `tabs:
  - id: economy
    name: 经济
    cards: [gdp-growth]
    charts:
      - {id: growth, title: 增速, series: [{indicator: gdp-growth, region: shanghai}]}
`), []string{`edge.yaml:35:74: unknown region "shanghai"`}},
	{"region id holding a line break", replace(24, `      - region: "kun\nming"`),
		[]string{`edge.yaml:24:17: region holds a line break; write it on one line (a folded > block joins lines with spaces)`}},

	// Derived figures.
	{"formula that does not reproduce the value", replace(26, "        value: 4.2"),
		[]string{`edge.yaml:27:18: formula 4.4 - 0.1 gives 4.3, not the value 4.2`}},
	{"formula that starts from another figure", replace(27, "        formula: 4.5 - 0.2"),
		[]string{`edge.yaml:27:18: formula starts at 4.5 but the figure it starts from is 4.4`}},
	{"formula without from", replace(28, ""),
		[]string{`edge.yaml:27:18: a formula needs from: the stated figure it starts at`}},

	// Periods out of order.
	{"period that ends before it starts", replace(25, "        period: 2025-06/2025-01"),
		[]string{`edge.yaml:25:17: period "2025-06/2025-01" ends before it starts`}},
	{"reversed period in from", replace(28, "        from: {region: kunming, period: 2025-06/2025-01}"),
		[]string{`edge.yaml:28:41: period "2025-06/2025-01" ends before it starts`}},
	{"observations listed latest first", func(t testing.TB) []byte {
		lines := minimalLines(t)
		obs := append(append([]string{}, lines[23:29]...), lines[19:23]...)
		return []byte(strings.Join(append(append(lines[:19], obs...), lines[29:]...), "\n") + "\n")
	}, nil},

	// Units.
	{"rate without a unit", replace(17, ""),
		[]string{`edge.yaml:14:5: indicator "gdp-growth" needs a unit, such as % or 亿元 (only a count may go without)`}},
	{"empty unit", replace(17, "    unit:"),
		[]string{`edge.yaml:17:10: unit is empty`}},
	{"count without a unit", extendTabs(`  - id: key-industries
    tab: services
    name: {zh: 正增长重点行业, en: Key industries growing}
    measure: count
    observations:
      - {region: kunming, period: 2025-01/2025-07, value: 10, source: kmrb-2025-09-23}
`, `tabs:
  - {id: economy, name: 经济, cards: [gdp-growth]}
  - {id: services, name: 服务业, cards: [key-industries]}
`), nil},

	// Values a terminal would act on, or that no screen can lay out.
	{"escape sequence in a value", replace(11, `    title: "昆明日报\e[2J"`),
		[]string{`edge.yaml:11:12: source title holds the control character 0x1b; a pack's text may hold none`}},
	{"C1 control in a value", replace(11, `    title: "昆明日报\u009b"`),
		[]string{`edge.yaml:11:12: source title holds the control character U+009B; a pack's text may hold none`}},
	{"tab in a value", replace(11, `    title: "昆明\t日报"`),
		[]string{`edge.yaml:11:12: source title holds a tab; use spaces`}},
	{"literal block with two lines", replace(11, "    title: |\n      昆明\n      日报"),
		[]string{`edge.yaml:11:12: source title holds a line break; write it on one line (a folded > block joins lines with spaces)`}},
	{"folded block", replace(11, "    title: >-\n      昆明\n      日报"), nil},
	{"value of 1001 characters", replace(11, "    title: "+strings.Repeat("报", 1001)),
		[]string{`edge.yaml:11:12: source title is 1001 characters long; a value may have at most 1000`}},
	{"figure with 21 digits", replace(22, "        value: 123456789012345678901"),
		[]string{`edge.yaml:22:16: value: "123456789012345678901" has 21 digits; a figure may have at most 20`}},
	{"long unknown id is cut in the message", replace(24, "      - region: "+strings.Repeat("x", 500)),
		[]string{`edge.yaml:24:17: unknown region "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (the pack lists kunming, yunnan)`}},

	// Found by FuzzLoad (testdata/fuzz/FuzzLoad/7757eed1849a16ed): the
	// parser placed an empty value that ends the file at column 7 of a
	// 5-character line.
	{"empty value at the end of the file", raw("date:"), []string{
		`edge.yaml:1:1: the pack is missing "pack"`,
		`edge.yaml:1:1: the pack is missing "title"`,
		`edge.yaml:1:1: the pack is missing "regions"`,
		`edge.yaml:1:1: the pack is missing "sources"`,
		`edge.yaml:1:1: the pack is missing "indicators"`,
		`edge.yaml:1:1: the pack is missing "tabs"`,
		`edge.yaml:1:6: date is empty`,
	}},
	{"empty value at the end of a line", replace(5, "date:"), []string{`edge.yaml:5:6: date is empty`}},

	// The parser's own messages repeat what the file says; cut to length.
	{"parser message quoting a long key", raw(strings.Repeat("k", 500) + ": 1\n" + strings.Repeat("k", 500) + ": 2\n"),
		[]string{`edge.yaml:2:1: YAML syntax: mapping key "` + strings.Repeat("k", 300-len(`YAML syntax: mapping key "`)) + "…"}},

	// Encodings and line ends.
	{"byte order mark", func(t testing.TB) []byte { return append([]byte("\xef\xbb\xbf"), readFixture(t, "minimal.yaml")...) }, nil},
	{"byte order mark before a bad byte", raw("\xef\xbb\xbfpack: \xff"),
		[]string{`edge.yaml:1:7: not UTF-8 text (byte 0xff): is this a binary file?`}},
	{"Latin-1 after Chinese", replace(11, "    title: 昆明日报 caf\xe9"),
		[]string{`edge.yaml:11:20: not UTF-8 text (byte 0xe9): is this a binary file?`}},
	{"UTF-16", raw("\xff\xfep\x00a\x00c\x00k\x00"), []string{`edge.yaml:1:1: the pack is UTF-16 text; save it as UTF-8`}},
	{"lone CR line ends", func(t testing.TB) []byte {
		return bytes.ReplaceAll(replace(25, "        period: 2025-06/2025-01")(t), []byte("\n"), []byte("\r"))
	}, []string{`edge.yaml:25:17: period "2025-06/2025-01" ends before it starts`}},
	{"mixed CRLF and lone CR", func(t testing.TB) []byte {
		b := replace(25, "        period: 2025-06/2025-01")(t)
		return bytes.Replace(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")), []byte("\r\n"), []byte("\r"), 5)
	}, []string{`edge.yaml:25:17: period "2025-06/2025-01" ends before it starts`}},

	// YAML features a pack refuses: what the file shows is what is read.
	{"anchor and alias", replace(29, "        source: *src"),
		[]string{`edge.yaml:29:17: anchors and aliases (&name, *name) are not supported; write the value out`}},
	{"tag", replace(22, "        value: !!float 4.4"),
		[]string{`edge.yaml:22:16: tags such as !!str are not supported`}},
	{"merge key", replace(29, "        <<: {source: kmrb-2025-09-23}"),
		[]string{`edge.yaml:29:9: merge keys (<<) are not supported`}},

	// Sizes and shapes that would keep the parser busy for minutes.
	{"more than 100 keys in one mapping", func(t testing.TB) []byte {
		var b strings.Builder
		for i := range 101 {
			fmt.Fprintf(&b, "k%d: x\n", i)
		}
		return []byte(b.String())
	}, []string{`edge.yaml:101:1: more than 100 keys in one mapping; a pack's mappings have a dozen at most`}},
	{"more than 8 documents", raw(strings.Repeat("---\npack: x\n", 9)),
		[]string{`edge.yaml:17:1: a pack is one YAML document; this file has more than 8 --- or ... lines`}},
	{"flow nesting 65 deep", raw("pack: " + strings.Repeat("[", 65) + strings.Repeat("]", 65)),
		[]string{`edge.yaml:1:70: nested more than 64 deep; a pack needs fewer than 10 levels`}},
	{"block nesting 65 deep on one line", raw(strings.Repeat("- ", 65) + "x"),
		[]string{`edge.yaml:1:129: nested more than 64 deep; a pack needs fewer than 10 levels`}},
	{"block nesting 65 deep by indentation", func(t testing.TB) []byte {
		var b strings.Builder
		for i := range 65 {
			b.WriteString(strings.Repeat(" ", i) + "a:\n")
		}
		return []byte(b.String())
	}, []string{`edge.yaml:65:65: nested more than 64 deep; a pack needs fewer than 10 levels`}},
	{"nesting 64 deep is answered by the reader", raw("pack: " + strings.Repeat("[", 63) + strings.Repeat("]", 63)),
		[]string{
			`edge.yaml:1:1: the pack is missing "title"`,
			`edge.yaml:1:1: the pack is missing "date"`,
			`edge.yaml:1:1: the pack is missing "regions"`,
			`edge.yaml:1:1: the pack is missing "sources"`,
			`edge.yaml:1:1: the pack is missing "indicators"`,
			`edge.yaml:1:1: the pack is missing "tabs"`,
			`edge.yaml:1:7: pack must be a single value, not a list`,
		}},
}

func TestLoadEdgeCases(t *testing.T) {
	for _, tt := range edgeCases {
		t.Run(tt.name, func(t *testing.T) {
			pack, err := Load("edge.yaml", tt.input(t))
			if tt.want == nil {
				if err != nil {
					t.Fatalf("want the pack to load, got:\n%v", err)
				}
				if pack == nil {
					t.Fatal("no error and no pack")
				}
				return
			}
			if err == nil {
				t.Fatalf("loaded; want:\n%s", strings.Join(tt.want, "\n"))
			}
			if got := checkProblemText(t, err); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", err, strings.Join(tt.want, "\n"))
			}
		})
	}
}
