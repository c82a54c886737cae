package serve

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestHostKeyKeptAcrossStarts(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	cfg.HostKey = filepath.Join(t.TempDir(), "new", "dir", "host_ed25519")

	first, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	second, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !first.HostKeyCreated || second.HostKeyCreated {
		t.Errorf("HostKeyCreated = %v then %v, want true then false", first.HostKeyCreated, second.HostKeyCreated)
	}
	if first.Fingerprint == "" || first.Fingerprint != second.Fingerprint {
		t.Errorf("fingerprints %q and %q, want the same key on both starts", first.Fingerprint, second.Fingerprint)
	}
	if !strings.HasPrefix(first.Fingerprint, "SHA256:") {
		t.Errorf("fingerprint %q, want the SHA256 form ssh shows", first.Fingerprint)
	}
	if first.HostKeyPath() != cfg.HostKey {
		t.Errorf("HostKeyPath %q, want %q", first.HostKeyPath(), cfg.HostKey)
	}

	if runtime.GOOS == "windows" {
		return
	}
	for path, want := range map[string]os.FileMode{
		cfg.HostKey:                             0o600,
		filepath.Dir(cfg.HostKey):               0o700,
		filepath.Dir(filepath.Dir(cfg.HostKey)): 0o700,
	} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s: mode %04o, want %04o", path, got, want)
		}
	}
}

func TestHostKeyDefaultPath(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the default path follows XDG_DATA_HOME on other systems")
	}
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	cfg := testConfig(t)
	cfg.HostKey = ""
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "kmdash", "host_ed25519"); srv.HostKeyPath() != want {
		t.Errorf("HostKeyPath %q, want %q", srv.HostKeyPath(), want)
	}
	if _, err := os.Stat(srv.HostKeyPath()); err != nil {
		t.Errorf("no key at the default path: %v", err)
	}
}

func TestHostKeyRefused(t *testing.T) {
	t.Parallel()
	// A valid key to spoil.
	cfg := testConfig(t)
	if _, err := New(cfg); err != nil {
		t.Fatal(err)
	}
	valid, err := os.ReadFile(cfg.HostKey)
	if err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name     string
		contents []byte
		mode     os.FileMode
		want     []string // in the error
		unixOnly bool
	}{
		{"readable by others", valid, 0o644, []string{"chmod 600", "0644"}, true},
		{"readable by the group", valid, 0o640, []string{"chmod 600"}, true},
		{"not a key", []byte("this is not a key\n"), 0o600, nil, false},
		{"empty", nil, 0o600, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.unixOnly && runtime.GOOS == "windows" {
				t.Skip("file modes are not checked on Windows")
			}
			cfg := testConfig(t)
			if err := os.WriteFile(cfg.HostKey, tc.contents, tc.mode); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(cfg.HostKey, tc.mode); err != nil { // past the umask
				t.Fatal(err)
			}
			srv, err := New(cfg)
			if err == nil {
				t.Fatalf("New accepted the key file (fingerprint %s)", srv.Fingerprint)
			}
			for _, want := range append([]string{cfg.HostKey}, tc.want...) {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q, want it to contain %q", err, want)
				}
			}
			// The file is left as it was.
			if got, _ := os.ReadFile(cfg.HostKey); string(got) != string(tc.contents) {
				t.Error("New changed the refused key file")
			}
		})
	}
}

// A --host-key that does not exist is refused, not silently made into a
// new identity; --new-host-key makes it deliberately.
func TestHostKeyMissingRefusedUnlessAsked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		name, path string
		want       string
	}{
		{"directory missing", filepath.Join(dir, "typo", "host_ed25519"), "directory " + filepath.Join(dir, "typo") + " does not exist"},
		{"file missing", filepath.Join(dir, "host_ed25519"), "does not exist"},
	} {
		cfg := testConfig(t)
		cfg.HostKey, cfg.NewHostKey = tc.path, false
		if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "--new-host-key") {
			t.Errorf("%s: New: %v, want an error saying %q and offering --new-host-key", tc.name, err, tc.want)
		}
		if _, err := os.Stat(tc.path); err == nil {
			t.Errorf("%s: a key was made at %s without --new-host-key", tc.name, tc.path)
		}
		cfg.NewHostKey = true
		srv, err := New(cfg)
		if err != nil {
			t.Fatalf("%s: with --new-host-key: %v", tc.name, err)
		}
		if !srv.HostKeyCreated {
			t.Errorf("%s: with --new-host-key the key was not reported as created", tc.name)
		}
	}
}
