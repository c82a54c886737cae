package review

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

// bbolt's page header: the page's own id (8 bytes), its kind (2), the
// count of its elements (2) and of the pages it runs over (4); a meta
// page's fields follow it.
const (
	pageHeaderSize = 16
	metaPageFlag   = 0x04
	freePageFlag   = 0x10
	// Offsets within a meta page, after the header: the free list's page
	// and the transaction the meta page was written by.
	metaFreelistAt = pageHeaderSize + 32
	metaTxidAt     = pageHeaderSize + 48
	noFreelist     = ^uint64(0)
)

// pageHeaders checks, here where a fault is answered, the pages bbolt's
// checker reads before anything else: the two meta pages and the free
// list the transaction uses. Their headers lie outside the meta checksum,
// and the checker asserts them in a goroutine of its own, where a bad one
// ends the whole process (a server and every session on it) instead of
// this call.
func (s *Store) pageHeaders(tx *bolt.Tx) error {
	f, err := os.Open(s.path)
	if err != nil {
		return fmt.Errorf("review database: %w", err)
	}
	defer f.Close()
	size := int64(tx.DB().Info().PageSize)
	read := func(id uint64, n int) ([]byte, error) {
		b := make([]byte, n)
		_, err := f.ReadAt(b, int64(id)*size)
		if err == io.EOF {
			return nil, s.fail(ErrDamaged, fmt.Sprintf("page %d lies past the end of the file", id))
		}
		return b, err
	}
	// expect checks that page id says it is page id, of the kind given.
	expect := func(id uint64, b []byte, flag uint16) error {
		if got := binary.NativeEndian.Uint64(b); got != id {
			return s.fail(ErrDamaged, fmt.Sprintf("page %d calls itself page %d", id, got))
		}
		if got := binary.NativeEndian.Uint16(b[8:]); got != flag {
			return s.fail(ErrDamaged, fmt.Sprintf("page %d is of kind %#x, not %#x", id, got, flag))
		}
		return nil
	}
	freelist := noFreelist
	for id := range uint64(2) {
		meta, err := read(id, metaTxidAt+8)
		if err != nil {
			return err
		}
		if err := expect(id, meta, metaPageFlag); err != nil {
			return err
		}
		if binary.NativeEndian.Uint64(meta[metaTxidAt:]) == uint64(tx.ID()) {
			freelist = binary.NativeEndian.Uint64(meta[metaFreelistAt:])
		}
	}
	if freelist != noFreelist {
		if int64(freelist) >= tx.Size()/size {
			return s.fail(ErrDamaged, fmt.Sprintf("its free list is on page %d, past the end", freelist))
		}
		head, err := read(freelist, pageHeaderSize)
		if err != nil {
			return err
		}
		if err := expect(freelist, head, freePageFlag); err != nil {
			return err
		}
	}
	return s.pageRuns(tx, tx.Size()/size)
}

// pageRuns walks the file page by page as bbolt lays it out: every page
// in use is of a kind bbolt writes, and the pages it runs over end before
// the file's last page. The checker loops over each page's run, so one
// run scribbled to four billion pages would hold it, and the reader, for
// good.
func (s *Store) pageRuns(tx *bolt.Tx, pages int64) error {
	for id := int64(0); id < pages; {
		info, err := tx.Page(int(id))
		if err != nil {
			return s.fail(ErrDamaged, err.Error())
		}
		switch info.Type {
		case "free":
			id++
			continue
		case "meta", "freelist", "branch", "leaf":
		default:
			return s.fail(ErrDamaged, fmt.Sprintf("page %d is of no kind bbolt writes", id))
		}
		if id+int64(info.OverflowCount) >= pages {
			return s.fail(ErrDamaged, fmt.Sprintf("page %d runs past the end", id))
		}
		id += int64(info.OverflowCount) + 1
	}
	return nil
}
