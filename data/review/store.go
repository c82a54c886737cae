// Package review keeps what review sessions record (marks and notes on
// indicators, each with its time and author) in an embedded bbolt
// database: one file, by default under the user's data directory.
//
// The file is opened for one transaction at a time and closed after it,
// so nothing is opened until a review is (render and start-up pay
// nothing), and two processes can share one file: bbolt locks the whole
// file per open, and a process that finds it held waits up to
// Options.Wait before answering ErrInUse. A file that is not a kmdash
// review database, or is damaged, is only ever opened read-only, so it
// is left byte for byte as it was. BENCHMARKS.md ("Review store") has
// the measurements behind the choice of engine and of this design.
package review

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kmdash/kmdash/model"
)

// Schema is the layout this kmdash writes. The root bucket holds it, and
// "packs" holds one bucket per pack, one per indicator within it, and in
// that one entries keyed by their sequence number (big-endian, so keys
// sort in the order entries were kept).
const Schema = 1

var (
	rootBucket  = []byte("kmdash-review")
	schemaKey   = []byte("schema")
	packsBucket = []byte("packs")
)

// DefaultWait is how long a store waits for another process to let go of
// the file: far longer than any one transaction takes (under a
// millisecond, BENCHMARKS.md), short enough that a person is told soon.
const DefaultWait = 2 * time.Second

// Options tune a Store; the zero value is ready to use.
type Options struct {
	Wait time.Duration    // how long to wait for another process; DefaultWait if zero
	Now  func() time.Time // stamps entries that come without a time; time.Now if nil
	Log  *slog.Logger     // if set, every write is logged (a server sets it)
	// Author names entries that come without one, asked at the first
	// such write rather than when the store is made: LocalAuthor looks
	// the user up, which a dashboard that never reviews need not pay.
	Author func() string
}

// Store is the review database at one path. Its methods are safe for
// concurrent use; every session of a server shares one Store.
type Store struct {
	path string
	opt  Options
	mu   sync.Mutex // one transaction at a time within this process

	// midWrite, in tests, runs inside a write after each entry is put,
	// with the count put so far, before the transaction commits.
	midWrite func(put int)
}

var _ model.ReviewLog = (*Store)(nil)

// New returns the store at path. It touches nothing: the file is read or
// made on first use.
func New(path string, opt Options) *Store {
	if opt.Wait <= 0 {
		opt.Wait = DefaultWait
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return &Store{path: path, opt: opt}
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Existing is the store of At for a command that only reads (the
// minutes): a database that is not there is refused in one line, since a
// path with nothing recorded at it is a typo more often than an empty
// review. Nothing is created.
func Existing(flag string) (*Store, error) {
	s, err := At(flag, Options{})
	if err != nil {
		return nil, err
	}
	_, err = os.Stat(s.path)
	switch {
	case err == nil:
		return s, nil
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("review database: %w", err)
	case flag != "":
		return nil, fmt.Errorf("no review database at %s: nothing has been recorded there; check the path given with --review-db", s.path)
	}
	return nil, fmt.Errorf("no review database at %s: nothing has been recorded there; hold a review (r in the dashboard) or name the database with --review-db", s.path)
}

// Append keeps the entries in one transaction: all of them, durably,
// when it returns nil, and none of them otherwise. Text is cleaned
// (model.CleanNote), authors too, and entries without a time get now.
func (s *Store) Append(entries ...model.ReviewEntry) ([]model.ReviewEntry, error) {
	kept, err := s.prepare(entries)
	if err != nil || len(kept) == 0 {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(s.path), 0o700); err != nil {
		return nil, fmt.Errorf("review database: %w", err)
	}
	// A file that is there already is checked read-only first, so that a
	// foreign or damaged one is never opened for writing.
	if err := s.read(func(*bolt.Tx) error { return nil }); err != nil {
		return nil, err
	}
	db, err := s.open(false)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	err = s.guard(func() error { return db.Update(func(tx *bolt.Tx) error { return s.put(tx, kept) }) })
	if err != nil {
		return nil, err
	}
	if s.opt.Log != nil {
		for _, e := range kept {
			s.opt.Log.Info("review write", "db", s.path, "pack", e.Pack, "indicator", e.Indicator,
				"kind", string(e.Kind), "author", e.Author, "bytes", len(e.Text), "seq", e.Seq)
		}
	}
	return kept, nil
}

func (s *Store) prepare(entries []model.ReviewEntry) ([]model.ReviewEntry, error) {
	kept := make([]model.ReviewEntry, len(entries))
	for i, e := range entries {
		text, err := model.CleanNote(e.Text)
		if err != nil {
			return nil, err
		}
		if e.Author == "" && s.opt.Author != nil {
			e.Author = s.opt.Author()
		}
		e.Text, e.Author, e.Seq = text, model.CleanAuthor(e.Author), 0
		if e.Time.IsZero() {
			e.Time = s.opt.Now()
		}
		e.Time = e.Time.Round(0) // no monotonic reading: it would not survive the disk
		if err := e.Check(); err != nil {
			return nil, err
		}
		kept[i] = e
	}
	return kept, nil
}

func (s *Store) put(tx *bolt.Tx, kept []model.ReviewEntry) error {
	root := tx.Bucket(rootBucket)
	if root == nil {
		if err := tx.ForEach(func([]byte, *bolt.Bucket) error { return errOthers }); err != nil {
			return s.fail(ErrForeign, "it holds another program's data")
		}
		var err error
		if root, err = tx.CreateBucket(rootBucket); err != nil {
			return err
		}
		if err := root.Put(schemaKey, []byte(fmt.Sprint(Schema))); err != nil {
			return err
		}
	}
	packs, err := root.CreateBucketIfNotExists(packsBucket)
	if err != nil {
		return err
	}
	for i := range kept {
		e := &kept[i]
		pb, err := packs.CreateBucketIfNotExists([]byte(e.Pack))
		if err != nil {
			return err
		}
		ib, err := pb.CreateBucketIfNotExists([]byte(e.Indicator))
		if err != nil {
			return err
		}
		if e.Seq, err = root.NextSequence(); err != nil {
			return err
		}
		value, err := encode(*e)
		if err != nil {
			return err
		}
		if err := ib.Put(binary.BigEndian.AppendUint64(nil, e.Seq), value); err != nil {
			return err
		}
		if s.midWrite != nil {
			s.midWrite(i + 1)
		}
	}
	return nil
}

var errOthers = errors.New("other buckets")

// Entries lists the pack's entries in the order they were kept. A file
// that does not exist yet holds none; reading never creates it.
func (s *Store) Entries(pack string) ([]model.ReviewEntry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []model.ReviewEntry
	err := s.read(func(tx *bolt.Tx) error {
		return s.eachEntry(tx, func(e model.ReviewEntry) {
			if e.Pack == pack {
				out = append(out, e)
			}
		})
	})
	if err != nil {
		return nil, err
	}
	return sortBySeq(out), nil
}

// eachEntry decodes every entry of every pack, and calls fn with each
// until one does not decode; the pre-write check uses it too, so that a
// damaged entry is found before anything is added beside it.
func (s *Store) eachEntry(tx *bolt.Tx, fn func(model.ReviewEntry)) error {
	root := tx.Bucket(rootBucket)
	if root == nil {
		return nil
	}
	packs := root.Bucket(packsBucket)
	if packs == nil {
		return nil
	}
	return packs.ForEachBucket(func(pack []byte) error {
		pb := packs.Bucket(pack)
		return pb.ForEachBucket(func(ind []byte) error {
			return pb.Bucket(ind).ForEach(func(k, v []byte) error {
				e, err := decode(v)
				if err == nil && len(k) != 8 {
					err = errors.New("key is not a sequence number")
				}
				if err != nil {
					return s.fail(ErrDamaged, fmt.Sprintf("entry %x of %s/%s: %v", k, pack, ind, err))
				}
				e.Seq, e.Pack, e.Indicator = binary.BigEndian.Uint64(k), string(pack), string(ind)
				fn(e)
				return nil
			})
		})
	})
}

// Review is where the pack's review stands.
func (s *Store) Review(pack string) (*model.Review, error) {
	entries, err := s.Entries(pack)
	if err != nil {
		return nil, err
	}
	return model.NewReview(pack, entries), nil
}
