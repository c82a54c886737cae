package ui

import (
	"strings"
	"testing"

	"github.com/kmdash/kmdash/data"
)

// A pack that declares a sixth tab gets a sixth digit key, a sixth label,
// review and search that reach it, and its chart, with no code of its own.
func TestSixthTabNavigates(t *testing.T) {
	t.Parallel()
	pack, err := data.LoadFile("../testdata/sixth-tab.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		keys []string
		want Position
	}{
		{"6 jumps to it", []string{"6"}, Position{"investment", "test-investment-growth", false}},
		{"7 is no tab", []string{"7"}, Position{"economy", "gdp-growth", false}},
		{"shift+tab from the first comes round to it", []string{"shift+tab"}, Position{"investment", "test-investment-growth", false}},
		{"tab from it comes round to the first", []string{"6", "tab"}, Position{"economy", "gdp-growth", false}},
		{"j moves on its cards", []string{"6", "j"}, Position{"investment", "test-investment-projects", false}},
		{"n reaches it in review order", []string{"5", "n"}, Position{"investment", "test-investment-growth", false}},
		{"search finds its indicators", []string{"/", "xkgxm", "enter"}, Position{"investment", "test-investment-projects", false}},
		{"its detail opens", []string{"6", "enter"}, Position{"investment", "test-investment-growth", true}},
	}
	for _, tt := range tests {
		a := newApp(t, Options{Pack: pack}, 120, 40)
		press(a, tt.keys...)
		if got := a.position(); got != tt.want {
			t.Errorf("%s: at %+v, want %+v", tt.name, got, tt.want)
		}
	}
	a := newApp(t, Options{Pack: pack}, 120, 40)
	frame := a.View()
	if !strings.Contains(lines(frame)[1], "6 投资（测试）") || !strings.Contains(frame, "1-6 切换栏目") {
		t.Errorf("the tab bar and the footer should offer six tabs:\n%s", frame)
	}
	press(a, "6")
	if p := readPlots(a.View()); len(p) != 1 {
		t.Errorf("the sixth tab should open on its chart:\n%s", a.View())
	}
	press(a, "?")
	if !strings.Contains(a.View(), "1-6") {
		t.Errorf("help should name the six digit keys:\n%s", a.View())
	}
}
