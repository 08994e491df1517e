//go:build built

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/data"
)

// benchFetched sums what the page fetched over the network: every
// resource's bytes as sent (brotli or gzip, as the browser took them) and
// as decoded, and the paths of its API requests.
const benchFetched = `(() => {
  const entries = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
  let sent = 0, decoded = 0;
  const api = [];
  for (const e of entries) {
    sent += e.encodedBodySize || 0;
    decoded += e.decodedBodySize || 0;
    const u = new URL(e.name);
    if (u.pathname.startsWith("/api/")) api.push(u.pathname + u.search);
  }
  return {sent, decoded, api};
})()`

// fetchedBytes is what benchFetched reports.
type fetchedBytes struct {
	Sent    float64  `json:"sent"`
	Decoded float64  `json:"decoded"`
	API     []string `json:"api"`
}

// TestBenchBrowserLarge loads the page of a timeline of 100,000
// relationships among 10,000 people (liaison gen -people 10000
// -relationships 100000) from a loopback server into headless Chromium,
// BENCH_RUNS times after a first load that fills the server's caches,
// and prints issue 16's figures at that size: when the WebAssembly took
// over (target ≤ 3 s) and how many bytes the page fetched (the whole
// timeline is 60 MB of JSON), then how many more it fetched after
// scrolling to the last lane. It runs under make bench only.
func TestBenchBrowserLarge(t *testing.T) {
	if os.Getenv("LIAISON_BENCH") == "" {
		t.Skip("the browser benchmark runs under make bench (LIAISON_BENCH=1)")
	}
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("LIAISON_BENCH_RUNS")); err == nil && n > 0 {
		runs = n
	}
	dir := t.TempDir()
	tl := data.Generate(10_000, 100_000, 1)
	tl.ID = "bench-100000"
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, tl.ID+".json"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := startHTTPServer(t, dir, io.Discard)
	chromium, version := startBenchBrowser(t)
	pageURL := srv.URL + "/t/" + tl.ID

	var interactive, sent, decoded, scrolled []float64
	for run := range 1 + runs {
		load, fetched, more := measureLargeLoad(t, chromium, srv.URL, pageURL)
		t.Logf("load %d: interactive %.0f ms, %+v, after scrolling %.0f bytes more", run+1, load.Interactive, fetched, more)
		if run == 0 {
			continue // the server's caches were empty
		}
		interactive = append(interactive, load.Interactive)
		sent, decoded = append(sent, fetched.Sent), append(decoded, fetched.Decoded)
		scrolled = append(scrolled, more)
	}
	median := func(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }
	fmt.Printf("\nLarge timeline: %d relationships, %d people, %.1f MB of JSON; %s, load average %s; median of %d loads\n\n",
		len(tl.Relationships), len(tl.People), float64(len(src))/1e6, version, loadAverage(), runs)
	fmt.Println("| figure | value | target |")
	fmt.Println("| --- | ---: | --- |")
	fmt.Printf("| WebAssembly took over | %.0f ms | ≤ 3 s |\n", median(interactive))
	fmt.Printf("| fetched until then, as sent | %.2f MB | not the whole timeline |\n", median(sent)/1e6)
	fmt.Printf("| fetched until then, decoded | %.2f MB | |\n", median(decoded)/1e6)
	fmt.Printf("| fetched more, scrolling to the last lane | %.2f MB | |\n\n", median(scrolled)/1e6)
}

// measureLargeLoad loads url in a new tab with nothing cached, as
// measureLoad does, and reports when the page was interactive and what it
// fetched until then; then it scrolls to the bottom of the chart, waits
// for the last lane to be drawn, and reports how many more bytes that
// fetched.
func measureLargeLoad(t *testing.T, chromium context.Context, origin, pageURL string) (pageLoad, fetchedBytes, float64) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(chromium)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTimeout()
	await := func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }
	var load pageLoad
	var fetched, after fetchedBytes
	err := chromedp.Run(ctx,
		page.BringToFront(),
		network.ClearBrowserCache(),
		storage.ClearDataForOrigin(origin, "all"),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(benchProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(pageURL),
		chromedp.Evaluate(`window.__liaisonBench.interactive`, &load.Interactive, await),
		chromedp.Evaluate(benchFetched, &fetched),
		chromedp.Evaluate(`window.scrollTo(0, document.body.scrollHeight)`, nil),
		chromedp.WaitVisible(`#chart-lanes > li[aria-posinset="10000"] .bar`, chromedp.ByQuery),
		chromedp.Evaluate(benchFetched, &after),
	)
	if err != nil {
		t.Fatalf("loading %s: %v", pageURL, err)
	}
	for _, path := range fetched.API {
		if u, err := url.Parse(path); err == nil && u.RawQuery == "" {
			t.Logf("the page fetched the whole timeline: %s", path)
		}
	}
	return load, fetched, after.Sent - fetched.Sent
}
