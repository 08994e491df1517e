package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// TestSplicedGzip decodes spliced copies with texts from none to several
// stored blocks long, at the start, middle and end of a page: each is the
// page with the text in its place, with a right CRC-32 and length (which
// the gzip reader checks), in one gzip member.
func TestSplicedGzip(t *testing.T) {
	page := []byte(strings.Repeat(`<p class="lane">James Norton and Imogen Poots</p>`, 500))
	texts := map[string]string{
		"none":               "",
		"a link":             `<link rel="alternate" href="http://news.example/oembed?url=…">`,
		"one full block":     strings.Repeat("x", maxStoredBlock),
		"a block and a byte": strings.Repeat("y", maxStoredBlock+1),
		"three blocks":       strings.Repeat("z", 3*maxStoredBlock-7),
	}
	for _, at := range []int{0, 123, len(page)} {
		g := newSplicedGzip(page[:at], page[at:])
		for name, text := range texts {
			var stream bytes.Buffer
			pieces := g.with(text)
			pieces.WriteTo(&stream)
			zr, err := gzip.NewReader(&stream)
			if err != nil {
				t.Fatalf("at %d, %s: %v", at, name, err)
			}
			zr.Multistream(false)
			got, err := io.ReadAll(zr)
			if err != nil {
				t.Errorf("at %d, %s: %v", at, name, err)
				continue
			}
			if want := string(page[:at]) + text + string(page[at:]); string(got) != want {
				t.Errorf("at %d, %s: decodes to %d bytes, want %d", at, name, len(got), len(want))
			}
			if rest, _ := io.ReadAll(&stream); len(rest) > 0 {
				t.Errorf("at %d, %s: %d bytes after the gzip member", at, name, len(rest))
			}
		}
	}
}
