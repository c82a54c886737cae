package ui

import (
	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/kmdash/kmdash/model"
)

// Layouts keeps laid-out tab bodies for dashboards that draw the same
// thing: an SSH server's sessions share one, so a hundred viewers of the
// same size following a presenter lay each screen out once, and hold it
// once. What a tab draws depends only on the key below, and drawings are
// never changed once made, so sharing them is safe. Nil means no sharing.
type Layouts struct {
	bodies *lru.Cache[layoutKey, *layout]
}

// NewLayouts keeps up to size tab bodies (a few kilobytes each).
func NewLayouts(size int) *Layouts {
	bodies, _ := lru.New[layoutKey, *layout](size)
	return &Layouts{bodies: bodies}
}

// layoutKey is everything a tab's body is drawn from.
type layoutKey struct {
	pack          *model.Pack
	theme         *Theme
	tab           model.TabID
	lang          model.Lang
	month         int // the clock's year and month, for the season calendar
	width, height int
	selected      int
	marks         reviewRev // the review the cards show
}

// layout is a tab's body: its lines, cut to the width, and
// where each selectable item sits.
type layout struct {
	lines []string
	rects []rect
}

func (c *Context) layoutKey(tab model.TabID, selected int) layoutKey {
	return layoutKey{pack: c.Pack, theme: c.Theme, tab: tab, lang: c.Lang,
		month: c.Now.Year()*12 + int(c.Now.Month()), width: c.Width, height: c.Height, selected: selected, marks: c.marksRev}
}

// Only layouts up to this size are shared: a rare, huge terminal gains
// nothing from sharing, and bounding the size of each entry bounds the
// whole cache (a few hundred entries of a few kilobytes to tens).
const maxSharedWidth, maxSharedHeight = 250, 80

func (l *Layouts) shares(key layoutKey) bool {
	return l != nil && key.width <= maxSharedWidth && key.height <= maxSharedHeight
}

// body returns the layout for key, making it with make when no dashboard
// sharing l has made it yet.
func (l *Layouts) body(key layoutKey, make func() *layout) *layout {
	if !l.shares(key) {
		return make()
	}
	return cached(l.bodies, key, make)
}

func cached[V any](c *lru.Cache[layoutKey, V], key layoutKey, make func() V) V {
	if got, ok := c.Get(key); ok {
		return got
	}
	got := make()
	c.Add(key, got)
	return got
}
