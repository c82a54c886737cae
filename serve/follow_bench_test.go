package serve

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// BenchmarkFollow measures following, the goal issue 10 sets: how long
// after the presenter's key each follower's screen changes, with one
// follower and with 200 of five sizes in the same run, then 1,000; and
// the server's memory per session at 200, against the floor (a bare
// wish + bubbletea server whose every screen changes with the
// presenter's key, testdata/floor/wish). Both servers run alternately,
// KMDASH_FOLLOW_ROUNDS times each (default 3); figures are medians.
//
//	go test ./serve -run '^$' -bench 'Follow$' -benchtime 1x -timeout 60m
//
// KMDASH_FOLLOW_BIG sets the big room (default 1000; 0 leaves it out);
// KMDASH_BENCH_CPUPROFILE=FILE profiles kmdash's server while a room's
// recorded keys are pressed.
// The run needs about four file descriptors per follower: the benchmark
// raises its soft limit to the hard one (as Go does at start anyway) and
// stops with a clear line if that is not enough (raise ulimit -Hn).
func BenchmarkFollow(b *testing.B) {
	rounds := envInt("KMDASH_FOLLOW_ROUNDS", 3)
	big := envInt("KMDASH_FOLLOW_BIG", 1000)
	raiseFileLimit(b, 4*max(big, followRoom)+200)
	key := newKey(b)
	presenters := writeKeys(b, key)
	for range b.N {
		runs := map[string][]followRun{}
		for r := range rounds {
			order := []string{kmdashServer, floorServer}
			if r%2 == 1 {
				order = []string{floorServer, kmdashServer}
			}
			for _, which := range order {
				runs[which] = append(runs[which], runFollow(b, which, presenters, key, []int{1, followRoom}))
			}
		}
		if rounds > 0 {
			reportFollow(b, runs)
		}
		if big > 0 {
			for _, which := range []string{kmdashServer, floorServer} {
				run := runFollow(b, which, presenters, key, []int{big})
				lat := run.latencies[big]
				b.Logf("%-6s %4d followers: p50 %6.1f ms  p99 %6.1f ms  (%d updates, %d missed); server CPU %.1f ms a key",
					which, big, ms(percentile(lat, 50)), ms(percentile(lat, 99)), len(lat), run.missed[big], ms(run.cpu[big]))
				b.ReportMetric(ms(percentile(lat, 99)), fmt.Sprintf("%s-%d-p99-ms", which, big))
			}
		}
	}
}

// followRoom is the room the goal is set for.
const followRoom = 200

// The five terminal sizes of a room, in equal numbers.
var followSizes = [][2]int{{80, 24}, {100, 30}, {120, 40}, {160, 48}, {200, 60}}

// Keys the presenter presses, each of which changes every follower's
// screen: tab after tab.
var followKeys = []string{"2", "3", "4", "5", "1"}

const followPresses = 20 // recorded, after one warm-up cycle

// followRun is one server's run: latencies per room size, updates that
// never came, and memory per session at the goal's room.
type followRun struct {
	latencies        map[int][]time.Duration
	missed           map[int]int
	memOpened, memAt float64 // Go heap + stacks per session: opened, after the keys
	rssAt            float64
	cpu              map[int]time.Duration // the server's CPU time per recorded key
}

func runFollow(b *testing.B, which, presenters string, key gossh.Signer, rooms []int) followRun {
	b.Helper()
	srv := startBenchServer(b, which, presenters, true)
	defer srv.stop()
	run := followRun{latencies: map[int][]time.Duration{}, missed: map[int]int{}, cpu: map[int]time.Duration{}}
	presenter, err := openFollower(srv.addr, key, 120, 40)
	if err != nil {
		b.Fatalf("%s: presenter: %v", which, err)
	}
	defer presenter.close()
	mem0, rss0 := srv.memory(b)
	for _, n := range rooms {
		followers := openRoom(b, which, srv.addr, n)
		mem1, _ := srv.memory(b)
		press := func(k string, record bool) {
			start := time.Now()
			for _, f := range followers {
				f.arm(start)
			}
			presenter.stdin.Write([]byte(k))
			for _, f := range followers {
				d, ok := f.wait(10 * time.Second)
				switch {
				case !ok:
					run.missed[n]++
				case record:
					run.latencies[n] = append(run.latencies[n], d)
				}
			}
			time.Sleep(100 * time.Millisecond) // the last frames' bytes are in
		}
		for _, k := range followKeys {
			press(k, false)
		}
		prof := os.Getenv("KMDASH_BENCH_CPUPROFILE")
		if prof != "" && which == kmdashServer && n > 1 {
			srv.profile(b, prof) // the recorded keys of the big room only
		}
		cpu0 := srv.cpuTime(b)
		for i := range followPresses {
			press(followKeys[i%len(followKeys)], true)
		}
		run.cpu[n] = (srv.cpuTime(b) - cpu0) / followPresses
		if prof != "" && which == kmdashServer && n > 1 {
			srv.profile(b, "")
		}
		if n == followRoom {
			mem2, rss2 := srv.memory(b)
			run.memOpened, run.memAt, run.rssAt = (mem1-mem0)/float64(n), (mem2-mem0)/float64(n), (rss2-rss0)/float64(n)
		}
		for _, f := range followers {
			f.close()
		}
		time.Sleep(300 * time.Millisecond) // their sessions end
	}
	return run
}

func reportFollow(b *testing.B, runs map[string][]followRun) {
	type row struct{ p50, p99 []float64 }
	rows := map[string]map[int]*row{}
	mem := map[string][]float64{}
	for _, which := range []string{kmdashServer, floorServer} {
		rs := runs[which]
		rows[which] = map[int]*row{1: {}, followRoom: {}}
		for i, r := range rs {
			for _, n := range []int{1, followRoom} {
				lat := r.latencies[n]
				rows[which][n].p50 = append(rows[which][n].p50, ms(percentile(lat, 50)))
				rows[which][n].p99 = append(rows[which][n].p99, ms(percentile(lat, 99)))
				b.Logf("run %d %-6s %4d follower(s): p50 %6.1f ms  p99 %6.1f ms  (%d updates, %d missed); server CPU %.1f ms a key",
					i+1, which, n, ms(percentile(lat, 50)), ms(percentile(lat, 99)), len(lat), r.missed[n], ms(r.cpu[n]))
			}
			if which == kmdashServer {
				one, room := ms(percentile(r.latencies[1], 99)), ms(percentile(r.latencies[followRoom], 99))
				b.Logf("run %d goal: p99 %.1f ms ≤ 2 × %.1f + 20 = %.1f ms: %v", i+1, room, one, 2*one+20, room <= 2*one+20)
			}
			b.Logf("run %d %-6s memory per session at %d: %.0f KiB opened, %.0f KiB after the keys (Go heap+stacks); RSS %.0f KiB",
				i+1, which, followRoom, r.memOpened/1024, r.memAt/1024, r.rssAt/1024)
			mem[which] = append(mem[which], r.memAt)
		}
	}
	km, fl := rows[kmdashServer], rows[floorServer]
	one, room := median(km[1].p99), median(km[followRoom].p99)
	b.Logf("medians: kmdash 1 follower p50 %.1f p99 %.1f ms; %d followers of five sizes p50 %.1f p99 %.1f ms; goal p99 ≤ 2 × %.1f + 20 = %.1f ms",
		median(km[1].p50), one, followRoom, median(km[followRoom].p50), room, one, 2*one+20)
	b.Logf("medians: floor  1 follower p50 %.1f p99 %.1f ms; %d followers p50 %.1f p99 %.1f ms",
		median(fl[1].p50), median(fl[1].p99), followRoom, median(fl[followRoom].p50), median(fl[followRoom].p99))
	b.Logf("medians: memory per session at %d: kmdash %.0f KiB, floor %.0f KiB, ratio %.2f (goal ≤ 1.5)",
		followRoom, median(mem[kmdashServer])/1024, median(mem[floorServer])/1024, median(mem[kmdashServer])/median(mem[floorServer]))
	b.ReportMetric(one, "kmdash-1-p99-ms")
	b.ReportMetric(room, "kmdash-200-p99-ms")
	b.ReportMetric(median(mem[kmdashServer])/median(mem[floorServer]), "mem-ratio")
}

// openRoom connects n followers of the five sizes, a few at a time.
func openRoom(b *testing.B, which, addr string, n int) []*follower {
	b.Helper()
	key := newKey(b)
	followers := make([]*follower, n)
	var wg sync.WaitGroup
	errs := make(chan error, n)
	slots := make(chan struct{}, 32)
	for i := range followers {
		size := [2]int{120, 40}
		if n > 1 {
			size = followSizes[i%len(followSizes)]
		}
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer func() { <-slots; wg.Done() }()
			f, err := openFollower(addr, key, size[0], size[1])
			if err != nil {
				errs <- err
				return
			}
			followers[i] = f
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatalf("%s: follower: %v", which, err)
	}
	time.Sleep(500 * time.Millisecond) // presence and counts settle
	return followers
}

// follower is a terminal that answers the colour query and notes when
// its screen first changes after the presenter's key.
type follower struct {
	client *gossh.Client
	stdin  io.Writer
	mu     sync.Mutex
	armed  time.Time // the key's time, while waiting for its update
	update chan time.Duration
}

func openFollower(addr string, key gossh.Signer, width, height int) (*follower, error) {
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "room", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // loopback, a throwaway key
		Timeout:         30 * time.Second,
	})
	if err != nil {
		return nil, err
	}
	sess, stdin, stdout, err := ptySession(c, width, height)
	if err != nil {
		c.Close()
		return nil, err
	}
	_ = sess
	f := &follower{client: c, stdin: stdin, update: make(chan time.Duration, 1)}
	bytesIn := make(chan int, 64)
	go func() {
		buf := make([]byte, 64*1024)
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				now := time.Now()
				if bytes.Contains(buf[:n], []byte("\x1b]11;?")) {
					stdin.Write([]byte("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\\x1b[?62;22c"))
				}
				f.mu.Lock()
				armed := f.armed
				f.armed = time.Time{}
				f.mu.Unlock()
				if !armed.IsZero() {
					f.update <- now.Sub(armed)
				}
				select {
				case bytesIn <- n:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	// The first frame is in once 500 bytes have come and then nothing for
	// 150 ms.
	seen := 0
	deadline := time.After(30 * time.Second)
	for {
		select {
		case n := <-bytesIn:
			seen += n
			continue
		case <-time.After(150 * time.Millisecond):
			if seen >= 500 {
				return f, nil
			}
		case <-deadline:
			c.Close()
			return nil, fmt.Errorf("no first frame within 30 s")
		}
	}
}

func (f *follower) arm(at time.Time) {
	f.mu.Lock()
	f.armed = at
	f.mu.Unlock()
}

func (f *follower) wait(d time.Duration) (time.Duration, bool) {
	select {
	case took := <-f.update:
		return took, true
	case <-time.After(d):
		f.arm(time.Time{})
		return 0, false
	}
}

func (f *follower) close() { f.client.Close() }

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}
