package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestRenderCheck: what no frame can be drawn for is refused, naming the
// flag, in the order the flags are read; no --tab is the first tab.
func TestRenderCheck(t *testing.T) {
	t.Parallel()
	pack := testPack(t)
	tests := []struct {
		r       Render
		wantErr string
	}{
		{Render{Color: "auto", Width: 120, Height: 40}, ""},
		{Render{Tab: "tourism", Color: "never", Width: 1, Height: MaxHeight}, ""},
		{Render{Color: "never", Width: MaxWidth, Height: 40}, ""},
		{Render{Tab: "weather", Color: "auto", Width: 120, Height: 40}, `--tab "weather": want one of the pack's tabs: ` + strings.Join(pack.TabIDs(), ", ")},
		{Render{Tab: "weather", Color: "x", Width: 0, Height: 40}, `--tab "weather"`},
		{Render{Color: "x", Width: 0, Height: 40}, "--width must be between 1 and 400 and --height between 1 and 150"},
		{Render{Color: "auto", Width: 120, Height: MaxHeight + 1}, "--width must be"},
		{Render{Color: "auto", Width: MaxWidth + 1, Height: 40}, "--width must be"},
		{Render{Color: "sometimes", Width: 120, Height: 40}, `--color "sometimes": want auto, always or never`},
	}
	for _, tc := range tests {
		r := tc.r
		err := r.Check(pack)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("%+v refused: %v", tc.r, err)
		case tc.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tc.wantErr)):
			t.Errorf("%+v: %v, want an error starting %q", tc.r, err, tc.wantErr)
		}
		if tc.r.Tab == "" && err == nil && r.Tab != string(pack.Tabs[0].ID) {
			t.Errorf("no --tab drew %q, want the pack's first tab", r.Tab)
		}
	}
}

// trimLines is s without the spaces a coloured line is padded with.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// TestRenderPrint: the frame comes in colour only where --color or a
// named theme asks for it, with the same text (bar the padding a coloured
// line carries), and in GB18030 for a GB terminal, the same text once
// decoded.
func TestRenderPrint(t *testing.T) {
	pack := testPack(t)
	print := func(r Render, look Look) string {
		t.Helper()
		r.Tab, r.Width, r.Height = "economy", 100, 30
		if err := r.Check(pack); err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		if err := r.Print(&out, Options{Pack: pack, Now: clock, Look: look}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	dark := Look{Theme: "dark"}
	plain := print(Render{Color: "never"}, dark)
	if strings.Contains(plain, "\x1b[") || !strings.Contains(plain, "[1 经济]") || !strings.HasSuffix(plain, "\n") {
		t.Fatalf("--color never should be the plain frame and a newline:\n%s", plain)
	}
	for _, tc := range []struct {
		name   string
		r      Render
		colour bool
	}{
		{"always", Render{Color: "always"}, true},
		{"auto into a buffer", Render{Color: "auto"}, false},
		{"auto with a theme named", Render{Color: "auto", Themed: true}, true},
		{"never with a theme named", Render{Color: "never", Themed: true}, false},
	} {
		got := print(tc.r, dark)
		if strings.Contains(got, "\x1b[") != tc.colour {
			t.Errorf("%s: colour %v, want %v", tc.name, !tc.colour, tc.colour)
		}
		if trimLines(ansi.Strip(got)) != trimLines(plain) {
			t.Errorf("%s: the text differs from --color never's", tc.name)
		}
	}
	gb := print(Render{Color: "never"}, Look{Theme: "dark", GB18030: true})
	decoded, err := simplifiedchinese.GB18030.NewDecoder().String(gb)
	if err != nil || gb == plain || decoded != plain {
		t.Errorf("a GB18030 terminal should get the frame in GB18030 (decoded: %v)", err)
	}
}
