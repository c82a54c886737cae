package serve

import (
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// MaxStartups start:rate:full: everyone below start, nobody at full, and
// in between a share refused that grows from rate% to 100%.
func TestStartupsRefuse(t *testing.T) {
	t.Parallel()
	s := Startups{Start: 10, Rate: 30, Full: 20}
	for _, tc := range []struct {
		handshaking, chance int
		refused             bool
	}{
		{0, 0, false}, {9, 0, false},
		{10, 29, true}, {10, 30, false}, // at start: 30% refused
		{15, 64, true}, {15, 65, false}, // half way: 30 + 70/2 = 65%
		{19, 92, true}, {19, 93, false},
		{20, 99, true}, {500, 99, true}, // full
	} {
		got := s.refuse(tc.handshaking, func() int { return tc.chance }) != ""
		if got != tc.refused {
			t.Errorf("%d handshaking, chance %d: refused = %v, want %v", tc.handshaking, tc.chance, got, tc.refused)
		}
	}
}

func testAdmission(now *time.Time) *admission {
	cfg := Defaults()
	cfg.PerSourceMaxStartups = 3
	cfg.MaxStartups = Startups{Start: 5, Rate: 100, Full: 5}
	cfg.PenaltyExempt.Set("192.0.2.0/24")
	a := newAdmission(cfg)
	a.now = func() time.Time { return *now }
	return a
}

func src(ip string) netip.Prefix { return netip.PrefixFrom(netip.MustParseAddr(ip), 32) }

// A source's unauthenticated connections are capped; once they
// authenticate or close, they no longer count.
func TestAdmissionPerSourceCap(t *testing.T) {
	t.Parallel()
	now := time.Now()
	a := testAdmission(&now)
	room, other := src("10.0.0.1"), src("10.0.0.2")
	for i := range 3 {
		if why := a.admit(room); why != "" {
			t.Fatalf("connection %d from the room refused: %s", i+1, why)
		}
	}
	if why := a.admit(room); why != refusedSource {
		t.Fatalf("a 4th unauthenticated connection from one source: %q, want %q", why, refusedSource)
	}
	if why := a.admit(other); why != "" {
		t.Fatalf("another source refused for the room's: %s", why)
	}
	a.leave(room) // one authenticated
	if why := a.admit(room); why != "" {
		t.Fatalf("a place freed by an authenticated connection was not given: %s", why)
	}
	a.admit(other)
	if why := a.admit(other); why != refusedStartFull {
		t.Fatalf("a 6th connection with start=full=5: %q, want %q", why, refusedStartFull)
	}
}

// Penalties as sshd's: each failure adds its time, a source is refused
// once its total passes min, never beyond max, and it is let in again
// when the time has run out. Exempt addresses are never penalised.
func TestAdmissionPenalties(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 9, 22, 9, 0, 0, 0, time.UTC)
	a := testAdmission(&now)
	room := src("10.0.0.1")
	// sshd's defaults: noauth 1s, authfail 5s, grace 20s, min 15s, max 10m.
	for i := range 15 {
		if a.penalise(room, noAuth) {
			t.Fatalf("penalty active after %d aborted handshakes (1s each, min 15s)", i+1)
		}
	}
	if !a.penalise(room, noAuth) {
		t.Fatal("16 aborted handshakes (16s) did not activate the penalty")
	}
	if why := a.admit(room); why != refusedPenalty {
		t.Fatalf("a penalised source: %q, want %q", why, refusedPenalty)
	}
	if why := a.admit(src("10.0.0.2")); why != "" {
		t.Fatalf("another source refused for one's penalty: %s", why)
	}
	now = now.Add(17 * time.Second)
	if why := a.admit(room); why != "" {
		t.Fatalf("the penalty did not run out: %s", why)
	}
	a.leave(room)

	for range 1000 {
		a.penalise(room, graceExceeded)
	}
	now = now.Add(10*time.Minute - time.Second)
	if why := a.admit(room); why != refusedPenalty {
		t.Fatalf("just under max (10m) after a long flood: %q, want %q", why, refusedPenalty)
	}
	now = now.Add(2 * time.Second)
	if why := a.admit(room); why != "" {
		t.Fatalf("a penalty outlived max: %s", why)
	}
	a.leave(room)

	venue := src("192.0.2.7")
	for range 100 {
		if a.penalise(venue, authFailed) {
			t.Fatal("an exempt address was penalised")
		}
	}
	if why := a.admit(venue); why != "" {
		t.Fatalf("an exempt address refused: %s", why)
	}
}

// The penalty table is bounded: a flood from many addresses does not
// grow it past max-sources.
func TestAdmissionPenaltyTableBounded(t *testing.T) {
	t.Parallel()
	now := time.Now()
	a := testAdmission(&now)
	a.penalties.MaxSources = 100
	for i := range 1000 {
		a.penalise(src(netip.AddrFrom4([4]byte{10, 1, byte(i >> 8), byte(i)}).String()), authFailed)
	}
	if _, n := a.state(); n > 100 {
		t.Fatalf("%d sources remembered, want at most 100", n)
	}
}

func TestSourceOf(t *testing.T) {
	t.Parallel()
	a := newAdmission(Defaults())
	a.netblock = Netblock{IPv4: 24, IPv6: 64}
	for addr, want := range map[string]string{
		"10.1.2.3:5000":                "10.1.2.0/24",
		"[::ffff:10.1.2.3]:5000":       "10.1.2.0/24",
		"[2001:db8:1:2:3:4:5:6]:22000": "2001:db8:1:2::/64",
	} {
		tcp, err := net.ResolveTCPAddr("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.sourceOf(tcp).String(); got != want {
			t.Errorf("source of %s = %s, want %s", addr, got, want)
		}
	}
}

// The flags read sshd_config's own forms.
func TestLimitFlags(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    interface{ Set(string) error }
		in   string
		want string // String() after Set; "" when Set must fail
	}{
		{&Startups{}, "10:30:100", "10:30:100"},
		{&Startups{}, "64", "64"},
		{&Startups{}, "100:30:10", ""},
		{&Startups{}, "10:130:100", ""},
		{&Startups{}, "many", ""},
		{&Penalties{}, "no", "no"},
		{&Penalties{}, "authfail:1m noauth:2 max-sources:10", "authfail:1m0s noauth:2s grace-exceeded:20s min:15s max:10m0s max-sources:10"},
		{&Penalties{}, "crash:90", ""},
		{&Penalties{}, "authfail", ""},
		{&Penalties{}, "authfail:soon", ""},
		{&Netblock{}, "24:64", "24:64"},
		{&Netblock{}, "33", ""},
		{&Prefixes{}, "192.0.2.1, 2001:db8::/32", "192.0.2.1/32,2001:db8::/32"},
		{&Prefixes{}, "10.0.0.0/33", ""},
	} {
		err := tc.v.Set(tc.in)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%T.Set(%q) took it, want an error", tc.v, tc.in)
		case tc.want != "" && err != nil:
			t.Errorf("%T.Set(%q): %v", tc.v, tc.in, err)
		case tc.want != "" && tc.v.(interface{ String() string }).String() != tc.want:
			t.Errorf("%T.Set(%q) = %s, want %s", tc.v, tc.in, tc.v.(interface{ String() string }).String(), tc.want)
		case err != nil && !strings.Contains(err.Error(), "want") && !strings.Contains(err.Error(), strings.Fields(tc.in)[0]):
			t.Errorf("%T.Set(%q): error %q says neither what was wrong nor what is wanted", tc.v, tc.in, err)
		}
	}
}
