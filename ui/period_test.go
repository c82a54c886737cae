package ui

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

// TestFiguresKeepTheirPeriods checks, on every tab in both languages
// and from the smallest window up, that each card shows its figure
// followed by its period label, and by its region where that is not the
// pack's home region: a figure without its period reads as current,
// whether it is a 2024 count or a lagged month's growth. The card is read
// where the layout put it, so a line that wraps the name, or boxes, or
// one-line cards all count; from 80×24 up the card must be on the first
// screen as well.
func TestFiguresKeepTheirPeriods(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	sizes := [][2]int{{60, 20}, {80, 24}, {100, 30}, {120, 40}}
	for _, tab := range pack.Tabs {
		for _, lang := range model.Langs {
			c := &Context{Pack: pack, Lang: lang}
			for _, size := range sizes {
				a := newApp(t, Options{Tab: tab.ID, Lang: lang}, size[0], size[1])
				a.View()
				tb := a.tabs[a.active]
				if tb.id != tab.ID {
					t.Fatalf("opened on %s, want %s", tb.id, tab.ID)
				}
				for j, ind := range tb.cards {
					o := pack.Headline(ind)
					if o == nil {
						continue
					}
					r := tb.rects[len(tb.inits)+j]
					text := squeeze(cardText(tb.lines, r))
					name := func(what string) string {
						return fmt.Sprintf("%s %s %dx%d %s: %s", tab.ID, lang, size[0], size[1], ind.ID, what)
					}
					figure := squeeze(model.Figure(lang, o.Value, o.Qualifier, ind.Unit))
					at := strings.Index(text, figure)
					if at < 0 {
						t.Errorf("%s %q not on the card %q", name("figure"), figure, text)
						continue
					}
					after := text[at+len(figure):]
					want := []string{c.period(o)}
					if o.Region != pack.Regions[0].ID {
						want = append([]string{c.regionName(o.Region)}, want...)
					}
					for _, w := range want {
						if !strings.Contains(after, squeeze(w)) {
							t.Errorf("%s %q does not follow the figure %q on the card %q", name("period"), w, figure, text)
						}
					}
					if size[0] >= 80 && r.y+r.h > tb.body.Height {
						t.Errorf("%s the card (rows %d–%d) is below the first screen (%d rows)", name("place"), r.y, r.y+r.h, tb.body.Height)
					}
				}
			}
		}
	}
}

// cardText is the part of the body's lines that a card's rect covers.
func cardText(lines []string, r rect) string {
	var out []string
	for y := r.y; y < r.y+r.h && y < len(lines); y++ {
		out = append(out, ansi.Cut(lines[y], r.x, r.x+r.w))
	}
	return strings.Join(out, "\n")
}

// squeeze drops every space, line break and box edge, so that a name or
// period wrapped across lines reads as one.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r >= 0x2500 && r <= 0x257f {
			return -1
		}
		return r
	}, ansi.Strip(s))
}
