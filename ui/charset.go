package ui

import (
	"io"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// A terminal whose locale is GBK, GB2312 or GB18030 (Xshell, SecureCRT
// or PuTTY set to GBK, a Chinese Windows console) reads and sends bytes
// in that character set. kmdash draws in UTF-8 and transcodes at the
// terminal's edge, after frames are shared among sessions: GB18030
// covers GBK and GB2312 and every Unicode character besides, so nothing
// drawn is lost in the encoding.

// GB18030Output is w taking UTF-8 and passing it on in GB18030. Escape
// sequences are ASCII and pass unchanged.
func GB18030Output(w io.Writer) io.Writer {
	return transform.NewWriter(w, simplifiedchinese.GB18030.NewEncoder())
}

// GB18030Input is r's GB18030 read as UTF-8.
func GB18030Input(r io.Reader) io.Reader {
	return &decoder{src: r, t: simplifiedchinese.GB18030.NewDecoder()}
}

// decoder turns a terminal's GB18030 input into UTF-8, a read at a
// time. Unlike transform.Reader it reads its source once a call (again
// only to finish a character cut short) and gives back all it decoded: a terminal's reader waits for the file to
// be readable before each read, and anything decoded but held back would
// wait for the next key press. So it reads no more than the caller's
// buffer can take once decoded (GB18030 grows by half at most), keeping
// only the bytes of a character cut between reads. Bytes that are not
// GB18030 come out as U+FFFD, as x/text decodes them.
type decoder struct {
	src     io.Reader
	t       transform.Transformer
	pending []byte // the start of a character whose end has not come
	ready   []byte // decoded, not yet read (only for tiny buffers)
	in, out []byte
}

func (d *decoder) Read(p []byte) (int, error) {
	if len(d.ready) > 0 {
		n := copy(p, d.ready)
		d.ready = d.ready[n:]
		return n, nil
	}
	for {
		room := max(1, len(p)*2/3-len(d.pending))
		d.in = append(append(d.in[:0], d.pending...), make([]byte, room)...)
		n, err := d.src.Read(d.in[len(d.pending):])
		src := d.in[:len(d.pending)+n]
		if need := 2*len(src) + 8; cap(d.out) < need {
			d.out = make([]byte, need)
		}
		nDst, nSrc, _ := d.t.Transform(d.out[:cap(d.out)], src, err != nil)
		d.pending = append(d.pending[:0], src[nSrc:]...)
		if nDst > 0 || err != nil {
			c := copy(p, d.out[:nDst])
			d.ready = append(d.ready[:0], d.out[c:nDst]...)
			if c < nDst {
				err = nil // the rest first; the error comes back on the next read
			}
			return c, err
		}
	}
}

// gbFile is a terminal's file with its bytes in GB18030: the program
// reads and writes UTF-8 through it, and still finds the terminal behind
// it (its size, raw mode, waiting for input).
type gbFile struct {
	*os.File
	r io.Reader
	w io.Writer
}

func (f gbFile) Read(p []byte) (int, error)  { return f.r.Read(p) }
func (f gbFile) Write(p []byte) (int, error) { return f.w.Write(p) }

// GB18030Terminal wraps a local terminal's input and output files.
func GB18030Terminal(in, out *os.File) (input, output interface {
	io.ReadWriteCloser
	Fd() uintptr
	Name() string
}) {
	return gbFile{File: in, r: GB18030Input(in), w: in}, gbFile{File: out, r: out, w: GB18030Output(out)}
}
