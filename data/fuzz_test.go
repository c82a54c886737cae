package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/kmdash/kmdash/model"
)

// fuzzProblem is the only form a problem may take when the file is named
// fuzz.yaml.
var fuzzProblem = regexp.MustCompile(`^fuzz\.yaml:[1-9]\d*:[1-9]\d*: \S.*$`)

func FuzzLoad(f *testing.F) {
	f.Add(DefaultBytes())
	seeds, err := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	broken, err := filepath.Glob(filepath.Join("testdata", "broken", "*.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	if len(seeds)+len(broken) < 10 {
		f.Fatalf("fixtures missing: %v %v", seeds, broken)
	}
	for _, path := range append(seeds, broken...) {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(bytes.ReplaceAll(DefaultBytes(), []byte("\n"), []byte("\r\n")))
	// YAML features a pack refuses, to lead the fuzzer into them.
	for _, s := range []string{
		"pack: &a x\ntitle: *a\n",
		"pack: !!str x\n",
		"<<: {pack: x}\n",
		"? [pack]\n: x\n",
		"pack: |\n  x\n  y\ntitle: >-\n  z\n",
		"indicators: [[[[{]]]]\n",
		"pack: 'it''s'\ntitle: \"\\u00e9\"\n",
		"%YAML 1.2\n---\npack: x\n...\n",
		"- a\n- b\n",
		"pack: x\npack: y\n",
	} {
		f.Add([]byte(s))
	}

	f.Fuzz(func(t *testing.T, b []byte) {
		pack, err := Load("fuzz.yaml", b)
		if err == nil {
			if pack == nil {
				t.Fatal("no error and no pack")
			}
			if probs := model.Validate(pack); len(probs) != 0 {
				t.Fatalf("loaded, but Validate finds %v", probs)
			}
			return
		}
		if pack != nil {
			t.Error("a pack returned with an error")
		}
		var ps Problems
		if !errors.As(err, &ps) || len(ps) == 0 {
			t.Fatalf("error is not a non-empty Problems: %#v", err)
		}
		text := err.Error()
		if strings.Contains(text, "panic") || strings.Contains(text, "goroutine") {
			t.Fatalf("stack trace in the message: %s", text)
		}
		lines := strings.Split(text, "\n")
		if len(lines) != len(ps) {
			t.Fatalf("%d problems printed on %d lines: a message holds a newline:\n%s", len(ps), len(lines), text)
		}
		for _, l := range lines {
			if !fuzzProblem.MatchString(l) {
				t.Fatalf("problem %q is not FILE:LINE:COL: message", l)
			}
		}
		// The same input gives the same answer.
		if _, again := Load("fuzz.yaml", b); again == nil || again.Error() != text {
			t.Fatalf("second load differs:\n%s\n---\n%v", text, again)
		}
	})
}
