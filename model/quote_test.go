package model

import (
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kunming", `"kunming"`},
		{"", `""`},
		{"昆明", `"昆明"`},
		{"a\nb", `"a\nb"`},
		{"\x1b[2J", `"\x1b[2J"`},
		{strings.Repeat("x", 40), `"` + strings.Repeat("x", 40) + `"`},
		{strings.Repeat("昆", 41), `"` + strings.Repeat("昆", 40) + `…"`},
	}
	for _, tt := range tests {
		if got := Quote(tt.in); got != tt.want {
			t.Errorf("Quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestBare(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kunming", "kunming"},
		{"2025-01/2025-06", "2025-01/2025-06"},
		{"云南", "云南"},
		{"", `""`},
		{"kun ming", `"kun ming"`},
		{"kun\nming", `"kun\nming"`},
		{`say "hi"`, `"say \"hi\""`},
		{"\u00a0", `"\u00a0"`},
		{strings.Repeat("x", 41), `"` + strings.Repeat("x", 40) + `…"`},
	}
	for _, tt := range tests {
		if got := bare(tt.in); got != tt.want {
			t.Errorf("bare(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
