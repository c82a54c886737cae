package report

import (
	"fmt"
	"strings"

	"github.com/kmdash/kmdash/model"
)

// chart is a line chart told as its lines' figures, period by period,
// and the targets drawn across it: the figures the chart draws.
func (ds *description) chart(ch model.Chart) {
	d := &ds.w.Describe
	same := ch.OneIndicator()
	unit := ""
	var lines, targets []string
	seen := map[*model.Observation]bool{}
	for _, s := range ch.Series {
		ind := ds.p.Indicator(s.Indicator)
		if ind == nil {
			continue
		}
		if unit == "" {
			unit = ind.Unit.In(ds.lang)
		}
		label := ds.region(s.Region)
		if !same {
			label = ind.Name.In(ds.lang) + fmt.Sprintf(ds.w.Aside, label)
		}
		var points []string
		for _, o := range ds.p.ChartPoints(ind, s.Region) {
			points = append(points, fmt.Sprintf(d.Point, ds.period(o), ds.figure(ind, o))+ds.derivedMark(o)+ds.marks(o))
		}
		if len(points) > 0 {
			lines = append(lines, fmt.Sprintf(d.Series, label, strings.Join(points, d.List)))
		}
		if tg := ds.p.Target(ind, s.Region); tg != nil && !seen[tg] {
			seen[tg] = true
			name := fmt.Sprintf(ds.w.TargetOf, ds.region(s.Region), ds.p.Year)
			if !same {
				name = ind.Name.In(ds.lang) + ds.gap() + name
			}
			targets = append(targets, fmt.Sprintf(d.Series, name, ds.figure(ind, tg)+ds.marks(tg)))
		}
	}
	if len(lines) == 0 {
		return
	}
	title := ch.Title.In(ds.lang)
	if unit != "" {
		title += fmt.Sprintf(ds.w.Aside, unit)
	}
	ds.line(fmt.Sprintf(d.Chart, title))
	for _, l := range append(lines, targets...) {
		ds.line(l)
	}
}

func (ds *description) derivedMark(o *model.Observation) string {
	if o.Derived != nil {
		return ds.w.Describe.DerivedMark
	}
	return ""
}

// bars is a bar chart told as each bar's region, period and figure.
func (ds *description) bars(g model.BarGroup) {
	d := &ds.w.Describe
	var items []string
	for _, ref := range g.Items {
		ind, o := ds.p.Find(ref)
		if o == nil {
			continue
		}
		what := ds.region(o.Region) + ds.gap() + ds.period(o)
		items = append(items, fmt.Sprintf(d.Bar, what, ds.figure(ind, o))+ds.derivedMark(o)+ds.marks(o))
	}
	if len(items) == 0 {
		return
	}
	ds.line(fmt.Sprintf(d.Bars, g.Title.In(ds.lang)))
	ds.line(fmt.Sprintf(d.Items, strings.Join(items, d.List)))
}

// initiatives lists each tourism product: what it is, its season and
// where, its sourced facts, and its sources.
func (ds *description) initiatives(inits []*model.Initiative) {
	d := &ds.w.Describe
	ds.line(fmt.Sprintf(d.Initiatives, len(inits)))
	for _, in := range inits {
		// What it is may end its own sentence; the words end it here.
		what := strings.TrimRight(in.What.In(ds.lang), "。. ")
		s := fmt.Sprintf(d.Initiative, in.Name.In(ds.lang), what)
		if !in.Season.IsZero() || len(in.Months) > 0 {
			s += fmt.Sprintf(d.Season, ds.season(in))
		}
		if len(in.Places) > 0 {
			s += fmt.Sprintf(d.Places, ds.list(in.Places))
		}
		if in.Season.IsZero() && len(in.Months) == 0 && len(in.Places) == 0 {
			s += d.NoSeason
		}
		marked := map[string]bool{}
		for _, f := range in.Facts {
			s += ds.gap() + f.Text.In(ds.lang) + ds.cites.mark(f.Source)
			marked[f.Source] = true
		}
		var marks string
		for _, id := range in.Sources {
			if ds.p.Source(id) != nil && !marked[id] {
				marked[id] = true
				marks += ds.cites.mark(id)
			}
		}
		if marks != "" {
			s += ds.gap() + marks
		}
		ds.line(s)
	}
}

// season is an initiative's season in words, with its months.
func (ds *description) season(in *model.Initiative) string {
	s := in.Season.In(ds.lang)
	if len(in.Months) > 0 && len(in.Months) < 12 {
		s += fmt.Sprintf(ds.w.Aside, ds.months(in.Months))
	}
	return s
}

func (ds *description) months(ms []int) string {
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = model.MonthName(m, ds.lang)
	}
	return strings.Join(names, ds.w.Describe.List)
}

func (ds *description) list(ts []model.Text) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.In(ds.lang)
	}
	return strings.Join(names, ds.w.Describe.List)
}

// calendar is the season calendar in words: the months each product
// runs and is at its best, and what is in season this month.
func (ds *description) calendar(inits []*model.Initiative) {
	d := &ds.w.Describe
	ds.line(fmt.Sprintf(d.Calendar, model.MonthName(ds.month, ds.lang)))
	var now []string
	for _, in := range inits {
		name := in.Name.In(ds.lang)
		switch {
		case len(in.Months) == 0:
			ds.line(name + ds.w.Colon + strings.TrimSpace(d.NoSeason))
		case len(in.Peak) > 0:
			ds.line(fmt.Sprintf(d.RunsPeak, name, ds.months(in.Months), ds.months(in.Peak)))
		default:
			ds.line(fmt.Sprintf(d.Runs, name, ds.months(in.Months)))
		}
		if in.InSeason(ds.month) {
			now = append(now, name)
		}
	}
	if len(now) == 0 {
		ds.line(d.NoneNow)
		return
	}
	ds.line(fmt.Sprintf(d.Now, strings.Join(now, d.List)))
}
