package ui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// glyphStrings lists every glyph of a set by where it is, looking into
// slices, borders and asciigraph's character sets.
func glyphStrings(v reflect.Value, path string, out map[string]string) {
	switch v.Kind() {
	case reflect.String:
		out[path] = v.String()
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			glyphStrings(v.Index(i), path+"["+string(rune('0'+i))+"]", out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				glyphStrings(v.Field(i), path+"."+v.Type().Field(i).Name, out)
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			out[path+"["+iter.Key().String()+"]"] = iter.Value().String()
		}
	}
}

// TestASCIIGlyphSet: the ASCII set has a glyph wherever the Unicode set
// has one, each in printable ASCII and as wide as its counterpart, so a
// glyph added to one set and not the other fails here.
func TestASCIIGlyphSet(t *testing.T) {
	t.Parallel()
	uni, asc := map[string]string{}, map[string]string{}
	u, a := unicodeGlyphs, asciiGlyphs
	u.Text, a.Text = nil, nil
	u.PlotAxis = map[string]string{"└": "└", "┬": "┬", "─": "─", "┤": "┤", "┼": "┼"}
	glyphStrings(reflect.ValueOf(u), "", uni)
	glyphStrings(reflect.ValueOf(a), "", asc)
	for path, g := range uni {
		ag, ok := asc[path]
		switch {
		case !ok:
			t.Errorf("%s: no ASCII glyph", path)
		case strings.ContainsFunc(ag, func(r rune) bool { return r < 0x20 || r > 0x7E }):
			t.Errorf("%s: %q is not printable ASCII", path, ag)
		case lipgloss.Width(ag) != lipgloss.Width(g) && !strings.HasPrefix(path, ".BarEighths") && !strings.HasPrefix(path, ".Arrows"):
			// Drawings keep their place; key names (up/k) are text, laid
			// out as they come.
			t.Errorf("%s: %q is %d cells, %q %d", path, ag, lipgloss.Width(ag), g, lipgloss.Width(g))
		case g != "" && ag == "" && !strings.HasPrefix(path, ".BarEighths"):
			t.Errorf("%s: empty in ASCII, %q in Unicode", path, g)
		}
	}
	if len(a.Markers) != len(u.Markers) || len(a.Strokes) != len(u.Strokes) {
		t.Errorf("the sets draw different numbers of series apart")
	}
	for i := range a.Strokes {
		for j := range i {
			if a.Strokes[i].Horizontal == a.Strokes[j].Horizontal || a.Markers[i] == a.Markers[j] {
				t.Errorf("series %d and %d look alike without colour", i, j)
			}
		}
	}
}

// TestASCIITextReplacements: each replacement takes a character of
// ambiguous width (or a dash or symbol CJK fonts draw wide) to one
// printable ASCII character, one cell for one, and leaves Chinese be.
func TestASCIITextReplacements(t *testing.T) {
	t.Parallel()
	in := "“”‘’·•…–—−×÷±²³°‰§←→↑↓▲▼▶◀●○◆■□★☆"
	out := asciiText.Replace(in)
	if len([]rune(out)) != len([]rune(in)) {
		t.Fatalf("%q became %q", in, out)
	}
	for i, r := range []rune(in) {
		got := []rune(out)[i]
		if got < 0x20 || got > 0x7E {
			t.Errorf("%q became %q, not ASCII", r, got)
		}
	}
	if s := "昆明（上半年）：4.4%，增长。"; asciiText.Replace(s) != s {
		t.Errorf("Chinese text and full-width punctuation should stay: %q", asciiText.Replace(s))
	}
}
