package review

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/kmdash/kmdash/model"
)

// stored is an entry as it sits in the database; its pack and indicator
// are the buckets it sits in, its sequence number its key.
type stored struct {
	Kind   model.EntryKind `json:"kind"`
	Text   string          `json:"text,omitempty"`
	Time   time.Time       `json:"time"`
	Author string          `json:"author,omitempty"`
}

func encode(e model.ReviewEntry) ([]byte, error) {
	return json.Marshal(stored{Kind: e.Kind, Text: e.Text, Time: e.Time, Author: e.Author})
}

func decode(v []byte) (model.ReviewEntry, error) {
	var s stored
	if err := json.Unmarshal(v, &s); err != nil {
		return model.ReviewEntry{}, err
	}
	if !slices.Contains(model.EntryKinds, s.Kind) || s.Time.IsZero() {
		return model.ReviewEntry{}, fmt.Errorf("kind %q at %v is not an entry", s.Kind, s.Time)
	}
	return model.ReviewEntry{Kind: s.Kind, Text: s.Text, Time: s.Time, Author: s.Author}, nil
}

func sortBySeq(es []model.ReviewEntry) []model.ReviewEntry {
	slices.SortFunc(es, model.BySeq)
	return es
}
