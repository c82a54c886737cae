package ui

import (
	"sync"
	"sync/atomic"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/kmdash/kmdash/model"
)

// Frames shares whole frames among followers that look the same. When
// a presenter moves, every follower whose terminal agrees in size,
// language, theme and colour profile would draw the same frame; with
// Frames the first of them draws it, header, tab bar and footer
// included, and the others take it. What a frame shows depends only on
// its look below: a dashboard whose state is not all in its look (an
// overlay open, autoplay running, a detail scrolled) draws its own.
type Frames struct {
	cache *lru.Cache[look, *sharedFrame]
	made  atomic.Uint64 // frames made so far: each one's id
}

// NewFrames keeps up to size frames, each a few to some tens of
// kilobytes.
func NewFrames(size int) *Frames {
	c, _ := lru.New[look, *sharedFrame](size)
	return &Frames{cache: c}
}

// look is everything a shareable frame is drawn from.
type look struct {
	pack          *model.Pack
	theme         *Theme // one per colour profile and background
	lang          model.Lang
	month         int
	width, height int
	tab, selected int
	offset        int // the body's scroll; -1 under a detail
	detail        bool
	viewer        bool   // the footer offers f
	status        string // the footer's right end
	marks         reviewRev
}

// sharedFrame is made once, by whichever dashboard asks first; the rest
// wait for it rather than draw it again.
type sharedFrame struct {
	once  sync.Once
	id    uint64
	text  string
	spans [][2]int
}

// shareFrame takes the frame from Frames when this dashboard's look
// says all there is to say about it; it reports whether it did.
func (a *App) shareFrame() bool {
	c := &a.ctx
	// Only followers are shared: a session on its own rarely looks like
	// another, and its frames would only push theirs out of the cache.
	if a.frames == nil || a.follow.role != Viewer || !a.follow.following ||
		a.search != nil || a.showHelp || a.autoplay.on || a.scorecard != nil || a.rv.note != nil || a.rv.alert != "" ||
		a.described != nil ||
		c.Width < MinWidth || c.Height < MinHeight || c.Width > maxSharedWidth || c.Height > maxSharedHeight {
		return false
	}
	t := a.tabs[a.active]
	k := look{pack: c.Pack, theme: c.Theme, lang: c.Lang, month: c.Now.Year()*12 + int(c.Now.Month()),
		width: c.Width, height: c.Height, tab: a.active, selected: t.selected, offset: -1,
		detail: a.detail != nil, viewer: a.follow.role == Viewer, marks: c.marksRev}
	if a.detail != nil {
		if a.detail.body.YOffset != 0 {
			return false
		}
	} else {
		t.draw(c) // lays the tab out (shared) and scrolls the selection into view
		k.offset = t.body.YOffset
	}
	k.status = a.status()
	f, ok := a.frames.cache.Get(k)
	if !ok {
		f = &sharedFrame{}
		if made, ok, _ := a.frames.cache.PeekOrAdd(k, f); ok {
			f = made // another dashboard added it first
		}
	}
	f.once.Do(func() {
		a.compose()
		f.id, f.text, f.spans = a.frames.made.Add(1), a.frame, a.tabSpans
	})
	a.frame, a.tabSpans, a.frameID = f.text, f.spans, f.id
	return true
}

// FrameID names the frame View returns when it is one shared through
// Frames, so that what is worked out from a frame (the bytes that take a
// terminal from one frame to the next) can be shared too; it is 0 for a
// frame this dashboard drew for itself.
func (a *App) FrameID() uint64 { return a.frameID }
