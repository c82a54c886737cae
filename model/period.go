package model

import (
	"errors"
	"fmt"
	"strconv"
)

// Month is one calendar month.
type Month struct {
	Year  int
	Month int // 1–12
}

// index orders months on one line so that ranges can be compared.
func (m Month) index() int { return m.Year*12 + m.Month - 1 }

func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

// Period is a cumulative range of whole months, written "2025-01/2025-06".
// Statistics bureaus report most figures as year-to-date totals, so the
// end month is what places a figure on a month axis.
type Period struct {
	From Month
	To   Month
}

// ParsePeriod reads "YYYY-MM/YYYY-MM" and refuses ranges that cannot exist.
func ParsePeriod(s string) (Period, error) {
	if len(s) != 15 || s[7] != '/' {
		return Period{}, fmt.Errorf("period %s is not written YYYY-MM/YYYY-MM", Quote(s))
	}
	from, err := parseMonth(s[:7])
	if err != nil {
		return Period{}, fmt.Errorf("period %s: %w", Quote(s), err)
	}
	to, err := parseMonth(s[8:])
	if err != nil {
		return Period{}, fmt.Errorf("period %s: %w", Quote(s), err)
	}
	if to.index() < from.index() {
		return Period{}, fmt.Errorf("period %s ends before it starts", Quote(s))
	}
	return Period{From: from, To: to}, nil
}

func parseMonth(s string) (Month, error) {
	if len(s) != 7 || s[4] != '-' {
		return Month{}, fmt.Errorf("%q is not a month written YYYY-MM", s)
	}
	y, err1 := strconv.Atoi(s[:4])
	m, err2 := strconv.Atoi(s[5:])
	if err := errors.Join(err1, err2); err != nil || s[0] == '+' || s[0] == '-' || s[5] == '+' || s[5] == '-' {
		return Month{}, fmt.Errorf("%q is not a month written YYYY-MM", s)
	}
	if y < 1900 || y > 2100 {
		return Month{}, fmt.Errorf("year %d is out of range 1900–2100", y)
	}
	if m < 1 || m > 12 {
		return Month{}, fmt.Errorf("month %02d does not exist", m)
	}
	return Month{Year: y, Month: m}, nil
}

func (p Period) String() string { return p.From.String() + "/" + p.To.String() }

// Less orders periods by the month they end, then by the month they start,
// which is the order a reader expects on a timeline.
func (p Period) Less(q Period) bool {
	if p.To != q.To {
		return p.To.index() < q.To.index()
	}
	return p.From.index() < q.From.index()
}

// Months is how many months the range covers.
func (p Period) Months() int { return p.To.index() - p.From.index() + 1 }

// FullYear reports whether the period is one whole calendar year.
func (p Period) FullYear() bool {
	return p.From.Year == p.To.Year && p.From.Month == 1 && p.To.Month == 12
}

var (
	monthEn     = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	quarterZh   = [...]string{"一季度", "二季度", "三季度", "四季度"}
	ytdZh       = map[int]string{3: "一季度", 6: "上半年", 9: "前三季度", 12: "全年"}
	ytdEn       = map[int]string{3: "Q1", 6: "H1", 9: "Q1–Q3", 12: "Full year"}
	quarterEnds = map[int]bool{3: true, 6: true, 9: true, 12: true}
)

// MonthName is the short name of month m (1–12) in l: "8月" or "Aug".
func MonthName(m int, l Lang) string {
	if l == En {
		return monthEn[m-1]
	}
	return strconv.Itoa(m) + "月"
}

// Label names the period the way the source would: 一季度, 上半年, 1—8月,
// Q1, H1, Jan–Aug. The year is left out when it is the pack's own year.
func (p Period) Label(l Lang, packYear int) string {
	if p.From.Year != p.To.Year {
		if l == En {
			return fmt.Sprintf("%s %d–%s %d", monthEn[p.From.Month-1], p.From.Year, monthEn[p.To.Month-1], p.To.Year)
		}
		return fmt.Sprintf("%d年%d月—%d年%d月", p.From.Year, p.From.Month, p.To.Year, p.To.Month)
	}
	body := p.sameYearLabel(l)
	if p.To.Year == packYear {
		return body
	}
	if p.FullYear() {
		if l == En {
			return strconv.Itoa(p.To.Year)
		}
		return fmt.Sprintf("%d年", p.To.Year)
	}
	if l == En {
		return fmt.Sprintf("%s %d", body, p.To.Year)
	}
	return fmt.Sprintf("%d年%s", p.To.Year, body)
}

func (p Period) sameYearLabel(l Lang) string {
	from, to := p.From.Month, p.To.Month
	switch {
	case from == to:
		return MonthName(to, l)
	case from == 1 && quarterEnds[to]:
		if l == En {
			return ytdEn[to]
		}
		return ytdZh[to]
	case to-from == 2 && quarterEnds[to]:
		if l == En {
			return fmt.Sprintf("Q%d", to/3)
		}
		return quarterZh[to/3-1]
	case l == En:
		return monthEn[from-1] + "–" + monthEn[to-1]
	default:
		return fmt.Sprintf("%d—%d月", from, to)
	}
}
