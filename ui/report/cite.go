package report

import (
	"fmt"
	"slices"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// citations numbers sources in the order a document first cites them, so
// each figure can carry a short mark ("4.4% [1]") and the list at the end
// says where every figure came from. Citations are written as the
// exports write them.
type citations struct {
	d   *document
	ids []string
}

func newCitations(p *model.Pack, lang model.Lang) citations {
	return citations{d: &document{pack: p, lang: lang, w: words.For(lang), number: map[string]int{}}}
}

// mark is the citation mark of source id, numbering it on first use.
func (c *citations) mark(id string) string {
	i := slices.Index(c.ids, id)
	if i < 0 {
		c.ids = append(c.ids, id)
		i = len(c.ids) - 1
	}
	return fmt.Sprintf("[%d]", i+1)
}

// list is one line per cited source: publisher, title, date and URL (or
// that none is held), never a file path. In Markdown the URL is a link
// and the rest is flattened to one line.
func (c *citations) list(markdown bool) []string {
	out := make([]string, 0, len(c.ids))
	for i, id := range c.ids {
		s := c.d.pack.Source(id)
		if s == nil {
			out = append(out, fmt.Sprintf("[%d] %s", i+1, id))
			continue
		}
		if markdown {
			out = append(out, fmt.Sprintf("[%d] %s", i+1, flat(c.d.citeHead(s)+fmt.Sprintf(c.d.w.Doc.CiteEnd, s.Date, c.d.whereLinked(s)))))
			continue
		}
		out = append(out, fmt.Sprintf("[%d] %s", i+1, c.d.citeHead(s)+fmt.Sprintf(c.d.w.Doc.CiteEnd, s.Date, c.d.where(s))))
	}
	return out
}
