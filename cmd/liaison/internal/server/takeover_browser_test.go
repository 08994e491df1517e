//go:build built

package server

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// beforeTakeover runs in every page once its HTML is parsed, long before
// the WebAssembly runs: it focuses the first person's name, as a reader
// tabbing through the page would, marks elements of the page the server
// drew, and spoils a few, as a browser extension or a stale cache could.
// What it found is in window.__server.
const beforeTakeover = `document.addEventListener("DOMContentLoaded", () => {
	const main = document.querySelector("main.liaison");
	const link = document.querySelector(".lane__link");
	const bars = document.querySelectorAll(".bar[data-relationship]");
	const zoom = document.querySelector(".zoom__in");
	window.__server = {name: link.textContent.trim(), bars: bars.length};
	for (const el of [main, link, bars[0]]) {
		el.__server = true;
	}
	link.focus();
	main.setAttribute("data-spoiled", "");
	link.querySelector("bdi").firstChild.nodeValue = "Spoiled";
	bars[1].remove();
	zoom.setAttribute("href", "?spoiled");
	document.getElementById("chart-lanes").append(Object.assign(document.createElement("li"), {className: "spoiled"}));
});`

// TestBrowserTakeoverKeepsThePage checks that the WebAssembly takes over
// the page the server drew rather than drawing it again, on every surface
// and, served, in Arabic too: the reader's focus stays where it was (a
// second page would have lost it), the server's elements are the page's,
// and whatever differs from what the WebAssembly draws is mended.
func TestBrowserTakeoverKeepsThePage(t *testing.T) {
	b := newBrowser(t, 1280, 900)
	var script page.ScriptIdentifier
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) (err error) {
		script, err = page.AddScriptToEvaluateOnNewDocument(beforeTakeover).Do(ctx)
		return err
	}))
	t.Cleanup(func() { chromedp.Run(b.ctx, page.RemoveScriptToEvaluateOnNewDocument(script)) })
	// Each surface, and the served ones in Arabic, whose page the server
	// draws right to left.
	type visit struct{ name, url string }
	var visits []visit
	for _, s := range surfaces(t) {
		visits = append(visits, visit{s.name, s.url("")})
		if strings.HasPrefix(s.name, "served/") {
			visits = append(visits, visit{s.name + " ar", s.url("?lang=ar")})
		}
	}
	for _, s := range visits {
		t.Run(s.name, func(t *testing.T) {
			b.forget()
			b.run(t, chromedp.Navigate(s.url), waitInteractive())
			var got struct {
				Focused  bool   `json:"focused"`
				Kept     []bool `json:"kept"`
				Name     string `json:"name"`
				WantName string `json:"wantName"`
				Bars     int    `json:"bars"`
				WantBars int    `json:"wantBars"`
				Zoom     string `json:"zoom"`
				Spoiled  int    `json:"spoiled"`
			}
			b.eval(t, `(() => {
				const link = document.querySelector(".lane__link");
				return {
					focused: document.activeElement === link,
					kept: [document.querySelector("main.liaison"), link, document.querySelector(".bar[data-relationship]")].
						map((el) => el.__server === true),
					name: link.textContent.trim(), wantName: window.__server.name,
					bars: document.querySelectorAll(".bar[data-relationship]").length, wantBars: window.__server.bars,
					zoom: document.querySelector(".zoom__in").getAttribute("href"),
					spoiled: document.querySelectorAll("[data-spoiled], .spoiled").length,
				};
			})()`, &got)
			if !got.Focused {
				t.Error("the person's name focused before the WebAssembly ran lost the focus when it took over")
			}
			// Not the search box: the server draws the filter as a form,
			// the WebAssembly as a box, which the takeover builds anew.
			for i, what := range []string{"the page", "the first person's name", "the first bar"} {
				if !got.Kept[i] {
					t.Errorf("%s is another element once the WebAssembly took over: the page was drawn again", what)
				}
			}
			if got.Name != got.WantName || got.Bars != got.WantBars || got.Zoom == "?spoiled" || got.Spoiled != 0 {
				t.Errorf("the spoiled page was not mended: name %q (want %q), %d bars (want %d), zoom in to %q, %d spoiled elements left",
					got.Name, got.WantName, got.Bars, got.WantBars, got.Zoom, got.Spoiled)
			}
			b.checkConsole(t)
		})
	}
}
