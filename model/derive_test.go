package model

import (
	"strings"
	"testing"
)

// mf parses a formula the tests know to be well formed.
func mf(s string) Formula {
	f, err := ParseFormula(s)
	if err != nil {
		panic(err)
	}
	return f
}

func TestParseFormula(t *testing.T) {
	tests := []struct {
		in          string
		left, right string
		op          byte
		wantErr     string // "" means success
	}{
		{"4.4 - 0.1", "4.4", "0.1", '-', ""},
		{"4.3 + 0.1", "4.3", "0.1", '+', ""},
		{"10.2 - -4.7", "10.2", "-4.7", '-', ""},
		{"-1.5 + -0.5", "-1.5", "-0.5", '+', ""},
		{"  4.4   -  0.1 ", "4.4", "0.1", '-', ""},
		{"2805900 - 1000", "2805900", "1000", '-', ""},

		{"4.4-0.1", "", "", 0, "is not written"},
		{"4.4 -0.1", "", "", 0, "is not written"},
		{"4.4", "", "", 0, "is not written"},
		{"", "", "", 0, "is not written"},
		{"4.4 * 0.1", "", "", 0, "is not written"},
		{"4.4 / 0.1", "", "", 0, "is not written"},
		{"4.4 -- 0.1", "", "", 0, "is not written"},
		{"4.4 − 0.1", "", "", 0, "is not written"}, // U+2212 minus sign
		{"4.4 - 0.1 - 0.2", "", "", 0, "is not written"},
		{"4.4% - 0.1", "", "", 0, "not a plain decimal"},
		{"4.4 - 1e-1", "", "", 0, "not a plain decimal"},
		{"4.4 + 1,000", "", "", 0, "not a plain decimal"},
	}
	for _, tt := range tests {
		got, err := ParseFormula(tt.in)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("ParseFormula(%q) error = %v, want none", tt.in, err)
				continue
			}
			if got.Left.Text != tt.left || got.Op != tt.op || got.Right.Text != tt.right {
				t.Errorf("ParseFormula(%q) = %q %c %q, want %q %c %q",
					tt.in, got.Left.Text, got.Op, got.Right.Text, tt.left, tt.op, tt.right)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParseFormula(%q) = %v, want an error containing %q", tt.in, got, tt.wantErr)
		} else if !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseFormula(%q) error = %q, want it to contain %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestFormulaString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"4.4 - 0.1", "4.4 - 0.1"},
		{"  4.4   +  0.10 ", "4.4 + 0.10"},
		{"10.2 - -4.7", "10.2 - -4.7"},
	}
	for _, tt := range tests {
		if got := mf(tt.in).String(); got != tt.want {
			t.Errorf("ParseFormula(%q).String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormulaReproduces(t *testing.T) {
	// Reproduction compares exact values, so trailing zeros neither help
	// nor hurt: 5.2 − 4.7 is 0.5, which "0.50" states as well as "0.5".
	tests := []struct {
		formula, value string
		want           bool
	}{
		{"5.2 - 4.7", "0.5", true},
		{"5.2 - 4.7", "0.50", true},
		{"5.2 - 4.7", "0.6", false},
		{"5.2 - 4.7", "0.49", false},
		{"4.4 - 0.1", "4.3", true},
		{"4.3 + 0.1", "4.4", true},
		{"4.3 + 0.1", "4.2", false},
		{"0.1 + 0.2", "0.3", true}, // not fooled by binary floating point
		{"10.2 - -4.7", "14.9", true},
		{"10.2 - -4.7", "5.5", false},
		{"10.2 + -4.7", "5.5", true},
		{"4.0 - 4.0", "0", true},
		{"1.0 - 2.5", "-1.5", true},
		{"1.0 - 2.5", "1.5", false},
		{"48.6 - 7.3", "41.3", true},
		{"2805900 - 0.01", "2805899.99", true},
	}
	for _, tt := range tests {
		if got := mf(tt.formula).Reproduces(mn(tt.value)); got != tt.want {
			t.Errorf("(%s).Reproduces(%s) = %v, want %v", tt.formula, tt.value, got, tt.want)
		}
	}
}

func TestFormulaResultText(t *testing.T) {
	tests := []struct{ formula, want string }{
		{"5.2 - 4.7", "0.5"},
		{"4.4 - 0.1", "4.3"},
		{"4.40 - 0.1", "4.30"},
		{"10 - 0.25", "9.75"},
		{"10 + 5", "15"},
		{"1.0 - 2.5", "-1.5"},
		{"10.2 - -4.7", "14.9"},
		{"0.1 + 0.2", "0.3"},
	}
	for _, tt := range tests {
		if got := mf(tt.formula).ResultText(); got != tt.want {
			t.Errorf("(%s).ResultText() = %q, want %q", tt.formula, got, tt.want)
		}
	}
}

func TestFormulaBaseAboveAndGap(t *testing.T) {
	// BaseAbove: is the formula's starting figure (A) higher than the
	// result? Gap: |B|, written as the source wrote it.
	tests := []struct {
		formula string
		above   bool
		gap     string
		gapF    float64
	}{
		{"4.4 - 0.1", true, "0.1", 0.1},     // H1 4.4 was 0.1 pp above Q1 4.3
		{"4.3 + 0.1", false, "0.1", 0.1},    // Q1 4.3 was 0.1 pp below H1 4.4
		{"10.2 - -4.7", false, "4.7", 4.7},  // result 14.9 is above 10.2
		{"10.2 + -4.7", true, "4.7", 4.7},   // result 5.5 is below 10.2
		{"48.6 - 7.3", true, "7.3", 7.3},    // 48.6 is 7.3 pp up on 41.3
		{"-1.5 + 2.50", false, "2.50", 2.5}, // trailing zeros of the gap are kept
	}
	for _, tt := range tests {
		f := mf(tt.formula)
		if got := f.BaseAbove(); got != tt.above {
			t.Errorf("(%s).BaseAbove() = %v, want %v", tt.formula, got, tt.above)
		}
		// BaseAbove must agree with the arithmetic itself.
		if arith := f.Left.Rat().Cmp(f.Result()) > 0; arith != tt.above {
			t.Errorf("(%s): table says above=%v but %s vs %s says %v", tt.formula, tt.above, f.Left.Text, f.ResultText(), arith)
		}
		g := f.Gap()
		if g.Text != tt.gap || g.Float != tt.gapF {
			t.Errorf("(%s).Gap() = {%q, %v}, want {%q, %v}", tt.formula, g.Text, g.Float, tt.gap, tt.gapF)
		}
		if f.Right.Text != strings.Fields(tt.formula)[2] {
			t.Errorf("(%s).Gap() changed the formula's own operand to %q", tt.formula, f.Right.Text)
		}
	}
}
