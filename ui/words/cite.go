package words

import (
	"fmt"

	"github.com/kmdash/kmdash/model"
)

// Cite is a source's publisher and title as l cites them, the same on
// screen and in every export: a title is quoted as l quotes one (《》 in
// Chinese, “” in English) where the piece is written in l; otherwise the
// original is quoted and its translation follows, marked as one. A piece
// whose title is not known is named by what it is.
func (w *Words) Cite(l model.Lang, s *model.Source) string {
	pub := s.Publisher.In(l)
	switch {
	case pub == "":
		// The publisher is not known; what is known is said alone.
		return s.Title.In(l)
	case s.Described:
		return fmt.Sprintf(w.Doc.CiteAbout, pub, s.Title.In(l))
	case s.Lang == l || s.Lang == "" && l == model.Zh:
		return fmt.Sprintf(w.Doc.CiteTitle, pub, s.Title.In(l))
	}
	return fmt.Sprintf(w.Doc.CiteForeign, pub, s.Title.In(s.Lang), s.Title.In(l))
}

// Where is a source's URL, or that none is held.
func (w *Words) Where(s *model.Source) string {
	if s.URL != "" {
		return s.URL
	}
	return w.Doc.NoURL
}

// SourceName names a source in a sentence or beside a fact: its
// publisher, or what the piece is where the publisher is not known.
func (w *Words) SourceName(l model.Lang, s *model.Source) string {
	if pub := s.Publisher.In(l); pub != "" {
		return pub
	}
	return s.Title.In(l)
}
