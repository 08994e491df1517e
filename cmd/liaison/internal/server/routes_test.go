package server

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
)

// A tripwire is an HTTP server on 127.0.0.1 that no request to Liaison may
// make Liaison contact: tests name it in the Host header of their requests,
// and it fails the test at the first connection it sees. It answers what
// go-app would cache and serve to every later reader: a script.
type tripwire struct {
	*httptest.Server
	mu    sync.Mutex
	conns int
	paths []string
}

func newTripwire(t testing.TB) *tripwire {
	tw := &tripwire{}
	tw.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw.mu.Lock()
		tw.paths = append(tw.paths, r.URL.Path)
		tw.mu.Unlock()
		w.Header().Set("Content-Type", "text/javascript")
		io.WriteString(w, tripwireBody)
	}))
	tw.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			tw.mu.Lock()
			tw.conns++
			tw.mu.Unlock()
		}
	}
	tw.Start()
	t.Cleanup(func() {
		tw.Close()
		if n, paths := tw.contacts(); n > 0 {
			t.Errorf("Liaison opened %d connections to the host a request named, and asked it for %q", n, paths)
		}
	})
	return tw
}

// tripwireBody is what the tripwire answers: no answer of Liaison may
// hold it.
const tripwireBody = "window.__pwned = 'fetched from the host a request named'"

// contacts returns how many connections the tripwire accepted, and the
// paths asked of it.
func (tw *tripwire) contacts() (int, []string) {
	tw.mu.Lock()
	defer tw.mu.Unlock()
	return tw.conns, append([]string(nil), tw.paths...)
}

// host is the tripwire's host and port, for a Host header.
func (tw *tripwire) host() string { return tw.Listener.Addr().String() }

// goappPaths are the paths go-app's handler answers in its own ways
// (go-app v10.1.11, pkg/app/http.go: ServeHTTP, serveProxyResource,
// servePage), each with whether Liaison's route table serves it. The
// three proxied files go-app would fetch from the request's Host; /web/…
// it serves from its Resources; the rest it generates.
var goappPaths = []struct {
	path   string
	routed bool
}{
	{"/", true},
	{"/t/james-norton", true},
	{"/embed/james-norton", true},
	{"/app.js", true},
	{"/wasm_exec.js", true},
	{"/app.css", true},
	{"/manifest.webmanifest", true},
	{"/app-worker.js", true},
	{"/app.wasm", true},
	{"/goapp.wasm", true},
	{"/web/app.wasm", true},
	{"/web/liaison.css", true},
	{"/robots.txt", false},
	{"/sitemap.xml", false},
	{"/ads.txt", false},
	{"/goapp.js", false},
	{"/manifest.json", false},
	{"/web/robots.txt", false},
	{"/web/sitemap.xml", false},
	{"/web/ads.txt", false},
	{"/t/nope", false},
	{"/nothing-here", false},
}

// version is the version a server's pages carry in their ETag, which any
// reader can see.
func version(t testing.TB, srv *httptest.Server) string {
	t.Helper()
	resp, err := http.Get(srv.URL + "/app.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	etag := strings.Trim(resp.Header.Get("ETag"), `"`)
	if resp.StatusCode != 200 || etag == "" {
		t.Fatalf("GET /app.js = %d with ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
	}
	return etag
}

// TestNoRequestMakesTheServerConnect asks for every path go-app's handler
// treats in its own way, with and without the /<version>/ prefix go-app
// strips, and with an If-None-Match of the version, naming a tripwire in
// the Host header: the server never contacts it, answers only its own
// routes, and no later reader gets what the tripwire serves. (go-app
// fetches /robots.txt, /sitemap.xml and /ads.txt from http://<Host>/web/…
// and caches the answer for everyone.) FuzzHTTP's seeds ask the same by
// every method.
func TestNoRequestMakesTheServerConnect(t *testing.T) {
	tw := newTripwire(t)
	srv := startHTTPServer(t, "", io.Discard)
	v := version(t, srv)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path, host string, header ...string) (int, string) {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	for _, p := range goappPaths {
		for _, prefix := range []string{"", "/" + v} {
			path := prefix + p.path
			want := 404
			if p.routed && prefix == "" {
				want = 200
			}
			for _, host := range []string{tw.host(), "localhost:" + strings.Split(tw.host(), ":")[1]} {
				status, body := do("GET", path, host)
				if status != want || strings.Contains(body, tripwireBody) {
					t.Errorf("GET %s with Host %s = %d %.80q, want %d", path, host, status, body, want)
				}
				// go-app answers its version with 304 whatever the path.
				if status, _ := do("GET", path, host, "If-None-Match", `"`+v+`"`); want == 404 && status != 404 {
					t.Errorf("GET %s with If-None-Match of the version = %d, want 404", path, status)
				}
			}
		}
	}
	// Nothing was cached for later readers, who name the server itself.
	for _, path := range []string{"/robots.txt", "/" + v + "/robots.txt", "/" + v + "/sitemap.xml", "/" + v + "/ads.txt"} {
		if status, body := do("GET", path, srv.Listener.Addr().String()); status != 404 || strings.Contains(body, tripwireBody) {
			t.Errorf("GET %s, later = %d %.80q, want 404", path, status, body)
		}
	}
}

// TestOnlyRoutesAnswer asks for a URL of every route by every method: GET
// and HEAD are answered, any other method is 405 with Allow, and a path
// beside a route (a trailing slash, a prefix) is 404, however asked.
func TestOnlyRoutesAnswer(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	v := version(t, srv)
	routed := map[string]int{ // path: status of a GET
		"/": 200, "/t/james-norton": 200, "/embed/james-norton": 200, "/t/nope": 404, "/embed/nope": 404,
		"/app.js": 200, "/wasm_exec.js": 200, "/app.css": 200, "/manifest.webmanifest": 200, "/app-worker.js": 200,
		"/web/liaison.css": 200, "/web/app.wasm": 200, "/app.wasm": 200, "/goapp.wasm": 200,
		"/api/timelines": 200, "/api/timelines/james-norton": 200, "/api/timelines/james-norton/problems": 200,
		"/api/nope": 404, "/api": 404, "/api/": 404,
		"/embed.js": 200, "/oembed?url=" + url.QueryEscape(srv.URL+"/t/james-norton"): 200, "/schema/timeline-v1.json": 200,
		"/healthz": 200,
	}
	unrouted := []string{
		"/t/nope/", "/t/james-norton/", "/embed/james-norton/", "/t/", "/t", "/embed/", "/web/", "/web",
		"/web/app.wasm/x", "/" + v + "/", "/" + v + "/t/james-norton", "/" + v + "/app.js", "/index.html",
		"/healthz/", "/app.js/",
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	do := func(method, path string) (*http.Response, string) {
		t.Helper()
		req, err := http.NewRequest(method, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}
	for path, status := range routed {
		get, _ := do("GET", path)
		if get.StatusCode != status {
			t.Errorf("GET %s = %d, want %d", path, get.StatusCode, status)
		}
		if head, body := do("HEAD", path); head.StatusCode != get.StatusCode || body != "" {
			t.Errorf("HEAD %s = %d with %d bytes, want %d and none", path, head.StatusCode, len(body), get.StatusCode)
		}
		for _, method := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"} {
			resp, body := do(method, path)
			if resp.StatusCode != 405 || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s = %d with Allow %q, want 405 with GET, HEAD", method, path, resp.StatusCode, resp.Header.Get("Allow"))
			}
			if strings.Contains(body, "<html") || strings.Contains(body, "wasm") {
				t.Errorf("%s %s answers %.80q", method, path, body)
			}
		}
	}
	for _, path := range unrouted {
		for _, method := range []string{"GET", "HEAD", "POST", "OPTIONS"} {
			if resp, body := do(method, path); resp.StatusCode != 404 || strings.Contains(body, "<html") {
				t.Errorf("%s %s = %d %.80q, want 404", method, path, resp.StatusCode, body)
			}
		}
	}
}

// TestPageCacheKeysOnTheView asks for one view of a timeline by queries
// that describe it alike, and with parameters no page reads: the server
// renders it once, and each answer is that page.
func TestPageCacheKeysOnTheView(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(lib, testAssets(t), Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	pages := func() int {
		c := s.current().pageCache
		c.mu.Lock()
		defer c.mu.Unlock()
		return len(c.entries)
	}
	for _, tt := range []struct {
		name    string
		queries []string
	}{
		{"junk parameters", []string{"", "?x=1", "?x=2", "?utm_source=news&fbclid=abc", "?title=1", "?view=chart", "?childId=x"}},
		// A view's parameter it cannot use is named on the page (at=someday
		// is not a date): one page for each, whatever else the URL says.
		{"unusable values", []string{"?theme=purple&from=2020", "?from=2020&theme=purple&x=1", "?theme=purple&from=2020&person="}},
		{"one filter", []string{"?person=lily-allen,james-norton", "?person=lily-allen&person=james-norton",
			"?person=lily-allen,james-norton,lily-allen", "?person=%20lily-allen%20,james-norton&junk=1"}},
		{"a window", []string{"?from=2019&to=2024", "?to=2024&from=2019", "?from=2019-01-01&to=2024-12-31"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := pages()
			var first string
			for _, q := range tt.queries {
				resp := serveOnce(s, "/t/james-norton"+q)
				body := readBody(t, resp)
				if resp.StatusCode != 200 {
					t.Fatalf("GET /t/james-norton%s = %d", q, resp.StatusCode)
				}
				if first == "" {
					first = body
				} else if body != first {
					t.Errorf("GET /t/james-norton%s is another page than /t/james-norton%s", q, tt.queries[0])
				}
			}
			if n := pages() - before; n != 1 {
				t.Errorf("%d pages rendered for one view, want 1", n)
			}
		})
	}
}

// TestIndexAnswersAsTheTimelineItShows checks that / with a single
// timeline answers the status of that timeline's page for the same view,
// and that / listing several reads no parameter.
func TestIndexAnswersAsTheTimelineItShows(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	for _, tt := range []struct {
		query  string
		status int
		want   string
	}{
		{"", 200, "James Norton"},
		{"?person=lily-allen", 200, "Lily Allen"},
		{"?person=nobody", 404, "nobody called “nobody”"},
	} {
		for _, path := range []string{"/", "/t/james-norton"} {
			status, _, body := get(t, srv.URL+path+tt.query)
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Errorf("GET %s%s = %d, want %d with %q", path, tt.query, status, tt.status, tt.want)
			}
		}
	}

	norton, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	second := strings.Replace(string(norton), `"id": "james-norton"`, `"id": "second"`, 1)
	several := startHTTPServer(t, writeFiles(t, map[string]string{"james-norton.json": string(norton), "second.json": second}), io.Discard)
	if status, _, body := get(t, several.URL+"/?person=nobody"); status != 200 || !strings.Contains(body, `href="/t/second"`) {
		t.Errorf("GET /?person=nobody of two timelines = %d, want 200 and the list", status)
	}
}
