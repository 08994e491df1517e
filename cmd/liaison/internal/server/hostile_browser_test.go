//go:build built

package server

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestBrowserHostileTextIsInert opens every page of the hostile timeline
// in Chromium, as the server wrote it and after the WebAssembly took over,
// reads details, hovers bars and searches names: nothing of the data ever
// runs (no dialog opens, window.__pwned stays unset, nothing breaks the
// Content-Security-Policy), the data's markup shows as text, and only
// http(s) links to the sources lead away.
func TestBrowserHostileTextIsInert(t *testing.T) {
	dir, tl := hostileLibrary(t)
	srv := startServer(t, dir)
	b := newBrowser(t, 1280, 900)

	var (
		mu      sync.Mutex
		dialogs []string
	)
	chromedp.ListenTarget(b.ctx, func(ev any) {
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, string(ev.Type)+": "+ev.Message)
			mu.Unlock()
			go chromedp.Run(b.ctx, page.HandleJavaScriptDialog(false))
		}
	})
	// Before any script of a page runs, note violations of its
	// Content-Security-Policy.
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__violations = [];
			document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
		return err
	}))

	var sourceURLs, names []string
	for _, s := range tl.Sources {
		if s.URL != "" {
			sourceURLs = append(sourceURLs, s.URL)
		}
	}
	for _, p := range tl.People {
		names = append(names, p.Name)
	}
	slices.Sort(names)

	// check inspects the page as the server wrote it (parsed, not run, by
	// the browser's own parser) and as it is now.
	check := func(t *testing.T) {
		t.Helper()
		var result struct {
			Served, Live struct{ Problems, External []string }
			Pwned        string
			Violations   []string
		}
		b.run(t, chromedp.Evaluate(`(async () => {
			const checks = `+inertChecks+`;
			const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
			return {
				Served: checks(served, location.origin),
				Live: checks(document, location.origin),
				Pwned: typeof window.__pwned + " " + typeof parent.__pwned,
				Violations: window.__violations,
			};
		})()`, &result, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		for _, r := range []struct {
			what string
			got  struct{ Problems, External []string }
		}{{"served", result.Served}, {"live", result.Live}} {
			for _, p := range r.got.Problems {
				t.Errorf("%s page: %s", r.what, p)
			}
			for _, u := range r.got.External {
				if !slices.Contains(sourceURLs, u) {
					t.Errorf("%s page links to %q, neither this server nor a source", r.what, u)
				}
			}
		}
		if result.Pwned != "undefined undefined" {
			t.Errorf("a payload ran: typeof window.__pwned, parent.__pwned = %s", result.Pwned)
		}
		for _, v := range result.Violations {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
		mu.Lock()
		for _, d := range dialogs {
			t.Errorf("a dialog opened: %s", d)
		}
		dialogs = nil
		mu.Unlock()
	}

	// open loads a page until the WebAssembly has taken over. Markup of
	// the data that became elements may keep it from ever doing so, so a
	// failure says what the served page holds that it should not, and
	// which dialogs opened.
	open := func(t *testing.T, path string, ready chromedp.Action) {
		t.Helper()
		ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+path), ready); err != nil {
			var served struct{ Problems []string }
			ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
			defer cancel()
			chromedp.Run(ctx, chromedp.Evaluate(`fetch(location.href).then(r => r.text()).then(html =>
				(`+inertChecks+`)(new DOMParser().parseFromString(html, "text/html"), location.origin))`, &served,
				func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("opening %s: %v; the served page has %q; dialogs that opened: %q", path, err,
				served.Problems[:min(len(served.Problems), 5)], dialogs[:min(len(dialogs), 5)])
		}
	}

	// The listeners hear what they listen for: a dialog, and an inline
	// script that the Content-Security-Policy blocks (so a payload that
	// escaped its text still could not run).
	open(t, "/t/hostile", waitInteractive())
	b.eval(t, `setTimeout(() => alert("canary")); document.head.append(Object.assign(document.createElement("script"), {textContent: "window.__pwned = 1"}))`, nil)
	b.waitFor(t, "the blocked inline script to be reported", `window.__violations.length > 0`)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		heard := slices.Contains(dialogs, "alert: canary")
		mu.Unlock()
		if heard {
			break
		}
	}
	var canary struct {
		Violations []string
		Pwned      string
	}
	b.eval(t, `({Violations: window.__violations, Pwned: typeof window.__pwned})`, &canary)
	mu.Lock()
	if !slices.Equal(dialogs, []string{"alert: canary"}) || len(canary.Violations) != 1 || !strings.HasPrefix(canary.Violations[0], "script-src-elem inline") || canary.Pwned != "undefined" {
		t.Fatalf("dialogs %q, violations %q, window.__pwned %s: want the canary's alert, its inline script blocked", dialogs, canary.Violations, canary.Pwned)
	}
	dialogs = nil
	mu.Unlock()
	// The console reports the violation too: so checkConsole, which every
	// browser test calls, fails any page that breaks the policy.
	b.mu.Lock()
	if len(b.problems) != 1 || !strings.Contains(b.problems[0], "violates the following Content Security Policy directive") {
		t.Errorf("the console reported %q, want the canary's violation", b.problems)
	}
	b.problems = nil
	b.mu.Unlock()

	t.Run("timeline", func(t *testing.T) {
		open(t, "/t/hostile", waitInteractive())
		var title string
		b.eval(t, `document.querySelector(".liaison__title").textContent`, &title)
		if title != tl.Title {
			t.Errorf("heading = %q, want the title as text, %q", title, tl.Title)
		}
		// A description shows three lines at most, however long (a
		// screen reader still reads it all).
		var described []struct{ Lines, Length float64 }
		b.eval(t, `[...document.querySelectorAll(".lane__description")].map(e => ({
			Lines: e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight),
			Length: e.textContent.length}))`, &described)
		if !slices.ContainsFunc(described, func(d struct{ Lines, Length float64 }) bool { return d.Length >= 10_000 }) {
			t.Errorf("no lane drawn at the top has the description of 10,000 characters: %v", described)
		}
		for _, d := range described {
			if d.Lines > 3.05 {
				t.Errorf("a description of %.0f characters shows %.1f lines, want 3 at most", d.Length, d.Lines)
			}
		}
		// The chart draws the lanes in view: scroll to see every name.
		var lanes []string
		b.run(t, chromedp.Evaluate(everyLane, &lanes, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		slices.Sort(lanes)
		if !slices.Equal(lanes, names) {
			t.Errorf("lanes = %.300q\nwant the names as text, %.300q", lanes, names)
		}
		// Hover every bar and event marker drawn at the top: tooltips show
		// the data too. Scrolling to one may draw other lanes, so each is
		// found by its id, if it is still there.
		b.waitFor(t, "the first lanes drawn again", `document.querySelector('.lane[aria-posinset="1"]')`)
		var items []string
		b.eval(t, `[...document.querySelectorAll("a.bar, a.marker")].map(e => e.id)`, &items)
		for _, id := range items {
			var at struct {
				X, Y  float64
				Found bool
			}
			// Once scrolled to, the item is where it stays when it has not
			// moved for five frames: the lanes drawn may change meanwhile.
			b.run(t, chromedp.Evaluate(`(async () => {
				const find = () => document.getElementById(`+jsString(id)+`);
				if (!find()) return {};
				find().scrollIntoView({block: "center"});
				let last = "", still = 0;
				for (let i = 0; i < 200 && still < 5; i++) {
					await new Promise(r => requestAnimationFrame(r));
					const e = find();
					if (!e) return {};
					const r = e.getBoundingClientRect(), at = r.left + "," + r.top;
					still = at == last ? still + 1 : 0;
					last = at;
				}
				const r = find().getBoundingClientRect();
				return {X: r.left + Math.min(r.width / 2, 20), Y: r.top + r.height / 2, Found: true} })()`, &at,
				func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			if at.Found {
				b.run(t, chromedp.MouseEvent(input.MouseMoved, at.X, at.Y))
			}
		}
		b.waitFor(t, "a tooltip", `document.querySelector(".tooltip")`)
		// Search by the markup in a name: the option, then the chip, show it.
		b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, `<script`, chromedp.ByQuery))
		b.waitFor(t, "Eve's name as an option", `[...document.querySelectorAll("#person-options [role=option]")].some(o => o.textContent == `+jsString(tl.People[0].Name)+`)`)
		b.run(t, chromedp.KeyEvent("\r"))
		b.waitFor(t, "Eve's chip", `[...document.querySelectorAll(".chip")].some(c => c.textContent.startsWith(`+jsString(tl.People[0].Name)+`))`)
		check(t)
	})

	t.Run("details", func(t *testing.T) {
		open(t, "/t/hostile?rel=eve-mal&at=2020-06", waitInteractive())
		b.waitFor(t, "the details", `document.querySelector("#details")`)
		var details string
		b.eval(t, `document.querySelector("#details").textContent`, &details)
		r := tl.Relationships[0]
		for _, want := range []string{r.Evidence[0].Quote, r.Evidence[1].Quote, r.Phases[0].Evidence[0].Quote, r.End.Reason, r.End.Date.Label,
			tl.Sources[0].Outlet, tl.Sources[1].Outlet} {
			if !strings.Contains(details, want) {
				t.Errorf("the details lack, as text, %.100q", want)
			}
		}
		check(t)
	})

	t.Run("event", func(t *testing.T) {
		open(t, "/t/hostile?event=party", waitInteractive())
		b.waitFor(t, "the details", `document.querySelector("#details")`)
		var details string
		b.eval(t, `document.querySelector("#details").textContent`, &details)
		for _, want := range []string{tl.Events[0].Title, tl.Events[0].Quote, tl.Events[0].Evidence[0].Quote} {
			if !strings.Contains(details, want) {
				t.Errorf("the event's details lack, as text, %.100q", want)
			}
		}
		var links []string
		b.eval(t, `[...document.querySelectorAll("#details a:not(.details__close)")].map(a => a.getAttribute("href"))`, &links)
		if !slices.Equal(links, []string{tl.Sources[0].URL}) {
			t.Errorf("the details link to %q, want only the source's URL %q", links, tl.Sources[0].URL)
		}
		check(t)
	})

	t.Run("list", func(t *testing.T) {
		open(t, "/t/hostile?view=list", waitInteractive())
		check(t)
	})

	t.Run("embed", func(t *testing.T) {
		open(t, "/embed/hostile?rel=eve-mal", waitInteractive())
		check(t)
	})

	t.Run("index", func(t *testing.T) {
		open(t, "/", chromedp.WaitVisible(`main.liaison--index`, chromedp.ByQuery))
		var titles []string
		b.eval(t, `[...document.querySelectorAll("main a")].map(a => a.textContent)`, &titles)
		if !slices.Contains(titles, tl.Title) {
			t.Errorf("the list of timelines shows %.300q, want the hostile title as text", titles)
		}
		check(t)
	})
	b.checkConsole(t)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
