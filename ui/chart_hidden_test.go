package ui

import (
	"testing"

	"github.com/kmdash/kmdash/model"
)

func TestHiddenPoints(t *testing.T) {
	num := func(s string) *model.Observation {
		n, err := model.ParseNumber(s)
		if err != nil {
			t.Fatal(err)
		}
		p, _ := model.ParsePeriod("2025-01/2025-03")
		return &model.Observation{Value: n, Period: p}
	}
	a := newApp(t, Options{Lang: model.En}, 120, 40)
	c := &a.ctx
	tests := []struct {
		name  string
		lines []chartLine
		want  []string
	}{
		{"same month, same value: the later series is hidden",
			[]chartLine{{label: "Kunming", points: map[int]*model.Observation{3: num("4.3")}},
				{label: "Yunnan", points: map[int]*model.Observation{3: num("4.30")}}},
			[]string{"Yunnan Q1 4.30 lies under Kunming's point"}},
		{"same month, other value",
			[]chartLine{{label: "Kunming", points: map[int]*model.Observation{3: num("4.3")}},
				{label: "Yunnan", points: map[int]*model.Observation{3: num("4.4")}}},
			nil},
		{"same value, other month",
			[]chartLine{{label: "Kunming", points: map[int]*model.Observation{6: num("4.3")}},
				{label: "Yunnan", points: map[int]*model.Observation{3: num("4.3")}}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.hiddenPoints(tt.lines)
			if len(got) != len(tt.want) {
				t.Fatalf("notes = %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("note %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
