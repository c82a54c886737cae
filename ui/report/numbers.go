package report

import (
	"github.com/kmdash/kmdash/model"
)

// The scorecard and the minutes write figures through these few
// functions, which hand them to the model's one number form per language
// (万/亿 or billions, the minus sign, qualifiers placed as each language
// does).

// figure writes a value as its source gave it, hedged, with its unit:
// "5%左右", "4.4%", "about 5%", "4294.78亿元", "429.478 billion yuan".
func figure(lang model.Lang, ind *model.Indicator, o *model.Observation) string {
	return model.Figure(lang, o.Value, o.Qualifier, ind.Unit)
}

// plus is the sign a gap above zero is written with; below zero the
// number forms write the minus sign themselves.
func plus(n model.Number) string {
	if n.Rat().Sign() > 0 {
		return "+"
	}
	return ""
}

// signed writes a gap as a bare number with its direction: "+0.7", "−0.6".
func signed(lang model.Lang, n model.Number) string { return plus(n) + model.Decimal(lang, n) }

// gapText writes a gap in a sentence: "−0.6个百分点", "+0.7 percentage
// points", or an amount in the indicator's unit.
func gapText(lang model.Lang, ind *model.Indicator, n model.Number) string {
	if ind.Measure.Percentage() {
		return plus(n) + model.Points(lang, n)
	}
	return plus(n) + model.Figure(lang, n, model.Exact, ind.Unit)
}
