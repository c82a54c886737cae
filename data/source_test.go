package data

import (
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// sourcesPack is minimal.yaml with its sources replaced by these lines.
func sourcesPack(t *testing.T, sources string) []byte {
	t.Helper()
	b := string(readFixture(t, "minimal.yaml"))
	start, end := strings.Index(b, "sources:\n"), strings.Index(b, "indicators:\n")
	if start < 0 || end < start {
		t.Fatal("minimal.yaml has no sources before its indicators")
	}
	return []byte(b[:start] + "sources:\n" + sources + b[end:])
}

// A source is cited by publisher, title (or what it is) and date, and by
// its URL or the plain statement that none is held.
func TestSourceForms(t *testing.T) {
	p, err := Load("sources.yaml", sourcesPack(t, `  - id: kmrb-2025-09-23
    publisher: {zh: 昆明日报, en: Kunming Daily}
    title: {zh: 推进会召开, en: The meeting sits}
    date: 2025-09-23
    url: https://www.kunming.cn/news/c/2025-09-23/13980890.shtml
  - id: nbs
    publisher: 国家统计局
    about: {zh: 一份发布, en: A release}
    lang: en
    date: 2025-04
    url: none
`))
	if err != nil {
		t.Fatal(err)
	}
	km, nbs := p.Source("kmrb-2025-09-23"), p.Source("nbs")
	switch {
	case km.Publisher != model.Text{Zh: "昆明日报", En: "Kunming Daily"}:
		t.Errorf("publisher = %+v", km.Publisher)
	case km.Title.En != "The meeting sits" || km.Described || km.Lang != model.Zh:
		t.Errorf("titled source = %+v", km)
	case km.NoURL || km.URL == "":
		t.Errorf("source with a URL = %+v", km)
	case !nbs.Described || nbs.Title.Zh != "一份发布" || nbs.Lang != model.En:
		t.Errorf("described source = %+v", nbs)
	case !nbs.NoURL || nbs.URL != "":
		t.Errorf("url: none gave URL %q, NoURL %t", nbs.URL, nbs.NoURL)
	case nbs.Publisher.En != "国家统计局":
		t.Errorf("a plain publisher stands for both languages: %+v", nbs.Publisher)
	}
}

func TestSourceMistakes(t *testing.T) {
	cases := []struct{ name, sources, want string }{
		{"title and about", `  - {id: s, title: 标题, about: 说明, date: 2025}
`, `sources.yaml:10:31: a source has a title or, where its title is not known, about; not both`},
		{"neither title nor about", `  - {id: s, date: 2025}
`, `sources.yaml:10:5: source "s" needs a title, or about: saying what it is where its title is not known`},
		{"a file path instead of a URL", `  - {id: s, title: 标题, date: 2025, file: seed/000.txt}
`, `sources.yaml:10:36: unknown key "file" in a source`},
		{"unknown language", `  - {id: s, title: 标题, date: 2025, lang: fr}
`, `lang "fr" is not one of zh, en`},
	}
	for _, c := range cases {
		_, err := Load("sources.yaml", sourcesPack(t, c.sources))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want a problem containing %q", c.name, err, c.want)
		}
	}
}

// Every source of the embedded pack gives its URL or says, with
// `url: none`, that none is held, so that a reader is told which; and
// each has a publisher or says it is not known, and a date.
func TestEmbeddedSourcesSayWhere(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Sources {
		if (s.URL == "") != s.NoURL {
			t.Errorf("source %s: url %q, url: none %t; give one or the other", s.ID, s.URL, s.NoURL)
		}
		if s.Publisher.IsZero() && !strings.Contains(s.Title.Zh, "未详") {
			t.Errorf("source %s names no publisher and does not say it is not known", s.ID)
		}
	}
}
