package ui

import (
	"flag"
	"os"
	"testing"
)

// fuzzMinimize is how much FuzzApp's fuzzing spends minimizing an input
// that found new coverage, unless -fuzzminimizetime says otherwise: 20
// runs. Go's default is 60 seconds, and its minimizer tries removing
// every subset of bytes, thousands of runs for an input of a hundred
// bytes. One run of FuzzApp plays a session of up to 200 messages and
// takes 70–700 ms under the fuzzer's coverage instrumentation, so every
// new input took the whole minute, nearly every early input is new, and
// the fuzzer stalled at 0 execs/s right after its seeds. Twenty runs
// still cut the unneeded tail off an input (the minimizer's first step)
// and off a crasher.
const fuzzMinimize = "20x"

func TestMain(m *testing.M) {
	flag.Parse()
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.fuzzminimizetime" })
	if !given {
		if err := flag.Set("test.fuzzminimizetime", fuzzMinimize); err != nil {
			panic(err)
		}
	}
	// Tests and fuzz inputs run the commands an update returns, the
	// refusal's timer among them; they deliver its message themselves.
	refusalFor = 0
	os.Exit(m.Run())
}
