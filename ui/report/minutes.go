package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// MinutesFormats lists what `kmdash minutes` can write.
var MinutesFormats = []string{"md", "json"}

// Minutes writes the record of a pack's review: every indicator in review
// order with its figure, where it stands against its target, its marks
// and notes with who made them and when, and first a summary of what was
// flagged for follow-up. Times are written in now's zone.
func Minutes(w io.Writer, p *model.Pack, r *model.Review, format string, lang model.Lang, now time.Time) error {
	m := &minutes{p: p, r: r, lang: lang, w: words.For(lang), now: now, cites: newCitations(p, lang)}
	switch format {
	case "md":
		_, err := io.WriteString(w, m.markdown())
		return err
	case "json":
		return m.json(w)
	}
	return fmt.Errorf("unknown format %q (want md or json)", format)
}

type minutes struct {
	p     *model.Pack
	r     *model.Review
	lang  model.Lang
	w     *words.Words
	now   time.Time
	cites citations
}

// when writes a time in the minutes' zone, to the minute.
func (m *minutes) when(t time.Time) string { return t.In(m.now.Location()).Format("2006-01-02 15:04") }

// zone names the minutes' zone as an offset: "UTC+08:00".
func (m *minutes) zone() string { return "UTC" + m.now.Format("-07:00") }

func (m *minutes) byAt(e *model.ReviewEntry) string {
	who := e.Author
	if who == "" {
		who = m.w.Review.None
	}
	return fmt.Sprintf(m.w.Review.ByAt, who, m.when(e.Time))
}

// headline is the indicator's leading figure with region and period and
// its citation mark, or the words for none.
func (m *minutes) headline(ind *model.Indicator) string {
	o := m.p.Headline(ind)
	if o == nil {
		return m.w.Review.NoFigure
	}
	return m.cited(figure(m.lang, ind, o), o.Source) +
		m.aside(m.p.RegionName(m.lang, o.Region), m.p.PeriodLabel(m.lang, o, false))
}

// aside is remarks in one pair of brackets, as a list. A remark that
// carries one of its own, as a period label with its scope does
// ("2025年（东西两岸）"), gives it as the next item, so brackets never
// nest: "（昆明，2025年，东西两岸）".
func (m *minutes) aside(remarks ...string) string {
	open, shut, _ := strings.Cut(m.w.Aside, "%s")
	var items []string
	for _, r := range remarks {
		i := strings.LastIndex(r, open)
		if i > 0 && strings.HasSuffix(r, shut) && i+len(open) < len(r)-len(shut) {
			inner := r[i+len(open) : len(r)-len(shut)]
			if !strings.ContainsAny(inner, "（）()") {
				items = append(items, r[:i], inner)
				continue
			}
		}
		items = append(items, r)
	}
	return fmt.Sprintf(m.w.Aside, strings.Join(items, m.listSep()))
}

// cited is a figure followed by the mark of its source: "4.4%[1]" in
// Chinese, "4.4% [1]" in English.
func (m *minutes) cited(fig, source string) string {
	return fmt.Sprintf(m.w.Review.Cited, fig, m.cites.mark(source))
}

func (m *minutes) listSep() string {
	if m.lang == model.Zh {
		return "，"
	}
	return ", "
}

// standing says where the indicator stands against each of its targets:
// "约5%[2]，差距−0.6个百分点，▼ 低于目标"; in a sentence (summary) the
// target is named as such. Empty when the indicator has no target.
func (m *minutes) standing(ind *model.Indicator, lines []model.ScoreLine, inSentence bool) string {
	var parts []string
	for _, l := range lines {
		if l.Indicator != ind {
			continue
		}
		s := m.cited(figure(m.lang, ind, l.Target), l.Target.Source)
		if inSentence {
			s = fmt.Sprintf(m.w.Review.TargetOf, s)
		}
		if l.Outcome != nil {
			s += m.listSep() + fmt.Sprintf(m.w.Review.GapLabel, gapText(m.lang, ind, l.Gap)) + m.listSep() + m.w.Review.StatusName[l.Status]
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

func (m *minutes) markdown() string {
	p, w, rw := m.p, m.w, m.w.Review
	order := p.ReviewOrder()
	lines := p.Scorecard()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", fmt.Sprintf(rw.MinutesTitle, p.Title.In(m.lang)))
	recorders := rw.NoRecorders
	if len(m.r.Authors) > 0 {
		recorders = mdText(strings.Join(m.r.Authors, w.Doc.ListSep))
	}
	for _, kv := range [][2]string{
		{rw.MeetingDate, p.Date},
		{rw.Pack, p.ID},
		{rw.Prepared, m.when(m.now)},
		{rw.Recorders, recorders},
	} {
		fmt.Fprintf(&b, "- %s%s%s\n", kv[0], w.Colon, kv[1])
	}
	fmt.Fprintf(&b, "- %s\n\n", fmt.Sprintf(rw.Times, m.zone()))

	reviewed, flagged := m.r.Count(order)
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", rw.Summary, fmt.Sprintf(rw.ReviewedCount, reviewed, len(order)))
	if flagged == 0 {
		fmt.Fprintf(&b, "%s\n\n", rw.NoneFlagged)
	} else {
		fmt.Fprintf(&b, "%s\n\n", fmt.Sprintf(rw.FlaggedCount, flagged))
		n := 0
		for _, ind := range order {
			it := m.r.Of(ind.ID)
			if it.Flagged == nil {
				continue
			}
			n++
			parts := []string{m.headline(ind)}
			if standing := m.standing(ind, lines, true); standing != "" {
				parts = append(parts, standing)
			}
			parts = append(parts, rw.Flagged+fmt.Sprintf(w.Aside, mdText(m.byAt(it.Flagged))))
			fmt.Fprintf(&b, "%d. **%s**%s%s\n", n, mdText(ind.Name.In(m.lang)), w.Colon, strings.Join(parts, m.listSep()))
			if k := len(it.Notes); k > 0 {
				last := it.Notes[k-1]
				fmt.Fprintf(&b, "   %s%s%s\n", mdText(m.byAt(&last)), w.Colon, mdNote(last.Text, "   "))
			}
		}
		b.WriteString("\n")
	}

	fmt.Fprintf(&b, "## %s\n\n", rw.Items)
	for i, ind := range order {
		it := m.r.Of(ind.ID)
		title := mdText(ind.Name.In(m.lang))
		if it.Flagged != nil {
			title += " · " + rw.Flagged
		}
		fmt.Fprintf(&b, "### %d. %s\n\n", i+1, title)
		fmt.Fprintf(&b, "- %s%s%s\n", rw.Figure, w.Colon, m.headline(ind))
		if standing := m.standing(ind, lines, false); standing != "" {
			fmt.Fprintf(&b, "- %s%s%s\n", rw.AgainstTarget, w.Colon, standing)
		}
		m.marks(&b, it)
		b.WriteString("\n")
	}

	if orphans := m.r.Orphans(p); len(orphans) > 0 {
		fmt.Fprintf(&b, "## %s\n\n", rw.NotInPack)
		for _, id := range orphans {
			fmt.Fprintf(&b, "### %s\n\n", mdText(id))
			m.marks(&b, m.r.Of(id))
			b.WriteString("\n")
		}
	}

	fmt.Fprintf(&b, "## %s\n\n%s\n\n", rw.RuleHeading, fmt.Sprintf(rw.Rule, model.AboutBand))
	fmt.Fprintf(&b, "## %s\n\n", w.Sources)
	for _, c := range m.cites.list(true) {
		b.WriteString(c + "  \n")
	}
	return b.String()
}

// marks writes an indicator's review, follow-up mark and notes as list
// items.
func (m *minutes) marks(b *strings.Builder, it *model.IndicatorReview) {
	w, rw := m.w, m.w.Review
	mark := rw.NotReviewed
	if it.Reviewed != nil {
		mark = rw.Reviewed + fmt.Sprintf(w.Aside, mdText(m.byAt(it.Reviewed)))
	}
	if it.Flagged != nil {
		mark += m.listSep() + rw.Flagged + fmt.Sprintf(w.Aside, mdText(m.byAt(it.Flagged)))
	}
	fmt.Fprintf(b, "- %s%s%s\n", rw.Mark, w.Colon, mark)
	if len(it.Notes) == 0 {
		return
	}
	fmt.Fprintf(b, "- %s%s\n", rw.Notes, strings.TrimRight(w.Colon, " "))
	for _, n := range it.Notes {
		fmt.Fprintf(b, "  - %s%s%s\n", mdText(m.byAt(&n)), w.Colon, mdNote(n.Text, "    "))
	}
}

// mdText shows a reviewer's or a pack's text literally: the characters
// Markdown acts on anywhere in a line are escaped, and so is a start
// that would make a heading, a list or a quotation, so a note can
// neither format the document nor link out of it.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	trimmed := strings.TrimLeft(out, " ")
	lead := out[:len(out)-len(trimmed)]
	switch {
	case trimmed == "":
	case strings.ContainsRune("#-+=", rune(trimmed[0])):
		out = lead + "\\" + trimmed
	default:
		digits := strings.TrimLeft(trimmed, "0123456789")
		marker := strings.HasPrefix(digits, ".") || strings.HasPrefix(digits, ")")
		if len(digits) < len(trimmed) && marker && (len(digits) == 1 || digits[1] == ' ') {
			n := len(trimmed) - len(digits)
			out = lead + trimmed[:n] + "\\" + digits
		}
	}
	return out
}

// mdNote is a note's text, its lines kept as line breaks inside the list
// item it sits in.
func mdNote(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdText(l)
	}
	return strings.Join(lines, "  \n"+indent)
}
