package serve

import (
	"math/rand/v2"
	"net"
	"net/netip"
	"sync"
	"time"
)

// admission decides, as sshd does, which TCP connections may begin an
// SSH handshake. It counts connections that have not authenticated yet
// (sshd's MaxStartups and PerSourceMaxStartups) and keeps a penalty per
// source for connections that failed (PerSourcePenalties). Nothing a
// source does after it authenticates counts against it, so a room behind
// one address is limited only by what its own failures cost it.
type admission struct {
	startups  Startups
	perSource int
	penalties Penalties
	netblock  Netblock
	exempt    []netip.Prefix
	now       func() time.Time
	chance    func() int // 0–99, for the random early refusals

	mu          sync.Mutex
	handshaking int
	bySource    map[netip.Prefix]int // handshaking connections per source
	penalised   map[netip.Prefix]*penalty
}

// penalty is a source's accumulated time of refusal. It is enforced only
// once it is longer than Penalties.Min, so a rare failure costs nothing.
type penalty struct {
	until  time.Time
	active bool
	reason failure
}

// failure is how a connection ended without authenticating.
type failure int

const (
	noAuth        failure = iota // closed without trying to authenticate
	authFailed                   // tried, and failed
	graceExceeded                // did not authenticate in --login-grace-time
)

func (f failure) String() string {
	return [...]string{"closed without authenticating", "failed to authenticate",
		"did not authenticate in time"}[f]
}

// Why a connection was refused before its handshake.
const (
	refusedPenalty   = "source penalised for failed connections"
	refusedSource    = "too many unauthenticated connections from this source"
	refusedStartups  = "too many unauthenticated connections (random early refusal)"
	refusedStartFull = "too many unauthenticated connections"
)

func newAdmission(cfg Config) *admission {
	return &admission{
		startups:  cfg.MaxStartups,
		perSource: cfg.PerSourceMaxStartups,
		penalties: cfg.PerSourcePenalties,
		netblock:  cfg.PerSourceNetblock,
		exempt:    cfg.PenaltyExempt,
		now:       time.Now,
		chance:    func() int { return rand.IntN(100) },
		bySource:  map[netip.Prefix]int{},
		penalised: map[netip.Prefix]*penalty{},
	}
}

// sourceOf is the address block a remote address is counted in.
func (a *admission) sourceOf(addr net.Addr) netip.Prefix {
	ap, err := netip.ParseAddrPort(addr.String())
	if err != nil {
		return netip.Prefix{}
	}
	ip := ap.Addr().Unmap()
	bits := a.netblock.IPv4
	if ip.Is6() {
		bits = a.netblock.IPv6
	}
	p, _ := ip.Prefix(bits)
	return p
}

// admit counts a new connection in, or says why it is refused.
func (a *admission) admit(src netip.Prefix) (refusal string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	if p := a.penalised[src]; p != nil {
		if !p.until.After(now) {
			delete(a.penalised, src)
		} else if p.active {
			return refusedPenalty
		}
	}
	if a.perSource > 0 && a.bySource[src] >= a.perSource {
		return refusedSource
	}
	if why := a.startups.refuse(a.handshaking, a.chance); why != "" {
		return why
	}
	a.handshaking++
	a.bySource[src]++
	return ""
}

// refuse applies MaxStartups start:rate:full to n connections already
// handshaking: below start every connection is let in, from start on a
// share of them is refused that grows from rate% to 100% at full.
func (s Startups) refuse(n int, chance func() int) string {
	switch {
	case n >= s.Full:
		return refusedStartFull
	case n < s.Start:
		return ""
	}
	p := s.Rate + (100-s.Rate)*(n-s.Start)/(s.Full-s.Start)
	if chance() < p {
		return refusedStartups
	}
	return ""
}

// leave counts a connection out once it has authenticated or closed.
func (a *admission) leave(src netip.Prefix) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.handshaking--
	if a.bySource[src]--; a.bySource[src] <= 0 {
		delete(a.bySource, src)
	}
}

// penalise adds a failure's penalty to its source; it reports whether
// that made the source's penalty active (refused from now on).
func (a *admission) penalise(src netip.Prefix, why failure) (activated bool) {
	d := a.penalties.of(why)
	if d <= 0 || !src.IsValid() || a.exempts(src) {
		return false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	p := a.penalised[src]
	if p == nil || !p.until.After(now) {
		if len(a.penalised) >= a.penalties.MaxSources {
			a.forgetSome(now)
		}
		p = &penalty{until: now}
		a.penalised[src] = p
	}
	p.until = p.until.Add(d)
	if p.until.Sub(now) > a.penalties.Max {
		p.until = now.Add(a.penalties.Max)
	}
	p.reason = why
	if !p.active && p.until.Sub(now) > a.penalties.Min {
		p.active = true
		return true
	}
	return false
}

// forgetSome makes room in a full penalty table: expired entries go
// first; failing those, the soonest to expire of a few taken at random
// (map order is random), as sshd drops its soonest-to-expire ones.
// a.mu is held.
func (a *admission) forgetSome(now time.Time) {
	var soonest netip.Prefix
	var soonestAt time.Time
	seen := 0
	for src, p := range a.penalised {
		if !p.until.After(now) {
			delete(a.penalised, src)
			return
		}
		if seen == 0 || p.until.Before(soonestAt) {
			soonest, soonestAt = src, p.until
		}
		if seen++; seen == 8 {
			break
		}
	}
	delete(a.penalised, soonest)
}

func (a *admission) exempts(src netip.Prefix) bool {
	for _, e := range a.exempt {
		if e.Overlaps(src) && e.Bits() <= src.Bits() {
			return true
		}
	}
	return false
}

// state is what admission holds now, for tests and logs.
func (a *admission) state() (handshaking, penalised int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.handshaking, len(a.penalised)
}
