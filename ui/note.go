package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/kmdash/kmdash/model"
)

// noteEditor is the e overlay: a note on one indicator, written in a
// bubbles textarea. Every key is the note's (q too) but esc, which keeps
// it, and ctrl+c, which throws it away without quitting.
type noteEditor struct {
	ind  *model.Indicator
	area textarea.Model
}

func newNoteEditor(c *Context, ind *model.Indicator, draft string) *noteEditor {
	t := c.Theme
	ta := textarea.New()
	ta.ShowLineNumbers = false
	ta.Prompt = t.Glyphs.Rule + " "
	// A note's length is bounded in bytes when it is kept; a limit in
	// characters here keeps the draft itself from growing without end.
	ta.CharLimit = model.MaxNoteBytes
	// The terminal's own paste arrives as keys. This key would read the
	// clipboard of the machine kmdash runs on: over SSH, the server's.
	ta.KeyMap.Paste.SetEnabled(false)
	// A blinking cursor would redraw, and over SSH send, a frame twice a
	// second for as long as the note is open.
	ta.Cursor.SetMode(cursor.CursorStatic)
	ta.Cursor.Style, ta.Cursor.TextStyle = t.Plain, t.Plain
	// Styles from the session's theme, not textarea's defaults, which are
	// made for the server's terminal rather than the client's.
	style := textarea.Style{Base: t.Plain, CursorLine: t.Plain, CursorLineNumber: t.Muted, EndOfBuffer: t.Muted,
		LineNumber: t.Muted, Placeholder: t.Muted, Prompt: t.Muted, Text: t.Plain}
	ta.FocusedStyle, ta.BlurredStyle = style, style
	n := &noteEditor{ind: ind, area: ta}
	n.resize(c)
	n.area.SetValue(draft)
	n.area.Focus()
	return n
}

// resize fits the textarea to the window: the box's width, and as many
// rows as the body has to spare, up to ten.
func (n *noteEditor) resize(c *Context) {
	n.area.SetWidth(max(10, c.Width-4))
	n.area.SetHeight(max(1, min(10, c.Height-chromeRows-5)))
}

func (n *noteEditor) view(c *Context) string {
	n.resize(c) // the window may have changed while the note was open
	t, w := c.Theme, c.Words.Session
	inner := c.Width - 4
	title := t.Heading.Render(truncate(fmt.Sprintf(w.NoteTitle, n.ind.Name.In(c.Lang)), inner))
	hint := t.Muted.Render(truncate(w.NoteHint, inner))
	return t.Box.Width(c.Width - 2).Render(title + "\n" + n.area.View() + "\n" + hint)
}

// noteKey is a key while the note is open: esc keeps the note (in a
// tea.Cmd, the draft held until the store has it), ctrl+c discards it,
// and every other key is the textarea's.
func (a *App) noteKey(msg tea.KeyMsg) tea.Cmd {
	n, w := a.rv.note, a.ctx.Words.Session
	switch msg.Type {
	case tea.KeyEsc:
		a.rv.note = nil
		text := n.area.Value()
		if strings.TrimSpace(text) == "" {
			delete(a.rv.drafts, n.ind.ID)
			a.notice = w.NoteEmpty
			return nil
		}
		a.rv.drafts[n.ind.ID] = text
		return a.rv.writeCmd(model.ReviewEntry{Pack: a.ctx.Pack.ID, Indicator: n.ind.ID, Kind: model.MarkNote, Text: text})
	case tea.KeyCtrlC:
		a.rv.note = nil
		delete(a.rv.drafts, n.ind.ID)
		a.notice = w.NoteDiscarded
		return nil
	}
	var cmd tea.Cmd
	n.area, cmd = n.area.Update(msg)
	return cmd
}
