package server

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"
)

// Precompressed assets: make build writes a brotli and a gzip copy of the
// WebAssembly beside it (web/app.wasm.br and .gz, by cmd/precompress), and
// the server sends the copy that the client's Accept-Encoding takes, brotli
// first: 8 MB become 1.7 MB without compressing on every request.

// A contentCoding is one of the encodings the server has copies in.
type contentCoding struct {
	name string // as in Accept-Encoding and Content-Encoding
	ext  string // of the copy's file
	// decode reads a copy, to check that it holds its file.
	decode func(io.Reader) (io.Reader, error)
}

// contentCodings are the copies the server looks for, in its order of
// preference: brotli is the smaller.
var contentCodings = []contentCoding{
	{"br", ".br", func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil }},
	{"gzip", ".gz", func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) }},
}

// A representation is one form of an asset: its own bytes, or a copy in a
// content coding.
type representation struct {
	coding  string // "" for the file itself
	content []byte
	etag    string
}

// precompressedAssets serves the assets of files, each with the ETag of
// its content: those with copies by content negotiation, from memory, and
// the others with files. How long they may be cached is for its caller to
// say (cachedAssets).
type precompressedAssets struct {
	files http.Handler
	// forms holds, by file name, the file itself and then its copies in
	// contentCodings' order.
	forms map[string][]representation
	// types holds each negotiated file's Content-Type.
	types map[string]string
	// etags holds the ETag of each asset without copies.
	etags map[string]string
}

// newPrecompressedAssets serves assets, with copies where they are; a copy
// that does not decode to its file (a WebAssembly built again without
// make, say) is left out, and logged.
func newPrecompressedAssets(assets fs.FS, logger *slog.Logger) (*precompressedAssets, error) {
	p := &precompressedAssets{
		files: http.FileServerFS(assetFiles{assets}),
		forms: map[string][]representation{},
		types: map[string]string{},
		etags: map[string]string{},
	}
	err := readAssets(assets, func(name string, content []byte) error {
		forms := []representation{{content: content, etag: etagOf(content, "")}}
		for _, coding := range contentCodings {
			encoded, err := fs.ReadFile(assets, name+coding.ext)
			if err != nil {
				continue
			}
			if err := checkCopy(content, encoded, coding); err != nil {
				logger.Warn("not serving a compressed copy that differs from its file: run make build",
					"file", name+coding.ext, "problem", err)
				continue
			}
			forms = append(forms, representation{coding.name, encoded, etagOf(encoded, coding.name)})
		}
		if len(forms) > 1 {
			p.forms[name] = forms
			p.types[name] = mime.TypeByExtension(path.Ext(name))
		} else {
			p.etags[name] = forms[0].etag
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// isCopy reports whether name is a compressed copy of another asset.
func isCopy(name string) bool {
	for _, coding := range contentCodings {
		if strings.HasSuffix(name, coding.ext) {
			return true
		}
	}
	return false
}

// etagOf is a strong ETag for one representation: each has its own, as
// caches that store several under one URL need.
func etagOf(content []byte, coding string) string {
	sum := sha256.Sum256(content)
	tag := hex.EncodeToString(sum[:12])
	if coding != "" {
		tag += "-" + coding
	}
	return `"` + tag + `"`
}

// checkedCopies remembers the copies found to hold their files, by the
// hashes of both: every server of a process (tests start dozens) embeds
// the same ones, and decoding 8 MB takes a tenth of a second.
var checkedCopies sync.Map // [2][sha256.Size]byte → true

// checkCopy returns why encoded, in coding, does not decode to content.
func checkCopy(content, encoded []byte, coding contentCoding) error {
	key := [2][sha256.Size]byte{sha256.Sum256(content), sha256.Sum256(encoded)}
	if _, ok := checkedCopies.Load(key); ok {
		return nil
	}
	r, err := coding.decode(bytes.NewReader(encoded))
	if err != nil {
		return err
	}
	decoded, err := io.ReadAll(io.LimitReader(r, int64(len(content))+1))
	if err != nil {
		return err
	}
	if !bytes.Equal(decoded, content) {
		return fmt.Errorf("it decodes to %d bytes that are not the file's %d", len(decoded), len(content))
	}
	checkedCopies.Store(key, true)
	return nil
}

// ServeHTTP serves the asset that the path names (below /web/). Every
// answer for an asset with copies says that it varies with
// Accept-Encoding and carries its representation's ETag.
func (p *precompressedAssets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	forms, ok := p.forms[name]
	if !ok {
		if etag, ok := p.etags[name]; ok {
			// The file server answers If-None-Match with this ETag.
			w.Header().Set("ETag", etag)
		}
		p.files.ServeHTTP(w, r)
		return
	}
	form := forms[0]
	if coding := chooseCoding(r.Header.Values("Accept-Encoding"), forms[1:]); coding >= 0 {
		form = forms[1+coding]
	}
	h := w.Header()
	h.Add("Vary", "Accept-Encoding")
	h.Set("Content-Type", p.types[name])
	h.Set("ETag", form.etag)
	if form.coding != "" {
		h.Set("Content-Encoding", form.coding)
		// ServeContent leaves the length of an encoded body out, for
		// ranges; a whole one is known, and lets the connection be reused.
		if r.Header.Get("Range") == "" {
			h.Set("Content-Length", strconv.Itoa(len(form.content)))
		}
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(form.content))
}

// chooseCoding returns the index in forms of the copy to send to a client
// whose Accept-Encoding headers are given, or -1 for the file itself: the
// coding the client ranks highest (by q-value, RFC 9110, section 12.5.3),
// the first of forms among equals. Without the header a client gets the
// file itself: it may not know any coding.
func chooseCoding(accept []string, forms []representation) int {
	best, bestQ := -1, 0.0
	for i, form := range forms {
		if q := acceptQ(accept, form.coding); q > bestQ {
			best, bestQ = i, q
		}
	}
	return best
}

// acceptQ is the q-value that Accept-Encoding headers give coding: its own
// entry's, else that of "*", else 0. x-gzip is gzip.
func acceptQ(accept []string, coding string) float64 {
	own, wildcard := -1.0, -1.0
	for _, header := range accept {
		for _, item := range strings.Split(header, ",") {
			name, params, _ := strings.Cut(item, ";")
			name = strings.ToLower(strings.TrimSpace(name))
			if name == "x-gzip" {
				name = "gzip"
			}
			if name != coding && name != "*" {
				continue
			}
			q := 1.0
			for _, param := range strings.Split(params, ";") {
				key, value, _ := strings.Cut(param, "=")
				if strings.EqualFold(strings.TrimSpace(key), "q") {
					v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
					if err != nil || v < 0 || v > 1 {
						v = 0 // not a q-value: not an acceptance either
					}
					q = v
				}
			}
			if name == coding {
				own = max(own, q)
			} else {
				wildcard = max(wildcard, q)
			}
		}
	}
	switch {
	case own >= 0:
		return own
	case wildcard >= 0:
		return wildcard
	}
	return 0
}
