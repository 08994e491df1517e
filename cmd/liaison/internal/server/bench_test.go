package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// benchClients is how many clients request at once in BenchmarkServe, as
// issue 6's target says: 64 concurrent loopback clients.
const benchClients = 64

// BenchmarkServe measures requests a second over loopback HTTP, with
// benchClients clients at once, through the whole server as liaison serve
// runs it (its http.Server, middleware and routes): the default timeline's
// page and embed from the page cache; the same page rendered for every
// request (each asks for a view no other has, its "as of" cursor on a day
// of its own, as without a cache); and,
// as the yardstick, a static file of the page's size from net/http's file
// server. Client and server share the machine's cores, as a load tool on
// the same machine would.
func BenchmarkServe(b *testing.B) {
	srv := startHTTPServer(b, "", io.Discard)

	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns: benchClients, MaxIdleConnsPerHost: benchClients, MaxConnsPerHost: benchClients,
		DisableCompression: true,
	}}
	defer client.CloseIdleConnections()

	page, err := fetchBody(client, srv.URL+"/t/james-norton")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.html"), page, 0o644); err != nil {
		b.Fatal(err)
	}
	static := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer static.Close()

	for _, c := range []struct {
		name, url string
		unique    bool
	}{
		{"cached/t", srv.URL + "/t/james-norton", false},
		{"cached/embed", srv.URL + "/embed/james-norton", false},
		{"rendered/t", srv.URL + "/t/james-norton?at=", true},
		{"static-file", static.URL + "/page.html", false},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetParallelism((benchClients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			var n atomic.Int64
			var size atomic.Int64
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					url := c.url
					if c.unique {
						url += time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n.Add(1))).Format(time.DateOnly)
					}
					body, err := fetchBody(client, url)
					if err != nil {
						b.Error(err)
						return
					}
					size.Store(int64(len(body)))
				}
			})
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
			b.ReportMetric(float64(size.Load()), "bytes/page")
		})
	}
}

// fetchBody is the body of a 200 answer to GET url.
func fetchBody(client *http.Client, url string) ([]byte, error) {
	resp, err := client.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("GET %s: status %d", url, resp.StatusCode)
	}
	return body, err
}

// BenchmarkServeAgainstStatic measures the default timeline's page and
// embed, from the page cache, against a static file of the very bytes
// each answer is, as a static host would serve it: net/http's file
// server, without middleware. Each client asks as BenchmarkServe's do,
// as a browser does (brotli or gzip: the page's /t/ answer is the gzip
// copy its oEmbed link is spliced into) and without compression. The two
// are measured in 16 turns of a sixteenth of the requests each, so that a
// machine whose load changes (other work on its cores) weighs on both
// alike: median-ratio is the median of the turns' ratios, the page's
// requests a second over the file's.
func BenchmarkServeAgainstStatic(b *testing.B) {
	srv := startHTTPServer(b, "", io.Discard)
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns: benchClients, MaxIdleConnsPerHost: benchClients, MaxConnsPerHost: benchClients,
		DisableCompression: true,
	}}
	defer client.CloseIdleConnections()
	dir := b.TempDir()
	static := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer static.Close()

	for _, page := range []string{"/t/james-norton", "/embed/james-norton"} {
		for _, coding := range []string{"", "gzip, deflate, br, zstd"} {
			name := strings.TrimPrefix(page, "/") + "/identity"
			if coding != "" {
				name = strings.TrimPrefix(page, "/") + "/compressed"
			}
			b.Run(name, func(b *testing.B) {
				get := func(url string) ([]byte, error) {
					req, err := http.NewRequest("GET", url, nil)
					if err != nil {
						return nil, err
					}
					if coding != "" {
						req.Header.Set("Accept-Encoding", coding)
					}
					resp, err := client.Do(req)
					if err != nil {
						return nil, err
					}
					defer resp.Body.Close()
					return io.ReadAll(resp.Body)
				}
				body, err := get(srv.URL + page)
				if err != nil {
					b.Fatal(err)
				}
				file := strings.ReplaceAll(name, "/", "-")
				if err := os.WriteFile(filepath.Join(dir, file), body, 0o644); err != nil {
					b.Fatal(err)
				}
				const turns = 16
				var pageTime, staticTime time.Duration
				ratios := make([]float64, 0, turns)
				b.ResetTimer()
				for range turns {
					n := max(b.N/turns, 1)
					pt := requestsAtOnce(b, get, srv.URL+page, n)
					st := requestsAtOnce(b, get, static.URL+"/"+file, n)
					pageTime, staticTime = pageTime+pt, staticTime+st
					ratios = append(ratios, st.Seconds()/pt.Seconds())
				}
				slices.Sort(ratios)
				n := float64(max(b.N/turns, 1) * turns)
				b.ReportMetric(n/pageTime.Seconds(), "page-req/s")
				b.ReportMetric(n/staticTime.Seconds(), "file-req/s")
				b.ReportMetric((ratios[turns/2-1]+ratios[turns/2])/2, "median-ratio")
				b.ReportMetric(float64(len(body)), "bytes")
			})
		}
	}
}

// requestsAtOnce makes n requests to url with get, from benchClients
// clients at once, and returns how long they took.
func requestsAtOnce(b *testing.B, get func(string) ([]byte, error), url string, n int) time.Duration {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range benchClients {
		wg.Go(func() {
			for next.Add(1) <= int64(n) {
				if _, err := get(url); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}
