package serve

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/ui"
)

func TestAccessRole(t *testing.T) {
	t.Parallel()
	presenter, authorized, unlisted := newKey(t), newKey(t), newKey(t)
	read := func(keys ...gossh.Signer) keyList {
		l, err := readKeys(writeKeys(t, keys...))
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	both := access{authorized: read(authorized), presenters: read(presenter)}
	onlyAuthorized := access{authorized: read(authorized)}
	onlyPresenters := access{presenters: read(presenter)}
	open := access{}

	for _, tc := range []struct {
		name   string
		access access
		key    gossh.Signer
		role   ui.Role
		ok     bool
	}{
		{"presenter with both lists", both, presenter, ui.Presenter, true},
		{"authorized with both lists", both, authorized, ui.Viewer, true},
		{"unlisted with both lists", both, unlisted, ui.Alone, false},
		{"authorized, no presenters", onlyAuthorized, authorized, ui.Alone, true},
		{"unlisted, no presenters", onlyAuthorized, unlisted, ui.Alone, false},
		{"presenter, no authorized list", onlyPresenters, presenter, ui.Presenter, true},
		{"anyone, no authorized list", onlyPresenters, unlisted, ui.Viewer, true},
		{"anyone, no lists", open, unlisted, ui.Alone, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			role, _, ok := tc.access.role(tc.key.PublicKey(), loopback, time.Now())
			if role != tc.role || ok != tc.ok {
				t.Errorf("role = %s, %v; want %s, %v", roleName(role), ok, roleName(tc.role), tc.ok)
			}
		})
	}
}

func TestReadKeys(t *testing.T) {
	t.Parallel()
	a, b := newKey(t), newKey(t)
	line := func(k gossh.Signer) string {
		return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey())))
	}

	t.Run("comments, blanks and options", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keys")
		text := "# people who may watch\n\n   \n" + line(a) + " alice@laptop\n" + `restrict,pty,no-port-forwarding ` + line(b) + "\n"
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		keys, err := readKeys(path)
		if err != nil {
			t.Fatal(err)
		}
		has := func(k gossh.Signer) bool { _, ok := keys.find(k.PublicKey(), loopback, time.Now()); return ok }
		if len(keys) != 2 || !has(a) || !has(b) {
			t.Errorf("read %d keys, want both a and b", len(keys))
		}
		if has(newKey(t)) {
			t.Error("a key not in the file is listed")
		}
		if g, _ := keys.find(a.PublicKey(), loopback, time.Now()); g.name != "alice@laptop" {
			t.Errorf("name %q, want the line's comment", g.name)
		}
	})

	t.Run("options kmdash cannot honour are refused", func(t *testing.T) {
		for _, opt := range []string{`command="date"`, "no-pty", `environment="A=b"`, "cert-authority", `tunnel="1"`, `principals="x"`, "agent-forwarding"} {
			path := filepath.Join(t.TempDir(), "keys")
			if err := os.WriteFile(path, []byte(line(a)+"\n"+opt+" "+line(b)+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := readKeys(path)
			name, _, _ := strings.Cut(opt, "=")
			if err == nil || !strings.Contains(err.Error(), path+":2: key option "+name+" is not supported") {
				t.Errorf("%s: error %v, want it to name %s:2 and the option", opt, err, path)
			}
		}
		for _, opt := range []string{`from=""`, `expiry-time="2025"`, `expiry-time="tomorrow"`} {
			path := filepath.Join(t.TempDir(), "keys")
			if err := os.WriteFile(path, []byte(opt+" "+line(a)+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if _, err := readKeys(path); err == nil || !strings.Contains(err.Error(), path+":1:") {
				t.Errorf("%s: error %v, want it to name %s:1", opt, err, path)
			}
		}
	})

	t.Run("bad line names file and line", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keys")
		text := "# comment\n" + line(a) + "\n\nssh-ed25519 AAAAnot-base64!!\n" + line(b) + "\n"
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := readKeys(path)
		if err == nil || !strings.Contains(err.Error(), path+":4:") {
			t.Errorf("error %v, want it to name %s:4", err, path)
		}
	})

	t.Run("missing file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nope")
		if _, err := readKeys(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("error %v, want it to name %s", err, path)
		}
	})
}

var loopback = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}

// from= and expiry-time= are honoured as sshd does: patterns of
// addresses with * and ?, CIDR blocks, negation that wins; expiry in
// local time unless it ends in Z.
func TestKeyOptionsHonoured(t *testing.T) {
	t.Parallel()
	noon := time.Date(2025, 9, 22, 12, 0, 0, 0, time.UTC)
	keyLine := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(newKey(t).PublicKey())))
	at := func(ip string) net.Addr { return &net.TCPAddr{IP: net.ParseIP(ip), Port: 40000} }
	for _, tc := range []struct {
		options string
		from    net.Addr
		now     time.Time
		want    bool
	}{
		{`from="127.0.0.1"`, loopback, noon, true},
		{`from="127.0.0.1"`, at("10.1.2.3"), noon, false},
		{`from="10.*,192.168.1.?"`, at("10.1.2.3"), noon, true},
		{`from="10.*,192.168.1.?"`, at("192.168.1.7"), noon, true},
		{`from="10.*,192.168.1.?"`, at("192.168.1.17"), noon, false},
		{`from="10.0.0.0/8,!10.9.*"`, at("10.1.2.3"), noon, true},
		{`from="10.0.0.0/8,!10.9.*"`, at("10.9.0.1"), noon, false},
		{`from="!10.9.*"`, at("10.1.2.3"), noon, false}, // only a negation: nothing allows
		{`from="2001:db8::/32"`, at("2001:db8::1"), noon, true},
		{`from="meeting-room.example.org"`, loopback, noon, false}, // names never match: no DNS
		{`expiry-time="20250923Z"`, loopback, noon, true},
		{`expiry-time="202509221200Z"`, loopback, noon, false},
		{`expiry-time="20250922115959Z"`, loopback, noon, false},
		{`expiry-time="20250922120001Z"`, loopback, noon, true},
		{`from="127.0.0.1",expiry-time="20250101Z"`, loopback, noon, false},
	} {
		_, _, options, _, err := gossh.ParseAuthorizedKey([]byte(tc.options + " " + keyLine))
		if err != nil {
			t.Fatalf("%s: %v", tc.options, err)
		}
		g, err := parseGrant(options)
		if err != nil {
			t.Fatalf("%s: %v", tc.options, err)
		}
		if got := g.allows(tc.from, tc.now); got != tc.want {
			t.Errorf("%s from %s at %s: allows = %v, want %v", tc.options, tc.from, tc.now.Format(time.RFC3339), got, tc.want)
		}
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	t.Parallel()
	bad := filepath.Join(t.TempDir(), "bad_keys")
	if err := os.WriteFile(bad, []byte("hello\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"no pack", func(c *Config) { c.Pack = nil }, "no data pack"},
		{"no sessions", func(c *Config) { c.MaxSessions = 0 }, "--max-sessions 0"},
		{"bad authorized keys", func(c *Config) { c.AuthorizedKeys = bad }, "--authorized-keys: " + bad + ":1:"},
		{"bad presenter keys", func(c *Config) { c.PresenterKeys = bad }, "--presenter-keys: " + bad + ":1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(t)
			tc.change(&cfg)
			if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}
