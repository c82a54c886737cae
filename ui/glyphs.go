package ui

import "github.com/guptarohit/asciigraph"

// Glyphs are every symbol the dashboard draws with, beyond text: the
// theme holds one set, so drawing in plain ASCII is one switch there.
type Glyphs struct {
	Up, Down       string // a figure above or below the one it is compared with
	Pointer        string // the selected row of a list
	Rule           string // a vertical line: the zero line of bars
	Bar            string // a whole cell of a bar
	BarEighths     []string
	Zero           string // a bar of length zero
	Peak, InSeason string // calendar cells
	OffSeason      string
	Now            string // the current month, above the calendar
	Dot            string // between figures in a list
	// Markers mark each series' figures on a chart, one shape per series
	// so they are told apart without colour; Strokes draw its lines.
	Markers []string
	Strokes []asciigraph.CharSet
	Target  asciigraph.CharSet
	// Axis draws the chart's axes where asciigraph does not: the right
	// edge and its ticks.
	AxisTick, AxisLine, AxisRule, AxisCorner string
	// A review's marks on cards: reviewed, flagged for follow-up, and
	// notes (followed by their count). Each is a shape of its own, so a
	// mark reads without colour.
	Reviewed, Flagged, Noted string
}

// unicodeGlyphs are the glyphs of a terminal that draws box and block
// characters one cell wide, which is nearly every one.
var unicodeGlyphs = Glyphs{
	Up: "▲", Down: "▼", Pointer: "▸", Rule: "│", Bar: "█",
	BarEighths: []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"},
	Zero:       "▏",
	Peak:       "◆", InSeason: "■", OffSeason: "·", Now: "▼", Dot: "·",
	Markers: []string{"●", "◆", "■", "▲"},
	// Light, heavy and double box lines: a series is told by its stroke
	// when there is no colour (NO_COLOR, a pipe, a screen reader's copy).
	// The caps are blank: a figure is marked by its marker, and a stub of
	// line beside it would read as a value nobody stated.
	Strokes: []asciigraph.CharSet{
		{Horizontal: "─", VerticalLine: "│", ArcDownRight: "╭", ArcDownLeft: "╮", ArcUpRight: "╰", ArcUpLeft: "╯", EndCap: " ", StartCap: " "},
		{Horizontal: "━", VerticalLine: "┃", ArcDownRight: "┏", ArcDownLeft: "┓", ArcUpRight: "┗", ArcUpLeft: "┛", EndCap: " ", StartCap: " "},
		{Horizontal: "═", VerticalLine: "║", ArcDownRight: "╔", ArcDownLeft: "╗", ArcUpRight: "╚", ArcUpLeft: "╝", EndCap: " ", StartCap: " "},
	},
	Target:   asciigraph.CharSet{Horizontal: "┄", VerticalLine: "┆", EndCap: "┄", StartCap: "┄"},
	AxisTick: "├", AxisLine: "│", AxisRule: "─", AxisCorner: "┘",
	// Narrow in every terminal: none of the three is East Asian ambiguous.
	Reviewed: "✓", Flagged: "⚑", Noted: "✎",
}

// marker is the marker of series i.
func (g *Glyphs) marker(i int) string { return g.Markers[i%len(g.Markers)] }

// stroke is the line of series i.
func (g *Glyphs) stroke(i int) asciigraph.CharSet { return g.Strokes[i%len(g.Strokes)] }
