package serve

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"

	gossh "golang.org/x/crypto/ssh"
)

// DefaultHostKeyPath is where the server keeps its identity when no
// --host-key is given: the user's data directory, so that the key, and
// with it what clients have in known_hosts, survives restarts.
func DefaultHostKeyPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("LOCALAPPDATA")
	case "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", fmt.Errorf("no home directory for the host key; give --host-key: %w", err)
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	if dir == "" {
		return "", errors.New("no data directory for the host key; give --host-key")
	}
	return filepath.Join(dir, "kmdash", "host_ed25519"), nil
}

// hostKey reads the server's ed25519 host key, or creates it: at the
// default path on first start, or at --host-key with --new-host-key. A
// --host-key that does not exist is refused, not created: it is more
// likely a typo than a wish for a new identity, and a new identity makes
// every client that knew the old one warn of an attack.
func (s *Server) hostKey() (gossh.Signer, error) {
	path, create := s.cfg.HostKey, s.cfg.NewHostKey
	if path == "" {
		p, err := DefaultHostKeyPath()
		if err != nil {
			return nil, err
		}
		path, create = p, true
		s.cfg.HostKey = p
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) && !create {
		if _, err := os.Stat(filepath.Dir(path)); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("host key %s: directory %s does not exist; check the path, or add --new-host-key to create a new key there",
				path, filepath.Dir(path))
		}
		return nil, fmt.Errorf("host key %s does not exist; check the path, or add --new-host-key to create a new key", path)
	}
	signer, created, err := hostKey(path, create)
	s.HostKeyCreated = created
	return signer, err
}

// hostKey reads the ed25519 host key at path, creating it if create is
// set and the file does not exist yet. The key is the server's identity,
// so it is written readable by its owner only, and a key file others can
// read is refused rather than used.
func hostKey(path string, create bool) (signer gossh.Signer, created bool, err error) {
	pemBytes, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && create {
		pemBytes, err = newHostKey(path)
		created = err == nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	if runtime.GOOS != "windows" {
		info, err := os.Stat(path)
		if err != nil {
			return nil, false, fmt.Errorf("host key %s: %w", path, err)
		}
		if info.Mode().Perm()&0o077 != 0 {
			return nil, false, fmt.Errorf("host key %s: mode %04o lets others read it; run chmod 600 on it", path, info.Mode().Perm())
		}
	}
	signer, err = gossh.ParsePrivateKey(pemBytes)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

func newHostKey(path string) ([]byte, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "kmdash host key")
	if err != nil {
		return nil, err
	}
	pemBytes := pem.EncodeToMemory(block)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	// O_EXCL: two servers starting at once must not overwrite each other's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	if _, err := f.Write(pemBytes); err != nil {
		f.Close()
		os.Remove(path)
		return nil, err
	}
	return pemBytes, f.Close()
}
