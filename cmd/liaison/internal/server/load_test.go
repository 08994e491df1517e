package server

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadPaths are what readers of an article load: the timeline page, its
// embed, and the API that the WebAssembly reads.
var loadPaths = []string{"/t/james-norton", "/embed/james-norton", "/api/timelines/james-norton"}

// TestLoad puts a server on 127.0.0.1, set up as `liaison serve` sets it
// up, under concurrent clients that request loadPaths as fast as they are
// answered, and expects every answer to be a whole 200: no error, no 5xx,
// nothing the server logs as a problem. It logs each path's latency
// percentiles. In make test it runs 8 clients for 3 s; with LIAISON_SOAK=1
// (make soak), 64 clients for 30 s. Either way it stops after a bounded
// number of requests too.
func TestLoad(t *testing.T) {
	clients, duration := 8, 3*time.Second
	if os.Getenv("LIAISON_SOAK") != "" {
		clients, duration = 64, 30*time.Second
	}
	maxRequests := int64(duration/time.Second) * 10_000

	var log syncBuffer
	srv := startHTTPServer(t, "", &log)
	if u, err := url.Parse(srv.URL); err != nil || u.Hostname() != "127.0.0.1" {
		t.Fatalf("the load test only targets 127.0.0.1, not %s", srv.URL)
	}
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients},
		Timeout:   10 * time.Second,
	}
	defer client.CloseIdleConnections()

	type outcome struct {
		path    string
		latency time.Duration
		problem string
	}
	var (
		mu       sync.Mutex
		outcomes []outcome
		sent     atomic.Int64
		wg       sync.WaitGroup
	)
	deadline := time.Now().Add(duration)
	for c := range clients {
		wg.Go(func() {
			var mine []outcome
			for i := c; time.Now().Before(deadline) && sent.Add(1) <= maxRequests; i++ {
				path := loadPaths[i%len(loadPaths)]
				start := time.Now()
				problem := fetchWhole(client, srv.URL+path)
				mine = append(mine, outcome{path, time.Since(start), problem})
			}
			mu.Lock()
			outcomes = append(outcomes, mine...)
			mu.Unlock()
		})
	}
	wg.Wait()

	byPath := map[string][]time.Duration{}
	problems := map[string]int{}
	for _, o := range outcomes {
		byPath[o.path] = append(byPath[o.path], o.latency)
		if o.problem != "" {
			problems[o.path+": "+o.problem]++
		}
	}
	t.Logf("%d clients, %v: %d requests, %.0f a second", clients, duration, len(outcomes), float64(len(outcomes))/duration.Seconds())
	for _, path := range loadPaths {
		latencies := byPath[path]
		if len(latencies) == 0 {
			t.Errorf("%s was never requested", path)
			continue
		}
		slices.Sort(latencies)
		at := func(p float64) time.Duration { return latencies[int(p*float64(len(latencies)-1))] }
		t.Logf("%-28s %6d requests  p50 %-9v p90 %-9v p99 %-9v max %v", path, len(latencies),
			at(0.50).Round(10*time.Microsecond), at(0.90).Round(10*time.Microsecond), at(0.99).Round(10*time.Microsecond), at(1).Round(10*time.Microsecond))
	}
	for problem, n := range problems {
		t.Errorf("%d× %s", n, problem)
	}
	for line := range strings.Lines(log.String()) {
		if !strings.Contains(line, "level=INFO") {
			t.Errorf("the server logged: %s", line)
		}
	}
}

// fetchWhole requests url and returns what is wrong with the answer: an
// error, a status other than 200, or a body cut short; "" when nothing is.
func fetchWhole(client *http.Client, url string) string {
	resp, err := client.Get(url)
	if err != nil {
		return err.Error()
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	switch {
	case err != nil:
		return "reading the body: " + err.Error()
	case resp.StatusCode != http.StatusOK:
		return fmt.Sprintf("status %d", resp.StatusCode)
	case n == 0 || (resp.ContentLength >= 0 && n != resp.ContentLength):
		return fmt.Sprintf("%d bytes of %d", n, resp.ContentLength)
	}
	return ""
}
