package ui

import (
	"testing"

	"github.com/kmdash/kmdash/model"
)

func numbers(t testing.TB, ss ...string) []model.Number {
	out := make([]model.Number, len(ss))
	for i, s := range ss {
		out[i] = num(t, s)
	}
	return out
}

func TestChooseAxis(t *testing.T) {
	gdp := []string{"4.3", "4.4", "5.4", "5.3", "5"}
	tests := []struct {
		name     string
		values   []string
		maxRows  int
		step     int64 // in units of the finest decimal
		perStep  int
		lo, hi   int64
		decimals int
	}{
		{"one-decimal rates on 0.1 rows, just fitting", gdp, 12, 1, 1, 43, 54, 1},
		{"a row of headroom each side when it fits", gdp, 14, 1, 1, 42, 55, 1},
		{"a tall window: three rows a step, and headroom", gdp, 40, 1, 3, 42, 55, 1},
		{"too few rows for 0.1: 0.2, and a step of headroom above", gdp, 8, 2, 1, 42, 56, 1},
		{"headroom a step at a time, above first: 40 of 41 rows, not 37", []string{"5.9", "6.5", "6.3", "6.2", "6.7", "6"}, 41, 1, 3, 57, 70, 1},
		{"property's -5.1 to 10.2: whole numbers", []string{"-5.1", "10.2", "-4.7"}, 18, 10, 1, -60, 110, 0},
		{"counts", []string{"10", "17"}, 10, 1, 1, 9, 18, 0},
		{"one figure still spans a step", []string{"5"}, 2, 1, 1, 5, 6, 0},
		{"a tiny window", []string{"-5.1", "10.2"}, 3, 200, 1, -200, 200, 0},
	}
	for _, tt := range tests {
		a := chooseAxis(numbers(t, tt.values...), tt.maxRows)
		if a.step != tt.step || a.perStep != tt.perStep || a.lo != tt.lo || a.hi != tt.hi || a.decimals != tt.decimals {
			t.Errorf("%s: step %d ×%d, %d..%d, %d decimals; want step %d ×%d, %d..%d, %d decimals",
				tt.name, a.step, a.perStep, a.lo, a.hi, a.decimals, tt.step, tt.perStep, tt.lo, tt.hi, tt.decimals)
		}
		if a.rows() > max(2, tt.maxRows) {
			t.Errorf("%s: %d rows, more than %d", tt.name, a.rows(), tt.maxRows)
		}
	}
}

// On a step of one unit every figure sits on the row labelled with it,
// as asciigraph's own arithmetic places it.
func TestAxisRowsAreExact(t *testing.T) {
	values := numbers(t, "4.3", "4.4", "5.4", "5.3", "5.0", "-0.5", "9.5")
	for _, rows := range []int{160, 200, 300} {
		a := chooseAxis(values, rows)
		if a.step != 1 {
			t.Fatalf("%d rows: step %d, want 1", rows, a.step)
		}
		for _, v := range values {
			u, ok := a.labelled(a.row(v.Float))
			if !ok || u != units(v, a.unit) || a.label(u) != model.Decimal(model.Zh, v) && a.label(u) != model.Decimal(model.Zh, v)+".0" {
				t.Errorf("%d rows: %s is drawn on row %d, labelled %v %q", rows, v.Text, a.row(v.Float), ok, a.label(u))
			}
		}
	}
}

// Axis labels are written as the chart's figures are, in its language:
// the minus sign in both, thousands separated in English only.
func TestAxisLabels(t *testing.T) {
	tests := []struct {
		lang   model.Lang
		values []string
		rows   int
		u      int64
		want   string
	}{
		{model.Zh, []string{"4.3", "5.4"}, 20, 43, "4.3"},
		{model.Zh, []string{"4.3", "5.4"}, 20, 50, "5.0"},
		{model.Zh, []string{"-5.1", "10.2"}, 20, -50, "−5"}, // the minus sign figures are written with
		{model.En, []string{"-5.1", "10.2"}, 20, -50, "−5"},
		{model.Zh, []string{"-5.1", "10.2"}, 20, 100, "10"},
		{model.Zh, []string{"2805900", "650000"}, 10, 3000000, "3000000"},
		{model.En, []string{"2805900", "650000"}, 10, 3000000, "3,000,000"},
	}
	for _, tt := range tests {
		a := chooseAxis(numbers(t, tt.values...), tt.rows)
		a.lang = tt.lang
		if got := a.label(tt.u); got != tt.want {
			t.Errorf("%s label(%d) for %v = %q, want %q", tt.lang, tt.u, tt.values, got, tt.want)
		}
	}
}

func TestSpan(t *testing.T) {
	if got := span(numbers(t, "4.3", "5.4", "5")); got != 11 {
		t.Errorf("span = %d, want 11 tenths", got)
	}
	if got := span(nil); got != 0 {
		t.Errorf("span of nothing = %d", got)
	}
}
