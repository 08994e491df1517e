// Command precompress writes, beside each file it is given, a brotli copy
// (FILE.br) and a gzip copy (FILE.gz), which the server sends to browsers
// that accept them instead of compressing on every request. make build runs
// it on web/app.wasm.
//
//	go run ./cmd/precompress [-brotli-quality N] FILE...
//
// Copies that already hold a file's content are left alone: go build
// rewrites the WebAssembly even when nothing changed, so timestamps cannot
// tell, and brotli's best qualities take seconds.
package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// defaultBrotliQuality is the quality make build uses. On web/app.wasm
// (8.5 MB, 2 cores), quality 9 gives 1.69 MB in 1 s, 10 gives 1.51 MB in
// 13 s and 11 gives 1.49 MB in 21 s (30 s on a busy machine): 11 takes
// eight seconds more of a build for 23 KB less of every reader's download,
// and keeps the WebAssembly within issue 6's 1.5 MB.
const defaultBrotliQuality = 11

func main() {
	quality := flag.Int("brotli-quality", defaultBrotliQuality, "brotli `quality`, 0 (fastest) to 11 (smallest)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: precompress [-brotli-quality N] FILE...\n\nWrites FILE.br (brotli) and FILE.gz (gzip -9) beside each FILE.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 || *quality < brotli.BestSpeed || *quality > brotli.BestCompression {
		flag.Usage()
		os.Exit(2)
	}
	failed := false
	for _, file := range flag.Args() {
		if err := precompress(file, *quality, os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "precompress: %v\n", err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

// An encoding is one way of compressing a file, and the extension of its
// copy.
type encoding struct {
	ext string
	// settings name how encode compresses: a copy made otherwise (a quick
	// build's brotli at quality 1) is made again.
	settings string
	encode   func(w io.Writer, src []byte) error
	decode   func(r io.Reader) (io.Reader, error)
}

func encodings(quality int) []encoding {
	return []encoding{
		{".br", fmt.Sprintf("brotli quality %d, window 24", quality),
			func(w io.Writer, src []byte) error {
				// The window covers 16 MB: a WebAssembly twice today's size
				// still finds repeats across all of it.
				bw := brotli.NewWriterOptions(w, brotli.WriterOptions{Quality: quality, LGWin: 24})
				if _, err := bw.Write(src); err != nil {
					return err
				}
				return bw.Close()
			},
			func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		},
		{".gz", "gzip level 9",
			func(w io.Writer, src []byte) error {
				gw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
				if err != nil {
					return err
				}
				if _, err := gw.Write(src); err != nil {
					return err
				}
				return gw.Close()
			},
			func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		},
	}
}

// precompress writes file's brotli and gzip copies, both at once, unless
// they already hold its content, and reports each to log.
func precompress(file string, quality int, log io.Writer) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex
		reports = map[string]string{}
		errs    = map[string]error{}
	)
	list := encodings(quality)
	for _, enc := range list {
		wg.Go(func() {
			report, err := write(file+enc.ext, src, enc)
			mu.Lock()
			defer mu.Unlock()
			reports[enc.ext], errs[enc.ext] = report, err
		})
	}
	wg.Wait()
	var all []error
	for _, enc := range list {
		if errs[enc.ext] != nil {
			all = append(all, errs[enc.ext])
			continue
		}
		fmt.Fprintf(log, "%s%s: %s\n", file, enc.ext, reports[enc.ext])
	}
	return errors.Join(all...)
}

// write makes the copy of src at path with enc, unless it already holds
// src, made with enc's settings. The copy is written under a name that
// starts with a dot, which go:embed leaves out, and then renamed: an
// interrupted build never leaves a truncated copy for the server to embed.
// The settings go beside it, in a file go:embed leaves out too
// (settingsPath).
func write(path string, src []byte, enc encoding) (string, error) {
	if holds(path, src, enc) {
		return "up to date", nil
	}
	start := time.Now()
	var out bytes.Buffer
	if err := enc.encode(&out, src); err != nil {
		return "", fmt.Errorf("compressing %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(out.Bytes()); err != nil {
		tmp.Close()
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return "", err
	}
	if err := os.WriteFile(settingsPath(path), []byte(enc.settings), 0o644); err != nil {
		return "", err
	}
	return fmt.Sprintf("%d bytes, %.1f%% of %d, in %.1f s", out.Len(),
		100*float64(out.Len())/float64(len(src)), len(src), time.Since(start).Seconds()), nil
}

// settingsPath is where the settings of the copy at path are noted.
func settingsPath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".settings")
}

// holds reports whether the copy at path decodes to src, and was made with
// enc's settings.
func holds(path string, src []byte, enc encoding) bool {
	if settings, err := os.ReadFile(settingsPath(path)); err != nil || string(settings) != enc.settings {
		return false
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	r, err := enc.decode(f)
	if err != nil {
		return false
	}
	got, err := io.ReadAll(io.LimitReader(r, int64(len(src))+1))
	return err == nil && bytes.Equal(got, src)
}
