package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-timeline/liaison/data"
)

// TestExportOnAStaticHost exports the site for a path prefix, serves the
// export with a plain Go file server (not Liaison) under that prefix, and
// uses it in the browser as a reader would.
func TestExportOnAStaticHost(t *testing.T) {
	webAssets(t)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"export", "-o", dir, "-base", "/graphics/liaison/", "-brotli", "1", "-domain", "news.example"}, &stdout, &stderr); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(dir, "t", "james-norton", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`<meta [^>]*content="https://news.example/graphics/liaison/t/james-norton"[^>]*>`).Match(page) {
		t.Error("the exported page lacks its og:url on news.example")
	}
	// A static host has no /oembed: the page names the answer the export
	// wrote for it.
	if href := oembedHref(string(page)); href != "https://news.example/graphics/liaison/oembed/t/james-norton.json" {
		t.Errorf("the exported page's oEmbed link is %q, want the export's file for it", href)
	}

	// The API as files; every asset under a hashed name; compressed copies
	// that decode to the files.
	api, err := os.ReadFile(filepath.Join(dir, "api", "timelines", "james-norton.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := data.Parse("answer", api); err != nil {
		t.Errorf("the exported API file is not a valid timeline: %v", err)
	}
	wasm, _ := filepath.Glob(filepath.Join(dir, "web", "app.*.wasm"))
	if len(wasm) != 1 || !regexp.MustCompile(`app\.[0-9a-f]{12}\.wasm$`).MatchString(wasm[0]) {
		t.Fatalf("hashed WebAssembly: %v", wasm)
	}
	appJS, _ := os.ReadFile(filepath.Join(dir, "app.js"))
	if !strings.Contains(string(appJS), "/graphics/liaison/web/"+filepath.Base(wasm[0])) {
		t.Error("app.js does not load the hashed WebAssembly under the prefix")
	}
	raw, _ := os.ReadFile(wasm[0])
	for ext, decode := range map[string]func(io.Reader) (io.Reader, error){
		".gz": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		".br": func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
	} {
		compressed, err := os.ReadFile(wasm[0] + ext)
		if err != nil {
			t.Fatal(err)
		}
		r, err := decode(bytes.NewReader(compressed))
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := io.ReadAll(r); !bytes.Equal(got, raw) || len(compressed) >= len(raw) {
			t.Errorf("%s copy: %d bytes, decodes to the file: %v", ext, len(compressed), bytes.Equal(got, raw))
		}
	}

	headers, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"/graphics/liaison/t/*\n  Content-Security-Policy: ", "frame-ancestors 'self'\n",
		"/graphics/liaison/embed/*\n  Content-Security-Policy: ", "frame-ancestors *\n",
		"/graphics/liaison/web/*\n", "  Cache-Control: public, max-age=31536000, immutable\n  Access-Control-Allow-Origin: *\n",
		"/graphics/liaison/api/*\n", "  Referrer-Policy: no-referrer\n  Access-Control-Allow-Origin: *\n"} {
		if !strings.Contains(string(headers), want) {
			t.Errorf("_headers lacks %q:\n%s", want, headers)
		}
	}

	host := httptest.NewServer(http.StripPrefix("/graphics/liaison", http.FileServer(http.Dir(dir))))
	t.Cleanup(host.Close)
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(host.URL+"/graphics/liaison/t/james-norton/"), waitInteractive())
	if got := b.lanes(t); len(got) != 4 {
		t.Fatalf("the exported page shows lanes %q", got)
	}
	b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, "lil", chromedp.ByQuery))
	b.waitFor(t, "the option", `document.querySelector("#person-option-lily-allen")`)
	b.run(t, chromedp.KeyEvent(kb.Enter))
	b.waitFor(t, "the filter", `location.pathname == "/graphics/liaison/t/james-norton/" && location.search == "?person=lily-allen" && document.querySelectorAll(".lane").length == 3`)
	b.run(t, chromedp.Click(`#bar-lily-allen-lily-allen-david-harbour`, chromedp.ByQuery))
	b.waitFor(t, "the details", `document.querySelector(".details__title")?.textContent == "Lily Allen & David Harbour"`)

	b.run(t, chromedp.Navigate(host.URL+"/graphics/liaison/"), waitInteractive())
	if got := b.lanes(t); len(got) != 4 {
		t.Errorf("the exported index shows lanes %q", got)
	}
	b.run(t, chromedp.Navigate(host.URL+"/graphics/liaison/embed/james-norton/?person=david-harbour"), waitInteractive())
	if got := b.lanes(t); !slices.Equal(got, []string{"lily-allen", "david-harbour"}) {
		t.Errorf("the exported embed shows lanes %q", got)
	}
	var credit string
	b.eval(t, `document.querySelector(".liaison__credit a").getAttribute("href")`, &credit)
	if !strings.HasPrefix(credit, "/graphics/liaison/t/james-norton") {
		t.Errorf("the embed links to %q, outside the export's prefix", credit)
	}
	b.checkConsole(t)
}

// exportTree exports the default timelines with args into a new directory
// and returns every file of it, by its slash-separated path.
func exportTree(t *testing.T, args ...string) map[string][]byte {
	t.Helper()
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), append([]string{"export", "-o", dir}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr.String())
	}
	tree := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = content
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

// exportBase and exportEpoch are the path prefix and the pages' clock
// (SOURCE_DATE_EPOCH) of the exports that the tests below compare.
const (
	exportBase  = "/graphics/liaison"
	exportEpoch = 1767225600 // 2026-01-01T00:00:00Z
)

// exported is the site exported for exportBase at exportEpoch, made once
// for the tests that read it: an export takes seconds.
var exported struct {
	once  sync.Once
	files map[string][]byte
	err   error
}

// exportedSite is the files of the export of the default timelines for
// exportBase at exportEpoch, by their path in the export.
func exportedSite(t *testing.T) map[string][]byte {
	t.Helper()
	assets := webAssets(t)
	exported.once.Do(func() {
		lib, err := loadLibrary("")
		if err != nil {
			exported.err = err
			return
		}
		exported.files, exported.err = exportFiles(lib, assets, exportBase, "", 1, testExportClock)
	})
	if exported.err != nil {
		t.Fatal(exported.err)
	}
	return exported.files
}

// TestExportIsReproducible exports the same input twice, the second time
// with liaison export: the two hold the same files, byte for byte
// (compressed copies included, gzip's header too), and no copy is of a
// copy (index.html.gz.gz). Each export renders its pages anew, and go-app
// writes attributes in another order each time.
func TestExportIsReproducible(t *testing.T) {
	first := exportedSite(t)
	for name := range first {
		if strings.HasSuffix(name, ".gz.gz") || strings.HasSuffix(name, ".br.br") ||
			strings.HasSuffix(name, ".gz.br") || strings.HasSuffix(name, ".br.gz") {
			t.Errorf("the export has a compressed copy of a compressed copy: %s", name)
		}
	}
	// The pages' "now", which places the end of ongoing relationships, is
	// SOURCE_DATE_EPOCH's when it is set, as reproducible builds expect.
	t.Setenv("SOURCE_DATE_EPOCH", strconv.Itoa(exportEpoch))
	again := exportTree(t, "-base", exportBase+"/", "-brotli", "1")
	names := slices.Sorted(maps.Keys(first))
	if got := slices.Sorted(maps.Keys(again)); !slices.Equal(got, names) {
		t.Errorf("the second export wrote %d files, the first %d:\n%q\n%q", len(got), len(names), got, names)
	}
	for _, name := range names {
		if content, ok := again[name]; ok && !bytes.Equal(content, first[name]) {
			t.Errorf("the second export wrote another %s (%d bytes, the first %d)", name, len(content), len(first[name]))
		}
	}
}

// headerRule is one rule of a _headers file: the paths it matches, and
// its headers in their order.
type headerRule struct {
	path    string
	headers [][2]string
}

// parseHeadersFile reads a _headers file as Netlify and Cloudflare Pages
// document it: a line that starts with a path opens a rule, indented
// "Name: value" lines are its headers, # starts a comment.
func parseHeadersFile(t *testing.T, file string) []headerRule {
	t.Helper()
	var rules []headerRule
	for i, line := range strings.Split(file, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, headerRule{path: trimmed})
		case len(rules) == 0:
			t.Fatalf("_headers line %d: a header before any path: %q", i+1, line)
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok {
				t.Fatalf("_headers line %d: not a header: %q", i+1, line)
			}
			r := &rules[len(rules)-1]
			r.headers = append(r.headers, [2]string{http.CanonicalHeaderKey(name), strings.TrimSpace(value)})
		}
	}
	return rules
}

// matches reports whether a rule's path matches a request's: a * matches
// any characters, / included (a "splat"), as on both hosts.
func (r headerRule) matches(path string) bool {
	prefix, suffix, splat := strings.Cut(r.path, "*")
	if !splat {
		return path == r.path
	}
	return len(path) >= len(prefix)+len(suffix) && strings.HasPrefix(path, prefix) && strings.HasSuffix(path, suffix)
}

// hostSemantics are the ways static hosts apply the rules that match a
// request: every header of each, joined (Cloudflare Pages); the last
// rule's value of each header (Netlify); or the first or the most
// specific (longest) rule alone.
var hostSemantics = map[string]func(rules []headerRule) http.Header{
	"join every rule": func(rules []headerRule) http.Header {
		h := http.Header{}
		for _, r := range rules {
			for _, kv := range r.headers {
				h.Add(kv[0], kv[1])
			}
		}
		return h
	},
	"last value wins": func(rules []headerRule) http.Header {
		h := http.Header{}
		for _, r := range rules {
			for _, kv := range r.headers {
				h.Set(kv[0], kv[1])
			}
		}
		return h
	},
	"first rule": func(rules []headerRule) http.Header {
		return headerRule{headers: rules[0].headers}.header()
	},
	"most specific rule": func(rules []headerRule) http.Header {
		longest := rules[0]
		for _, r := range rules {
			if len(r.path) > len(longest.path) {
				longest = r
			}
		}
		return longest.header()
	},
}

func (r headerRule) header() http.Header {
	h := http.Header{}
	for _, kv := range r.headers {
		h.Add(kv[0], kv[1])
	}
	return h
}

// TestExportHeadersGiveOnePolicy reads the _headers of an export as each
// kind of host would: every path of the site, and every file, gets
// exactly one Content-Security-Policy (embeds framable by any site, the
// rest by the site only), nosniff and no-referrer; hashed assets are
// immutable.
func TestExportHeadersGiveOnePolicy(t *testing.T) {
	const base = exportBase
	tree := exportedSite(t)
	rules := parseHeadersFile(t, string(tree["_headers"]))
	if len(rules) > 100 {
		t.Errorf("%d rules: Cloudflare Pages reads 100 at most", len(rules))
	}
	paths := []string{"/", "/t/james-norton", "/t/james-norton/", "/t/x", "/embed/james-norton/", "/embed/x",
		"/embed/x/?person=y", "/embed.js", "/app.js", "/api/timelines/james-norton.json"}
	for name := range tree {
		if name != "_headers" {
			paths = append(paths, "/"+name)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		p, _, _ = strings.Cut(p, "?") // hosts match the path alone
		var matching []headerRule
		for _, r := range rules {
			if r.matches(base + p) {
				matching = append(matching, r)
			}
		}
		if len(matching) == 0 {
			t.Errorf("%s: no rule matches", p)
			continue
		}
		wantAncestors := "frame-ancestors 'self'"
		if strings.HasPrefix(p, "/embed/") {
			wantAncestors = "frame-ancestors *"
		}
		for semantics, apply := range hostSemantics {
			h := apply(matching)
			if csp := h.Values("Content-Security-Policy"); len(csp) != 1 || !strings.HasSuffix(csp[0], wantAncestors) {
				t.Errorf("%s, %s: Content-Security-Policy %q, want one ending in %s", p, semantics, csp, wantAncestors)
			}
			for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"} {
				if got := h.Values(name); len(got) != 1 || got[0] != want {
					t.Errorf("%s, %s: %s %q, want %q", p, semantics, name, got, want)
				}
			}
			if cache := h.Values("Cache-Control"); strings.HasPrefix(p, "/web/") != slices.Equal(cache, []string{immutableCaching}) {
				t.Errorf("%s, %s: Cache-Control %q", p, semantics, cache)
			}
		}
	}
}

// testExportClock is the clock of the tests' exports: exportEpoch.
func testExportClock() time.Time { return time.Unix(exportEpoch, 0) }
