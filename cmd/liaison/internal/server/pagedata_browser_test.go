//go:build built

package server

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// blockAPI makes every request to the API fail, served or exported, as a
// server that does not answer it would; unblockAPI lifts it.
func blockAPI(block bool) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := network.Enable().Do(ctx); err != nil {
			return err
		}
		var patterns []*network.BlockPattern
		if block {
			patterns = []*network.BlockPattern{{URLPattern: "*://*:*/*api/timelines*", Block: true}}
		}
		return network.SetBlockedURLs().WithURLPatterns(patterns).Do(ctx)
	})
}

// TestBrowserInteractiveFromThePage opens every surface with the API
// blocked, whole and filtered to one person: the page carries the data of
// its first view, so the WebAssembly takes over and draws the timeline
// without asking the server (a request it made would fail, and be
// logged). Then, with the API back, adding a person to the filter fetches
// the part of the timeline the page lacks, where the server has parts (an
// export's page has the whole timeline, and fetches nothing).
func TestBrowserInteractiveFromThePage(t *testing.T) {
	b := newBrowser(t, 1280, 900)
	for _, s := range surfaces(t) {
		t.Run(s.name, func(t *testing.T) {
			for _, view := range []struct {
				query string
				lanes []string
			}{
				{"", []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour"}},
				{"?person=lily-allen", []string{"james-norton", "lily-allen", "david-harbour"}},
			} {
				b.forget()
				b.run(t, blockAPI(true), chromedp.Navigate(s.url(view.query)), waitInteractive())
				var drawn struct {
					Problem bool `json:"problem"`
					Bars    int  `json:"bars"`
					Blocks  int  `json:"blocks"`
				}
				b.eval(t, `({problem: !!document.querySelector("main.liaison--problem"),
					bars: document.querySelectorAll(".bar[data-relationship]").length,
					blocks: document.querySelectorAll("script.liaison-data").length})`, &drawn)
				if lanes := b.lanes(t); drawn.Problem || drawn.Bars == 0 || !slices.Equal(lanes, view.lanes) {
					b.checkConsole(t)
					t.Fatalf("%s with the API blocked: a problem %v (%q), %d bars in the lanes %q; want the lanes %q",
						view.query, drawn.Problem, b.texts(t, "main p"), drawn.Bars, lanes, view.lanes)
				}
				if drawn.Blocks != 0 {
					t.Errorf("%s: %d data blocks left in the page after the WebAssembly read them", view.query, drawn.Blocks)
				}
				b.checkConsole(t)
			}

			b.run(t, blockAPI(false),
				chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, "imo", chromedp.ByQuery))
			b.waitFor(t, "the option Imogen Poots", `document.querySelector("#person-option-imogen-poots")`)
			b.run(t, chromedp.KeyEvent("\r"))
			b.waitFor(t, "Imogen Poots's lane", `location.search == "?person=lily-allen,imogen-poots" && document.querySelector('.lane[data-person="imogen-poots"]')`)
			var want []apiFetch
			if strings.HasPrefix(s.name, "served/") {
				want = []apiFetch{{Path: "/api/timelines/james-norton?person=imogen-poots,lily-allen&people=all"}}
			}
			got := b.apiFetches(t)
			for i := range got {
				got[i].Size = 0
			}
			if !slices.Equal(got, want) {
				t.Errorf("adding Imogen Poots fetched %+v, want %+v", got, want)
			}
			b.checkConsole(t)
		})
	}
}

// TestBrowserWasmFetchedOnce checks that the WebAssembly is downloaded
// once, served and exported, and that its download starts from the page's
// head (the preload), before the HTML is parsed, rather than once go-app's
// deferred app.js runs. Every page has the same head: one page of each
// kind of site is enough.
func TestBrowserWasmFetchedOnce(t *testing.T) {
	b := newBrowser(t, 1280, 900)
	var mu sync.Mutex
	var requests []string
	chromedp.ListenTarget(b.ctx, func(ev any) {
		if ev, ok := ev.(*network.EventRequestWillBeSent); ok && strings.Contains(ev.Request.URL, ".wasm") {
			mu.Lock()
			requests = append(requests, ev.Request.URL)
			mu.Unlock()
		}
	})
	b.run(t, network.Enable())
	for _, s := range surfaces(t) {
		if s.name != "served/page" && s.name != "exported/page" {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			mu.Lock()
			requests = nil
			mu.Unlock()
			b.forget()
			// A fresh load: what the HTTP cache holds from the page
			// before would hide a second download.
			b.run(t, network.ClearBrowserCache(), chromedp.Navigate(s.url("")), waitInteractive())
			var timing struct {
				Start  float64 `json:"start"`
				Parsed float64 `json:"parsed"`
			}
			b.eval(t, `({start: performance.getEntriesByType("resource").find(e => e.name.endsWith(".wasm")).startTime,
				parsed: performance.getEntriesByType("navigation")[0].domInteractive})`, &timing)
			mu.Lock()
			got := requests
			mu.Unlock()
			if len(got) != 1 {
				t.Errorf("the WebAssembly was requested %d times: %q", len(got), got)
			}
			if timing.Start >= timing.Parsed {
				t.Errorf("the WebAssembly's download started at %.1f ms, after the HTML was parsed (%.1f ms)", timing.Start, timing.Parsed)
			}
			b.checkConsole(t)
		})
	}
}
