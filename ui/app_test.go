package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
)

// TestKeysMoveTheScreen presses key sequences from a fresh dashboard on
// the economy tab and checks where they lead.
func TestKeysMoveTheScreen(t *testing.T) {
	cases := []struct {
		name   string
		keys   []string
		want   Position
		search bool
		help   bool
	}{
		{"number jumps to tab", []string{"3"}, Position{model.Services, "services-revenue-growth", false}, false, false},
		{"tab is next", []string{"tab"}, Position{model.Industry, "industry-growth", false}, false, false},
		{"l and right are next", []string{"l", "right"}, Position{model.Services, "services-revenue-growth", false}, false, false},
		{"shift+tab wraps to the last tab", []string{"shift+tab"}, Position{model.Tourism, "gull-season", false}, false, false},
		{"h and left are previous", []string{"5", "h", "left"}, Position{model.Services, "services-revenue-growth", false}, false, false},
		{"down and j move the selection", []string{"down", "j"}, Position{model.Economy, "gdp-contribution", false}, false, false},
		{"up and k move back, stopping at the top", []string{"j", "k", "up", "up"}, Position{model.Economy, "gdp", false}, false, false},
		{"enter opens the detail", []string{"j", "enter"}, Position{model.Economy, "gdp-growth", true}, false, false},
		{"esc closes it", []string{"enter", "esc"}, Position{model.Economy, "gdp", false}, false, false},
		{"n steps to the next indicator", []string{"n"}, Position{model.Economy, "gdp-growth", false}, false, false},
		{"n leaves headline copies for the next tab", []string{"down", "down", "down", "down", "down", "n"}, Position{model.Industry, "industry-growth", false}, false, false},
		{"N from the first wraps to the last", []string{"N"}, Position{model.Tourism, "gull-count", false}, false, false},
		{"n keeps the detail open across tabs", []string{"enter", "n", "n", "n", "n", "n"}, Position{model.Industry, "industry-growth", true}, false, false},
		{"n from an initiative goes to the tab's first indicator", []string{"5", "n"}, Position{model.Tourism, "coffee-festival-visits", false}, false, false},
		{"fast typing arrives as one message", []string{"nnnnn"}, Position{model.Industry, "industry-growth", false}, false, false},
		{"switching tab closes the detail", []string{"enter", "2"}, Position{model.Industry, "industry-growth", false}, false, false},
		{"slash opens search", []string{"/"}, Position{model.Economy, "gdp", false}, true, false},
		{"search by pinyin initials jumps", []string{"/", "spfxsmjzs", "enter"}, Position{model.Property, "housing-sales-growth", false}, false, false},
		{"search by English name", []string{"/", "gull", "down", "enter"}, Position{model.Tourism, "gull-season", false}, false, false},
		{"search by Chinese name", []string{"/", "咖啡", "enter"}, Position{model.Tourism, "coffee-festival-visits", false}, false, false},
		{"esc leaves search where it was", []string{"2", "/", "gdp", "esc"}, Position{model.Industry, "industry-growth", false}, false, false},
		{"keys typed in search are text, not commands", []string{"/", "q2"}, Position{model.Economy, "gdp", false}, true, false},
		{"? shows help", []string{"?"}, Position{model.Economy, "gdp", false}, false, true},
		{"any key closes help and acts", []string{"?", "2"}, Position{model.Industry, "industry-growth", false}, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newApp(t, Options{}, 120, 40)
			press(a, c.keys...)
			if got := a.position(); got != c.want {
				t.Errorf("position = %+v, want %+v", got, c.want)
			}
			if (a.search != nil) != c.search {
				t.Errorf("search open = %v, want %v", a.search != nil, c.search)
			}
			if a.showHelp != c.help {
				t.Errorf("help open = %v, want %v", a.showHelp, c.help)
			}
		})
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		a := newApp(t, Options{}, 80, 24)
		if cmd := press(a, k); cmd == nil || cmd() != tea.Quit() {
			t.Errorf("%s should quit", k)
		}
	}
	a := newApp(t, Options{}, 80, 24)
	if cmd := press(a, "/", "q"); cmd != nil && cmd() == tea.Quit() {
		t.Error("q typed into search should not quit")
	}
}

func TestLanguageSwitch(t *testing.T) {
	a := newApp(t, Options{}, 120, 40)
	if !strings.Contains(a.View(), "经济") {
		t.Fatal("starts in Chinese")
	}
	press(a, "L")
	frame := a.View()
	for _, want := range []string{"Economy", "GDP growth", "0.1 pp above Q1", "? help"} {
		if !strings.Contains(frame, want) {
			t.Errorf("after L, %q missing", want)
		}
	}
	press(a, "enter", "L")
	if !strings.Contains(a.View(), "全部数据") {
		t.Error("an open detail should follow the language switch")
	}
}

func TestAutoplayCyclesTabs(t *testing.T) {
	a := newApp(t, Options{AutoplayEvery: 2e9}, 120, 40)
	cmd := press(a, "p")
	if cmd == nil || !a.autoplay.on {
		t.Fatal("p should start autoplay with a tick")
	}
	if !strings.Contains(a.View(), "自动播放 2s") {
		t.Errorf("footer should count down: %q", lines(a.View())[39])
	}
	gen := a.autoplay.gen
	a.Update(autoplayTick{gen: gen})
	a.Update(autoplayTick{gen: gen})
	if a.active != 1 {
		t.Errorf("after two seconds of 2, tab = %d, want 1", a.active)
	}
	a.Update(autoplayTick{gen: gen - 1}) // a tick from an earlier run
	press(a, "p")
	a.Update(autoplayTick{gen: gen})
	a.Update(autoplayTick{gen: gen})
	if a.autoplay.on || a.active != 1 {
		t.Errorf("p stops autoplay; stale ticks change nothing (tab %d)", a.active)
	}
	press(a, "p", "3")
	if a.autoplay.on {
		t.Error("a navigation key stops autoplay")
	}
}

func TestMouse(t *testing.T) {
	a := newApp(t, Options{}, 120, 40)
	span := a.tabSpans[3]
	a.Update(tea.MouseMsg{X: span[0] + 1, Y: 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if a.active != 3 {
		t.Fatalf("click on the fourth tab label: active = %d", a.active)
	}
	r := a.tabs[3].rects[1]
	a.Update(tea.MouseMsg{X: r.x + 2, Y: chromeRows - 1 + r.y + 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if got := a.position().Item; got != "housing-sales-growth" {
		t.Errorf("click on the second card selected %q", got)
	}
	a.Update(tea.MouseMsg{X: 5, Y: 30, Action: tea.MouseActionMotion, Button: tea.MouseButtonNone})
	if a.active != 3 || a.position().Item != "housing-sales-growth" {
		t.Error("motion without a click changes nothing")
	}
}

func TestScrollHint(t *testing.T) {
	a := newApp(t, Options{}, 80, 24)
	if !strings.Contains(lines(a.View())[23], "下方还有") {
		t.Error("at 80×24 the economy body goes on below; the footer should say so")
	}
	press(a, "pgdown", "pgdown", "pgdown", "pgdown")
	if strings.Contains(lines(a.View())[23], "下方还有") {
		t.Error("at the bottom the hint should go")
	}
}
