// Package reviewdb measures the two candidate engines for kmdash's review
// store side by side: go.etcd.io/bbolt and SQLite through the pure-Go
// driver modernc.org/sqlite. It is its own module so that the engine not
// chosen never enters kmdash's go.mod. BENCHMARKS.md ("Review store")
// gives the commands and the figures.
package reviewdb
