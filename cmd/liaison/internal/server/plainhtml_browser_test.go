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
	{what: "zoom to fit", click: `.zoom__fit`, sees: `document.querySelector(".tick").textContent == "2017"`},
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

// A findStep is a name a reader types into the person filter and sends,
// and what they then see.
type findStep struct {
	what string
	// clear empties the box first; send is how the name goes: "enter"
	// or "button" (Tab to the Find button, then Enter).
	typed string
	send  string
	// sees is true once the page shows the answer; query is then in the
	// URL's query.
	sees, query string
}

// foundSays is true when the filter says text of a name sent.
func foundSays(text string) string {
	return `(e => !!e && e.textContent.includes(` + jsString(text) + `))(document.querySelector("#person-found"))`
}

var findSteps = []findStep{
	{what: "a name nobody has", typed: "Lilly Alen", send: "enter",
		sees:  foundSays("Nobody is called “Lilly Alen”") + ` && document.querySelector("#person-search").value == "Lilly Alen" && document.activeElement.id == "person-search"`,
		query: "find=Lilly+Alen"},
	{what: "a letter several names have", typed: "a", send: "button",
		sees:  foundSays("3 people match “a”") + ` && document.querySelectorAll(".filter__choice").length == 3 && document.querySelector("#person-search").value == "a"`,
		query: "find=a"},
	{what: "a name one person has", typed: "LILY ALLEN", send: "enter",
		sees:  `!document.querySelector("#person-found") && !!document.querySelector('.chip[data-person="lily-allen"]') && ` + lanesAre("james-norton", "lily-allen", "david-harbour") + ` && document.querySelector("#person-search").value == ""`,
		query: "person=lily-allen"},
	{what: "a second person, by part of their name", typed: "harb", send: "enter",
		sees:  `document.querySelectorAll(".chip").length == 2 && !!document.querySelector('.chip[data-person="david-harbour"]')`,
		query: "person=lily-allen,david-harbour"},
}

// sendName types name into the emptied search box and sends it as
// step says, as a reader does.
func (b *browser) sendName(t *testing.T, step findStep) {
	t.Helper()
	b.eval(t, `(e => { e.value = ""; return true })(document.querySelector("#person-search"))`, nil)
	b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, step.typed, chromedp.ByQuery))
	if step.send == "enter" {
		b.run(t, chromedp.KeyEvent("\r"))
		return
	}
	b.run(t, chromedp.KeyEvent("\t"))
	var focused bool
	b.eval(t, `document.activeElement.classList.contains("filter__submit")`, &focused)
	if !focused {
		t.Fatalf("%s: Tab from the search box does not reach the Find button", step.what)
	}
	b.run(t, chromedp.KeyEvent("\r"))
}

// TestBrowserFindWithoutWebAssembly types names into the person filter
// and sends them with scripts turned off, and with the WebAssembly
// blocked, on every page Liaison serves: each answer is the page of the
// view the name asks for, or one that says whom it may mean, or that
// nobody is called so, with the name still in the box. Then a choice of
// those it may mean is a link like any other.
func TestBrowserFindWithoutWebAssembly(t *testing.T) {
	srv := startServer(t, "")
	pages := []string{"/", timelineURL, "/embed/james-norton?title=0&theme=dark"}
	for _, mode := range []struct {
		name    string
		setup   chromedp.Action
		scripts string // as in TestBrowserControlsWithoutWebAssembly
	}{
		{"no scripts", emulation.SetScriptExecutionDisabled(true), `typeof goappNav == "undefined"`},
		{"no WebAssembly", blockWasm(), `typeof goappNav == "function"`},
	} {
		t.Run(mode.name, func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			b.run(t, colorScheme("light"), mode.setup)
			for _, page := range pages {
				t.Run(page, func(t *testing.T) {
					b.run(t, chromedp.Navigate(srv.URL+page))
					// An embed's title=0 and theme stay, as its links keep them.
					kept := "true"
					if _, query, ok := strings.Cut(page, "?"); ok {
						for _, param := range strings.Split(query, "&") {
							kept += ` && location.search.includes(` + jsString(param) + `)`
						}
					}
					for i, step := range findSteps {
						b.sendName(t, step)
						b.waitFor(t, step.what, `document.readyState == "complete" && `+step.sees+` && location.search.includes(`+jsString(step.query)+`) && `+kept)
						var plain bool
						b.eval(t, `document.querySelector("main").dataset.interactive == "false" && `+mode.scripts, &plain)
						if !plain {
							t.Fatalf("%s: the page ran what it should not have, so this tests nothing", step.what)
						}
						if i == 1 { // choose one of those "a" may mean
							b.click(t, "Lily Allen among them", `.filter__choice[data-person="lily-allen"]`)
							b.waitFor(t, "Lily Allen chosen", `document.readyState == "complete" && !!document.querySelector('.chip[data-person="lily-allen"]') && !document.querySelector("#person-found") && location.search.includes("person=lily-allen")`)
							b.click(t, "Clear", `.filter__clear`)
							b.waitFor(t, "the filter cleared", `document.readyState == "complete" && !document.querySelector(".chip")`)
						}
					}
				})
			}
		})
	}
}

// TestBrowserFindInPlace sends names with the WebAssembly running, on
// every surface: Enter and the Find button choose in place, as the
// server would have answered the form, never loading the page again; a
// name that finds nobody or several opens the list on them.
func TestBrowserFindInPlace(t *testing.T) {
	onEverySurface(t, "", func(t *testing.T, b *browser, s surface) {
		b.eval(t, `window.stillThisDocument = true`, nil)
		inPlace := func(what string) {
			t.Helper()
			var same bool
			b.eval(t, `window.stillThisDocument === true`, &same)
			if !same {
				b.checkConsole(t)
				t.Fatalf("%s loaded the page again, where the WebAssembly should have answered in place", what)
			}
		}
		b.sendName(t, findStep{what: "a name nobody has", typed: "Lilly Alen", send: "button"})
		b.waitFor(t, "the list saying nobody is called so", `document.querySelector("#person-options .filter__none")?.textContent == "Nobody called “Lilly Alen”" && document.activeElement.id == "person-search"`)
		inPlace("a name nobody has")
		b.sendName(t, findStep{what: "a name one person has", typed: "david harbour", send: "button"})
		b.waitFor(t, "David Harbour chosen", `!!document.querySelector('.chip[data-person="david-harbour"]') && location.search == "?person=david-harbour"`)
		inPlace("a name one person has")
		b.sendName(t, findStep{what: "part of a name", typed: "poo", send: "enter"})
		b.waitFor(t, "Imogen Poots chosen", `!!document.querySelector('.chip[data-person="imogen-poots"]') && location.search == "?person=david-harbour,imogen-poots"`)
		inPlace("part of a name")
		b.checkConsole(t)
	})
}

// TestBrowserFoundInPlace opens the page of a name sent before the
// WebAssembly ran (find=), on every surface: once it has taken over, the
// page still says whom the name may mean (an export's page, which no
// server answered, says it first), and choosing one is in place.
func TestBrowserFoundInPlace(t *testing.T) {
	onEverySurface(t, "?find=a", func(t *testing.T, b *browser, s surface) {
		b.waitFor(t, "the people who match", foundSays("3 people match “a”")+` && document.querySelector("#person-search").value == "a"`)
		b.eval(t, `window.stillThisDocument = true`, nil)
		b.click(t, "Lily Allen among them", `.filter__choice[data-person="lily-allen"]`)
		b.waitFor(t, "Lily Allen chosen", `!!document.querySelector('.chip[data-person="lily-allen"]') && !document.querySelector("#person-found") && location.search == "?person=lily-allen" && document.querySelector("#person-search").value == ""`)
		var same bool
		b.eval(t, `window.stillThisDocument === true`, &same)
		if !same {
			t.Fatal("choosing Lily Allen loaded the page again")
		}
		b.checkConsole(t)
	})
}
