package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

// TestChartsNamedOnFirstScreen checks that every line chart whose title
// is on the first screen names each of its lines there too, by the
// marker its points are drawn with: in the key under a narrow window's
// title, or in the legend beside a wide window's chart. Without it two
// or three lines of ● ◆ ■ read as nothing when colour is off.
func TestChartsNamedOnFirstScreen(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	sizes := [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 40}}
	checked := 0
	for _, tab := range pack.Tabs {
		for _, lang := range model.Langs {
			for _, ascii := range []bool{false, true} {
				for _, size := range sizes {
					a := newApp(t, Options{Tab: tab.ID, Lang: lang, Look: Look{ASCII: ascii}}, size[0], size[1])
					frame := ansi.Strip(a.View())
					for _, ch := range tab.Charts {
						lc := a.ctx.lineChart(ch)
						if !strings.Contains(frame, strings.SplitN(lc.title, " ", 2)[0]) {
							continue
						}
						checked++
						for _, s := range lc.series {
							// The marker, the stroke around it in a legend
							// sample, then the start of the name.
							name := strings.Fields(s.label)[0]
							re := regexp.MustCompile(regexp.QuoteMeta(a.ctx.Theme.Glyphs.marker(s.style)) + `\S{0,2} +` + regexp.QuoteMeta(name))
							if !re.MatchString(frame) {
								t.Errorf("%s %s %dx%d ascii=%v: chart %s has no %q for its line %q on the first screen",
									tab.ID, lang, size[0], size[1], ascii, ch.ID, a.ctx.Theme.Glyphs.marker(s.style)+" "+name, s.label)
							}
						}
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no chart title found on any first screen")
	}
}
