package main

import (
	"bufio"
	"bytes"
	"debug/buildinfo"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/mod/semver"
)

// The tests in this file run kmdash as the world does: a built binary in
// its own process, started by the tests with the environment they choose.

var (
	binaryOnce sync.Once
	binaryPath string
	binaryErr  error
	binaryDir  string
)

// kmdashBinary builds kmdash once per test run and returns its path.
func kmdashBinary(t testing.TB) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "kmdash-test-")
		if binaryErr != nil {
			return
		}
		binaryPath = filepath.Join(binaryDir, "kmdash")
		out, err := exec.Command("go", "build", "-o", binaryPath, ".").CombinedOutput()
		if err != nil {
			binaryErr = &buildError{err, out}
		}
	})
	if binaryErr != nil {
		t.Fatal(binaryErr)
	}
	return binaryPath
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + string(e.out) }

func TestMain(m *testing.M) {
	if path := os.Getenv(holdEnv); path != "" {
		holdDatabase(path) // a second process for main_review_test.go
		return
	}
	code := m.Run()
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

// initCost is one line of GODEBUG=inittrace=1 output: a package's init
// functions, the clock they took and the heap they allocated.
type initCost struct {
	pkg     string
	clockMS float64
	bytes   int64
}

// parseInittrace reads lines like
//
//	init github.com/x/y @3.1 ms, 0.20 ms clock, 94976 bytes, 216 allocs
func parseInittrace(t *testing.T, stderr []byte) []initCost {
	t.Helper()
	var costs []initCost
	sc := bufio.NewScanner(bytes.NewReader(stderr))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[5] != "ms" || f[6] != "clock," || f[8] != "bytes," {
			continue
		}
		clock, err1 := strconv.ParseFloat(f[4], 64)
		n, err2 := strconv.ParseInt(f[7], 10, 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("unreadable inittrace line %q", sc.Text())
		}
		costs = append(costs, initCost{f[1], clock, n})
	}
	return costs
}

// maxInitBytes is the most one package's init may allocate. Start-up is
// mostly package initialisation; an init that builds a table of hundreds
// of kilobytes is what once made `render` four times slower than a bare
// lipgloss program, and what allocation shows, timing need not.
const maxInitBytes = 200 << 10

// staticTableFloors are dependencies whose old versions filled a large
// table in init without allocating (a package-level array), which the
// byte count above cannot see. go-runewidth before v0.0.28 spent 26–50 ms
// filling a 2.2 MB array on every start; from v0.0.28 it builds it on
// first use.
var staticTableFloors = map[string]string{
	"github.com/mattn/go-runewidth": "v0.0.28",
}

// TestInitCost runs `render` with the runtime's init trace and holds
// every package's initialisation to a small allocation. The clock each
// init took is logged (go test -v), not checked: timing varies with the
// machine's load, and BENCHMARKS.md records it.
func TestInitCost(t *testing.T) {
	t.Parallel()
	bin := kmdashBinary(t)
	cmd := exec.Command(bin, "render", "--tab", "economy", "--width", "120", "--height", "40", "--color", "never")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("render: %v\n%s", err, stderr.String())
	}
	costs := parseInittrace(t, stderr.Bytes())
	if len(costs) < 20 {
		t.Fatalf("the init trace names %d packages; is GODEBUG=inittrace=1 still read?\n%s", len(costs), stderr.String())
	}
	var total float64
	for _, c := range costs {
		total += c.clockMS
		if c.bytes > maxInitBytes {
			t.Errorf("init of %s allocates %d bytes; at most %d may run on every start", c.pkg, c.bytes, maxInitBytes)
		}
		if c.clockMS >= 0.1 {
			t.Logf("init %s: %.2f ms, %d bytes", c.pkg, c.clockMS, c.bytes)
		}
	}
	t.Logf("%d packages, %.2f ms of init in all", len(costs), total)

	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	for _, dep := range info.Deps {
		if floor, ok := staticTableFloors[dep.Path]; ok && semver.Compare(dep.Version, floor) < 0 {
			t.Errorf("%s %s builds its tables in init; kmdash needs %s or later", dep.Path, dep.Version, floor)
		}
	}
}
