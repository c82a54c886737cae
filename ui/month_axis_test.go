package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/kmdash/kmdash/model"
)

// monthLabels reads the month axis of every chart in a body: the labels
// on the line under each axis rule (└┬─┬…), within the rule's columns and
// one either side, where a label centred on the first or last tick
// reaches. A label is a month's number or, in English, its name.
func monthLabels(body string) [][]string {
	ls := lines(ansi.Strip(body))
	var out [][]string
	for i, l := range ls[:max(0, len(ls)-1)] {
		for from := 0; ; {
			at := strings.Index(l[from:], "└┬")
			if at < 0 {
				break
			}
			at += from
			start := ansi.StringWidth(l[:at])
			end := start
			for _, r := range l[at:] {
				if !strings.ContainsRune("└┬─┼┘", r) {
					break
				}
				end++
			}
			under := ansi.Cut(ls[i+1], max(0, start-1), end+1)
			out = append(out, strings.Fields(under))
			from = at + len("└┬")
		}
	}
	return out
}

// monthOf is the month a label names, or 0.
func monthOf(label string) int {
	if m, err := strconv.Atoi(label); err == nil && m >= 1 && m <= 12 {
		return m
	}
	for m := 1; m <= 12; m++ {
		if label == model.MonthName(m, model.En) {
			return m
		}
	}
	return 0
}

// Every chart's month axis, wherever the layout puts the chart (under
// the cards, or narrow beside another drawing), names all twelve months
// in order: none is dropped for want of room. The whole body is read, as
// far down as it scrolls, since a window too short for the chart and its
// axis shows the axis a key further down. Each tab, each item
// selected (the chart that moves aside changes with it), both
// languages, from the smallest window to a wide one; -short draws each
// tab and language at one size, in turn.
func TestMonthAxisNamesEveryMonth(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{60, 20}, {80, 24}, {99, 30}, {100, 30}, {120, 40}, {132, 43}, {160, 50}, {200, 60}}
	want := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	k := 0 // the tab and language, for -short's turn through the sizes
	charts := 0
	for _, tab := range tabIDs(t) {
		for _, lang := range model.Langs {
			k++
			for si, size := range sizes {
				if !sampled(k, si, len(sizes)) {
					continue
				}
				a := newApp(t, Options{Lang: lang, Tab: tab}, size[0], size[1])
				for i := range a.tabs[a.active].count() {
					where := fmt.Sprintf("%s %s %dx%d item %d", tab, lang, size[0], size[1], i)
					a.View()
					body := strings.Join(a.tabs[a.active].lines, "\n")
					for _, labels := range monthLabels(body) {
						charts++
						var got []int
						for _, l := range labels {
							got = append(got, monthOf(l))
						}
						if !slices.Equal(got, want) {
							t.Errorf("%s: the month axis reads %q, not the twelve months\n%s", where, labels, ansi.Strip(body))
						}
					}
					press(a, "down")
				}
			}
		}
	}
	if charts == 0 {
		t.Fatal("no month axis found on any screen")
	}
}
