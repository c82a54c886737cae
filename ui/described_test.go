package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// TestDescribedView: D shows the current tab as text, as `kmdash
// describe` tells it, with no box to read out; it scrolls; the tab keys
// and L change what it tells; D, esc and q close it, q without quitting.
func TestDescribedView(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	a := newApp(t, Options{}, 100, 30)
	press(a, "D")
	frame := a.View()
	if !strings.Contains(frame, "经济栏目的文字说明") || !strings.Contains(frame, "地区生产总值：昆明上半年为4294.78亿元。") {
		t.Fatalf("D should show the economy tab as text:\n%s", frame)
	}
	for _, l := range lines(frame)[chromeRows-1 : len(lines(frame))-1] {
		if strings.ContainsAny(l, "│╭╰┃━") {
			t.Errorf("the text view draws a box: %q", l)
		}
	}
	text := report.Description(pack, "economy", model.Zh, int(clock.Month()))
	last := strings.Split(text, "\n")
	tailLine := last[len(last)-1]
	if strings.Contains(frame, tailLine) {
		t.Fatalf("the test wants a description longer than the screen")
	}
	press(a, "pgdown", "pgdown", "pgdown", "pgdown")
	if !strings.Contains(a.View(), tailLine[:min(len(tailLine), 30)]) {
		t.Errorf("page down should reach the sources at the end:\n%s", a.View())
	}
	press(a, "4")
	if f := a.View(); !strings.Contains(f, "房地产栏目的文字说明") || !strings.Contains(f, "商品房销售面积：昆明1—8月为382.9万平方米。") {
		t.Errorf("4 should tell the property tab, from its top:\n%s", f)
	}
	press(a, "L")
	if f := a.View(); !strings.Contains(f, "The Property tab as text") {
		t.Errorf("L should tell it in English:\n%s", f)
	}
	press(a, "esc")
	for _, closer := range []string{"D", "esc", "q"} {
		press(a, "D")
		if !strings.Contains(a.View(), "tab as text") {
			t.Fatalf("D should open the text view:\n%s", a.View())
		}
		_, cmd := a.Update(keyMsg(closer))
		if strings.Contains(a.View(), "tab as text") || !strings.Contains(a.View(), "[4 Property]") {
			t.Errorf("%s should close the text view:\n%s", closer, a.View())
		}
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Errorf("%s in the text view should close it, not quit", closer)
			}
		}
	}
}

// TestDescribedViewFollows: a viewer reading the tab as text while
// following hears the presenter's tab, and the frame is its own.
func TestDescribedViewFollows(t *testing.T) {
	t.Parallel()
	frames := NewFrames(16)
	v := newApp(t, Options{Role: Viewer, Frames: frames, Lead: &Position{Tab: "economy"}}, 100, 30)
	press(v, "D")
	v.Update(LeadMsg{Tab: "tourism"})
	if f := v.View(); !strings.Contains(f, "文旅栏目的文字说明") || !strings.Contains(f, "观鸥季") {
		t.Errorf("the text should follow the presenter to tourism:\n%s", f)
	}
	if v.FrameID() != 0 {
		t.Errorf("a frame with the text view open is not one to share")
	}
}
