package server

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// isAsset reports whether a file of web/ is an asset: not the Go source
// that embeds the rest, and not a compressed copy, which the file's own
// URL serves to the clients that take them (precompressedAssets).
func isAsset(name string) bool {
	return path.Ext(name) != ".go" && !isCopy(name)
}

// assetFiles is the web/ directory as the server may serve it: its assets,
// but no directory (http.FileServerFS would list it).
type assetFiles struct{ fs.FS }

func (a assetFiles) Open(name string) (fs.File, error) {
	notFound := &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	if !isAsset(name) {
		return nil, notFound
	}
	f, err := a.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if info, err := f.Stat(); err != nil || info.IsDir() {
		f.Close()
		return nil, notFound
	}
	return f, nil
}

// assetNames are the names pages load the assets of web/ by: each carries
// a hash of its content (app.3f2a9c01b2d4.wasm), so that what a name holds
// never changes, and browsers and CDNs may keep it forever, while a build
// that changes an asset gives it a new name. liaison export writes the
// assets under these names; the server serves them under both.
type assetNames struct {
	hashed map[string]string // "app.wasm" → "app.3f2a9c01b2d4.wasm"
	plain  map[string]string // "app.3f2a9c01b2d4.wasm" → "app.wasm"
	// sum changes with the content of any asset: the pages' version
	// includes it, because a page names the assets by their hashes.
	sum [sha256.Size]byte
}

// readAssets reads each asset at the top of assets (see isAsset) and hands
// it to use, in the order of their names.
func readAssets(assets fs.FS, use func(name string, content []byte) error) error {
	entries, err := fs.ReadDir(assets, ".")
	if err != nil {
		return fmt.Errorf("listing the assets: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isAsset(name) {
			continue
		}
		content, err := fs.ReadFile(assets, name)
		if err != nil {
			return fmt.Errorf("reading the asset %s: %w", name, err)
		}
		if err := use(name, content); err != nil {
			return err
		}
	}
	return nil
}

// newAssetNames hashes the assets at the top of assets.
func newAssetNames(assets fs.FS) (*assetNames, error) {
	n := &assetNames{hashed: map[string]string{}, plain: map[string]string{}}
	all := sha256.New()
	err := readAssets(assets, func(name string, content []byte) error {
		sum := sha256.Sum256(content)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
		n.hashed[name], n.plain[hashed] = hashed, name
		fmt.Fprintf(all, "%s\x00%x\n", name, sum)
		return nil
	})
	if err != nil {
		return nil, err
	}
	all.Sum(n.sum[:0])
	return n, nil
}

// siteResources is where go-app's pages point for path: every absolute
// path under base, and the assets of web/ under their hashed names. It
// implements goapp.ResourceResolver, for the server (base "") and for
// liaison export (the path the site will be served under).
type siteResources struct {
	base  string // like "/graphics/liaison", or "" for the root
	names *assetNames
}

func (s *siteResources) Resolve(p string) string {
	switch {
	case strings.HasPrefix(p, "http://"), strings.HasPrefix(p, "https://"), !strings.HasPrefix(p, "/"):
		return p
	case p == "/":
		if s.base == "" {
			return "/"
		}
		return s.base
	}
	if name, ok := strings.CutPrefix(p, "/web/"); ok && s.names.hashed[name] != "" {
		return s.base + "/web/" + s.names.hashed[name]
	}
	return s.base + p
}

// immutableCaching is the Cache-Control of an asset under its hashed name:
// what the name holds never changes, so browsers and CDNs keep it for a
// year without asking again.
const immutableCaching = "public, max-age=31536000, immutable"

// cachedAssets serves each asset under its two names. Under its hashed
// name, which the pages load, it is immutable. Under its plain name
// (/web/app.wasm), which pages rendered before hashing and other sites may
// still load, it changes with a build, so it is revalidated (no-cache,
// with the ETag of precompressedAssets). A hashed name that is not the
// hash of the asset's current content is not found: what it named is
// gone, and the current content must not be kept forever under it.
type cachedAssets struct {
	names *assetNames
	files *precompressedAssets
}

// ServeHTTP serves the asset that the path names below /web/.
func (c *cachedAssets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/web/")
	if !ok {
		http.NotFound(w, r)
		return
	}
	c.serveAsset(w, r, name)
}

// serveAsset answers r with the asset of name, hashed or plain, whatever
// the request's path is.
func (c *cachedAssets) serveAsset(w http.ResponseWriter, r *http.Request, name string) {
	caching := "no-cache"
	if plain, ok := c.names.plain[name]; ok {
		name, caching = plain, immutableCaching
	}
	w.Header().Set("Cache-Control", caching)
	// A sandboxed iframe (WordPress sandboxes unknown oEmbed providers'
	// iframes without allow-same-origin) has an opaque origin, "null", and
	// fetches the WebAssembly by CORS: it may, as any site may link to the
	// assets anyway.
	w.Header().Set("Access-Control-Allow-Origin", "*")
	r2 := new(http.Request)
	*r2 = *r
	r2.URL = new(url.URL)
	*r2.URL = *r.URL
	r2.URL.Path, r2.URL.RawPath = name, ""
	if ranges := r.Header.Get("Range"); strings.Count(ranges, ",") >= maxRanges {
		// RFC 9110, section 14.2: a server may ignore a Range header.
		r2.Header = r.Header.Clone()
		r2.Header.Del("Range")
	}
	c.files.ServeHTTP(w, r2)
}

// maxRanges is the most ranges of an asset a request is answered with:
// browsers ask for one at a time, and a request for more is answered with
// the whole asset. http.ServeContent sends any number as one multipart
// answer: 3,001 ranges of a byte of the WebAssembly were 405 KB.
const maxRanges = 8

// plainWasm answers go-app's other URLs of the WebAssembly, /app.wasm and
// /goapp.wasm, as its plain name: they stay the same across builds, while
// go-app would serve them as the hashed name that its resolver gives.
func (c *cachedAssets) plainWasm(w http.ResponseWriter, r *http.Request) {
	c.serveAsset(w, r, "app.wasm")
}
