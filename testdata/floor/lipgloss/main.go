// Command lipgloss is the floor for kmdash's start-up: a bare Go program,
// in a module of its own, that prints one full 120×40 lipgloss frame (a
// header, a tab line, two bordered, titled columns side by side and a
// footer) and exits. It pays only what any lipgloss program pays: the Go
// runtime, lipgloss and its dependencies at the versions a new module gets
// today, and the drawing. `kmdash render --tab economy --width 120
// --height 40` is compared with it; BENCHMARKS.md gives the commands.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

const width, height = 120, 40

func main() {
	// A renderer for standard output, as kmdash's render makes: colours
	// as the environment allows (none into a pipe).
	fmt.Println(frame(lipgloss.NewRenderer(os.Stdout)))
}

// frame draws the whole frame for r; frame_test.go times it beside
// kmdash's ui.Frame.
func frame(r *lipgloss.Renderer) string {
	title := r.NewStyle().Bold(true).Foreground(lipgloss.Color("12")).Render("昆明 2025 年三季度 · Kunming Q3 2025")
	header := r.NewStyle().Width(width).Padding(0, 1).Render(title + "   2025-09-22   kunming-2025q3.yaml")
	tabs := r.NewStyle().Width(width).Padding(0, 1).Render(
		strings.Join([]string{"[1 经济]", " 2 工业 ", " 3 服务业 ", " 4 房地产 ", " 5 文旅 "}, " "))

	cell := r.NewStyle().Foreground(lipgloss.Color("10"))
	muted := r.NewStyle().Foreground(lipgloss.Color("8")).Italic(true)
	box := r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("6")).Padding(0, 1)

	bodyHeight := height - 4    // header, tabs, a blank line and the footer
	colWidth := (width-2)/2 - 2 // each column inside its border; two columns and a gap fill the width
	column := func(name string, n int) string {
		lines := []string{r.NewStyle().Bold(true).Underline(true).Render(name), ""}
		for i := range n {
			lines = append(lines, fmt.Sprintf("%-24s %s  %s",
				fmt.Sprintf("指标 indicator %02d", i+1),
				cell.Render(fmt.Sprintf("▲ %5.1f%%", 3.1+float64(i)/10)),
				muted.Render("1—9月 Jan–Sep, y/y")))
		}
		return box.Width(colWidth).Height(bodyHeight - 2).Render(strings.Join(lines, "\n"))
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, column("经济 Economy", bodyHeight-6), "  ", column("工业 Industry", bodyHeight-6))
	footer := r.NewStyle().Width(width).Faint(true).Padding(0, 1).Render("1-5 tabs · ↑/↓ select · enter detail · / search · ? help · q quit")

	all := lipgloss.JoinVertical(lipgloss.Left, header, tabs, "", body, footer)
	return r.NewStyle().MaxWidth(width).MaxHeight(height).Render(all)
}
