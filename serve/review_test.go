package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/data/review"
)

// reviewedMark is the glyph a card shows once it is marked reviewed.
const reviewedMark = "✓"

// gdpCard is the economy tab's first card as a line of the screen.
func gdpCard(screen string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "地区生产总值 ") {
			return l
		}
	}
	return ""
}

// The presenter's review is the room's: a mark the presenter makes is
// kept once, by the presenter's key, and reaches a viewer who follows and
// one who browses alone; a viewer's keys record nothing and say so. The
// server logs the write.
func TestPresenterReviewReachesTheRoom(t *testing.T) {
	t.Parallel()
	var logs logRecords
	cfg := testConfig(t)
	presenterKey := newKey(t)
	keys := filepath.Join(t.TempDir(), "presenters")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(presenterKey.PublicKey()))) + " alice@room\n"
	if err := os.WriteFile(keys, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg.PresenterKeys = keys
	cfg.Log = logs.logger()
	dbPath := filepath.Join(t.TempDir(), "review.db")
	cfg.Review = review.New(dbPath, review.Options{Log: cfg.Log})
	srv, addr := startServer(t, cfg)
	quickCounts(srv)

	presenter := openTerminal(t, dialOK(t, srv, addr, presenterKey), termOptions{})
	presenter.waitScreen(followers(0))
	following := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	browsing := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	following.waitScreen("[1 经济]")
	browsing.waitScreen("[1 经济]")
	browsing.press("j") // steps out, on the same tab
	browsing.waitScreen(steppedOutZh)
	presenter.waitScreen(followers(1))
	if _, err := os.Stat(dbPath); !os.IsNotExist(err) {
		t.Fatalf("the review database exists before anyone opened a review (%v)", err)
	}

	presenter.press("r")
	presenter.waitScreen("审议 1/16")
	following.waitScreen("审议 1/16")

	start := time.Now()
	presenter.press("m")
	for _, term := range []*terminal{following, browsing} {
		term.waitScreenFunc("the presenter's mark on the card", func(s string) bool {
			return strings.Contains(gdpCard(s), reviewedMark)
		})
	}
	t.Logf("the presenter's mark reached both viewers %v after the key was sent", time.Since(start).Round(time.Millisecond))

	// A viewer's e is refused in its footer, and opens no editor.
	following.press("e")
	following.waitScreen("只有主讲人可以记录审议")
	if s := strings.Join(following.screen(), "\n"); strings.Contains(s, "esc 保存") {
		t.Errorf("a viewer's e opened the note editor:\n%s", s)
	}

	kept, err := cfg.Review.Entries(cfg.Pack.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 1 || kept[0].Indicator != "gdp" || kept[0].Author != "alice@room" {
		t.Errorf("the store holds %+v, want one mark on gdp by alice@room", kept)
	}
	if writes := logs.lines("review write"); len(writes) != 1 || !strings.Contains(writes[0], "author=alice@room") {
		t.Errorf("the server logged %q, want one write by alice@room", writes)
	}
}

// A presenter's key without a comment is named by its fingerprint; a
// viewer who joins after a mark sees it at once, without the file read
// again.
func TestLateViewerSeesTheReview(t *testing.T) {
	t.Parallel()
	var logs logRecords
	cfg := testConfig(t)
	presenterKey := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	cfg.Log = logs.logger()
	dbPath := filepath.Join(t.TempDir(), "review.db")
	cfg.Review = review.New(dbPath, review.Options{Log: cfg.Log})
	srv, addr := startServer(t, cfg)

	presenter := openTerminal(t, dialOK(t, srv, addr, presenterKey), termOptions{})
	presenter.waitScreen(followers(0))
	presenter.press("r")
	presenter.waitScreen("审议 1/16")
	presenter.press("!")
	presenter.waitScreenFunc("the flag on the card", func(s string) bool { return strings.Contains(gdpCard(s), "⚑") })

	// The file is taken away: a late viewer can only learn of the flag
	// from the room.
	if err := os.Rename(dbPath, dbPath+".moved"); err != nil {
		t.Fatal(err)
	}
	viewer := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	viewer.waitScreenFunc("the flag on the late viewer's card", func(s string) bool { return strings.Contains(gdpCard(s), "⚑") })
	viewer.waitScreen("需跟进1项")

	kept, err := review.New(dbPath+".moved", review.Options{}).Entries(cfg.Pack.ID)
	if err != nil {
		t.Fatal(err)
	}
	fp := gossh.FingerprintSHA256(presenterKey.PublicKey())
	if len(kept) != 1 || kept[0].Author != fp {
		t.Errorf("the store holds %+v, want one flag by %s", kept, fp)
	}
}

// A viewer's review mode is the room's: it comes on when the presenter
// opens the review, goes off when the presenter ends it or leaves, and a
// viewer who joins meanwhile finds the room as it is. The presenter's
// flag stays on every card throughout: it is the record.
func TestViewerReviewModeIsTheRoom(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	presenterKey := newKey(t)
	cfg.PresenterKeys = writeKeys(t, presenterKey)
	cfg.Review = review.New(filepath.Join(t.TempDir(), "review.db"), review.Options{})
	srv, addr := startServer(t, cfg)

	presenter := openTerminal(t, dialOK(t, srv, addr, presenterKey), termOptions{})
	presenter.waitScreen(followers(0))
	early := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	early.waitScreen(followingZh)

	inReview := func(s string) bool { return strings.Contains(lastLine(s), "审议 1/16 · 需跟进1项") }
	flagged := func(s string) bool { return strings.Contains(gdpCard(s), "⚑") }
	presenter.press("r")
	early.waitScreenFunc("the review in the viewer's footer", func(s string) bool {
		return strings.Contains(lastLine(s), "审议 1/16 · 需跟进0项")
	})
	presenter.press("!")
	early.waitScreenFunc("the flag on the viewer's card and in its footer", func(s string) bool {
		return flagged(s) && inReview(s)
	})
	late := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	late.waitScreenFunc("the review in the late viewer's footer", inReview)

	presenter.press("r")
	presenter.waitScreen("已退出审议")
	for _, term := range []*terminal{early, late} {
		term.waitScreenFunc("the review gone from the footer, the flag kept", func(s string) bool {
			return !strings.Contains(lastLine(s), "审议") && strings.Contains(lastLine(s), followingZh) && flagged(s)
		})
	}
	// The presenter moves on: the viewers follow, still out of review.
	presenter.press("2")
	for _, term := range []*terminal{early, late} {
		term.waitScreenFunc("the second tab, out of review", func(s string) bool {
			return strings.Contains(s, "[2 ") && !strings.Contains(lastLine(s), "审议")
		})
	}
	after := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	after.waitScreen("[2 ")
	if f := after.footer(); strings.Contains(f, "审议") {
		t.Errorf("a viewer who joined after the review ended sees it: %q", f)
	}

	// Opened again, then the presenter leaves without ending it: nobody
	// holds the review open any more.
	presenter.press("r")
	early.waitScreenFunc("the review back in the footer", func(s string) bool {
		return strings.Contains(lastLine(s), "需跟进1项")
	})
	presenter.client.Close()
	early.waitScreenFunc("the review gone once the presenter left", func(s string) bool {
		return !strings.Contains(lastLine(s), "审议") && strings.Contains(lastLine(s), waitingZh) && flagged(s)
	})
}

// The viewer's footer words, from ui/words/zh.go.
const (
	followingZh = "跟随主讲人"
	waitingZh   = "等待主讲人"
)
