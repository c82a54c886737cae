package reviewdb

import (
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// holdEnv makes the test binary a second process that opens the database
// named in it, says so on stdout, and keeps it open until killed.
const holdEnv = "REVIEWDB_HOLD"

func TestMain(m *testing.M) {
	if spec := os.Getenv(holdEnv); spec != "" {
		hold(spec)
		return
	}
	os.Exit(m.Run())
}

func hold(spec string) {
	engine, path := spec[:1], spec[2:]
	switch engine {
	case "b":
		db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			os.Exit(3)
		}
		defer db.Close()
	case "s":
		db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(1000)&_pragma=journal_mode(WAL)")
		if err != nil {
			os.Exit(3)
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, body BLOB)`); err != nil {
			os.Exit(3)
		}
	}
	os.Stdout.WriteString("open\n")
	time.Sleep(time.Minute)
}

func startHolder(t *testing.T, spec string) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+spec)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	buf := make([]byte, 5)
	if _, err := out.Read(buf); err != nil || string(buf) != "open\n" {
		t.Fatalf("holder did not open the database: %q %v", buf, err)
	}
}

// bbolt takes an exclusive lock per process: while another process holds
// the file, Open waits for its timeout and then fails, read-only too.
func TestBoltSecondProcessIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	startHolder(t, "b:"+path)
	for _, ro := range []bool{false, true} {
		_, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 200 * time.Millisecond, ReadOnly: ro})
		if !errors.Is(err, bolt.ErrTimeout) {
			t.Errorf("read-only %v: open beside another process gave %v, want a timeout", ro, err)
		}
	}
}

// SQLite in WAL mode lets a second process read and write while the
// first has the file open; writers queue behind busy_timeout.
func TestSQLiteSecondProcessWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	startHolder(t, "s:"+path)
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(1000)&_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`INSERT INTO entries (body) VALUES ('x')`); err != nil {
		t.Errorf("write beside another process: %v", err)
	}
}
