package serve

import (
	"bufio"
	"bytes"
	"fmt"
	"os"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/ui"
)

// keyList is a set of public keys read from an authorized_keys file.
type keyList map[string]bool

// readKeys reads an OpenSSH authorized_keys file. A line that is not a
// key is an error naming it, so a typo never silently locks someone out.
func readKeys(path string) (keyList, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	keys := keyList{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 || text[0] == '#' {
			continue
		}
		key, _, _, _, err := gossh.ParseAuthorizedKey(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key: %v", path, line, err)
		}
		keys[string(key.Marshal())] = true
	}
	return keys, sc.Err()
}

func (k keyList) has(key ssh.PublicKey) bool { return k[string(key.Marshal())] }

// access decides who may connect and who presents.
type access struct {
	authorized keyList // nil: anyone may connect
	presenters keyList
}

// role is what a key may do: presenters always get in and drive; with
// presenters configured everyone else follows them, without any each
// session is on its own.
func (a access) role(key ssh.PublicKey) (ui.Role, bool) {
	switch {
	case a.presenters.has(key):
		return ui.Presenter, true
	case a.authorized != nil && !a.authorized.has(key):
		return ui.Alone, false
	case len(a.presenters) > 0:
		return ui.Viewer, true
	default:
		return ui.Alone, true
	}
}

func roleName(r ui.Role) string {
	switch r {
	case ui.Presenter:
		return "presenter"
	case ui.Viewer:
		return "viewer"
	}
	return "alone"
}
