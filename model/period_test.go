package model

import (
	"strings"
	"testing"
)

// mp parses a period the tests know to be well formed.
func mp(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in      string
		want    Period
		wantErr string // a phrase the error must contain; "" means success
	}{
		{"2025-01/2025-06", Period{Month{2025, 1}, Month{2025, 6}}, ""},
		{"2025-08/2025-08", Period{Month{2025, 8}, Month{2025, 8}}, ""},
		{"2024-01/2024-12", Period{Month{2024, 1}, Month{2024, 12}}, ""},
		{"2024-11/2025-02", Period{Month{2024, 11}, Month{2025, 2}}, ""},
		{"1900-01/2100-12", Period{Month{1900, 1}, Month{2100, 12}}, ""},

		{"2025-13/2025-13", Period{}, "month 13 does not exist"},
		{"2025-01/2025-13", Period{}, "month 13 does not exist"},
		{"2025-00/2025-03", Period{}, "month 00 does not exist"},
		{"2025-06/2025-01", Period{}, "ends before it starts"},
		{"2025-01/2024-12", Period{}, "ends before it starts"},
		{"1899-12/1900-01", Period{}, "out of range"},
		{"2025-01/2101-01", Period{}, "out of range"},
		{"", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025-01", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025-1/2025-6", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025-01-2025-06", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025-01/2025-06 ", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025-01 /2025-06", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025/01-2025/06", Period{}, "not written YYYY-MM/YYYY-MM"},
		{"2025_01/2025-06", Period{}, "not a month written YYYY-MM"},
		{"2025-01/2025_06", Period{}, "not a month written YYYY-MM"},
		{"2025-0a/2025-06", Period{}, "not a month written YYYY-MM"},
		{"20x5-01/2025-06", Period{}, "not a month written YYYY-MM"},
		{"2025-+1/2025-06", Period{}, "not a month written YYYY-MM"},
		{"2025--1/2025-06", Period{}, "not a month written YYYY-MM"},
		{"+025-01/2025-06", Period{}, "not a month written YYYY-MM"},
		{"2025- 1/2025-06", Period{}, "not a month written YYYY-MM"},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("ParsePeriod(%q) error = %v, want none", tt.in, err)
			} else if got != tt.want {
				t.Errorf("ParsePeriod(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			continue
		}
		if err == nil {
			t.Errorf("ParsePeriod(%q) = %+v, want an error containing %q", tt.in, got, tt.wantErr)
		} else if !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParsePeriod(%q) error = %q, want it to contain %q", tt.in, err, tt.wantErr)
		}
	}
}

func TestPeriodStringRoundTrip(t *testing.T) {
	for _, s := range []string{"2025-01/2025-06", "2024-11/2025-02", "1900-01/1900-01", "2025-10/2025-12"} {
		if got := mp(s).String(); got != s {
			t.Errorf("ParsePeriod(%q).String() = %q", s, got)
		}
	}
}

func TestPeriodMonthsAndFullYear(t *testing.T) {
	tests := []struct {
		in       string
		months   int
		fullYear bool
	}{
		{"2025-08/2025-08", 1, false},
		{"2025-01/2025-03", 3, false},
		{"2025-01/2025-09", 9, false},
		{"2024-01/2024-12", 12, true},
		{"2024-02/2025-01", 12, false}, // twelve months, but not one calendar year
		{"2024-11/2025-02", 4, false},
		{"2024-01/2025-12", 24, false},
	}
	for _, tt := range tests {
		p := mp(tt.in)
		if got := p.Months(); got != tt.months {
			t.Errorf("%s.Months() = %d, want %d", tt.in, got, tt.months)
		}
		if got := p.FullYear(); got != tt.fullYear {
			t.Errorf("%s.FullYear() = %v, want %v", tt.in, got, tt.fullYear)
		}
	}
}

func TestPeriodLess(t *testing.T) {
	tests := []struct {
		p, q string
		want bool
	}{
		{"2025-01/2025-03", "2025-01/2025-06", true},  // Q1 ends before H1
		{"2025-01/2025-06", "2025-01/2025-03", false}, // and not the other way round
		{"2025-01/2025-06", "2025-04/2025-06", true},  // same end: the longer span starts first
		{"2025-04/2025-06", "2025-01/2025-06", false},
		{"2024-01/2024-12", "2025-01/2025-03", true}, // last year before this year
		{"2024-11/2025-02", "2025-01/2025-03", true},
		{"2025-01/2025-06", "2025-01/2025-06", false}, // a period is not before itself
	}
	for _, tt := range tests {
		if got := mp(tt.p).Less(mp(tt.q)); got != tt.want {
			t.Errorf("%s.Less(%s) = %v, want %v", tt.p, tt.q, got, tt.want)
		}
	}
}

func TestMonthName(t *testing.T) {
	tests := []struct {
		m    int
		l    Lang
		want string
	}{
		{1, Zh, "1月"},
		{8, Zh, "8月"},
		{12, Zh, "12月"},
		{1, En, "Jan"},
		{5, En, "May"},
		{8, En, "Aug"},
		{9, En, "Sep"},
		{12, En, "Dec"},
	}
	for _, tt := range tests {
		if got := MonthName(tt.m, tt.l); got != tt.want {
			t.Errorf("MonthName(%d, %q) = %q, want %q", tt.m, tt.l, got, tt.want)
		}
	}
}

func TestPeriodLabel(t *testing.T) {
	// Chinese ranges use the em dash (1—8月) as statistical releases do;
	// English ranges use the en dash (Jan–Aug).
	tests := []struct {
		period   string
		packYear int
		zh, en   string
	}{
		// Year-to-date spans in the pack's own year.
		{"2025-01/2025-03", 2025, "一季度", "Q1"},
		{"2025-01/2025-06", 2025, "上半年", "H1"},
		{"2025-01/2025-09", 2025, "前三季度", "Q1–Q3"},
		{"2025-01/2025-12", 2025, "全年", "Full year"},
		{"2025-01/2025-08", 2025, "1—8月", "Jan–Aug"},
		{"2025-01/2025-02", 2025, "1—2月", "Jan–Feb"},
		{"2025-01/2025-11", 2025, "1—11月", "Jan–Nov"},
		// Single quarters.
		{"2025-04/2025-06", 2025, "二季度", "Q2"},
		{"2025-07/2025-09", 2025, "三季度", "Q3"},
		{"2025-10/2025-12", 2025, "四季度", "Q4"},
		// Three months that are not a calendar quarter.
		{"2025-02/2025-04", 2025, "2—4月", "Feb–Apr"},
		// Other spans and single months.
		{"2025-07/2025-08", 2025, "7—8月", "Jul–Aug"},
		{"2025-04/2025-09", 2025, "4—9月", "Apr–Sep"},
		{"2025-08/2025-08", 2025, "8月", "Aug"},
		{"2025-03/2025-03", 2025, "3月", "Mar"},
		// Another year: the year is named.
		{"2024-01/2024-12", 2025, "2024年", "2024"},
		{"2024-01/2024-06", 2025, "2024年上半年", "H1 2024"},
		{"2024-01/2024-03", 2025, "2024年一季度", "Q1 2024"},
		{"2024-01/2024-09", 2025, "2024年前三季度", "Q1–Q3 2024"},
		{"2024-07/2024-09", 2025, "2024年三季度", "Q3 2024"},
		{"2024-01/2024-08", 2025, "2024年1—8月", "Jan–Aug 2024"},
		{"2024-08/2024-08", 2025, "2024年8月", "Aug 2024"},
		{"2026-01/2026-06", 2025, "2026年上半年", "H1 2026"},
		// Spans across a year end always name both years.
		{"2024-11/2025-02", 2025, "2024年11月—2025年2月", "Nov 2024–Feb 2025"},
		{"2024-11/2025-02", 2024, "2024年11月—2025年2月", "Nov 2024–Feb 2025"},
		{"2024-01/2025-12", 2025, "2024年1月—2025年12月", "Jan 2024–Dec 2025"},
	}
	for _, tt := range tests {
		p := mp(tt.period)
		if got := p.Label(Zh, tt.packYear); got != tt.zh {
			t.Errorf("%s.Label(zh, %d) = %q, want %q", tt.period, tt.packYear, got, tt.zh)
		}
		if got := p.Label(En, tt.packYear); got != tt.en {
			t.Errorf("%s.Label(en, %d) = %q, want %q", tt.period, tt.packYear, got, tt.en)
		}
	}
}
