package ui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// A terminal larger than MaxWidth×MaxHeight gets the dashboard at that
// size, the same frame a terminal of exactly that size gets, so no
// window, however large, makes a frame dearer than that.
func TestLargerTerminalsGetTheLargestDashboard(t *testing.T) {
	t.Parallel()
	sizes := [][2]int{{MaxWidth + 1, MaxHeight}, {MaxWidth, MaxHeight + 1}, {1000, 500}, {1 << 20, 1 << 20}}
	for ti, id := range tabIDs(t) {
		largest := newApp(t, Options{Tab: id}, MaxWidth, MaxHeight).View()
		for si, size := range sizes {
			if !sampled(ti, si, len(sizes)) {
				continue // -short tries each tab at one larger size
			}
			huge := newApp(t, Options{Tab: id}, size[0], size[1]).View()
			if huge != largest {
				t.Errorf("%s at %d×%d differs from its frame at %d×%d", id, size[0], size[1], MaxWidth, MaxHeight)
			}
			if n := len(lines(huge)); n > MaxHeight {
				t.Errorf("%s at %d×%d: %d rows", id, size[0], size[1], n)
			}
			for i, l := range lines(huge) {
				if w := lipgloss.Width(l); w > MaxWidth {
					t.Errorf("%s at %d×%d: row %d is %d wide", id, size[0], size[1], i, w)
					break
				}
			}
		}
	}
}
