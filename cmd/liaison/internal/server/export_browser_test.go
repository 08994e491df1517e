//go:build built

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
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
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	files, err := Export(lib, testAssets(t), ExportConfig{Base: "/graphics/liaison", Domain: "news.example", BrotliQuality: 1, Clock: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeExport(dir, files); err != nil {
		t.Fatal(err)
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
