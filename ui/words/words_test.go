package words

import (
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// Every language has a table, and every table says everything: a field
// left empty would show as a gap on screen or in a report.
func TestEveryLanguageHasEveryWord(t *testing.T) {
	for _, l := range model.Langs {
		w, ok := tables[l]
		if !ok {
			t.Errorf("no table for language %s", l)
			continue
		}
		for _, missing := range empty(reflect.ValueOf(*w), "") {
			t.Errorf("%s: %s has no text", l, missing)
		}
	}
}

// empty lists the fields of v (a struct of strings, maps of strings and
// nested structs) that hold no text.
func empty(v reflect.Value, path string) []string {
	var out []string
	switch v.Kind() {
	case reflect.String:
		if v.String() == "" {
			out = append(out, path)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			out = append(out, empty(v.Field(i), path+"."+v.Type().Field(i).Name)...)
		}
	case reflect.Map:
		if v.Len() == 0 {
			out = append(out, path)
		}
		for _, k := range v.MapKeys() {
			out = append(out, empty(v.MapIndex(k), path+"["+k.String()+"]")...)
		}
	}
	return out
}

var verb = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-z]`)

// A text with a format verb is filled in by code that is the same for
// every language, so each language must take the same arguments: the
// same number of them and of the same kinds, in any order.
func TestFormatsTakeTheSameArguments(t *testing.T) {
	base := flatten(reflect.ValueOf(*tables[model.Zh]), "")
	for _, l := range model.Langs {
		other := flatten(reflect.ValueOf(*tables[l]), "")
		for path, zh := range base {
			want, got := kinds(zh), kinds(other[path])
			if !slices.Equal(want, got) {
				t.Errorf("%s%s takes %v, zh takes %v", l, path, got, want)
			}
		}
		for path := range other {
			if _, ok := base[path]; !ok {
				t.Errorf("%s%s has no zh counterpart", l, path)
			}
		}
	}
}

func flatten(v reflect.Value, path string) map[string]string {
	out := map[string]string{}
	switch v.Kind() {
	case reflect.String:
		out[path] = v.String()
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			for k, s := range flatten(v.Field(i), path+"."+v.Type().Field(i).Name) {
				out[k] = s
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			for p, s := range flatten(v.MapIndex(k), path+"["+k.String()+"]") {
				out[p] = s
			}
		}
	}
	return out
}

// kinds is the sorted list of verb letters in s ("%d×%d" → [d d]).
func kinds(s string) []string {
	var out []string
	for _, m := range verb.FindAllString(s, -1) {
		out = append(out, m[len(m)-1:])
	}
	slices.Sort(out)
	return out
}

func TestForFallsBackToChinese(t *testing.T) {
	if got := For("fr"); got != tables[model.Zh] {
		t.Errorf("For(fr) is not the Chinese table")
	}
	for _, l := range model.Langs {
		if For(l) != tables[l] {
			t.Errorf("For(%s) is not the %s table", l, l)
		}
	}
}

// Chinese text takes full-width punctuation: an ASCII comma, colon or
// semicolon next to a Chinese character is a typo on screen.
func TestChineseTakesFullWidthPunctuation(t *testing.T) {
	ascii := regexp.MustCompile(`[\p{Han}）》”、][,:;]|[,:;]\p{Han}`)
	for path, s := range flatten(reflect.ValueOf(*tables[model.Zh]), "") {
		if m := ascii.FindString(s); m != "" {
			t.Errorf("zh%s %q: %q wants full-width punctuation", path, s, m)
		}
	}
}
