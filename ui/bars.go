package ui

import (
	"math"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/kmdash/kmdash/model"
)

// eighths draws the last cell of a bar to an eighth of its width.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

type bar struct {
	label  string
	ind    *model.Indicator
	obs    *model.Observation
	region int
}

// barLabels names each bar by what differs between them: regions for a
// comparison of places, periods for one place over time.
func (c *Context) bars(g model.BarGroup) []bar {
	var out []bar
	sameRegion, samePeriod := true, true
	for _, ref := range g.Items {
		sameRegion = sameRegion && ref.Region == g.Items[0].Region
		samePeriod = samePeriod && ref.Period == g.Items[0].Period
	}
	for _, ref := range g.Items {
		ind, o := c.Pack.Find(ref)
		if o == nil {
			continue
		}
		var label string
		switch {
		case samePeriod:
			label = c.regionName(o.Region)
		case sameRegion:
			label = c.period(o)
		default:
			label = c.regionName(o.Region) + " " + c.period(o)
		}
		out = append(out, bar{label: label, ind: ind, obs: o, region: c.Pack.RegionIndex(o.Region)})
	}
	return out
}

// barGroup draws horizontal bars from a shared zero line; negative
// figures extend left of it. Each bar is followed by its exact figure.
func (c *Context) barGroup(g model.BarGroup, width int) string {
	bars := c.bars(g)
	if len(bars) == 0 {
		return ""
	}
	labelW, valueW := 0, 0
	var maxPos, maxNeg float64
	for _, b := range bars {
		labelW = max(labelW, lipgloss.Width(b.label))
		valueW = max(valueW, lipgloss.Width(c.figure(b.ind, b.obs)))
		if v := b.obs.Value.Float; v >= 0 {
			maxPos = math.Max(maxPos, v)
		} else {
			maxNeg = math.Max(maxNeg, -v)
		}
	}
	area := max(4, width-labelW-valueW-4)
	negW := 0
	if maxNeg > 0 {
		negW = int(math.Round(float64(area) * maxNeg / (maxNeg + maxPos)))
	}
	posW := area - negW
	// One unit of the figures is the same length on both sides of zero.
	perUnit := float64(area) / (maxPos + maxNeg)
	if maxPos+maxNeg == 0 {
		perUnit = 0
	}
	lines := []string{c.Theme.Plain.Width(width).Render(wrap(c.Theme.Heading.Render(g.Title.In(c.Lang)), width))}
	for _, b := range bars {
		style := c.Theme.Region(b.region)
		label := b.label + strings.Repeat(" ", labelW-lipgloss.Width(b.label))
		v := b.obs.Value.Float
		var left, right string
		if v < 0 {
			// Partial cells only come left-aligned, so a bar growing
			// leftwards is drawn in whole cells.
			body := barCells(math.Round(-v * perUnit))
			left = strings.Repeat(" ", max(0, negW-lipgloss.Width(body))) + style.Render(body)
			right = strings.Repeat(" ", posW)
		} else {
			left = strings.Repeat(" ", negW)
			body := barCells(v * perUnit)
			right = style.Render(body) + strings.Repeat(" ", max(0, posW-lipgloss.Width(body)))
		}
		axis := ""
		if negW > 0 {
			axis = c.Theme.Muted.Render("│")
		}
		lines = append(lines, label+" "+left+axis+right+" "+c.figure(b.ind, b.obs))
	}
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

// barCells is a bar n cells long, to an eighth of a cell. Negative bars use
// the same glyphs: the zero line and the figure say which way they go.
func barCells(n float64) string {
	whole := int(n)
	part := int(math.Round((n - float64(whole)) * 8))
	if part == 8 {
		whole, part = whole+1, 0
	}
	s := strings.Repeat("█", whole) + eighths[part]
	if s == "" {
		s = "▏" // a figure of zero still gets a mark
	}
	return s
}
