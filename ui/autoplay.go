package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// autoplay cycles the tabs for a kiosk or a projector, counting down the
// seconds on each so the room can see when the screen will change.
type autoplay struct {
	on    bool
	every int // seconds per tab
	left  int
	// gen tells ticks of an earlier run from this one's, so stopping and
	// restarting never leaves two clocks running.
	gen int
}

type autoplayTick struct{ gen int }

func (p *autoplay) tickCmd() tea.Cmd {
	gen := p.gen
	return tea.Tick(time.Second, func(time.Time) tea.Msg { return autoplayTick{gen: gen} })
}

func (p *autoplay) toggle() tea.Cmd {
	if p.on {
		p.stop()
		return nil
	}
	p.on, p.left = true, p.every
	p.gen++
	return p.tickCmd()
}

func (p *autoplay) stop() {
	p.on = false
	p.gen++
}

// tick counts down one second; it reports when to turn to the next tab.
// While paused (an overlay is open) the clock keeps ticking but the count
// stands, so the room is not moved on from what someone is reading.
func (p *autoplay) tick(msg autoplayTick, paused bool) (bool, tea.Cmd) {
	if !p.on || msg.gen != p.gen {
		return false, nil
	}
	if paused {
		return false, p.tickCmd()
	}
	p.left--
	if p.left > 0 {
		return false, p.tickCmd()
	}
	p.left = p.every
	return true, p.tickCmd()
}
