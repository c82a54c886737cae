package ui

import (
	"flag"
	"fmt"
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
)

// Frame is exactly the screen the dashboard would draw at width×height,
// for `kmdash render` and for golden tests.
func Frame(o Options, width, height int) string {
	a := New(o)
	a.Update(tea.WindowSizeMsg{Width: width, Height: height})
	return a.View()
}

// Render is what `kmdash render` is asked for: one tab's frame at a size,
// in the colours --color allows.
type Render struct {
	Tab, Color    string
	Width, Height int
	// Themed is --theme naming a background: its colours are asked to be
	// seen, even into a pipe.
	Themed bool
}

// Register adds render's flags to fs.
func (r *Render) Register(fs *flag.FlagSet) {
	fs.StringVar(&r.Tab, "tab", "", "")
	fs.StringVar(&r.Color, "color", "auto", "")
	fs.IntVar(&r.Width, "width", 120, "")
	fs.IntVar(&r.Height, "height", 40, "")
}

// Check refuses what no frame can be drawn for, naming the flag. The tabs
// are the pack's: with no --tab the first is drawn.
func (r *Render) Check(p *model.Pack) error {
	if r.Tab == "" {
		r.Tab = string(p.Tabs[0].ID)
	}
	if err := CheckTab(p, r.Tab); err != nil {
		return err
	}
	switch {
	case r.Width < 1 || r.Width > MaxWidth || r.Height < 1 || r.Height > MaxHeight:
		// The dashboard is laid out at most this large (app.go).
		return fmt.Errorf("--width must be between 1 and %d and --height between 1 and %d", MaxWidth, MaxHeight)
	case r.Color != "auto" && r.Color != "always" && r.Color != "never":
		return fmt.Errorf("--color %q: want auto, always or never", r.Color)
	}
	return nil
}

// CheckTab refuses a --tab that is none of the pack's, naming those it
// has. No --tab at all is for the command to read: every tab, or the
// first.
func CheckTab(p *model.Pack, tab string) error {
	if tab != "" && p.Tab(model.TabID(tab)) == nil {
		return fmt.Errorf("--tab %q: want one of the pack's tabs: %s", tab, strings.Join(p.TabIDs(), ", "))
	}
	return nil
}

// Print writes the frame to out, in colour as --color and the terminal
// allow, for the background the look settles on, in the terminal's
// character set. r has been checked.
func (r Render) Print(out io.Writer, o Options) error {
	renderer := lipgloss.NewRenderer(out)
	switch r.Color {
	case "auto":
		// A theme asked for by name is asked to be seen.
		if r.Themed && renderer.ColorProfile() == termenv.Ascii && !renderer.Output().EnvNoColor() {
			renderer.SetColorProfile(termenv.ANSI256)
		}
	case "always":
		if renderer.ColorProfile() == termenv.Ascii {
			renderer.SetColorProfile(termenv.ANSI256)
		}
	case "never":
		renderer.SetColorProfile(termenv.Ascii)
	}
	o.Look.Settle(renderer, out)
	o.Tab, o.Renderer = model.TabID(r.Tab), renderer
	_, err := fmt.Fprintln(o.Look.Output(out), Frame(o, r.Width, r.Height))
	return err
}
