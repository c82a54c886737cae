package review

import (
	"errors"
	"fmt"

	"github.com/kmdash/kmdash/model"
)

// The ways a review database can refuse to be used. Each comes wrapped in
// an *Error that names the file and says what to do, in one line.
var (
	// ErrInUse: another process held the file for longer than the
	// store waits.
	ErrInUse = errors.New("in use by another process")
	// ErrForeign: the file is not a kmdash review database.
	ErrForeign = errors.New("not a kmdash review database")
	// ErrDamaged: the file is a review database that cannot be read.
	ErrDamaged = errors.New("damaged")
	// ErrNewer: a later kmdash wrote the file in a layout this one does
	// not know.
	ErrNewer = errors.New("written by a newer kmdash")
)

// Error is a refusal to use the review database at Path.
type Error struct {
	Path string
	Kind error  // one of the Err values above
	Why  string // what the engine said, or what was found instead
}

func (e *Error) Error() string {
	why := ""
	if e.Why != "" {
		why = " (" + e.Why + ")"
	}
	switch e.Kind {
	case ErrInUse:
		return fmt.Sprintf("review database %s is %s%s; try again when it is done, or choose another file with --review-db", e.Path, e.Kind, why)
	case ErrNewer:
		return fmt.Sprintf("review database %s was %s%s; it was left untouched: use that kmdash, or choose another file with --review-db", e.Path, e.Kind, why)
	}
	return fmt.Sprintf("review database %s is %s%s; it was left untouched: choose another file with --review-db", e.Path, e.Kind, why)
}

// RefusedPath is the file refused (model.ReviewRefusal).
func (e *Error) RefusedPath() string { return e.Path }

// RefusedFor is the kind of refusal, for the dashboard to word it in its
// reader's language (model.ReviewRefusal).
func (e *Error) RefusedFor() model.RefusalKind {
	switch e.Kind {
	case ErrInUse:
		return model.RefusedInUse
	case ErrNewer:
		return model.RefusedNewer
	case ErrForeign:
		return model.RefusedForeign
	}
	return model.RefusedDamaged
}

// Unwrap lets errors.Is(err, ErrInUse) and the others see the kind.
func (e *Error) Unwrap() error { return e.Kind }
