package data

import (
	"reflect"
	"regexp"
	"strconv"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// han is a Chinese character: an English side holding one, in a name, was
// left untranslated.
var han = regexp.MustCompile(`\p{Han}`)

// quoting lists the fields whose English may quote Chinese, as a note
// does when it explains a term (商品房).
var quoting = map[string]bool{"Note": true, "What": true, "Text": true}

// Every name the embedded pack gives (pack title, regions, sources'
// publishers and titles, indicators' names, full names, units, labels
// and notes, initiatives' names, places, seasons and facts, chart and bar
// titles, and whatever text a later field adds, such as tab names) has
// both a Chinese and an English side, and an English name is English.
// The interface's own words are checked in ui/words.
func TestEveryPackNameInEveryLanguage(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := 0
	walkTexts(reflect.ValueOf(p).Elem(), "pack", "", func(path, field string, x model.Text) {
		texts++
		switch {
		case x.Zh == "" || x.En == "":
			t.Errorf("%s has no %s", path, missing(x))
		case !quoting[field] && han.MatchString(x.En):
			t.Errorf("%s: English %q is not English", path, x.En)
		}
	})
	if texts < 100 {
		t.Errorf("walked %d texts; the pack holds far more, so the walk missed some", texts)
	}
}

func missing(x model.Text) string {
	if x.Zh == "" {
		return "Chinese"
	}
	return "English"
}

// walkTexts calls f on every model.Text that holds text, in structs,
// pointers and slices below v; an optional text left out is skipped.
func walkTexts(v reflect.Value, path, field string, f func(path, field string, x model.Text)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), path, field, f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), path+"["+strconv.Itoa(i)+"]", field, f)
		}
	case reflect.Struct:
		if x, ok := v.Interface().(model.Text); ok {
			if !x.IsZero() {
				f(path, field, x)
			}
			return
		}
		for i := 0; i < v.NumField(); i++ {
			name := v.Type().Field(i).Name
			walkTexts(v.Field(i), path+"."+name, name, f)
		}
	}
}

// The walk reaches texts inside slices of structs and pointers, and skips
// an optional text left out.
func TestWalkTexts(t *testing.T) {
	p := &model.Pack{
		Title:   model.Text{Zh: "标题", En: "Title"},
		Regions: []model.Region{{ID: "kunming", Name: model.Text{Zh: "昆明"}}},
		Initiatives: []*model.Initiative{{Name: model.Text{Zh: "观鸥季", En: "观鸥季"},
			Places: []model.Text{{Zh: "翠湖", En: "Green Lake"}}}},
	}
	var got []string
	walkTexts(reflect.ValueOf(p).Elem(), "pack", "", func(path, field string, x model.Text) {
		got = append(got, path+" "+field)
	})
	want := []string{"pack.Title Title", "pack.Regions[0].Name Name", "pack.Initiatives[0].Name Name", "pack.Initiatives[0].Places[0] Places"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("walked %v, want %v", got, want)
	}
}
