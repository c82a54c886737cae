package serve

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// BenchmarkLoad: 200 sessions pressing keys, each its own screen, kmdash
// against the floor (testdata/floor/wish); see harness_test.go.
//
//	go test ./serve -run '^$' -bench 'Load$' -benchtime 1x
//
// Load parameters: bounded in count and time, loopback only.
const (
	loadSessions = 200
	loadKeys     = 20                     // per session
	loadThink    = 400 * time.Millisecond // mean pause between keys
)

func BenchmarkLoad(b *testing.B) {
	for range b.N {
		// Two workloads: every terminal 120×40, as in a room of laptops
		// following a presenter, and every terminal a different size.
		for _, varied := range []bool{false, true} {
			if varied && os.Getenv("KMDASH_LOAD_SAME_ONLY") != "" {
				continue // for profiling one workload
			}
			results := map[string]loadResult{}
			for _, which := range []string{floorServer, kmdashServer} {
				results[which] = runLoad(b, which, varied)
			}
			sizes := "all 120×40"
			if varied {
				sizes = "sizes 100–160 × 30–50"
			}
			bare, km := results[floorServer], results[kmdashServer]
			for _, r := range []struct {
				name string
				res  loadResult
			}{{"bare wish+bubbletea", bare}, {"kmdash serve", km}} {
				b.Logf("%s, %-20s sessions %d keys %d  memory/session %.0f KiB opened, %.0f KiB after keys (Go heap+stacks; RSS %.0f KiB)  keystroke p50 %.1f ms  p99 %.1f ms",
					sizes, r.name, loadSessions, len(r.res.latencies), r.res.memOpened/1024, r.res.memAfter/1024, r.res.rssAfter/1024,
					ms(r.res.percentile(50)), ms(r.res.percentile(99)))
			}
			b.Logf("%s: memory after keys %.2f× bare (limit 1.5×); p99 %.1f ms, limit %.1f ms (1.25 × bare p99 + 2 ms)",
				sizes, km.memAfter/bare.memAfter, ms(km.percentile(99)), ms(bare.percentile(99))*1.25+2)
			tag := "same"
			if varied {
				tag = "varied"
			}
			b.ReportMetric(km.memAfter/bare.memAfter, tag+"-mem-ratio")
			b.ReportMetric(ms(km.percentile(99)), tag+"-kmdash-p99-ms")
			b.ReportMetric(ms(bare.percentile(99)), tag+"-bare-p99-ms")
		}
	}
}

type loadResult struct {
	latencies []time.Duration
	// Server memory per session: just after the sessions opened, and
	// after every session had pressed its keys (all tabs visited).
	memOpened, memAfter, rssAfter float64
}

func (r loadResult) percentile(p int) time.Duration { return percentile(r.latencies, p) }

func runLoad(b *testing.B, which string, varied bool) loadResult {
	b.Helper()
	srv := startBenchServer(b, which, "", false)
	defer srv.stop()
	key := newKey(b)
	var res loadResult
	mem0, rss0 := srv.memory(b)

	clients := make([]*loadClient, loadSessions)
	var wg sync.WaitGroup
	errs := make(chan error, loadSessions)
	sizes := rand.New(rand.NewPCG(1, 2)) // the same sizes for both servers
	for i := range clients {
		w, h := 120, 40
		if varied {
			w, h = 100+sizes.IntN(61), 30+sizes.IntN(21)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := openLoadClient(srv.addr, key, w, h)
			if err != nil {
				errs <- err
				return
			}
			clients[i] = c
		}()
		if i%20 == 19 {
			time.Sleep(20 * time.Millisecond) // a room arriving, not one burst
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		b.Fatalf("%s: open session: %v", which, err)
	}
	mem1, _ := srv.memory(b)
	res.memOpened = (mem1 - mem0) / loadSessions

	// Tab changes and selection moves, each of which redraws the screen:
	// each visit to a tab moves its selection down, the next one back up.
	keys := []string{"2", "j", "3", "j", "4", "j", "5", "j", "1", "j",
		"2", "k", "3", "k", "4", "k", "5", "k", "1", "k"}
	lat := make(chan time.Duration, loadSessions*loadKeys)
	var failed sync.Once
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range loadKeys {
				time.Sleep(time.Duration(rand.Int64N(int64(2 * loadThink))))
				d, err := c.press(keys[k%len(keys)])
				if err != nil {
					failed.Do(func() { b.Errorf("%s: key %d: %v", which, k, err) })
					return
				}
				lat <- d
			}
		}()
	}
	wg.Wait()
	close(lat)
	for d := range lat {
		res.latencies = append(res.latencies, d)
	}
	mem2, rss2 := srv.memory(b)
	res.memAfter, res.rssAfter = (mem2-mem0)/loadSessions, (rss2-rss0)/loadSessions
	for _, c := range clients {
		c.close()
	}
	return res
}

// loadClient is a terminal that answers the colour query as a real one
// does and times each key press to the first output it causes.
type loadClient struct {
	client *gossh.Client
	sess   *gossh.Session
	stdin  io.Writer
	output chan struct{} // a read happened
	// firstFrame is when the first 2,000 bytes of screen had arrived.
	firstFrame time.Time
}

func openLoadClient(addr string, key gossh.Signer, width, height int) (*loadClient, error) {
	return openClient(addr, key, width, height, true)
}

// openClient opens a PTY session; answer says whether it answers the
// terminal queries as a real terminal would.
func openClient(addr string, key gossh.Signer, width, height int, answer bool) (*loadClient, error) {
	client, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "load", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(), // loopback, a throwaway key
		Timeout:         30 * time.Second,
	})
	if err != nil {
		return nil, err
	}
	sess, err := client.NewSession()
	if err != nil {
		return nil, err
	}
	if err := sess.RequestPty("xterm-256color", height, width, gossh.TerminalModes{}); err != nil {
		return nil, err
	}
	stdin, _ := sess.StdinPipe()
	stdout, _ := sess.StdoutPipe()
	if err := sess.Shell(); err != nil {
		return nil, err
	}
	c := &loadClient{client: client, sess: sess, stdin: stdin, output: make(chan struct{}, 1)}
	first := make(chan struct{})
	go func() {
		buf := make([]byte, 64*1024)
		seen := 0
		for {
			n, err := stdout.Read(buf)
			if n > 0 {
				if answer && bytes.Contains(buf[:n], []byte("\x1b]11;?")) {
					stdin.Write([]byte("\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\\x1b[?62;22c"))
				}
				if seen += n; seen > 2000 && first != nil {
					c.firstFrame = time.Now()
					close(first) // the first frame is on screen
					first = nil
				}
				select {
				case c.output <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-first:
	case <-time.After(30 * time.Second):
		client.Close()
		return nil, errNoFirstFrame
	}
	time.Sleep(100 * time.Millisecond) // let the first frame finish
	return c, nil
}

var errNoFirstFrame = fmt.Errorf("no first frame within 30 s")

// press sends a key and waits for the output it causes.
func (c *loadClient) press(k string) (time.Duration, error) {
	for len(c.output) > 0 {
		<-c.output
	}
	start := time.Now()
	if _, err := c.stdin.Write([]byte(k)); err != nil {
		return 0, err
	}
	select {
	case <-c.output:
		return time.Since(start), nil
	case <-time.After(10 * time.Second):
		return 0, fmt.Errorf("no output within 10 s of key %q", k)
	}
}

func (c *loadClient) close() {
	c.sess.Close()
	c.client.Close()
}

// BenchmarkFirstFrameSilent times the first frame for a client that never
// answers the background-colour query (some consoles, relays, scripts),
// from the session's start to the first 2,000 bytes of screen.
//
//	go test ./serve -run '^$' -bench FirstFrameSilent -benchtime 3x
func BenchmarkFirstFrameSilent(b *testing.B) {
	for _, which := range []string{"kmdash", "bare"} {
		b.Run(which, func(b *testing.B) {
			srv := startBenchServer(b, which, "", false)
			defer srv.stop()
			key := newKey(b)
			for range b.N {
				start := time.Now()
				c, err := openClient(srv.addr, key, 120, 40, false)
				if errors.Is(err, errNoFirstFrame) {
					b.Logf("%s: no first frame within 30 s", which)
					b.ReportMetric(30000, "ms-to-first-frame(at-least)")
					return
				}
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(c.firstFrame.Sub(start).Milliseconds()), "ms-to-first-frame")
				c.close()
			}
		})
	}
}
