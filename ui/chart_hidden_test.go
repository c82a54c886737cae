package ui

import (
	"slices"
	"testing"

	"github.com/kmdash/kmdash/model"
)

func TestHiddenPoints(t *testing.T) {
	a := newApp(t, Options{Lang: model.En}, 120, 40)
	pt := func(m int, v string) chartPoint {
		return chartPoint{month: m, value: num(t, v), period: model.Period{
			From: model.Month{Year: 2025, Month: 1}, To: model.Month{Year: 2025, Month: m}}.Label(model.En, 2025)}
	}
	tests := []struct {
		name   string
		series []chartSeries
		want   []string
	}{
		{"same month, same value: the later series is hidden",
			[]chartSeries{{label: "Kunming", points: []chartPoint{pt(3, "4.3")}}, {label: "Yunnan", points: []chartPoint{pt(3, "4.30")}}},
			[]string{"Yunnan Q1 4.30 lies under Kunming's point"}},
		{"a negative figure is written with the minus sign",
			[]chartSeries{{label: "Kunming", points: []chartPoint{pt(3, "-3.0")}}, {label: "China", points: []chartPoint{pt(3, "-3")}}},
			[]string{"China Q1 −3 lies under Kunming's point"}},
		{"same month, other value",
			[]chartSeries{{label: "Kunming", points: []chartPoint{pt(3, "4.3")}}, {label: "Yunnan", points: []chartPoint{pt(3, "4.4")}}},
			nil},
		{"same value, other month",
			[]chartSeries{{label: "Kunming", points: []chartPoint{pt(6, "4.3")}}, {label: "Yunnan", points: []chartPoint{pt(3, "4.3")}}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lc := &lineChart{series: tt.series, lang: model.En, words: a.ctx.Words, theme: a.ctx.Theme}
			if got := lc.hiddenPoints(); !slices.Equal(got, tt.want) {
				t.Errorf("notes = %q, want %q", got, tt.want)
			}
		})
	}
}

func num(t testing.TB, s string) model.Number {
	t.Helper()
	n, err := model.ParseNumber(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
