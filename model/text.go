// Package model holds kmdash's domain: packs of indicators and their
// observations, the periods and regions they cover, where each figure came
// from, how derived figures are computed, and the checks a pack must pass.
// It does no I/O and knows nothing of YAML or of the terminal.
package model

import "fmt"

// Lang is a language the dashboard speaks.
type Lang string

// The two languages; Chinese comes first because the audience reads it first.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Langs lists every language in the order the `L` key cycles through them.
var Langs = []Lang{Zh, En}

// ParseLang accepts "zh" or "en".
func ParseLang(s string) (Lang, error) {
	for _, l := range Langs {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown language %q (want zh or en)", s)
}

// Next is the language the `L` key switches to.
func (l Lang) Next() Lang {
	for i, x := range Langs {
		if x == l {
			return Langs[(i+1)%len(Langs)]
		}
	}
	return Zh
}

// Text is a phrase in both languages.
type Text struct {
	Zh string
	En string
}

// In returns the phrase in l, falling back to the other language rather
// than showing nothing when a pack left one side empty.
func (t Text) In(l Lang) string {
	if l == En && t.En != "" {
		return t.En
	}
	if t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// IsZero reports whether neither language has text.
func (t Text) IsZero() bool { return t.Zh == "" && t.En == "" }
