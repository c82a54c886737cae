package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"
)

// Glyphs are every symbol the dashboard draws with, beyond text: the
// theme holds one set, so drawing in plain ASCII is one switch there.
// A glyph added here goes in both sets (glyphs_test.go checks).
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
	Bullet         string // before each item of a list
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
	// Arrows name the arrow keys in key help: ↑/k, or up/k where an
	// arrow would be drawn as ^ and read as the caret key.
	Arrows arrows
	// PlotAxis swaps the axis glyphs asciigraph draws itself (└ ┬ ─ ┤ ┼)
	// for others; nil keeps them.
	PlotAxis map[string]string
	// Borders: of a card, of the selected card (heavier, so it reads
	// without colour), of an overlay's box, and the tab bar's rule.
	Card, CardSelected, Box, TabRule lipgloss.Border
	// Table rules a table's header off (the scorecard).
	Table lipgloss.Border
	// Text replaces characters in text (the pack's, the words') one cell
	// for one, after layout; nil leaves text as it is.
	Text *strings.Replacer
}

// arrows name the four arrow keys.
type arrows struct{ Up, Down, Left, Right string }

// unicodeGlyphs are the glyphs of a terminal that draws box and block
// characters one cell wide, which is nearly every one.
var unicodeGlyphs = Glyphs{
	Up: "▲", Down: "▼", Pointer: "▸", Rule: "│", Bar: "█",
	BarEighths: []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"},
	Zero:       "▏",
	Peak:       "◆", InSeason: "■", OffSeason: "·", Now: "▼", Dot: "·", Bullet: "·",
	Arrows:  arrows{"↑", "↓", "←", "→"},
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
	Card: lipgloss.RoundedBorder(), CardSelected: lipgloss.ThickBorder(),
	Box: lipgloss.RoundedBorder(), TabRule: lipgloss.NormalBorder(), Table: lipgloss.NormalBorder(),
}

// asciiGlyphs draw with ASCII alone, for terminals that draw box, block
// and geometric characters two cells wide (the East Asian "ambiguous"
// width: Xshell, SecureCRT or PuTTY with a CJK font or a GBK session) or
// not at all. Each takes the one cell its Unicode counterpart takes, so
// the layout is the same.
var asciiGlyphs = Glyphs{
	Up: "^", Down: "v", Pointer: ">", Rule: "|", Bar: "#",
	// A part of a cell is a sliver or a cell, as the eighths are one
	// cell wide each: bars take the same room as in Unicode.
	BarEighths: []string{"", ":", ":", ":", "#", "#", "#", "#"},
	Zero:       "|",
	Peak:       "*", InSeason: "#", OffSeason: ".", Now: "v", Dot: "|", Bullet: "-",
	Markers: []string{"o", "@", "#", "x"}, // not *: it marks a derived figure
	// Told apart without colour, as the box lines are: thin, doubled
	// and wavy.
	Strokes: []asciigraph.CharSet{
		{Horizontal: "-", VerticalLine: "|", ArcDownRight: "+", ArcDownLeft: "+", ArcUpRight: "+", ArcUpLeft: "+", EndCap: " ", StartCap: " "},
		{Horizontal: "=", VerticalLine: "H", ArcDownRight: "#", ArcDownLeft: "#", ArcUpRight: "#", ArcUpLeft: "#", EndCap: " ", StartCap: " "},
		{Horizontal: "~", VerticalLine: ":", ArcDownRight: ":", ArcDownLeft: ":", ArcUpRight: ":", ArcUpLeft: ":", EndCap: " ", StartCap: " "},
	},
	Target:   asciigraph.CharSet{Horizontal: ".", VerticalLine: ":", EndCap: ".", StartCap: "."},
	AxisTick: "|", AxisLine: "|", AxisRule: "-", AxisCorner: "+",
	PlotAxis: map[string]string{"└": "+", "┬": "+", "─": "-", "┤": "|", "┼": "+"},
	// Checked, an exclamation, and e for a note, the key that writes one
	// (n would read as the key to the next indicator).
	Reviewed: "+", Flagged: "!", Noted: "e",
	Arrows: arrows{"up", "down", "left", "right"},
	Card:   lipgloss.ASCIIBorder(),
	CardSelected: lipgloss.Border{Top: "=", Bottom: "=", Left: "#", Right: "#",
		TopLeft: "#", TopRight: "#", BottomLeft: "#", BottomRight: "#",
		MiddleLeft: "#", MiddleRight: "#", Middle: "#", MiddleTop: "#", MiddleBottom: "#"},
	Box: lipgloss.ASCIIBorder(), TabRule: lipgloss.ASCIIBorder(), Table: lipgloss.ASCIIBorder(),
	Text: asciiText,
}

// asciiText replaces the characters of text whose width East Asian
// terminals take to be two cells (Unicode's "ambiguous" class) with an
// ASCII one of one cell, so that a line measured as it is laid out is as
// wide on the screen. Chinese characters and full-width punctuation
// (，。：（）are two cells everywhere) are left alone; the quotation
// marks, dots, dashes and symbols that are one cell in most terminals
// and two in these become their nearest ASCII.
var asciiText = strings.NewReplacer(
	"“", `"`, "”", `"`, "‘", "'", "’", "'",
	" · ", " | ", "·", ".", "•", "|", "…", "~", // a dot between spaces separates, as | does
	"–", "-", "—", "-", "−", "-", "×", "x", "÷", "/", "±", "+",
	"²", "2", "³", "3", "°", "o", "‰", "%", "§", "S",
	"←", "<", "→", ">", "↑", "^", "↓", "v",
	"▲", "^", "▼", "v", "▶", ">", "◀", "<", "●", "o", "○", "o", "◆", "*", "■", "#", "□", "#", "★", "*", "☆", "*",
)

// text is a laid-out frame with the set's replacements made in its text.
func (g *Glyphs) text(frame string) string {
	if g.Text == nil {
		return frame
	}
	return g.Text.Replace(frame)
}

// marker is the marker of series i.
func (g *Glyphs) marker(i int) string { return g.Markers[i%len(g.Markers)] }

// stroke is the line of series i.
func (g *Glyphs) stroke(i int) asciigraph.CharSet { return g.Strokes[i%len(g.Strokes)] }
