package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/web"
)

// export writes the whole site as static files, for any static host or CDN
// at any path prefix: every page prerendered, the JSON API as files, the
// assets under content-hashed names, embed.js and the schema, with brotli
// and gzip copies of everything that compresses.
func export(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("export", flag.ContinueOnError)
	flags.SetOutput(stderr)
	out := flags.String("o", "", "`directory` to write the site to (required)")
	base := flags.String("base", "/", "the `path` the site will be served under, like /graphics/liaison/")
	dir := flags.String("data", "", "`directory` of timeline files (default: the embedded timelines)")
	quality := flags.Int("brotli", 11, "brotli `quality`, 0 to 11: 11 makes the WebAssembly smallest for readers and takes about a minute")
	domain := flags.String("domain", "", "the `host` the site will be served from (news.example), for the https links social networks read in pages")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	if *out == "" || flags.NArg() > 0 || !strings.HasPrefix(*base, "/") || *quality < 0 || *quality > 11 || *domain != "" && !validDomain(*domain) {
		fmt.Fprintln(stderr, "Usage: liaison export -o DIR [-base /path/] [-data DIR] [-brotli 11] [-domain news.example]")
		flags.PrintDefaults()
		return 2
	}
	lib, err := loadLibrary(*dir)
	var invalid data.Errors
	switch {
	case errors.As(err, &invalid):
		fmt.Fprintf(stderr, "liaison export: the timelines are not valid:\n%v\n", err)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "liaison export: %v\n", err)
		return 1
	}
	now, err := exportClock(os.Getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		fmt.Fprintf(stderr, "liaison export: %v\n", err)
		return 2
	}
	files, err := exportFiles(lib, web.FS, strings.TrimSuffix(*base, "/"), *domain, *quality, now)
	if err == nil {
		err = writeSite(*out, files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "liaison export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d files to %s, for %s\n", len(files), *out, path.Clean(*base+"/"))
	return 0
}

// exportClock is the clock of the pages an export renders, which places
// "now" on their charts (to the hour, like the server's): the time of the
// export, or the Unix time in sourceDateEpoch when it is set, as the
// reproducible-builds convention SOURCE_DATE_EPOCH has it. The same input
// then gives the same files, whenever it is exported.
func exportClock(sourceDateEpoch string) (func() time.Time, error) {
	if sourceDateEpoch == "" {
		return time.Now, nil
	}
	seconds, err := strconv.ParseInt(sourceDateEpoch, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("SOURCE_DATE_EPOCH is %q: want seconds since 1970 (like 1767225600)", sourceDateEpoch)
	}
	at := time.Unix(seconds, 0).UTC()
	return func() time.Time { return at }, nil
}

// exportFiles renders the site for base on domain (see serverConfig), with
// the pages' clock now, as files by their path in the export. The same
// input gives the same files, byte for byte.
func exportFiles(lib *data.Library, assets fs.FS, base, domain string, quality int, now func() time.Time) (map[string][]byte, error) {
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

	_, handler, err := buildServer(lib, assets, serverConfig{Export: site, Domain: domain, Clock: now})
	if err != nil {
		return nil, err
	}
	srv := httptest.NewServer(handler)
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
		pages[app.TimelinePath(t.ID)] = "t/" + t.ID + "/index.html"
		pages[app.EmbedPath(t.ID)] = "embed/" + t.ID + "/index.html"
		pages["/api/timelines/"+t.ID] = "api/timelines/" + t.ID + ".json"
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
			gz, br := compress(files[name], quality)
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

// writeSite writes files under dir.
func writeSite(dir string, files map[string][]byte) error {
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := writeFile(p, content); err != nil {
			return err
		}
	}
	return nil
}
