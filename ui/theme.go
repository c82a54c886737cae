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
	// Axis colours the chart's axes and their labels.
	Axis asciigraph.AnsiColor
	// Glyphs are the symbols drawn beside text: arrows, markers, strokes.
	Glyphs *Glyphs
	// helpModel draws the footer's keys and the `?` overlay; sessions
	// take copies (help), so its styles are made once per theme.
	helpModel help.Model
	// Colour is false for plain output (NO_COLOR, a pipe): charts then
	// carry no escape codes and lines are told apart by their strokes.
	Colour bool
	// dark is the background the palette is for.
	dark bool
}

// NewTheme builds the styles for one renderer, in the palette of its
// background (see palette.go) and with the glyphs of most terminals.
func NewTheme(r *lipgloss.Renderer) *Theme { return NewThemeFor(r, false) }

// NewThemeFor builds the styles for one renderer, drawing in ASCII alone
// when ascii is set (glyphs.go says why and how).
func NewThemeFor(r *lipgloss.Renderer, ascii bool) *Theme {
	s := r.NewStyle
	p := paletteFor(r.HasDarkBackground())
	profile := r.ColorProfile()
	accent, muted, border, headerBg := p.accent.colour(), p.muted.colour(), p.border.colour(), p.headerBg.colour()
	up, down, warning := p.up.colour(), p.down.colour(), p.warning.colour()
	g := &unicodeGlyphs
	if ascii {
		g = &asciiGlyphs
	}
	t := &Theme{
		Plain:        s(),
		Header:       s().Bold(true).Foreground(accent).Background(headerBg),
		HeaderMuted:  s().Foreground(muted).Background(headerBg),
		Tab:          s().Foreground(muted),
		TabActive:    s().Bold(true).Underline(true).Foreground(accent),
		TabBar:       s().BorderStyle(g.TabRule).BorderBottom(true).BorderForeground(border),
		Footer:       s().Foreground(muted),
		Status:       s().Bold(true).Foreground(warning),
		Card:         s().Border(g.Card).BorderForeground(border).Padding(0, 1),
		CardSelected: s().Border(g.CardSelected).BorderForeground(accent).Padding(0, 1),
		Name:         s().Bold(true),
		Value:        s().Bold(true).Foreground(accent),
		Muted:        s().Foreground(muted),
		Up:           s().Foreground(up),
		Down:         s().Foreground(down),
		Title:        s().Bold(true),
		Box:          s().Border(g.Box).BorderForeground(accent).Padding(0, 1),
		Selected:     s().Bold(true).Foreground(accent),
		Heading:      s().Bold(true).Foreground(accent),
		Peak:         s().Bold(true).Foreground(up),
		InSeason:     s().Foreground(up),
		OffSeason:    s().Foreground(muted),
		NowColumn:    s().Bold(true).Reverse(true),
		Warning:      s().Bold(true).Foreground(warning),
		Target:       p.target.in(profile),
		Axis:         p.axis.in(profile),
		Glyphs:       g,
		Colour:       profile != termenv.Ascii,
		dark:         r.HasDarkBackground(),
	}
	t.helpModel = help.New()
	t.helpModel.Styles = help.Styles{
		ShortKey: t.Title, ShortDesc: t.Footer, ShortSeparator: t.Muted, Ellipsis: t.Muted,
		FullKey: t.Title, FullDesc: t.Plain, FullSeparator: t.Muted,
	}
	for _, c := range p.regions {
		ansi := c.in(profile)
		t.Series = append(t.Series, ansi)
		t.Regions = append(t.Regions, s().Foreground(ansiColour(ansi)))
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

// ansiColour is an asciigraph colour as lipgloss takes it, so bars match
// lines: asciigraph writes index 0 as Black and none as Default.
func ansiColour(c asciigraph.AnsiColor) lipgloss.TerminalColor {
	switch c {
	case asciigraph.Default:
		return lipgloss.NoColor{}
	case asciigraph.Black:
		return lipgloss.ANSIColor(0)
	}
	return lipgloss.ANSIColor(c)
}
