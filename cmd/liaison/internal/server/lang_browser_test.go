//go:build built

package server

import (
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageWordsSeen is what a reader sees of a page's language: <html lang
// dir>, a control's label, and the axis's ticks.
type pageWordsSeen struct {
	Lang, Dir, Fit, Legend string
	Ticks                  []string
}

const seeWords = `({Lang: document.documentElement.lang, Dir: document.documentElement.dir,
	Fit: document.querySelector(".zoom__fit").textContent.trim(),
	Legend: document.querySelector(".legend").getAttribute("aria-label") || "",
	Ticks: [...document.querySelectorAll(".tick")].map(e => e.textContent.trim())})`

// TestBrowserPageLanguage opens a page and an embed with ?lang=de, zoomed
// to months: the server's page (the WebAssembly blocked) and the one the
// WebAssembly draws as it takes over say the same, in German, so that
// nothing flashes from one language to the other.
func TestBrowserPageLanguage(t *testing.T) {
	srv := startServer(t, "")
	const query = "?lang=de&from=2022-02&to=2022-05"
	want := pageWordsSeen{Lang: "de", Dir: "ltr", Fit: "Alles", Legend: "Legende",
		Ticks: []string{"Feb. 2022", "März 2022", "Apr. 2022", "Mai 2022", "Juni 2022"}}
	for _, path := range []string{timelineURL, "/embed/james-norton"} {
		t.Run(path, func(t *testing.T) {
			var prerendered, interactive pageWordsSeen
			plain := newBrowser(t, 1280, 900)
			plain.run(t, blockWasm(), chromedp.Navigate(srv.URL+path+query), chromedp.WaitVisible(".tick", chromedp.ByQuery))
			plain.eval(t, seeWords, &prerendered)
			b := newBrowser(t, 1280, 900)
			b.run(t, colorScheme("light"), chromedp.Navigate(srv.URL+path+query), waitInteractive())
			b.eval(t, seeWords, &interactive)
			for _, seen := range []struct {
				name string
				got  pageWordsSeen
			}{{"the server's page", prerendered}, {"the WebAssembly's", interactive}} {
				got := seen.got
				if got.Lang != want.Lang || got.Dir != want.Dir || got.Fit != want.Fit || got.Legend != want.Legend {
					t.Errorf("%s: <html lang=%q dir=%q>, Fit is %q, the legend %q; want %q, %q, %q, %q",
						seen.name, got.Lang, got.Dir, got.Fit, got.Legend, want.Lang, want.Dir, want.Fit, want.Legend)
				}
				if !slices.Equal(got.Ticks, want.Ticks) {
					t.Errorf("%s: the ticks say %q, want %q", seen.name, got.Ticks, want.Ticks)
				}
			}
			if path == timelineURL {
				b.screenshot(t, "lang-de-1280.png")
			}
			// The control links keep the language, as they keep the theme.
			var links []string
			b.eval(t, `[...document.querySelectorAll(".zoom a")].map(a => a.getAttribute("href"))`, &links)
			for _, href := range links {
				if !strings.Contains(href, "lang=de") {
					t.Errorf("the control link %q leaves the language out", href)
				}
			}
			b.checkConsole(t)
		})
	}
}

// TestBrowserIndexOpensATimelineInItsLanguage opens, from the list of
// timelines (English), a timeline in German: the WebAssembly, which has
// the list's language only, loads the page anew in the timeline's.
func TestBrowserIndexOpensATimelineInItsLanguage(t *testing.T) {
	german := strings.Replace(readDefaultTimeline(t), `"id": "james-norton",`, `"id": "deutsch", "lang": "de",`, 1)
	srv := startServer(t, writeFiles(t, map[string]string{"james-norton.json": readDefaultTimeline(t), "deutsch.json": german}))
	b := newBrowser(t, 1280, 900)
	var lang string
	b.run(t, chromedp.Navigate(srv.URL+"/"), waitInteractive())
	b.eval(t, `document.documentElement.lang`, &lang)
	if lang != "en-GB" {
		t.Errorf("the list's <html lang> is %q, want en-GB", lang)
	}
	b.run(t, chromedp.Click(`.index__item a[href="/t/deutsch"]`, chromedp.ByQuery))
	b.waitFor(t, "the timeline in German", `location.pathname == "/t/deutsch" && document.documentElement.lang == "de" && `+
		`document.querySelector("main.liaison[data-interactive=true] .zoom__fit")?.textContent.trim() == "Alles"`)
	b.run(t, chromedp.Sleep(afterDeferredWork))
	b.checkConsole(t)
}
