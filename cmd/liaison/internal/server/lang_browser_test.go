//go:build built

package server

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/locales"
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

// peopleTimeline is a timeline of n people, in couples from 2020 (the
// last alone when n is odd), whose title is n.
func peopleTimeline(n int) string {
	var people, couples []string
	for i := range n {
		people = append(people, fmt.Sprintf(`{"id": "p%d", "name": "Person %d"}`, i, i))
	}
	for i := 0; i+1 < n; i += 2 {
		couples = append(couples, fmt.Sprintf(`{"id": "r%d", "people": ["p%d", "p%d"],
			"phases": [{"status": "dating", "from": "2020", "evidence": [{"source": "s", "quote": "q"}]}]}`, i, i, i+1))
	}
	return fmt.Sprintf(`{"schema": "timeline/v1", "id": "n%d", "title": "%d", "people": [%s], "relationships": [%s],
		"sources": [{"id": "s", "outlet": "Outlet", "url": "https://example.com/s"}]}`, n, n, strings.Join(people, ", "), strings.Join(couples, ", "))
}

// TestBrowserPluralForms opens the list of timelines of 1, 2, 5 and 22
// people in Polish and in Egyptian Arabic, as the server draws it and as
// the WebAssembly does: each count is written in its language's digits,
// in the plural form CLDR's rules choose for it (Polish: 2 and 22 are
// "few", 5 "many"; Arabic: 2 is "two", 5 "few", 22 "many"). The forms'
// words are the catalogue's (English's until a language has its own), so
// the test holds before and after a translation.
func TestBrowserPluralForms(t *testing.T) {
	files := map[string]string{}
	for _, n := range []int{1, 2, 5, 22} {
		files[fmt.Sprintf("n%d.json", n)] = peopleTimeline(n)
	}
	srv := startServer(t, writeFiles(t, files))
	tests := []struct {
		lang     string
		n        int
		category string
		digits   string
	}{
		{"pl", 1, "one", "1"},
		{"pl", 2, "few", "2"},
		{"pl", 5, "many", "5"},
		{"pl", 22, "few", "22"},
		{"ar-EG", 1, "one", "١"},
		{"ar-EG", 2, "two", "٢"},
		{"ar-EG", 5, "few", "٥"},
		{"ar-EG", 22, "many", "٢٢"},
	}
	plain := newBrowser(t, 1280, 900)
	plain.run(t, blockWasm())
	b := newBrowser(t, 1280, 900)
	seen := map[string]map[string]string{} // by browser, then by lang and n
	for _, lang := range []string{"pl", "ar-EG"} {
		for name, br := range map[string]*browser{"the server's page": plain, "the WebAssembly's": b} {
			var facts map[string]string // by title
			if br == b {
				br.run(t, chromedp.Navigate(srv.URL+"/?lang="+lang), waitInteractive())
			} else {
				br.run(t, chromedp.Navigate(srv.URL+"/?lang="+lang), chromedp.WaitVisible(".index__facts", chromedp.ByQuery))
			}
			br.eval(t, `Object.fromEntries([...document.querySelectorAll(".index__item")].map(e =>
				[e.querySelector("a").textContent, e.querySelector(".index__facts").textContent.split(" · ")[0]]))`, &facts)
			if seen[name] == nil {
				seen[name] = map[string]string{}
			}
			for title, text := range facts {
				seen[name][lang+" "+title] = text
			}
		}
	}
	for _, tt := range tests {
		forms := locales.For(tt.lang, app.DefaultLang).Messages["people"]
		form, ok := forms[tt.category]
		if !ok {
			form = forms["other"]
		}
		want := strings.ReplaceAll(form, "{{.Count}}", tt.digits)
		for name, got := range seen {
			if got[fmt.Sprintf("%s %d", tt.lang, tt.n)] != want {
				t.Errorf("%s, %s, %d people: %q, want %q (the %q form)", name, tt.lang, tt.n, got[fmt.Sprintf("%s %d", tt.lang, tt.n)], want, tt.category)
			}
		}
	}
	b.checkConsole(t)
}
