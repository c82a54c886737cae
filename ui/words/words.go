// Package words holds every piece of interface text, one table per
// language: the dashboard's labels, messages and key help, and the words
// the reports (export, describe, scorecard, minutes) are written in.
// Figures and names never live here: they come from the pack. Adding a
// language is one more table here and its names in the pack.
package words

import "github.com/kmdash/kmdash/model"

// Words is every piece of interface text in one language. Figures and
// names never live here: they come from the pack.
type Words struct {
	PackLabel  string
	TooSmall   string // title of the "too small" screen
	NeedSize   string // "need at least %d×%d, now %d×%d"
	Enlarge    string
	Target     string // "%d年目标": the year's target
	Stated     string
	Derived    string
	Colon      string // after a label: "：" or ": "
	Hidden     string // "Yunnan Q1 4.3 lies under Kunming's point"
	TargetKind string
	Source     string
	Sources    string
	Confirmed  string
	Region     string
	Period     string
	Value      string
	Kind       string
	Unit       string
	Measure    map[model.Measure]string
	Tab        string
	Figures    string
	Arithmetic string // "worked back from the stated difference"
	Aside      string // a remark in brackets: "（%s）", " (%s)"
	Note       string
	Above      string // "%s above %s" pattern pieces, see comparison()
	Below      string
	PP         string // percentage points, short: " pp"
	// PPDefine is the first difference a screen gives, written in
	// full, naming the short form the later ones take: "%s (pp)".
	PPDefine    string
	Months      string // heads the column of each figure's months in words
	MonthSpan   string // "%s—%s": from one month to another
	InYear      string // "%[1]d年%[2]s": months of one year
	NoSeason    string // an initiative for which no sourced season is held
	Unsourced   string // a field of an initiative that no source gives
	Marked      string // "%s%s": a source's name, then its mark in the list of sources
	Season      string
	Places      string
	What        string
	Facts       string
	ThisMonth   string // "this month (%s)"
	InSeasonNow string
	Peak        string
	InSeason    string
	OffSeason   string
	MonthAxis   string
	Initiatives string
	Calendar    string
	TargetOf    string // "%s%d年目标": whose target, for which year
	PaneMore    string // the detail pane goes on in the full detail
	Position    string // "%d/%d": where n/N are in the review order
	WrapStart   string // n went past the last indicator to the first
	WrapEnd     string // N went past the first to the last
	Paused      string // autoplay waits while an overlay is open

	SearchPrompt string
	NoResults    string
	SearchHint   string
	HelpTitle    string
	HelpMouse    string
	DetailHint   string

	Autoplay       string // "▶ autoplay %ds"
	Following      string
	Waiting        string // a viewer following while no presenter is connected
	Browsing       string // a viewer browsing alone
	Followers      string // "%d following"
	Browsers       string // "%d browsing": viewers browsing alone, for the presenter
	Presenting     string
	CoPresenting   string // "%s also presents": the other presenters' names
	RoomFollowsYou string // the room follows this presenter's moves
	RoomFollows    string // "room follows %s": another presenter moved last
	More           string // the body goes on below the window

	NoOutcome string // a card whose indicator has a target and no outcome yet

	// Review is the words of the scorecard and the minutes.
	Review Review

	// Keys is the help text of each key binding.
	Keys Keys

	// Doc is the words of the exported documents.
	Doc Doc

	// Session is the words of a review held in the dashboard.
	Session Session
	// Describe is the words of the tabs told as text (describe, D).
	Describe Describe
	// Terminal is the `?` help's line on the terminal.
	Terminal Terminal
}

// Doc is the words of the exports a person reads: the Markdown document
// and the CSV table, in the reader's language.
type Doc struct {
	Intro       string // what the document holds, one paragraph
	Meeting     string // "会议日期：%s。数据包：%s。"
	Unit        string // "单位：%s。"
	Measure     string // "指标类型：%s。"
	Derivations string // heading of the arithmetic after a table
	Notes       string // heading of the notes after a table
	NoSource    string // an initiative with no sourced season or place
	NoURL       string // a source whose address is not held
	ListSep     string // between items of a list: "、", ", "
	Initiative  string // the kind of a CSV row that is an initiative

	// Citations: publisher and title; publisher, original title and its
	// translation; publisher and what the piece is; then date and URL.
	CiteTitle   string
	CiteForeign string
	CiteAbout   string
	CiteEnd     string
	CiteDate    string // a citation and its date, without the URL

	Columns Columns
}

// Columns heads the exports' columns.
type Columns struct {
	Tab, Indicator, Region, Period, Figure, Value, ReadsAs, Unit, Kind, Arithmetic, Note, Source, URL string
	IndicatorID, RegionID, PeriodID                                                                   string
}

// Keys is the help text of each key binding in one language.
type Keys struct {
	Tabs, Next, Prev, Up, Down, PageUp, PageDown, Open, Back string
	NextInd, PrevInd, Search, Lang, Autoplay, Follow         string
	Help, Quit, ForceQuit                                    string
	Scorecard, Review, Mark, Flag, Note                      string
	Describe                                                 string
}

// For is the table for language l; Chinese for any language without one.
func For(l model.Lang) *Words {
	if w, ok := tables[l]; ok {
		return w
	}
	return tables[model.Zh]
}

// tables holds every language's words.
var tables = map[model.Lang]*Words{model.Zh: &zh, model.En: &en}
