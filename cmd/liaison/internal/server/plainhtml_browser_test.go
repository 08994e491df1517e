//go:build built

package server

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// A reader who clicks before the WebAssembly has arrived, or whose browser
// never gets it (a proxy that drops .wasm, scripts turned off), uses the
// page as HTML: its controls are links to the views they show, which the
// server renders. Once the WebAssembly runs, the same links change the
// view in place. These tests walk one reader's way through the controls
// both ways.

// A controlStep is a reader's click on a control, and what they then see.
type controlStep struct {
	what  string
	click string // the control, a CSS selector
	// sees is a JavaScript expression that is true once the page shows
	// what the control is for.
	sees string
	// query is in the URL's query once it has.
	query string
	// filter marks a change of the filter: a history entry on a page,
	// none in an embed.
	filter bool
}

// lanesAre is true when the chart's lanes are of these people, in order.
func lanesAre(people ...string) string {
	return `[...document.querySelectorAll("#chart-lanes > .lane")].map(l => l.dataset.person).join() == "` + strings.Join(people, ",") + `"`
}

// detailsSay is true when the details panel is open and says text.
func detailsSay(text string) string {
	return `(d => !!d && d.textContent.includes("` + text + `"))(document.querySelector("#details"))`
}

var controlSteps = []controlStep{
	{what: "choose Lily Allen by her lane's name", click: `.lane[data-person="lily-allen"] .lane__link`,
		sees:  `!!document.querySelector('.chip[data-person="lily-allen"]') && ` + lanesAre("james-norton", "lily-allen", "david-harbour"),
		query: "person=lily-allen", filter: true},
	{what: "open a relationship's details", click: `#bar-lily-allen-lily-allen-david-harbour`,
		sees: detailsSay("Lily Allen & David Harbour") + ` && ` + detailsSay("Married from 2020"), query: "rel=lily-allen-david-harbour"},
	{what: "close them", click: `#details .details__close`,
		sees: `!document.querySelector("#details") && !!document.querySelector("#bar-lily-allen-lily-allen-david-harbour")`},
	{what: "open an event's details", click: `.events__title`,
		sees: detailsSay("Lido festival"), query: "event=lido-festival-sighting"},
	{what: "close them", click: `#details .details__close`, sees: `!document.querySelector("#details")`},
	{what: "zoom in", click: `.zoom__in`,
		sees: `document.querySelector(".tick").textContent != "2019" && !!document.querySelector(".bar")`, query: "from="},
	{what: "switch to the list view", click: `.view-toggle`,
		sees:  `document.querySelector("main").classList.contains("liaison--list") && [...document.querySelectorAll(".list-view__open")].some(e => e.textContent.includes("David Harbour"))`,
		query: "view=list"},
	{what: "switch back to the chart", click: `.view-toggle`,
		sees: `!document.querySelector("main").classList.contains("liaison--list") && !!document.querySelector(".bar")`},
	{what: "show who was with whom as of a date", click: `.zoom__cursor`,
		sees: `!!document.querySelector(".as-of__title") && !!document.querySelector(".cursor-line")`, query: "at="},
	{what: "hide the date", click: `.zoom__cursor`, sees: `!document.querySelector(".as-of__title")`},
	{what: "remove Lily Allen from the filter", click: `.chip[data-person="lily-allen"]`,
		sees: `!document.querySelector(".chip") && ` + lanesAre("imogen-poots", "james-norton", "lily-allen", "david-harbour"),
		// The zoom stays.
		query: "from=", filter: true},
	{what: "choose Imogen Poots", click: `.lane[data-person="imogen-poots"] .lane__link`,
		sees:  `!!document.querySelector('.chip[data-person="imogen-poots"]') && ` + lanesAre("imogen-poots", "james-norton"),
		query: "person=imogen-poots", filter: true},
	{what: "zoom to fit", click: `.zoom__fit`, sees: `document.querySelector(".tick").textContent == "2018"`},
	{what: "clear the filter", click: `.filter__clear`,
		sees: `!document.querySelector(".chip") && ` + lanesAre("imogen-poots", "james-norton", "lily-allen", "david-harbour"), filter: true},
}

// click clicks the element that selector finds, as a reader's mouse
// does, failing the test at once when there is none.
func (b *browser) click(t *testing.T, what, selector string) {
	t.Helper()
	var found bool
	b.eval(t, `!!document.querySelector(`+jsString(selector)+`)`, &found)
	if !found {
		t.Fatalf("%s: the page has no %s", what, selector)
	}
	b.run(t, chromedp.Click(selector, chromedp.ByQuery))
}

// TestBrowserControlsWithoutWebAssembly walks through the controls with
// scripts turned off, and with the WebAssembly blocked on the pages
// Liaison serves: each click loads the page of its view, which shows what
// the reader asked for. An export's pages are files, which no server
// answers with another view: they are left out (see the README).
func TestBrowserControlsWithoutWebAssembly(t *testing.T) {
	srv := startServer(t, "")
	for _, mode := range []struct {
		name  string
		setup chromedp.Action
		// scripts is true when go-app's app.js ran, as it does but
		// with scripts off.
		scripts string
		// pages are where the reader goes: with scripts off, the
		// timeline's own page is enough, for the HTML is the same.
		pages []string
	}{
		{"no scripts", emulation.SetScriptExecutionDisabled(true), `typeof goappNav == "undefined"`, []string{timelineURL}},
		{"no WebAssembly", blockWasm(), `typeof goappNav == "function"`, []string{"/", timelineURL, "/embed/james-norton"}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			b.run(t, colorScheme("light"), mode.setup)
			for _, page := range mode.pages {
				t.Run(page, func(t *testing.T) {
					b.run(t, chromedp.Navigate(srv.URL+page))
					for _, step := range controlSteps {
						b.click(t, step.what, step.click)
						b.waitFor(t, step.what, `document.readyState == "complete" && `+step.sees+` && location.search.includes(`+jsString(step.query)+`)`)
						var plain bool
						b.eval(t, `document.querySelector("main").dataset.interactive == "false" && `+mode.scripts, &plain)
						if !plain {
							t.Fatalf("%s: the page ran what it should not have (%s is false, or the WebAssembly ran), so this tests nothing", step.what, mode.scripts)
						}
					}
				})
			}
		})
	}
}

// TestBrowserControlsInPlace walks through the same controls once the
// WebAssembly has taken over, on every surface: the page changes in
// place, never loaded again, and its history is as the control's: a
// filter is an entry on a page and none in an embed, the rest none.
func TestBrowserControlsInPlace(t *testing.T) {
	onEverySurface(t, "", func(t *testing.T, b *browser, s surface) {
		var entries int
		b.eval(t, `window.stillThisDocument = true; history.length`, &entries)
		for _, step := range controlSteps {
			b.click(t, step.what, step.click)
			b.waitFor(t, step.what, step.sees+` && location.search.includes(`+jsString(step.query)+`)`)
			var same bool
			b.eval(t, `window.stillThisDocument === true`, &same)
			if !same {
				b.checkConsole(t) // the WebAssembly may have stopped
				t.Fatalf("%s loaded the page again, where the WebAssembly should have changed it in place", step.what)
			}
			if step.filter && !s.embed {
				entries++
			}
			var got int
			b.eval(t, `history.length`, &got)
			if got != entries {
				t.Errorf("after %s, the history has %d entries, want %d", step.what, got, entries)
			}
		}
		if s.embed {
			return
		}
		// Back brings the filter before the last one, still in place.
		b.run(t, chromedp.Evaluate(`history.back()`, nil))
		b.waitFor(t, "Back to Imogen Poots's filter", `!!document.querySelector('.chip[data-person="imogen-poots"]') && window.stillThisDocument === true`)
		b.checkConsole(t)
	})
}
