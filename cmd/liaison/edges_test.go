//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/web"
)

// startHTTPServer serves the timelines of dir (the embedded ones when
// empty) on 127.0.0.1 exactly as `liaison serve` does: the same handler
// and the same http.Server, with its timeouts and limits. What the server
// logs goes to log.
func startHTTPServer(t *testing.T, dir string, log io.Writer) *httptest.Server {
	t.Helper()
	lib, err := loadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(log, nil))
	handler, err := newServer(lib, webAssets(t), serverConfig{Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(handler)
	srv.Config = newHTTPServer(handler, logger)
	srv.Start()
	t.Cleanup(srv.Close)
	return srv
}

// rawRequest sends request as it is written, bytes the Go client would
// correct or refuse, and returns the status and body of the answer.
func rawRequest(t *testing.T, addr, request string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("reading the answer to %.80q: %v", request, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestOddRequests checks that unknown ids, malformed or oversized URLs and
// headers, and paths that try to leave the assets get a clear 4xx: never a
// 5xx, a redirect to a guess, a directory listing, or a file that is not
// one of the assets.
func TestOddRequests(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	addr := srv.Listener.Addr().String()
	request := func(target string, header ...string) string {
		return "GET " + target + " HTTP/1.1\r\nHost: " + addr + "\r\n" + strings.Join(header, "") + "Connection: close\r\n\r\n"
	}
	tests := []struct {
		name       string
		request    string
		wantStatus int
		wantBody   string // a part of it
	}{
		{"unknown timeline", request("/t/nope"), 404, "There is no timeline called “nope”."},
		{"unknown timeline in the API", request("/api/timelines/nope"), 404, `{"error":"there is no timeline \"nope\""}`},
		{"unknown person", request("/t/james-norton?person=nobody"), 404, "nobody called “nobody”"},
		{"unknown person in the API", request("/api/timelines/james-norton?person=nobody"), 404, `has no person \"nobody\"`},
		{"unknown embed", request("/embed/nope"), 404, "There is no timeline called “nope”."},
		{"unknown person in an embed", request("/embed/james-norton?person=nobody"), 404, "nobody called “nobody”"},
		{"unknown route", request("/nothing-here"), 404, ""},
		{"repeated oEmbed URL", request("/oembed?url=a&url=b"), 400, `the parameter "url" is given 2 times: give it once`},
		{"repeated parameter", request("/t/james-norton?at=2020&at=2021"), 400, `the parameter "at" is given 2 times: give it once`},
		{"malformed query", request("/api/timelines/james-norton?person=%zz"), 400, `the query is not valid: invalid URL escape \"%zz\"`},
		{"dot-dot out of a page", request("/t/../../etc/passwd"), 400, "the path has an empty, . or .. segment"},
		{"dot-dot out of the assets", request("/web/../go.mod"), 400, "the path has an empty, . or .. segment"},
		{"encoded dot-dot", request("/web/%2e%2e/%2e%2e/go.mod"), 400, "the path has an empty, . or .. segment"},
		{"encoded slashes", request("/web/..%2f..%2fgo.mod"), 400, "the path has an empty, . or .. segment"},
		{"double slash", request("//etc/passwd"), 400, "the path has an empty, . or .. segment"},
		{"NUL in a path", request("/t/james-norton%00"), 400, "the path has a control character"},
		{"NUL in an asset's path", request("/web/liaison.css%00.png"), 400, "the path has a control character"},
		{"asset directory", request("/web/"), 404, "404 page not found"},
		{"asset directory, other method", "POST /web/ HTTP/1.1\r\nHost: " + addr + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 404, "404 page not found"},
		{"Go source of the assets", request("/web/web.go"), 404, "404 page not found"},
		{"robots.txt", request("/robots.txt"), 404, "404 page not found"},
		{"URL over the limit", request("/t/james-norton?person=" + strings.Repeat("a", 9000)), 414, "more than the 8192 this server reads"},
		{"URL over the header limit", request("/t/james-norton?person=" + strings.Repeat("a", maxHeaderBytes+8192)), 431, ""},
		{"header over the limit", request("/t/james-norton", "X-Big: "+strings.Repeat("a", maxHeaderBytes+8192)+"\r\n"), 431, ""},
		{"many person parameters", request("/api/timelines/james-norton?" + strings.Repeat("person=lily-allen&", 400)), 200, `"id":"lily-allen"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := rawRequest(t, addr, tt.request)
			if status != tt.wantStatus || !strings.Contains(body, tt.wantBody) {
				t.Errorf("answer %d %.300q, want %d with %q", status, body, tt.wantStatus, tt.wantBody)
			}
			for _, leak := range []string{"module github.com/liaison-timeline", "package web", "root:x:0:0"} {
				if strings.Contains(body, leak) {
					t.Errorf("the answer holds a file that is not an asset (%q)", leak)
				}
			}
		})
	}
}

// TestRobotsIsNotFetchedFromTheRequestHost checks that a request's Host
// header cannot make the server fetch a URL (go-app's handler answers
// /robots.txt by fetching /web/robots.txt from that host).
func TestRobotsIsNotFetchedFromTheRequestHost(t *testing.T) {
	fetched := make(chan string, 10)
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched <- r.URL.Path
		io.WriteString(w, "User-agent: *\nDisallow: /secret-of-another-host\n")
	}))
	defer other.Close()
	srv := startHTTPServer(t, "", io.Discard)
	for _, path := range goappProxyPaths {
		req := fmt.Sprintf("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, other.Listener.Addr())
		status, body := rawRequest(t, srv.Listener.Addr().String(), req)
		if status != 404 || strings.Contains(body, "secret-of-another-host") {
			t.Errorf("GET %s with the Host of another server = %d %q, want 404", path, status, body)
		}
	}
	select {
	case path := <-fetched:
		t.Errorf("the server fetched %s from the host the request named", path)
	default:
	}
}

// TestAssetsComeFromTheBinary checks that whatever the working directory
// holds, the server serves its embedded assets: go-app's handler, left to
// its default, serves /app.wasm and /web/… from the working directory.
func TestAssetsComeFromTheBinary(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"web/app.wasm": "not the app", "web/secret.txt": "a secret of the working directory"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	srv := startHTTPServer(t, "", io.Discard)
	wasm, err := fs.ReadFile(web.FS, "app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/app.wasm", "/goapp.wasm", "/web/app.wasm"} {
		status, _, body := get(t, srv.URL+path)
		if status != 200 || !bytes.Equal([]byte(body), wasm) {
			t.Errorf("GET %s = %d with %d bytes, want 200 and the embedded WebAssembly (%d bytes)", path, status, len(body), len(wasm))
		}
	}
	for _, method := range []string{"GET", "POST", "PUT"} {
		req, err := http.NewRequest(method, srv.URL+"/web/secret.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || strings.Contains(string(body), "secret") {
			t.Errorf("%s /web/secret.txt = %d %q, want 404", method, resp.StatusCode, body)
		}
	}
}

// TestEveryAnswerHasSecurityHeaders checks the headers of every kind of
// answer the server gives (pages, API, assets, go-app's scripts, errors),
// and that none sets a cookie.
func TestEveryAnswerHasSecurityHeaders(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	for _, path := range []string{
		"/", "/t/james-norton", "/t/nope", "/embed/james-norton", "/api/timelines", "/api/timelines/james-norton",
		"/api/nope", "/healthz", "/web/liaison.css", "/web/icon.svg", "/app.js", "/wasm_exec.js", "/app-worker.js",
		"/manifest.webmanifest", "/app.css", "/nothing-here", "/t/../x",
	} {
		status, header, _ := get(t, srv.URL+path)
		if status >= 500 {
			t.Errorf("GET %s = %d", path, status)
		}
		ancestors := "'self'"
		if strings.HasPrefix(path, "/embed/") {
			ancestors = "*"
		}
		if got, want := header.Get("Content-Security-Policy"), contentSecurityPolicy+"; frame-ancestors "+ancestors; got != want {
			t.Errorf("GET %s: Content-Security-Policy = %q, want %q", path, got, want)
		}
		if header.Get("X-Content-Type-Options") != "nosniff" || header.Get("Referrer-Policy") != "no-referrer" || header.Get("X-Request-Id") == "" {
			t.Errorf("GET %s: X-Content-Type-Options %q, Referrer-Policy %q, X-Request-Id %q", path,
				header.Get("X-Content-Type-Options"), header.Get("Referrer-Policy"), header.Get("X-Request-Id"))
		}
		if c := header.Values("Set-Cookie"); len(c) > 0 {
			t.Errorf("GET %s sets cookies %q", path, c)
		}
	}
}
