package ui

import "testing"

// TestNavigate checks every move on a made-up dashboard of three tabs:
// four items, none, and two; the review order visits (0,1), (0,3), (2,0)
// and (2,1), and tab 0's item 2 is a copy of tab 2's item 0.
func TestNavigate(t *testing.T) {
	n := nav{
		items:    []int{4, 0, 2},
		selected: []int{0, 0, 1},
		review: []stop{
			{place{0, 1}, "a"}, {place{0, 3}, "b"}, {place{2, 0}, "c"}, {place{2, 1}, "d"},
		},
	}
	tests := []struct {
		name    string
		from    place
		m       move
		want    place
		wrapped bool
	}{
		{"down is the next item", place{0, 0}, moveDown, place{0, 1}, false},
		{"down stops at the last item", place{0, 3}, moveDown, place{0, 3}, false},
		{"up is the item before", place{0, 2}, moveUp, place{0, 1}, false},
		{"up stops at the first item", place{0, 0}, moveUp, place{0, 0}, false},
		{"down on an empty tab stays", place{1, 0}, moveDown, place{1, 0}, false},
		{"next tab keeps that tab's selection", place{0, 2}, moveNextTab, place{1, 0}, false},
		{"next tab from the last wraps to the first", place{2, 1}, moveNextTab, place{0, 0}, false},
		{"previous tab from the first wraps to the last", place{0, 0}, movePrevTab, place{2, 1}, false},
		{"n goes to the next stop", place{0, 1}, moveNextReview, place{0, 3}, false},
		{"n from an item between stops", place{0, 2}, moveNextReview, place{0, 3}, false},
		{"n crosses tabs, over an empty one", place{0, 3}, moveNextReview, place{2, 0}, false},
		{"n from the last stop comes round", place{2, 1}, moveNextReview, place{0, 1}, true},
		{"n before the first stop", place{0, 0}, moveNextReview, place{0, 1}, false},
		{"N goes to the stop before", place{2, 0}, movePrevReview, place{0, 3}, false},
		{"N from the first stop comes round to the last", place{0, 1}, movePrevReview, place{2, 1}, true},
		{"N from before the first stop comes round", place{0, 0}, movePrevReview, place{2, 1}, true},
	}
	for _, tt := range tests {
		got, wrapped := n.apply(tt.from, tt.m)
		if got != tt.want || wrapped != tt.wrapped {
			t.Errorf("%s: apply(%v, %d) = %v, %v; want %v, %v", tt.name, tt.from, tt.m, got, wrapped, tt.want, tt.wrapped)
		}
	}
}

func TestReviewPosition(t *testing.T) {
	n := nav{review: []stop{{place{0, 1}, "a"}, {place{0, 3}, "b"}, {place{2, 0}, "c"}}}
	tests := []struct {
		at   place
		id   string
		want int
	}{
		{place{0, 1}, "a", 1},
		{place{2, 0}, "c", 3},
		{place{0, 2}, "c", 3}, // a copy of c away from its home tab counts as c
		{place{0, 0}, "x", 0}, // an initiative, or anything not reviewed
	}
	for _, tt := range tests {
		if got := n.position(tt.at, tt.id); got != tt.want {
			t.Errorf("position(%v, %q) = %d, want %d", tt.at, tt.id, got, tt.want)
		}
	}
}

func TestNavigateNoTabs(t *testing.T) {
	if got, _ := (nav{}).apply(place{}, moveNextTab); got != (place{}) {
		t.Errorf("a dashboard with no tabs moved to %v", got)
	}
}
