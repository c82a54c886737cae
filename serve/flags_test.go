package serve

import (
	"bytes"
	"context"
	"flag"
	"io"
	"net"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

func parseFlags(t *testing.T, args ...string) (Config, error) {
	t.Helper()
	cfg := Defaults()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg.Register(fs)
	return cfg, fs.Parse(args)
}

// TestRegister: a bare kmdash serve is Defaults, and each flag lands in
// its field.
func TestRegister(t *testing.T) {
	t.Parallel()
	bare, err := parseFlags(t)
	if err != nil || !reflect.DeepEqual(bare, Defaults()) {
		t.Fatalf("no flags: %v\n%+v\nwant Defaults\n%+v", err, bare, Defaults())
	}
	cfg, err := parseFlags(t, "--listen", ":2222", "--host-key", "hk", "--new-host-key", "--authorized-keys", "ak",
		"--presenter-keys", "pk", "--max-sessions", "7", "--sessions-per-connection", "2", "--idle-timeout", "1m",
		"--client-alive-interval", "0", "--client-alive-count-max", "5", "--login-grace-time", "30s",
		"--max-startups", "10:50:20", "--per-source-max-startups", "3", "--per-source-penalties", "no",
		"--per-source-netblock", "24:64", "--per-source-penalty-exempt", "10.0.0.0/8")
	if err != nil {
		t.Fatal(err)
	}
	want := Defaults()
	want.Listen, want.HostKey, want.NewHostKey, want.AuthorizedKeys, want.PresenterKeys = ":2222", "hk", true, "ak", "pk"
	want.MaxSessions, want.SessionsPerConnection, want.IdleTimeout = 7, 2, time.Minute
	want.ClientAliveInterval, want.ClientAliveCountMax, want.LoginGraceTime = 0, 5, 30*time.Second
	want.MaxStartups, want.PerSourceMaxStartups, want.PerSourceNetblock = Startups{10, 50, 20}, 3, Netblock{24, 64}
	if err := want.PerSourcePenalties.Set("no"); err != nil {
		t.Fatal(err)
	}
	if err := want.PenaltyExempt.Set("10.0.0.0/8"); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, want) {
		t.Errorf("flags gave\n%+v\nwant\n%+v", cfg, want)
	}
}

// TestCheck: each configuration no server can run with is refused with
// the flag to change named.
func TestCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string // what the refusal names, with its value; "" for none
	}{
		{nil, ""},
		{[]string{"--client-alive-interval", "0"}, ""},
		{[]string{"--max-sessions", "0"}, "--max-sessions 0"},
		{[]string{"--sessions-per-connection", "0"}, "--sessions-per-connection 0"},
		{[]string{"--idle-timeout", "0"}, "--idle-timeout 0s"},
		{[]string{"--login-grace-time", "-1s"}, "--login-grace-time -1s"},
		{[]string{"--client-alive-count-max", "0"}, "--client-alive-count-max 0"},
		{[]string{"--client-alive-interval", "-1s"}, "--client-alive-interval -1s"},
		{[]string{"--per-source-max-startups", "-1"}, "--per-source-max-startups -1"},
	}
	pack := testConfig(t).Pack
	for _, tc := range tests {
		cfg, err := parseFlags(t, tc.args...)
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		cfg.Pack = pack
		err = cfg.Check()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%v refused: %v", tc.args, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%v: got %v, want an error naming %q", tc.args, err, tc.want)
		}
	}
	if err := Defaults().Check(); err == nil {
		t.Error("a configuration without a pack passed")
	}
}

// lockedBuffer is written by Run while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRun: Run says where it serves and with which (new) host key,
// answers SSH there, and stops when its context ends, saying so.
func TestRun(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	var out lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, &out) }()
	serving := regexp.MustCompile(`(?m)^kmdash serving on (127\.0\.0\.1:\d+)\nhost key (SHA256:\S+) \((.+)\)\n`)
	var m []string
	for deadline := time.Now().Add(10 * time.Second); m == nil; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("no banner; Run wrote %q", out.String())
		}
		m = serving.FindStringSubmatch(out.String())
	}
	if m[3] != cfg.HostKey || !strings.HasPrefix(out.String(), "kmdash: created a new host key at "+cfg.HostKey+"\n") {
		t.Errorf("the banner should name the new host key %s:\n%s", cfg.HostKey, out.String())
	}
	conn, err := net.Dial("tcp", m[1])
	if err != nil {
		t.Fatal(err)
	}
	greeting := make([]byte, 8)
	_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.ReadFull(conn, greeting); err != nil || string(greeting) != "SSH-2.0-" {
		t.Errorf("the address in the banner answers %q, %v; want an SSH server", greeting, err)
	}
	conn.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v after its context ended", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	if !strings.HasSuffix(out.String(), "\nkmdash: stopping; ending every session\n") {
		t.Errorf("Run should say it stops:\n%s", out.String())
	}
}
