package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/cmd/liaison/internal/picture"
	"github.com/liaison-timeline/liaison/data"
)

// An ExportConfig says how Export renders the site.
type ExportConfig struct {
	// Base is the path the site will be served under, like
	// /graphics/liaison, without its last slash; "" for the root.
	Base string
	// Domain is the host the site will be served from (see
	// Config.Domain). Without it, the pages cannot name their oEmbed
	// answers (see oembedLink).
	Domain string
	// BrotliQuality is the quality of the brotli copies, 0 to 11 (see
	// compress).
	BrotliQuality int
	// Clock is the pages' clock (see Config.Clock).
	Clock func() time.Time
}

// Export renders the whole site as static files, by their path in the
// export: every page prerendered, the JSON API as files, the assets under
// content-hashed names, embed.js and the schema, with brotli and gzip
// copies of everything that compresses. The same input gives the same
// files, byte for byte.
func Export(lib *data.Library, assets fs.FS, cfg ExportConfig) (map[string][]byte, error) {
	base, domain := cfg.Base, cfg.Domain
	names, err := newAssetNames(assets)
	if err != nil {
		return nil, err
	}
	site := &siteResources{base: base, names: names}
	files := map[string][]byte{}
	err = readAssets(assets, func(name string, content []byte) error {
		files["web/"+names.hashed[name]] = content
		return nil
	})
	if err != nil {
		return nil, err
	}

	s, err := New(lib, assets, Config{export: site, Domain: domain, Clock: cfg.Clock})
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	pages := map[string]string{ // request → file
		"/":                        "index.html",
		"/app.js":                  "app.js",
		"/wasm_exec.js":            "wasm_exec.js",
		"/app-worker.js":           "app-worker.js",
		"/manifest.webmanifest":    "manifest.webmanifest",
		"/app.css":                 "app.css",
		"/embed.js":                "embed.js",
		"/schema/timeline-v1.json": "schema/timeline-v1.json",
		"/api/timelines":           "api/timelines.json",
	}
	for _, t := range lib.Timelines() {
		// A page is the index.html of a folder, which static hosts serve
		// at the folder's path.
		for _, page := range []string{app.TimelinePath(t.ID), app.EmbedPath(t.ID)} {
			pages[page] = strings.TrimPrefix(page, "/") + "/index.html"
		}
		pages["/api/timelines/"+t.ID] = "api/timelines/" + t.ID + ".json"
		// The pictures of its whole timeline, beside its folder: the
		// chart, and the share card its pages' og:image names.
		for _, p := range []pictureRequest{{t.ID, picture.Chart, picture.PNG}, {t.ID, picture.Chart, picture.SVG}, {t.ID, picture.Card, picture.PNG}} {
			pages[p.path()] = strings.TrimPrefix(p.path(), "/")
		}
	}
	if domain != "" {
		maps.Copy(pages, oembedFiles(lib, "https://"+domain+base))
	}
	for request, file := range pages {
		resp, err := http.Get(srv.URL + request)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("rendering %s: %s", request, resp.Status)
		}
		if path.Ext(file) == ".html" {
			body = sortAttributes(body)
		}
		files[file] = body
	}
	// The copies are made from a list of the files taken first: ranging
	// over the map while adding to it made copies of copies
	// (index.html.gz.gz), a different set at each export.
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if compressible(name) {
			gz, br := compress(files[name], cfg.BrotliQuality)
			files[name+".gz"], files[name+".br"] = gz, br
		}
	}
	files["_headers"] = headersFile(base, slices.Sorted(maps.Keys(files)))
	return files, nil
}

// headersFile is the _headers file that Netlify, Cloudflare Pages and
// other static hosts read for the export of files under base: a static
// export cannot send HTTP headers itself, so it tells the host the ones
// the server sends (its security headers, embeds framable by any site),
// and that hashed assets never change. Hosts that do not read it need the
// same set by hand.
//
// Hosts differ when several rules match a path. Cloudflare Pages applies
// every one, and joins the values of a header that more than one sets
// with commas: two Content-Security-Policy values are two policies, both
// enforced, and a rule for /* with frame-ancestors 'self' beside one for
// /embed/* with frame-ancestors * blocked every embed. Netlify keeps the
// last rule's value, other hosts the first or most specific rule. So no
// path here matches two rules: there is one for the site's root, one for
// each of its directories (embed/ alone framable), and one for each file
// at its top (names), each with every header of its paths.
func headersFile(base string, names []string) []byte {
	var paths []string // the rules' paths, under base
	for _, name := range names {
		if dir, _, nested := strings.Cut(name, "/"); nested {
			paths = append(paths, "/"+dir+"/*")
		} else if name != "_headers" {
			paths = append(paths, "/"+name)
		}
	}
	slices.Sort(paths)
	paths = append([]string{"/"}, slices.Compact(paths)...)

	var b strings.Builder
	for _, p := range paths {
		h := http.Header{}
		setHeaders(h, "", p, "")
		fmt.Fprintf(&b, "%s%s\n", base, p)
		for _, name := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
			fmt.Fprintf(&b, "  %s: %s\n", name, h.Get(name))
		}
		if p == "/web/*" {
			fmt.Fprintf(&b, "  Cache-Control: %s\n", immutableCaching)
		}
		if p == "/web/*" || p == "/api/*" {
			// Readable by embeds in sandboxed iframes, whose origin is "null".
			fmt.Fprintf(&b, "  Access-Control-Allow-Origin: *\n")
		}
	}
	return []byte(b.String())
}

// compressible reports whether a file gains from compression: text and
// WebAssembly, not images.
func compressible(name string) bool {
	switch path.Ext(name) {
	case ".png", ".jpg", ".gif", ".webp", ".ico", "":
		return false
	}
	return true
}

// compress makes gzip (best) and brotli copies, brotli with a 16 MiB
// window: on the WebAssembly, quality 11 saves readers about 20 % over
// quality 9, for a minute of one export.
func compress(content []byte, quality int) (gz, br []byte) {
	var g, b bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	gw.Write(content)
	gw.Close()
	bw := brotli.NewWriterOptions(&b, brotli.WriterOptions{Quality: quality, LGWin: 24})
	bw.Write(content)
	bw.Close()
	return g.Bytes(), b.Bytes()
}
