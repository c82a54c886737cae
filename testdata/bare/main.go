// Command bare is the yardstick for kmdash's start-up cost: a minimal Go
// program that builds and prints one full 120×40 lipgloss frame with colour
// off, as `kmdash render --width 120 --height 40 --color never` does, but
// with no pack to parse and no dashboard to lay out. startup_bench_test.go
// times the two side by side.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

const width, height = 120, 40

func main() {
	// The same renderer set-up as `render --color never`.
	r := lipgloss.NewRenderer(os.Stdout)
	r.SetColorProfile(termenv.Ascii)

	title := r.NewStyle().Bold(true).Foreground(lipgloss.Color("12")).Render("昆明 2025 年三季度 · Kunming Q3 2025")
	header := r.NewStyle().Width(width).Padding(0, 1).Render(title + "   2025-09-22   kunming-2025q3.yaml")
	tabs := r.NewStyle().Width(width).Padding(0, 1).Render(
		strings.Join([]string{"[1 经济]", " 2 工业 ", " 3 服务业 ", " 4 房地产 ", " 5 文旅 "}, " "))

	cell := r.NewStyle().Foreground(lipgloss.Color("10"))
	muted := r.NewStyle().Foreground(lipgloss.Color("8")).Italic(true)
	box := r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("6")).Padding(0, 1)

	bodyHeight := height - 4    // header, tabs, footer, and a blank line
	colWidth := (width-2)/2 - 2 // each column's width inside its border; two columns and a gap fill the width
	column := func(name string, n int) string {
		lines := []string{r.NewStyle().Bold(true).Underline(true).Render(name), ""}
		for i := range n {
			lines = append(lines, fmt.Sprintf("%-24s %s  %s",
				fmt.Sprintf("indicator %02d", i+1),
				cell.Render(fmt.Sprintf("▲ %5.1f%%", 3.1+float64(i)/10)),
				muted.Render("Jan–Sep, y/y")))
		}
		return box.Width(colWidth).Height(bodyHeight - 2).Render(strings.Join(lines, "\n"))
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, column("经济 Economy", bodyHeight-6), "  ", column("工业 Industry", bodyHeight-6))
	footer := r.NewStyle().Width(width).Faint(true).Padding(0, 1).Render("1-5 tabs · ↑/↓ select · enter detail · / search · ? help · q quit")

	frame := lipgloss.JoinVertical(lipgloss.Left, header, tabs, "", body, footer)
	frame = r.NewStyle().MaxWidth(width).MaxHeight(height).Render(frame)
	fmt.Println(frame)
}
