package ui

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// chunks is a reader that gives its pieces one read each, as a terminal
// gives what was typed in one go.
type chunks struct{ parts [][]byte }

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.parts[0])
	c.parts[0] = c.parts[0][n:]
	if len(c.parts[0]) == 0 {
		c.parts = c.parts[1:]
	}
	return n, nil
}

// TestGB18030Input decodes what a GBK terminal types: Chinese split
// between reads, keys and escape sequences, four-byte characters, and
// reads of every size, each giving back all it decoded.
func TestGB18030Input(t *testing.T) {
	t.Parallel()
	text := "/贡献率\x1b[A𠀀q昆明"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []int{1, 2, 3, 5, len(gb)} {
		for _, bufSize := range []int{1, 3, 8, 9, 256} {
			var parts [][]byte
			for i := 0; i < len(gb); i += split {
				parts = append(parts, bytes.Clone(gb[i:min(len(gb), i+split)]))
			}
			r := GB18030Input(&chunks{parts: parts})
			var out []byte
			buf := make([]byte, bufSize)
			for {
				n, err := r.Read(buf)
				out = append(out, buf[:n]...)
				if err != nil {
					break
				}
			}
			if string(out) != text {
				t.Errorf("split %d, reads of %d: %q, want %q", split, bufSize, out, text)
			}
		}
	}
	if err := iotest.TestReader(GB18030Input(bytes.NewReader(gb)), []byte(text)); err != nil {
		t.Error(err)
	}
}

func TestGB18030Output(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	w := GB18030Output(&b)
	for _, part := range []string{"\x1b[1;1H", "昆明市“当好排头兵”", " 4.4% ", "▲"} {
		if _, err := io.WriteString(w, part); err != nil {
			t.Fatal(err)
		}
	}
	want, _ := simplifiedchinese.GB18030.NewEncoder().String("\x1b[1;1H昆明市“当好排头兵” 4.4% ▲")
	if b.String() != want {
		t.Errorf("%q, want %q", b.String(), want)
	}
}
