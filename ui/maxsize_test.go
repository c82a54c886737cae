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
	for _, id := range tabIDs(t) {
		for _, size := range [][2]int{{MaxWidth + 1, MaxHeight}, {MaxWidth, MaxHeight + 1}, {1000, 500}, {1 << 20, 1 << 20}} {
			huge := newApp(t, Options{Tab: id}, size[0], size[1]).View()
			largest := newApp(t, Options{Tab: id}, MaxWidth, MaxHeight).View()
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
