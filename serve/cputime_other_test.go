//go:build !unix

package serve

// cpuTime is not measured where there is no getrusage.
func cpuTime() int64 { return 0 }
