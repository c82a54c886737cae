package model

// Pack is one meeting's worth of indicators with everything needed to
// trace each figure to its source.
type Pack struct {
	ID    string
	Title Text
	Date  string // the meeting's date, YYYY-MM-DD
	Year  int    // the year the month axis of the charts covers

	Regions     []Region
	Sources     []Source
	Indicators  []*Indicator
	Initiatives []*Initiative
	// Tabs are the dashboard's screens in the order of their number keys.
	Tabs []*Tab

	// Path is where the pack's fields sit; see Problem.
	Path string
}

// Region is a place a figure describes: kunming, yunnan or china, or a
// part of one, such as Kunming's five main urban districts.
type Region struct {
	ID   string
	Name Text
	// Within is the region this one is part of, where it is narrower
	// than a city or province a reader would assume; empty otherwise.
	Within string
	Path   string
}

// Source is a publication that states figures. It is cited by
// publisher, title and date, with its URL where one is known, never by
// where a copy happens to be kept.
type Source struct {
	ID        string
	Publisher Text // 昆明日报（昆明信息港） / Kunming Daily (via kunming.cn)
	// Title is the piece's own title in both languages, the one in Lang
	// as published and the other a translation; where the title is not
	// known, Described is set and Title says what the piece is instead.
	Title     Text
	Described bool
	Lang      Lang   // the language the piece is written in
	Date      string // YYYY, YYYY-MM or YYYY-MM-DD, as precise as known
	URL       string
	// NoURL records that no URL is held for the piece (`url: none`), so
	// that a reader is told so rather than shown nothing.
	NoURL bool
	Note  Text
	Path  string
}

// Measure says what kind of quantity an indicator is.
type Measure string

// The measures a pack may use.
const (
	Level Measure = "level" // an amount: 亿元, 万平方米
	YoY   Measure = "yoy"   // growth on the same period a year earlier, %
	Share Measure = "share" // a proportion of a whole, %
	// Contribution is a contribution rate (贡献率): the part of a whole's
	// growth that one part supplied, %. Never a share of the level.
	Contribution Measure = "contribution"
	Count        Measure = "count" // a number of things
)

// Measures lists the valid measures.
var Measures = []Measure{Level, YoY, Share, Contribution, Count}

// Percentage reports whether differences of this measure are percentage
// points rather than amounts in the indicator's unit.
func (m Measure) Percentage() bool { return m == YoY || m == Share || m == Contribution }

// Indicator is one quantity followed over regions and periods.
type Indicator struct {
	ID string
	// Tab is the indicator's home: the tab that owns it, where the review
	// order visits it. Other tabs may show it as a card too.
	Tab TabID
	// Name is the short form a card has room for (GDP growth, y/y); Full
	// is the statistical term in full, for the detail and the exports.
	Name     Text
	Full     Text
	Initials string // pinyin initials of the Chinese name, for search
	// Unit is the unit the figures are stated in: in Chinese as the
	// source wrote it (亿元), in English without the Chinese scale
	// (yuan), which figures are shifted by instead; see Figure.
	Unit    Text
	Measure Measure
	Note    Text
	// Caveat is what a reader must know before reading the card's
	// figure, said on the card itself: a lagged-month indicator (错月),
	// counts that are not like for like. Short; Note says the rest.
	Caveat Text
	Obs    []*Observation
	Path   string
}

// FullName is the indicator's full term, or its name where the pack
// gives no longer one.
func (ind *Indicator) FullName() Text {
	if ind.Full.IsZero() {
		return ind.Name
	}
	return ind.Full
}

// Qualifier hedges a figure the way its source did.
type Qualifier string

// The qualifiers a source may attach to a figure.
const (
	Exact Qualifier = ""
	About Qualifier = "about" // 左右, 约
	Over  Qualifier = "over"  // 超过, 以上
)

// Observation is one figure: a value for a region over a period, with
// its source, and for a derived figure the arithmetic behind it.
type Observation struct {
	Region    string
	Period    Period
	Value     Number
	Source    string
	Target    bool // a goal set for the period rather than an outcome
	Qualifier Qualifier
	// Label replaces the period's own label where the source names the
	// span differently ("今年以来").
	Label     Text
	Derived   *Derivation
	Confirmed []string // other sources that state the same value
	Note      Text
	Path      string
}

// Initiative is one of the tourism products the meeting asked to develop.
type Initiative struct {
	ID       string
	Name     Text
	Initials string
	What     Text
	Places   []Text
	Season   Text
	Months   []int // months of the year it runs
	Peak     []int // months it is at its best, where a source says so
	Facts    []Fact
	Sources  []string
	Path     string
}

// InSeason reports whether the initiative runs in month m.
func (in *Initiative) InSeason(m int) bool { return containsInt(in.Months, m) }

// AtPeak reports whether month m is a peak month.
func (in *Initiative) AtPeak(m int) bool { return containsInt(in.Peak, m) }

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// Fact is a sourced statement about an initiative.
type Fact struct {
	Text   Text
	Source string
	Path   string
}

// ObsRef points at one observation.
type ObsRef struct {
	Indicator string
	Region    string
	Period    Period
}
