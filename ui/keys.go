package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"

	"github.com/kmdash/kmdash/model"
	"github.com/kmdash/kmdash/ui/words"
)

// KeyMap is every key the dashboard answers to. The footer, the `?`
// overlay and the tests all read this one declaration.
type KeyMap struct {
	// Tabs are the digit keys, one for each of the pack's tabs.
	Tabs                         key.Binding
	NextTab, PrevTab             key.Binding
	Up, Down                     key.Binding
	PageUp, PageDown             key.Binding
	Open, Back                   key.Binding
	NextIndicator, PrevIndicator key.Binding
	Search                       key.Binding
	Language                     key.Binding
	Autoplay                     key.Binding
	Follow                       key.Binding
	Help                         key.Binding
	Describe                     key.Binding
	Quit, ForceQuit              key.Binding
	// The review: the scorecard overlay, review mode and what it records.
	Scorecard, Review, Mark, Flag, Note key.Binding
}

// newKeyMap declares the bindings with help in language l for a pack of
// tabs tabs (at most model.MaxTabs, one digit each). following says
// whether `f` means anything in this session (SSH viewers only); arrow
// names the arrow keys in the help, as the glyph set draws them.
func newKeyMap(l model.Lang, tabs int, following bool, arrow arrows) KeyMap {
	h := words.For(l).Keys
	tabs = max(1, min(model.MaxTabs, tabs))
	digits := make([]string, tabs)
	for i := range digits {
		digits[i] = strconv.Itoa(i + 1)
	}
	span := "1"
	if tabs > 1 {
		span = "1-" + digits[tabs-1]
	}
	km := KeyMap{
		Tabs:          key.NewBinding(key.WithKeys(digits...), key.WithHelp(span, h.Tabs)),
		NextTab:       key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/"+arrow.Right+"/l", h.Next)),
		PrevTab:       key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/"+arrow.Left+"/h", h.Prev)),
		Up:            key.NewBinding(key.WithKeys("up", "k"), key.WithHelp(arrow.Up+"/k", h.Up)),
		Down:          key.NewBinding(key.WithKeys("down", "j"), key.WithHelp(arrow.Down+"/j", h.Down)),
		PageUp:        key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", h.PageUp)),
		PageDown:      key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", h.PageDown)),
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h.Open)),
		Back:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", h.Back)),
		NextIndicator: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", h.NextInd)),
		PrevIndicator: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", h.PrevInd)),
		Search:        key.NewBinding(key.WithKeys("/"), key.WithHelp("/", h.Search)),
		Language:      key.NewBinding(key.WithKeys("L"), key.WithHelp("L", h.Lang)),
		Autoplay:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", h.Autoplay)),
		Follow:        key.NewBinding(key.WithKeys("f"), key.WithHelp("f", h.Follow)),
		Help:          key.NewBinding(key.WithKeys("?"), key.WithHelp("?", h.Help)),
		Describe:      key.NewBinding(key.WithKeys("D"), key.WithHelp("D", h.Describe)),
		// q closes an overlay before it quits; ctrl+c always quits.
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", h.Quit)),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", h.ForceQuit)),
		Scorecard: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", h.Scorecard)),
		Review:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", h.Review)),
		// m, not space: space already pages down.
		Mark: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", h.Mark)),
		Flag: key.NewBinding(key.WithKeys("!"), key.WithHelp("!", h.Flag)),
		Note: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", h.Note)),
	}
	km.Follow.SetEnabled(following)
	return km
}

// ShortHelp is the footer: the keys a first-time reader needs.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Tabs, k.Open, k.Search, k.Language, k.Follow, k.Help, k.Quit}
}

// ReviewHelp is the footer during a review: what a reviewer does next.
func (k KeyMap) ReviewHelp() []key.Binding {
	return []key.Binding{k.Mark, k.Flag, k.Note, k.NextIndicator, k.Review, k.Help}
}

// CompactReviewHelp is the review's footer in a narrow terminal.
func (k KeyMap) CompactReviewHelp() []key.Binding {
	return []key.Binding{k.Mark, k.Flag, k.Note, k.Help}
}

// CompactHelp is the footer of a narrow terminal.
func (k KeyMap) CompactHelp() []key.Binding {
	return []key.Binding{k.Tabs, k.Open, k.Follow, k.Help, k.Quit}
}

// FullHelp is the `?` overlay, grouped by what the keys act on.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Tabs, k.NextTab, k.PrevTab, k.Up, k.Down, k.PageUp, k.PageDown},
		{k.Open, k.Back, k.NextIndicator, k.PrevIndicator, k.Search},
		{k.Scorecard, k.Review, k.Mark, k.Flag, k.Note},
		{k.Language, k.Autoplay, k.Follow, k.Describe, k.Help, k.Quit, k.ForceQuit},
	}
}

// navigation lists the keys that move a viewer's own screen; pressing
// one while following the presenter means the viewer wants to browse.
func (k KeyMap) navigation() []key.Binding {
	return []key.Binding{k.Tabs, k.NextTab, k.PrevTab,
		k.Up, k.Down, k.PageUp, k.PageDown, k.Open, k.Back, k.NextIndicator, k.PrevIndicator, k.Search}
}

// moves lists the keys that take the screen somewhere else: they stop
// autoplay, where opening a detail, search or help only pauses it.
func (k KeyMap) moves() []key.Binding {
	return []key.Binding{k.Tabs, k.NextTab, k.PrevTab, k.Up, k.Down, k.NextIndicator, k.PrevIndicator}
}
