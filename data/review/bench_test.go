package review

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// What a mark costs as the dashboard will make it: the file opened, checked
// read-only, opened for writing, one durable transaction, closed; and what
// reading a review of 200 entries costs. BENCHMARKS.md ("Review store").
//
//	go test ./data/review -run '^$' -bench . -benchtime 300x -count 5
func BenchmarkAppend(b *testing.B) {
	s := New(filepath.Join(b.TempDir(), "review.db"), Options{})
	for i := 0; b.Loop(); i++ {
		if _, err := s.Append(entry("gdp-growth", model.MarkNote, fmt.Sprint("上半年低于目标，请跟进 ", i), "wang")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEntries(b *testing.B) {
	s := New(filepath.Join(b.TempDir(), "review.db"), Options{})
	for i := range 200 {
		if _, err := s.Append(entry("gdp-growth", model.MarkNote, fmt.Sprint("上半年低于目标，请跟进 ", i), "wang")); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		es, err := s.Entries(pack)
		if err != nil || len(es) != 200 {
			b.Fatal(len(es), err)
		}
	}
}
