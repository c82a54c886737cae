package serve

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestReplyFilter(t *testing.T) {
	t.Parallel()
	osc := func(spec, end string) string { return "\x1b]11;" + spec + end }
	overlong := "\x1b]11;" + strings.Repeat("x", 70) + "\x07"
	for _, tc := range []struct {
		name    string
		in      string
		keys    string // before flush
		flushed string // what flush gives back at the end
		replies []reply
	}{
		{name: "OSC 11 with BEL", in: osc("rgb:1e1e/1e1e/1e1e", "\x07"),
			replies: []reply{{background: "rgb:1e1e/1e1e/1e1e"}}},
		{name: "OSC 11 with ESC \\", in: osc("rgb:ffff/ffff/ffff", "\x1b\\"),
			replies: []reply{{background: "rgb:ffff/ffff/ffff"}}},
		{name: "DA1", in: "\x1b[?62;22c", replies: []reply{{da1: true}}},
		{name: "DA1 without parameters", in: "\x1b[?c", replies: []reply{{da1: true}}},
		{name: "both answers", in: osc("rgb:0000/0000/0000", "\x1b\\") + "\x1b[?64;1;9c",
			replies: []reply{{background: "rgb:0000/0000/0000"}, {da1: true}}},
		{name: "plain keys", in: "3jq", keys: "3jq"},
		{name: "arrow keys", in: "\x1b[A\x1b[B", keys: "\x1b[A\x1b[B"},
		{name: "lone Esc", in: "\x1b", flushed: "\x1b"},
		{name: "key then lone Esc", in: "j\x1b", keys: "j", flushed: "\x1b"},
		{name: "Alt+] is held, then given back", in: "\x1b]", flushed: "\x1b]"},
		{name: "keys around answers",
			in:      "ab" + osc("rgb:ffff/ffff/ffff", "\x07") + "3\x1b[A" + "\x1b[?62;22c" + "q",
			keys:    "ab3\x1b[Aq",
			replies: []reply{{background: "rgb:ffff/ffff/ffff"}, {da1: true}}},
		{name: "overlong OSC is keys", in: overlong, keys: overlong},
		{name: "OSC broken by Esc is keys", in: "\x1b]11;ab\x1bXq", keys: "\x1b]11;ab\x1bXq"},
		{name: "other OSC is keys", in: "\x1b]10;rgb:0/0/0\x07", keys: "\x1b]10;rgb:0/0/0\x07"},
		{name: "CSI that is not DA1", in: "\x1b[?1;2R", keys: "\x1b[?1;2R"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(how string, chunks []string) {
				t.Helper()
				var f replyFilter
				var keys []byte
				var replies []reply
				for _, c := range chunks {
					k, r := f.feed([]byte(c))
					keys = append(keys, k...)
					replies = append(replies, r...)
				}
				flushed := f.flush()
				if string(keys) != tc.keys || string(flushed) != tc.flushed || !reflect.DeepEqual(replies, tc.replies) {
					t.Errorf("%s: keys %q, flushed %q, replies %+v; want %q, %q, %+v",
						how, keys, flushed, replies, tc.keys, tc.flushed, tc.replies)
				}
				if rest := f.flush(); len(rest) != 0 {
					t.Errorf("%s: a second flush gave %q", how, rest)
				}
			}
			check("whole", []string{tc.in})
			for i := 1; i < len(tc.in); i++ {
				check(fmt.Sprintf("split at %d", i), []string{tc.in[:i], tc.in[i:]})
			}
			var bytes []string
			for i := range len(tc.in) {
				bytes = append(bytes, tc.in[i:i+1])
			}
			check("byte by byte", bytes)
		})
	}
}

func TestDarkBackground(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		spec     string
		dark, ok bool
	}{
		{"rgb:0000/0000/0000", true, true},
		{"rgb:ffff/ffff/ffff", false, true},
		{"rgb:1e1e/1e1e/1e1e", true, true},
		{"rgb:fdfd/f6f6/e3e3", false, true}, // solarized light
		{"rgb:00/00/00", true, true},
		{"rgb:ff/ff/ff", false, true},
		{"rgb:f/f/f", false, true},
		{"rgb:fff/fff/fff", false, true},
		{"rgba:0000/0000/0000/ffff", true, true},
		{"rgba:ffff/ffff/ffff/0000", false, true},
		{"", false, false},
		{"rgb:", false, false},
		{"rgb:ffff/ffff", false, false},
		{"rgb:gggg/0000/0000", false, false},
		{"rgb:fffff/0000/0000", false, false},
		{"rgb:/0000/0000", false, false},
		{"rgb:-1/0/0", false, false},
		{"#ffffff", false, false},
	} {
		dark, ok := darkBackground(tc.spec)
		if ok != tc.ok || (ok && dark != tc.dark) {
			t.Errorf("darkBackground(%q) = %v, %v; want %v, %v", tc.spec, dark, ok, tc.dark, tc.ok)
		}
	}
}

// readWithin reads from r until want has arrived, failing after 10 s.
func readWithin(t *testing.T, r io.Reader, want string) {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var b []byte
		buf := make([]byte, 64)
		for len(b) < len(want) {
			n, err := r.Read(buf)
			b = append(b, buf[:n]...)
			if err != nil {
				break
			}
		}
		got <- string(b)
	}()
	select {
	case s := <-got:
		if s != want {
			t.Errorf("read %q, want %q", s, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("no %q within 10 s", want)
	}
}

func TestInputPump(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name           string
		answer         string // what the terminal sends first
		dark, answered bool
		keys           string // the keys in answer
	}{
		{"light answer", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62c", false, true, ""},
		{"dark answer", "\x1b]11;rgb:0000/0000/0000\x07\x1b[?62c", true, true, ""},
		{"DA1 only", "\x1b[?62;22c", true, false, ""},
		{"answer and keys together", "3\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62cjj", false, true, "3jj"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, in := io.Pipe()
			p := startPump(src)
			defer p.stop()
			defer in.Close()
			go func() {
				in.Write([]byte(tc.answer))
				in.Write([]byte("x"))
				// A late answer is taken out; a lone Esc comes through.
				in.Write([]byte("\x1b]11;rgb:0000/0000/0000\x07"))
				in.Write([]byte("\x1b"))
			}()
			dark, answered := p.waitBackground(10 * time.Second)
			if dark != tc.dark || answered != tc.answered {
				t.Errorf("waitBackground = %v, %v; want %v, %v", dark, answered, tc.dark, tc.answered)
			}
			readWithin(t, p.Input, tc.keys+"x\x1b")
		})
	}
}

// The pump's Input closes when the session's input ends, after giving
// back any held bytes.
func TestInputPumpEnd(t *testing.T) {
	t.Parallel()
	src, in := io.Pipe()
	p := startPump(src)
	defer p.stop()
	go func() {
		in.Write([]byte("\x1b]"))
		in.Close()
	}()
	b, err := io.ReadAll(p.Input)
	if string(b) != "\x1b]" || err != nil {
		t.Errorf("read %q, %v; want the held bytes and EOF", b, err)
	}
	if _, answered := p.waitBackground(10 * time.Second); answered {
		t.Error("an input that ended without an answer reported one")
	}
}

func TestSilentTerminalStillGetsDashboard(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	c := dialOK(t, srv, addr, newKey(t))
	start := time.Now()
	term := openTerminal(t, c, termOptions{silent: true})
	term.waitScreen("[1 经济]")
	t.Logf("first frame for a terminal that never answers: %v (ProbeTimeout %v)", time.Since(start), srv.cfg.ProbeTimeout)
	term.press("2")
	waitTab(term, "[2 工业]")
}

func TestLateAnswersAreNotKeys(t *testing.T) {
	t.Parallel()
	srv, addr := startServer(t, testConfig(t))
	term := openTerminal(t, dialOK(t, srv, addr, newKey(t)), termOptions{})
	term.waitScreen("[1 经济]")
	for _, tc := range []struct {
		name   string
		answer string
	}{
		// Read as keys, these would open search with "/" or switch to tab
		// 1 or 2 before the "l" pressed after them.
		{"OSC 11 with BEL", "\x1b]11;rgb:ffff/ffff/ffff\x07"},
		{"OSC 11 with ESC \\", "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"},
		{"DA1", "\x1b[?62;22c"},
		{"OSC 11 and DA1", "\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			term.press("3")
			waitTab(term, "[3 服务业]")
			term.skip()
			term.press(tc.answer)
			// l is the next tab: from 3 it is 4 unless the answer moved us.
			term.press("l")
			waitTab(term, "[4 房地产]")
			s := term.screenText()
			for _, moved := range []string{"[1 经济]", "[2 工业]", "搜索指标"} {
				if strings.Contains(s, moved) {
					t.Errorf("the late answer reached the dashboard as keys: the screen showed %q", moved)
				}
			}
		})
	}
}

func TestPasteGuard(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", maxPaste+100)
	cut := pasteStart + long[:maxPaste] + pasteEnd
	for _, tc := range []struct {
		name  string
		in    string
		out   string // what passes
		open  bool   // a paste is still open at the end
		ended string // what end then gives
	}{
		{name: "keys", in: "3jq\x1b[A", out: "3jq\x1b[A"},
		{name: "a paste", in: "a" + pasteStart + "hello q" + pasteEnd + "b", out: "a" + pasteStart + "hello q" + pasteEnd + "b"},
		{name: "a paste of the limit", in: pasteStart + long[:maxPaste-len(pasteEnd)] + pasteEnd + "j",
			out: pasteStart + long[:maxPaste-len(pasteEnd)] + pasteEnd + "j"},
		{name: "a long paste is cut", in: pasteStart + long + pasteEnd + "j", out: cut + "j"},
		{name: "a long paste with Esc in it", in: pasteStart + long + "\x1b[20\x1b[201" + pasteEnd + "j", out: cut + "j"},
		{name: "markers inside a cut paste", in: pasteStart + long + pasteStart + "q" + pasteEnd + "j", out: cut + "j"},
		{name: "unterminated", in: pasteStart + "abc", out: pasteStart + "abc", open: true, ended: pasteEnd},
		{name: "unterminated and cut", in: pasteStart + long + "q", out: cut, open: true},
		{name: "almost a start marker", in: "\x1b[200\x1b[201~q", out: "\x1b[200\x1b[201~q"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			check := func(how string, chunks []string) {
				t.Helper()
				var g pasteGuard
				var out []byte
				for _, c := range chunks {
					out = append(out, g.pass([]byte(c))...)
				}
				if string(out) != tc.out {
					t.Errorf("%s: passed %q, want %q", how, abbreviate(string(out)), abbreviate(tc.out))
				}
				if g.open() != tc.open {
					t.Errorf("%s: open %v, want %v", how, g.open(), tc.open)
				}
				if ended := string(g.end()); ended != tc.ended {
					t.Errorf("%s: end gave %q, want %q", how, ended, tc.ended)
				}
				if g.open() {
					t.Errorf("%s: still open after end", how)
				}
			}
			check("whole", []string{tc.in})
			var bytes []string
			for i := range len(tc.in) {
				bytes = append(bytes, tc.in[i:i+1])
			}
			check("byte by byte", bytes)
			for _, at := range []int{1, 3, 7, len(tc.in) / 2, len(tc.in) - 3} {
				if at > 0 && at < len(tc.in) {
					check(fmt.Sprintf("split at %d", at), []string{tc.in[:at], tc.in[at:]})
				}
			}
		})
	}
}

func abbreviate(s string) string {
	if len(s) > 60 {
		return fmt.Sprintf("%s…(%d bytes)…%s", s[:25], len(s), s[len(s)-25:])
	}
	return s
}

// Input that comes faster than the program reads is dropped beyond a
// small backlog; what the program does read stays in order, and keys that
// come once it has caught up pass.
func TestInputPumpDropsFlood(t *testing.T) {
	t.Parallel()
	src, in := io.Pipe()
	p := startPump(src)
	defer p.stop()
	defer in.Close()
	flood := strings.Repeat("j", 64<<10)
	if _, err := in.Write([]byte(flood)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the pump takes its last read
	if n := p.Input.backlog(); n > maxBacklog+readSize {
		t.Errorf("backlog %d bytes, want at most %d", n, maxBacklog+readSize)
	}
	if d := p.droppedBytes(); d < len(flood)-maxBacklog-512 {
		t.Errorf("dropped %d bytes of %d", d, len(flood))
	}
	buf := make([]byte, 64<<10)
	for p.Input.backlog() > 0 {
		n, _ := p.Input.Read(buf)
		if strings.Trim(string(buf[:n]), "j") != "" {
			t.Errorf("read %q", buf[:n])
		}
	}
	go in.Write([]byte("3"))
	readWithin(t, p.Input, "3")
}

// A bracketed paste is never dropped from, even behind a backlog: the
// program must see its end.
func TestInputPumpKeepsPasteEnd(t *testing.T) {
	t.Parallel()
	src, in := io.Pipe()
	p := startPump(src)
	defer p.stop()
	defer in.Close()
	go func() {
		in.Write([]byte(pasteStart))
		in.Write([]byte(strings.Repeat("x", 2*maxPaste)))
		in.Write([]byte(pasteEnd + "3"))
	}()
	readWithin(t, p.Input, pasteStart+strings.Repeat("x", maxPaste)+pasteEnd+"3")
}
