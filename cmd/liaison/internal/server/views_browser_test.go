//go:build built

package server

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// viewsOfURLs are queries that name every kind of view a URL can, valid
// and not: people known, unknown and miswritten, windows and dates of
// every form, items that exist, that don't and that the filter hides,
// themes, titles and the list. A URL holds several mistakes at once: a
// panic in any of them ends the program, which is what is looked for.
var viewsOfURLs = []string{
	"",
	"?person=lily-allen&from=2022&to=2024&rel=lily-allen-david-harbour&at=2023-03&theme=dark&title=0",
	"?person=nobody,LILY-ALLEN,&rel=nope&at=someday&from=2019-13&to=2020&view=nope&theme=purple&title=2",
	"?from=2024&to=2022&event=nope&at=1900",
	"?from=0001&to=9999&at=2023-09/2023-12",
	"?from=2022&rel=lily-allen-david-harbour&event=lido-festival-sighting",
	"?person=imogen-poots&rel=lily-allen-david-harbour&at=2099",
	"?view=list&person=lily-allen&rel=lily-allen-david-harbour",
	"?view=list&event=lido-festival-sighting&at=2022",
	"?person=,,,&person=&from=&to=&at=",
}

// afterDeferredWork is how long a view's deferred work may take to start:
// the longest delay the page waits after a view (urlDelay, 200 ms) and
// go-app's frame, with room to spare.
const afterDeferredWork = 750 * time.Millisecond

// TestBrowserNoViewEndsTheProgram opens every view a URL can name, on the
// three pages and for timelines that do not exist, and checks after each
// that the WebAssembly still runs: a panic ends a Go program, and go-app's
// functions then throw "Go program has already exited".
func TestBrowserNoViewEndsTheProgram(t *testing.T) {
	srv := startServer(t, "")
	pages := map[string][]string{"index": {"/", "/?person=nobody", "/?rel=nope&at=someday&view=list"}}
	for _, query := range viewsOfURLs {
		pages["page"] = append(pages["page"], timelineURL+query)
		pages["embed"] = append(pages["embed"], "/embed/james-norton"+query)
	}
	pages["unknown"] = []string{"/t/no-such-id", "/embed/no-such-id", "/t/no-such-id?person=x&rel=y&view=list&at=2022"}
	for name, paths := range pages {
		t.Run(name, func(t *testing.T) {
			// The pages wait for their deferred work far more than they
			// work: four browsers at once took half the time on two cores.
			t.Parallel()
			b := newBrowser(t, 1280, 900)
			for _, path := range paths {
				b.run(t, chromedp.Navigate(srv.URL+path), waitInteractive(), chromedp.Sleep(afterDeferredWork))
				b.checkRunning(t, path)
			}
			b.checkConsoleBut404s(t)
		})
	}
}

// checkRunning fails the test if the page's Go program has exited: a call
// into it then throws.
func (b *browser) checkRunning(t *testing.T, path string) {
	t.Helper()
	var exited string
	b.eval(t, `(() => {
		try { goappOnAppInstallChange(); return "" } catch (e) { return String(e) }
	})()`, &exited)
	if exited != "" {
		t.Errorf("%s: the WebAssembly stopped: %s", path, exited)
	}
}

// checkConsoleBut404s is checkConsole for pages that ask for what does
// not exist: their answers are 404s, which Chromium logs. Given paths,
// only the 404s of URLs that end with one of them are let pass.
func (b *browser) checkConsoleBut404s(t *testing.T, paths ...string) {
	t.Helper()
	b.mu.Lock()
	b.problems = slices.DeleteFunc(b.problems, func(p string) bool {
		if !strings.HasPrefix(p, "log: Failed to load resource: the server responded with a status of 404") {
			return false
		}
		return len(paths) == 0 || slices.ContainsFunc(paths, func(path string) bool { return strings.HasSuffix(p, path) })
	})
	b.mu.Unlock()
	b.checkConsole(t)
}
