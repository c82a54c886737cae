package reviewdb

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
	_ "modernc.org/sqlite"
)

// note is the size of a typical review note: a few lines of Chinese.
var note = []byte(`{"indicator":"gdp-growth","kind":"note","author":"reviewer","time":"2025-09-22T10:00:00+08:00","text":"上半年增速低于全年目标0.6个百分点，请发改委三季度末前报送追赶措施。"}`)

// Every write is its own committed transaction, durable when the call
// returns, as a mark made in the dashboard must be.

func BenchmarkWriteBolt(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "r.db"), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := db.Update(func(tx *bolt.Tx) error {
			bk, err := tx.CreateBucketIfNotExists([]byte("entries"))
			if err != nil {
				return err
			}
			seq, _ := bk.NextSequence()
			return bk.Put(fmt.Appendf(nil, "%016x", seq), note)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func benchSQLite(b *testing.B, pragmas string) {
	db, err := sql.Open("sqlite", filepath.Join(b.TempDir(), "r.db")+"?_pragma=busy_timeout(1000)"+pragmas)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE entries (id INTEGER PRIMARY KEY, body BLOB)`); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Exec(`INSERT INTO entries (body) VALUES (?)`, note); err != nil {
			b.Fatal(err)
		}
	}
}

// WAL with synchronous=FULL is durable at every commit, like bbolt;
// NORMAL survives a killed process but not a power cut; DELETE is the
// rollback journal, SQLite's default.
func BenchmarkWriteSQLiteWALFull(b *testing.B) {
	benchSQLite(b, "&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)")
}
func BenchmarkWriteSQLiteWALNormal(b *testing.B) {
	benchSQLite(b, "&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)")
}
func BenchmarkWriteSQLiteDelete(b *testing.B) {
	benchSQLite(b, "&_pragma=journal_mode(DELETE)&_pragma=synchronous(FULL)")
}

// Opening is what a lazily opened store pays on the first mark: open the
// file, read what is there, close.

func BenchmarkOpenBolt(b *testing.B) {
	path := filepath.Join(b.TempDir(), "r.db")
	seedBolt(b, path)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		err = db.View(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("entries")).ForEach(func(k, v []byte) error { n++; return nil })
		})
		if err != nil || n != 100 {
			b.Fatal(err, n)
		}
		db.Close()
	}
}

func seedBolt(b *testing.B, path string) {
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		bk, err := tx.CreateBucket([]byte("entries"))
		for i := 0; err == nil && i < 100; i++ {
			err = bk.Put(fmt.Appendf(nil, "%016x", i), note)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}

func BenchmarkOpenSQLite(b *testing.B) {
	path := filepath.Join(b.TempDir(), "r.db")
	dsn := path + "?_pragma=busy_timeout(1000)&_pragma=journal_mode(WAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE entries (id INTEGER PRIMARY KEY, body BLOB)`); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		if _, err := db.Exec(`INSERT INTO entries (body) VALUES (?)`, note); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := db.Query(`SELECT body FROM entries`)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var body []byte
			if err := rows.Scan(&body); err != nil {
				b.Fatal(err)
			}
			n++
		}
		rows.Close()
		if n != 100 {
			b.Fatal(n)
		}
		db.Close()
	}
}
