// Command withbolt links go.etcd.io/bbolt the way kmdash would: the
// engine is only reached when a review is opened ("open PATH"); without
// that argument it prints one line, as `render` would, so its start-up
// and its size show what merely linking the engine costs.
package main

import (
	"fmt"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "open" {
		db, err := bolt.Open(os.Args[2], 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		err = db.Update(func(tx *bolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists([]byte("marks"))
			if err != nil {
				return err
			}
			return b.Put([]byte("gdp-growth"), []byte("flagged"))
		})
		db.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	fmt.Println("render")
}
