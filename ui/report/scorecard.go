package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/lipgloss/table"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// ScorecardFormats lists what `kmdash scorecard` can write.
var ScorecardFormats = []string{"text", "md", "json"}

// Scorecard writes every target in the pack beside the latest
// year-to-date outcome, the gap, the status the rule gives it, and other
// regions' figures for the same period.
func Scorecard(w io.Writer, p *model.Pack, format string, lang model.Lang) error {
	sc := newScoreTable(p, lang)
	var out string
	switch format {
	case "text":
		out = sc.text()
	case "md":
		out = sc.markdown()
	case "json":
		return scorecardJSON(w, p, lang)
	default:
		return fmt.Errorf("unknown format %q (want text, md or json)", format)
	}
	_, err := io.WriteString(w, out)
	return err
}

// scoreTable is the scorecard laid out as cells, shared by text and md.
type scoreTable struct {
	p     *model.Pack
	lang  model.Lang
	w     *words.Words
	heads []string
	rows  [][]string
	cites citations
}

// numeric are the columns that hold figures, set flush right.
func (sc *scoreTable) numeric(col int) bool { return col == 1 || col == 3 || col == 4 || col >= 6 }

func newScoreTable(p *model.Pack, lang model.Lang) *scoreTable {
	w := words.For(lang)
	sc := &scoreTable{p: p, lang: lang, w: w, cites: newCitations(p, lang)}
	lines := p.Scorecard()
	// A column per other region, only where some line has its figure.
	var regions []string
	for _, r := range p.Regions {
		for _, l := range lines {
			if hasRegion(l, r.ID) && !contains(regions, r.ID) {
				regions = append(regions, r.ID)
			}
		}
	}
	rw := w.Review
	sc.heads = []string{rw.Indicator, rw.Latest, rw.Period, rw.Target, rw.Gap, rw.Status}
	for _, r := range regions {
		sc.heads = append(sc.heads, fmt.Sprintf(rw.Same, p.RegionName(lang, r)))
	}
	for _, l := range lines {
		ind := l.Indicator
		row := []string{ind.Name.In(lang), rw.None, rw.None, sc.fig(ind, l.Target), rw.None, rw.StatusName[l.Status]}
		if o := l.Outcome; o != nil {
			row[1], row[2] = sc.fig(ind, o), p.PeriodLabel(lang, o, false)
			row[4] = signed(lang, l.Gap)
		}
		for _, r := range regions {
			cell := rw.None
			for _, o := range l.Others {
				if o.Region == r {
					cell = sc.fig(ind, o)
				}
			}
			row = append(row, cell)
		}
		sc.rows = append(sc.rows, row)
	}
	return sc
}

// fig is a figure with its citation mark.
func (sc *scoreTable) fig(ind *model.Indicator, o *model.Observation) string {
	return fmt.Sprintf(sc.w.Review.Cited, figure(sc.lang, ind, o), sc.cites.mark(o.Source))
}

func hasRegion(l model.ScoreLine, region string) bool {
	for _, o := range l.Others {
		if o.Region == region {
			return true
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// proseWidth is where paragraphs of the text form wrap.
const proseWidth = 80

func (sc *scoreTable) text() string {
	p, w := sc.p, sc.w
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	cell := r.NewStyle().PaddingRight(2)
	t := table.New().Headers(sc.heads...).Rows(sc.rows...).
		Border(lipgloss.NormalBorder()).BorderTop(false).BorderBottom(false).BorderLeft(false).BorderRight(false).
		BorderColumn(false).BorderHeader(true).
		StyleFunc(func(row, col int) lipgloss.Style {
			style := cell
			if col == len(sc.heads)-1 {
				style = style.UnsetPaddingRight() // the rule under the heads ends with the table
			}
			if sc.numeric(col) && row != table.HeaderRow {
				return style.Align(lipgloss.Right)
			}
			return style
		})
	var b strings.Builder
	fmt.Fprintf(&b, "%s · %s\n", p.Title.In(sc.lang), p.Date)
	fmt.Fprintf(&b, "%s%s%s\n\n", w.Review.ScorecardTitle, w.Colon, fmt.Sprintf(w.Review.ScorecardLead, p.Year))
	for _, line := range strings.Split(t.Render(), "\n") {
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n")
	b.WriteString(ansi.Wrap(w.Review.RuleHeading+w.Colon+fmt.Sprintf(w.Review.Rule, model.AboutBand), proseWidth, "") + "\n")
	b.WriteString(ansi.Wrap(w.Review.Others, proseWidth, "") + "\n\n")
	b.WriteString(w.Sources + "\n")
	for _, c := range sc.cites.list(false) {
		b.WriteString(c + "\n")
	}
	return b.String()
}

func (sc *scoreTable) markdown() string {
	p, w := sc.p, sc.w
	var b strings.Builder
	fmt.Fprintf(&b, "# %s%s%s\n\n", w.Review.ScorecardTitle, w.Colon, fmt.Sprintf(w.Review.ScorecardLead, p.Year))
	fmt.Fprintf(&b, "%s · %s · %s %s\n\n", p.Title.In(sc.lang), p.Date, w.PackLabel, p.ID)
	b.WriteString(mdRow(sc.heads))
	align := make([]string, len(sc.heads))
	for i := range align {
		align[i] = "---"
		if sc.numeric(i) {
			align[i] = "---:"
		}
	}
	b.WriteString("|" + strings.Join(align, "|") + "|\n")
	for _, row := range sc.rows {
		b.WriteString(mdRow(row))
	}
	fmt.Fprintf(&b, "\n**%s**%s%s\n\n%s\n\n", w.Review.RuleHeading, w.Colon, fmt.Sprintf(w.Review.Rule, model.AboutBand), w.Review.Others)
	fmt.Fprintf(&b, "## %s\n\n", w.Sources)
	for _, c := range sc.cites.list(true) {
		b.WriteString(c + "  \n")
	}
	return b.String()
}

func mdRow(cells []string) string {
	esc := make([]string, len(cells))
	for i, c := range cells {
		esc[i] = mdEscape(c)
	}
	return "| " + strings.Join(esc, " | ") + " |\n"
}

// mdEscape keeps a cell in its cell: a pipe would split it, a line
// break end the table. Citation marks ("[1]") stay as they are: with no
// link definition beside them Markdown shows them as written.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

type jsonScoreFigure struct {
	Region    string      `json:"region"`
	Period    string      `json:"period"`
	Label     string      `json:"label"`
	Value     json.Number `json:"value"`
	Qualifier string      `json:"qualifier,omitempty"`
	Derived   bool        `json:"derived,omitempty"`
	Formula   string      `json:"formula,omitempty"`
	Source    string      `json:"source"`
}

type jsonScoreLine struct {
	Indicator  string            `json:"indicator"`
	Name       jsonText          `json:"name"`
	Unit       string            `json:"unit"`
	Target     jsonScoreFigure   `json:"target"`
	Outcome    *jsonScoreFigure  `json:"outcome"`
	Gap        *json.Number      `json:"gap"`
	GapUnit    string            `json:"gap_unit,omitempty"`
	Status     model.Status      `json:"status"`
	StatusText string            `json:"status_text"`
	Others     []jsonScoreFigure `json:"others"`
}

type jsonScorecard struct {
	Pack  string          `json:"pack"`
	Title jsonText        `json:"title"`
	Date  string          `json:"date"`
	Rule  jsonRule        `json:"rule"`
	Lines []jsonScoreLine `json:"lines"`
}

type jsonRule struct {
	AboutBand json.Number `json:"about_band_pp"`
	Text      string      `json:"text"`
}

func scoreFigure(p *model.Pack, lang model.Lang, o *model.Observation) jsonScoreFigure {
	f := jsonScoreFigure{Region: o.Region, Period: o.Period.String(), Label: p.PeriodLabel(lang, o, false),
		Value: json.Number(o.Value.Text), Qualifier: string(o.Qualifier), Source: o.Source}
	if o.Derived != nil {
		f.Derived, f.Formula = true, o.Derived.Formula.String()
	}
	return f
}

func scorecardJSON(w io.Writer, p *model.Pack, lang model.Lang) error {
	wd := words.For(lang)
	out := jsonScorecard{Pack: p.ID, Title: text(p.Title), Date: p.Date,
		Rule:  jsonRule{AboutBand: json.Number(model.AboutBand), Text: fmt.Sprintf(wd.Review.Rule, model.AboutBand)},
		Lines: []jsonScoreLine{}}
	for _, l := range p.Scorecard() {
		jl := jsonScoreLine{Indicator: l.Indicator.ID, Name: text(l.Indicator.Name), Unit: l.Indicator.Unit.Zh,
			Target: scoreFigure(p, lang, l.Target), Status: l.Status, StatusText: wd.Review.StatusName[l.Status],
			Others: []jsonScoreFigure{}}
		if l.Outcome != nil {
			o := scoreFigure(p, lang, l.Outcome)
			gap := json.Number(l.Gap.Text)
			jl.Outcome, jl.Gap = &o, &gap
			if l.Indicator.Measure.Percentage() {
				jl.GapUnit = "pp"
			} else {
				jl.GapUnit = l.Indicator.Unit.Zh
			}
		}
		for _, o := range l.Others {
			jl.Others = append(jl.Others, scoreFigure(p, lang, o))
		}
		out.Lines = append(out.Lines, jl)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
