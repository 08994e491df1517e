package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// hashOf is the hash that names content: the first 12 hex digits of its
// SHA-256, computed here apart from the server's own code.
func hashOf(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])[:12]
}

// readAsset is the content of an asset of assets.
func readAsset(t *testing.T, assets fs.FS, name string) []byte {
	t.Helper()
	content, err := fs.ReadFile(assets, name)
	if err != nil {
		t.Fatal(err)
	}
	return content
}

// hashedNames are the names under which pages must load the assets of
// assets, by plain name: icon.svg → icon.<hash of its content>.svg.
func hashedNames(t *testing.T, assets fs.FS) map[string]string {
	t.Helper()
	names := map[string]string{}
	for _, name := range []string{"app.wasm", "liaison.css", "icon.svg", "icon-192.png", "icon-512.png", "embed.js", "frame.js"} {
		ext := path.Ext(name)
		names[name] = strings.TrimSuffix(name, ext) + "." + hashOf(readAsset(t, assets, name)) + ext
	}
	return names
}

// TestPagesLoadHashedAssets reads what pages, go-app's manifest and its
// app.js (which loads the WebAssembly) point to under /web/: every asset
// by its hashed name, never by its plain one. Each of those URLs answers
// the asset itself, cached for a year as immutable.
func TestPagesLoadHashedAssets(t *testing.T) {
	assets := testAssets(t)
	hashed := hashedNames(t, assets)
	plainOf := map[string]string{}
	for plain, h := range hashed {
		plainOf["/web/"+h] = plain
	}
	srv := startServer(t, "")
	assetURL := regexp.MustCompile(`/web/[^"'\s\\)]*`)
	tests := []struct {
		page string
		want []string // the assets it must load, by plain name
	}{
		{"/t/james-norton", []string{"liaison.css", "icon.svg", "icon-192.png", "frame.js"}},
		{"/embed/james-norton?person=lily-allen", []string{"liaison.css", "icon.svg", "icon-192.png", "frame.js"}},
		{"/", []string{"liaison.css", "icon.svg", "icon-192.png", "frame.js"}},
		{"/manifest.webmanifest", []string{"icon.svg", "icon-192.png", "icon-512.png"}},
		{"/app.js", []string{"app.wasm"}},
	}
	loaded := map[string]bool{}
	for _, tt := range tests {
		status, _, body := get(t, srv.URL+tt.page)
		if status != http.StatusOK {
			t.Fatalf("GET %s: status %d", tt.page, status)
		}
		var got []string
		for _, u := range assetURL.FindAllString(body, -1) {
			plain, ok := plainOf[u]
			if !ok {
				t.Errorf("%s loads %s, which is not an asset's hashed name", tt.page, u)
				continue
			}
			got = append(got, plain)
			loaded[u] = true
		}
		for _, want := range tt.want {
			if !slices.Contains(got, want) {
				t.Errorf("%s does not load /web/%s (%s); it loads %q", tt.page, hashed[want], want, got)
			}
		}
	}

	for u := range loaded {
		t.Run(u, func(t *testing.T) {
			want := readAsset(t, assets, plainOf[u])
			resp, body := fetchEncoded(t, srv.URL+u, "")
			if resp.StatusCode != http.StatusOK || !bytes.Equal(body, want) {
				t.Errorf("status %d with %d bytes, want 200 and web/%s (%d bytes)", resp.StatusCode, len(body), plainOf[u], len(want))
			}
			if got := resp.Header.Get("Cache-Control"); got != immutableCaching {
				t.Errorf("Cache-Control %q, want %q", got, immutableCaching)
			}
		})
	}
}

// TestAssetCaching checks how long each name of an asset may be kept:
// a hashed name for ever (with content negotiation still, for the
// WebAssembly), a plain name only after revalidation, a hashed name whose
// hash is not of the current content not at all (404). /embed.js keeps
// its stable URL and its hour.
func TestAssetCaching(t *testing.T) {
	assets := testAssets(t)
	hashed := hashedNames(t, assets)
	wasmHash := hashOf(readAsset(t, assets, "app.wasm"))
	srv := startServer(t, "")
	tests := []struct {
		name, path, accept string
		status             int
		cache              string // the Cache-Control wanted; "" for none
		coding             string // the Content-Encoding wanted
		asset              string // the file the body decodes to
		negotiated         bool   // Vary: Accept-Encoding
	}{
		{"hashed WebAssembly, brotli", "/web/" + hashed["app.wasm"], "gzip, deflate, br, zstd", 200, immutableCaching, "br", "app.wasm", true},
		{"hashed WebAssembly, gzip", "/web/" + hashed["app.wasm"], "gzip, deflate", 200, immutableCaching, "gzip", "app.wasm", true},
		{"hashed WebAssembly, no coding", "/web/" + hashed["app.wasm"], "", 200, immutableCaching, "", "app.wasm", true},
		{"hashed stylesheet", "/web/" + hashed["liaison.css"], "gzip, br", 200, immutableCaching, "", "liaison.css", false},
		{"hashed icon", "/web/" + hashed["icon-512.png"], "", 200, immutableCaching, "", "icon-512.png", false},
		{"plain WebAssembly", "/web/app.wasm", "br", 200, "no-cache", "br", "app.wasm", true},
		{"go-app's /app.wasm", "/app.wasm", "gzip", 200, "no-cache", "gzip", "app.wasm", true},
		{"go-app's /goapp.wasm", "/goapp.wasm", "", 200, "no-cache", "", "app.wasm", true},
		{"plain stylesheet", "/web/liaison.css", "", 200, "no-cache", "", "liaison.css", false},
		{"plain icon", "/web/icon.svg", "", 200, "no-cache", "", "icon.svg", false},
		{"embed.js at its stable URL", "/embed.js", "", 200, "public, max-age=3600", "", "embed.js", false},
		{"WebAssembly under another hash", "/web/app.000000000000.wasm", "br", 404, "", "", "", false},
		{"stylesheet under the WebAssembly's hash", "/web/liaison." + wasmHash + ".css", "", 404, "", "", "", false},
		{"hashed name with its hash in capitals", "/web/app." + strings.ToUpper(wasmHash) + ".wasm", "", 404, "", "", "", false},
		{"hashed name of a compressed copy", "/web/app." + wasmHash + ".wasm.br", "br", 404, "", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := fetchEncoded(t, srv.URL+tt.path, tt.accept)
			h := resp.Header
			if resp.StatusCode != tt.status {
				t.Fatalf("GET %s: status %d, want %d", tt.path, resp.StatusCode, tt.status)
			}
			if got := h.Get("Cache-Control"); got != tt.cache {
				t.Errorf("Cache-Control %q, want %q", got, tt.cache)
			}
			if tt.asset == "" {
				return
			}
			if got := h.Get("Content-Encoding"); got != tt.coding {
				t.Errorf("Content-Encoding %q, want %q", got, tt.coding)
			}
			if got := containsFold(h.Values("Vary"), "Accept-Encoding"); got != tt.negotiated {
				t.Errorf("Vary %q: Accept-Encoding in it is %v, want %v", h.Values("Vary"), got, tt.negotiated)
			}
			want := readAsset(t, assets, tt.asset)
			if got := decodeBody(t, tt.coding, body); !bytes.Equal(got, want) {
				t.Errorf("the body decodes to %d bytes that are not web/%s (%d bytes)", len(got), tt.asset, len(want))
			}
			if tt.path == "/embed.js" {
				return
			}
			// Every name of an asset can be revalidated for nothing.
			etag := h.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			resp, body = fetchEncoded(t, srv.URL+tt.path, tt.accept, "If-None-Match", etag)
			if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
				t.Errorf("revalidating with ETag %s: status %d with %d bytes, want 304 and none", etag, resp.StatusCode, len(body))
			}
		})
	}
}

// TestAssetChangeRenamesIt serves two builds that differ only in their
// stylesheet: the new build's pages load it under a new name, with a new
// ETag (a browser that revalidates a page gets the new one, never an old
// page naming a stylesheet that is gone), and the old name is not found.
func TestAssetChangeRenamesIt(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	build := func(css string) (*httptest.Server, string) {
		assets := fstest.MapFS{
			"app.wasm":    {Data: []byte("\x00asm the app")},
			"liaison.css": {Data: []byte(css)},
		}
		handler, err := New(lib, assets, Config{})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(handler)
		t.Cleanup(srv.Close)
		return srv, "/web/liaison." + hashOf([]byte(css)) + ".css"
	}
	oldSrv, oldCSS := build("body { color: black }")
	newSrv, newCSS := build("body { color: navy }")

	_, oldHeader, oldPage := get(t, oldSrv.URL+"/t/james-norton")
	_, newHeader, newPage := get(t, newSrv.URL+"/t/james-norton")
	if !strings.Contains(oldPage, oldCSS) || !strings.Contains(newPage, newCSS) {
		t.Errorf("the pages do not load their build's stylesheet, %s and %s", oldCSS, newCSS)
	}
	if oldHeader.Get("ETag") == newHeader.Get("ETag") {
		t.Errorf("both builds' pages have the ETag %s", oldHeader.Get("ETag"))
	}
	if status, _, _ := get(t, newSrv.URL+oldCSS); status != http.StatusNotFound {
		t.Errorf("GET %s from the new build: status %d, want 404", oldCSS, status)
	}
	status, header, body := get(t, newSrv.URL+newCSS)
	if status != http.StatusOK || body != "body { color: navy }" || header.Get("Cache-Control") != immutableCaching {
		t.Errorf("GET %s: %d %q with Cache-Control %q", newCSS, status, body, header.Get("Cache-Control"))
	}
}
