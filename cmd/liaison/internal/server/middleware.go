package server

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/liaison-timeline/liaison/app"
)

// contentSecurityPolicy lets a page run the go-app WebAssembly and nothing
// else: scripts only from this server ('wasm-unsafe-eval' is what
// WebAssembly.instantiate needs, and allows no JavaScript eval), the
// stylesheets, icons, manifest and service worker from this server, and
// fetches to its own API; forms are sent only to this server (the person
// filter's, see app.FindParameter); frames show only this server's pages
// (the Embed panel's preview of an embed). go-app writes element styles as style
// attributes, in the prerendered HTML and with setAttribute, so those are
// allowed ('unsafe-inline' for style-src-attr only); <style> elements are
// not. Every attribute built from a timeline goes through app's attr, so
// timeline text never reaches a style attribute. frame-ancestors is added
// per request (see frameAncestors).
const contentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self'; connect-src 'self'; " +
	"manifest-src 'self'; worker-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'"

// frameAncestors is the CSP frame-ancestors source list for a request
// path: embeds (/embed/…) may be framed by the sites of embedAncestors,
// any site when it is empty; every other page only by this server's own.
func frameAncestors(path, embedAncestors string) string {
	if !strings.HasPrefix(path, app.EmbedPrefix) {
		return "'self'"
	}
	if embedAncestors == "" {
		return "*"
	}
	return embedAncestors
}

// checkFrameAncestors rejects a source list that would end the CSP's
// frame-ancestors directive and start another (a ; or a ,) or break the
// header (a control character).
func checkFrameAncestors(list string) error {
	if strings.ContainsFunc(list, func(r rune) bool { return r == ';' || r == ',' || r < ' ' || r == 0x7f }) {
		return fmt.Errorf("frame ancestors %q: expected CSP sources separated by spaces, like \"https://news.example 'self'\"", list)
	}
	return nil
}

// maxURLLength bounds a request's path and query, in bytes. The longest
// URL that Liaison makes (a view of a hundred people, zoomed, with
// details open) is a few KiB; proxies and CDNs commonly stop at 8 KiB.
const maxURLLength = 8 << 10

// repeatableParameters are the only query parameters that may be given
// more than once: ?person=a&person=b chooses both. Every other parameter
// names one value, and a second one is a mistake the reader should see.
var repeatableParameters = []string{"person"}

// withMiddleware wraps the server's routes in what every request gets: an
// id (X-Request-Id, which a reader can quote and the logs carry), the
// security headers, refusal of malformed URLs with a 4xx that says what is
// wrong, and recovery from a panic into a 500 that names the request id
// and nothing of the server.
func withMiddleware(next http.Handler, cfg Config) (http.Handler, error) {
	if err := checkFrameAncestors(cfg.EmbedFrameAncestors); err != nil {
		return nil, err
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := rand.Text()
		setHeaders(w.Header(), id, r.URL.Path, cfg.EmbedFrameAncestors)
		tw := &trackingWriter{ResponseWriter: w}
		defer recoverPanic(tw, r, id, cfg.EmbedFrameAncestors, logger)
		if status, problem := checkRequest(r); status != 0 {
			writeProblem(tw, r, status, problem)
			return
		}
		next.ServeHTTP(tw, r)
	}), nil
}

// setHeaders sets the request id and the security headers of every
// response. No response sets a cookie: Liaison keeps no state of readers.
func setHeaders(h http.Header, id, path, embedAncestors string) {
	h.Set("X-Request-Id", id)
	h.Set("Content-Security-Policy", contentSecurityPolicy+"; frame-ancestors "+frameAncestors(path, embedAncestors))
	h.Set("X-Content-Type-Options", "nosniff")
	// Views are in URLs (?person=…): where a reader goes next need not
	// learn what they were looking at.
	h.Set("Referrer-Policy", "no-referrer")
}

// checkRequest returns the 4xx status for a request whose URL the server
// refuses, and why, or 0 for one it serves.
func checkRequest(r *http.Request) (int, string) {
	if n := len(r.RequestURI); n > maxURLLength {
		return http.StatusRequestURITooLong, fmt.Sprintf("the URL has %d bytes, more than the %d this server reads", n, maxURLLength)
	}
	if problem := checkPath(r.URL.Path); problem != "" {
		return http.StatusBadRequest, problem
	}
	query, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return http.StatusBadRequest, "the query is not valid: " + err.Error()
	}
	names := make([]string, 0, len(query))
	for name := range query {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if n := len(query[name]); n > 1 && !slices.Contains(repeatableParameters, name) {
			return http.StatusBadRequest, fmt.Sprintf("the parameter %q is given %d times: give it once", name, n)
		}
	}
	return 0, ""
}

// checkPath returns why a decoded URL path is refused, or "". Paths are
// refused rather than cleaned and redirected: /t/../../etc/passwd or
// //web names nothing that Liaison links to, and a redirect would only
// serve a guess.
func checkPath(path string) string {
	if !strings.HasPrefix(path, "/") {
		return "the path must begin with /"
	}
	if strings.ContainsFunc(path, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return "the path has a control character"
	}
	segments := strings.Split(path[1:], "/")
	for i, s := range segments {
		if s == "." || s == ".." || (s == "" && i < len(segments)-1) {
			return "the path has an empty, . or .. segment"
		}
	}
	return ""
}

// writeProblem answers a refused request: the API's JSON error for the
// API, plain text elsewhere.
func writeProblem(w http.ResponseWriter, r *http.Request, status int, problem string) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, status, problem)
		return
	}
	http.Error(w, problem, status)
}

// recoverPanic, deferred, turns a panic of the handler into a 500 that
// gives the request id, and logs the panic with its stack, which stays on
// the server. A panic after the answer began cannot become a 500: the
// connection is cut, so that the client sees the answer is incomplete.
func recoverPanic(w *trackingWriter, r *http.Request, id, embedAncestors string, logger *slog.Logger) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	logger.Error("panic serving a request", "request_id", id, "method", r.Method, "path", r.URL.Path,
		"error", fmt.Sprint(v), "stack", string(debug.Stack()))
	if w.wroteHeader {
		panic(http.ErrAbortHandler)
	}
	// Drop whatever the handler set (a length, a type, an ETag) for the
	// answer it never gave.
	h := w.Header()
	clear(h)
	setHeaders(h, id, r.URL.Path, embedAncestors)
	h.Set("Cache-Control", "no-store")
	writeProblem(w, r, http.StatusInternalServerError,
		"Something went wrong on the server. If it happens again, report request "+id+".")
}

// trackingWriter notes whether the answer has begun.
type trackingWriter struct {
	http.ResponseWriter
	wroteHeader bool
}

func (w *trackingWriter) WriteHeader(status int) {
	if status >= 200 {
		w.wroteHeader = true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *trackingWriter) Write(b []byte) (int, error) {
	w.wroteHeader = true
	return w.ResponseWriter.Write(b)
}

// Flush sends what the handler wrote so far, as a stream of events needs:
// handlers may ask for an http.Flusher, as well as use
// http.ResponseController.
func (w *trackingWriter) Flush() {
	w.wroteHeader = true
	http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the connection's writer.
func (w *trackingWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
