package serve

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/kmdash/kmdash/ui"
)

// keyList is the keys of an authorized_keys file, each with what its
// lines allow.
type keyList map[string][]grant

// grant is one line of a key file: who it names (its comment) and the
// options that limit it. Options kmdash cannot honour are refused when
// the file is read, never ignored.
type grant struct {
	name    string
	from    []string  // from="…": the addresses the key may connect from
	expires time.Time // expiry-time="…"; zero: never
}

// Options that only take away what kmdash never gives (forwarding of
// every kind, ~/.ssh/rc), or give the terminal it always gives: they
// hold without anything to do.
var alreadyTrue = map[string]bool{
	"restrict": true, "no-agent-forwarding": true, "no-port-forwarding": true,
	"no-x11-forwarding": true, "no-user-rc": true, "pty": true,
	"permitopen": true, "permitlisten": true,
}

// readKeys reads an OpenSSH authorized_keys file. A line that is not a
// key, or that carries an option kmdash does not honour, is an error
// naming it, so a typo never silently locks someone out or lets someone
// in more widely than the file says.
func readKeys(file string) (keyList, error) {
	b, err := os.ReadFile(file)
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
		key, comment, options, _, err := gossh.ParseAuthorizedKey(text)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key: %v", file, line, err)
		}
		g, err := parseGrant(options)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, line, err)
		}
		g.name = safeName(strings.TrimSpace(comment))
		k := string(key.Marshal())
		keys[k] = append(keys[k], g)
	}
	return keys, sc.Err()
}

func parseGrant(options []string) (grant, error) {
	var g grant
	for _, opt := range options {
		name, value, hasValue := strings.Cut(opt, "=")
		name = strings.ToLower(name)
		value = strings.Trim(value, `"`)
		switch {
		case name == "from" && hasValue:
			g.from = strings.Split(value, ",")
			for _, p := range g.from {
				if strings.TrimPrefix(p, "!") == "" {
					return g, fmt.Errorf("from=%q: an empty pattern", value)
				}
			}
		case name == "expiry-time" && hasValue:
			t, err := parseExpiry(value)
			if err != nil {
				return g, err
			}
			g.expires = t
		case alreadyTrue[name]:
		default:
			return g, fmt.Errorf("key option %s is not supported by kmdash serve; remove it (from= and expiry-time= are honoured)", name)
		}
	}
	return g, nil
}

// parseExpiry reads expiry-time's YYYYMMDD[HHMM[SS]], in local time
// unless it ends in Z, as sshd does.
func parseExpiry(v string) (time.Time, error) {
	loc := time.Local
	if s, ok := strings.CutSuffix(v, "Z"); ok {
		v, loc = s, time.UTC
	}
	for _, layout := range []string{"20060102", "200601021504", "20060102150405"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, loc); err == nil {
				return t, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("expiry-time=%q: want YYYYMMDD[HHMM[SS]][Z]", v)
}

// allows says whether the line lets key in from addr at now, as sshd
// reads from=: a negated pattern that matches refuses, else any pattern
// that matches allows. Patterns are addresses with * and ?, or CIDR
// blocks; host names never match, as with sshd's default UseDNS no.
func (g grant) allows(addr net.Addr, now time.Time) bool {
	if !g.expires.IsZero() && !now.Before(g.expires) {
		return false
	}
	if g.from == nil {
		return true
	}
	ip := remoteIP(addr)
	allowed := false
	for _, p := range g.from {
		neg := strings.HasPrefix(p, "!")
		if matchAddress(strings.TrimPrefix(p, "!"), ip) {
			if neg {
				return false
			}
			allowed = true
		}
	}
	return allowed
}

func matchAddress(pattern string, ip netip.Addr) bool {
	if !ip.IsValid() {
		return false
	}
	if strings.Contains(pattern, "/") {
		block, err := netip.ParsePrefix(pattern)
		return err == nil && block.Contains(ip)
	}
	ok, _ := path.Match(pattern, ip.String())
	return ok
}

func remoteIP(addr net.Addr) netip.Addr {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

// find is the first line of key that lets it in, if any.
func (k keyList) find(key gossh.PublicKey, addr net.Addr, now time.Time) (grant, bool) {
	for _, g := range k[string(key.Marshal())] {
		if g.allows(addr, now) {
			return g, true
		}
	}
	return grant{}, false
}

// access decides who may connect and who presents.
type access struct {
	authorized keyList // nil: anyone may connect
	presenters keyList
}

// role is what a key may do from addr: presenters always get in and
// drive; with presenters configured everyone else follows them, without
// any each session is on its own. name is a presenter's, from their
// key's comment.
func (a access) role(key gossh.PublicKey, addr net.Addr, now time.Time) (role ui.Role, name string, ok bool) {
	if g, ok := a.presenters.find(key, addr, now); ok {
		return ui.Presenter, g.name, true
	}
	if a.authorized != nil {
		if _, ok := a.authorized.find(key, addr, now); !ok {
			return ui.Alone, "", false
		}
	}
	if len(a.presenters) > 0 {
		return ui.Viewer, "", true
	}
	return ui.Alone, "", true
}

// keylessRole is the role of a client that signed in without a key:
// it can never present, so it follows when there are presenters.
func (a access) keylessRole() ui.Role {
	if len(a.presenters) > 0 {
		return ui.Viewer
	}
	return ui.Alone
}

// allows is asked for every key a client offers.
func (a access) allows(key gossh.PublicKey, addr net.Addr, now time.Time) bool {
	_, _, ok := a.role(key, addr, now)
	return ok
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
