// Command alternate times two commands run one after the other, in turn,
// N times each, from process start to exit, and prints each one's median
// and the ratio of the medians. Taking turns spreads the machine's
// moments of load over both commands alike.
//
//	alternate -n 200 'kmdash-base render …' 'kmdash-head render …'
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 100, "runs of each command")
	warm := flag.Int("warmup", 10, "untimed runs of each first")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: alternate [-n N] [-warmup W] 'COMMAND A' 'COMMAND B'")
		os.Exit(2)
	}
	cmds := [2][]string{strings.Fields(flag.Arg(0)), strings.Fields(flag.Arg(1))}
	var times [2][]time.Duration
	for i := 0; i < *warm+*n; i++ {
		for j, argv := range cmds {
			d, err := timeRun(argv)
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", argv[0], err)
				os.Exit(1)
			}
			if i >= *warm {
				times[j] = append(times[j], d)
			}
		}
	}
	var med [2]time.Duration
	for j := range cmds {
		slices.Sort(times[j])
		med[j] = times[j][len(times[j])/2]
		fmt.Printf("%-60s median %8.2f ms  (p10 %.2f, p90 %.2f)\n", strings.Join(cmds[j], " "),
			ms(med[j]), ms(times[j][len(times[j])/10]), ms(times[j][len(times[j])*9/10]))
	}
	fmt.Printf("ratio B/A of medians: %.3f over %d runs each\n", float64(med[1])/float64(med[0]), *n)
}

func timeRun(argv []string) (time.Duration, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	start := time.Now()
	err := cmd.Run()
	return time.Since(start), err
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
