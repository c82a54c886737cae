package serve

import (
	"bytes"
	"io"
	"sync"
	"time"
)

// inputPump reads a session's input, passes keys on to the program's
// input and the background answer to whoever waits for it. Bytes that may
// be the start of an answer are held only briefly: a lone Esc key must
// not wait for the next key press.
//
// The pump never waits on the program. A person types a few keys a
// second and the dashboard keeps up; input that comes faster than the
// program takes it (garbage, a paste without brackets) is dropped once
// maxBacklog bytes wait, so the session answers keys again soon after,
// instead of working through megabytes of them a frame each.
type inputPump struct {
	background chan bool  // dark; closed without a value if no answer
	Input      *keyBuffer // what the program reads

	mu       sync.Mutex // the filter, the guard, and the order of keys
	filter   replyFilter
	paste    pasteGuard
	answered bool
	hold     *time.Timer // releases held bytes
	quiet    *time.Timer // ends a paste that stopped short of its end
	dropped  int         // bytes of input dropped
}

const escHold = 40 * time.Millisecond

// Bounds on what a session's input may hold up.
const (
	maxBacklog = 128         // bytes of keys waiting for the program
	maxPaste   = 4 << 10     // bytes of one bracketed paste passed on
	pasteQuiet = time.Second // a paste without its end marker ends after this pause
	readSize   = 256         // keys are a few bytes; a paste takes several reads
)

// startPump starts the one goroutine that reads the session; it ends when
// the session's input ends or the program stops reading.
func startPump(src io.Reader) *inputPump {
	p := &inputPump{background: make(chan bool, 1), Input: newKeyBuffer()}
	p.hold = time.AfterFunc(time.Hour, p.release)
	p.hold.Stop()
	p.quiet = time.AfterFunc(time.Hour, p.endPaste)
	p.quiet.Stop()
	go p.run(src)
	return p
}

// stop ends the pump once the program no longer reads.
func (p *inputPump) stop() {
	p.hold.Stop()
	p.quiet.Stop()
	p.Input.Close()
}

func (p *inputPump) run(src io.Reader) {
	defer func() {
		p.mu.Lock()
		p.answer(false, false)
		p.mu.Unlock()
		p.Input.Close()
	}()
	buf := make([]byte, readSize)
	for {
		n, err := src.Read(buf)
		if n > 0 && !p.take(buf[:n]) {
			return
		}
		if err != nil {
			p.release()
			p.endPaste()
			return
		}
	}
}

// take filters one chunk of input and passes its keys on; false once
// the program no longer reads.
func (p *inputPump) take(chunk []byte) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.Input.backlog() >= maxBacklog && !p.paste.open() {
		// A paste is never dropped from: the guard bounds it, and the
		// program must see its end.
		p.dropped += len(chunk)
		return !p.Input.closed()
	}
	keys, replies := p.filter.feed(chunk)
	for _, r := range replies {
		if r.da1 {
			p.answer(false, false)
		} else {
			p.answer(darkBackground(r.background))
		}
	}
	if len(p.filter.pending) > 0 {
		p.hold.Reset(escHold)
	}
	return p.write(keys)
}

// release passes on held bytes that did not become an answer in time.
func (p *inputPump) release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.write(p.filter.flush())
}

// endPaste ends a paste whose end marker has not come.
func (p *inputPump) endPaste() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.Input.write(p.paste.end())
}

// answer reports the first answer, or that none will come; p.mu is held.
func (p *inputPump) answer(dark, ok bool) {
	if p.answered {
		return
	}
	p.answered = true
	if ok {
		p.background <- dark
	}
	close(p.background)
}

// write passes keys to the program; p.mu is held, so keys keep their order.
func (p *inputPump) write(b []byte) bool {
	if len(b) == 0 {
		return !p.Input.closed()
	}
	b = p.paste.pass(b)
	if p.paste.open() {
		p.quiet.Reset(pasteQuiet)
	}
	return p.Input.write(b)
}

// droppedBytes is how much input was dropped for coming too fast.
func (p *inputPump) droppedBytes() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.dropped
}

// keyBuffer is the program's input: keys waiting to be read. Writing
// never blocks; the pump bounds how much waits.
type keyBuffer struct {
	mu   sync.Mutex
	cond sync.Cond
	buf  []byte
	done bool
}

func newKeyBuffer() *keyBuffer {
	b := &keyBuffer{}
	b.cond.L = &b.mu
	return b
}

// Read waits for keys; after Close it returns what is left, then EOF.
func (b *keyBuffer) Read(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for len(b.buf) == 0 && !b.done {
		b.cond.Wait()
	}
	if len(b.buf) == 0 {
		return 0, io.EOF
	}
	n := copy(p, b.buf)
	b.buf = b.buf[:copy(b.buf, b.buf[n:])]
	return n, nil
}

// write adds keys; false once closed.
func (b *keyBuffer) write(p []byte) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return false
	}
	if len(p) > 0 {
		b.buf = append(b.buf, p...)
		b.cond.Signal()
	}
	return true
}

func (b *keyBuffer) backlog() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.buf)
}

func (b *keyBuffer) closed() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.done
}

func (b *keyBuffer) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.done = true
	b.cond.Broadcast()
	return nil
}

// The markers around a bracketed paste.
const (
	pasteStart = "\x1b[200~"
	pasteEnd   = "\x1b[201~"
)

// pasteGuard bounds bracketed pastes. bubbletea holds a paste until its
// end marker, copying all of it again on every read: a paste of a
// megabyte costs it seconds, and a start marker that no end follows
// makes it keep every later byte, without limit, and take no more keys.
// The guard passes on at most maxPaste bytes of a paste, ends it there
// itself and drops the rest up to the real end marker; a paste whose
// input stops short of its end is ended after pasteQuiet.
type pasteGuard struct {
	in      bool // inside a paste
	cut     bool // its end has been sent; dropping up to the real one
	n       int  // bytes of the paste passed on
	matched int  // bytes of the marker looked for seen so far
}

func (g *pasteGuard) open() bool { return g.in }

// pass returns what of b goes on to the program.
func (g *pasteGuard) pass(b []byte) []byte {
	if !g.in && g.matched == 0 && bytes.IndexByte(b, 0x1b) < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+len(pasteEnd))
	for _, c := range b {
		switch {
		case !g.in:
			out = append(out, c)
			if g.match(pasteStart, c) {
				g.in, g.cut, g.n = true, false, 0
			}
		case g.cut:
			if g.match(pasteEnd, c) {
				g.in = false
			}
		default:
			out = append(out, c)
			g.n++
			if g.match(pasteEnd, c) {
				g.in = false
			} else if g.n >= maxPaste {
				out = append(out, pasteEnd...)
				g.cut = true
			}
		}
	}
	return out
}

// end ends a paste that is still open and returns what the program
// needs to see of it.
func (g *pasteGuard) end() []byte {
	if !g.in {
		return nil
	}
	cut := g.cut
	g.in, g.cut, g.matched = false, false, 0
	if cut {
		return nil
	}
	return []byte(pasteEnd)
}

// match takes one more byte in the search for marker and reports whether
// it completes it. Each marker's only Esc is its first byte, so a byte
// that does not continue a match can only start a new one.
func (g *pasteGuard) match(marker string, c byte) bool {
	switch {
	case c == marker[g.matched]:
		g.matched++
	case c == marker[0]:
		g.matched = 1
	default:
		g.matched = 0
	}
	if g.matched == len(marker) {
		g.matched = 0
		return true
	}
	return false
}

// waitBackground waits up to timeout for the terminal's answer; a
// terminal that does not answer is taken as dark, the common case.
func (p *inputPump) waitBackground(timeout time.Duration) (dark, answered bool) {
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case dark, ok := <-p.background:
		if ok {
			return dark, true
		}
		return true, false
	case <-t.C:
		return true, false
	}
}
