package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/kmdash/kmdash/model"
)

// exportMarkdown writes the document as Markdown a reader of its
// language can take as written for them: headings by tab and indicator,
// one table of figures per indicator, then how derived figures were
// worked out, the notes, the tourism initiatives and the sources.
func exportMarkdown(out io.Writer, d *document) error {
	var b strings.Builder
	w, doc := d.w, d.w.Doc
	fmt.Fprintf(&b, "# %s\n\n", flat(d.pack.Title.In(d.lang)))
	fmt.Fprintf(&b, doc.Meeting+"\n\n", flat(d.pack.Date), flat(d.pack.ID))
	b.WriteString(doc.Intro + "\n")
	for _, s := range d.sections {
		fmt.Fprintf(&b, "\n## %s\n", s.name)
		for _, blk := range s.indicators {
			d.markdownIndicator(&b, blk)
		}
		if len(s.initiatives) > 0 {
			fmt.Fprintf(&b, "\n### %s\n", w.Initiatives)
			for _, in := range s.initiatives {
				fmt.Fprintf(&b, "\n#### %s\n\n", flat(in.Name.In(d.lang)))
				item := func(label, text string) { fmt.Fprintf(&b, "- %s%s\n", d.label(label), flat(text)) }
				item(w.What, in.What.In(d.lang))
				if unsourced(in) {
					fmt.Fprintf(&b, "- %s\n", doc.NoSource)
				}
				if !in.Season.IsZero() || len(in.Months) > 0 {
					item(w.Season, d.season(in))
				}
				if len(in.Places) > 0 {
					item(w.Places, d.places(in))
				}
				for _, f := range in.Facts {
					item(w.Facts, f.Text.In(d.lang)+d.gap()+d.refs([]string{f.Source}))
				}
				item(w.Sources, d.refs(d.cite(in.Sources...)))
			}
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", w.Sources)
	for i, s := range d.sources {
		// A URL in angle brackets is a link that ends where it ends, not
		// at the next ASCII punctuation: "。" would otherwise join it.
		fmt.Fprintf(&b, "%d. %s\n", i+1, flat(d.citeHead(s)+fmt.Sprintf(doc.CiteEnd, s.Date, d.whereLinked(s))))
		if !s.Note.IsZero() {
			fmt.Fprintf(&b, "   %s\n", flat(s.Note.In(d.lang)))
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func (d *document) markdownIndicator(b *strings.Builder, blk block) {
	w, c := d.w, d.w.Doc.Columns
	ind := blk.ind
	fmt.Fprintf(b, "\n### %s\n\n", flat(ind.FullName().In(d.lang)))
	// The unit its figures are written in below (yuan, beside 429.478
	// billion yuan); the CSV's plain numbers need the scale (100 million yuan).
	if unit := ind.Unit.In(d.lang); unit != "" {
		fmt.Fprintf(b, d.w.Doc.Unit+d.gap(), unit)
	}
	fmt.Fprintf(b, d.w.Doc.Measure+"\n", w.Measure[ind.Measure])
	if !ind.Note.IsZero() {
		b.WriteString("\n" + flat(ind.Note.In(d.lang)) + "\n")
	}
	b.WriteString("\n")
	tableRow(b, c.Region, c.Period, c.Figure, c.Kind, c.Source)
	b.WriteString("|---|---|---:|---|---|\n")
	var derived, notes []string
	for _, r := range blk.rows {
		tableRow(b, r.region, r.period, r.figure, r.kind, d.refs(r.sources))
		if r.arithmetic != "" {
			derived = append(derived, r.arithmetic)
		}
		if !r.obs.Note.IsZero() {
			notes = append(notes, d.label(r.region+d.gap()+r.period)+r.obs.Note.In(d.lang))
		}
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(b, "\n%s\n\n", strings.TrimSpace(d.label(title)))
		for _, it := range items {
			fmt.Fprintf(b, "- %s\n", flat(it))
		}
	}
	list(d.w.Doc.Derivations, derived)
	list(d.w.Doc.Notes, notes)
}

// gap is what separates a region from a period in running text: nothing
// in Chinese (昆明2024年), a space in English (Kunming 2024).
func (d *document) gap() string {
	if d.lang == model.En {
		return " "
	}
	return ""
}

// flat writes pack text on one line, as Markdown needs a heading, an item
// or a paragraph to be, and keeps a leading | or # from being read as a
// table row or a heading.
func flat(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if strings.HasPrefix(s, "|") || strings.HasPrefix(s, "#") {
		s = `\` + s
	}
	return s
}

// tableRow writes one row of a Markdown table. A cell can hold neither a
// line break nor a bare |, which would end the row or the cell.
func tableRow(b *strings.Builder, cells ...string) {
	for i, c := range cells {
		c = strings.Join(strings.Fields(c), " ")
		cells[i] = strings.ReplaceAll(c, "|", `\|`)
	}
	fmt.Fprintf(b, "| %s |\n", strings.Join(cells, " | "))
}
