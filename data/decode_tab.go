package data

import (
	"fmt"

	"github.com/goccy/go-yaml/ast"

	"github.com/kmdash/kmdash/model"
)

// tab reads one screen of the dashboard and what it shows.
func (r *reader) tab(n ast.Node, path string) *model.Tab {
	f := r.fields(n, path, "a tab", []string{"id", "name"}, "cards", "initiatives", "calendar", "charts", "bars")
	t := &model.Tab{
		ID:          model.TabID(r.text(f["id"], path+".id", "tab id")),
		Name:        r.bilingual(f["name"], path+".name", "name"),
		Cards:       r.texts(f["cards"], path+".cards", "cards"),
		Initiatives: r.texts(f["initiatives"], path+".initiatives", "initiatives"),
		Calendar:    r.flag(f["calendar"], path+".calendar", "calendar"),
		Path:        path,
	}
	for i, c := range r.list(f["charts"], path+".charts", "charts") {
		t.Charts = append(t.Charts, r.chart(c, fmt.Sprintf("%s.charts[%d]", path, i)))
	}
	for i, b := range r.list(f["bars"], path+".bars", "bars") {
		t.Bars = append(t.Bars, r.bars(b, fmt.Sprintf("%s.bars[%d]", path, i)))
	}
	return t
}

func (r *reader) chart(n ast.Node, path string) model.Chart {
	f := r.fields(n, path, "a chart", []string{"id", "title", "series"})
	ch := model.Chart{
		ID:    r.text(f["id"], path+".id", "chart id"),
		Title: r.bilingual(f["title"], path+".title", "title"),
		Path:  path,
	}
	for i, s := range r.list(f["series"], path+".series", "series") {
		at := fmt.Sprintf("%s.series[%d]", path, i)
		sf := r.fields(s, at, "a series", []string{"indicator", "region"})
		ch.Series = append(ch.Series, model.SeriesRef{
			Indicator: r.text(sf["indicator"], at+".indicator", "indicator"),
			Region:    r.text(sf["region"], at+".region", "region"),
		})
	}
	return ch
}

func (r *reader) bars(n ast.Node, path string) model.BarGroup {
	f := r.fields(n, path, "a bar group", []string{"id", "title", "items"})
	b := model.BarGroup{
		ID:    r.text(f["id"], path+".id", "bar group id"),
		Title: r.bilingual(f["title"], path+".title", "title"),
		Path:  path,
	}
	for i, it := range r.list(f["items"], path+".items", "items") {
		at := fmt.Sprintf("%s.items[%d]", path, i)
		itf := r.fields(it, at, "a bar", []string{"indicator", "region", "period"})
		b.Items = append(b.Items, model.ObsRef{
			Indicator: r.text(itf["indicator"], at+".indicator", "indicator"),
			Region:    r.text(itf["region"], at+".region", "region"),
			Period:    r.period(itf["period"], at+".period", "period"),
		})
	}
	return b
}
