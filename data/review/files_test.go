package review

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/kmdash/kmdash/model"
)

// badFile makes, in dir, a file that the store must refuse to use.
type badFile struct {
	name string
	make func(t *testing.T, path string)
	kind error
}

func write(data []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// ours makes a real review database with enough notes to span many pages.
func ours(t *testing.T, path string) {
	s := New(path, Options{})
	var batch []model.ReviewEntry
	for i := range 200 {
		batch = append(batch, entry("gdp-growth", model.MarkNote, fmt.Sprintf("%d %s", i, strings.Repeat("备注", 150)), "wang"))
	}
	if _, err := s.Append(batch...); err != nil {
		t.Fatal(err)
	}
}

// mutate makes one of ours, then changes its bytes.
func mutate(change func([]byte) []byte) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		ours(t, path)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		write(change(b))(t, path)
	}
}

// otherBolt makes a bbolt database as another program would.
func otherBolt(fill func(tx *bolt.Tx) error) func(*testing.T, string) {
	return func(t *testing.T, path string) {
		db, err := bolt.Open(path, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Update(fill); err != nil {
			t.Fatal(err)
		}
	}
}

var badFiles = []badFile{
	{"text file", write([]byte("# notes\nnot a database\n")), ErrForeign},
	{"random bytes", write(bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef, 0x01}, 5000)), ErrForeign},
	{"SQLite database header", write(append([]byte("SQLite format 3\x00"), make([]byte, 8192)...)), ErrForeign},
	{"another program's bbolt database", otherBolt(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("users"))
		if err != nil {
			return err
		}
		return b.Put([]byte("alice"), []byte("admin"))
	}), ErrForeign},
	{"our bucket without a schema", otherBolt(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket(rootBucket)
		return err
	}), ErrForeign},
	{"a newer kmdash's layout", otherBolt(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(rootBucket)
		if err != nil {
			return err
		}
		return b.Put(schemaKey, []byte("2"))
	}), ErrNewer},
	{"an entry that is not JSON", otherBolt(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket(rootBucket)
		if err != nil {
			return err
		}
		if err := b.Put(schemaKey, []byte("1")); err != nil {
			return err
		}
		p, _ := b.CreateBucket(packsBucket)
		k, _ := p.CreateBucket([]byte(pack))
		i, _ := k.CreateBucket([]byte("gdp-growth"))
		return i.Put([]byte{0, 0, 0, 0, 0, 0, 0, 1}, []byte("{not json"))
	}), ErrDamaged},
	{"cut to half its length", mutate(func(b []byte) []byte { return b[:len(b)/2] }), ErrDamaged},
	{"cut to one page", mutate(func(b []byte) []byte { return b[:4096] }), ErrDamaged},
	{"both meta pages scribbled on", mutate(func(b []byte) []byte {
		for _, page := range []int{0, 4096} {
			copy(b[page+64:page+80], "scribbled over!!")
		}
		return b
	}), ErrDamaged},
	// bbolt's checker reads these headers in a goroutine of its own, where
	// a failed assertion ended the process rather than the call.
	{"the first meta page calls itself another page", mutate(func(b []byte) []byte {
		copy(b[0:16], "XXXXXXXXXXXXXXXX")
		return b
	}), ErrDamaged},
	{"the second meta page's kind scribbled on", mutate(func(b []byte) []byte {
		copy(b[4096+8:4096+24], "XXXXXXXXXXXXXXXX")
		return b
	}), ErrDamaged},
	{"data pages zeroed", mutate(func(b []byte) []byte {
		clear(b[4*4096 : 12*4096])
		return b
	}), ErrDamaged},
}

// A file that is not a review database this kmdash can use is refused,
// for reading and for writing, in one line that names it, and is left
// byte for byte as it was.
func TestBadFilesAreRefusedAndLeftAlone(t *testing.T) {
	t.Parallel()
	for _, bf := range badFiles {
		t.Run(bf.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "review.db")
			bf.make(t, path)
			before, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := New(path, Options{})
			_, readErr := s.Entries(pack)
			_, writeErr := s.Append(entry("gdp-growth", model.MarkFlagged, "", "wang"))
			for what, err := range map[string]error{"read": readErr, "write": writeErr} {
				switch {
				case !errors.Is(err, bf.kind):
					t.Errorf("%s: %v, want %v", what, err, bf.kind)
				case strings.Contains(err.Error(), "\\n") || !strings.Contains(err.Error(), path):
					t.Errorf("%s: %q is not one line naming the file", what, err)
				}
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Errorf("the file changed: %d bytes before, %d after", len(before), len(after))
			}
		})
	}
}

// Sixteen bytes written over any page, at any of the places bbolt keeps
// its bookkeeping, never crash the process: the store answers with a
// one-line refusal, and leaves the file as it found it, or finds the file
// still whole (a free page's bytes do not matter) and uses it.
func TestScribbledPagesNeverCrash(t *testing.T) {
	t.Parallel()
	template := filepath.Join(t.TempDir(), "review.db")
	ours(t, template)
	good, err := os.ReadFile(template)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096 // bbolt's, on the machines kmdash is built for
	// The page header's id, kind and run, which bbolt's checker asserts
	// where nothing can catch it; in full, the elements after it too.
	places := []int{0, 8, 12}
	if !testing.Short() {
		places = append(places, 16, 32, 64)
	}
	for page := range len(good) / pageSize {
		for _, at := range places {
			t.Run(fmt.Sprintf("page %d at %d", page, at), func(t *testing.T) {
				t.Parallel()
				path := filepath.Join(t.TempDir(), "review.db")
				b := bytes.Clone(good)
				copy(b[page*pageSize+at:], "XXXXXXXXXXXXXXXX")
				write(b)(t, path)
				s := New(path, Options{})
				_, readErr := s.Entries(pack)
				_, writeErr := s.Append(entry("gdp-growth", model.MarkFlagged, "", "wang"))
				for what, err := range map[string]error{"read": readErr, "write": writeErr} {
					var refusal *Error
					switch {
					case err == nil:
					case !errors.As(err, &refusal) || !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrForeign):
						t.Errorf("%s: %v, want a refusal as damaged or foreign", what, err)
					case strings.Contains(err.Error(), "\n"):
						t.Errorf("%s: %q is more than one line", what, err)
					}
				}
				if readErr != nil {
					after, err := os.ReadFile(path)
					if err != nil {
						t.Fatal(err)
					}
					if !bytes.Equal(b, after) {
						t.Errorf("refused (%v), yet the file changed", readErr)
					}
				}
			})
		}
	}
}
