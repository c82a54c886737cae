package ui

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// barChart compares figures as horizontal bars from a shared zero line;
// negative figures extend left of it. Each bar ends in its exact figure,
// starred when derived, as on the line charts.
type barChart struct {
	title string
	bars  []bar
	words *words.Words
	theme *Theme
}

type bar struct {
	label   string
	value   float64
	text    string // the figure with its unit, starred when derived
	derived bool
	region  int
}

// barChart gathers a bar group's figures. Bars are named by what differs
// between them: regions for a comparison of places, periods for one place
// over time. A group whose periods fall in different years writes the
// year on every label, so "上半年" never stands beside "2024年" as if
// both were this year's.
func (c *Context) barChart(g model.BarGroup) *barChart {
	bc := &barChart{title: g.Title.In(c.Lang), words: c.Words, theme: c.Theme}
	sameRegion, samePeriod, sameYear := true, true, true
	for _, ref := range g.Items {
		first := g.Items[0]
		sameRegion = sameRegion && ref.Region == first.Region
		samePeriod = samePeriod && ref.Period == first.Period
		sameYear = sameYear && ref.Period.To.Year == first.Period.To.Year
	}
	for _, ref := range g.Items {
		ind, o := c.Pack.Find(ref)
		if o == nil {
			continue
		}
		period := c.period(o)
		if !sameYear && o.Label.IsZero() {
			period = o.Period.Label(c.Lang, 0) // 0: no year is the pack's own
		}
		var label string
		switch {
		case samePeriod:
			label = c.regionName(o.Region)
		case sameRegion:
			label = period
		default:
			label = c.regionName(o.Region) + " " + period
		}
		bc.bars = append(bc.bars, bar{label: label, value: o.Value.Float, text: c.figure(ind, o) + derivedMark(o),
			derived: o.Derived != nil, region: c.Pack.RegionIndex(o.Region)})
	}
	return bc
}

func (bc *barChart) empty() bool { return len(bc.bars) == 0 }

// minHeight is the title, one row a bar and the footnote.
func (bc *barChart) minHeight(width int) int { return lipgloss.Height(bc.draw(width, 0)) }

// draw draws the bars in width columns; height is not used, as bars take
// one row each.
func (bc *barChart) draw(width, _ int) string {
	t, g := bc.theme, bc.theme.Glyphs
	labelW, valueW := 0, 0
	var maxPos, maxNeg float64
	derived := false
	for _, b := range bc.bars {
		labelW = max(labelW, lipgloss.Width(b.label))
		valueW = max(valueW, lipgloss.Width(b.text))
		if b.value >= 0 {
			maxPos = math.Max(maxPos, b.value)
		} else {
			maxNeg = math.Max(maxNeg, -b.value)
		}
		derived = derived || b.derived
	}
	// Labels stand beside their bars while they take at most a third of
	// the width; longer ones go on a line of their own above each bar,
	// whole, rather than be cut.
	above := labelW > max(4, width/3)
	if above {
		labelW = 0
	}
	area := max(4, width-labelW-valueW-4)
	negW := 0
	if maxNeg > 0 {
		negW = int(math.Round(float64(area) * maxNeg / (maxNeg + maxPos)))
	}
	posW := area - negW
	// One unit of the figures is the same length on both sides of zero.
	perUnit := 0.0
	if maxPos+maxNeg > 0 {
		perUnit = float64(area) / (maxPos + maxNeg)
	}
	lines := []string{t.Plain.Width(width).Render(wrap(t.Heading.Render(bc.title), width))}
	for _, b := range bc.bars {
		style := t.Region(b.region)
		label := b.label + strings.Repeat(" ", max(0, labelW-lipgloss.Width(b.label)))
		if above {
			lines = append(lines, t.Plain.Render(wrap(b.label, width)))
			label = ""
		}
		var left, right string
		if b.value < 0 {
			// Partial cells only come left-aligned, so a bar growing
			// leftwards is drawn in whole cells.
			body := g.barCells(math.Round(-b.value * perUnit))
			left = strings.Repeat(" ", max(0, negW-lipgloss.Width(body))) + style.Render(body)
			right = strings.Repeat(" ", posW)
		} else {
			left = strings.Repeat(" ", negW)
			body := g.barCells(b.value * perUnit)
			right = style.Render(body) + strings.Repeat(" ", max(0, posW-lipgloss.Width(body)))
		}
		zero := ""
		if negW > 0 {
			zero = t.Muted.Render(g.Rule)
		}
		lines = append(lines, label+" "+left+zero+right+" "+b.text)
	}
	if derived {
		w := bc.words
		lines = append(lines, t.Muted.Width(width).Render(wrap("* "+w.Derived+w.Colon+w.Arithmetic, width)))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// barCells is a bar n cells long, to an eighth of a cell. Negative bars
// use the same glyphs: the zero line and the figure say which way they go.
func (g *Glyphs) barCells(n float64) string {
	whole := int(n)
	part := int(math.Round((n - float64(whole)) * 8))
	if part == 8 {
		whole, part = whole+1, 0
	}
	s := strings.Repeat(g.Bar, whole) + g.BarEighths[part]
	if s == "" {
		s = g.Zero // a figure of zero still gets a mark
	}
	return s
}
