package ui

// memo keeps what a tab has drawn at its current size and language:
// each card, chart and pane is drawn once, however many selections and
// layouts it appears in. The tab forgets it all when size or language
// change.
type memo struct{ drawn map[string]any }

func (m *memo) reset() { m.drawn = nil }

// remember returns what make drew for key, drawing it the first time.
func remember[T any](m *memo, key string, make func() T) T {
	if v, ok := m.drawn[key]; ok {
		return v.(T)
	}
	v := make()
	if m.drawn == nil {
		m.drawn = map[string]any{}
	}
	m.drawn[key] = v
	return v
}
