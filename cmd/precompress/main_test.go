package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestPrecompress writes the copies of a file, leaves them alone while
// they hold it, and writes them again when it changes: each copy always
// decodes to the file.
func TestPrecompress(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "app.wasm")
	check := func(want []byte) {
		t.Helper()
		for ext, decode := range map[string]func(io.Reader) (io.Reader, error){
			".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
			".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		} {
			encoded, err := os.ReadFile(file + ext)
			if err != nil {
				t.Fatal(err)
			}
			r, err := decode(bytes.NewReader(encoded))
			if err != nil {
				t.Fatalf("%s does not decode: %v", ext, err)
			}
			got, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%s decodes to %d bytes (%v), want the file's %d", ext, len(got), err, len(want))
			}
			if len(encoded) >= len(want) {
				t.Errorf("%s has %d bytes, no fewer than the file's %d", ext, len(encoded), len(want))
			}
		}
	}

	first := []byte(strings.Repeat("\x00asm the first build ", 2000))
	if err := os.WriteFile(file, first, 0o644); err != nil {
		t.Fatal(err)
	}
	var log strings.Builder
	if err := precompress(file, 5, &log); err != nil {
		t.Fatal(err)
	}
	check(first)

	// The same content again, as go build rewrites it: nothing to do.
	if err := os.WriteFile(file, first, 0o644); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	if err := precompress(file, 5, &log); err != nil {
		t.Fatal(err)
	}
	if strings.Count(log.String(), "up to date") != 2 {
		t.Errorf("copies that hold the file were written again:\n%s", log.String())
	}

	second := []byte(strings.Repeat("\x00asm the second build ", 2000))
	if err := os.WriteFile(file, second, 0o644); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	if err := precompress(file, 5, &log); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(log.String(), "up to date") {
		t.Errorf("copies of the old file were kept:\n%s", log.String())
	}
	check(second)

	// A build at another quality makes the brotli copy again, and keeps
	// the gzip one: quality 1's copy stayed, 800 KB larger, after make
	// build at 11.
	log.Reset()
	if err := precompress(file, 6, &log); err != nil {
		t.Fatal(err)
	}
	if got := log.String(); !strings.Contains(got, "app.wasm.gz: up to date") || strings.Contains(got, "app.wasm.br: up to date") {
		t.Errorf("at another brotli quality:\n%s", got)
	}
	check(second)

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{".app.wasm.br.settings", ".app.wasm.gz.settings", "app.wasm", "app.wasm.br", "app.wasm.gz"}; !slices.Equal(names, want) {
		t.Errorf("the directory holds %q, want %q: the file, its two copies and their settings, no temporary ones", names, want)
	}
}
