package model

import (
	"fmt"
	"math/big"
	"strings"
)

// Derivation records how a figure the source never states outright was
// computed from one it does state and a difference it gives: Q1's 4.3%
// is H1's 4.4% less the "0.1 percentage points" H1 was faster.
type Derivation struct {
	Formula Formula
	// From is the stated observation the formula starts from; its value
	// must be the formula's first operand.
	From ObsRef
}

// Formula is "A - B" or "A + B" with figures written as in the source.
type Formula struct {
	Left  Number
	Op    byte // '-' or '+'
	Right Number
}

// ParseFormula reads "4.4 - 0.1". Spaces around the operator are required
// so that a negative operand ("10.2 - -4.7") still reads unambiguously.
func ParseFormula(s string) (Formula, error) {
	fields := strings.Fields(s)
	if len(fields) != 3 || len(fields[1]) != 1 || (fields[1] != "-" && fields[1] != "+") {
		return Formula{}, fmt.Errorf("formula %s is not written \"A - B\" or \"A + B\"", Quote(s))
	}
	left, err := ParseNumber(fields[0])
	if err != nil {
		return Formula{}, fmt.Errorf("formula %s: %w", Quote(s), err)
	}
	right, err := ParseNumber(fields[2])
	if err != nil {
		return Formula{}, fmt.Errorf("formula %s: %w", Quote(s), err)
	}
	return Formula{Left: left, Op: fields[1][0], Right: right}, nil
}

func (f Formula) String() string {
	return f.Left.Text + " " + string(f.Op) + " " + f.Right.Text
}

// Result is the exact value of the formula.
func (f Formula) Result() *big.Rat {
	if f.Op == '+' {
		return new(big.Rat).Add(f.Left.Rat(), f.Right.Rat())
	}
	return new(big.Rat).Sub(f.Left.Rat(), f.Right.Rat())
}

// Reproduces reports whether the formula gives exactly n, so a typo in
// either the figure or the arithmetic is caught when the pack loads.
func (f Formula) Reproduces(n Number) bool {
	return f.Result().Cmp(n.Rat()) == 0
}

// ResultText writes the formula's result with as many decimals as its
// operands carry, for messages that say what the value should have been.
func (f Formula) ResultText() string {
	d := max(f.Left.Decimals(), f.Right.Decimals())
	return f.Result().FloatString(d)
}

// BaseAbove reports whether the starting figure is higher than the derived
// one: "A - B" with B positive means A was B above the result.
func (f Formula) BaseAbove() bool {
	return (f.Op == '-') != f.Right.Negative()
}

// Gap is the size of the stated difference without its sign.
func (f Formula) Gap() Number {
	gap := f.Right
	gap.Text = strings.TrimPrefix(gap.Text, "-")
	if gap.Float < 0 {
		gap.Float = -gap.Float
	}
	return gap
}
