package review

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"

	bolt "go.etcd.io/bbolt"

	"github.com/kmdash/kmdash/model"
)

// read opens the file read-only, checks that it is a review database this
// kmdash can read and that bbolt finds it consistent, then runs fn in the
// same transaction. A missing or empty file passes and fn is not run.
func (s *Store) read(fn func(*bolt.Tx) error) error {
	info, err := os.Stat(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("review database: %w", err)
	case info.IsDir():
		return fmt.Errorf("review database %s is a directory; give a file with --review-db", s.path)
	case info.Size() == 0:
		return nil
	}
	db, err := s.open(true)
	if err != nil {
		return err
	}
	defer db.Close()
	return s.guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			if err := s.checkSchema(tx); err != nil {
				return err
			}
			// Sized again now that the lock is held: a writer may have
			// grown the file since it was looked at above.
			info, err := os.Stat(s.path)
			if err != nil {
				return fmt.Errorf("review database: %w", err)
			}
			if err := s.consistent(tx, info.Size()); err != nil {
				return err
			}
			return fn(tx)
		})
	})
}

// consistent reads every page the file's buckets reach, here where a
// fault is caught, then has bbolt check its page accounting (free pages
// freed once, every page reachable or free), which runs in a goroutine of
// its own and is only safe once the pages are known to be readable. The
// database is a few hundred kilobytes at most, so this costs little.
func (s *Store) consistent(tx *bolt.Tx, fileSize int64) error {
	if tx.Size() > fileSize {
		return s.fail(ErrDamaged, fmt.Sprintf("it is %d bytes and should be %d", fileSize, tx.Size()))
	}
	var walk func(b *bolt.Bucket) error
	walk = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				return walk(b.Bucket(k))
			}
			return nil
		})
	}
	err := tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return walk(b) })
	if err != nil {
		return err
	}
	if err := s.eachEntry(tx, func(model.ReviewEntry) {}); err != nil {
		return err
	}
	if err := s.pageHeaders(tx); err != nil {
		return err
	}
	var first error
	for err := range tx.Check() { // drained: the checker must finish before the file closes
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return s.fail(ErrDamaged, first.Error())
	}
	return nil
}

func (s *Store) checkSchema(tx *bolt.Tx) error {
	root := tx.Bucket(rootBucket)
	if root == nil {
		if err := tx.ForEach(func([]byte, *bolt.Bucket) error { return errOthers }); err != nil {
			return s.fail(ErrForeign, "it holds another program's data")
		}
		return nil // an empty bbolt file: ours to fill
	}
	var schema int
	if _, err := fmt.Sscan(string(root.Get(schemaKey)), &schema); err != nil || schema < 1 {
		return s.fail(ErrForeign, "no schema number")
	}
	if schema > Schema {
		return s.fail(ErrNewer, fmt.Sprintf("layout %d; this kmdash reads %d", schema, Schema))
	}
	return nil
}

// open opens the file, waiting for another process to let go of it.
func (s *Store) open(readOnly bool) (*bolt.DB, error) {
	var db *bolt.DB
	err := s.guard(func() error {
		var err error
		// The free list is loaded here, under guard, rather than later
		// inside bbolt's own checker, which runs where a fault cannot be
		// caught.
		db, err = bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.opt.Wait, ReadOnly: readOnly, PreLoadFreelist: true})
		return err
	})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolt.ErrTimeout):
		return nil, s.fail(ErrInUse, "waited "+s.opt.Wait.String())
	case errors.Is(err, bolt.ErrVersionMismatch):
		return nil, s.fail(ErrForeign, err.Error())
	}
	var e *Error
	if errors.As(err, &e) {
		return nil, err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return nil, fmt.Errorf("review database: %w", err)
	}
	// bbolt's other refusals come from reading the file's first pages:
	// a file that starts as bbolt's do is a damaged one, any other is
	// something else altogether.
	if startsAsBolt(s.path) {
		return nil, s.fail(ErrDamaged, err.Error())
	}
	return nil, s.fail(ErrForeign, err.Error())
}

// startsAsBolt reports whether the file's first page holds bbolt's magic
// number where a meta page keeps it (after the 16-byte page header).
func startsAsBolt(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return binary.LittleEndian.Uint32(head[16:]) == boltMagic || binary.BigEndian.Uint32(head[16:]) == boltMagic
}

// boltMagic is the number bbolt writes in its meta pages.
const boltMagic = 0xED0CDAED

// guard turns a panic or a memory fault inside bbolt, which a damaged
// file can cause (a page pointing past the end of the file), into
// ErrDamaged instead of a crash.
func (s *Store) guard(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			// What bbolt or the runtime said is for a programmer; the
			// reader is told, briefly, what it means.
			err = s.fail(ErrDamaged, "its pages cannot be read")
		}
	}()
	return fn()
}

func (s *Store) fail(kind error, why string) error {
	return &Error{Path: s.path, Kind: kind, Why: why}
}
