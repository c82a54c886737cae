package data

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// TestValidate: one line for each good pack, with what it holds, and each
// bad pack's problems; any bad pack fails the whole.
func TestValidate(t *testing.T) {
	t.Parallel()
	// The counts come from the pack as the dashboard has it: the
	// embedded one as decoded at build time, not read from its YAML as
	// Validate reads it.
	okLine := func(name, path string) string {
		pack, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		figures := 0
		for _, ind := range pack.Indicators {
			figures += len(ind.Obs)
		}
		return fmt.Sprintf("%s: ok, %d indicators, %d figures, %d sources", name, len(pack.Indicators), figures, len(pack.Sources))
	}
	embedded := okLine(DefaultName+" (embedded)", "")
	minimal := okLine("testdata/minimal.yaml", "testdata/minimal.yaml")
	if embedded == minimal {
		t.Fatal("the fixtures should differ")
	}
	const broken = "testdata/broken/bad-formula.yaml"
	tests := []struct {
		files []string
		want  []string // lines; a bad pack's as a prefix
		fails bool
	}{
		{[]string{""}, []string{embedded}, false},
		{[]string{"testdata/minimal.yaml", ""}, []string{minimal, embedded}, false},
		{[]string{broken, "testdata/minimal.yaml"}, []string{broken + ":", minimal}, true},
		{[]string{"testdata/none.yaml"}, []string{"testdata/none.yaml:1:1: cannot read"}, true},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		err := Validate(&out, tc.files...)
		if (err != nil) != tc.fails {
			t.Errorf("%v: error %v", tc.files, err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != len(tc.want) {
			t.Errorf("%v: wrote\n%s\nwant %d lines", tc.files, out.String(), len(tc.want))
			continue
		}
		for i, l := range lines {
			if !strings.HasPrefix(l, tc.want[i]) || (strings.HasSuffix(tc.want[i], "sources") && l != tc.want[i]) {
				t.Errorf("%v: line %d is %q, want %q", tc.files, i+1, l, tc.want[i])
			}
		}
	}
}
