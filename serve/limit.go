package serve

import (
	"net"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// ipLimiter allows each remote address a burst of connections, then a
// steady rate. It remembers a bounded number of addresses, so a flood
// from many addresses cannot grow it without limit.
type ipLimiter struct {
	rate  rate.Limit
	burst int
	seen  *lru.Cache[string, *rate.Limiter]
}

const limiterAddresses = 4096

func newIPLimiter(perSecond float64, burst int) *ipLimiter {
	cache, _ := lru.New[string, *rate.Limiter](limiterAddresses)
	return &ipLimiter{rate: rate.Limit(perSecond), burst: burst, seen: cache}
}

func (l *ipLimiter) allow(addr net.Addr) bool {
	if l.rate <= 0 {
		return true
	}
	host := addr.String()
	if tcp, ok := addr.(*net.TCPAddr); ok {
		host = tcp.IP.String()
	}
	lim := rate.NewLimiter(l.rate, l.burst)
	if known, ok, _ := l.seen.PeekOrAdd(host, lim); ok {
		lim = known
	}
	return lim.Allow()
}
