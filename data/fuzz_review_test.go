package data

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/report"
)

// checkReviewReports writes any pack that loads as a scorecard in every
// format and language, and as minutes of a review that flagged and noted
// each indicator: JSON that parses with a line per target, and a
// Markdown table with a row per target.
func checkReviewReports(t *testing.T, p *model.Pack) {
	targets := len(p.Scorecard())
	for _, lang := range model.Langs {
		for _, format := range report.ScorecardFormats {
			var out bytes.Buffer
			if err := report.Scorecard(&out, p, format, lang); err != nil {
				t.Fatalf("scorecard %s %s: %v", format, lang, err)
			}
			switch format {
			case "json":
				var v struct{ Lines []json.RawMessage }
				if err := json.Unmarshal(out.Bytes(), &v); err != nil || len(v.Lines) != targets {
					t.Fatalf("scorecard json: %d lines, want %d (%v)", len(v.Lines), targets, err)
				}
			case "md":
				if rows := strings.Count(out.String(), "\n| "); rows != targets+1 {
					t.Fatalf("scorecard md: %d table rows, want a head and %d:\n%s", rows, targets, out.String())
				}
			}
		}
	}
	var entries []model.ReviewEntry
	at := time.Date(2025, 9, 22, 10, 0, 0, 0, time.UTC)
	for i, ind := range p.Indicators {
		entries = append(entries,
			model.ReviewEntry{Seq: uint64(2*i + 1), Pack: p.ID, Indicator: ind.ID, Kind: model.MarkFlagged, Time: at, Author: "fuzz"},
			model.ReviewEntry{Seq: uint64(2*i + 2), Pack: p.ID, Indicator: ind.ID, Kind: model.MarkNote, Text: "| # note", Time: at, Author: "fuzz"})
	}
	r := model.NewReview(p.ID, entries)
	for _, format := range report.MinutesFormats {
		var out bytes.Buffer
		if err := report.Minutes(&out, p, r, format, model.Zh, at); err != nil {
			t.Fatalf("minutes %s: %v", format, err)
		}
		if format == "json" && !json.Valid(out.Bytes()) {
			t.Fatalf("minutes json is not JSON:\n%s", out.String())
		}
	}
}
