package serve

import (
	"bufio"
	"flag"
	"fmt"
	"io"
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

	"github.com/kmdash/kmdash/data"
)

// The benchmarks run each server in a child process, so that its memory
// and CPU are its own and not the clients', which run in the benchmark's
// process. kmdash's server is this test binary, told to serve by
// benchServerEnv; the floor is testdata/floor/wish, a separate Go module
// (a bare wish + bubbletea server), built once per run.
const benchServerEnv = "KMDASH_BENCH_SERVER"

func TestMain(m *testing.M) {
	if os.Getenv(benchServerEnv) != "" {
		os.Exit(serveForBench())
	}
	// The parallel tests spend their time waiting on sockets and timers
	// (a second of CPU in five of waiting, -short), so more of them run
	// at once than the default of one per core, unless -parallel says.
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if !given {
		if err := flag.Set("test.parallel", strconv.Itoa(max(8, runtime.GOMAXPROCS(0)))); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}

// benchServer is a server child process.
type benchServer struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	addr string
}

// Which server a benchmark runs: kmdash, or the floor.
const (
	kmdashServer = "kmdash"
	floorServer  = "bare"
)

// startBenchServer starts kmdash (presenters: a key file, or "") or the
// floor (room: a key changes every screen).
func startBenchServer(b *testing.B, which, presenters string, room bool) *benchServer {
	b.Helper()
	var cmd *exec.Cmd
	switch which {
	case kmdashServer:
		cmd = exec.Command(os.Args[0], "-test.run", "^$")
		cmd.Env = append(os.Environ(), benchServerEnv+"=1", "KMDASH_BENCH_DIR="+b.TempDir(),
			"KMDASH_BENCH_PRESENTERS="+presenters)
	case floorServer:
		args := []string{"-host-key", filepath.Join(b.TempDir(), "floor_ed25519")}
		if room {
			args = append(args, "-room")
		}
		cmd = exec.Command(floorBinary(b), args...)
	}
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
	s := &benchServer{cmd: cmd, in: in, out: bufio.NewReader(out)}
	s.addr = strings.TrimPrefix(s.line(b), "ADDR ")
	return s
}

var floor struct {
	once sync.Once
	path string
	err  error
}

// floorBinary builds testdata/floor/wish, in its own module, once.
func floorBinary(b *testing.B) string {
	floor.once.Do(func() {
		dir, err := os.MkdirTemp("", "kmdash-floor")
		if err != nil {
			floor.err = err
			return
		}
		floor.path = filepath.Join(dir, "floor-wish")
		cmd := exec.Command("go", "build", "-o", floor.path, ".")
		cmd.Dir = filepath.Join("..", "testdata", "floor", "wish")
		if out, err := cmd.CombinedOutput(); err != nil {
			floor.err = fmt.Errorf("building the floor: %v\n%s", err, out)
		}
	})
	if floor.err != nil {
		b.Fatal(floor.err)
	}
	return floor.path
}

func (s *benchServer) line(b *testing.B) string {
	l, err := s.out.ReadString('\n')
	if err != nil {
		b.Fatalf("bench server: %v", err)
	}
	return strings.TrimSpace(l)
}

// memory asks the server for its memory after a GC: Go heap and stacks
// in use, and the process's resident set.
func (s *benchServer) memory(b *testing.B) (goMem, rss float64) {
	fmt.Fprintln(s.in, "mem")
	f := strings.Fields(s.line(b))
	goMem, _ = strconv.ParseFloat(f[1], 64)
	rss, _ = strconv.ParseFloat(f[2], 64)
	return goMem, rss
}

// cpuTime asks the server for the CPU time (user and system) it has
// used so far.
func (s *benchServer) cpuTime(b *testing.B) time.Duration {
	fmt.Fprintln(s.in, "cputime")
	f := strings.Fields(s.line(b))
	ns, _ := strconv.ParseInt(f[1], 10, 64)
	return time.Duration(ns)
}

// profile starts a CPU profile of the kmdash server into path, or stops
// it ("").
func (s *benchServer) profile(b *testing.B, path string) {
	if path != "" {
		path = " " + path
	}
	fmt.Fprintln(s.in, "cpu"+path)
	s.line(b)
}

func (s *benchServer) stop() {
	s.in.Close()
	s.cmd.Wait()
}

// serveForBench is kmdash's child process: it serves until stdin closes
// and answers each line with its memory. Limits that would refuse the
// benchmark's own clients (all on 127.0.0.1) are lifted; nothing else
// differs from a default `kmdash serve`.
func serveForBench() int {
	dir := os.Getenv("KMDASH_BENCH_DIR")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	pack, err := data.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	cfg := Defaults()
	cfg.Pack, cfg.Listen = pack, ln.Addr().String()
	cfg.HostKey, cfg.NewHostKey = filepath.Join(dir, "host_ed25519"), true
	cfg.PresenterKeys = os.Getenv("KMDASH_BENCH_PRESENTERS")
	cfg.MaxSessions = 4000
	now := time.Date(2025, 11, 25, 10, 0, 0, 0, time.UTC)
	cfg.Now = func() time.Time { return now }
	srv, err := New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	go srv.Serve(ln)
	fmt.Printf("ADDR %s\n", ln.Addr())
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		// "cpu PATH" and "cpu" start and stop a CPU profile of a part of
		// a benchmark; any other line asks for the memory.
		if path, ok := strings.CutPrefix(sc.Text(), "cpu "); ok {
			if f, err := os.Create(path); err == nil {
				pprof.StartCPUProfile(f)
			}
			fmt.Println("OK")
			continue
		}
		if sc.Text() == "cpu" {
			pprof.StopCPUProfile()
			fmt.Println("OK")
			continue
		}
		if sc.Text() == "cputime" {
			fmt.Printf("CPU %d\n", cpuTime())
			continue
		}
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("MEM %d %d\n", m.HeapInuse+m.StackInuse, rssBytes())
		if os.Getenv("KMDASH_BENCH_VERBOSE") != "" {
			fmt.Fprintf(os.Stderr, "bench server: heap %d KiB, stacks %d KiB, goroutines %d\n",
				m.HeapInuse/1024, m.StackInuse/1024, runtime.NumGoroutine())
		}
		if path := os.Getenv("KMDASH_BENCH_MEMPROFILE"); path != "" {
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

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// percentile is the p-th percentile of ds (nearest rank).
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[max(0, min(len(s)-1, (len(s)*p+99)/100-1))]
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
