package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	bolt "go.etcd.io/bbolt"

	"github.com/kmdash/kmdash/data/review"
	"github.com/kmdash/kmdash/model"
)

// holdEnv makes the test binary a process that holds the bbolt file named
// in it, as a running kmdash does in the middle of a write.
const holdEnv = "KMDASH_TEST_HOLD_DB"

// holdDatabase is the whole of such a process: TestMain runs it instead
// of the tests when holdEnv is set.
func holdDatabase(path string) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	defer db.Close()
	fmt.Println("held")
	time.Sleep(time.Minute)
}

// lineWith is the one line of out that holds every part, or "".
func lineWith(out string, parts ...string) string {
	for _, l := range lines(out) {
		all := true
		for _, p := range parts {
			all = all && strings.Contains(l, p)
		}
		if all {
			return l
		}
	}
	return ""
}

func TestScorecardCommand(t *testing.T) {
	tests := []struct {
		lang  string
		lines [][]string // each: parts that must share one line
	}{
		{"en", [][]string{
			{"GDP growth, y/y", "4.4%", "H1", "about 5%", "−0.6", "▼ behind", "5.3%"},
			{"Industrial value added (above designated size), y/y", "6.7%", "Jan–Aug", "about 6%", "+0.7", "▲ ahead", "6.2%"},
			{"Retail sales, y/y", "about 5%", "○ no outcome yet"},
			{"Industry-related investment, y/y", "about 7%", "○ no outcome yet"},
			{"within 0.5 pp of T"},
			{"2025 government work report", "https://kunming.cn/news/c/2025-01-12/13907653.shtml"},
		}},
		{"zh", [][]string{
			{"地区生产总值增速", "4.4%", "上半年", "5%左右", "−0.6", "▼ 低于目标", "5.3%"},
			{"规上工业增加值增速", "6.7%", "1—8月", "6%左右", "+0.7", "▲ 高于目标", "6.2%"},
			{"社会消费品零售总额增速", "5%左右", "○ 暂无实际数"},
			{"产业投资增速", "7%左右", "○ 暂无实际数"},
			{"上下0.5个百分点以内"},
		}},
	}
	for _, tt := range tests {
		for _, format := range []string{"text", "md"} {
			r := runCLI(t, "scorecard", "--lang", tt.lang, "--format", format)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("%s %s: %s", tt.lang, format, r)
			}
			for _, parts := range tt.lines {
				if lineWith(r.stdout, parts...) == "" {
					t.Errorf("%s %s: no line holds %q\n%s", tt.lang, format, parts, r.stdout)
				}
			}
		}
	}
	// The text form lines its columns up by display width, CJK included.
	r := runCLI(t, "scorecard")
	head, gdp := lineWith(r.stdout, "指标", "状态"), lineWith(r.stdout, "地区生产总值增速")
	if head == "" || gdp == "" || ansiCol(head, "状态") != ansiCol(gdp, "▼") {
		t.Errorf("status column not aligned:\n%s\n%s", head, gdp)
	}
}

// ansiCol is the display column at which sub starts in line.
func ansiCol(line, sub string) int {
	i := strings.Index(line, sub)
	if i < 0 {
		return -1
	}
	return ansi.StringWidth(line[:i])
}

func TestScorecardJSON(t *testing.T) {
	r := runCLI(t, "scorecard", "--format", "json", "--lang", "en")
	if r.code != exitOK {
		t.Fatal(r)
	}
	var sc struct {
		Pack string
		Rule struct {
			AboutBand json.Number `json:"about_band_pp"`
		}
		Lines []struct {
			Indicator string
			Target    struct{ Value json.Number }
			Outcome   *struct{ Value json.Number }
			Gap       *json.Number
			Status    string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, l := range sc.Lines {
		s := l.Target.Value.String() + " " + l.Status
		if l.Outcome != nil && l.Gap != nil {
			s = l.Outcome.Value.String() + " vs " + s + " " + l.Gap.String()
		}
		got[l.Indicator] = s
	}
	want := map[string]string{
		"gdp-growth":                 "4.4 vs 5 behind -0.6",
		"industry-growth":            "6.7 vs 6 ahead 0.7",
		"retail-sales-growth":        "5 no-outcome",
		"industry-investment-growth": "7 no-outcome",
	}
	if len(got) != len(want) || sc.Rule.AboutBand != "0.5" || sc.Pack != "kunming-2025q3" {
		t.Errorf("scorecard %v, band %s, pack %s", got, sc.Rule.AboutBand, sc.Pack)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}

// seedReview writes a short review, at wall-clock times in the local zone
// the minutes are printed in.
func seedReview(t *testing.T, path string) {
	t.Helper()
	at := func(min int) time.Time { return time.Date(2025, 9, 22, 10, min, 0, 0, time.Local) }
	e := func(ind string, k model.EntryKind, text, who string, min int) model.ReviewEntry {
		return model.ReviewEntry{Pack: "kunming-2025q3", Indicator: ind, Kind: k, Text: text, Author: who, Time: at(min)}
	}
	_, err := review.New(path, review.Options{}).Append(
		e("gdp-growth", model.MarkReviewed, "", "wang", 30),
		e("gdp-growth", model.MarkFlagged, "", "wang", 31),
		e("gdp-growth", model.MarkNote, "上半年低于全年目标，请发展改革委报送追赶措施。", "wang", 32),
		e("industry-growth", model.MarkReviewed, "", "li", 35),
	)
	if err != nil {
		t.Fatal(err)
	}
}

func TestMinutesCommand(t *testing.T) {
	path := filepath.Join(t.TempDir(), "review.db")
	seedReview(t, path)
	r := runCLI(t, "minutes", "--review-db", path, "--lang", "zh", "--now", "2025-09-23")
	if r.code != exitOK || r.stderr != "" {
		t.Fatal(r)
	}
	for _, parts := range [][]string{
		{"指标审议纪要"},
		{"会议日期：2025-09-22"},
		{"纪要生成：2025-09-23 00:00"},
		{"记录人：wang、li"},
		{"共16项指标，已审议2项。"},
		{"需跟进1项："},
		{"1. **地区生产总值增速**", "4.4%", "全年目标5%左右", "差距−0.6个百分点", "▼ 低于目标", "需跟进（wang，2025-09-22 10:31）"},
		{"wang，2025-09-22 10:32：上半年低于全年目标，请发展改革委报送追赶措施。"},
		{"### 2. 地区生产总值增速 · 需跟进"},
		{"审议：已审议（wang，2025-09-22 10:30），需跟进（wang，2025-09-22 10:31）"},
		{"### 6. 规上工业增加值增速"},
		{"审议：已审议（li，2025-09-22 10:35）"},
		{"## 状态规则"},
	} {
		if lineWith(r.stdout, parts...) == "" {
			t.Errorf("no line holds %q\n%s", parts, r.stdout)
		}
	}

	r = runCLI(t, "minutes", "--review-db", path, "--format", "json", "--now", "2025-09-23")
	if r.code != exitOK {
		t.Fatal(r)
	}
	var m struct {
		Reviewed int
		Flagged  []string
		Items    []struct {
			Indicator string
			Flagged   *struct{ By string }
			Notes     []struct {
				By, Text string
				At       time.Time
			}
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatal(err)
	}
	if m.Reviewed != 2 || len(m.Flagged) != 1 || m.Flagged[0] != "gdp-growth" {
		t.Errorf("reviewed %d, flagged %v", m.Reviewed, m.Flagged)
	}
	for _, it := range m.Items {
		if it.Indicator != "gdp-growth" {
			continue
		}
		if it.Flagged == nil || it.Flagged.By != "wang" || len(it.Notes) != 1 ||
			!it.Notes[0].At.Equal(time.Date(2025, 9, 22, 10, 32, 0, 0, time.Local)) {
			t.Errorf("gdp-growth in JSON minutes: %+v", it)
		}
	}
}

// Minutes of a database that is not there answer one line and exit 1,
// whether the path was given (a typo, most often) or is the default, and
// create nothing; a database with nothing on this pack gives minutes that
// say so.
func TestMinutesWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, path string
		given      bool // the path is given with --review-db
		hint       string
	}{
		{"a path given", filepath.Join(dir, "typo", "review.db"), true, "check the path given with --review-db"},
		{"the default", filepath.Join(dir, "data", "kmdash", "review.db"), false, "hold a review (r in the dashboard)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
			args := []string{"minutes", "--lang", "en"}
			if tc.given {
				args = append(args, "--review-db", tc.path)
			}
			r := runCLI(t, args...)
			if r.code != exitFail || r.stdout != "" || len(lines(r.stderr)) != 1 ||
				!strings.Contains(r.stderr, "no review database at "+tc.path) || !strings.Contains(r.stderr, tc.hint) {
				t.Errorf("%s", r)
			}
			if _, err := os.Stat(filepath.Dir(tc.path)); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("minutes made %s", filepath.Dir(tc.path))
			}
		})
	}

	other := filepath.Join(dir, "other.db")
	if _, err := review.New(other, review.Options{}).Append(model.ReviewEntry{
		Pack: "another-pack", Indicator: "gdp", Kind: model.MarkReviewed, Author: "wang",
	}); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "minutes", "--review-db", other, "--lang", "en")
	if r.code != exitOK || !strings.Contains(r.stdout, "0 of 16 indicators reviewed.") || !strings.Contains(r.stdout, "No indicator is flagged") {
		t.Errorf("a database with nothing on this pack: %s", r)
	}
}

func TestMinutesBadDatabase(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(foreign, []byte("meeting notes, not a database\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "minutes", "--review-db", foreign)
	after, _ := os.ReadFile(foreign)
	if r.code != exitFail || len(lines(r.stderr)) != 1 || !strings.Contains(r.stderr, foreign) ||
		!strings.Contains(r.stderr, "not a kmdash review database") || r.stdout != "" {
		t.Errorf("a foreign file: %s", r)
	}
	if string(after) != "meeting notes, not a database\n" {
		t.Errorf("the foreign file changed: %q", after)
	}

	if testing.Short() {
		return // the rest waits out the store's two seconds
	}
	held := filepath.Join(dir, "held.db")
	seedReview(t, held)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+held)
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	if sc := bufio.NewScanner(out); !sc.Scan() || sc.Text() != "held" {
		t.Fatal("the holding process did not open the file")
	}
	before, _ := os.ReadFile(held)
	r = runCLI(t, "minutes", "--review-db", held)
	if r.code != exitFail || len(lines(r.stderr)) != 1 || !strings.Contains(r.stderr, "in use by another process") {
		t.Errorf("a file held by another process: %s", r)
	}
	if after, _ := os.ReadFile(held); !bytes.Equal(before, after) {
		t.Error("the held file changed")
	}
}

func TestReviewCommandsBadUsage(t *testing.T) {
	for _, args := range [][]string{
		{"scorecard", "--format", "csv"},
		{"minutes", "--format", "text"},
		{"minutes", "--review-db"},
		{"scorecard", "extra"},
	} {
		r := runCLI(t, args...)
		if r.code != exitUsage || !strings.Contains(r.stderr, helpHint) {
			t.Errorf("%v: %s", args, r)
		}
	}
}

// Only minutes read the review database: no other command opens, or
// makes, the default one.
func TestCommandsLeaveTheReviewDatabaseAlone(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	for _, args := range [][]string{
		renderArgs("economy", 120, 40),
		{"export", "--format", "md"},
		{"scorecard"},
		{"validate"},
		{"minutes"},
	} {
		want := exitOK
		if args[0] == "minutes" {
			want = exitFail // nothing recorded yet, and it says so
		}
		if r := runCLI(t, args...); r.code != want {
			t.Fatalf("%v: %s", args, r)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the data directory gained %v", entries)
	}
}
