package ui

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

var (
	// asciiAfterChinese is an ASCII comma, colon or semicolon right after
	// a Chinese character or full-width punctuation, spaces between.
	asciiAfterChinese = regexp.MustCompile(`[\p{Han}，。：；）》”、] *[,:;]`)
	// englishQualifier is a figure hedged in English.
	englishQualifier = regexp.MustCompile(`(?i)\b(about|over)\b`)
	// periodCode is a period as the pack writes it, not as a reader does.
	periodCode = regexp.MustCompile(`\d{4}-\d{2}/\d{4}-\d{2}`)
	// url is an address, which may hold anything.
	url = regexp.MustCompile(`https?://\S+`)
)

// screen is one drawing a reader can meet, by what it is.
type screen struct{ name, text string }

// everyScreen draws, in l, every tab at three sizes with each of its
// items selected, each item's detail (the overlay as drawn and its
// whole content), the help, the search box with and without hits, the
// too-small screen, the footer's review position and its room statuses
// (-short draws each tab at one of the three sizes). The scans that read
// them share one drawing per language.
func everyScreen(t *testing.T, l model.Lang) []screen {
	t.Helper()
	drawnScreens.Lock()
	defer drawnScreens.Unlock()
	if drawnScreens.by == nil {
		drawnScreens.by = map[model.Lang][]screen{}
	}
	if _, ok := drawnScreens.by[l]; !ok {
		drawnScreens.by[l] = drawEveryScreen(t, l)
	}
	return drawnScreens.by[l]
}

// drawnScreens is everyScreen's drawings, by language.
var drawnScreens struct {
	sync.Mutex
	by map[model.Lang][]screen
}

func drawEveryScreen(t *testing.T, l model.Lang) []screen {
	t.Helper()
	var out []screen
	add := func(name string, a *App) { out = append(out, screen{name, ansi.Strip(a.View())}) }
	sizes := [][2]int{{80, 24}, {120, 40}, {200, 60}}
	for si, size := range sizes {
		w, h := size[0], size[1]
		for ti, tab := range tabIDs(t) {
			if !sampled(ti, si, len(sizes)) {
				continue // -short draws each tab at one of the sizes
			}
			a := newApp(t, Options{Lang: l, Tab: tab}, w, h)
			for i := range a.tabs[a.active].count() {
				it := a.tabs[a.active].current()
				name := fmt.Sprintf("%s %dx%d item %d (%s)", tab, w, h, i, it.id())
				add(name, a)
				press(a, "enter")
				add(name+" detail", a)
				out = append(out, screen{name + " whole detail", ansi.Strip(strings.Join(a.ctx.itemDetail(it, w-4), "\n"))})
				press(a, "esc", "down")
			}
			press(a, "D")
			add(fmt.Sprintf("%s %dx%d as text", tab, w, h), a)
		}
		a := newApp(t, Options{Lang: l}, w, h)
		press(a, "?")
		add(fmt.Sprintf("help %dx%d", w, h), a)
		press(a, "esc", "/")
		add(fmt.Sprintf("search %dx%d", w, h), a)
		press(a, "gdp")
		add(fmt.Sprintf("search hits %dx%d", w, h), a)
		press(a, "backspace", "backspace", "backspace", "zzz")
		add(fmt.Sprintf("search no hits %dx%d", w, h), a)
		press(a, "esc", "n", "n")
		add(fmt.Sprintf("review position %dx%d", w, h), a)
		press(a, "1", "up", "up", "up", "up", "N")
		add(fmt.Sprintf("review wrapped %dx%d", w, h), a)
		press(a, "p", "?")
		add(fmt.Sprintf("autoplay paused %dx%d", w, h), a)
	}
	for _, size := range [][2]int{{59, 19}, {40, 10}} {
		add(fmt.Sprintf("too small %dx%d", size[0], size[1]), newApp(t, Options{Lang: l}, size[0], size[1]))
	}
	// Review mode: its footer, marks on a card and in the detail, the
	// note editor, and the scorecard overlay.
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		r := newApp(t, Options{Lang: l, Review: &countingLog{}, Author: "张三"}, size[0], size[1])
		act(r, "r", "!", "m")
		add(fmt.Sprintf("review marks %dx%d", size[0], size[1]), r)
		act(r, "e", "需核实口径")
		add(fmt.Sprintf("review note %dx%d", size[0], size[1]), r)
		act(r, "esc", "enter")
		add(fmt.Sprintf("review detail %dx%d", size[0], size[1]), r)
		act(r, "esc", "S")
		add(fmt.Sprintf("scorecard overlay %dx%d", size[0], size[1]), r)
	}
	viewer := newApp(t, Options{Lang: l, Role: Viewer}, 120, 40)
	add("viewer waiting", viewer)
	viewer.Update(PresenceMsg{Presenters: []string{"王老师"}, Mover: "王老师"})
	add("viewer following", viewer)
	press(viewer, "f")
	add("viewer browsing", viewer)
	presenter := newApp(t, Options{Lang: l, Role: Presenter}, 200, 40)
	presenter.Update(FollowersMsg{Following: 12, Browsing: 3})
	add("presenter alone", presenter)
	presenter.Update(PresenceMsg{Presenters: []string{"王老师", "李老师"}, Mover: "王老师"})
	add("presenter with others", presenter)
	presenter.Update(PresenceMsg{Presenters: []string{"王老师", "李老师"}, Leading: true})
	add("presenter leading", presenter)
	return out
}

// No Chinese screen, overlay or pane has an ASCII comma, colon or
// semicolon after Chinese, nor a figure hedged in English. URLs are
// addresses and are left out of the scan.
func TestChineseScreensTypography(t *testing.T) {
	t.Parallel()
	for _, s := range everyScreen(t, model.Zh) {
		text := url.ReplaceAllString(s.text, "")
		if m := asciiAfterChinese.FindAllString(text, 3); m != nil {
			t.Errorf("%s: ASCII punctuation after Chinese %q in\n%s", s.name, m, s.text)
		}
		if m := englishQualifier.FindAllString(text, 3); m != nil {
			t.Errorf("%s: English qualifiers %q in\n%s", s.name, m, s.text)
		}
	}
}

// No screen in either language shows a reader a period code or a
// source's id: periods are named in words and sources by publisher.
func TestScreensShowNoCodes(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	for _, l := range model.Langs {
		for _, s := range everyScreen(t, l) {
			text := url.ReplaceAllString(s.text, "")
			if m := periodCode.FindAllString(text, 3); m != nil {
				t.Errorf("%s %s: period codes %q in\n%s", l, s.name, m, s.text)
			}
			for _, src := range pack.Sources {
				if strings.Contains(text, src.ID) {
					t.Errorf("%s %s: source id %q in\n%s", l, s.name, src.ID, s.text)
				}
			}
		}
	}
}
