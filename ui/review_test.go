package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/data/review"
	"github.com/kmdash/kmdash/model"
)

// countingLog is a review log in memory that counts its calls, and
// fails while fail is set.
type countingLog struct {
	mu      sync.Mutex
	entries []model.ReviewEntry
	calls   int
	fail    error
}

func (l *countingLog) Append(es ...model.ReviewEntry) ([]model.ReviewEntry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	if l.fail != nil {
		return nil, l.fail
	}
	var kept []model.ReviewEntry
	for _, e := range es {
		e.Seq = uint64(len(l.entries) + 1)
		e.Time = clock.Add(time.Duration(e.Seq) * time.Minute)
		l.entries = append(l.entries, e)
		kept = append(kept, e)
	}
	return kept, nil
}

func (l *countingLog) Entries(pack string) ([]model.ReviewEntry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	return append([]model.ReviewEntry(nil), l.entries...), l.fail
}

func (l *countingLog) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.calls
}

// settle runs what a key asked of the store, as bubbletea would, and
// hands the answers back to the dashboard.
func settle(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			settle(a, c)
		}
	case reviewOpened, reviewKept:
		_, next := a.Update(msg)
		settle(a, next)
	}
}

// act presses keys one by one and settles each key's command.
func act(a *App, keys ...string) {
	for _, k := range keys {
		_, cmd := a.Update(keyMsg(k))
		settle(a, cmd)
	}
}

func plainFooter(a *App) string {
	ls := lines(ansi.Strip(a.View()))
	return ls[len(ls)-1]
}

// A review held in a real store from start to end: r goes to the first
// indicator and shows the progress; m and ! put marks on and take them
// off; e keeps a note with its time and author; n moves on. The cards
// and the detail show it all, the store keeps it all.
func TestReviewSession(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "review.db")
	store := review.New(path, review.Options{})
	a := newApp(t, Options{Review: store, Author: "张三"}, 120, 40)
	press(a, "3") // somewhere else first: r goes to the start of the order

	act(a, "r")
	if got := a.position(); got.Tab != "economy" || got.Item != "gdp" {
		t.Fatalf("r went to %+v, want the first indicator in review order (economy, gdp)", got)
	}
	if f := plainFooter(a); !strings.Contains(f, "审议 1/16 · 需跟进0项 · 已审议0项") {
		t.Errorf("footer after r: %q", f)
	}

	act(a, "!", "m")
	card := cardLine(a, "地区生产总值 ")
	for _, glyph := range []string{"⚑", "✓"} {
		if !strings.Contains(card, glyph) {
			t.Errorf("the card does not show %s after m and !: %q", glyph, card)
		}
	}
	if f := plainFooter(a); !strings.Contains(f, "审议 1/16 · 需跟进1项 · 已审议1项") {
		t.Errorf("footer after ! and m: %q", f)
	}
	act(a, "m") // and off again
	if card := cardLine(a, "地区生产总值 "); strings.Contains(card, "✓") {
		t.Errorf("m twice leaves the card marked reviewed: %q", card)
	}

	act(a, "e", "中文笔记: q is text", "esc")
	if a.rv.note != nil {
		t.Fatal("esc left the note open")
	}
	act(a, "enter")
	detail := ansi.Strip(a.View())
	for _, want := range []string{"⚑ 需跟进（张三，", "✎ 张三，", "中文笔记: q is text", "未审议"} {
		if !strings.Contains(detail, want) {
			t.Errorf("the detail does not show %q:\n%s", want, detail)
		}
	}

	act(a, "esc", "n")
	if f := plainFooter(a); !strings.Contains(f, "审议 2/16 · 需跟进1项") {
		t.Errorf("footer after n: %q", f)
	}
	act(a, "L")
	if f := plainFooter(a); !strings.Contains(f, "review 2/16 · 1 flagged · 0 reviewed") {
		t.Errorf("English footer: %q", f)
	}

	kept, err := store.Entries(a.ctx.Pack.ID)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []model.EntryKind
	for _, e := range kept {
		kinds = append(kinds, e.Kind)
		if e.Author != "张三" || e.Indicator != "gdp" {
			t.Errorf("kept %+v, want the author 张三 on gdp", e)
		}
	}
	want := []model.EntryKind{model.MarkFlagged, model.MarkReviewed, model.MarkUnreviewed, model.MarkNote}
	if strings.Join(kindNames(kinds), " ") != strings.Join(kindNames(want), " ") {
		t.Errorf("store holds %v, want %v", kinds, want)
	}

	// A second dashboard on the same file shows what the first kept.
	b := newApp(t, Options{Review: review.New(path, review.Options{}), Author: "李四"}, 120, 40)
	act(b, "r")
	if card := cardLine(b, "地区生产总值 "); !strings.Contains(card, "⚑") || !strings.Contains(card, "✎1") {
		t.Errorf("a new dashboard's card: %q", card)
	}
}

func kindNames(ks []model.EntryKind) []string {
	var out []string
	for _, k := range ks {
		out = append(out, string(k))
	}
	return out
}

// cardLine is the first line of the frame that holds name.
func cardLine(a *App, name string) string {
	for _, l := range lines(ansi.Strip(a.View())) {
		if strings.Contains(l, name) {
			return l
		}
	}
	return ""
}

// Nothing touches the store until r, and then only the commands a key
// returns do: Update itself never waits on the disk.
func TestReviewStoreOnlyInCommands(t *testing.T) {
	log := &countingLog{}
	a := newApp(t, Options{Review: log, Author: "a"}, 120, 40)
	press(a, "2", "enter", "esc", "n", "S", "q", "?", "esc")
	if n := log.count(); n != 0 {
		t.Fatalf("the store was called %d times before r", n)
	}
	var cmds []tea.Cmd
	for _, k := range []string{"r"} {
		_, cmd := a.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	if n := log.count(); n != 0 {
		t.Fatalf("Update called the store %d times", n)
	}
	for _, c := range cmds {
		settle(a, c)
	}
	cmds = nil
	for _, k := range []string{"m", "!", "e", "note", "esc"} {
		_, cmd := a.Update(keyMsg(k))
		cmds = append(cmds, cmd)
	}
	if n := log.count(); n != 1 {
		t.Fatalf("the store was called %d times by Update after r; only r's command should have", n)
	}
	for _, c := range cmds {
		settle(a, c)
	}
	if n := log.count(); n != 4 {
		t.Errorf("r, m, ! and a note made %d calls, want 4", n)
	}
}

// ctrl+c in the note throws the note away and leaves the dashboard
// running; q in the note is text.
func TestNoteKeys(t *testing.T) {
	log := &countingLog{}
	a := newApp(t, Options{Review: log, Author: "a"}, 120, 40)
	act(a, "r", "e", "q")
	if a.rv.note == nil || a.rv.note.area.Value() != "q" {
		t.Fatalf("q in the note: editor %v", a.rv.note)
	}
	_, cmd := a.Update(keyMsg("ctrl+c"))
	if cmd != nil && cmd() == tea.Quit() {
		t.Fatal("ctrl+c in the note quit the dashboard")
	}
	if a.rv.note != nil {
		t.Fatal("ctrl+c left the note open")
	}
	if f := plainFooter(a); !strings.Contains(f, "备注已放弃") {
		t.Errorf("footer after ctrl+c: %q", f)
	}
	act(a, "e", "esc") // an empty note is not kept
	if len(log.entries) != 0 {
		t.Errorf("entries kept: %+v", log.entries)
	}
	if _, cmd := a.Update(keyMsg("ctrl+c")); cmd == nil || cmd() != tea.Quit() {
		t.Error("ctrl+c outside the note does not quit")
	}
}

// A store that fails says so in one footer line; the note is kept as a
// draft, and e brings it back to try again.
func TestStoreErrorLosesNothing(t *testing.T) {
	log := &countingLog{}
	a := newApp(t, Options{Review: log, Author: "a"}, 120, 40)
	act(a, "r")
	log.fail = errors.New("review database /tmp/x.db is in use by another process")
	act(a, "e", "要跟进的事", "esc")
	f := plainFooter(a)
	if !strings.Contains(f, "未保存：review database /tmp/x.db is in use") || !strings.Contains(f, "草稿已保留") {
		t.Errorf("footer after a failed write: %q", f)
	}
	act(a, "e")
	if a.rv.note == nil || a.rv.note.area.Value() != "要跟进的事" {
		t.Fatalf("e after a failed write does not bring the draft back")
	}
	log.fail = nil
	act(a, "esc")
	if len(log.entries) != 1 || log.entries[0].Text != "要跟进的事" {
		t.Errorf("kept %+v", log.entries)
	}
	if _, ok := a.rv.drafts["gdp"]; ok {
		t.Error("the draft is still held after the note was kept")
	}
	if f := plainFooter(a); strings.Contains(f, "未保存") {
		t.Errorf("the failure is still in the footer: %q", f)
	}
}

// A viewer records nothing and is told so; the room's review reaches it
// as a message and shows on its cards and footer.
func TestViewerReview(t *testing.T) {
	a := newApp(t, Options{Role: Viewer}, 120, 40)
	for _, k := range []string{"r", "m", "!", "e"} {
		// A viewer has no store to record in: its key's only command is
		// the one that clears the refusal.
		if _, cmd := a.Update(keyMsg(k)); cmd == nil {
			t.Errorf("a viewer's %s: nothing clears the refusal", k)
		}
		if f := plainFooter(a); !strings.HasPrefix(f, "只有主讲人可以记录审议") {
			t.Errorf("a viewer's %s: footer %q", k, f)
		}
		if a.rv.note != nil {
			t.Fatalf("a viewer's %s opened the note editor", k)
		}
	}
	a = newApp(t, Options{Role: Viewer}, 120, 40)
	a.Update(ReviewMsg{Entries: []model.ReviewEntry{
		{Seq: 1, Pack: a.ctx.Pack.ID, Indicator: "gdp", Kind: model.MarkReviewed, Time: clock, Author: "presenter"},
	}, Open: true})
	if card := cardLine(a, "地区生产总值 "); !strings.Contains(card, "✓") {
		t.Errorf("the viewer's card after the room's mark: %q", card)
	}
	if f := plainFooter(a); !strings.Contains(f, "已审议1项") {
		t.Errorf("the viewer's footer after the room's mark: %q", f)
	}
}

// A refused key says why for a while, beside the room's status, then the
// footer is itself again: when its clearing message comes (unless a later
// notice took its place), or when the room moves a following viewer on.
// A store's answer stays until a key: a mark not kept must be read.
func TestRefusalPasses(t *testing.T) {
	const refused = "只有主讲人可以记录审议"
	over := func(a *App, back int) tea.Msg { return refusalOver{gen: a.rv.alertGen - back} }
	for _, tc := range []struct {
		name  string
		role  Role
		log   *countingLog
		steps func(a *App)
		shown string // the notice the footer still starts with, "" none
	}{
		{"a viewer's refusal, its time up", Viewer, nil, func(a *App) {
			a.Update(keyMsg("e"))
			a.Update(over(a, 0))
		}, ""},
		{"the first of two refusals' time up", Presenter, &countingLog{}, func(a *App) {
			a.Update(keyMsg("m"))
			a.Update(keyMsg("e"))
			a.Update(over(a, 1))
		}, "请先按 r 开始审议"},
		{"the room moves a following viewer on", Viewer, nil, func(a *App) {
			a.Update(keyMsg("r"))
			a.Update(LeadMsg{Tab: a.tabs[1].id, Item: a.tabs[1].current().id()})
		}, ""},
		{"a store's answer outlasts a refusal's time", Presenter, &countingLog{fail: errors.New("disk full")}, func(a *App) {
			a.Update(keyMsg("m"))
			gen := a.rv.alertGen
			act(a, "r")
			a.Update(refusalOver{gen: gen})
			a.Update(over(a, 0))
		}, "disk full"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{Role: tc.role, Author: "p"}
			if tc.log != nil {
				o.Review = tc.log
			}
			a := newApp(t, o, 120, 40)
			a.Update(PresenceMsg{Presenters: []string{"alice"}})
			tc.steps(a)
			f := plainFooter(a)
			switch {
			case tc.shown == "" && a.rv.alert != "":
				t.Errorf("the notice %q is still shown: %q", a.rv.alert, f)
			case tc.shown != "" && !strings.HasPrefix(f, tc.shown):
				t.Errorf("the footer is %q, want it to start with %q", f, tc.shown)
			}
			if tc.role == Viewer && !strings.Contains(f, "跟随主讲人") {
				t.Errorf("the viewer's footer hides the room's status: %q", f)
			}
		})
	}
	// While shown, the refusal leaves the room's status beside it, and
	// its key asks for the message that clears it.
	a := newApp(t, Options{Role: Viewer}, 120, 40)
	_, cmd := a.Update(keyMsg("e"))
	if f := plainFooter(a); !strings.HasPrefix(f, refused) || !strings.HasSuffix(strings.TrimSpace(f), "等待主讲人") {
		t.Errorf("the refusal's footer: %q", f)
	}
	if cmd == nil {
		t.Error("a refusal asks for nothing to clear it")
	}
}

// A viewer's review mode is the room's: on while a presenter holds the
// review open, off when the room's message says it ended; the marks stay
// on the cards either way. A presenter's review mode is its own r.
func TestViewerReviewModeIsTheRoom(t *testing.T) {
	mark := []model.ReviewEntry{
		{Seq: 1, Pack: "kunming-2025q3", Indicator: "gdp", Kind: model.MarkFlagged, Time: clock, Author: "presenter"},
	}
	for _, tc := range []struct {
		name   string
		role   Role
		opens  []bool // the Open of each message, in turn
		inMode bool   // the footer shows the review after the last
	}{
		{"viewer, review opened", Viewer, []bool{true}, true},
		{"viewer, review ended", Viewer, []bool{true, false}, false},
		{"viewer, ended and opened again", Viewer, []bool{true, false, true}, true},
		{"viewer joining a closed review", Viewer, []bool{false}, false},
		{"presenter, the room's open is not its own", Presenter, []bool{true}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := newApp(t, Options{Role: tc.role}, 120, 40)
			for _, open := range tc.opens {
				a.Update(ReviewMsg{Entries: mark, Open: open})
			}
			f := plainFooter(a)
			if got := strings.Contains(f, "需跟进1项"); got != tc.inMode {
				t.Errorf("review in the footer: %v, want %v: %q", got, tc.inMode, f)
			}
			if card := cardLine(a, "地区生产总值 "); !strings.Contains(card, "⚑") {
				t.Errorf("the flag is gone from the card: %q", card)
			}
		})
	}
}

// A presenter tells the room when its review mode goes on and off, once
// per change; a local dashboard and a viewer tell nobody.
func TestPresenterReportsReviewMode(t *testing.T) {
	for _, tc := range []struct {
		name string
		role Role
		keys []string
		want []bool
	}{
		{"presenter opens", Presenter, []string{"r"}, []bool{true}},
		{"presenter opens, marks and ends", Presenter, []string{"r", "m", "j", "r"}, []bool{true, false}},
		{"presenter opens twice", Presenter, []string{"r", "r", "r"}, []bool{true, false, true}},
		{"alone", Alone, []string{"r", "r"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var told []bool
			a := newApp(t, Options{Role: tc.role, Review: &countingLog{}, Author: "p",
				OnReview: func(open bool) { told = append(told, open) }}, 120, 40)
			act(a, tc.keys...)
			if !slices.Equal(told, tc.want) {
				t.Errorf("told the room %v, want %v", told, tc.want)
			}
		})
	}
}

// Entries may arrive out of the store's order (a write's own answer
// before the room's message holding an earlier one); the review is the
// same as if they had come in order, and nothing is counted twice.
func TestMergeInAnyOrder(t *testing.T) {
	e := func(seq uint64, kind model.EntryKind) model.ReviewEntry {
		return model.ReviewEntry{Seq: seq, Pack: "kunming-2025q3", Indicator: "gdp", Kind: kind, Time: clock, Author: "x"}
	}
	all := []model.ReviewEntry{e(1, model.MarkReviewed), e(2, model.MarkUnreviewed), e(3, model.MarkNote)}
	all[2].Text = "n"
	for _, order := range [][][]model.ReviewEntry{
		{all},
		{all[2:], all},
		{all[1:2], all[:1], all},
		{all[:1], all[:1], all[1:], all},
	} {
		a := newApp(t, Options{}, 120, 40)
		for _, batch := range order {
			a.merge(batch)
		}
		it := a.ctx.Marks.Of("gdp")
		if it.Reviewed != nil || len(it.Notes) != 1 || len(a.rv.entries) != 3 {
			t.Errorf("after %d batches: reviewed %v, %d notes, %d entries", len(order), it.Reviewed, len(it.Notes), len(a.rv.entries))
		}
	}
}

// The note editor fits the window it is in, also after a resize.
func TestNoteFitsTheWindow(t *testing.T) {
	a := newApp(t, Options{Review: &countingLog{}, Author: "a"}, 200, 60)
	act(a, "r", "e", strings.Repeat("很长的备注", 40))
	for _, size := range [][2]int{{200, 60}, {60, 20}, {80, 24}} {
		a.Update(resize(size[0], size[1]))
		for i, l := range lines(a.View()) {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%v: line %d is %d wide: %q", size, i, w, ansi.Strip(l))
			}
		}
		if !strings.Contains(ansi.Strip(a.View()), "esc 保存") {
			t.Errorf("%v: the note's keys are not shown:\n%s", size, ansi.Strip(a.View()))
		}
	}
}

// The store's refusals of its file reach the footer in the reader's
// language, naming the file by its name; other errors as they came.
func TestStoreRefusalsInTheReadersLanguage(t *testing.T) {
	tests := []struct {
		kind   error
		lang   model.Lang
		says   string
		absent string
	}{
		{review.ErrDamaged, model.Zh, "已损坏", "damaged"},
		{review.ErrInUse, model.Zh, "正被另一进程使用", "in use"},
		{review.ErrForeign, model.Zh, "不是 kmdash 审议记录库", "not a"},
		{review.ErrNewer, model.Zh, "更新版本", "newer"},
		{review.ErrDamaged, model.En, "is damaged", "已损坏"},
		{review.ErrInUse, model.En, "in use by another process", "使用"},
		{nil, model.Zh, "disk on fire", "已损坏"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.kind, " ", tt.lang), func(t *testing.T) {
			var fail error = &review.Error{Path: "/tmp/reviews/x.db", Kind: tt.kind, Why: "page 1 calls itself page 7"}
			if tt.kind == nil {
				fail = errors.New("disk on fire")
			}
			a := newApp(t, Options{Review: &countingLog{fail: fail}, Author: "a", Lang: tt.lang}, 200, 40)
			act(a, "r")
			f := plainFooter(a)
			if !strings.Contains(f, tt.says) || strings.Contains(f, tt.absent) {
				t.Errorf("footer %q: want %q and no %q", f, tt.says, tt.absent)
			}
			if tt.kind != nil && (!strings.Contains(f, "x.db") || strings.Contains(f, "/tmp/reviews")) {
				t.Errorf("footer %q: want the file by its name alone", f)
			}
		})
	}
}
