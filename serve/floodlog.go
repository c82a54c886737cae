package serve

import (
	"log/slog"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// floodLog writes what connections that never authenticated did, so
// that a flood cannot fill the log: a source's first event is written in
// full, then one line per interval says how many more came while they
// keep coming.
type floodLog struct {
	log   *slog.Logger
	every time.Duration

	mu      sync.Mutex
	sources map[netip.Prefix]*floodCount
	stopped bool
}

type floodCount struct {
	n     int
	last  string // the latest event and its detail
	timer *time.Timer
}

const (
	floodInterval = 10 * time.Second
	// Sources tracked at once; beyond them, events are counted under
	// one entry for "other sources".
	floodSources = 4096
)

func newFloodLog(log *slog.Logger, every time.Duration) *floodLog {
	return &floodLog{log: log, every: every, sources: map[netip.Prefix]*floodCount{}}
}

// note logs one event of a source, or counts it for the summary.
func (f *floodLog) note(src netip.Prefix, event, remote, detail string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopped {
		return
	}
	if _, ok := f.sources[src]; !ok && len(f.sources) >= floodSources {
		src = netip.Prefix{} // other sources
	}
	if c := f.sources[src]; c != nil {
		c.n++
		c.last = event + ": " + detail
		return
	}
	f.log.Warn(event, "remote", remote, "reason", detail)
	c := &floodCount{}
	c.timer = time.AfterFunc(f.every, func() { f.flush(src, c) })
	f.sources[src] = c
}

// flush writes a source's summary; the source is forgotten once an
// interval passes without events.
func (f *floodLog) flush(src netip.Prefix, c *floodCount) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if c.n == 0 || f.stopped {
		delete(f.sources, src)
		return
	}
	name := "other sources"
	if src.IsValid() {
		name = src.String()
	}
	f.log.Warn("more from source", "source", name, "count", c.n, "within", f.every, "last", c.last)
	c.n = 0
	c.timer.Reset(f.every)
}

// stop writes nothing more; pending summaries are dropped with it.
func (f *floodLog) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stopped = true
	for src, c := range f.sources {
		c.timer.Stop()
		delete(f.sources, src)
	}
}

// maxName bounds a client-chosen name in logs and on screens.
const maxName = 64

// safeName is a client-chosen string (a user name, a TERM, a subsystem)
// as it may appear in a log: control characters escaped, invalid UTF-8
// replaced, and cut to maxName bytes.
func safeName(s string) string {
	cut := len(s) > maxName
	if cut {
		s = s[:maxName]
		// Do not leave half a character at the end.
		for len(s) > maxName-utf8.UTFMax && !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	q := strconv.QuoteToGraphic(strings.ToValidUTF8(s, "\uFFFD"))
	q = q[1 : len(q)-1] // the escapes without Go's quotes; slog quotes what needs it
	if cut {
		q += "…"
	}
	return q
}
