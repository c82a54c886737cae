package ui

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
)

// TestKeysMoveTheScreen presses key sequences from a fresh dashboard on
// the economy tab and checks where they lead.
func TestKeysMoveTheScreen(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		keys   []string
		want   Position
		search bool
		help   bool
	}{
		{"number jumps to tab", []string{"3"}, Position{"services", "services-revenue-growth", false}, false, false},
		{"tab is next", []string{"tab"}, Position{"industry", "industry-growth", false}, false, false},
		{"l and right are next", []string{"l", "right"}, Position{"services", "services-revenue-growth", false}, false, false},
		{"shift+tab wraps to the last tab", []string{"shift+tab"}, Position{"tourism", "gull-season", false}, false, false},
		{"h and left are previous", []string{"5", "h", "left"}, Position{"services", "services-revenue-growth", false}, false, false},
		{"down and j move the selection", []string{"down", "j"}, Position{"economy", "gdp-contribution", false}, false, false},
		{"up and k move back, stopping at the top", []string{"j", "k", "up", "up"}, Position{"economy", "gdp", false}, false, false},
		{"enter opens the detail", []string{"j", "enter"}, Position{"economy", "gdp-growth", true}, false, false},
		{"esc closes it", []string{"enter", "esc"}, Position{"economy", "gdp", false}, false, false},
		{"n steps to the next indicator", []string{"n"}, Position{"economy", "gdp-growth", false}, false, false},
		{"n leaves headline copies for the next tab", []string{"down", "down", "down", "down", "down", "n"}, Position{"industry", "industry-growth", false}, false, false},
		{"N from the first wraps to the last", []string{"N"}, Position{"tourism", "gull-count", false}, false, false},
		{"n keeps the detail open across tabs", []string{"enter", "n", "n", "n", "n", "n"}, Position{"industry", "industry-growth", true}, false, false},
		{"n from an initiative goes to the tab's first indicator", []string{"5", "n"}, Position{"tourism", "coffee-festival-visits", false}, false, false},
		{"fast typing arrives as one message", []string{"nnnnn"}, Position{"industry", "industry-growth", false}, false, false},
		{"switching tab closes the detail", []string{"enter", "2"}, Position{"industry", "industry-growth", false}, false, false},
		{"slash opens search", []string{"/"}, Position{"economy", "gdp", false}, true, false},
		{"search by pinyin initials jumps", []string{"/", "spfxsmjzs", "enter"}, Position{"property", "housing-sales-growth", false}, false, false},
		{"search by English name", []string{"/", "gull", "down", "enter"}, Position{"tourism", "gull-season", false}, false, false},
		{"search by Chinese name", []string{"/", "咖啡", "enter"}, Position{"tourism", "coffee-festival-visits", false}, false, false},
		{"esc leaves search where it was", []string{"2", "/", "gdp", "esc"}, Position{"industry", "industry-growth", false}, false, false},
		{"keys typed in search are text, not commands", []string{"/", "q2"}, Position{"economy", "gdp", false}, true, false},
		{"? shows help", []string{"?"}, Position{"economy", "gdp", false}, false, true},
		{"any key closes help and acts", []string{"?", "2"}, Position{"industry", "industry-growth", false}, false, false},
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
	t.Parallel()
	// A key that quits returns tea.Quit itself. The command is compared,
	// not run: a key typed into search returns the cursor's blink, which
	// would wait half a second to say it is not a quit.
	quits := func(cmd tea.Cmd) bool {
		return cmd != nil && reflect.ValueOf(cmd).Pointer() == reflect.ValueOf(tea.Quit).Pointer()
	}
	tests := []struct {
		name         string
		keys         []string
		quit         bool
		help, detail bool // still open after the keys
	}{
		{"q quits from the main screen", []string{"q"}, true, false, false},
		{"ctrl+c quits", []string{"ctrl+c"}, true, false, false},
		{"q closes the help first", []string{"?", "q"}, false, false, false},
		{"then quits", []string{"?", "q", "q"}, true, false, false},
		{"q closes the detail first", []string{"enter", "q"}, false, false, false},
		{"q closes the help over a detail, then the detail", []string{"enter", "?", "q", "q"}, false, false, false},
		{"ctrl+c quits from the help", []string{"?", "ctrl+c"}, true, true, false},
		{"ctrl+c quits from a detail", []string{"enter", "ctrl+c"}, true, false, true},
		{"ctrl+c quits from search", []string{"/", "ctrl+c"}, true, false, false},
		{"q typed into search is text", []string{"/", "q"}, false, false, false},
	}
	for _, tt := range tests {
		a := newApp(t, Options{}, 80, 24)
		if got := quits(press(a, tt.keys...)); got != tt.quit {
			t.Errorf("%s: quit = %v, want %v", tt.name, got, tt.quit)
		}
		if a.showHelp != tt.help || (a.detail != nil) != tt.detail {
			t.Errorf("%s: help %v, detail %v; want %v, %v", tt.name, a.showHelp, a.detail != nil, tt.help, tt.detail)
		}
	}
	a := newApp(t, Options{}, 80, 24)
	press(a, "/", "q")
	if a.search == nil || a.search.input.Value() != "q" {
		t.Error("q in search should be typed into the query")
	}
}

// n and N say where they are in the review order, and when they come
// round past its end; any other key clears that.
func TestReviewPositionShown(t *testing.T) {
	a := newApp(t, Options{Lang: model.En}, 120, 40)
	total := len(a.ctx.Pack.ReviewOrder())
	footer := func() string { return lines(a.View())[39] }
	press(a, "n")
	if want := fmt.Sprintf("indicator 2/%d", total); !strings.Contains(footer(), want) {
		t.Errorf("after n: footer %q lacks %q", footer(), want)
	}
	press(a, "N", "N")
	if want := fmt.Sprintf("indicator %d/%d · back to the last", total, total); !strings.Contains(footer(), want) {
		t.Errorf("after N past the first: footer %q lacks %q", footer(), want)
	}
	press(a, "n")
	if want := fmt.Sprintf("indicator 1/%d · back to the first", total); !strings.Contains(footer(), want) {
		t.Errorf("after n past the last: footer %q lacks %q", footer(), want)
	}
	press(a, "j")
	if strings.Contains(footer(), "indicator") {
		t.Errorf("another key should clear the position: %q", footer())
	}
}

func TestLanguageSwitch(t *testing.T) {
	a := newApp(t, Options{}, 120, 40)
	if !strings.Contains(a.View(), "经济") {
		t.Fatal("starts in Chinese")
	}
	press(a, "L")
	frame := a.View()
	for _, want := range []string{"Economy", "GDP growth", "0.1 percentage points above Q1", "? help"} {
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
	if !strings.Contains(a.View(), "自动播放 2秒") {
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

// Autoplay waits while help, a detail or search is open, and says so.
func TestAutoplayPausesUnderOverlays(t *testing.T) {
	t.Parallel()
	for _, open := range [][]string{{"?"}, {"enter"}, {"/"}} {
		a := newApp(t, Options{AutoplayEvery: 2e9}, 120, 40)
		press(a, "p")
		press(a, open...)
		gen := a.autoplay.gen
		for range 5 {
			a.Update(autoplayTick{gen: gen})
		}
		if a.active != 0 || !a.autoplay.on || !strings.Contains(lines(a.View())[39], "自动播放暂停") {
			t.Errorf("under %v: tab %d, autoplay %v, footer %q (want tab 0, paused)", open, a.active, a.autoplay.on, lines(a.View())[39])
		}
		press(a, "esc")
		a.Update(autoplayTick{gen: gen})
		a.Update(autoplayTick{gen: gen})
		if a.active != 1 {
			t.Errorf("after closing %v autoplay should go on: tab %d", open, a.active)
		}
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
	click := tea.MouseMsg{X: r.x + 2, Y: chromeRows - 1 + r.y + 1, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft}
	a.Update(click)
	if got := a.position(); got.Item != "housing-sales-growth" || got.Detail {
		t.Errorf("click on the second card: %+v, want it selected, closed", got)
	}
	a.Update(click)
	if got := a.position(); got.Item != "housing-sales-growth" || !got.Detail {
		t.Errorf("second click on the card: %+v, want its detail open", got)
	}
	press(a, "esc")
	// A click on an item that the keyboard selected is a first click.
	press(a, "k", "j")
	a.Update(click)
	if a.detail != nil {
		t.Error("one click after keys should select, not open")
	}
	press(a, "esc")
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
