// Package report writes a pack for reading outside the dashboard: the
// exports (JSON for programs; CSV and Markdown for people, in the
// reader's language), with the same words, number forms and arithmetic
// as the screens.
package report

import (
	"fmt"
	"io"

	"github.com/kmdash/kmdash/model"
)

// Formats lists what `kmdash export` can write.
var Formats = []string{"json", "csv", "md"}

// Options says what to write.
type Options struct {
	Format string
	Lang   model.Lang
	// NoBOM leaves the byte-order mark out of CSV. It is there by default
	// because Excel on Chinese Windows reads UTF-8 CSV without one as
	// GBK and garbles every Chinese character.
	NoBOM bool
}

// Export writes every indicator, observation, initiative and source of
// the pack.
func Export(w io.Writer, p *model.Pack, o Options) error {
	switch o.Format {
	case "json":
		return exportJSON(w, p)
	case "csv":
		return exportCSV(w, newDocument(p, o.Lang), !o.NoBOM)
	case "md":
		return exportMarkdown(w, newDocument(p, o.Lang))
	}
	return fmt.Errorf("unknown format %q (want json, csv or md)", o.Format)
}
