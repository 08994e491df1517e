package server

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rawRequest sends request as it is written, bytes the Go client would
// correct or refuse, and returns the status and body of the answer (see
// exchange).
func rawRequest(t *testing.T, addr, request string) (int, string) {
	t.Helper()
	resp, body := exchange(t, addr, http.MethodGet, request, 1<<20)
	if resp == nil {
		t.Fatalf("%.80q: the server closed the connection without an answer", request)
	}
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
	wasm, err := fs.ReadFile(testAssets(t), "app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/app.wasm", "/goapp.wasm", "/web/app.wasm"} {
		status, _, body := get(t, srv.URL+path)
		if status != 200 || !bytes.Equal([]byte(body), wasm) {
			t.Errorf("GET %s = %d with %d bytes, want 200 and the embedded WebAssembly (%d bytes)", path, status, len(body), len(wasm))
		}
	}
	for method, want := range map[string]int{"GET": 404, "POST": 405, "PUT": 405} {
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
		if resp.StatusCode != want || strings.Contains(string(body), "secret") {
			t.Errorf("%s /web/secret.txt = %d %q, want %d", method, resp.StatusCode, body, want)
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

// TestHeaderLimitIsExact sends requests whose line and headers, with the
// blank line that ends them, are exactly maxHeaderBytes long and one byte
// longer: the first is served, the second refused with 431 by Go's server.
func TestHeaderLimitIsExact(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	addr := srv.Listener.Addr().String()
	request := func(size int) string {
		head := "GET /healthz HTTP/1.1\r\nHost: " + addr + "\r\nConnection: close\r\nX-Pad: "
		return head + strings.Repeat("a", size-len(head)-len("\r\n\r\n")) + "\r\n\r\n"
	}
	for _, tt := range []struct {
		size, status int
	}{{maxHeaderBytes, 200}, {maxHeaderBytes + 1, 431}} {
		req := request(tt.size)
		if len(req) != tt.size {
			t.Fatalf("the request is %d bytes, want %d", len(req), tt.size)
		}
		if status, body := rawRequest(t, addr, req); status != tt.status {
			t.Errorf("a request of %d bytes = %d %q, want %d", tt.size, status, body, tt.status)
		}
	}
}

// TestRequestsGoRefuses sends requests that Go's server refuses before any
// handler sees them, so without the headers of withMiddleware: each
// answer is plain text that names the problem and holds nothing of the
// request, as README.md says.
func TestRequestsGoRefuses(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	addr := srv.Listener.Addr().String()
	const payload = "<script>alert(1)</script>"
	for _, tt := range []struct {
		name, request string
		status        int
		body          string
	}{
		{"malformed request line", "GET /" + payload + "\r\n\r\n", 400, "400 Bad Request"},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", 400, "400 Bad Request: missing required Host header"},
		{"malformed Host", "GET / HTTP/1.1\r\nHost: a b" + payload + "\r\n\r\n", 400, "400 Bad Request: malformed Host header"},
		{"malformed header", "GET / HTTP/1.1\r\nHost: x\r\n" + payload + ": 1\r\n\r\n", 400, "400 Bad Request"},
		{"HTTP/2 without TLS", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505, "505 HTTP Version Not Supported: unsupported protocol version"},
		{"unknown transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + payload + "\r\n\r\n", 501, "Unsupported transfer encoding"},
		{"headers over the limit", "GET / HTTP/1.1\r\nHost: x\r\nX-Pad: " + strings.Repeat(payload, maxHeaderBytes/len(payload)) + "\r\n\r\n", 431, "431 Request Header Fields Too Large"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			go io.WriteString(conn, tt.request) // Go's server may answer before it has read all
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status || string(body) != tt.body {
				t.Errorf("answer %d %q, want %d %q", resp.StatusCode, body, tt.status, tt.body)
			}
			want := http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "Connection": {"close"}}
			delete(resp.Header, "Connection") // http.ReadResponse moves it to resp.Close
			delete(want, "Connection")
			if !resp.Close || fmt.Sprint(resp.Header) != fmt.Sprint(want) {
				t.Errorf("headers %v (closing %v), want %v and the connection closed", resp.Header, resp.Close, want)
			}
		})
	}
}
