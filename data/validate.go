package data

import (
	"errors"
	"fmt"
	"io"

	"github.com/kmdash/kmdash/model"
)

// Validate checks each pack file ("" is the embedded pack) and writes to w
// one line for each good pack, with what it holds, and every problem of
// each bad one. It fails when any pack does; an error that is not about a
// pack (none so far) stops it there.
func Validate(w io.Writer, files ...string) error {
	failed := false
	for _, f := range files {
		pack, err := check(f)
		if err != nil {
			var problems Problems
			if !errors.As(err, &problems) {
				return err
			}
			fmt.Fprintln(w, problems.Error())
			failed = true
			continue
		}
		name := f
		if name == "" {
			name = DefaultName + " (embedded)"
		}
		figures := 0
		for _, ind := range pack.Indicators {
			figures += len(ind.Obs)
		}
		fmt.Fprintf(w, "%s: ok, %d indicators, %d figures, %d sources\n", name, len(pack.Indicators), figures, len(pack.Sources))
	}
	if failed {
		return errors.New("validation failed")
	}
	return nil
}

// check reads a pack the slow way, through the YAML loader and every
// check: for the embedded pack that is its YAML, not the form decoded when
// kmdash was built.
func check(path string) (*model.Pack, error) {
	if path == "" {
		return Load(DefaultName, DefaultBytes())
	}
	return LoadFile(path)
}
