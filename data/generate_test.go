//go:build !kmdash_packgen

package data

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/data/internal/golit"
)

// TestPrebuiltIsTheYAML holds the generated pack to what Load makes of the
// embedded YAML, so that an edit to the YAML, the decoder or the model
// cannot land without `go generate ./data`.
func TestPrebuiltIsTheYAML(t *testing.T) {
	t.Parallel()
	want, err := Load(DefaultName, DefaultBytes())
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(prebuilt, want) {
		return
	}
	// Say where they part, in the generated file's own terms.
	got, _, err1 := golit.Vars("prebuilt", prebuilt)
	exp, _, err2 := golit.Vars("prebuilt", want)
	if err1 != nil || err2 != nil {
		t.Fatalf("pack_gen.go differs from %s; run go generate ./data (%v, %v)", DefaultName, err1, err2)
	}
	g, e := strings.Split(got, "\n"), strings.Split(exp, "\n")
	for i := range min(len(g), len(e)) {
		if g[i] != e[i] {
			t.Fatalf("pack_gen.go differs from %s; run go generate ./data\nfirst difference, line %d of the literal:\n generated: %s\n YAML:      %s", DefaultName, i+1, g[i], e[i])
		}
	}
	t.Fatalf("pack_gen.go differs from %s; run go generate ./data (%d lines against %d)", DefaultName, len(g), len(e))
}

// TestDefaultIsPrebuilt makes sure a start takes the generated pack rather
// than parsing the YAML.
func TestDefaultIsPrebuilt(t *testing.T) {
	t.Parallel()
	p, err := Default()
	if err != nil || p != prebuilt {
		t.Fatalf("Default() = %p, %v; want the generated pack %p", p, err, prebuilt)
	}
}
