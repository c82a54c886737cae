package report

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/kmdash/kmdash/model"
)

type jsonMark struct {
	By string    `json:"by"`
	At time.Time `json:"at"`
}

type jsonNote struct {
	By   string    `json:"by"`
	At   time.Time `json:"at"`
	Text string    `json:"text"`
}

type jsonStanding struct {
	Target     jsonScoreFigure  `json:"target"`
	Outcome    *jsonScoreFigure `json:"outcome"`
	Gap        *json.Number     `json:"gap"`
	Status     model.Status     `json:"status"`
	StatusText string           `json:"status_text"`
}

type jsonMinutesItem struct {
	Indicator string           `json:"indicator"`
	Name      *jsonText        `json:"name,omitempty"`
	Unit      string           `json:"unit,omitempty"`
	Figure    *jsonScoreFigure `json:"figure,omitempty"`
	Targets   []jsonStanding   `json:"targets,omitempty"`
	Reviewed  *jsonMark        `json:"reviewed"`
	Flagged   *jsonMark        `json:"flagged"`
	Notes     []jsonNote       `json:"notes"`
}

type jsonMinutes struct {
	Pack        string            `json:"pack"`
	Title       jsonText          `json:"title"`
	MeetingDate string            `json:"meeting_date"`
	Prepared    time.Time         `json:"prepared"`
	Recorders   []string          `json:"recorders"`
	Total       int               `json:"indicators"`
	Reviewed    int               `json:"reviewed"`
	Flagged     []string          `json:"flagged"`
	Rule        jsonRule          `json:"rule"`
	Items       []jsonMinutesItem `json:"items"`
	NotInPack   []jsonMinutesItem `json:"not_in_pack"`
}

func (m *minutes) json(w io.Writer) error {
	p := m.p
	order := p.ReviewOrder()
	reviewed, _ := m.r.Count(order)
	out := jsonMinutes{Pack: p.ID, Title: text(p.Title), MeetingDate: p.Date, Prepared: m.now.Round(time.Second),
		Recorders: append([]string{}, m.r.Authors...), Total: len(order), Reviewed: reviewed, Flagged: []string{},
		Rule:  jsonRule{AboutBand: json.Number(model.AboutBand), Text: fmt.Sprintf(m.w.Review.Rule, model.AboutBand)},
		Items: []jsonMinutesItem{}, NotInPack: []jsonMinutesItem{}}
	lines := p.Scorecard()
	for _, ind := range order {
		it := m.item(ind.ID)
		name := text(ind.Name)
		it.Name, it.Unit = &name, ind.Unit.Zh
		if o := p.Headline(ind); o != nil {
			f := scoreFigure(p, m.lang, o)
			it.Figure = &f
		}
		for _, l := range lines {
			if l.Indicator == ind {
				it.Targets = append(it.Targets, m.standingJSON(l))
			}
		}
		if it.Flagged != nil {
			out.Flagged = append(out.Flagged, ind.ID)
		}
		out.Items = append(out.Items, it)
	}
	for _, id := range m.r.Orphans(p) {
		out.NotInPack = append(out.NotInPack, m.item(id))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// item is an indicator's marks and notes, times in the minutes' zone.
func (m *minutes) item(id string) jsonMinutesItem {
	it := m.r.Of(id)
	loc := m.now.Location()
	out := jsonMinutesItem{Indicator: id, Notes: []jsonNote{}}
	if e := it.Reviewed; e != nil {
		out.Reviewed = &jsonMark{By: e.Author, At: e.Time.In(loc)}
	}
	if e := it.Flagged; e != nil {
		out.Flagged = &jsonMark{By: e.Author, At: e.Time.In(loc)}
	}
	for _, n := range it.Notes {
		out.Notes = append(out.Notes, jsonNote{By: n.Author, At: n.Time.In(loc), Text: n.Text})
	}
	return out
}

func (m *minutes) standingJSON(l model.ScoreLine) jsonStanding {
	s := jsonStanding{Target: scoreFigure(m.p, m.lang, l.Target), Status: l.Status, StatusText: m.w.Review.StatusName[l.Status]}
	if l.Outcome != nil {
		o := scoreFigure(m.p, m.lang, l.Outcome)
		gap := json.Number(l.Gap.Text)
		s.Outcome, s.Gap = &o, &gap
	}
	return s
}
