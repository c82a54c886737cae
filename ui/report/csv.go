package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/kmdash/kmdash/model"
)

// bom is the UTF-8 byte-order mark, by which Excel tells UTF-8 CSV from
// the local code page (GBK on Chinese Windows).
const bom = "\uFEFF"

// exportCSV writes one row per figure and then one per tourism
// initiative, in the reader's language, for a spreadsheet: the value as a
// plain number a spreadsheet can compute with (ASCII minus), its unit,
// the figure as a reader writes it, whether it is stated, derived or a
// target, and the ids last, for joining with the JSON export.
func exportCSV(out io.Writer, d *document, withBOM bool) error {
	if withBOM {
		if _, err := io.WriteString(out, bom); err != nil {
			return err
		}
	}
	c := d.w.Doc.Columns
	cw := csv.NewWriter(out)
	// CRLF as RFC 4180 has it; every spreadsheet reads it.
	cw.UseCRLF = true
	records := [][]string{{c.Tab, c.Indicator, c.Region, c.Period, c.Value, c.Unit, c.ReadsAs, c.Kind,
		c.Arithmetic, c.Note, c.Source, c.URL, c.IndicatorID, c.RegionID, c.PeriodID}}
	for _, s := range d.sections {
		for _, blk := range s.indicators {
			ind := blk.ind
			for _, r := range blk.rows {
				cite, urls := d.sourceCells(r.sources)
				records = append(records, []string{s.name, ind.FullName().In(d.lang), r.region, r.period,
					r.obs.Value.Text, model.UnitName(d.lang, ind.Unit), r.figure, r.kind, r.arithmetic, r.obs.Note.In(d.lang),
					cite, urls, ind.ID, r.obs.Region, r.obs.Period.String()})
			}
		}
		for _, in := range s.initiatives {
			note := []string{in.What.In(d.lang)}
			if unsourced(in) {
				note = append(note, d.w.Doc.NoSource)
			}
			for _, f := range in.Facts {
				note = append(note, f.Text.In(d.lang))
			}
			ids := append(append([]string(nil), in.Sources...), factSources(in)...)
			cite, urls := d.sourceCells(dedupe(ids))
			records = append(records, []string{s.name, in.Name.In(d.lang), d.places(in), d.season(in),
				"", "", "", d.w.Doc.Initiative, "", strings.Join(note, d.gap()), cite, urls, in.ID, "", ""})
		}
	}
	if err := cw.WriteAll(records); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// sourceCells is the citations of the sources, one per line, and their
// URLs (or that none is held), one per line.
func (d *document) sourceCells(ids []string) (cite, urls string) {
	var cs, us []string
	for _, id := range ids {
		s := d.pack.Source(id)
		if s == nil {
			continue
		}
		cs = append(cs, fmt.Sprintf(d.w.Doc.CiteDate, d.citeHead(s), s.Date))
		us = append(us, d.where(s))
	}
	return strings.Join(cs, "\n"), strings.Join(us, "\n")
}

// factSources is the sources of an initiative's facts.
func factSources(in *model.Initiative) []string {
	var ids []string
	for _, f := range in.Facts {
		ids = append(ids, f.Source)
	}
	return ids
}

func dedupe(ids []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
