package ui

import (
	"math"
	"math/big"

	"github.com/kmdash/kmdash/model"
)

// axis is a chart's y axis. Values are counted in units of the finest
// decimal the figures are written to (0.1 for "4.4"), so that which row
// a figure sits on is integer arithmetic, never a float that rounds the
// wrong way. Rows are perStep to a labelled step; a figure on a labelled
// row reads its value there, any other gets its value written beside it.
type axis struct {
	unit     *big.Rat   // one unit: 0.1 for figures to one decimal
	lo, hi   int64      // the bottom and top rows, in units
	step     int64      // units between labelled rows
	perStep  int        // plot rows to a step
	decimals int        // of the labels
	lang     model.Lang // the labels are written in
}

// rows is the number of plot rows.
func (a axis) rows() int { return int((a.hi-a.lo)/a.step)*a.perStep + 1 }

// maxPerStep bounds how far a chart grows taller than its steps need:
// past three rows to a step the lines only get longer, not clearer.
const maxPerStep = 3

// niceSteps are the steps tried in units, finest first.
var niceSteps = []int64{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000}

// chooseAxis picks the finest step for which the values fit maxRows
// rows: one unit when it can (every figure then sits on its own labelled
// row), else a round multiple. It then fills the rows it may: with rows
// between labelled ones, and with steps of headroom above and below, so
// a label has a row beside its figure and a tall window a tall chart.
func chooseAxis(values []model.Number, maxRows int) axis {
	decimals := 0
	for _, v := range values {
		decimals = max(decimals, v.Decimals())
	}
	unit := new(big.Rat).SetFrac(big.NewInt(1), pow10(decimals))
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for _, v := range values {
		n := units(v, unit)
		lo, hi = min(lo, n), max(hi, n)
	}
	if len(values) == 0 {
		lo, hi = 0, 1
	}
	maxRows = max(2, maxRows)
	for _, step := range niceSteps {
		base := axis{unit: unit, step: step, perStep: 1, lo: floorTo(lo, step), hi: ceilTo(hi, step)}
		if base.hi == base.lo {
			base.hi += step
		}
		steps := int((base.hi - base.lo) / step)
		if steps+1 > maxRows {
			continue
		}
		base.decimals = max(0, decimals-trailingZeros(step))
		// The finest step that fits: now grow into the rows given, taller
		// steps first (the lines get room to climb), then headroom of up
		// to half the figures' span above and below. The headroom is a
		// step at a time, above first where the two sides differ, so a
		// chart of three rows a step is not left up to five rows short of
		// the window by growing on both sides at once.
		best := base
		most := max(1, steps/2)
		for per := maxPerStep; per >= 1; per-- {
			for pad := 2 * most; pad >= 0; pad-- {
				below, above := pad/2, pad-pad/2
				a := base
				a.perStep, a.lo, a.hi = per, base.lo-int64(below)*step, base.hi+int64(above)*step
				if a.rows() <= maxRows && a.rows() > best.rows() {
					best = a
				}
			}
		}
		return best
	}
	// Beyond every step: the figures span more than 10⁵ units and the
	// window is tiny; labels beside the points still say each one.
	step := niceSteps[len(niceSteps)-1]
	return axis{unit: unit, lo: floorTo(lo, step), hi: max(ceilTo(hi, step), floorTo(lo, step)+step), step: step, perStep: 1}
}

// span is how many units of their finest decimal the values spread over.
func span(values []model.Number) int64 {
	decimals := 0
	for _, v := range values {
		decimals = max(decimals, v.Decimals())
	}
	unit := new(big.Rat).SetFrac(big.NewInt(1), pow10(decimals))
	var lo, hi int64
	for i, v := range values {
		n := units(v, unit)
		if i == 0 || n < lo {
			lo = n
		}
		if i == 0 || n > hi {
			hi = n
		}
	}
	return hi - lo
}

// units is v counted in units, exactly: v has no more decimals than one
// unit, by the way unit was chosen.
func units(v model.Number, unit *big.Rat) int64 {
	q := new(big.Rat).Quo(v.Rat(), unit)
	return q.Num().Int64()
}

func pow10(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }

// trailingZeros counts the zeros that end n: a step of 10 units of 0.1
// is 1, labelled without a decimal.
func trailingZeros(n int64) int {
	z := 0
	for n != 0 && n%10 == 0 {
		n /= 10
		z++
	}
	return z
}

func floorTo(n, step int64) int64 {
	q := n / step
	if n%step != 0 && n < 0 {
		q--
	}
	return q * step
}

func ceilTo(n, step int64) int64 { return -floorTo(-n, step) }

// value is the number u units stand for, as a float for asciigraph.
func (a axis) value(u int64) float64 {
	f, _ := new(big.Rat).Mul(new(big.Rat).SetInt64(u), a.unit).Float64()
	return f
}

// label writes u units as an axis label, as figures are written in the
// chart's language: "4.3", "−5", "10", "20,000".
func (a axis) label(u int64) string {
	r := new(big.Rat).Mul(new(big.Rat).SetInt64(u), a.unit)
	return model.Decimal(a.lang, model.Number{Text: r.FloatString(a.decimals)})
}

// ratio is asciigraph's rows per unit of value, computed as it does.
func (a axis) ratio() float64 {
	return float64(a.rows()-1) / math.Abs(a.value(a.hi)-a.value(a.lo))
}

// row is the plot row (0 at the top) asciigraph draws value v on. It is
// asciigraph's own arithmetic, float for float, so a marker or a label
// laid over the drawing lands on the line it belongs to.
func (a axis) row(v float64) int {
	ratio := a.ratio()
	up := int(math.Round(v*ratio) - math.Round(a.value(a.lo)*ratio))
	return a.rows() - 1 - up
}

// labelled reports whether plot row r carries a label, and its value in
// units.
func (a axis) labelled(r int) (int64, bool) {
	up := a.rows() - 1 - r
	if up < 0 || r < 0 || up%a.perStep != 0 {
		return 0, false
	}
	return a.lo + int64(up/a.perStep)*a.step, true
}

// rowOf is the plot row asciigraph asks a label for: it passes the row's
// value, from the top, hi − r·(hi−lo)/(rows−1).
func (a axis) rowOf(magnitude float64) int {
	span := a.value(a.hi) - a.value(a.lo)
	return int(math.Round((a.value(a.hi) - magnitude) / span * float64(a.rows()-1)))
}
