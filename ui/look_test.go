package ui

import (
	"strings"
	"testing"
)

func TestLookFromEnv(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		env     map[string]string
		want    Look
		wantErr string
	}{
		{"nothing set", nil, Look{Theme: "auto"}, ""},
		{"a theme", map[string]string{"KMDASH_THEME": "Light"}, Look{Theme: "light"}, ""},
		{"a theme kmdash does not know", map[string]string{"KMDASH_THEME": "sepia"}, Look{Theme: "auto"}, "KMDASH_THEME"},
		{"ASCII asked for", map[string]string{"KMDASH_ASCII": "1"}, Look{Theme: "auto", ASCII: true, Why: "KMDASH_ASCII=1"}, ""},
		{"ASCII asked for in words", map[string]string{"KMDASH_ASCII": "yes"}, Look{Theme: "auto", ASCII: true, Why: "KMDASH_ASCII=yes"}, ""},
		{"ASCII unreadable", map[string]string{"KMDASH_ASCII": "maybe"}, Look{Theme: "auto"}, "KMDASH_ASCII"},
		{"ambiguous characters drawn wide", map[string]string{"RUNEWIDTH_EASTASIAN": "1"}, Look{Theme: "auto", ASCII: true, Why: "RUNEWIDTH_EASTASIAN=1"}, ""},
		{"ambiguous characters drawn narrow", map[string]string{"RUNEWIDTH_EASTASIAN": "0"}, Look{Theme: "auto"}, ""},
		{"ASCII refused though wide", map[string]string{"RUNEWIDTH_EASTASIAN": "1", "KMDASH_ASCII": "0"}, Look{Theme: "auto"}, ""},
		{"GBK locale", map[string]string{"LANG": "zh_CN.GBK"}, Look{Theme: "auto", ASCII: true, Why: "LANG=zh_CN.GBK", GB18030: true}, ""},
		{"GB18030 locale with a modifier", map[string]string{"LC_CTYPE": "zh_CN.gb18030@euro"}, Look{Theme: "auto", ASCII: true, Why: "LC_CTYPE=zh_CN.gb18030@euro", GB18030: true}, ""},
		{"GB2312 as EUC-CN", map[string]string{"LC_ALL": "zh_CN.euc-CN"}, Look{Theme: "auto", ASCII: true, Why: "LC_ALL=zh_CN.euc-CN", GB18030: true}, ""},
		{"LC_ALL outranks LANG", map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.GBK"}, Look{Theme: "auto"}, ""},
		{"LC_CTYPE outranks LANG", map[string]string{"LC_CTYPE": "zh_CN.GBK", "LANG": "en_US.UTF-8"}, Look{Theme: "auto", ASCII: true, Why: "LC_CTYPE=zh_CN.GBK", GB18030: true}, ""},
		{"UTF-8 Chinese locale", map[string]string{"LANG": "zh_CN.UTF-8"}, Look{Theme: "auto"}, ""},
		{"a locale with no character set", map[string]string{"LANG": "zh_CN"}, Look{Theme: "auto"}, ""},
		{"GBK, ASCII refused", map[string]string{"LANG": "zh_CN.GBK", "KMDASH_ASCII": "0"}, Look{Theme: "auto", GB18030: true}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LookFromEnv(func(k string) string { return tc.env[k] })
			if got != tc.want {
				t.Errorf("look %+v, want %+v", got, tc.want)
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("error %v, want one naming %s", err, tc.wantErr)
			}
		})
	}
}

// TestHelpNamesTheLook: the `?` help says how the dashboard draws and
// what chose it, in the reader's language.
func TestHelpNamesTheLook(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		look Look
		want []string
	}{
		{Look{Theme: "auto"}, []string{"Unicode 绘制"}},
		{Look{Theme: "auto", ASCII: true, Why: "RUNEWIDTH_EASTASIAN=1"}, []string{"仅用 ASCII 绘制（由 RUNEWIDTH_EASTASIAN=1 选定）"}},
		{Look{Theme: "auto", ASCII: true, Why: "LANG=zh_CN.GBK", GB18030: true}, []string{"LANG=zh_CN.GBK", "GB18030 编码"}},
	} {
		a := newApp(t, Options{Look: tc.look}, 120, 40)
		press(a, "?")
		for _, w := range tc.want {
			if !strings.Contains(a.View(), w) {
				t.Errorf("%+v: help lacks %q:\n%s", tc.look, w, a.View())
			}
		}
	}
}
