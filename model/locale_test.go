package model

import "testing"

func TestLangFromEnv(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want Lang
	}{
		{"nothing set", nil, Zh},
		{"English locale", map[string]string{"LANG": "en_US.UTF-8"}, En},
		{"Chinese locale", map[string]string{"LANG": "zh_CN.UTF-8"}, Zh},
		{"bare code", map[string]string{"LANG": "en"}, En},
		{"C locale", map[string]string{"LANG": "C.UTF-8"}, Zh},
		{"another language", map[string]string{"LANG": "fr_FR.UTF-8"}, Zh},
		{"LC_ALL over LANG", map[string]string{"LC_ALL": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"}, En},
		{"LC_ALL=C over LANG", map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, Zh},
		{"LC_MESSAGES over LANG", map[string]string{"LC_MESSAGES": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, En},
		{"LC_ALL over LC_MESSAGES", map[string]string{"LC_ALL": "zh_TW.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, Zh},
		{"KMDASH_LANG over the locale", map[string]string{"KMDASH_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, En},
		{"KMDASH_LANG zh over an English locale", map[string]string{"KMDASH_LANG": "zh", "LANG": "en_US.UTF-8"}, Zh},
		{"KMDASH_LANG upper case", map[string]string{"KMDASH_LANG": "EN"}, En},
		{"KMDASH_LANG naming neither", map[string]string{"KMDASH_LANG": "fr", "LANG": "en_US.UTF-8"}, En},
		{"encoding and modifier", map[string]string{"LANG": "en_US.ISO-8859-1@euro"}, En},
		{"a word that starts like en", map[string]string{"LANG": "english"}, Zh},
	}
	for _, c := range cases {
		getenv := func(k string) string { return c.env[k] }
		if got := LangFromEnv(getenv); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// NamedLang names a language only where the environment does: an SSH
// server gives the other sessions its own default.
func TestNamedLang(t *testing.T) {
	cases := []struct {
		env   map[string]string
		want  Lang
		named bool
	}{
		{nil, "", false},
		{map[string]string{"LANG": "C.UTF-8"}, "", false},
		{map[string]string{"LANG": "fr_FR.UTF-8"}, "", false},
		{map[string]string{"LC_ALL": "POSIX", "LANG": "en_US.UTF-8"}, "", false},
		{map[string]string{"LANG": "en_US.UTF-8"}, En, true},
		{map[string]string{"LANG": "zh_CN.GB18030"}, Zh, true},
		{map[string]string{"KMDASH_LANG": "fr", "LANG": "C"}, "", false},
		{map[string]string{"KMDASH_LANG": "en", "LANG": "C"}, En, true},
	}
	for _, c := range cases {
		got, ok := NamedLang(func(k string) string { return c.env[k] })
		if got != c.want || ok != c.named {
			t.Errorf("%v: %q, %v; want %q, %v", c.env, got, ok, c.want, c.named)
		}
	}
}
