package serve

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	gossh "golang.org/x/crypto/ssh"
)

// The load benchmark runs each server in a child process (this test
// binary, told which server to be by loadServerEnv) so that its memory is
// measured apart from the 200 clients, which run here.
//
//	go test ./serve -run '^$' -bench Load -benchtime 1x
const loadServerEnv = "KMDASH_LOAD_SERVER"

func TestMain(m *testing.M) {
	if which := os.Getenv(loadServerEnv); which != "" {
		os.Exit(serveForLoad(which))
	}
	os.Exit(m.Run())
}

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
			for _, which := range []string{"bare", "kmdash"} {
				results[which] = runLoad(b, which, varied)
			}
			sizes := "all 120×40"
			if varied {
				sizes = "sizes 100–160 × 30–50"
			}
			bare, km := results["bare"], results["kmdash"]
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

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

type loadResult struct {
	latencies []time.Duration
	// Server memory per session: just after the sessions opened, and
	// after every session had pressed its keys (all tabs visited).
	memOpened, memAfter, rssAfter float64
}

func (r loadResult) percentile(p int) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	s := slices.Clone(r.latencies)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

// loadServer is a server child process.
type loadServer struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	addr string
}

func startLoadServer(b *testing.B, which string) *loadServer {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), loadServerEnv+"="+which, "KMDASH_LOAD_DIR="+b.TempDir())
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	s := &loadServer{cmd: cmd, in: in, out: bufio.NewReader(out)}
	s.addr = strings.TrimPrefix(s.line(b), "ADDR ")
	return s
}

func (s *loadServer) line(b *testing.B) string {
	l, err := s.out.ReadString('\n')
	if err != nil {
		b.Fatalf("load server: %v", err)
	}
	return strings.TrimSpace(l)
}

// memory asks the server for its memory after a GC: Go heap and stacks
// in use, and the process's resident set.
func (s *loadServer) memory(b *testing.B) (goMem, rss float64) {
	fmt.Fprintln(s.in, "mem")
	f := strings.Fields(s.line(b))
	goMem, _ = strconv.ParseFloat(f[1], 64)
	rss, _ = strconv.ParseFloat(f[2], 64)
	return goMem, rss
}

func (s *loadServer) stop() {
	s.in.Close()
	s.cmd.Wait()
}

func runLoad(b *testing.B, which string, varied bool) loadResult {
	b.Helper()
	srv := startLoadServer(b, which)
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

// serveForLoad is the child process: it serves until stdin closes and
// answers "mem" with its memory.
func serveForLoad(which string) int {
	dir := os.Getenv("KMDASH_LOAD_DIR")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var serve func() error
	switch which {
	case "kmdash":
		cfg := testConfig(&testing.B{})
		cfg.HostKey = filepath.Join(dir, "host_ed25519")
		cfg.MaxSessions = loadSessions * 2
		srv, err := New(cfg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		serve = func() error { return srv.Serve(ln) }
	case "bare":
		srv, err := bareServer(filepath.Join(dir, "bare_ed25519"))
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		serve = func() error { return srv.Serve(ln) }
	}
	if path := os.Getenv("KMDASH_LOAD_CPUPROFILE"); path != "" && which == "kmdash" {
		f, err := os.Create(path)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	go serve()
	fmt.Printf("ADDR %s\n", ln.Addr())
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("MEM %d %d\n", m.HeapInuse+m.StackInuse, rssBytes())
		if os.Getenv("KMDASH_LOAD_VERBOSE") != "" {
			fmt.Fprintf(os.Stderr, "load server %s: heap %d KiB, stacks %d KiB, goroutines %d\n",
				which, m.HeapInuse/1024, m.StackInuse/1024, runtime.NumGoroutine())
		}
		if path := os.Getenv("KMDASH_LOAD_MEMPROFILE"); path != "" && which == "kmdash" {
			if f, err := os.Create(path); err == nil {
				pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}
	return 0
}

func rssBytes() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// bareServer is the yardstick: wish's own bubbletea middleware and
// MakeRenderer, and a program that draws a full 120×40 screen, all of
// it changing with each key.
func bareServer(hostKey string) (*ssh.Server, error) {
	return wish.NewServer(
		wish.WithHostKeyPath(hostKey),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(bm.Middleware(func(s ssh.Session) (tea.Model, []tea.ProgramOption) {
			r := bm.MakeRenderer(s)
			return &bareModel{
				box:   r.NewStyle().Border(lipgloss.RoundedBorder()).Width(118).Height(36),
				title: r.NewStyle().Bold(true).Foreground(lipgloss.Color("212")),
			}, []tea.ProgramOption{tea.WithAltScreen()}
		})),
	)
}

type bareModel struct {
	keys       int
	box, title lipgloss.Style
}

func (m *bareModel) Init() tea.Cmd { return nil }

func (m *bareModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		if k.String() == "q" {
			return m, tea.Quit
		}
		m.keys++
	}
	return m, nil
}

func (m *bareModel) View() string {
	lines := make([]string, 36)
	for i := range lines {
		lines[i] = fmt.Sprintf("row %2d · keys pressed %d", i+1, m.keys)
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		m.title.Render(fmt.Sprintf("bare wish + bubbletea · %d", m.keys)),
		m.box.Render(strings.Join(lines, "\n")))
}

// BenchmarkFirstFrameSilent times the first frame for a client that never
// answers the background-colour query (some consoles, relays, scripts),
// from the session's start to the first 2,000 bytes of screen.
//
//	go test ./serve -run '^$' -bench FirstFrameSilent -benchtime 3x
func BenchmarkFirstFrameSilent(b *testing.B) {
	for _, which := range []string{"kmdash", "bare"} {
		b.Run(which, func(b *testing.B) {
			srv := startLoadServer(b, which)
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
