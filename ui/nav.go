package ui

// place is where a reader is: a tab, and an item on it.
type place struct{ tab, item int }

// stop is one step of the review order: an indicator on its home tab.
type stop struct {
	at place
	id string
}

// nav is what moving around needs to know of the dashboard: how many
// items each tab holds, which each has selected, and the review order.
// Its moves are pure, so every one of them is checked by a table.
type nav struct {
	items    []int
	selected []int // each tab's own selection, kept when the reader leaves it
	review   []stop
}

// move is one navigation key's effect.
type move int

const (
	moveDown move = iota // the next item: the one below, or the top of the next column
	moveUp
	moveNextTab
	movePrevTab
	moveNextReview // the next indicator in review order, across tabs
	movePrevReview
)

// apply is where m leads from p, and whether a step through the review
// order went past its end and came round to its start (or back past its
// start to its end).
func (n nav) apply(p place, m move) (place, bool) {
	tabs := len(n.items)
	if tabs == 0 {
		return p, false
	}
	switch m {
	case moveDown, moveUp:
		delta := 1
		if m == moveUp {
			delta = -1
		}
		p.item = max(0, min(n.items[p.tab]-1, p.item+delta))
	case moveNextTab:
		return n.jump((p.tab + 1) % tabs), false
	case movePrevTab:
		return n.jump((p.tab - 1 + tabs) % tabs), false
	case moveNextReview, movePrevReview:
		return n.step(p, m == moveNextReview)
	}
	return p, false
}

// jump is tab i, at the item it had selected.
func (n nav) jump(i int) place {
	i = max(0, min(len(n.items)-1, i))
	return place{tab: i, item: n.selected[i]}
}

// step finds the next (or previous) stop of the review order after p, in
// the order of tabs and then items; past the last it comes round to the
// first and says so.
func (n nav) step(p place, forward bool) (place, bool) {
	if len(n.review) == 0 {
		return p, false
	}
	before := func(x, y place) bool { return x.tab < y.tab || (x.tab == y.tab && x.item < y.item) }
	for i := range n.review {
		s := n.review[i]
		if !forward {
			s = n.review[len(n.review)-1-i]
		}
		if forward && before(p, s.at) || !forward && before(s.at, p) {
			return s.at, false
		}
	}
	if forward {
		return n.review[0].at, true
	}
	return n.review[len(n.review)-1].at, true
}

// position is where the indicator at p (by its id) stands in the review
// order, from 1; 0 when it is not an indicator. A card repeated away from
// its home tab counts as its home stop.
func (n nav) position(p place, id string) int {
	for i, s := range n.review {
		if s.at == p {
			return i + 1
		}
	}
	for i, s := range n.review {
		if s.id == id {
			return i + 1
		}
	}
	return 0
}
