package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// fuzzMethods are the methods the seeds ask by.
var fuzzMethods = []string{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"}

// Bounds of an answer's body in FuzzHTTP: an asset's is at most the
// largest asset and the part headers of maxRanges ranges; anything else
// is a page, JSON or a script, the default timeline's page 21 KB, and
// at most 1 MiB even with a Host of 64 KiB in its oEmbed link.
const (
	fuzzRangeSlack = 64 << 10
	fuzzMaxOther   = 1 << 20
)

// FuzzHTTP sends requests, made of a method, a path, a Host, a query and
// one header, to a server on 127.0.0.1 set up as `liaison serve` sets it
// up (its http.Server, middleware and routes), and fails on any 5xx of the
// server's own, any connection the server opens (to the tripwire the
// seeds name in their Host, or to anywhere through net/http's client, which
// go-app uses), any answer without the security headers, a 405 without
// Allow, and any answer larger than fuzzMaxOther (or, for the assets, than
// the largest asset). The seeds ask for every path go-app answers in its
// own way, with and without its /<version>/ prefix, by each method.
func FuzzHTTP(f *testing.F) {
	tw := newTripwire(f)
	srv := startHTTPServer(f, "", io.Discard)
	addr := srv.Listener.Addr().String()
	v := version(f, srv)
	largestAsset := 0
	readAssets(testAssets(f), func(_ string, content []byte) error {
		largestAsset = max(largestAsset, len(content))
		return nil
	})
	dials := refuseDials(f)

	queries := []string{"", "person=lily-allen", "x=1", "person=nobody", "from=2019&to=2024&at=2020-06", "%zz"}
	headers := [][2]string{
		{"Accept-Encoding", "gzip, deflate, br"},
		{"If-None-Match", `"` + v + `"`},
		{"Range", "bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16,18-18"},
		{"Accept-Encoding", "identity"},
		{"X-Forwarded-Host", tw.host()},
	}
	n := 0
	for _, p := range goappPaths {
		for _, prefix := range []string{"", "/" + v} {
			for _, method := range fuzzMethods {
				for _, host := range []string{tw.host(), "localhost:" + strings.Split(tw.host(), ":")[1]} {
					h := headers[n%len(headers)]
					f.Add(method, prefix+p.path, host, queries[n%len(queries)], h[0], h[1])
					n++
				}
			}
		}
	}

	f.Fuzz(func(t *testing.T, method, path, host, query, name, value string) {
		if strings.ContainsAny(method+path+host+query+name+value, "\r\n") {
			t.Skip("a line break would make it another request")
		}
		target := path
		if query != "" {
			target += "?" + query
		}
		request := method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n"
		if name != "" {
			request += name + ": " + value + "\r\n"
		}
		request += "Connection: close\r\n\r\n"

		conns, _ := tw.contacts()
		before := dials.count()
		resp, body := exchange(t, addr, method, request, max(largestAsset+fuzzRangeSlack, fuzzMaxOther))
		if now, paths := tw.contacts(); now > conns {
			t.Fatalf("%q made the server connect to the tripwire, asking for %q", request, paths)
		}
		if dials.count() > before {
			t.Fatalf("%q made the server dial %q", request, dials.addresses())
		}
		if resp == nil {
			return // the server closed the connection without an answer
		}
		ours := resp.Header.Get("X-Request-Id") != ""
		switch {
		case !ours && !refusedByGo(resp):
			t.Fatalf("%q: %d without the server's headers (%v)", request, resp.StatusCode, resp.Header)
		case ours && resp.StatusCode >= 500:
			t.Fatalf("%q: %d %.200q", request, resp.StatusCode, body)
		case ours && !strings.HasPrefix(resp.Header.Get("Content-Security-Policy"), contentSecurityPolicy):
			t.Fatalf("%q: %d without the Content-Security-Policy", request, resp.StatusCode)
		case resp.StatusCode == http.StatusMethodNotAllowed && resp.Header.Get("Allow") == "":
			t.Fatalf("%q: 405 without Allow", request)
		}
		bound := fuzzMaxOther
		if isAssetPath(path) {
			bound = largestAsset + fuzzRangeSlack
		}
		if len(body) > bound {
			t.Fatalf("%q: an answer of over %d bytes", request, bound)
		}
	})
}

// isAssetPath reports whether a request's path names an asset, which may
// be as large as the WebAssembly.
func isAssetPath(path string) bool {
	path, err := url.PathUnescape(path)
	return err == nil && (strings.HasPrefix(path, "/web/") || path == "/app.wasm" || path == "/goapp.wasm")
}

// refusedByGo reports whether resp is one of the answers Go's server
// writes itself, before any handler, to a request it cannot serve (see
// TestRequestsGoRefuses).
func refusedByGo(resp *http.Response) bool {
	switch resp.StatusCode {
	case http.StatusBadRequest, http.StatusRequestHeaderFieldsTooLarge, http.StatusNotImplemented, http.StatusHTTPVersionNotSupported:
		return resp.Close && resp.Header.Get("Content-Type") == "text/plain; charset=utf-8"
	}
	return false
}

// exchange sends request, as it is written, to addr and reads the answer
// and at most limit+1 bytes of its body; a nil answer when the server
// closed the connection without one.
func exchange(t *testing.T, addr, method, request string, limit int) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	go io.WriteString(conn, request) // the server may answer before it has read all
	// The answer to a HEAD has no body.
	resp, err := http.ReadResponse(bufio.NewReader(conn), &http.Request{Method: method})
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, nil
	}
	if err != nil {
		t.Fatalf("%q: reading the answer: %v", request, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("%q: reading the answer's body: %v", request, err)
	}
	return resp, body
}

// dialRecorder records the connections that net/http's client was asked
// to open.
type dialRecorder struct {
	mu    sync.Mutex
	addrs []string
}

func (d *dialRecorder) count() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.addrs)
}

func (d *dialRecorder) addresses() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.addrs...)
}

// refuseDials makes net/http's default client, which go-app fetches with,
// refuse every connection and record it, until the test ends.
func refuseDials(tb testing.TB) *dialRecorder {
	d := &dialRecorder{}
	saved := http.DefaultTransport
	http.DefaultTransport = &http.Transport{DialContext: func(_ context.Context, network, addr string) (net.Conn, error) {
		d.mu.Lock()
		d.addrs = append(d.addrs, addr)
		d.mu.Unlock()
		return nil, errors.New("the server may not open connections")
	}}
	tb.Cleanup(func() { http.DefaultTransport = saved })
	return d
}
