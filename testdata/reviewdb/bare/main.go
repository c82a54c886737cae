// Command bare is the floor for the engine comparison: a Go program that
// prints one line and exits, paying only what any Go program pays.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "open" {
		fmt.Println("no engine")
		return
	}
	fmt.Println("render")
}
