package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"
	"github.com/muesli/termenv"
)

// Theme is every colour and style the dashboard draws with. It is built
// from one lipgloss renderer, so each SSH session gets the colour profile
// and background of its own terminal rather than the server's.
type Theme struct {
	Plain        lipgloss.Style
	Header       lipgloss.Style
	HeaderMuted  lipgloss.Style
	Tab          lipgloss.Style
	TabActive    lipgloss.Style
	TabBar       lipgloss.Style
	Footer       lipgloss.Style
	Status       lipgloss.Style
	Card         lipgloss.Style
	CardSelected lipgloss.Style
	Name         lipgloss.Style
	Value        lipgloss.Style
	Muted        lipgloss.Style
	Up           lipgloss.Style
	Down         lipgloss.Style
	Title        lipgloss.Style
	Box          lipgloss.Style
	Selected     lipgloss.Style
	Heading      lipgloss.Style
	Peak         lipgloss.Style
	InSeason     lipgloss.Style
	OffSeason    lipgloss.Style
	NowColumn    lipgloss.Style
	Warning      lipgloss.Style

	// Regions colour each region the same in bars and charts; index by the
	// region's position in the pack.
	Regions []lipgloss.Style
	// Series are the chart colours in asciigraph's terms, matching Regions.
	Series []asciigraph.AnsiColor
	Target asciigraph.AnsiColor
	// Glyphs are the symbols drawn beside text: arrows, markers, strokes.
	Glyphs *Glyphs
	// helpModel draws the footer's keys and the `?` overlay; sessions
	// take copies (help), so its styles are made once per theme.
	helpModel help.Model
	// Colour is false for plain output (NO_COLOR, a pipe): charts then
	// carry no escape codes and lines are told apart by their strokes.
	Colour bool
}

// The palette gives every colour for true-colour, 256-colour and
// 16-colour terminals, light and dark, rather than leaving lipgloss to
// pick the nearest: a 16-colour xterm would otherwise get a grey header
// bar and blue on black. Figures keep to the 16 ANSI colours so that
// charts (which asciigraph colours with ANSI codes) and bars match.
func colour(light, dark [3]string) lipgloss.CompleteAdaptiveColor {
	return lipgloss.CompleteAdaptiveColor{
		Light: lipgloss.CompleteColor{TrueColor: light[0], ANSI256: light[1], ANSI: light[2]},
		Dark:  lipgloss.CompleteColor{TrueColor: dark[0], ANSI256: dark[1], ANSI: dark[2]},
	}
}

var (
	accent   = colour([3]string{"#1E66F5", "27", "4"}, [3]string{"#89B4FA", "111", "14"})
	muted    = colour([3]string{"#6C6F85", "243", "8"}, [3]string{"#9399B2", "246", "7"})
	border   = colour([3]string{"#9CA0B0", "248", "8"}, [3]string{"#585B70", "240", "8"})
	headerBg = colour([3]string{"#DCE0E8", "254", ""}, [3]string{"#313244", "236", ""})
	up       = colour([3]string{"#40A02B", "2", "2"}, [3]string{"#A6E3A1", "10", "10"})
	down     = colour([3]string{"#D20F39", "1", "1"}, [3]string{"#F38BA8", "9", "9"})
	warning  = colour([3]string{"#DF8E1D", "172", "3"}, [3]string{"#F9E2AF", "223", "11"})
)

// regionColours are ANSI indexes: bright on dark backgrounds, plain on
// light ones, and on light backgrounds of 256-colour terminals darker
// shades still, since xterm's plain yellow and cyan barely show on white.
var regionColours = []struct{ light, dark, light256 asciigraph.AnsiColor }{
	{asciigraph.Olive, asciigraph.Yellow, asciigraph.DarkGoldenrod},
	{asciigraph.Purple, asciigraph.Fuchsia, asciigraph.DarkMagenta},
	{asciigraph.Teal, asciigraph.Aqua, asciigraph.DarkCyan},
	{asciigraph.Navy, asciigraph.Blue, asciigraph.DarkBlue},
	{asciigraph.Green, asciigraph.Lime, asciigraph.DarkGreen},
}

// NewTheme builds the styles for one renderer.
func NewTheme(r *lipgloss.Renderer) *Theme {
	s := r.NewStyle
	dark := r.HasDarkBackground()
	t := &Theme{
		Plain:        s(),
		Header:       s().Bold(true).Foreground(accent).Background(headerBg),
		HeaderMuted:  s().Foreground(muted).Background(headerBg),
		Tab:          s().Foreground(muted),
		TabActive:    s().Bold(true).Underline(true).Foreground(accent),
		TabBar:       s().BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).BorderForeground(border),
		Footer:       s().Foreground(muted),
		Status:       s().Bold(true).Foreground(warning),
		Card:         s().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1),
		CardSelected: s().Border(lipgloss.ThickBorder()).BorderForeground(accent).Padding(0, 1),
		Name:         s().Bold(true),
		Value:        s().Bold(true).Foreground(accent),
		Muted:        s().Foreground(muted),
		Up:           s().Foreground(up),
		Down:         s().Foreground(down),
		Title:        s().Bold(true),
		Box:          s().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Selected:     s().Bold(true).Foreground(accent),
		Heading:      s().Bold(true).Foreground(accent),
		Peak:         s().Bold(true).Foreground(up),
		InSeason:     s().Foreground(up),
		OffSeason:    s().Foreground(muted),
		NowColumn:    s().Bold(true).Reverse(true),
		Warning:      s().Bold(true).Foreground(warning),
		Target:       asciigraph.Gray,
		Glyphs:       &unicodeGlyphs,
		Colour:       r.ColorProfile() != termenv.Ascii,
	}
	t.helpModel = help.New()
	t.helpModel.Styles = help.Styles{
		ShortKey: t.Title, ShortDesc: t.Footer, ShortSeparator: t.Muted, Ellipsis: t.Muted,
		FullKey: t.Title, FullDesc: t.Plain, FullSeparator: t.Muted,
	}
	for _, c := range regionColours {
		ansi := c.light
		switch {
		case dark:
			ansi = c.dark
		case r.ColorProfile() <= termenv.ANSI256:
			ansi = c.light256
		}
		t.Series = append(t.Series, ansi)
		t.Regions = append(t.Regions, s().Foreground(lipgloss.ANSIColor(ansi)))
	}
	return t
}

// help is a help model for a terminal width columns wide.
func (t *Theme) help(width int) help.Model {
	h := t.helpModel
	h.Width = width
	return h
}

// Region is the style of the region at index i in the pack.
func (t *Theme) Region(i int) lipgloss.Style {
	if i < 0 {
		i = 0
	}
	return t.Regions[i%len(t.Regions)]
}

// SeriesColour is the chart colour of the region at index i.
func (t *Theme) SeriesColour(i int) asciigraph.AnsiColor {
	if i < 0 {
		i = 0
	}
	return t.Series[i%len(t.Series)]
}
