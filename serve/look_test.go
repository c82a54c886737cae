package serve

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/kmdash/kmdash/ui"
)

func toGB18030(t testing.TB, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().String(s)
	if err != nil {
		t.Fatalf("encoding %q in GB18030: %v", s, err)
	}
	return b
}

func fromGB18030(t testing.TB, s string) string {
	t.Helper()
	out, err := simplifiedchinese.GB18030.NewDecoder().String(s)
	if err != nil {
		t.Fatalf("decoding GB18030: %v", err)
	}
	return out
}

// rawOutput is every byte the session has written to the terminal.
func (term *terminal) rawOutput() []byte {
	term.mu.Lock()
	defer term.mu.Unlock()
	return bytes.Clone(term.out.Bytes())
}

// boxOrBlock reports whether s holds a box-drawing or block character.
func boxOrBlock(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2500 && r <= 0x259F })
}

// TestGB18030Session is a Windows client set to GBK (Xshell, SecureCRT,
// PuTTY): its locale names the character set, its terminal reads and
// types GB18030. The session's bytes are GB18030, not UTF-8; decoded,
// they are the dashboard in ASCII drawing; Chinese typed in GB18030
// reaches the search as Chinese.
func TestGB18030Session(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	for _, locale := range []string{"zh_CN.GBK", "zh_CN.GB18030", "zh_CN.gb2312"} {
		t.Run(locale, func(t *testing.T) {
			term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{env: map[string]string{"LANG": locale}, gb18030: true})
			term.waitScreen("[1 经济]")
			raw := term.rawOutput()
			if bytes.Contains(raw, []byte("经济")) || bytes.Contains(raw, []byte("当好排头兵")) {
				t.Errorf("the session wrote UTF-8 Chinese to a GBK terminal")
			}
			if !bytes.Contains(raw, []byte(toGB18030(t, "当好排头兵"))) {
				t.Errorf("the meeting's name is not in the session's bytes as GB18030")
			}
			if utf8.Valid(raw) {
				t.Errorf("the session's bytes are valid UTF-8; GB18030 Chinese is not")
			}
			screen := strings.Join(term.screen(), "\n")
			for _, want := range []string{"4294.78亿元", "地区生产总值", "2025-09-22"} {
				if !strings.Contains(screen, want) {
					t.Errorf("decoded screen lacks %q:\n%s", want, screen)
				}
			}
			if boxOrBlock(screen) {
				t.Errorf("a GBK terminal should get ASCII drawing:\n%s", screen)
			}

			// Typed in GB18030: search for an indicator by its Chinese name.
			term.press("/", "贡献率")
			term.waitScreen("对全省规上工业增速贡献率")
			term.press("<esc>")
			term.waitScreenFunc("the search closed", func(s string) bool { return !strings.Contains(s, "搜索指标") })
			term.press("?")
			term.waitScreen("GB18030")
			term.waitScreen("LANG=" + locale)
			term.press("q", "q")
			if err := term.wait(); err != nil {
				t.Errorf("q: %v", err)
			}
		})
	}
}

// TestSessionLookFromEnvironment: what a client sends with SendEnv
// chooses the theme and the drawing, as locally.
func TestSessionLookFromEnvironment(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	for _, tc := range []struct {
		name   string
		env    map[string]string
		silent bool   // the terminal never answers the background query
		ascii  bool   // drawn in ASCII
		sgr    string // a colour this look draws in (the accent, 256 colours)
		asked  bool   // the terminal was asked for its background
		help   string // the `?` help says
	}{
		{"asked, dark answer", nil, false, false, "38;5;111", true, "Unicode"},
		{"KMDASH_THEME=light", map[string]string{"KMDASH_THEME": "light"}, true, false, "38;5;25", false, "浅色背景配色"},
		{"KMDASH_THEME=dark", map[string]string{"KMDASH_THEME": "dark"}, true, false, "38;5;111", false, "深色背景配色"},
		{"KMDASH_ASCII=1", map[string]string{"KMDASH_ASCII": "1"}, false, true, "38;5;111", true, "KMDASH_ASCII=1"},
		{"RUNEWIDTH_EASTASIAN=1", map[string]string{"RUNEWIDTH_EASTASIAN": "1", "KMDASH_THEME": "light"}, true, true, "38;5;25", false, "RUNEWIDTH_EASTASIAN=1"},
		{"KMDASH_ASCII=0 over RUNEWIDTH_EASTASIAN", map[string]string{"RUNEWIDTH_EASTASIAN": "1", "KMDASH_ASCII": "0"}, false, false, "38;5;111", true, "Unicode"},
		{"a theme kmdash cannot read is passed over", map[string]string{"KMDASH_THEME": "sepia"}, false, false, "38;5;111", true, "Unicode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{env: tc.env, silent: tc.silent})
			term.waitScreen("[1 经济]")
			raw := string(term.rawOutput())
			if got := strings.Contains(raw, "\x1b]11;?"); got != tc.asked {
				t.Errorf("background asked %v, want %v", got, tc.asked)
			}
			if !regexp.MustCompile(`\x1b\[[0-9;]*` + tc.sgr + `m`).MatchString(raw) {
				t.Errorf("no %q among the frame's colours", tc.sgr)
			}
			screen := strings.Join(term.screen(), "\n")
			if boxOrBlock(screen) != !tc.ascii {
				t.Errorf("ASCII drawing %v, want %v:\n%s", !boxOrBlock(screen), tc.ascii, screen)
			}
			term.press("?")
			term.waitScreen(tc.help)
			term.press("q", "q")
			if err := term.wait(); err != nil {
				t.Errorf("q: %v", err)
			}
		})
	}
}

// TestSessionDescribes: D shows the tab as text over SSH, follows the
// tab keys, scrolls, and closes.
func TestSessionDescribes(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{width: 100, height: 30})
	term.waitScreen("[1 经济]")
	term.press("D")
	term.waitScreen("经济栏目的文字说明")
	term.waitScreen("地区生产总值：昆明上半年为4294.78亿元。")
	if screen := strings.Join(term.screen(), "\n"); strings.Contains(screen, "╭") || strings.Contains(screen, "│") {
		t.Errorf("the text view should draw no box:\n%s", screen)
	}
	term.press("4")
	term.waitScreen("商品房销售面积：昆明1—8月为382.9万平方米。")
	term.press("D")
	term.waitScreenFunc("the dashboard again", func(s string) bool {
		return !strings.Contains(s, "文字说明") && strings.Contains(s, "[4 房地产]")
	})
	term.press("q")
	if err := term.wait(); err != nil {
		t.Errorf("q: %v", err)
	}
}

// TestServerLook: kmdash serve's own --theme and --ascii are every
// session's look unless its client says otherwise.
func TestServerLook(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.Look = ui.Look{Theme: "light", ASCII: true, Why: "kmdash serve --ascii"}
	srv, addr := startServer(t, cfg)
	for _, tc := range []struct {
		name  string
		env   map[string]string
		ascii bool
		sgr   string
	}{
		{"the server's look", nil, true, "38;5;25"},
		{"the client's own", map[string]string{"KMDASH_THEME": "dark", "KMDASH_ASCII": "0"}, false, "38;5;111"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{env: tc.env, silent: true})
			term.waitScreen("[1 经济]")
			raw := string(term.rawOutput())
			if strings.Contains(raw, "\x1b]11;?") {
				t.Errorf("a named theme should not ask the terminal")
			}
			if !regexp.MustCompile(`\x1b\[[0-9;]*` + tc.sgr + `m`).MatchString(raw) {
				t.Errorf("no %q among the frame's colours", tc.sgr)
			}
			if boxOrBlock(strings.Join(term.screen(), "\n")) == tc.ascii {
				t.Errorf("ASCII drawing should be %v", tc.ascii)
			}
			term.press("q")
			if err := term.wait(); err != nil {
				t.Errorf("q: %v", err)
			}
		})
	}
}
