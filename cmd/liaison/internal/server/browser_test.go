//go:build built

package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestBrowserTimelinePage opens the default timeline in headless Chromium
// and checks what a reader sees: every person and relationship, the
// WebAssembly taking over (a click opens details, Escape closes them), and
// no console error.
func TestBrowserTimelinePage(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)

	var (
		people []string
		bars   []*cdp.Node
	)
	b.run(t,
		colorScheme("light"),
		chromedp.Navigate(srv.URL+"/t/james-norton"),
		waitInteractive(),
		chromedp.Evaluate(`[...document.querySelectorAll(".lane__person")].map(e => e.textContent)`, &people),
		chromedp.Nodes(`a.bar`, &bars, chromedp.ByQueryAll),
	)
	b.screenshot(t, "timeline-1280-light.png")
	if want := []string{"Imogen Poots", "James Norton", "Lily Allen", "David Harbour"}; !slices.Equal(people, want) {
		t.Errorf("lanes = %q, want %q", people, want)
	}
	relationships := map[string]bool{}
	for _, n := range bars {
		relationships[n.AttributeValue("data-relationship")] = true
	}
	if len(relationships) != 3 {
		t.Errorf("bars draw %d relationships (%v), want 3", len(relationships), relationships)
	}

	var details string
	b.run(t,
		chromedp.Click(`.lane[data-person="james-norton"] a.bar[data-relationship="james-norton-imogen-poots"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`#details`, chromedp.ByQuery),
		chromedp.Text(`#details`, &details, chromedp.ByQuery),
	)
	for _, want := range []string{"James Norton & Imogen Poots", "Dating from 2018", "Engaged from 2022", "Split late 2023", "Imogen Poots ended it.", "She called it."} {
		if !strings.Contains(details, want) {
			t.Errorf("details panel lacks %q; it says:\n%s", want, details)
		}
	}
	b.run(t,
		chromedp.Focus(`#details`, chromedp.ByQuery),
		chromedp.KeyEvent("\x1b"),
		chromedp.WaitNotPresent(`#details`, chromedp.ByQuery),
	)

	// The events under the chart open theirs too, and focus goes back to
	// the title when they close.
	titles := b.texts(t, ".events__title")
	if len(titles) < 2 {
		t.Fatalf("the events list has %d titles (%q), want the timeline's events", len(titles), titles)
	}
	var opener string
	b.run(t,
		chromedp.Click(`.events__item:nth-child(2) .events__title`, chromedp.ByQuery),
		chromedp.WaitVisible(`#details`, chromedp.ByQuery),
		chromedp.Text(`#details`, &details, chromedp.ByQuery),
	)
	if !strings.Contains(details, titles[1]) {
		t.Errorf("clicking the event %q opened details that say:\n%s", titles[1], details)
	}
	b.run(t,
		chromedp.Focus(`#details`, chromedp.ByQuery),
		chromedp.KeyEvent("\x1b"),
		chromedp.WaitNotPresent(`#details`, chromedp.ByQuery),
	)
	b.waitFor(t, "focus back on the event's title", `document.activeElement.matches(".events__item:nth-child(2) .events__title")`)
	b.eval(t, `document.activeElement.textContent.trim()`, &opener)
	if opener != titles[1] {
		t.Errorf("focus went back to %q, want the title %q", opener, titles[1])
	}
	b.checkConsole(t)
}

// profiles holds the profiles of the browsers the tests start. Each test
// removes its own, but a browser it kills may have a process left that
// writes into the profile afterwards (the network service's state), which
// then stays behind: TestMain removes the lot once every test is done.
var profiles string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "liaison-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	profiles = dir
	code := m.Run()
	// The last browser's processes may still be writing: a second pass
	// removes what they wrote during the first.
	os.RemoveAll(dir)
	time.Sleep(500 * time.Millisecond)
	os.RemoveAll(dir)
	os.Exit(code)
}

// browser is one headless Chromium tab, with what its console said.
type browser struct {
	ctx context.Context

	mu       sync.Mutex
	problems []string
}

// newBrowser starts Chromium (startChromium) with the options given after
// the usual ones. Without a browser the test is skipped, except under
// CI=true where it fails.
func newBrowser(t *testing.T, width, height int, options ...chromedp.ExecAllocatorOption) *browser {
	t.Helper()
	if chromiumPath() == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("Chromium is not installed (apt-get install chromium); browser tests cannot be skipped under CI=true")
		}
		t.Skip("Chromium is not installed: run make test, which installs it, or apt-get install chromium")
	}
	ctx := startChromium(t, width, height, options...)
	// A bound for a browser that hangs; the tests of every page (see
	// onEverySurface) share one for a minute or so.
	ctx, cancelTimeout := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(cancelTimeout)
	b := &browser{ctx: ctx}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
				b.report("console." + string(ev.Type) + ": " + consoleText(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			b.report("uncaught exception: " + ev.ExceptionDetails.Error())
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.LevelError {
				b.report("log: " + ev.Entry.Text + " " + ev.Entry.URL)
			}
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return b
}

// startChromium starts Debian's Chromium, headless, with a fresh profile,
// the options every test needs and then options, and returns its first
// tab's context. The browser stops when the test ends.
func startChromium(t testing.TB, width, height int, options ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	profile, err := os.MkdirTemp(profiles, "profile-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
	)
	opts = append(opts, options...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(profile)
	})
	return ctx
}

// chromiumPath is where Chromium is: $CHROMIUM, else the first of its
// names on the PATH; "" when there is none.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// forget drops what the console said so far: a test on the next page
// starts afresh.
func (b *browser) forget() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = nil
}

func (b *browser) report(problem string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, problem)
}

func (b *browser) run(t *testing.T, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(b.ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// checkConsole fails the test on any console error, uncaught exception or
// failed load the page has logged.
func (b *browser) checkConsole(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("browser console: %s", p)
	}
}

// screenshot saves the whole page as PNG in $LIAISON_SCREENSHOTS (make
// screenshots sets it to docs/), or else in a temporary directory. The
// window is made as tall as the page for it, and then given back its
// height: captured beyond a short window, what stays in the window as
// the page scrolls (the details, the chart's axis) stood in the middle
// of the picture with a hole where it belongs.
func (b *browser) screenshot(t *testing.T, name string) {
	t.Helper()
	var size struct{ Width, Height int64 }
	b.eval(t, `({Width: innerWidth, Height: document.documentElement.scrollHeight})`, &size)
	var png []byte
	b.run(t,
		emulation.SetDeviceMetricsOverride(size.Width, size.Height, 1, false),
		chromedp.Evaluate(afterResize, nil, awaitPromise),
		chromedp.CaptureScreenshot(&png),
		emulation.ClearDeviceMetricsOverride(),
		chromedp.Evaluate(afterResize, nil, awaitPromise),
	)
	savePNG(t, name, png)
}

// afterResize waits for go-app's answer to a resize, 250 ms after the
// last one, and two frames for the page to draw it.
const afterResize = `new Promise(r => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 400))`

// awaitPromise makes Evaluate wait for the promise its expression returns.
func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

// viewScreenshot saves what is in the window, for pages too long to
// capture whole, as screenshot does.
func (b *browser) viewScreenshot(t *testing.T, name string) {
	t.Helper()
	var png []byte
	b.run(t, chromedp.CaptureScreenshot(&png))
	savePNG(t, name, png)
}

func savePNG(t *testing.T, name string, png []byte) {
	t.Helper()
	dir := os.Getenv("LIAISON_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "liaison-screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// waitInteractive waits until the WebAssembly has taken over the
// prerendered page: its render marks the page data-interactive="true".
func waitInteractive() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := chromedp.WaitVisible(`main.liaison`, chromedp.ByQuery).Do(ctx); err != nil {
			return err
		}
		return chromedp.WaitVisible(`main.liaison[data-interactive="true"]`, chromedp.ByQuery).Do(ctx)
	})
}

// eval evaluates a JavaScript expression into out.
func (b *browser) eval(t *testing.T, expr string, out any) {
	t.Helper()
	b.run(t, chromedp.Evaluate(expr, out))
}

// waitFor waits up to ten seconds for a JavaScript expression (or the
// promise it returns) to be true, and fails the test, saying what was
// awaited, if it never is. Errors while the page navigates are retried.
func (b *browser) waitFor(t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var err error
	for {
		var ok bool
		err = chromedp.Run(b.ctx, chromedp.Evaluate("Promise.resolve("+expr+").then(v => !!v)", &ok, awaitPromise))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	var state string
	chromedp.Run(b.ctx, chromedp.Evaluate(`location.pathname + location.search`, &state))
	t.Fatalf("waiting for %s (%s): not true after 10 s (last error: %v); the page is at %s", what, expr, err, state)
}

// texts is the text of every element that matches a CSS selector.
func (b *browser) texts(t *testing.T, selector string) []string {
	t.Helper()
	var out []string
	b.eval(t, `[...document.querySelectorAll(`+strconv.Quote(selector)+`)].map(e => e.textContent.trim())`, &out)
	return out
}

// center is the middle of the first element that matches a CSS selector,
// in CSS pixels of the viewport.
func (b *browser) center(t *testing.T, selector string) (x, y float64) {
	t.Helper()
	var r struct{ X, Y float64 }
	b.eval(t, `(() => { const r = document.querySelector(`+strconv.Quote(selector)+`).getBoundingClientRect();
		return {X: r.left + r.width / 2, Y: r.top + r.height / 2} })()`, &r)
	return r.X, r.Y
}

// query is the page's query string, decoded for reading.
func (b *browser) query(t *testing.T) string {
	t.Helper()
	var q string
	b.eval(t, `decodeURIComponent(location.search)`, &q)
	return q
}

// colorScheme makes the page see prefers-color-scheme as scheme.
func colorScheme(scheme string) chromedp.Action {
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}})
}

func consoleText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// TestBrowserIndexOpensATimeline follows a link of the list of timelines:
// the WebAssembly shows the timeline, and asks the server for nothing that
// does not exist on the way.
func TestBrowserIndexOpensATimeline(t *testing.T) {
	other := strings.Replace(readDefaultTimeline(t), `"id": "james-norton"`, `"id": "other"`, 1)
	srv := startServer(t, writeFiles(t, map[string]string{"james-norton.json": readDefaultTimeline(t), "other.json": other}))
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+"/"), waitInteractive(),
		chromedp.Click(`.index__item a[href="/t/other"]`, chromedp.ByQuery))
	b.waitFor(t, "the timeline's lanes", `location.pathname == "/t/other" && document.querySelectorAll(".lane").length == 4`)
	b.run(t, chromedp.Sleep(afterDeferredWork))
	b.checkConsole(t)
}
