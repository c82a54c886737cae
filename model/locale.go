package model

import "strings"

// LangEnv lists the variables that choose the language when no --lang is
// given, in the order they are read: kmdash's own, then the locale in
// POSIX's order of precedence.
var LangEnv = []string{"KMDASH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}

// LangFromEnv chooses the language from the environment, read through
// getenv (os.Getenv locally, the session's variables over SSH). The first
// locale variable that is set decides, as POSIX has it: en… is English,
// anything else (zh_CN.UTF-8, C, POSIX, fr_FR) Chinese, the dashboard's
// first language. KMDASH_LANG is kmdash's alone, so a value in it that
// names neither language is passed over rather than taken as Chinese.
func LangFromEnv(getenv func(string) string) Lang {
	if l, ok := NamedLang(getenv); ok {
		return l
	}
	return Zh
}

// NamedLang is the language the environment names, as LangFromEnv reads
// it, and false where it names none: nothing set, or a locale of another
// language or none (C.UTF-8, POSIX, fr_FR) decides before any names one.
// An SSH server then gives the session its own default.
func NamedLang(getenv func(string) string) (Lang, bool) {
	for _, k := range LangEnv {
		v := getenv(k)
		if v == "" {
			continue
		}
		if l, ok := localeLang(v); ok {
			return l, true
		}
		if k != "KMDASH_LANG" {
			return "", false
		}
	}
	return "", false
}

// localeLang reads the language out of a locale name such as
// en_US.UTF-8, zh_CN.GB18030, en or zh-Hans.
func localeLang(v string) (Lang, bool) {
	code := strings.ToLower(v)
	if i := strings.IndexAny(code, "_-.@"); i >= 0 {
		code = code[:i]
	}
	for _, l := range Langs {
		if code == string(l) {
			return l, true
		}
	}
	return "", false
}
