// Command withsqlite links database/sql and modernc.org/sqlite the way
// kmdash would: the engine is only reached when a review is opened
// ("open PATH"); without that argument it prints one line, as `render`
// would, so its start-up and its size show what merely linking the
// engine costs.
package main

import (
	"database/sql"
	"fmt"
	"os"

	_ "modernc.org/sqlite"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "open" {
		db, err := sql.Open("sqlite", os.Args[2]+"?_pragma=busy_timeout(1000)&_pragma=journal_mode(WAL)")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer db.Close()
		for _, q := range []string{
			`CREATE TABLE IF NOT EXISTS marks (indicator TEXT PRIMARY KEY, mark TEXT)`,
			`INSERT OR REPLACE INTO marks VALUES ('gdp-growth', 'flagged')`,
		} {
			if _, err := db.Exec(q); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		return
	}
	fmt.Println("render")
}
