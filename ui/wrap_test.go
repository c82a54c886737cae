package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"fits", "H1 -3.5", 10, []string{"H1 -3.5"}},
		{"negative stays whole", "Jan–Apr -2.8 · H1 -3.5", 10, []string{"Jan–Apr", "-2.8 · H1", "-3.5"}},
		{"breaks at spaces", "month the period ends", 10, []string{"month the", "period", "ends"}},
		{"hyphenated word stays whole", "Metre-gauge rail", 12, []string{"Metre-gauge", "rail"}},
		{"between Chinese characters", "地区生产总值增速", 6, []string{"地区生", "产总值", "增速"}},
		{"number kept with no break inside", "上半年-3.5%", 8, []string{"上半年", "-3.5%"}},
		{"no line starts with 、", "观鸥、赏花", 6, []string{"观鸥、", "赏花"}},
		{"、 goes with its character", "观鸥、赏花", 4, []string{"观", "鸥、", "赏花"}},
		{"no line starts with ）", "增速（%）", 6, []string{"增速", "（%）"}},
		{"no line ends with （", "昆明（上半年）", 6, []string{"昆明", "（上半", "年）"}},
		{"（ goes with the figure it opens", "一季度（4.3%）", 8, []string{"一季度", "（4.3%）"}},
		{"no line ends with “", "称为“排头兵”", 6, []string{"称为", "“排头", "兵”"}},
		{"no line starts with ”", "排头兵”", 6, []string{"排头", "兵”"}},
		{"a number keeps the character it counts", "大部队11月到", 8, []string{"大部队", "11月到"}},
		{"a period label stays whole", "昆明1—8月增速", 8, []string{"昆明", "1—8月增", "速"}},
		{"too long for a line: cut by cells", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"keeps newlines", "a b\nc", 10, []string{"a b", "c"}},
		{"empty", "", 5, []string{""}},
		{"an indent carries over", "    = a b c d", 9, []string{"    = a b", "    c d"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Split(wrap(tt.text, tt.width), "\n")
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for _, l := range got {
				if w := lipgloss.Width(l); w > tt.width {
					t.Errorf("line %q is %d wide, more than %d", l, w, tt.width)
				}
			}
		})
	}
}

// Styled text keeps its escape sequences, which take no room.
func TestWrapStyled(t *testing.T) {
	in := "\x1b[1mIn season now:\x1b[0m Gull season · Market tours"
	got := strings.Split(wrap(in, 20), "\n")
	want := []string{"In season now: Gull", "season · Market", "tours"}
	if len(got) != len(want) {
		t.Fatalf("wrap = %q, want lines %q", got, want)
	}
	for i := range want {
		if plain := ansi.Strip(got[i]); plain != want[i] {
			t.Errorf("line %d = %q, want %q", i, plain, want[i])
		}
	}
	if !strings.HasPrefix(got[0], "\x1b[1m") {
		t.Errorf("the bold sequence was lost: %q", got[0])
	}
}

func TestFlow(t *testing.T) {
	tests := []struct {
		items []string
		width int
		want  []string
	}{
		{[]string{"Q1 5.3", "H1 -3.5", "Jan–Aug -4.7"}, 20, []string{"Q1 5.3 · H1 -3.5", "Jan–Aug -4.7"}},
		{[]string{"上半年 -3.5", "1—4月 -2.8"}, 12, []string{"上半年 -3.5", "1—4月 -2.8"}},
		{[]string{"a", "b"}, 10, []string{"a · b"}},
		{[]string{"a long item here"}, 6, []string{"a long", "item", "here"}},
		{nil, 5, []string{""}},
	}
	for _, tt := range tests {
		got := strings.Split(flow(tt.items, " · ", tt.width), "\n")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("flow(%q, %d) = %q, want %q", tt.items, tt.width, got, tt.want)
		}
	}
}

// A line narrower than one character still ends: the character is kept
// whole for fit to cut.
func TestWrapNarrowerThanACharacter(t *testing.T) {
	if got := wrap("经济", 1); got != "经\n济" {
		t.Errorf("wrap(经济, 1) = %q", got)
	}
}
