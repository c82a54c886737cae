package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/ui"
)

func TestAccessRole(t *testing.T) {
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
			role, ok := tc.access.role(tc.key.PublicKey())
			if role != tc.role || ok != tc.ok {
				t.Errorf("role = %s, %v; want %s, %v", roleName(role), ok, roleName(tc.role), tc.ok)
			}
		})
	}
}

func TestReadKeys(t *testing.T) {
	a, b := newKey(t), newKey(t)
	line := func(k gossh.Signer) string {
		return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k.PublicKey())))
	}

	t.Run("comments, blanks and options", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "keys")
		text := "# people who may watch\n\n   \n" + line(a) + " alice@laptop\n" + `no-pty,command="x" ` + line(b) + "\n"
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		keys, err := readKeys(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 2 || !keys.has(a.PublicKey()) || !keys.has(b.PublicKey()) {
			t.Errorf("read %d keys, want both a and b", len(keys))
		}
		if keys.has(newKey(t).PublicKey()) {
			t.Error("a key not in the file is listed")
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

func TestNewRefusesBadConfig(t *testing.T) {
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
