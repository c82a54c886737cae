package ui

import (
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Run is the dashboard on this process's terminal, full screen, until
// the person quits.
func Run(o Options) error {
	// The terminal is asked for its background before the program takes
	// over input, so the answer is not read as a key press.
	o.Renderer = lipgloss.NewRenderer(os.Stdout)
	o.Look.Settle(o.Renderer, os.Stdout)
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion()}
	if o.Look.GB18030 {
		// The terminal speaks GB18030 both ways; it stays the terminal
		// (its size, raw mode) behind the transcoding.
		in, out := GB18030Terminal(os.Stdin, os.Stdout)
		opts = append(opts, tea.WithInput(in), tea.WithOutput(out))
	}
	_, err := tea.NewProgram(New(o), opts...).Run()
	return err
}
