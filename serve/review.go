package serve

import (
	"errors"
	"log/slog"
	"sync"

	"github.com/kmdash/kmdash/model"
)

// roomReview is the room's review: one store for the server, read once
// when a presenter first opens the review, then kept in memory as the
// entries the store returned, and handed to every session of the room
// through the hub after each write. Sessions never read the file
// themselves, so a room of hundreds costs the disk one write per mark.
type roomReview struct {
	store model.ReviewLog // nil: the server keeps no review
	pack  string
	hub   *hub
	log   *slog.Logger // the store logs each write; failures are logged here

	// mu is held across a write and the room being told of it, so the
	// room hears of writes in the order the store kept them.
	mu      sync.Mutex
	loaded  bool
	entries []model.ReviewEntry
}

var errNoStore = errors.New("this server keeps no review database")

// open reads the review the first time a presenter asks, tells the room,
// and returns what the room holds.
func (r *roomReview) open() ([]model.ReviewEntry, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.store == nil {
		return nil, errNoStore
	}
	if !r.loaded {
		entries, err := r.store.Entries(r.pack)
		if err != nil {
			r.log.Warn("review read failed", "error", err)
			return nil, err
		}
		r.entries, r.loaded = entries, true
	}
	return r.tell(), nil
}

// append keeps entries, as author, and tells the room. The author is the
// presenter's key, whatever the session put in the entries.
func (r *roomReview) append(author string, entries []model.ReviewEntry) ([]model.ReviewEntry, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.store == nil {
		return nil, errNoStore
	}
	if !r.loaded {
		// The first write of a room that never opened the review: what
		// the store already holds comes first.
		existing, err := r.store.Entries(r.pack)
		if err != nil {
			return nil, err
		}
		r.entries, r.loaded = existing, true
	}
	for i := range entries {
		entries[i].Author = author
	}
	kept, err := r.store.Append(entries...)
	if err != nil {
		r.log.Warn("review write failed", "author", author, "entries", len(entries), "error", err)
		return nil, err
	}
	r.entries = append(r.entries, kept...)
	r.tell()
	return kept, nil
}

// tell hands the room what it holds now; r.mu is held. The slice handed
// out is never written again (only appended past its end), so sessions
// share it without copying.
func (r *roomReview) tell() []model.ReviewEntry {
	snapshot := r.entries[:len(r.entries):len(r.entries)]
	r.hub.review(snapshot)
	return snapshot
}

// presenterLog is a presenter session's model.ReviewLog: the room's
// review, written as that presenter.
type presenterLog struct {
	room   *roomReview
	author string
}

func (p presenterLog) Append(entries ...model.ReviewEntry) ([]model.ReviewEntry, error) {
	return p.room.append(p.author, entries)
}

func (p presenterLog) Entries(pack string) ([]model.ReviewEntry, error) {
	if pack != p.room.pack {
		return nil, errors.New("the room reviews pack " + p.room.pack + ", not " + pack)
	}
	return p.room.open()
}
