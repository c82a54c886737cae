package model

import "strings"

// How figures are written, one function per language, as each
// language's statistical releases write them. A figure keeps the digits
// its source gave: moving it to another unit (亿元 → billion yuan) shifts
// the decimal point and nothing else, so no digit is added, dropped or
// rounded. Negative figures take the minus sign − (U+2212).

// Minus is the minus sign figures are written with.
const Minus = "−"

// magnitudes are the Chinese unit prefixes that scale a figure, longest
// first so that 万亿 is not read as 万.
var magnitudes = []struct {
	prefix string
	exp    int
}{{"万亿", 12}, {"亿", 8}, {"万", 4}}

// Magnitude splits a Chinese unit into the power of ten its prefix
// carries and the unit itself: 亿元 → 8, 元; 万平方米 → 4, 平方米; % → 0, %.
func Magnitude(zhUnit string) (exp int, base string) {
	for _, m := range magnitudes {
		if rest, ok := strings.CutPrefix(zhUnit, m.prefix); ok && rest != "" {
			return m.exp, rest
		}
	}
	return 0, zhUnit
}

// Figure writes a figure with its qualifier and unit in l. The unit's
// Chinese side is as the source wrote it (亿元, 万平方米, 人次, %); its
// English side names the unit without the Chinese scale (yuan, m²,
// visits), which Figure applies to the number.
func Figure(l Lang, n Number, q Qualifier, unit Text) string {
	if l == En {
		return figureEn(n, q, unit)
	}
	return figureZh(n, q, unit)
}

// Decimal writes a bare number in l: the minus sign in both languages,
// thousands separators in English only.
func Decimal(l Lang, n Number) string {
	if l == En {
		return signed(group(n.Text))
	}
	return signed(n.Text)
}

// Points writes a difference between two percentages in l:
// 0.1个百分点, 0.1 percentage points.
func Points(l Lang, n Number) string {
	if l == En {
		if n.Text == "1" {
			return "1 percentage point"
		}
		return Decimal(En, n) + " percentage points"
	}
	return Decimal(Zh, n) + "个百分点"
}

// UnitName is the unit a figure is stated in, as a column heading or a
// label gives it: 亿元, 100 million yuan; 万平方米, 10,000 m².
func UnitName(l Lang, unit Text) string {
	if l != En {
		return unit.Zh
	}
	exp, _ := Magnitude(unit.Zh)
	switch exp {
	case 12:
		return "trillion " + unit.En
	case 8:
		return "100 million " + unit.En
	case 4:
		return "10,000 " + unit.En
	}
	return unit.En
}

// figureZh writes 4294.78亿元, 280.59万人次, 4万只以上, 5%左右, −4.7%. A
// unit the source already scaled (亿元) keeps the source's number; a
// whole count of 万 or more is written in 万 or 亿 where that takes at
// most two decimals, as Chinese reports write it (2805900 → 280.59万),
// and in full otherwise (32509元). No thousands separators.
func figureZh(n Number, q Qualifier, unit Text) string {
	num, prefix := n.Text, ""
	if exp, _ := Magnitude(unit.Zh); exp == 0 && !strings.Contains(n.Text, ".") {
		for _, m := range []struct {
			word string
			exp  int
		}{{"亿", 8}, {"万", 4}} {
			shifted := shift(n.Text, -m.exp)
			if whole, frac, _ := strings.Cut(strings.TrimPrefix(shifted, "-"), "."); whole != "0" && len(frac) <= 2 {
				num, prefix = shifted, m.word
				break
			}
		}
	}
	out := signed(num) + prefix + unit.Zh
	switch q {
	case About:
		out += "左右"
	case Over:
		out += "以上"
	}
	return out
}

// figureEn writes 429.478 billion yuan, 3.829 million m², over 40,000
// birds, about 5%, −4.7%: amounts of a million or more in millions or
// billions, smaller ones in full, with thousands separators throughout.
func figureEn(n Number, q Qualifier, unit Text) string {
	var out string
	if unit.Zh == "%" || unit.En == "%" {
		out = signed(n.Text) + "%"
	} else {
		exp, _ := Magnitude(unit.Zh)
		full := shift(n.Text, exp)
		whole, _, _ := strings.Cut(strings.TrimPrefix(full, "-"), ".")
		switch {
		case len(whole) > 9:
			out = signed(group(shift(n.Text, exp-9))) + " billion"
		case len(whole) > 6:
			out = signed(group(shift(n.Text, exp-6))) + " million"
		default:
			out = signed(group(full))
		}
		if unit.En != "" {
			out += " " + unit.En
		}
	}
	switch q {
	case About:
		out = "about " + out
	case Over:
		out = "over " + out
	}
	return out
}

// shift moves the decimal point of a plain decimal by exp places (right
// when positive). Zeros the move brings in are placeholders and go where
// they would trail a fraction; digits the source wrote are all kept, so
// 382.9 moved two left is 3.829 and 2805900 moved four left is 280.59.
func shift(text string, exp int) string {
	sign := ""
	if strings.HasPrefix(text, "-") {
		sign, text = "-", text[1:]
	}
	whole, frac, hadPoint := strings.Cut(text, ".")
	digits := whole + frac
	point := len(whole) + exp // the point's position within digits
	for point > len(digits) {
		digits += "0"
	}
	for point < 1 {
		digits, point = "0"+digits, point+1
	}
	w, f := strings.TrimLeft(digits[:point], "0"), digits[point:]
	if w == "" {
		w = "0"
	}
	if !hadPoint {
		// A whole number's trailing zeros hold places; none is a digit
		// the source stated after a point. A stated fraction keeps its
		// every digit, zeros too ("4.0").
		f = strings.TrimRight(f, "0")
	}
	if f == "" {
		return sign + w
	}
	return sign + w + "." + f
}

// signed writes a leading minus as −.
func signed(s string) string {
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		return Minus + rest
	}
	return s
}

// group puts thousands separators in the whole part of a plain decimal
// (5806.1 → 5,806.1), as English releases do from four digits up.
func group(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, hasPoint := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := sign + b.String()
	if hasPoint {
		out += "." + frac
	}
	return out
}
