package words

// Describe is the words of the tabs told as plain text, for a screen
// reader: `kmdash describe` and the dashboard's D key. Sentences that
// follow another carry the space English puts between them.
type Describe struct {
	Intro       string // the meeting and its date, and what follows
	Tab         string // "第%d个栏目（共%d个）：%s"
	Title       string // the D view's heading: "%s栏目的文字说明"
	Hint        string // the D view's keys
	Cards       string // heading of the cards
	Card        string // name, figure, region, period
	Derived     string // the figure was worked out: how, and the arithmetic
	Comparison  string // a stated difference, as a sentence
	Target      string // the year, the target
	NoOutcome   string // a card with no figure yet: its name
	Chart       string // a line chart's title (with its unit)
	Series      string // a line: its name and its figures
	Point       string // one figure of a line: period, figure
	DerivedMark string // after a derived figure in a list
	Bars        string // a bar chart's title
	Bar         string // one bar: what it is, its figure
	Items       string // the bars, listed, as a sentence
	Initiatives string // heading, with how many
	Initiative  string // name, what it is
	Season      string // its season
	Places      string // where
	NoSeason    string // no source gives its season
	Calendar    string // the calendar's heading, with this month
	Runs        string // name, the months it runs
	RunsPeak    string // name, the months it runs, those at their best
	NoneNow     string // nothing in season this month
	Now         string // in season this month: the names
	Sources     string // heading of the sources
	List        string // between the items of a list
}

// Terminal is the words of the `?` help's line on the terminal: the
// colours' background, the drawing and the character set.
type Terminal struct {
	Heading  string
	Dark     string
	Light    string
	NoColour string
	Unicode  string
	ASCII    string // "ASCII drawing (%s)": what chose it
	GB18030  string
}
