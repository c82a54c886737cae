package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// The chart place follows the reader: the selected card's chart, or its
// bars, else the tab's growth chart; an initiative's calendar. It is on
// the first screen whatever the size.
func TestChartFollowsSelection(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tab, item string
		want      string // the drawing in the chart place
		title     string // its title, in Chinese
	}{
		{"economy", "gdp", "chart gdp-growth-2025", "地区生产总值累计增速"},
		{"economy", "gdp-growth", "chart gdp-growth-2025", "地区生产总值累计增速"},
		{"economy", "gdp-contribution", "bars gdp-contribution-bars", "对全省经济增长贡献率"},
		{"economy", "industry-growth", "chart industry-growth-2025", "规上工业增加值累计增速"}, // another tab's chart
		{"industry", "industry-contribution", "bars industry-contribution-bars", "对全省规上工业增速贡献率"},
		{"property", "land-parcels-sold", "chart housing-growth-2025", "商品房销售面积累计增速"}, // no drawing of its own
		{"tourism", "gull-season", "calendar", "全年时令"},
		{"tourism", "coffee-festival-visits", "bars coffee-bars", "咖啡节游客量"},
		{"tourism", "gull-count", "calendar", "全年时令"},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
			a := newApp(t, Options{Tab: "economy", Renderer: renderer(termenv.Ascii)}, size[0], size[1])
			a.moveTo(Position{Tab: model.TabID(tt.tab), Item: tt.item})
			a.Update(resize(size[0], size[1]))
			tb := a.tabs[a.active]
			if got := tb.focus(a.ctx.Pack).key(); got != tt.want {
				t.Errorf("%s/%s: the chart place shows %q, want %q", tt.tab, tt.item, got, tt.want)
			}
			if !strings.Contains(a.View(), tt.title) {
				t.Errorf("%s/%s at %dx%d: %q not on the first screen:\n%s", tt.tab, tt.item, size[0], size[1], tt.title, a.View())
			}
		}
	}
}
