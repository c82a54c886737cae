package model

import "testing"

func TestParseLang(t *testing.T) {
	tests := []struct {
		in      string
		want    Lang
		wantErr bool
	}{
		{"zh", Zh, false},
		{"en", En, false},
		{"", "", true},
		{"ZH", "", true},
		{"En", "", true},
		{"fr", "", true},
		{" zh", "", true},
		{"zh-CN", "", true},
	}
	for _, tt := range tests {
		got, err := ParseLang(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseLang(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseLang(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLangNext(t *testing.T) {
	tests := []struct {
		in, want Lang
	}{
		{Zh, En},
		{En, Zh},
		{"fr", Zh}, // an unknown language starts the cycle again at Chinese
		{"", Zh},
	}
	for _, tt := range tests {
		if got := tt.in.Next(); got != tt.want {
			t.Errorf("%q.Next() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLangNextCyclesThroughAll(t *testing.T) {
	seen := map[Lang]bool{}
	l := Langs[0]
	for range Langs {
		if seen[l] {
			t.Fatalf("language %q came round twice before the cycle closed", l)
		}
		seen[l] = true
		l = l.Next()
	}
	if l != Langs[0] {
		t.Errorf("after %d presses of L the language is %q, want %q", len(Langs), l, Langs[0])
	}
}

func TestTextIn(t *testing.T) {
	both := Text{Zh: "地区生产总值", En: "GDP"}
	tests := []struct {
		name string
		text Text
		lang Lang
		want string
	}{
		{"zh asked, both given", both, Zh, "地区生产总值"},
		{"en asked, both given", both, En, "GDP"},
		{"en asked, only zh given", Text{Zh: "昆明"}, En, "昆明"},
		{"zh asked, only en given", Text{En: "Kunming"}, Zh, "Kunming"},
		{"zh asked, only zh given", Text{Zh: "昆明"}, Zh, "昆明"},
		{"en asked, only en given", Text{En: "Kunming"}, En, "Kunming"},
		{"unknown language reads Chinese", both, "fr", "地区生产总值"},
		{"unknown language, only en given", Text{En: "Kunming"}, "fr", "Kunming"},
		{"nothing given", Text{}, En, ""},
	}
	for _, tt := range tests {
		if got := tt.text.In(tt.lang); got != tt.want {
			t.Errorf("%s: %+v.In(%q) = %q, want %q", tt.name, tt.text, tt.lang, got, tt.want)
		}
	}
}

func TestTextIsZero(t *testing.T) {
	tests := []struct {
		text Text
		want bool
	}{
		{Text{}, true},
		{Text{Zh: "亿元"}, false},
		{Text{En: "100m yuan"}, false},
		{Text{Zh: "亿元", En: "100m yuan"}, false},
	}
	for _, tt := range tests {
		if got := tt.text.IsZero(); got != tt.want {
			t.Errorf("%+v.IsZero() = %v, want %v", tt.text, got, tt.want)
		}
	}
}
