package data

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// timed runs f and logs how long it took. Timing never fails a test (a
// loaded machine must not fail the build); a parser gone quadratic takes
// minutes and is caught by the test binary's timeout, and the refusals
// below are checked by what they say, not by how fast they are.
func timed(t *testing.T, f func()) {
	t.Helper()
	start := time.Now()
	f()
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}

func TestTooBig(t *testing.T) {
	tests := []struct {
		size int64
		want string
	}{
		{MaxSize + 1, "the pack is 1.1 MiB; packs are limited to 1 MiB"},
		{MaxSize * 2, "the pack is 2 MiB; packs are limited to 1 MiB"},
		{12_900_000, "the pack is 12.3 MiB; packs are limited to 1 MiB"},
		{1 << 40, "the pack is 1048576 MiB; packs are limited to 1 MiB"},
	}
	for _, tt := range tests {
		if got := tooBig(tt.size); got != tt.want {
			t.Errorf("tooBig(%d) = %q, want %q", tt.size, got, tt.want)
		}
	}
}

func TestLoadSizeLimit(t *testing.T) {
	// Exactly at the limit is read (and found wanting for other reasons).
	atLimit := append([]byte("pack: x\n#"), bytes.Repeat([]byte("x"), MaxSize-10)...)
	atLimit = append(atLimit, '\n')
	if _, err := Load("limit.yaml", atLimit); err == nil || strings.Contains(err.Error(), "limited to") {
		t.Errorf("a pack of exactly %d bytes: %v", MaxSize, err)
	}
	_, err := Load("big.yaml", append(atLimit, 'x'))
	if err == nil || err.Error() != "big.yaml: the pack is 1.1 MiB; packs are limited to 1 MiB" {
		t.Errorf("one byte over the limit: %v", err)
	}
	checkProblemText(t, err)
}

// LoadFile looks at the size before it reads: a sparse file of 8 GiB is
// refused at once, and never read into memory.
func TestLoadFileSizeLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(8 << 30); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	f.Close()
	timed(t, func() {
		_, err = LoadFile(path)
	})
	if err == nil || err.Error() != path+": the pack is 8192 MiB; packs are limited to 1 MiB" {
		t.Errorf("LoadFile of 8 GiB: %v", err)
	}
	checkProblemText(t, err)
}

// A device has no size to look at first; it is read no further than the
// limit.
func TestLoadFileEndlessDevice(t *testing.T) {
	const zero = "/dev/zero"
	if _, err := os.Stat(zero); err != nil {
		t.Skip(err)
	}
	var err error
	timed(t, func() {
		_, err = LoadFile(zero)
	})
	if err == nil || err.Error() != zero+": the pack is larger than 1 MiB, the limit for packs" {
		t.Errorf("LoadFile(%s): %v", zero, err)
	}
}

func TestLoadFileDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadFile(dir)
	if err == nil || err.Error() != dir+":1:1: cannot read: is a directory" {
		t.Errorf("LoadFile of a directory: %v", err)
	}
}

// manyIndicators is a valid pack of n indicators, each with a stated and
// a derived figure, and a chart for every tenth.
func manyIndicators(n int) []byte {
	var b strings.Builder
	b.WriteString("pack: many\ntitle: {zh: 大, en: Big}\ndate: 2025-09-22\nregions:\n  - {id: kunming, zh: 昆明}\n" +
		"sources:\n  - {id: s, title: t, date: 2025}\nindicators:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: ind-%d\n    tab: economy\n    name: {zh: 指标%d}\n    unit: \"%%\"\n    measure: yoy\n    observations:\n"+
			"      - {region: kunming, period: 2025-01/2025-06, value: 4.4, source: s}\n"+
			"      - {region: kunming, period: 2025-01/2025-03, value: 4.3, source: s, formula: 4.4 - 0.1, from: {period: 2025-01/2025-06}}\n",
			i, i)
	}
	b.WriteString("tabs:\n  - id: economy\n    name: {zh: 经济}\n    cards:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - ind-%d\n", i)
	}
	b.WriteString("    charts:\n")
	for i := 0; i < n; i += 10 {
		fmt.Fprintf(&b, "      - {id: c-%d, title: t, series: [{indicator: ind-%d, region: kunming}]}\n", i, n-1-i)
	}
	return []byte(b.String())
}

func TestLoadTenThousandIndicators(t *testing.T) {
	if testing.Short() {
		t.Skip("a pack of 10,000 indicators and one at the size limit: run without -short")
	}
	big := manyIndicators(10_000)
	var err error
	timed(t, func() {
		_, err = Load("many.yaml", big)
	})
	if err == nil || !strings.HasPrefix(err.Error(), "many.yaml: the pack is 3.") || !strings.HasSuffix(err.Error(), "packs are limited to 1 MiB") {
		t.Errorf("10,000 indicators: %v", err)
	}
	// As many as fit under the limit load, in time that grows with the
	// file, not with its square.
	n := 10_000 * MaxSize / len(big) * 95 / 100
	fits := manyIndicators(n)
	if len(fits) > MaxSize {
		t.Fatalf("%d indicators take %d bytes", n, len(fits))
	}
	timed(t, func() {
		pack, err := Load("fits.yaml", fits)
		if err != nil {
			t.Fatalf("%d indicators: %v", n, err)
		}
		if len(pack.Indicators) != n || len(pack.Tabs[0].Charts) != (n+9)/10 {
			t.Errorf("read %d indicators and %d charts, want %d and %d", len(pack.Indicators), len(pack.Tabs[0].Charts), n, (n+9)/10)
		}
	})
}

// billionLaughs defines ten anchors, each a list of ten aliases of the one
// before: expanded, the last is 10^10 values.
func billionLaughs() []byte {
	var b strings.Builder
	b.WriteString("pack: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i < 10; i++ {
		fmt.Fprintf(&b, "k%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	return []byte(b.String())
}

func TestLoadBillionLaughs(t *testing.T) {
	var err error
	timed(t, func() {
		_, err = Load("lol.yaml", billionLaughs())
	})
	if err == nil {
		t.Fatal("loaded")
	}
	lines := checkProblemText(t, err)
	// 9 anchors and 90 aliases, each named where it stands.
	if len(lines) != 100 {
		t.Errorf("got %d problems, want 100 (one per anchor and alias, no more):\n%s", len(lines), err)
	}
	for i, want := range []string{
		"lol.yaml:1:7: anchors and aliases (&name, *name) are not supported; write the value out",
		"lol.yaml:2:5: anchors and aliases (&name, *name) are not supported; write the value out",
		"lol.yaml:2:10: anchors and aliases (&name, *name) are not supported; write the value out",
	} {
		if lines[i] != want {
			t.Errorf("problem %d = %q, want %q", i+1, lines[i], want)
		}
	}
}

// Past 100 problems the rest are counted, not listed.
func TestLoadTooManyProblems(t *testing.T) {
	b := readFixture(t, "minimal.yaml")
	b = bytes.Replace(b, []byte("indicators:"), []byte(strings.Repeat("  - {id: s, title: t, date: 2025/09}\n", 150)+"indicators:"), 1)
	_, err := Load("many.yaml", b)
	if err == nil {
		t.Fatal("loaded")
	}
	lines := checkProblemText(t, err)
	if len(lines) != 101 {
		t.Fatalf("%d lines, want 100 problems and a count:\n%s", len(lines), err)
	}
	if want := `many.yaml:13:29: source date "2025/09" is not written YYYY, YYYY-MM or YYYY-MM-DD`; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	// 150 bad dates, and 149 of the sources repeat an id.
	if want := "many.yaml: 199 more problems not listed; fix the ones above first"; lines[100] != want {
		t.Errorf("last line = %q, want %q", lines[100], want)
	}
}

func TestOneLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a\nb\rc", `a\nb\rc`},
		{"tab\there", `tab\there`},
		{"esc\x1b[2J", `esc\x1b[2J`},
		{"c1\u009b", `c1\u009b`},
		{"昆明 ok", "昆明 ok"},
		{strings.Repeat("x", maxMessage), strings.Repeat("x", maxMessage)},
		{strings.Repeat("x", maxMessage+1), strings.Repeat("x", maxMessage) + "…"},
	}
	for _, tt := range tests {
		if got := oneLine(tt.in); got != tt.want {
			t.Errorf("oneLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// The shapes that make the YAML parser slow, each as large as a pack may
// be: every one is answered, in time (about a second each when written).
func TestLoadWorstShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("reads several files of 1 MiB")
	}
	fill := func(unit func(i int) string) []byte {
		var b strings.Builder
		for i := 0; b.Len() < MaxSize-100; i++ {
			b.WriteString(unit(i))
		}
		return []byte(b.String())
	}
	shapes := []struct {
		name  string
		input []byte
		want  string // the first problem
	}{
		{"flow nesting", []byte(strings.Repeat("[", MaxSize/2-1) + strings.Repeat("]", MaxSize/2-1)),
			"worst.yaml:1:64: nested more than 64 deep; a pack needs fewer than 10 levels"},
		{"flow mappings nesting", []byte("a: " + strings.Repeat("{a: ", MaxSize/4-2)),
			"worst.yaml:1:256: nested more than 64 deep; a pack needs fewer than 10 levels"},
		{"block nesting", []byte(strings.Repeat("- ", MaxSize/2-2) + "x"),
			"worst.yaml:1:129: nested more than 64 deep; a pack needs fewer than 10 levels"},
		{"keys", fill(func(i int) string { return fmt.Sprintf("k%d: x\n", i) }),
			"worst.yaml:101:1: more than 100 keys in one mapping; a pack's mappings have a dozen at most"},
		{"documents", fill(func(int) string { return "---\na: b\n" }),
			"worst.yaml:17:1: a pack is one YAML document; this file has more than 8 --- or ... lines"},
		{"anchors", fill(func(i int) string { return fmt.Sprintf("- &a%d x\n- *a%d\n", i, i) }),
			"worst.yaml:1:3: anchors and aliases (&name, *name) are not supported; write the value out"},
		{"empty flow lists", []byte("[" + strings.Repeat("[],", MaxSize/3-2) + "[]]"),
			"worst.yaml:1:1: the pack must be a mapping of keys to values, not a list"},
		{"list of mappings", fill(func(int) string { return "- a: x\n  b: y\n" }),
			"worst.yaml:1:1: the pack must be a mapping of keys to values, not a list"},
		{"one long line", []byte("pack: " + strings.Repeat("x", MaxSize-100) + "\n"),
			`worst.yaml:1:1: the pack is missing "title"`},
		{"one long quoted value", []byte(`title: "` + strings.Repeat(`\x41`, MaxSize/4-10) + "\"\n"),
			`worst.yaml:1:1: the pack is missing "pack"`},
	}
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			if len(s.input) > MaxSize {
				t.Fatalf("input is %d bytes", len(s.input))
			}
			var err error
			timed(t, func() {
				_, err = Load("worst.yaml", s.input)
			})
			if err == nil {
				t.Fatal("loaded")
			}
			if lines := checkProblemText(t, err); lines[0] != s.want {
				t.Errorf("first problem = %q, want %q", lines[0], s.want)
			}
		})
	}
}
