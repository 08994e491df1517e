package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func TestFrameAncestors(t *testing.T) {
	tests := []struct {
		path, configured, want string
	}{
		{"/embed/james-norton", "", "*"},
		{"/embed/james-norton", "https://news.example 'self'", "https://news.example 'self'"},
		{"/t/james-norton", "", "'self'"},
		{"/t/james-norton", "https://news.example", "'self'"},
		{"/embed.js", "", "'self'"},
		{"/embed", "", "'self'"},
		{"/", "*", "'self'"},
		{"/api/timelines/james-norton", "", "'self'"},
	}
	for _, tt := range tests {
		if got := frameAncestors(tt.path, tt.configured); got != tt.want {
			t.Errorf("frameAncestors(%q, %q) = %q, want %q", tt.path, tt.configured, got, tt.want)
		}
	}
}

// TestMiddlewareRefusesBadFrameAncestors checks that a configured source
// list cannot add directives to the policy, or break its header.
func TestMiddlewareRefusesBadFrameAncestors(t *testing.T) {
	for _, list := range []string{"*; script-src *", "https://a.example, https://b.example", "https://a.example\r\nSet-Cookie: x=1"} {
		if _, err := withMiddleware(http.NotFoundHandler(), Config{EmbedFrameAncestors: list}); err == nil {
			t.Errorf("withMiddleware accepted frame ancestors %q", list)
		}
	}
	for _, list := range []string{"", "*", "'self'", "https://news.example https://*.news.example 'self'"} {
		if _, err := withMiddleware(http.NotFoundHandler(), Config{EmbedFrameAncestors: list}); err != nil {
			t.Errorf("withMiddleware refused frame ancestors %q: %v", list, err)
		}
	}
}

// reached answers 200 "reached", for tests that check what gets through.
var reached = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	io.WriteString(w, "reached")
})

func mustMiddleware(t *testing.T, next http.Handler, cfg Config) http.Handler {
	t.Helper()
	h, err := withMiddleware(next, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestMiddlewareHeaders checks the headers that every answer carries,
// whatever the handler does, and that each request gets its own id.
func TestMiddlewareHeaders(t *testing.T) {
	h := mustMiddleware(t, reached, Config{EmbedFrameAncestors: "https://news.example"})
	tests := []struct {
		target, wantAncestors string
	}{
		{"/t/james-norton", "'self'"},
		{"/embed/james-norton", "https://news.example"},
		{"/api/timelines", "'self'"},
		{"/t/../refused", "'self'"},
	}
	ids := map[string]bool{}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.target, nil))
		header := rec.Result().Header
		wantCSP := contentSecurityPolicy + "; frame-ancestors " + tt.wantAncestors
		if got := header.Get("Content-Security-Policy"); got != wantCSP {
			t.Errorf("%s: Content-Security-Policy = %q, want %q", tt.target, got, wantCSP)
		}
		if got := header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q", tt.target, got)
		}
		if got := header.Get("Referrer-Policy"); got != "no-referrer" {
			t.Errorf("%s: Referrer-Policy = %q", tt.target, got)
		}
		id := header.Get("X-Request-Id")
		if len(id) < 16 || ids[id] {
			t.Errorf("%s: X-Request-Id %q is short or was given before", tt.target, id)
		}
		ids[id] = true
	}
}

// TestMiddlewareRefusesBadURLs checks which URLs reach the routes, and
// that the others get a 4xx saying what is wrong: JSON under /api/.
func TestMiddlewareRefusesBadURLs(t *testing.T) {
	h := mustMiddleware(t, reached, Config{})
	long := "/t/james-norton?person=" + strings.Repeat("a", maxURLLength)
	tests := []struct {
		target     string
		wantStatus int
		wantBody   string
	}{
		{"/", 200, "reached"},
		{"/t/james-norton", 200, "reached"},
		{"/web/", 200, "reached"},
		{"/t/james-norton?person=a&person=b&from=2020&to=2021", 200, "reached"},
		{"/t/james-norton?from=2020&from=2021", 400, `the parameter "from" is given 2 times: give it once`},
		{"/t/james-norton?rel=a&event=b&rel=a&rel=c", 400, `the parameter "rel" is given 3 times: give it once`},
		{"/api/timelines/james-norton?at=2020&at=2021", 400, `{"error":"the parameter \"at\" is given 2 times: give it once"}`},
		{"/t/james-norton?person=%zz", 400, `the query is not valid: invalid URL escape "%zz"`},
		{"/t/james-norton?person=a;b", 400, "the query is not valid: invalid semicolon separator in query"},
		{"/t/../../etc/passwd", 400, "the path has an empty, . or .. segment"},
		{"/web/..%2f..%2fgo.mod", 400, "the path has an empty, . or .. segment"},
		{"/web/%2e%2e/go.mod", 400, "the path has an empty, . or .. segment"},
		{"/web/./liaison.css", 400, "the path has an empty, . or .. segment"},
		{"//etc/passwd", 400, "the path has an empty, . or .. segment"},
		{"/t/%00", 400, "the path has a control character"},
		{"/t/james-norton%0d%0aSet-Cookie:%20x=1", 400, "the path has a control character"},
		{long, 414, "the URL has 8215 bytes, more than the 8192 this server reads"},
		{"/api/timelines/" + strings.Repeat("a", maxURLLength), 414, `{"error":"the URL has 8207 bytes, more than the 8192 this server reads"}`},
	}
	for _, tt := range tests {
		t.Run(tt.target[:min(len(tt.target), 60)], func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", tt.target, nil))
			if got := strings.TrimSpace(rec.Body.String()); rec.Code != tt.wantStatus || got != tt.wantBody {
				t.Errorf("GET %s = %d %q, want %d %q", tt.target, rec.Code, got, tt.wantStatus, tt.wantBody)
			}
		})
	}
}

// syncBuffer is a log destination that handlers on other goroutines may
// write while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// panicRecord is what the server logs of a panic.
type panicRecord struct {
	Msg       string `json:"msg"`
	RequestID string `json:"request_id"`
	Error     string `json:"error"`
	Stack     string `json:"stack"`
}

// logRecords reads the JSON lines of a log.
func logRecords(t *testing.T, log string) []panicRecord {
	t.Helper()
	var list []panicRecord
	for line := range strings.Lines(log) {
		var r panicRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		list = append(list, r)
	}
	return list
}

// TestMiddlewareRecoversPanics checks that a handler's panic becomes a 500
// that gives the request id and nothing of the server, while the log gets
// the id, the error and the stack.
func TestMiddlewareRecoversPanics(t *testing.T) {
	secret := "open /srv/liaison/data/private.json: permission denied"
	tests := []struct {
		name            string
		path            string
		handler         http.HandlerFunc
		wantContentType string
		wantError       string // in the log
	}{
		{"page", "/t/james-norton", func(w http.ResponseWriter, r *http.Request) {
			panic(errors.New(secret))
		}, "text/plain; charset=utf-8", secret},
		{"API", "/api/timelines/james-norton", func(w http.ResponseWriter, r *http.Request) {
			panic(secret)
		}, "application/json; charset=utf-8", secret},
		{"headers set before the panic", "/web/app.wasm", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/wasm")
			w.Header().Set("Content-Length", "8000000")
			w.Header().Set("ETag", `"v1"`)
			var m map[string]int
			m[secret]++ // a nil map: a runtime error
		}, "text/plain; charset=utf-8", "assignment to entry in nil map"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var log syncBuffer
			srv := httptest.NewServer(mustMiddleware(t, tt.handler, Config{Logger: slog.New(slog.NewJSONHandler(&log, nil))}))
			defer srv.Close()
			status, header, body := get(t, srv.URL+tt.path)
			id := header.Get("X-Request-Id")
			if status != 500 || id == "" || !strings.Contains(body, "report request "+id+".") {
				t.Errorf("answer %d, id %q, body %q: want 500 naming the request id", status, id, body)
			}
			if ct := header.Get("Content-Type"); ct != tt.wantContentType {
				t.Errorf("Content-Type = %q, want %q", ct, tt.wantContentType)
			}
			if header.Get("ETag") != "" || header.Get("Content-Security-Policy") == "" || header.Get("Cache-Control") != "no-store" {
				t.Errorf("headers %v: want the handler's dropped, the security headers kept, and no-store", header)
			}
			for _, leak := range []string{"permission denied", "/srv/", ".go", "goroutine", "panic", "nil map"} {
				if strings.Contains(body, leak) {
					t.Errorf("the answer leaks %q: %q", leak, body)
				}
			}
			records := logRecords(t, log.String())
			if len(records) != 1 {
				t.Fatalf("%d log records, want 1:\n%s", len(records), log.String())
			}
			r := records[0]
			if r.RequestID != id || !strings.Contains(r.Error, tt.wantError) || !strings.Contains(r.Stack, "middleware_test.go") {
				t.Errorf("log record %+v: want the request id %s, the error and the stack", r, id)
			}
		})
	}
}

// TestMiddlewarePanicAfterAnswerBegan checks that a panic after the answer
// began cuts the connection, so that the client cannot take a partial
// answer for a whole one, and that it is logged all the same.
func TestMiddlewarePanicAfterAnswerBegan(t *testing.T) {
	var log syncBuffer
	srv := httptest.NewServer(mustMiddleware(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "the beginning of a page")
		w.(http.Flusher).Flush()
		panic("halfway")
	}), Config{Logger: slog.New(slog.NewJSONHandler(&log, nil))}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/t/james-norton")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("reading the cut answer: %v, want unexpected EOF", err)
	}
	records := logRecords(t, log.String())
	if len(records) != 1 || records[0].Error != "halfway" || records[0].RequestID != resp.Header.Get("X-Request-Id") {
		t.Errorf("log records %+v, want one for the panic, with the request id", records)
	}
}

// TestMiddlewareAbortIsNotAnError checks that http.ErrAbortHandler, the way
// a handler ends an answer on purpose, is neither logged nor made a 500.
func TestMiddlewareAbortIsNotAnError(t *testing.T) {
	var log syncBuffer
	srv := httptest.NewServer(mustMiddleware(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}), Config{Logger: slog.New(slog.NewJSONHandler(&log, nil))}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/t/james-norton")
	if err == nil {
		resp.Body.Close()
		t.Errorf("an aborted answer arrived: %d", resp.StatusCode)
	}
	if log.String() != "" {
		t.Errorf("an abort was logged: %s", log.String())
	}
}
