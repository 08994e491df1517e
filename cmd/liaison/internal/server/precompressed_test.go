package server

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"
)

// rawClient asks for exactly the encodings a test names: Go's client
// otherwise asks for gzip itself and decodes it out of sight.
var rawClient = &http.Client{Transport: &http.Transport{DisableCompression: true}}

// fetchEncoded requests url with the given Accept-Encoding ("" sends
// none) and other headers, as name, value pairs (Host among them), and
// returns the answer with its body as sent.
func fetchEncoded(t *testing.T, url, accept string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept-Encoding", accept)
	}
	for i := 0; i+1 < len(header); i += 2 {
		if header[i] == "Host" { // the client sends req.Host, not this header
			req.Host = header[i+1]
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := rawClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// decodeBody decodes a body sent with the given Content-Encoding.
func decodeBody(t *testing.T, coding string, body []byte) []byte {
	t.Helper()
	var r io.Reader = bytes.NewReader(body)
	switch coding {
	case "br":
		r = brotli.NewReader(r)
	case "gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatalf("the gzip body does not decode: %v", err)
		}
		r = zr
	case "":
	default:
		t.Fatalf("unexpected Content-Encoding %q", coding)
	}
	decoded, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("the %s body does not decode: %v", coding, err)
	}
	return decoded
}

// TestWasmByAcceptEncoding fetches the WebAssembly as browsers and other
// clients ask for it: each gets the brotli copy, the gzip copy or the file
// itself as its Accept-Encoding says, brotli first among equals, and every
// answer decodes to the very file that make build wrote.
func TestWasmByAcceptEncoding(t *testing.T) {
	assets := testAssets(t)
	wasm, err := fs.ReadFile(assets, "app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	for _, copy := range []string{"app.wasm.br", "app.wasm.gz"} {
		if _, err := fs.Stat(assets, copy); err != nil {
			t.Fatalf("web/%s is missing: run make test (or make build first), which writes it", copy)
		}
	}
	srv := startServer(t, "")
	tests := []struct {
		accept, want string
	}{
		{"gzip, deflate, br, zstd", "br"}, // Chromium over HTTPS
		{"gzip, deflate", "gzip"},         // Chromium over plain HTTP
		{"br", "br"},
		{"gzip", "gzip"},
		{"X-GZIP", "gzip"},
		{"br;q=0.5, gzip", "gzip"},
		{"*", "br"},
		{"*;q=0.2, br;q=0", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"br;q=nonsense", ""},
		{"deflate, zstd", ""},
		{"identity", ""},
		{"", ""}, // no Accept-Encoding at all
	}
	etags := map[string]string{}
	for _, path := range []string{"/web/app.wasm", "/app.wasm"} {
		for _, tt := range tests {
			resp, body := fetchEncoded(t, srv.URL+path, tt.accept)
			name := path + " with Accept-Encoding " + strconv.Quote(tt.accept)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d", name, resp.StatusCode)
				continue
			}
			if got := resp.Header.Get("Content-Encoding"); got != tt.want {
				t.Errorf("%s: Content-Encoding %q, want %q", name, got, tt.want)
			}
			if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
				t.Errorf("%s: Content-Type %q, want application/wasm", name, got)
			}
			if got := resp.Header.Values("Vary"); !containsFold(got, "Accept-Encoding") {
				t.Errorf("%s: Vary %q, want Accept-Encoding", name, got)
			}
			if got := resp.Header.Get("Content-Length"); got != strconv.Itoa(len(body)) {
				t.Errorf("%s: Content-Length %s for %d bytes", name, got, len(body))
			}
			if got := decodeBody(t, resp.Header.Get("Content-Encoding"), body); !bytes.Equal(got, wasm) {
				t.Errorf("%s: decodes to %d bytes that are not web/app.wasm (%d bytes)", name, len(got), len(wasm))
			}
			coding, etag := resp.Header.Get("Content-Encoding"), resp.Header.Get("ETag")
			if previous, ok := etags[coding]; ok && previous != etag {
				t.Errorf("%s: ETag %s, but %s before for the same encoding", name, etag, previous)
			}
			etags[coding] = etag
		}
	}
	if len(etags) != 3 || etags[""] == etags["br"] || etags["br"] == etags["gzip"] || etags[""] == etags["gzip"] {
		t.Errorf("ETags by encoding: %q; want three different ones, as each representation has its own", etags)
	}

	// A browser that has the brotli copy revalidates it for nothing.
	resp, body := fetchEncoded(t, srv.URL+"/web/app.wasm", "gzip, deflate, br", "If-None-Match", etags["br"])
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
		t.Errorf("revalidating the brotli copy: status %d with %d bytes, want 304 and none", resp.StatusCode, len(body))
	}
}

func containsFold(list []string, want string) bool {
	for _, item := range list {
		for _, part := range strings.Split(item, ",") {
			if strings.EqualFold(strings.TrimSpace(part), want) {
				return true
			}
		}
	}
	return false
}

// TestWasmLoaderCountsTheFileItself checks that go-app's loader is told the
// WebAssembly's own size: the browser hands it the decoded bytes, so the
// Content-Length of a compressed copy would stop its progress at a fifth.
func TestWasmLoaderCountsTheFileItself(t *testing.T) {
	wasm, err := fs.ReadFile(testAssets(t), "app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, "")
	status, _, script := get(t, srv.URL+"/app.js")
	if status != http.StatusOK {
		t.Fatalf("GET /app.js: status %d", status)
	}
	if want := `goappWasmContentLength = "` + strconv.Itoa(len(wasm)) + `"`; !strings.Contains(script, want) {
		t.Errorf("app.js lacks %s, the size of web/app.wasm", want)
	}
}

// TestCompressedCopiesHaveNoURL checks that the copies are only ever sent
// as their file's representation, under its URL and type.
func TestCompressedCopiesHaveNoURL(t *testing.T) {
	srv := startServer(t, "")
	for _, path := range []string{"/web/app.wasm.br", "/web/app.wasm.gz"} {
		if resp, _ := fetchEncoded(t, srv.URL+path, "br, gzip"); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, resp.StatusCode)
		}
	}
}

// TestStaleCopyIsNotServed builds a server whose brotli copy is of an
// older WebAssembly than the one beside it (built again without make):
// clients get the gzip copy, which is right, never the old app, and the
// server logs why.
func TestStaleCopyIsNotServed(t *testing.T) {
	current, old := []byte("\x00asm the app as built now"), []byte("\x00asm the app as built before")
	var br, gz bytes.Buffer
	bw := brotli.NewWriter(&br)
	bw.Write(old)
	bw.Close()
	gw := gzip.NewWriter(&gz)
	gw.Write(current)
	gw.Close()
	assets := fstest.MapFS{
		"app.wasm":    {Data: current},
		"app.wasm.br": {Data: br.Bytes()},
		"app.wasm.gz": {Data: gz.Bytes()},
	}
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	var log syncBuffer
	handler, err := New(lib, assets, Config{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(handler)
	defer srv.Close()

	resp, body := fetchEncoded(t, srv.URL+"/web/app.wasm", "br, gzip")
	if coding := resp.Header.Get("Content-Encoding"); coding != "gzip" {
		t.Errorf("Content-Encoding %q, want gzip: the brotli copy is stale", coding)
	}
	if got := decodeBody(t, resp.Header.Get("Content-Encoding"), body); !bytes.Equal(got, current) {
		t.Errorf("served %q, want the current app %q", got, current)
	}
	if !strings.Contains(log.String(), "app.wasm.br") {
		t.Errorf("the server did not log the stale copy; its log:\n%s", log.String())
	}
}

// TestManyRangesGetTheWholeAsset asks for assets by ranges: a few are
// answered as asked, and more than maxRanges with the whole asset, not a
// multipart answer of thousands of parts.
func TestManyRangesGetTheWholeAsset(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	ranges := func(n int) string {
		list := make([]string, n)
		for i := range list {
			list[i] = fmt.Sprintf("%d-%d", 2*i, 2*i)
		}
		return "bytes=" + strings.Join(list, ",")
	}
	for _, path := range []string{"/web/app.wasm", "/app.wasm", "/web/liaison.css"} {
		for _, accept := range []string{"", "br"} {
			whole, wholeBody := fetchEncoded(t, srv.URL+path, accept)
			for _, tt := range []struct {
				ranges int
				status int
			}{{1, 206}, {2, 206}, {maxRanges, 206}, {maxRanges + 1, 200}, {3001, 200}} {
				resp, body := fetchEncoded(t, srv.URL+path, accept, "Range", ranges(tt.ranges))
				if resp.StatusCode != tt.status {
					t.Errorf("%s (Accept-Encoding %q) in %d ranges = %d, want %d", path, accept, tt.ranges, resp.StatusCode, tt.status)
				}
				if tt.status == 200 && (!bytes.Equal(body, wholeBody) || resp.Header.Get("Content-Encoding") != whole.Header.Get("Content-Encoding")) {
					t.Errorf("%s (Accept-Encoding %q) in %d ranges: %d bytes, want the whole asset's %d", path, accept, tt.ranges, len(body), len(wholeBody))
				}
			}
		}
	}
}
