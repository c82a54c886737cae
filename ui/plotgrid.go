package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cellKind says what drew a cell of a plot, which decides what a label
// may cover: only blanks, or a target's dashes when nothing else is free.
type cellKind int

const (
	blankCell cellKind = iota
	axisCell
	strokeCell
	targetCell
	markerCell
	labelCell
)

// cell is one column of a plot row: a character (empty for the second
// column of a wide one) and the colour sequence it is drawn in.
type cell struct {
	text   string
	colour string
	kind   cellKind
}

// grid is asciigraph's drawing taken apart into cells, so that markers,
// value labels and a right-hand axis can be laid over it. asciigraph only
// writes SGR colour sequences, each in force until the next.
type grid struct {
	rows [][]cell
}

const sgrReset = "\x1b[0m"

// parseGrid reads asciigraph's lines, padding each to width columns.
// Cells left of axisCol are the y axis and its labels; targetGlyphs are
// the strokes of target lines.
func parseGrid(text string, width, axisCol int, targetGlyphs string) *grid {
	g := &grid{}
	for _, line := range strings.Split(text, "\n") {
		row := make([]cell, 0, width)
		colour := ""
		for len(line) > 0 {
			if strings.HasPrefix(line, "\x1b[") {
				end := strings.IndexByte(line, 'm')
				if end < 0 {
					break
				}
				colour = line[:end+1]
				if colour == sgrReset {
					colour = ""
				}
				line = line[end+1:]
				continue
			}
			ch, w := firstGrapheme(line)
			line = line[len(ch):]
			kind := strokeCell
			switch {
			case len(row) <= axisCol:
				kind = axisCell
			case ch == " ":
				kind = blankCell
			case strings.Contains(targetGlyphs, ch):
				kind = targetCell
			}
			row = append(row, cell{text: ch, colour: colour, kind: kind})
			for ; w > 1; w-- {
				row = append(row, cell{colour: colour, kind: kind})
			}
		}
		for len(row) < width {
			row = append(row, cell{text: " "})
		}
		g.rows = append(g.rows, row)
	}
	return g
}

func firstGrapheme(s string) (string, int) {
	for i := range s {
		if i > 0 {
			return s[:i], max(1, ansi.StringWidth(s[:i]))
		}
	}
	return s, max(1, ansi.StringWidth(s))
}

// swapAxis draws the axis cells asciigraph made in the glyphs of swap,
// where it has one for them: asciigraph's own are box characters.
func (g *grid) swapAxis(swap map[string]string) {
	if swap == nil {
		return
	}
	for _, row := range g.rows {
		for i, cl := range row {
			if s, ok := swap[cl.text]; ok && cl.kind == axisCell {
				row[i].text = s
			}
		}
	}
}

// fits reports whether text can be written at row r from column c: every
// cell it would cover is blank, or a target's dash when soft is set.
func (g *grid) fits(r, c, w int, soft bool) bool {
	if r < 0 || r >= len(g.rows) || c < 0 || c+w > len(g.rows[r]) {
		return false
	}
	for _, cl := range g.rows[r][c : c+w] {
		if cl.kind != blankCell && (!soft || cl.kind != targetCell) {
			return false
		}
	}
	return true
}

// put writes text at row r from column c, one cell per column.
func (g *grid) put(r, c int, text, colour string, kind cellKind) {
	row := g.rows[r]
	for len(text) > 0 && c < len(row) {
		ch, w := firstGrapheme(text)
		text = text[len(ch):]
		row[c] = cell{text: ch, colour: colour, kind: kind}
		for i := 1; i < w && c+i < len(row); i++ {
			row[c+i] = cell{colour: colour, kind: kind}
		}
		c += w
	}
}

// String draws the grid back, each row without trailing blanks.
func (g *grid) String() string {
	var b strings.Builder
	for i, row := range g.rows {
		if i > 0 {
			b.WriteByte('\n')
		}
		end := len(row)
		for end > 0 && row[end-1].kind == blankCell && row[end-1].text == " " {
			end--
		}
		colour := ""
		for _, cl := range row[:end] {
			if cl.text == "" {
				continue
			}
			if cl.colour != colour {
				if cl.colour == "" {
					b.WriteString(sgrReset)
				} else {
					b.WriteString(cl.colour)
				}
				colour = cl.colour
			}
			b.WriteString(cl.text)
		}
		if colour != "" {
			b.WriteString(sgrReset)
		}
	}
	return b.String()
}
