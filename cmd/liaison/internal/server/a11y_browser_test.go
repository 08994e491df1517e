//go:build built

package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// axeViolation is one failed rule of an axe-core audit.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target         []string `json:"target"`
		FailureSummary string   `json:"failureSummary"`
	} `json:"nodes"`
}

// audit runs axe-core (pinned in package-lock.json, installed by make js)
// on the page for WCAG 2.1 A and AA, and returns its violations.
func (b *browser) audit(t *testing.T) []axeViolation {
	t.Helper()
	axe, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (make js runs npm ci): %v", err)
	}
	var violations []axeViolation
	b.run(t,
		chromedp.Evaluate(string(axe), nil),
		chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}).then(r => r.violations)`,
			&violations, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	return violations
}

// TestBrowserAccessibility audits the full page and the embed, light and
// dark, filtered and not, with the list view, details and cursor open, in
// English, Arabic, Hebrew, German and Japanese: no WCAG 2.1 A or AA
// violation.
func TestBrowserAccessibility(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	pages := []string{
		"/t/james-norton",
		"/t/james-norton?person=lily-allen",
		"/t/james-norton?rel=james-norton-imogen-poots&at=2022-06",
		"/t/james-norton?view=list",
		"/embed/james-norton",
		"/embed/james-norton?person=david-harbour&title=0",
		"/t/james-norton?find=a",
		"/embed/james-norton?person=lily-allen&find=zz&title=0",
	}
	// The page and the embed in right-to-left languages and in languages
	// of other scripts (issue 17), one of them with details and the
	// cursor open.
	for _, lang := range []string{"ar", "he", "de", "ja"} {
		pages = append(pages, "/t/james-norton?lang="+lang, "/embed/james-norton?lang="+lang)
	}
	pages = append(pages, "/t/james-norton?lang=ar&rel=james-norton-imogen-poots&at=2022-06")
	for _, scheme := range []string{"light", "dark"} {
		for _, page := range pages {
			t.Run(scheme+" "+page, func(t *testing.T) {
				b.run(t, colorScheme(scheme), chromedp.Navigate(srv.URL+page), waitInteractive())
				for _, v := range b.audit(t) {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, strings.Join(n.Target, " ")+": "+n.FailureSummary)
					}
					t.Errorf("%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
				}
			})
		}
	}
	b.checkConsole(t)

	// The server's page, as a reader without the WebAssembly uses it: the
	// person filter's form and what a name sent finds.
	plain := newBrowser(t, 1280, 900)
	plain.run(t, colorScheme("light"), blockWasm())
	for _, page := range []string{"/t/james-norton", "/t/james-norton?find=a", "/embed/james-norton?person=lily-allen&find=zz&title=0"} {
		t.Run("no WebAssembly "+page, func(t *testing.T) {
			plain.run(t, chromedp.Navigate(srv.URL+page), chromedp.WaitVisible(`main.liaison`, chromedp.ByQuery))
			for _, v := range plain.audit(t) {
				var where []string
				for _, n := range v.Nodes {
					where = append(where, strings.Join(n.Target, " ")+": "+n.FailureSummary)
				}
				t.Errorf("%s (%s): %s\n  %s", v.ID, v.Impact, v.Help, strings.Join(where, "\n  "))
			}
		})
	}
}

// TestBrowserThemes checks that the reader's system setting decides the
// colours unless ?theme= does.
func TestBrowserThemes(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	tests := []struct {
		system, query, want string
	}{
		{"light", "", "rgb(251, 250, 247)"},
		{"dark", "", "rgb(20, 23, 31)"},
		{"light", "?theme=dark", "rgb(20, 23, 31)"},
		{"dark", "?theme=light", "rgb(251, 250, 247)"},
		{"dark", "?theme=auto", "rgb(20, 23, 31)"},
	}
	for _, tt := range tests {
		var background string
		b.run(t, colorScheme(tt.system), chromedp.Navigate(srv.URL+"/t/james-norton"+tt.query), waitInteractive(),
			chromedp.Evaluate(`getComputedStyle(document.body).backgroundColor`, &background))
		if background != tt.want {
			t.Errorf("system %s, %q: background %s, want %s", tt.system, tt.query, background, tt.want)
		}
	}
}

// TestBrowserReducedMotion checks that the lanes' transitions stop for
// readers who ask for less motion.
func TestBrowserReducedMotion(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	for _, tt := range []struct{ preference, want string }{{"no-preference", "0.15s, 0.15s"}, {"reduce", "0s"}} {
		var duration string
		b.run(t,
			emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: tt.preference}}),
			chromedp.Navigate(srv.URL+"/t/james-norton"), waitInteractive(),
			chromedp.Evaluate(`getComputedStyle(document.querySelector(".lane")).transitionDuration`, &duration))
		if duration != tt.want {
			t.Errorf("prefers-reduced-motion: %s: lane transitions %q, want %q", tt.preference, duration, tt.want)
		}
	}
}

// TestBrowserPhone reads the timeline on a 375 px touch screen: nothing
// sticks out sideways, names sit above their lanes, a vertical swipe over
// the chart scrolls the page, and a sideways drag pans the chart.
func TestBrowserPhone(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 375, 740)
	b.run(t,
		emulation.SetDeviceMetricsOverride(375, 740, 2, true),
		emulation.SetTouchEmulationEnabled(true),
		chromedp.Navigate(srv.URL+"/t/james-norton"), waitInteractive(),
	)
	var overflow bool
	b.eval(t, `document.documentElement.scrollWidth > window.innerWidth`, &overflow)
	if overflow {
		t.Error("the page is wider than the phone's screen")
	}
	var stacked bool
	b.eval(t, `(l => l.querySelector(".lane__name").getBoundingClientRect().bottom <= l.querySelector(".lane__plot").getBoundingClientRect().top + 1)(document.querySelector(".lane"))`, &stacked)
	if !stacked {
		t.Error("on a phone, names are not above their lanes")
	}

	swipe := func(x0, y0, x1, y1 float64) {
		var actions []chromedp.Action
		actions = append(actions, input.DispatchTouchEvent(input.TouchStart, []*input.TouchPoint{{X: x0, Y: y0, ID: 1}}))
		for i := 1; i <= 8; i++ {
			f := float64(i) / 8
			actions = append(actions, input.DispatchTouchEvent(input.TouchMove, []*input.TouchPoint{{X: x0 + f*(x1-x0), Y: y0 + f*(y1-y0), ID: 1}}))
		}
		actions = append(actions, input.DispatchTouchEvent(input.TouchEnd, nil))
		b.run(t, actions...)
	}
	x, y := b.steadyPoint(t, `.lane[data-person="james-norton"] .lane__plot`)
	var scrolled float64
	b.eval(t, `window.scrollY`, &scrolled)
	swipe(x, y, x, y-250)
	b.waitFor(t, "a vertical swipe over the chart to scroll the page", `window.scrollY > `+strconv.FormatFloat(scrolled+100, 'f', 0, 64))
	if q := b.query(t); q != "" {
		t.Errorf("a vertical swipe changed the view: %s", q)
	}
	// Zoom in (the buttons have their own tests) so that there is room to
	// pan, then drag sideways.
	b.run(t, chromedp.Evaluate(`window.scrollTo(0, 0); document.querySelector(".zoom__in").click()`, nil))
	b.waitFor(t, "the zoom", `location.search.includes("from=")`)
	from := b.windowStart(t)
	x, y = b.steadyPoint(t, `.lane[data-person="lily-allen"] .lane__plot`)
	swipe(x+100, y, x-100, y)
	b.waitFor(t, "a sideways drag to pan", `new URLSearchParams(location.search).get("from") > "`+from+`"`)
}

// steadyPoint is the middle of the element a selector finds, scrolled into
// view, once the page has stopped moving (scrolling, re-rendering) and the
// element is what is at that point: a swipe must start where the test
// means it to.
func (b *browser) steadyPoint(t *testing.T, selector string) (x, y float64) {
	t.Helper()
	var last [2]float64
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var p struct {
			X, Y float64
			Hit  bool
		}
		b.eval(t, `(() => { const el = document.querySelector(`+strconv.Quote(selector)+`); let r = el.getBoundingClientRect();
			if (r.top < 0 || r.bottom > innerHeight) { el.scrollIntoView({block: "center"}); r = el.getBoundingClientRect(); }
			const x = r.left + r.width / 2, y = r.top + r.height / 2;
			return {X: x, Y: y, Hit: el.contains(document.elementFromPoint(x, y))} })()`, &p)
		if p.Hit && p.X == last[0] && p.Y == last[1] {
			return p.X, p.Y
		}
		last = [2]float64{p.X, p.Y}
	}
	t.Fatalf("%s never stood still under its own middle", selector)
	return 0, 0
}

// TestBrowserLoadFailure breaks the WebAssembly's download: the
// prerendered timeline stays, and the page says the interactive one could
// not load.
func TestBrowserLoadFailure(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	handler, err := New(lib, testAssets(t), Config{})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		handler.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+"/t/james-norton"))
	b.waitFor(t, "the failure notice", `getComputedStyle(document.querySelector("#app-wasm-loader"), "::after").content.includes("could not load")`)
	if got := b.lanes(t); len(got) != 4 {
		t.Errorf("after the failure the page shows %d lanes, want the 4 prerendered ones", len(got))
	}
}

// TestBrowserScreenshots saves the default timeline at phone, tablet and
// desktop widths, light and dark, for docs/ and for a look.
func TestBrowserScreenshots(t *testing.T) {
	srv := startServer(t, "")
	for _, width := range []int64{360, 768, 1280} {
		b := newBrowser(t, int(width), 900)
		for _, scheme := range []string{"light", "dark"} {
			// Emulated: a headless window is 500 px wide at the least.
			b.run(t, chromedp.EmulateViewport(width, 900), colorScheme(scheme), chromedp.Navigate(srv.URL+"/t/james-norton?at=2022-06"), waitInteractive())
			b.screenshot(t, fmt.Sprintf("screen-%d-%s.png", width, scheme))
		}
	}
}

// TestBrowserPrint prints the page: the chart and its tables, without the
// controls. The tables, hidden on screen, are drawn when the reader prints
// (the browser's beforeprint), for the view then on screen, and never for
// a reader who does not print.
func TestBrowserPrint(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	// tableRows counts the rows of the tables for print; seenAtPrint is
	// the count a listener of the test's saw during the beforeprint event,
	// after the page's, as the browser lays the printout out after it.
	const tableRows = `document.querySelectorAll(".list-view__table tbody tr").length`
	const listenToPrint = `window.__seenAtPrint = -1; addEventListener("beforeprint", () => { window.__seenAtPrint = ` + tableRows + ` })`
	print := func(t *testing.T) (seenAtPrint int) {
		t.Helper()
		b.eval(t, listenToPrint, nil)
		b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
			_, _, err := page.PrintToPDF().Do(ctx)
			return err
		}))
		b.eval(t, `window.__seenAtPrint`, &seenAtPrint)
		return seenAtPrint
	}

	b.run(t, chromedp.Navigate(srv.URL+"/t/james-norton"), waitInteractive(), chromedp.Sleep(afterDeferredWork))
	var drawn int
	b.eval(t, tableRows, &drawn)
	if drawn != 0 {
		t.Errorf("the tables for print were drawn for a reader who did not print (%d rows)", drawn)
	}
	if n := print(t); n == 0 {
		t.Fatal("printing: the tables were not in the page when the browser laid the printout out")
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	var shown map[string]string
	b.eval(t, `Object.fromEntries([".toolbar", ".chart", ".list-view", ".events", "#app-wasm-loader"].map(s =>
		[s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : "absent"]))`, &shown)
	for selector, want := range map[string]string{".toolbar": "none", ".chart": "block", ".list-view": "block", ".events": "block"} {
		if shown[selector] != want {
			t.Errorf("in print, %s is display %q, want %q", selector, shown[selector], want)
		}
	}
	if d := shown["#app-wasm-loader"]; d != "none" && d != "absent" {
		t.Errorf("in print, the loader shows (%s)", d)
	}

	// Another view, chosen on the page: the tables follow the chart.
	chartRelationships := `[...new Set([...document.querySelectorAll(".bar")].map(e => e.dataset.relationship))].sort().join(" ")`
	tableRelationships := `[...(document.querySelector(".list-view__table")?.querySelectorAll(".list-view__open") ?? [])].map(e => e.id.slice(4)).sort().join(" ")`
	b.run(t, emulation.SetEmulatedMedia().WithMedia("screen"),
		chromedp.Click(`#person-search`, chromedp.ByQuery),
		chromedp.SendKeys(`#person-search`, "lily", chromedp.ByQuery),
		chromedp.WaitVisible(`#person-options li`, chromedp.ByQuery),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(`.chip`, chromedp.ByQuery),
	)
	if n := print(t); n == 0 {
		t.Fatal("printing Lily Allen's view: no tables in the page when the browser laid the printout out")
	}
	var chart, table string
	b.eval(t, chartRelationships, &chart)
	b.eval(t, tableRelationships, &table)
	if chart == "" || table != chart {
		t.Errorf("printing Lily Allen's view: the tables show %q, the chart %q", table, chart)
	}

	// A page opened in the list view, switched to the chart, prints its
	// tables too.
	b.run(t, chromedp.Navigate(srv.URL+"/t/james-norton?view=list"), waitInteractive(),
		chromedp.Click(`.view-toggle`, chromedp.ByQuery))
	b.waitFor(t, "the chart", `!document.querySelector("main").classList.contains("liaison--list")`)
	if n := print(t); n == 0 {
		t.Error("printing the chart after the list view: no tables in the page when the browser laid the printout out")
	}
}

// TestBrowserPersonColours checks that each person keeps one colour in
// every view (lanes, filter chips, the "as of" list), that the four people
// of the default timeline have four, and that a name always goes with it.
func TestBrowserPersonColours(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	lane := func() map[string]string {
		var colours map[string]string
		b.eval(t, `Object.fromEntries([...document.querySelectorAll(".lane")].map(l =>
			[l.dataset.person, l.querySelector(".lane__person .swatch").className]))`, &colours)
		return colours
	}
	b.run(t, chromedp.Navigate(srv.URL+"/t/james-norton"), waitInteractive())
	all := lane()
	distinct := map[string]bool{}
	for _, c := range all {
		distinct[c] = true
	}
	if len(all) != 4 || len(distinct) != 4 {
		t.Errorf("lane colours %v: want four people, four colours", all)
	}
	b.run(t, chromedp.Navigate(srv.URL+"/t/james-norton?person=lily-allen&at=2025-07"), waitInteractive())
	for id, c := range lane() {
		if c != all[id] {
			t.Errorf("filtered, %s's colour is %q, unfiltered %q", id, c, all[id])
		}
	}
	var chip, asOf string
	b.eval(t, `document.querySelector('.chip[data-person="lily-allen"] .swatch').className`, &chip)
	b.eval(t, `[...document.querySelectorAll(".as-of__pair .swatch")][1].className`, &asOf)
	if chip != all["lily-allen"] || asOf != all["lily-allen"] {
		t.Errorf("Lily Allen's colour: lane %q, chip %q, as-of list %q", all["lily-allen"], chip, asOf)
	}
}
