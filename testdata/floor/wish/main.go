// Command wish is the floor kmdash serve is measured against: a bare
// wish server with wish's own bubbletea middleware and MakeRenderer,
// drawing a full screen, at each session's size, that changes with every
// key. With -room, a key pressed in any session changes every session's
// screen, as a presenter's key does in kmdash: each session's program is
// sent a message (wish's multichat example's way) and draws its own frame.
//
// It prints "ADDR host:port" once it listens, answers "cputime" on its
// standard input with "CPU nanoseconds" (user and system time so far)
// and any other line with "MEM heapAndStacks rss" (bytes, after a GC); it
// stops when its standard input closes.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on")
	hostKey := flag.String("host-key", "floor_ed25519", "host key file (made if missing)")
	shared := flag.Bool("room", false, "a key in any session changes every session's screen")
	flag.Parse()
	r := &room{programs: map[*tea.Program]bool{}, shared: *shared}
	srv, err := wish.NewServer(
		wish.WithHostKeyPath(*hostKey),
		wish.WithPublicKeyAuth(func(ssh.Context, ssh.PublicKey) bool { return true }),
		wish.WithMiddleware(bm.MiddlewareWithProgramHandler(r.program, termenv.Ascii)),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	go srv.Serve(ln)
	fmt.Printf("ADDR %s\n", ln.Addr())
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		if sc.Text() == "cputime" {
			var u syscall.Rusage
			syscall.Getrusage(syscall.RUSAGE_SELF, &u)
			fmt.Printf("CPU %d\n", u.Utime.Nano()+u.Stime.Nano())
			continue
		}
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		fmt.Printf("MEM %d %d\n", m.HeapInuse+m.StackInuse, rss())
	}
}

// room is every session's program.
type room struct {
	shared   bool
	mu       sync.Mutex
	programs map[*tea.Program]bool
}

type bump struct{}

func (r *room) program(s ssh.Session) *tea.Program {
	rend := bm.MakeRenderer(s)
	m := &screen{
		room:  r,
		box:   rend.NewStyle().Border(lipgloss.RoundedBorder()),
		title: rend.NewStyle().Bold(true).Foreground(lipgloss.Color("212")),
	}
	p := tea.NewProgram(m, append(bm.MakeOptions(s), tea.WithAltScreen())...)
	r.mu.Lock()
	r.programs[p] = true
	r.mu.Unlock()
	go func() {
		<-s.Context().Done()
		r.mu.Lock()
		delete(r.programs, p)
		r.mu.Unlock()
	}()
	return p
}

// everyone changes every session's screen.
func (r *room) everyone() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for p := range r.programs {
		go p.Send(bump{})
	}
}

type screen struct {
	room          *room
	keys          int
	width, height int
	box, title    lipgloss.Style
}

func (m *screen) Init() tea.Cmd { return nil }

func (m *screen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
		if !m.room.shared {
			m.keys++
			break
		}
		m.room.everyone()
	case bump:
		m.keys++
	}
	return m, nil
}

// View fills the window: a title, and a bordered box whose every row
// says how many keys the room has pressed.
func (m *screen) View() string {
	w, h := max(m.width, 20), max(m.height, 6)
	lines := make([]string, h-3)
	for i := range lines {
		lines[i] = fmt.Sprintf("row %2d · keys pressed %d", i+1, m.keys)
	}
	return lipgloss.JoinVertical(lipgloss.Left,
		m.title.Render(fmt.Sprintf("bare wish + bubbletea · %d", m.keys)),
		m.box.Width(w-2).Height(h-3).Render(strings.Join(lines, "\n")))
}

func rss() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseUint(f[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}
