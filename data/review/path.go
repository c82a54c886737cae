package review

import (
	"errors"
	"os"
	"os/user"
	"path/filepath"
	"runtime"

	"github.com/kmdash/kmdash/model"
)

// DefaultPath is where reviews are kept when no --review-db is given: the
// user's data directory, beside the SSH host key, so a review outlives
// the session and the terminal it was made in.
func DefaultPath() (string, error) {
	var dir string
	switch runtime.GOOS {
	case "windows":
		dir = os.Getenv("LOCALAPPDATA")
	case "darwin":
		d, err := os.UserConfigDir()
		if err != nil {
			return "", err
		}
		dir = d
	default:
		dir = os.Getenv("XDG_DATA_HOME")
		if dir == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return "", errors.New("no home directory for the review database; give --review-db")
			}
			dir = filepath.Join(home, ".local", "share")
		}
	}
	if dir == "" {
		return "", errors.New("no data directory for the review database; give --review-db")
	}
	return filepath.Join(dir, "kmdash", "review.db"), nil
}

// At is the store in the database a command's --review-db names (flag),
// else in the default one. Like New, it touches nothing.
func At(flag string, opt Options) (*Store, error) {
	if flag != "" {
		return New(flag, opt), nil
	}
	path, err := DefaultPath()
	if err != nil {
		return nil, err
	}
	return New(path, opt), nil
}

// Local is the review log of a dashboard on this terminal, in the
// database --review-db names (else the default one), its entries signed
// with the user's login name. Where there is no database to name, the
// dashboard still starts, and says why when a review is opened.
func Local(flag string) model.ReviewLog {
	s, err := At(flag, Options{Author: LocalAuthor})
	if err != nil {
		return Unavailable(err)
	}
	return s
}

// LocalAuthor names the person at this terminal: their login name.
func LocalAuthor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return model.CleanAuthor(u.Username)
	}
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if s := os.Getenv(v); s != "" {
			return model.CleanAuthor(s)
		}
	}
	return "local"
}

// KeyAuthor names a presenter over SSH by their key: the comment of the
// key's line in the presenter list (usually user@host) where it has one,
// else the key's fingerprint (SHA256:…), which is unique to it.
func KeyAuthor(comment, fingerprint string) string {
	if c := model.CleanAuthor(comment); c != "" {
		return c
	}
	return model.CleanAuthor(fingerprint)
}

// Unavailable is a review log that cannot be used and says why each time
// it is asked: a dashboard with no data directory still starts, and says
// what to do only when a review is opened.
func Unavailable(err error) model.ReviewLog { return unavailable{err} }

type unavailable struct{ err error }

func (u unavailable) Append(...model.ReviewEntry) ([]model.ReviewEntry, error) { return nil, u.err }
func (u unavailable) Entries(string) ([]model.ReviewEntry, error)              { return nil, u.err }
