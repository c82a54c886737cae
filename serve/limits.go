package serve

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// The admission limits as flags take them, in sshd_config's own forms,
// so an operator who knows sshd reads them at sight. Each type is a
// flag.Value.

// Startups is sshd's MaxStartups start:rate:full.
type Startups struct{ Start, Rate, Full int }

func (s Startups) String() string {
	if s.Start == s.Full {
		return strconv.Itoa(s.Full)
	}
	return fmt.Sprintf("%d:%d:%d", s.Start, s.Rate, s.Full)
}

// Set reads "start:rate:full", or "n" for a hard limit of n.
func (s *Startups) Set(v string) error {
	parts := strings.Split(v, ":")
	var n []int
	for _, p := range parts {
		i, err := strconv.Atoi(p)
		if err != nil || i < 0 {
			return fmt.Errorf("want start:rate:full, such as 512:30:1024, or one number")
		}
		n = append(n, i)
	}
	switch {
	case len(n) == 1 && n[0] > 0:
		*s = Startups{Start: n[0], Rate: 100, Full: n[0]}
	case len(n) == 3 && n[0] > 0 && n[0] <= n[2] && n[1] <= 100:
		*s = Startups{Start: n[0], Rate: n[1], Full: n[2]}
	default:
		return fmt.Errorf("want start:rate:full with 0 < start ≤ full and rate ≤ 100, or one number")
	}
	return nil
}

// Penalties is sshd's PerSourcePenalties: how long each kind of failure
// adds to its source's refusal, the least total that is enforced (Min),
// the most (Max), and how many sources are remembered.
type Penalties struct {
	AuthFail, NoAuth, Grace time.Duration
	Min, Max                time.Duration
	MaxSources              int
}

// DefaultPenalties are sshd's own defaults. sshd's crash penalty has no
// counterpart: nothing of kmdash's runs before authentication, and a
// session that panics after it is kmdash's fault, not its room's.
func DefaultPenalties() Penalties {
	return Penalties{AuthFail: 5 * time.Second, NoAuth: time.Second,
		Grace: 20 * time.Second, Min: 15 * time.Second, Max: 10 * time.Minute, MaxSources: 65536}
}

func (p Penalties) of(f failure) time.Duration {
	switch f {
	case noAuth:
		return p.NoAuth
	case authFailed:
		return p.AuthFail
	case graceExceeded:
		return p.Grace
	}
	return 0
}

func (p Penalties) String() string {
	if p == (Penalties{}) {
		return "no"
	}
	return fmt.Sprintf("authfail:%s noauth:%s grace-exceeded:%s min:%s max:%s max-sources:%d",
		p.AuthFail, p.NoAuth, p.Grace, p.Min, p.Max, p.MaxSources)
}

// Set reads "no", or space-separated name:value pairs that change the
// defaults; durations are Go's (90s, 10m) or plain seconds, as sshd's.
func (p *Penalties) Set(v string) error {
	if v == "no" {
		*p = Penalties{}
		return nil
	}
	if *p == (Penalties{}) {
		*p = DefaultPenalties()
	}
	for _, field := range strings.Fields(v) {
		name, val, ok := strings.Cut(field, ":")
		if !ok {
			return fmt.Errorf("%q: want name:value, such as authfail:5s", field)
		}
		if name == "max-sources" {
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return fmt.Errorf("%q: want a positive number of sources", field)
			}
			p.MaxSources = n
			continue
		}
		d, err := sshdDuration(val)
		if err != nil {
			return fmt.Errorf("%q: %v", field, err)
		}
		switch name {
		case "authfail":
			p.AuthFail = d
		case "noauth":
			p.NoAuth = d
		case "grace-exceeded":
			p.Grace = d
		case "min":
			p.Min = d
		case "max":
			p.Max = d
		default:
			return fmt.Errorf("%q: unknown penalty; known: authfail noauth grace-exceeded min max max-sources", field)
		}
	}
	return nil
}

// sshdDuration reads 90, 90s or 1m30s.
func sshdDuration(v string) (time.Duration, error) {
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a duration such as 5s or 10m", v)
	}
	return d, nil
}

// Netblock is sshd's PerSourceNetBlockSize: how many leading bits of an
// address make one source, for IPv4 and IPv6.
type Netblock struct{ IPv4, IPv6 int }

func (n Netblock) String() string { return fmt.Sprintf("%d:%d", n.IPv4, n.IPv6) }

func (n *Netblock) Set(v string) error {
	a, b, _ := strings.Cut(v, ":")
	v4, err4 := strconv.Atoi(a)
	v6, err6 := n.IPv6, error(nil)
	if b != "" {
		v6, err6 = strconv.Atoi(b)
	}
	if err4 != nil || err6 != nil || v4 < 1 || v4 > 32 || v6 < 1 || v6 > 128 {
		return fmt.Errorf("want v4bits[:v6bits], such as 32:128")
	}
	*n = Netblock{v4, v6}
	return nil
}

// Prefixes is a comma-separated list of addresses and CIDR blocks.
type Prefixes []netip.Prefix

func (p Prefixes) String() string {
	var s []string
	for _, x := range p {
		s = append(s, x.String())
	}
	return strings.Join(s, ",")
}

func (p *Prefixes) Set(v string) error {
	*p = nil
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return fmt.Errorf("%q: not an address or CIDR block", f)
			}
			*p = append(*p, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		pr, err := netip.ParsePrefix(f)
		if err != nil {
			return fmt.Errorf("%q: not an address or CIDR block", f)
		}
		*p = append(*p, pr.Masked())
	}
	return nil
}
