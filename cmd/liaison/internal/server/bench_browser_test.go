//go:build built

package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/web"
)

// The browser benchmark of make bench. It is a test, not a Go benchmark,
// because each figure is a page load of its own, timed by the browser; it
// runs only when LIAISON_BENCH is set, since it takes minutes and its
// figures go to docs/benchmarks.md rather than pass or fail on a machine's
// speed. It fails only when a page does not load or take input.

// benchProbe runs in every page before the page's own scripts: it notes
// when the WebAssembly has taken over (the first frame in which the page's
// main element says data-interactive="true") and keeps the WebAssembly
// instance, to read its memory; measureNext times the next input.
const benchProbe = `(() => {
  const bench = window.__liaisonBench = {};
  bench.interactive = new Promise(resolve => {
    const check = time => {
      if (document.querySelector('main[data-interactive="true"]')) resolve(time);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      if (result.instance) bench.wasm = result.instance;
      return result;
    };
  }
  // measureNext resolves to the time from the next keydown to the start of
  // the first frame after the page's last change caused by it: a frame
  // before which nothing changed since the frame before. -1 after 60 s.
  bench.measureNext = () => new Promise(resolve => {
    let start = 0, changed = 0, seen = 0;
    const observer = new MutationObserver(() => { if (start) changed++; });
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    addEventListener("keydown", e => { start = e.timeStamp; }, {capture: true, once: true});
    const frame = time => {
      if (changed > 0 && changed === seen) { observer.disconnect(); resolve(time - start); return; }
      seen = changed;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 60000);
  });
})()`

// benchMetrics reads what the page's load cost, once it is interactive.
const benchMetrics = `(() => {
  const paint = performance.getEntriesByType("paint").find(e => e.name === "first-contentful-paint");
  const nav = performance.getEntriesByType("navigation")[0];
  const wasm = performance.getEntriesByType("resource").find(e => /\/app(\.[0-9a-f]+)?\.wasm$/.test(new URL(e.name).pathname));
  const bench = window.__liaisonBench;
  return {
    fcp: paint ? paint.startTime : -1,
    ttfb: nav.responseStart,
    htmlDone: nav.responseEnd,
    htmlBytes: nav.decodedBodySize,
    wasmSent: wasm ? wasm.encodedBodySize : -1,
    wasmDone: wasm ? wasm.responseEnd : -1,
    elements: document.getElementsByTagName("*").length,
    heap: performance.memory ? performance.memory.usedJSHeapSize : -1,
    wasmMemory: bench.wasm ? bench.wasm.exports.mem.buffer.byteLength : -1,
  };
})()`

// pageLoad is what one load of a page measured, in milliseconds and bytes.
type pageLoad struct {
	FCP         float64 `json:"fcp"`
	TTFB        float64 `json:"ttfb"`
	HTMLDone    float64 `json:"htmlDone"`
	HTMLBytes   float64 `json:"htmlBytes"`
	WasmSent    float64 `json:"wasmSent"`
	WasmDone    float64 `json:"wasmDone"`
	Elements    float64 `json:"elements"`
	Heap        float64 `json:"heap"`
	WasmMemory  float64 `json:"wasmMemory"`
	Interactive float64
	// Zoom, Pan and Filter are input-to-frame latencies, and Cursor how
	// smoothly the "as of" cursor follows a drag, measured on the last load
	// of each size only.
	Zoom, Pan, Filter float64
	// FilterAgain is the same choice of a person, after Back.
	FilterAgain float64
	Cursor      cursorDrag
}

// TestBenchBrowser loads generated timelines of 50, 1,000 and 10,000
// relationships (a person for every five) from a loopback server, as
// liaison serve runs it, into headless Chromium, each time in a new tab
// with nothing cached (a reader's first visit), and prints
// make bench's table: first contentful paint, the WebAssembly's takeover,
// DOM elements, JS heap and WebAssembly memory; for the last load of each
// size, how long zooming, panning and choosing a person take to show, and
// how many frames a second show the "as of" cursor move as it is dragged;
// and the WebAssembly's sizes. The first load of each size finds the server's
// page cache empty, the others full: both are reported.
func TestBenchBrowser(t *testing.T) {
	if os.Getenv("LIAISON_BENCH") == "" {
		t.Skip("the browser benchmark runs under make bench (LIAISON_BENCH=1)")
	}
	runs := 3
	if n, err := strconv.Atoi(os.Getenv("LIAISON_BENCH_RUNS")); err == nil && n > 0 {
		runs = n
	}
	sizes := []int{50, 1_000, 10_000}
	dir := t.TempDir()
	people := map[int]string{} // a person of each timeline, to filter to
	for _, n := range sizes {
		tl := data.Generate(max(2, n/5), n, 1)
		tl.ID = fmt.Sprintf("bench-%d", n)
		src, err := json.Marshal(tl)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, tl.ID+".json"), src, 0o644); err != nil {
			t.Fatal(err)
		}
		people[n] = tl.People[len(tl.People)/2].Name
	}
	srv := startHTTPServer(t, dir, io.Discard)

	chromium, version := startBenchBrowser(t)
	loadBefore := loadAverage()
	results := map[int][]pageLoad{}
	for _, n := range sizes {
		url := fmt.Sprintf("%s/t/bench-%d", srv.URL, n)
		for run := range 1 + runs {
			last := run == runs
			load := measureLoad(t, chromium, srv.URL, url, last, people[n])
			results[n] = append(results[n], load)
			t.Logf("%d relationships, load %d: %+v", n, run+1, load)
		}
	}

	fmt.Printf("\nBrowser benchmark: %s, %d CPUs (%s), Go %s, %s; load average %s before, %s after\n",
		runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), cpuModel(), runtime.Version(), version, loadBefore, loadAverage())
	fmt.Printf("Loopback server; each load in a new tab, the browser's cache and the site's storage cleared; %d loads a size after one with the page cache empty.\n\n", runs)
	printLoads(sizes, results)
	printWasmSizes()
}

// startBenchBrowser starts headless Chromium and returns its first tab's
// context, in which each load opens a tab of its own, and its version.
func startBenchBrowser(t *testing.T) (context.Context, string) {
	t.Helper()
	if chromiumPath() == "" {
		t.Fatal("Chromium is not installed: make bench installs it (make browser)")
	}
	// performance.memory is rounded to coarse buckets without it.
	ctx := startChromium(t, 1280, 900, chromedp.Flag("enable-precise-memory-info", true))
	var product string
	err := chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		_, p, _, _, _, err := cdpbrowser.GetVersion().Do(ctx)
		product = p
		return err
	}))
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx, product
}

// measureLoad loads url in a new tab, as on a reader's first visit in a
// browser that is already running: the HTTP cache and everything origin
// stored are cleared first. With interact, it then zooms in a step, pans,
// drags the "as of" cursor across the chart and chooses the person named:
// the drag comes before the choice, with every relationship on the chart.
func measureLoad(t *testing.T, chromium context.Context, origin, url string, interact bool, person string) pageLoad {
	t.Helper()
	ctx, cancel := chromedp.NewContext(chromium)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()
	await := func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }

	var load pageLoad
	err := chromedp.Run(ctx,
		// A tab in the background gets no animation frames.
		page.BringToFront(),
		network.ClearBrowserCache(),
		storage.ClearDataForOrigin(origin, "all"),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(benchProbe).Do(ctx)
			return err
		}),
		chromedp.Navigate(url),
		chromedp.Evaluate(`window.__liaisonBench.interactive`, &load.Interactive, await),
		chromedp.Evaluate(benchMetrics, &load),
	)
	if err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	if !interact {
		return load
	}
	// Let the loader and the first measurements settle.
	time.Sleep(500 * time.Millisecond)
	timeKey := func(key string, out *float64) chromedp.Action {
		return chromedp.Tasks{
			chromedp.Evaluate(`window.__liaisonBench.pending = window.__liaisonBench.measureNext(); 0`, nil),
			chromedp.KeyEvent(key),
			chromedp.Evaluate(`window.__liaisonBench.pending`, out, await),
		}
	}
	err = chromedp.Run(ctx,
		chromedp.Focus(`#chart`, chromedp.ByQuery),
		timeKey("+", &load.Zoom),
		timeKey(kb.ArrowRight, &load.Pan),
	)
	if err != nil {
		t.Fatalf("zooming and panning %s: %v", url, err)
	}
	if load.Cursor, err = measureCursorDrag(ctx); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
	if load.Cursor.FPS() == 0 {
		t.Fatalf("%s showed the cursor's line move in fewer than two frames while it was dragged: %+v", url, load.Cursor)
	}
	choose := func(out *float64) chromedp.Action {
		return chromedp.Tasks{
			chromedp.Click(`#person-search`, chromedp.ByQuery),
			chromedp.SendKeys(`#person-search`, person, chromedp.ByQuery),
			chromedp.WaitVisible(`#person-options li`, chromedp.ByQuery),
			timeKey("\r", out),
		}
	}
	// The first choice runs code that the browser compiles as it is first
	// called; the same choice again, after Back, shows the rest of the cost.
	err = chromedp.Run(ctx,
		choose(&load.Filter),
		chromedp.NavigateBack(),
		chromedp.WaitNotPresent(`.chip`, chromedp.ByQuery),
		chromedp.Sleep(500*time.Millisecond),
		choose(&load.FilterAgain),
	)
	if err != nil {
		t.Fatalf("filtering %s: %v", url, err)
	}
	if load.Zoom < 0 || load.Pan < 0 || load.Filter < 0 || load.FilterAgain < 0 {
		t.Fatalf("%s did not change within a minute of an input: %+v", url, load)
	}
	return load
}

// printLoads prints the table of page loads, with issue 6's targets.
func printLoads(sizes []int, results map[int][]pageLoad) {
	ms := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + " ms" }
	mb := func(v float64) string { return strconv.FormatFloat(v/1e6, 'f', 1, 64) + " MB" }
	median := func(loads []pageLoad, field func(pageLoad) float64) float64 {
		var values []float64
		for _, l := range loads {
			values = append(values, field(l))
		}
		slices.Sort(values)
		return values[len(values)/2]
	}
	target := func(n int, at50, at10000 string) string {
		switch n {
		case 50:
			return at50
		case 10_000:
			return at10000
		}
		return ""
	}
	type row struct {
		name  string
		value func(n int, loads []pageLoad) string
		goal  func(n int) string
	}
	rows := []row{
		{"HTML size", func(n int, l []pageLoad) string { return mb(l[0].HTMLBytes) }, nil},
		{"first contentful paint, page cache empty", func(n int, l []pageLoad) string { return ms(l[0].FCP) },
			nil},
		{"first contentful paint, page cached (median)", func(n int, l []pageLoad) string {
			return ms(median(l[1:], func(p pageLoad) float64 { return p.FCP }))
		}, func(n int) string { return target(n, "≤ 150 ms", "≤ 400 ms") }},
		{"HTML received (median)", func(n int, l []pageLoad) string {
			return ms(median(l[1:], func(p pageLoad) float64 { return p.HTMLDone }))
		}, nil},
		{"WebAssembly received (median)", func(n int, l []pageLoad) string {
			return ms(median(l[1:], func(p pageLoad) float64 { return p.WasmDone }))
		}, nil},
		{"WebAssembly took over (median)", func(n int, l []pageLoad) string {
			return ms(median(l[1:], func(p pageLoad) float64 { return p.Interactive }))
		}, func(n int) string { return target(n, "≤ 1.5 s", "≤ 3 s") }},
		{"DOM elements", func(n int, l []pageLoad) string { return strconv.Itoa(int(l[len(l)-1].Elements)) },
			func(n int) string { return target(n, "", "< 3,000") }},
		{"JS heap", func(n int, l []pageLoad) string { return mb(l[len(l)-1].Heap) }, nil},
		{"WebAssembly memory", func(n int, l []pageLoad) string { return mb(l[len(l)-1].WasmMemory) }, nil},
		{"zoom one step (+), input to frame", func(n int, l []pageLoad) string { return ms(l[len(l)-1].Zoom) },
			func(n int) string { return target(n, "", "≤ 50 ms") }},
		{"pan (→, a fifth of the window)", func(n int, l []pageLoad) string { return ms(l[len(l)-1].Pan) },
			func(n int) string { return target(n, "", "≤ 50 ms") }},
		{"choose a person (Enter)", func(n int, l []pageLoad) string { return ms(l[len(l)-1].Filter) },
			func(n int) string { return target(n, "", "≤ 50 ms") }},
		{"… again, after Back", func(n int, l []pageLoad) string { return ms(l[len(l)-1].FilterAgain) },
			func(n int) string { return target(n, "", "≤ 50 ms") }},
		{"drag the “as of” cursor, frames a second showing it move", func(n int, l []pageLoad) string {
			c := l[len(l)-1].Cursor
			return fmt.Sprintf("%.0f fps (%d moves in %.1f s)", c.FPS(), c.Moves, c.Sent.Seconds())
		}, func(n int) string { return target(n, "", "≥ 30 fps") }},
	}
	header := "| relationships |"
	rule := "| --- |"
	for _, n := range sizes {
		header += fmt.Sprintf(" %d | target |", n)
		rule += " ---: | --- |"
	}
	fmt.Println(header)
	fmt.Println(rule)
	for _, r := range rows {
		line := "| " + r.name + " |"
		for _, n := range sizes {
			goal := ""
			if r.goal != nil {
				goal = r.goal(n)
			}
			line += " " + r.value(n, results[n]) + " | " + goal + " |"
		}
		fmt.Println(line)
	}
	sent := int64(results[sizes[0]][0].WasmSent)
	encoding := "an unknown encoding"
	for name, file := range map[string]string{"brotli": "app.wasm.br", "gzip": "app.wasm.gz", "no encoding": "app.wasm"} {
		if info, err := fs.Stat(web.FS, file); err == nil && info.Size() == sent {
			encoding = name
		}
	}
	fmt.Printf("\nChromium received the WebAssembly in %s: %s.\n", encoding, mb(float64(sent)))
}

// printWasmSizes prints the sizes of the WebAssembly and its copies.
func printWasmSizes() {
	size := func(name string) string {
		info, err := fs.Stat(web.FS, name)
		if err != nil {
			return "missing"
		}
		return fmt.Sprintf("%d bytes (%.2f MB)", info.Size(), float64(info.Size())/1e6)
	}
	fmt.Printf("\nWebAssembly: raw %s, gzip -9 %s, brotli %s (target: ≤ 1.5 MB brotli)\n\n",
		size("app.wasm"), size("app.wasm.gz"), size("app.wasm.br"))
}

// loadAverage is the system's load average over 1, 5 and 15 minutes.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	fields := strings.Fields(string(b))
	if len(fields) < 3 {
		return "unknown"
	}
	return strings.Join(fields[:3], " ")
}

// cpuModel is the processor's name, as Linux reports it.
func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown processor"
	}
	for line := range strings.Lines(string(b)) {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimLeft(name, " \t:"))
		}
	}
	return "unknown processor"
}
