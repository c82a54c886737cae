package model

import (
	"math/big"
	"strings"
	"testing"
)

// mn parses a number the tests know to be well formed.
func mn(s string) Number {
	n, err := ParseNumber(s)
	if err != nil {
		panic(err)
	}
	return n
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr bool
	}{
		{"6.0", 6, false},
		{"-4.7", -4.7, false},
		{"1234.56", 1234.56, false},
		{"0", 0, false},
		{"0.1", 0.1, false},
		{"2805900", 2805900, false},
		{"-0.3", -0.3, false},
		{"0.05", 0.05, false},
		{"12345678901234567890", 12345678901234567890, false},
		{"-1234567890.1234567890", -1234567890.1234567890, false},

		{"", 0, true},
		{"+", 0, true},
		{"-", 0, true},
		{"+5", 0, true},
		{"--5", 0, true},
		{"1e3", 0, true},
		{"1E3", 0, true},
		{"1,000", 0, true},
		{" 5", 0, true},
		{"5 ", 0, true},
		{".5", 0, true},
		{"5.", 0, true},
		{"-.5", 0, true},
		{"1.2.3", 0, true},
		{"007", 0, true},
		{"05.5", 0, true},
		{"-01", 0, true},
		{"00", 0, true},
		{"0x1F", 0, true},
		{"Inf", 0, true},
		{"NaN", 0, true},
		{"1_000", 0, true},
		{"４.０", 0, true}, // full-width digits
		{"5%", 0, true},
		// More digits than any release gives: refused before the
		// exact arithmetic of a formula has to carry them.
		{"123456789012345678901", 0, true},
		{"0.00000000000000000001", 0, true},
		{"1" + strings.Repeat("0", 1<<20), 0, true},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseNumber(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if got.Text != tt.in {
			t.Errorf("ParseNumber(%q).Text = %q, want the source's text unchanged", tt.in, got.Text)
		}
		if got.Float != tt.want {
			t.Errorf("ParseNumber(%q).Float = %v, want %v", tt.in, got.Float, tt.want)
		}
	}
}

func TestNumberDecimalsAndNegative(t *testing.T) {
	tests := []struct {
		in       string
		decimals int
		negative bool
	}{
		{"4", 0, false},
		{"4.0", 1, false},
		{"4.00", 2, false},
		{"-4.7", 1, true},
		{"1234.56", 2, false},
		{"-2805900", 0, true},
		{"0.125", 3, false},
	}
	for _, tt := range tests {
		n := mn(tt.in)
		if got := n.Decimals(); got != tt.decimals {
			t.Errorf("%q.Decimals() = %d, want %d", tt.in, got, tt.decimals)
		}
		if got := n.Negative(); got != tt.negative {
			t.Errorf("%q.Negative() = %v, want %v", tt.in, got, tt.negative)
		}
	}
}

func TestNumberRat(t *testing.T) {
	tests := []struct {
		in       string
		num, den int64
	}{
		{"0.1", 1, 10},
		{"4.4", 22, 5},
		{"-4.7", -47, 10},
		{"6.0", 6, 1},
		{"6.00", 6, 1},
		{"1234.56", 30864, 25},
		{"2805900", 2805900, 1},
	}
	for _, tt := range tests {
		want := big.NewRat(tt.num, tt.den)
		if got := mn(tt.in).Rat(); got.Cmp(want) != 0 {
			t.Errorf("%q.Rat() = %s, want %s", tt.in, got, want)
		}
	}
}

// Rat is exact where float64 is not: 0.1 + 0.2 is 0.3 as rationals.
func TestNumberRatExactSum(t *testing.T) {
	sum := new(big.Rat).Add(mn("0.1").Rat(), mn("0.2").Rat())
	if sum.Cmp(mn("0.3").Rat()) != 0 {
		t.Errorf("0.1 + 0.2 = %s as rationals, want exactly 3/10", sum)
	}
}

func TestNumberRatOfEmptyIsZero(t *testing.T) {
	if got := (Number{}).Rat(); got.Sign() != 0 {
		t.Errorf("Number{}.Rat() = %s, want 0", got)
	}
}
