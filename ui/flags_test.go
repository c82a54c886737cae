package ui

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/kmdash/kmdash/model"
)

func parseFlags(args ...string) (*Flags, error) {
	var f Flags
	fs := flag.NewFlagSet("kmdash", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	f.Register(fs)
	return &f, fs.Parse(args)
}

// TestFlagsOverEnvironment: each flag is read over what the environment
// says, and what cannot be read names its flag or variable.
func TestFlagsOverEnvironment(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		lang    model.Lang
		look    Look
		wantErr string
	}{
		{"nothing", nil, nil, model.Zh, Look{Theme: "auto"}, ""},
		{"language from the environment", map[string]string{"KMDASH_LANG": "en"}, nil, model.En, Look{Theme: "auto"}, ""},
		{"--lang over the environment", map[string]string{"LANG": "en_US.UTF-8"}, []string{"--lang", "zh"}, model.Zh, Look{Theme: "auto"}, ""},
		{"--theme in any case", map[string]string{"KMDASH_THEME": "dark"}, []string{"--theme", "LIGHT"}, model.Zh, Look{Theme: "light"}, ""},
		{"--ascii", nil, []string{"--ascii"}, model.Zh, Look{Theme: "auto", ASCII: true, Why: "--ascii"}, ""},
		{"--ascii=false over KMDASH_ASCII", map[string]string{"KMDASH_ASCII": "1"}, []string{"--ascii=false"}, model.Zh, Look{Theme: "auto"}, ""},
		{"--ascii over a GBK locale", map[string]string{"LANG": "zh_CN.GBK"}, []string{"--ascii"}, model.Zh, Look{Theme: "auto", ASCII: true, Why: "--ascii", GB18030: true}, ""},
		{"a GBK locale", map[string]string{"LANG": "zh_CN.GBK"}, nil, model.Zh, Look{Theme: "auto", ASCII: true, Why: "LANG=zh_CN.GBK", GB18030: true}, ""},
		{"--lang unknown", nil, []string{"--lang", "fr"}, "", Look{}, "--lang: "},
		{"--now not a date", nil, []string{"--now", "2025-13-01"}, "", Look{}, `--now "2025-13-01"`},
		{"--theme unknown", nil, []string{"--theme", "sepia"}, "", Look{}, `--theme "sepia"`},
		{"KMDASH_THEME unknown", map[string]string{"KMDASH_THEME": "sepia"}, []string{"--theme", "dark"}, "", Look{}, "KMDASH_THEME"},
		// The order errors are found in: the language, the date, the look.
		{"--lang before --now", nil, []string{"--now", "x", "--lang", "fr"}, "", Look{}, "--lang: "},
		{"--now before the look", map[string]string{"KMDASH_ASCII": "maybe"}, []string{"--now", "x"}, "", Look{}, "--now"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := parseFlags(tc.args...)
			if err != nil {
				t.Fatal(err)
			}
			o, err := f.Options(func(k string) string { return tc.env[k] })
			if tc.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Errorf("error %v, want one starting %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || o.Lang != tc.lang || o.Look != tc.look {
				t.Errorf("got %v %+v, %v; want %v %+v", o.Lang, o.Look, err, tc.lang, tc.look)
			}
		})
	}
}

// TestFlagsASCIIValue: a value --ascii cannot take is refused in the flag
// package's own words for a bool flag.
func TestFlagsASCIIValue(t *testing.T) {
	t.Parallel()
	_, err := parseFlags("--ascii=maybe")
	var b bool
	fs := flag.NewFlagSet("kmdash", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&b, "ascii", false, "")
	want := fs.Parse([]string{"--ascii=maybe"})
	if err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("--ascii=maybe: %v; a bool flag says %v", err, want)
	}
}

// TestFlagsClock: --now stops the clock at its date, which is also the
// day the calendar reads; without it the clock runs.
func TestFlagsClock(t *testing.T) {
	t.Parallel()
	f, _ := parseFlags("--now", "2025-09-22")
	o, err := f.Options(func(string) string { return "" })
	day := time.Date(2025, 9, 22, 0, 0, 0, 0, time.Local)
	if err != nil || !o.Now.Equal(day) || !f.Clock()().Equal(day) {
		t.Errorf("--now 2025-09-22: Now %v, clock %v, %v", o.Now, f.Clock()(), err)
	}
	f, _ = parseFlags()
	before := time.Now()
	if _, err := f.Options(func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	if now := f.Clock()(); now.Before(before) {
		t.Errorf("without --now the clock reads %v, before %v", now, before)
	}
}

// TestFlagsForSessions: a server gives its sessions its own --theme and
// --ascii, named as the server's, and nothing from its environment; it
// shows a named background in colour only when one is named.
func TestFlagsForSessions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args   []string
		want   Look
		themed bool
	}{
		{nil, Look{}, false},
		{[]string{"--theme", "Light"}, Look{Theme: "light"}, true},
		{[]string{"--theme", "auto"}, Look{Theme: "auto"}, false},
		{[]string{"--ascii"}, Look{ASCII: true, Why: "kmdash serve --ascii"}, false},
		{[]string{"--ascii=false"}, Look{Why: "kmdash serve --ascii"}, false},
	}
	for _, tc := range tests {
		f, err := parseFlags(tc.args...)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Sessions(Look{}); got != tc.want {
			t.Errorf("%v: sessions get %+v, want %+v", tc.args, got, tc.want)
		}
		if f.Themed() != tc.themed {
			t.Errorf("%v: Themed %v", tc.args, f.Themed())
		}
	}
}
