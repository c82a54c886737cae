package ui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/kmdash/kmdash/model"
)

// KeyMap is every key the dashboard answers to. The footer, the `?`
// overlay and the tests all read this one declaration.
type KeyMap struct {
	Tab1, Tab2, Tab3, Tab4, Tab5 key.Binding
	Tabs                         key.Binding // help-only summary of 1–5
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
	Quit                         key.Binding
}

// keyHelp is the help text of each binding in one language.
type keyHelp struct {
	tabs, next, prev, up, down, pgup, pgdn, open, back string
	nextInd, prevInd, search, lang, autoplay, follow   string
	help, quit                                         string
}

var keyHelps = map[model.Lang]keyHelp{
	model.Zh: {
		tabs: "切换栏目", next: "下一栏目", prev: "上一栏目", up: "上移", down: "下移",
		pgup: "上翻页", pgdn: "下翻页", open: "详情", back: "返回",
		nextInd: "下一个指标", prevInd: "上一个指标", search: "搜索", lang: "English",
		autoplay: "自动播放", follow: "跟随主讲人", help: "帮助", quit: "退出",
	},
	model.En: {
		tabs: "tabs", next: "next tab", prev: "previous tab", up: "up", down: "down",
		pgup: "page up", pgdn: "page down", open: "detail", back: "back",
		nextInd: "next indicator", prevInd: "previous indicator", search: "search", lang: "中文",
		autoplay: "autoplay", follow: "follow presenter", help: "help", quit: "quit",
	},
}

// NewKeyMap declares the bindings with help in language l. following
// says whether `f` means anything in this session (SSH viewers only).
func NewKeyMap(l model.Lang, following bool) KeyMap {
	h := keyHelps[l]
	tab := func(k string) key.Binding { return key.NewBinding(key.WithKeys(k)) }
	km := KeyMap{
		Tab1: tab("1"), Tab2: tab("2"), Tab3: tab("3"), Tab4: tab("4"), Tab5: tab("5"),
		Tabs:          key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", h.tabs)),
		NextTab:       key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab/→/l", h.next)),
		PrevTab:       key.NewBinding(key.WithKeys("shift+tab", "left", "h"), key.WithHelp("shift+tab/←/h", h.prev)),
		Up:            key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", h.up)),
		Down:          key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", h.down)),
		PageUp:        key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", h.pgup)),
		PageDown:      key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", h.pgdn)),
		Open:          key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", h.open)),
		Back:          key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", h.back)),
		NextIndicator: key.NewBinding(key.WithKeys("n"), key.WithHelp("n", h.nextInd)),
		PrevIndicator: key.NewBinding(key.WithKeys("N"), key.WithHelp("N", h.prevInd)),
		Search:        key.NewBinding(key.WithKeys("/"), key.WithHelp("/", h.search)),
		Language:      key.NewBinding(key.WithKeys("L"), key.WithHelp("L", h.lang)),
		Autoplay:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", h.autoplay)),
		Follow:        key.NewBinding(key.WithKeys("f"), key.WithHelp("f", h.follow)),
		Help:          key.NewBinding(key.WithKeys("?"), key.WithHelp("?", h.help)),
		Quit:          key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", h.quit)),
	}
	km.Follow.SetEnabled(following)
	return km
}

// ShortHelp is the footer: the keys a first-time reader needs.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Tabs, k.Open, k.Search, k.Language, k.Follow, k.Help, k.Quit}
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
		{k.Language, k.Autoplay, k.Follow, k.Help, k.Quit},
	}
}

// navigation lists the keys that move a viewer's own screen; pressing
// one while following the presenter means the viewer wants to browse.
func (k KeyMap) navigation() []key.Binding {
	return []key.Binding{k.Tab1, k.Tab2, k.Tab3, k.Tab4, k.Tab5, k.NextTab, k.PrevTab,
		k.Up, k.Down, k.PageUp, k.PageDown, k.Open, k.Back, k.NextIndicator, k.PrevIndicator, k.Search}
}
