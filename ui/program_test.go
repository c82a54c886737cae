package ui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

// TestProgramDrivenByKeys runs the dashboard as a real bubbletea program
// and reads what it writes to the terminal after each key. The renderer
// only repaints lines that change, so each step looks for text the step
// itself brings onto the screen.
func TestProgramDrivenByKeys(t *testing.T) {
	t.Parallel()
	app := New(Options{Pack: testPack(t), Now: clock, Renderer: renderer(termenv.Ascii)})
	tm := teatest.NewTestModel(t, app, teatest.WithInitialTermSize(120, 40))
	out := tm.Output()
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, out, func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	steps := []struct {
		send tea.Msg
		see  string
	}{
		{nil, "4294.78亿元"},
		{keyMsg("2"), "对全省规上工业增速贡献率"},
		{keyMsg("tab"), "实现正增长的重点行业"},
		{keyMsg("shift+tab"), "[2 工业]"},
		{keyMsg("j"), "比上半年高7.3个百分点"},
		{keyMsg("enter"), "上半年 41.3% = 1—8月 48.6% − 7.3个百分点"},
		{keyMsg("n"), "[3 服务业]"},
		{keyMsg("esc"), "▲ 比1—5月高0.5个百分点"},
		{keyMsg("?"), "按键说明"},
		{keyMsg("esc"), "实现正增长的重点行业"},
		{keyMsg("L"), "[3 Services]"},
		{keyMsg("/"), "Search:"},
		{keyMsg("coffee"), "Coffee festival visits"},
		{keyMsg("enter"), "[5 Tourism]"},
		{resize(30, 8), "60×20"},
		{resize(120, 40), "[5 Tourism]"},
	}
	for i, s := range steps {
		t.Logf("step %d: expect %q", i, s.see)
		if s.send != nil {
			tm.Send(s.send)
		}
		waitFor(s.see)
	}
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(*App)
	if got := final.position(); got.Tab != "tourism" || got.Item != "coffee-festival-visits" {
		t.Errorf("final position %+v", got)
	}
}
