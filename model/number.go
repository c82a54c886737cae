package model

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// Number is a figure exactly as its source wrote it. The text is kept so
// that "4.0" stays "4.0" on screen and in exports; the float is only for
// placing the figure on a chart.
type Number struct {
	Text  string
	Float float64
}

// MaxDigits is the most digits a figure may have. No release states a
// figure to more; the exact arithmetic that checks derived figures, and
// every screen that shows one, can then take any figure in its stride.
const MaxDigits = 20

// ParseNumber accepts plain decimal notation: an optional minus sign,
// digits, and an optional fraction. Exponents, hex, thousands separators
// and leading zeros ("007") are refused because no statistical release
// writes them, and JSON, which exports carry figures in, cannot either.
func ParseNumber(s string) (Number, error) {
	if !isDecimal(s) {
		return Number{}, fmt.Errorf("%s is not a plain decimal number", Quote(s))
	}
	if digits := len(s) - strings.Count(s, "-") - strings.Count(s, "."); digits > MaxDigits {
		return Number{}, fmt.Errorf("%s has %d digits; a figure may have at most %d", Quote(s), digits, MaxDigits)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return Number{}, fmt.Errorf("%s is not a number: %w", Quote(s), err)
	}
	return Number{Text: s, Float: f}, nil
}

func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && frac == "") || (len(whole) > 1 && whole[0] == '0') {
		return false
	}
	for _, part := range []string{whole, frac} {
		for _, r := range part {
			if r < '0' || r > '9' {
				return false
			}
		}
	}
	return true
}

// Rat is the exact value, for arithmetic that must not drift.
func (n Number) Rat() *big.Rat {
	r, ok := new(big.Rat).SetString(n.Text)
	if !ok {
		return new(big.Rat)
	}
	return r
}

// Decimals is how many digits the source gave after the point.
func (n Number) Decimals() int {
	if _, frac, ok := strings.Cut(n.Text, "."); ok {
		return len(frac)
	}
	return 0
}

// Negative reports whether the figure is below zero.
func (n Number) Negative() bool { return strings.HasPrefix(n.Text, "-") }
