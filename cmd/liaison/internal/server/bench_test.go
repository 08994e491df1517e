package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
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
