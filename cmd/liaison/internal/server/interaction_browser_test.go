//go:build built

package server

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-timeline/liaison/data"
)

// The browser tests of the interactive timeline: each drives the real page
// and WebAssembly with real input events and checks what a reader sees.

const timelineURL = "/t/james-norton"

// open starts a browser on path of a server of the default timeline and
// waits for the WebAssembly to take over.
func open(t *testing.T, path string) (*browser, string) {
	t.Helper()
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	b.run(t, colorScheme("light"), chromedp.Navigate(srv.URL+path), waitInteractive())
	return b, srv.URL
}

func (b *browser) lanes(t *testing.T) []string {
	t.Helper()
	var ids []string
	b.eval(t, `[...document.querySelectorAll(".lane")].map(e => e.dataset.person)`, &ids)
	return ids
}

func TestBrowserFilterByPerson(t *testing.T) {
	onEverySurface(t, "", testFilterByPerson)
}

func testFilterByPerson(t *testing.T, b *browser, s surface) {
	// A mark on the window survives only if the page never reloads.
	b.eval(t, `window.notReloaded = true`, nil)
	var entries int
	b.eval(t, `history.length`, &entries)

	b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, "lil", chromedp.ByQuery))
	b.waitFor(t, "the option Lily Allen", `[...document.querySelectorAll("#person-options [role=option]")].some(o => o.textContent == "Lily Allen")`)
	if got := b.texts(t, `#person-options [role=option]`); !slices.Equal(got, []string{"Lily Allen"}) {
		t.Errorf("typing lil lists %q, want only Lily Allen", got)
	}
	b.run(t, chromedp.KeyEvent("\r"))
	b.waitFor(t, "the filter in the URL", `location.search == "?person=lily-allen"`)
	b.waitFor(t, "Imogen Poots's lane to go", `!document.querySelector('.lane[data-person="imogen-poots"]')`)
	if got, want := b.lanes(t), []string{"james-norton", "lily-allen", "david-harbour"}; !slices.Equal(got, want) {
		t.Errorf("filtered to Lily Allen, the lanes are %q, want her and her partners %q", got, want)
	}
	if got := b.texts(t, `.chip`); !slices.Equal(got, []string{"Lily Allen×"}) {
		t.Errorf("chips = %q", got)
	}
	if got := b.texts(t, `.notice`); !slices.Contains(got, "Showing Lily Allen and their partners.") {
		t.Errorf("notices = %q", got)
	}
	s.screenshot(t, b, "filtered-lily-allen.png")

	// The lanes now hold other people's bars: each opens its own details.
	b.run(t, chromedp.Click(`#bar-david-harbour-lily-allen-david-harbour`, chromedp.ByQuery))
	b.waitFor(t, "the details of Lily Allen and David Harbour", `document.querySelector(".details__title")?.textContent == "Lily Allen & David Harbour"`)
	b.run(t, chromedp.Click(`#details .details__close`, chromedp.ByQuery))
	b.waitFor(t, "the details closed", `!document.querySelector("#details") && location.search == "?person=lily-allen"`)

	// A second person, chosen with the mouse.
	b.run(t, chromedp.SendKeys(`#person-search`, "imo", chromedp.ByQuery))
	b.waitFor(t, "the option Imogen Poots", `document.querySelector('#person-option-imogen-poots')`)
	b.run(t, chromedp.Click(`#person-option-imogen-poots`, chromedp.ByQuery))
	b.waitFor(t, "both people in the URL", `location.search == "?person=lily-allen,imogen-poots"`)
	b.waitFor(t, "four lanes", `document.querySelectorAll(".lane").length == 4`)

	// Back and Forward restore the filters. An embed's filters add no
	// entry to the history of the article around it (whose Back button
	// would step through them rather than leave the article).
	if s.embed {
		var now int
		b.eval(t, `history.length`, &now)
		if now != entries {
			t.Errorf("two filters took the embed's history from %d entries to %d", entries, now)
		}
	} else {
		testBackAndForwardFilters(t, b)
	}

	// Removing a chip, then Clear.
	testRemovingPeople(t, b)

	var notReloaded bool
	b.eval(t, `window.notReloaded === true`, &notReloaded)
	if !notReloaded {
		t.Error("changing the filter reloaded the page")
	}
	b.checkConsole(t)
}

// TestBrowserFilterAddsAPerson opens a view filtered to one person, for
// which the page fetches only that person's part of the timeline, and adds
// another: the chart then draws the second person's relationships too.
func TestBrowserFilterAddsAPerson(t *testing.T) {
	onEverySurface(t, "?person=imogen-poots", func(t *testing.T, b *browser, s surface) {
		b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, "harb", chromedp.ByQuery))
		b.waitFor(t, "the option David Harbour", `[...document.querySelectorAll("#person-options [role=option]")].some(o => o.textContent == "David Harbour")`)
		b.run(t, chromedp.KeyEvent("\r"))
		b.waitFor(t, "the bar of Lily Allen and David Harbour", `!!document.querySelector('.bar[data-relationship="lily-allen-david-harbour"]')`)
		if got, want := b.lanes(t), []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour"}; !slices.Equal(got, want) {
			t.Errorf("lanes = %q, want %q", got, want)
		}
	})
}

// TestBrowserFilterDrawnInItsEvent chooses a person and clears the filter
// with events dispatched from the page's own script, and reads the lanes
// as soon as each event's listeners have run: the new view is in the DOM
// by then, for the browser to paint at the next frame, rather than drawn
// by go-app's timer two frames later.
func TestBrowserFilterDrawnInItsEvent(t *testing.T) {
	onEverySurface(t, "", func(t *testing.T, b *browser, s surface) {
		everyone := b.lanes(t)
		b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, "lil", chromedp.ByQuery))
		b.waitFor(t, "the option Lily Allen", `!!document.querySelector("#person-option-lily-allen.filter__option--active")`)
		var drawn struct{ Lanes, Chips []string }
		drawnNow := `({lanes: [...document.querySelectorAll(".lane")].map(e => e.dataset.person), chips: [...document.querySelectorAll(".chip")].map(e => e.dataset.person)})`
		b.eval(t, `(() => {
			document.getElementById("person-search").dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true, cancelable: true}));
			return `+drawnNow+`;
		})()`, &drawn)
		if want := []string{"james-norton", "lily-allen", "david-harbour"}; !slices.Equal(drawn.Lanes, want) || !slices.Equal(drawn.Chips, []string{"lily-allen"}) {
			t.Errorf("once Enter's listeners ran, lanes %q and chips %q are drawn, want lanes %q and Lily Allen's chip", drawn.Lanes, drawn.Chips, want)
		}
		b.waitFor(t, "the filter in the URL", `location.search == "?person=lily-allen"`)

		b.eval(t, `(() => { document.querySelector(".filter__clear").click(); return `+drawnNow+`; })()`, &drawn)
		if !slices.Equal(drawn.Lanes, everyone) || len(drawn.Chips) > 0 {
			t.Errorf("once Clear's listeners ran, lanes %q and chips %q are drawn, want everyone's lanes %q and no chip", drawn.Lanes, drawn.Chips, everyone)
		}
		b.waitFor(t, "no filter in the URL", `location.search == ""`)
		b.checkConsole(t)
	})
}

// TestBrowserListViewOpensDetails opens a relationship's and an event's
// details from the rows of the list view, and closes them.
func TestBrowserListViewOpensDetails(t *testing.T) {
	onEverySurface(t, "?view=list", func(t *testing.T, b *browser, s surface) {
		b.run(t, chromedp.Click(`#row-lily-allen-david-harbour`, chromedp.ByQuery))
		b.waitFor(t, "the details of Lily Allen and David Harbour", `document.querySelector(".details__title")?.textContent == "Lily Allen & David Harbour"`)
		b.waitFor(t, "the details in the URL", `new URLSearchParams(location.search).get("rel") == "lily-allen-david-harbour"`)
		b.run(t, chromedp.Click(`#details .details__close`, chromedp.ByQuery))
		b.waitFor(t, "the focus back on the row", `document.activeElement.id == "row-lily-allen-david-harbour" && !document.querySelector("#details")`)

		b.run(t, chromedp.Click(`#row-event-lido-festival-sighting`, chromedp.ByQuery))
		b.waitFor(t, "the details of the Lido festival sighting", `document.querySelector(".details__title")?.textContent.startsWith("James Norton and Lily Allen pictured")`)
		b.waitFor(t, "the event in the URL", `new URLSearchParams(location.search).get("event") == "lido-festival-sighting"`)
		b.checkConsole(t)
	})
}

// testBackAndForwardFilters goes back and forth between the filters of
// TestBrowserFilterByPerson.
func testBackAndForwardFilters(t *testing.T, b *browser) {
	b.run(t, chromedp.NavigateBack())
	b.waitFor(t, "Back to restore Lily Allen alone", `location.search == "?person=lily-allen" && document.querySelectorAll(".lane").length == 3`)
	if got := b.texts(t, `.chip`); !slices.Equal(got, []string{"Lily Allen×"}) {
		t.Errorf("after Back, chips = %q", got)
	}
	b.run(t, chromedp.NavigateForward())
	b.waitFor(t, "Forward to restore both", `location.search == "?person=lily-allen,imogen-poots" && document.querySelectorAll(".chip").length == 2`)
}

// testRemovingPeople removes Lily Allen of the filter to Lily Allen and
// Imogen Poots, then clears it.
func testRemovingPeople(t *testing.T, b *browser) {
	b.run(t, chromedp.Click(`.chip[data-person="lily-allen"]`, chromedp.ByQuery))
	b.waitFor(t, "Lily Allen removed", `location.search == "?person=imogen-poots" && document.querySelectorAll(".lane").length == 2`)
	b.waitFor(t, "the focus in the search box", `document.activeElement.id == "person-search" && !document.querySelector("#person-options")`)
	if got, want := b.lanes(t), []string{"imogen-poots", "james-norton"}; !slices.Equal(got, want) {
		t.Errorf("filtered to Imogen Poots, lanes = %q, want %q", got, want)
	}
	b.run(t, chromedp.Click(`.filter__clear`, chromedp.ByQuery))
	b.waitFor(t, "Clear to show everyone", `location.search == "" && document.querySelectorAll(".lane").length == 4`)
	// What had the focus went away with the chips: the search box has it,
	// closed, ready for the next name.
	b.waitFor(t, "the focus in the search box", `document.activeElement.id == "person-search" && !document.querySelector("#person-options")`)
}

func TestBrowserUnknownPersonInURL(t *testing.T) {
	onEverySurface(t, "?person=nobody", testUnknownPersonInURL)
}

func testUnknownPersonInURL(t *testing.T, b *browser, s surface) {
	if got := b.texts(t, `.notice--problem`); !slices.Equal(got, []string{"This timeline has nobody called “nobody”. Showing everyone."}) {
		t.Errorf("notice = %q", got)
	}
	if got := b.lanes(t); len(got) != 4 {
		t.Errorf("lanes = %q, want everyone rather than a blank widget", got)
	}

	// What else of a link the page cannot use, it names, until the reader
	// changes the view.
	b.run(t, chromedp.Navigate(s.url("?at=someday&rel=nope&person=LILY-ALLEN")), waitInteractive())
	notice := strings.Join(b.texts(t, `.notice--problem`), " ")
	for _, want := range []string{"at=someday", "rel=nope"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the notice %q does not name %q", notice, want)
		}
	}
	if got := b.lanes(t); !slices.Equal(got, []string{"james-norton", "lily-allen", "david-harbour"}) {
		t.Errorf("?person=LILY-ALLEN shows lanes %q, want Lily Allen's", got)
	}
	b.run(t, chromedp.Click(`.zoom__in`, chromedp.ByQuery))
	b.waitFor(t, "the notice gone with the view", `!document.querySelector(".notice--problem") && location.search.includes("from=") && !location.search.includes("someday")`)
}

// ticks are the axis labels a reader sees.
func (b *browser) ticks(t *testing.T) []string {
	t.Helper()
	var labels []string
	b.eval(t, `[...document.querySelectorAll(".tick")].filter(e => getComputedStyle(e).visibility != "hidden").map(e => e.textContent)`, &labels)
	return labels
}

// checkTicksApart fails if two visible tick labels overlap.
func (b *browser) checkTicksApart(t *testing.T) {
	t.Helper()
	var overlaps []string
	b.eval(t, `(() => {
		const r = [...document.querySelectorAll(".tick")].filter(e => getComputedStyle(e).visibility != "hidden")
			.map(e => [e.textContent, e.getBoundingClientRect()]);
		const out = [];
		for (let i = 1; i < r.length; i++) if (r[i][1].left < r[i-1][1].right + 4) out.push(r[i-1][0] + " / " + r[i][0]);
		return out })()`, &overlaps)
	if len(overlaps) > 0 {
		t.Errorf("tick labels overlap: %q", overlaps)
	}
}

func TestBrowserZoomAndPan(t *testing.T) {
	onEverySurface(t, "", testZoomAndPan)
}

func testZoomAndPan(t *testing.T, b *browser, s surface) {
	years := b.ticks(t)
	// From 2017, the earlier account of when James Norton and Imogen
	// Poots began, to 2025, the article's year.
	if len(years) < 5 || years[0] != "2017" || years[len(years)-1] != "2025" {
		t.Fatalf("fitted ticks = %q, want years from 2017 to 2025", years)
	}
	b.checkTicksApart(t)
	// The whole timeline shows: nothing to zoom out to, or fit.
	if got := b.disabledZoomButtons(t); got != "zoom__out zoom__fit" {
		t.Errorf("fitted, the buttons that say they would do nothing are %q, want − and Fit", got)
	}

	// The + button zooms in around the middle; Fit shows everything.
	b.run(t, chromedp.Click(`.zoom__in`, chromedp.ByQuery))
	b.waitFor(t, "the zoom window in the URL", `location.search.includes("from=")`)
	b.run(t, chromedp.Click(`.zoom__fit`, chromedp.ByQuery))
	b.waitFor(t, "Fit to clear the window", `location.search == ""`)
	if got := b.ticks(t); !slices.Equal(got, years) {
		t.Errorf("after Fit, ticks = %q, want %q", got, years)
	}

	// Ctrl + wheel (a trackpad pinch sends the same) zooms around the
	// pointer: the date under it stays under it.
	x, y := b.center(t, `.lane[data-person="james-norton"] .lane__plot`)
	before := b.dateAt(t, x)
	b.run(t, chromedp.MouseEvent(input.MouseWheel, x, y, func(p *input.DispatchMouseEventParams) *input.DispatchMouseEventParams {
		return p.WithDeltaY(-300).WithModifiers(input.ModifierCtrl)
	}))
	b.waitFor(t, "the wheel zoom in the URL", `location.search.includes("from=")`)
	after := b.dateAt(t, x)
	if d := after - before; d > 15 || d < -15 {
		t.Errorf("the date under the pointer moved by %.0f days while zooming", d)
	}
	b.checkTicksApart(t)

	// A plain wheel scrolls the page and says how to zoom.
	search := b.query(t)
	b.run(t, chromedp.MouseEvent(input.MouseWheel, x, y, func(p *input.DispatchMouseEventParams) *input.DispatchMouseEventParams {
		return p.WithDeltaY(200)
	}))
	b.waitFor(t, "the page to scroll", `window.scrollY > 0`)
	b.waitFor(t, "the zoom hint", `document.querySelector(".chart__hint").textContent.includes("Ctrl")`)
	if got := b.query(t); got != search {
		t.Errorf("a plain wheel changed the view from %q to %q", search, got)
	}
	b.run(t, chromedp.Evaluate(`window.scrollTo(0, 0)`, nil))

	// Dragging left moves later in time.
	x, y = b.center(t, `.lane[data-person="david-harbour"] .lane__plot`)
	from := b.windowStart(t)
	b.run(t,
		chromedp.MouseEvent(input.MousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.MouseMoved, x-100, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.MouseMoved, x-200, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.MouseReleased, x-200, y, chromedp.ButtonLeft),
	)
	b.waitFor(t, "the drag to pan", `new URLSearchParams(location.search).get("from") > "`+from+`"`)
	if b.exists(t, `#details`) {
		t.Error("the drag's release opened details")
	}

	// Arrow keys pan, + and − zoom, on the focused chart.
	from = b.windowStart(t)
	b.run(t, chromedp.Focus(`#chart`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowLeft))
	b.waitFor(t, "ArrowLeft to pan back", `new URLSearchParams(location.search).get("from") < "`+from+`"`)
	span := b.windowDays(t)
	b.run(t, chromedp.KeyEvent("+"))
	b.waitFor(t, "+ to zoom in", `(new Date(new URLSearchParams(location.search).get("to")) - new Date(new URLSearchParams(location.search).get("from"))) / 864e5 < `+ftoa(span*0.8))
	span = b.windowDays(t)
	b.run(t, chromedp.KeyEvent("-"))
	b.waitFor(t, "− to zoom out", `(new Date(new URLSearchParams(location.search).get("to")) - new Date(new URLSearchParams(location.search).get("from"))) / 864e5 > `+ftoa(span*1.2))

	// Double-click zooms in, around the pointer, where there is no bar…
	span = b.windowDays(t)
	x, y = b.emptyPlotPoint(t, `.lane[data-person="david-harbour"] .lane__plot`)
	b.run(t, chromedp.MouseClickXY(x, y, chromedp.ClickCount(2)))
	b.waitFor(t, "double-click to zoom in", `(new Date(new URLSearchParams(location.search).get("to")) - new Date(new URLSearchParams(location.search).get("from"))) / 864e5 < `+ftoa(span*0.8))
	if b.exists(t, `#details`) {
		t.Error("a double-click where there is no bar opened details")
	}
	// …and on a bar, opens its details without zooming.
	window := b.zoomWindow(t)
	x, y = b.visibleBarPoint(t)
	b.run(t, chromedp.MouseClickXY(x, y, chromedp.ClickCount(2)))
	b.waitFor(t, "the bar's details in the URL", `document.querySelector("#details") && location.search.includes("rel=")`)
	b.run(t, chromedp.Sleep(afterDeferredWork))
	if got := b.zoomWindow(t); got != window {
		t.Errorf("a double-click on a bar zoomed from %q to %q", window, got)
	}
	b.run(t, chromedp.Evaluate(`document.querySelector("#details .details__close").click()`, nil))
	b.waitFor(t, "the details closed", `!document.querySelector("#details")`)

	// Zooming stops at two weeks, with day ticks that do not overlap.
	b.run(t, chromedp.Focus(`#chart`, chromedp.ByQuery))
	for range 30 {
		b.run(t, chromedp.KeyEvent("+"))
	}
	b.waitFor(t, "the zoom to stop at two weeks", `(new Date(new URLSearchParams(location.search).get("to")) - new Date(new URLSearchParams(location.search).get("from"))) / 864e5 == 13`)
	days := b.ticks(t)
	if len(days) < 2 || !strings.Contains(days[0], " ") || len(strings.Fields(days[0])) != 3 {
		t.Errorf("at two weeks, ticks = %q, want days like \"14 Mar 2022\"", days)
	}
	b.checkTicksApart(t)
	if got := b.disabledZoomButtons(t); got != "zoom__in" {
		t.Errorf("at two weeks, the buttons that say they would do nothing are %q, want +", got)
	}

	// Panning stops at the timeline's first day, and zooming out at the
	// whole timeline.
	for range 8 {
		b.run(t, chromedp.KeyEvent("-"))
	}
	for range 40 {
		b.run(t, chromedp.KeyEvent(kb.ArrowLeft))
	}
	b.waitFor(t, "the pan to stop at the first day", `new URLSearchParams(location.search).get("from") == "2017-01-01"`)
	for range 40 {
		b.run(t, chromedp.KeyEvent("-"))
	}
	b.waitFor(t, "the zoom out to stop at the whole timeline", `location.search == ""`)
	if got := b.ticks(t); !slices.Equal(got, years) {
		t.Errorf("zoomed all the way out, ticks = %q, want %q", got, years)
	}
	b.checkConsole(t)
}

// TestBrowserPinchZoom pinches with two fingers on a touch screen.
func TestBrowserPinchZoom(t *testing.T) {
	onEverySurface(t, "", testPinchZoom)
}

func testPinchZoom(t *testing.T, b *browser, s surface) {
	x, y := b.center(t, `.lane[data-person="james-norton"] .lane__plot`)
	touch := func(typ input.TouchType, points ...*input.TouchPoint) chromedp.Action {
		return input.DispatchTouchEvent(typ, points)
	}
	finger := func(id int64, x float64) *input.TouchPoint {
		return &input.TouchPoint{X: x, Y: y, ID: float64(id)}
	}
	b.run(t,
		touch(input.TouchStart, finger(1, x-40), finger(2, x+40)),
		touch(input.TouchMove, finger(1, x-80), finger(2, x+80)),
		touch(input.TouchMove, finger(1, x-160), finger(2, x+160)),
		touch(input.TouchEnd),
	)
	// Spreading two fingers fourfold shows about a quarter of the nine
	// years.
	b.waitFor(t, "the pinch to zoom in fourfold", `(new Date(new URLSearchParams(location.search).get("to")) - new Date(new URLSearchParams(location.search).get("from"))) / 864e5 < 9*365/3`)
}

func TestBrowserDetails(t *testing.T) {
	onEverySurface(t, "", testDetails)
}

func testDetails(t *testing.T, b *browser, s surface) {
	bar := `#bar-lily-allen-lily-allen-david-harbour`

	// Enter on a focused bar opens its details and moves focus to them.
	b.run(t, chromedp.Focus(bar, chromedp.ByQuery), chromedp.KeyEvent("\r"))
	b.waitFor(t, "the details panel", `document.querySelector("#details")`)
	b.waitFor(t, "focus in the details", `document.activeElement.id == "details"`)
	details := b.texts(t, `#details`)[0]
	for _, want := range []string{
		"Lily Allen & David Harbour", "Dating from 2019", "Married from 2020",
		"Split probably 2024 (inferred from “last year”) (reported)", "Lily Allen ended it.",
		"having reportedly called time on her marriage", "ED!",
	} {
		if !strings.Contains(details, want) {
			t.Errorf("details lack %q:\n%s", want, details)
		}
	}
	b.waitFor(t, "the selection in the URL", `location.search == "?rel=lily-allen-david-harbour"`)
	s.screenshot(t, b, "details-open.png")

	// Escape closes them and returns focus to the bar.
	b.run(t, chromedp.KeyEvent(kb.Escape))
	b.waitFor(t, "the panel to close", `!document.querySelector("#details")`)
	b.waitFor(t, "focus back on the bar", `document.activeElement.id == "bar-lily-allen-lily-allen-david-harbour"`)
	b.waitFor(t, "the URL without the selection", `location.search == ""`)

	// A click on a reported relationship; the close button.
	b.run(t, chromedp.Click(`#bar-james-norton-james-norton-lily-allen`, chromedp.ByQuery))
	b.waitFor(t, "the details panel", `document.querySelector("#details")`)
	details = b.texts(t, `#details`)[0]
	for _, want := range []string{"James Norton & Lily Allen", "Reported, not confirmed", "Dating from 2025, by July (inferred from the article)", "Reported together as of July 2025"} {
		if !strings.Contains(details, want) {
			t.Errorf("details lack %q:\n%s", want, details)
		}
	}
	b.run(t, chromedp.Click(`#details .details__close`, chromedp.ByQuery))
	b.waitFor(t, "focus back on the bar", `!document.querySelector("#details") && document.activeElement.id == "bar-james-norton-james-norton-lily-allen"`)

	// An event's marker.
	b.run(t, chromedp.Click(`#marker-lily-allen-lido-festival-sighting`, chromedp.ByQuery))
	b.waitFor(t, "the event's details", `document.querySelector("#details")?.textContent.includes("Lido festival")`)
	b.checkConsole(t)
}

// TestBrowserOnlyWebLinksClickable checks a source's link: https is a
// link, and nothing else is ever made one (the validator rejects other
// schemes, so the page never sees them).
func TestBrowserOnlyWebLinksClickable(t *testing.T) {
	dir := writeFiles(t, map[string]string{"linked.json": `{
  "schema": "timeline/v1", "id": "linked", "title": "Linked",
  "people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
  "relationships": [{"id": "ab", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2020"}],
    "evidence": [{"source": "web", "quote": "Ann and Bob are dating."}, {"source": "paper", "quote": "They met in 2020."}]}],
  "sources": [{"id": "web", "outlet": "Web News", "title": "Ann and Bob", "url": "https://example.com/ann-bob"},
    {"id": "paper", "outlet": "The Paper"}]
}`})
	srv := startServer(t, dir)
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+"/t/linked?rel=ab"), waitInteractive())
	var links []string
	b.eval(t, `[...document.querySelectorAll("#details a:not(.details__close)")].map(a => a.textContent + " " + a.href)`, &links)
	if !slices.Equal(links, []string{"Web News, “Ann and Bob” https://example.com/ann-bob"}) {
		t.Errorf("links in the details = %q, want only the https source", links)
	}
	if got := b.texts(t, `#details cite`); !slices.Equal(got, []string{"The Paper"}) {
		t.Errorf("unlinked sources = %q", got)
	}
}

func TestBrowserAsOfCursor(t *testing.T) {
	onEverySurface(t, "?at=2022-06", testAsOfCursor)
}

func testAsOfCursor(t *testing.T, b *browser, s surface) {
	if got := b.texts(t, `.as-of__title`); !slices.Equal(got, []string{"As of June 2022"}) {
		t.Errorf("as-of title = %q", got)
	}
	want := []string{"James Norton & Imogen Poots dating, possibly engaged", "Lily Allen & David Harbour married"}
	if got := b.asOf(t); !slices.Equal(got, want) {
		t.Errorf("as of June 2022: %q, want %q", got, want)
	}

	// The keyboard moves the cursor: a month, a year.
	b.run(t, chromedp.Focus(`#cursor`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	b.waitFor(t, "the cursor at July 2022", `location.search == "?at=2022-07" && document.querySelector("#cursor").getAttribute("aria-valuetext") == "July 2022"`)
	b.run(t, chromedp.KeyEvent(kb.PageUp))
	b.waitFor(t, "the cursor at July 2023", `location.search == "?at=2023-07"`)
	if got, want := b.asOf(t), []string{"James Norton & Imogen Poots engaged", "Lily Allen & David Harbour married"}; !slices.Equal(got, want) {
		t.Errorf("as of July 2023: %q, want %q", got, want)
	}

	// Dragging the handle to the middle of 2025.
	x, y := b.center(t, `#cursor`)
	target := b.xOfDate(t, "2025-07-15")
	b.run(t,
		chromedp.MouseEvent(input.MousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.MouseMoved, (x+target)/2, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.MouseMoved, target, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.MouseReleased, target, y, chromedp.ButtonLeft),
	)
	b.waitFor(t, "the cursor dragged to July 2025", `location.search == "?at=2025-07"`)
	if got, want := b.asOf(t), []string{"James Norton & Lily Allen possibly dating (reported)"}; !slices.Equal(got, want) {
		t.Errorf("as of July 2025: %q, want %q", got, want)
	}
	// Past the article of July 2025, nothing is known.
	b.run(t, chromedp.Focus(`#cursor`, chromedp.ByQuery), chromedp.KeyEvent(kb.End))
	b.waitFor(t, "the cursor at the chart's end", `location.search == "?at=2025-11"`)
	if got, want := b.asOf(t), []string{"James Norton & Lily Allen not known after July 2025 (dating then) (reported)"}; !slices.Equal(got, want) {
		t.Errorf("as of November 2025: %q, want %q", got, want)
	}

	// Escape hides it; the button shows it again, focused.
	b.run(t, chromedp.Focus(`#cursor`, chromedp.ByQuery), chromedp.KeyEvent(kb.Escape))
	b.waitFor(t, "the cursor hidden", `!document.querySelector("#cursor") && location.search == ""`)
	b.run(t, chromedp.Click(`.zoom__cursor`, chromedp.ByQuery))
	b.waitFor(t, "the cursor shown and focused", `document.activeElement.id == "cursor"`)

	b.run(t, chromedp.Navigate(strings.Split(b.location(t), "?")[0]+"?at=2022"), waitInteractive())
	s.screenshot(t, b, "cursor-2022.png")
	b.checkConsole(t)
}

func TestBrowserHoverAndFocus(t *testing.T) {
	onEverySurface(t, "", testHoverAndFocus)
}

func testHoverAndFocus(t *testing.T, b *browser, s surface) {
	// A bar at the top left of its lane shows its whole focus ring. (A
	// key pressed first makes the browser draw rings for the focus that
	// follows, as it does for a keyboard reader's.)
	b.run(t, chromedp.KeyEvent(kb.Shift), chromedp.Focus(`#bar-imogen-poots-james-norton-imogen-poots`, chromedp.ByQuery))
	if clipped := b.clippedFocusRing(t); clipped != "" {
		t.Errorf("the focused bar's ring is cut off by %s", clipped)
	}
	b.run(t, chromedp.Evaluate(`document.activeElement.blur()`, nil))

	x, y := b.center(t, `#bar-imogen-poots-james-norton-imogen-poots .bar__band`)
	b.run(t, chromedp.MouseEvent(input.MouseMoved, x, y))
	b.waitFor(t, "a tooltip", `document.querySelector(".tooltip")`)
	if got := b.texts(t, `.tooltip`); len(got) != 1 || !strings.HasPrefix(got[0], "James Norton & Imogen Poots") || !strings.Contains(got[0], "split late 2023") {
		t.Errorf("tooltip = %q", got)
	}
	var highlighted []string
	b.eval(t, `[...document.querySelectorAll(".lane--highlighted")].map(e => e.dataset.person)`, &highlighted)
	if want := []string{"imogen-poots", "james-norton"}; !slices.Equal(highlighted, want) {
		t.Errorf("highlighted lanes = %q, want both partners %q", highlighted, want)
	}
	b.run(t, chromedp.MouseEvent(input.MouseMoved, 5, 5))
	b.waitFor(t, "the tooltip to go", `!document.querySelector(".tooltip") && !document.querySelector(".lane--highlighted")`)

	// Focus does the same as hover.
	b.run(t, chromedp.Focus(`#bar-david-harbour-lily-allen-david-harbour`, chromedp.ByQuery))
	b.waitFor(t, "a tooltip on focus", `document.querySelector(".tooltip")?.textContent.startsWith("Lily Allen & David Harbour")`)
	b.eval(t, `[...document.querySelectorAll(".lane--highlighted")].map(e => e.dataset.person)`, &highlighted)
	if want := []string{"lily-allen", "david-harbour"}; !slices.Equal(highlighted, want) {
		t.Errorf("highlighted lanes = %q, want %q", highlighted, want)
	}
	b.checkConsole(t)
}

// TestBrowserSharedURL opens a URL with every piece of state and finds the
// same view: filter, zoom window, details and cursor.
func TestBrowserSharedURL(t *testing.T) {
	onEverySurface(t, "?person=lily-allen&from=2022&to=2024&rel=lily-allen-david-harbour&at=2023-03", testSharedURL)
}

func testSharedURL(t *testing.T, b *browser, s surface) {
	if got := b.texts(t, `.chip`); !slices.Equal(got, []string{"Lily Allen×"}) {
		t.Errorf("chips = %q", got)
	}
	ticks := b.ticks(t)
	if len(ticks) < 3 || !strings.HasSuffix(ticks[0], "2022") || !strings.HasSuffix(ticks[len(ticks)-1], "2025") || !strings.Contains(ticks[1], " ") {
		t.Errorf("ticks = %q, want months from 2022 to 2025", ticks)
	}
	b.checkTicksApart(t)
	if !b.exists(t, `#details`) || !strings.Contains(b.texts(t, `#details`)[0], "Lily Allen & David Harbour") {
		t.Error("the details of Lily Allen and David Harbour are not open")
	}
	if got := b.texts(t, `.as-of__title`); !slices.Equal(got, []string{"As of March 2023"}) {
		t.Errorf("as-of = %q", got)
	}
	if got := b.query(t); got != "?person=lily-allen&from=2022&to=2024&rel=lily-allen-david-harbour&at=2023-03" {
		t.Errorf("the URL changed to %q on load", got)
	}
	s.screenshot(t, b, "zoomed-2022-2024.png")
	b.checkConsole(t)
}

// asOf lists the cursor panel's couples as "pair state".
func (b *browser) asOf(t *testing.T) []string {
	t.Helper()
	var items []string
	b.eval(t, `[...document.querySelectorAll(".as-of__item")].map(e => e.querySelector(".as-of__pair").textContent + " " + e.querySelector(".as-of__state").textContent)`, &items)
	return items
}

func (b *browser) exists(t *testing.T, selector string) bool {
	t.Helper()
	var ok bool
	b.eval(t, `!!document.querySelector(`+strconv.Quote(selector)+`)`, &ok)
	return ok
}

func (b *browser) location(t *testing.T) string {
	t.Helper()
	var href string
	b.eval(t, `location.href`, &href)
	return href
}

// windowStart is the from parameter of the URL.
func (b *browser) windowStart(t *testing.T) string {
	t.Helper()
	var from string
	b.eval(t, `new URLSearchParams(location.search).get("from") || ""`, &from)
	return from
}

// windowDays is how many days the zoom window of the URL spans, less one.
func (b *browser) windowDays(t *testing.T) float64 {
	t.Helper()
	var days float64
	b.eval(t, `(new Date(new URLSearchParams(location.search).get("to")) - new Date(new URLSearchParams(location.search).get("from"))) / 864e5`, &days)
	return days
}

// dateAt is the day number (since 1970) under client x, read from the
// chart's window, which is the URL's or, before any zoom, the tick span.
func (b *browser) dateAt(t *testing.T, x float64) float64 {
	t.Helper()
	var day float64
	b.eval(t, `(() => {
		const g = document.querySelector("#chart-grid").getBoundingClientRect();
		const q = new URLSearchParams(location.search);
		const from = q.get("from") ? new Date(q.get("from")) : new Date("2017-01-01");
		const to = q.get("to") ? new Date(new Date(q.get("to")).getTime() + 864e5) : new Date("2025-12-01");
		return (from.getTime() + (`+ftoa(x)+` - g.left) / g.width * (to - from)) / 864e5 })()`, &day)
	return day
}

// xOfDate is the client x of a day on the chart: the window of an unzoomed
// chart of the default timeline, from its first account, 2017, to a few
// months after its source of July 2025 (plot.Window).
func (b *browser) xOfDate(t *testing.T, day string) float64 {
	t.Helper()
	var x float64
	b.eval(t, `(() => {
		const g = document.querySelector("#chart-grid").getBoundingClientRect();
		const from = new Date("2017-01-01"), to = new Date("2025-12-01");
		return g.left + (new Date("`+day+`") - from) / (to - from) * g.width })()`, &x)
	return x
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// TestBrowserFilterAmongThousands types into the filter of a timeline of
// 2,000 people: it lists a dozen matches at most and finds anyone.
func TestBrowserFilterAmongThousands(t *testing.T) {
	crowd := data.Generate(2000, 3000, 11)
	src, err := json.Marshal(crowd)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"generated.json": string(src)}))
	b := newBrowser(t, 1280, 900)
	first, last := crowd.People[0], crowd.People[1999]
	b.run(t, chromedp.Navigate(srv.URL+"/t/generated?person="+first.ID), waitInteractive())

	b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, strings.Fields(last.Name)[0], chromedp.ByQuery))
	b.waitFor(t, "options", `document.querySelectorAll("#person-options [role=option]").length > 0`)
	if n := len(b.texts(t, `#person-options [role=option]`)); n > 12 {
		t.Errorf("the filter lists %d people at once, want at most 12", n)
	}
	b.run(t, chromedp.SendKeys(`#person-search`, strings.TrimPrefix(last.Name, strings.Fields(last.Name)[0]), chromedp.ByQuery))
	// The options follow the typing a moment later: wait until they match
	// the whole name before clicking.
	b.waitFor(t, "only "+last.Name+" among the options", `[...document.querySelectorAll("#person-options [role=option]")].map(o => o.id).join() == "person-option-`+last.ID+`"`)
	b.run(t, chromedp.Click(`#person-option-`+last.ID, chromedp.ByQuery))
	b.waitFor(t, "both people in the URL", `location.search == "?person=`+first.ID+`,`+last.ID+`"`)
	b.waitFor(t, "the lane of "+last.Name, `document.querySelector('.lane[data-person="`+last.ID+`"]')`)
	b.checkConsole(t)
}

// TestBrowserTapOpensDetails taps a bar on a touch screen.
func TestBrowserTapOpensDetails(t *testing.T) {
	onEverySurface(t, "", testTapOpensDetails)
}

func testTapOpensDetails(t *testing.T, b *browser, s surface) {
	x, y := b.center(t, `#bar-imogen-poots-james-norton-imogen-poots .bar__band`)
	finger := []*input.TouchPoint{{X: x, Y: y, ID: 1}}
	b.run(t, input.DispatchTouchEvent(input.TouchStart, finger), input.DispatchTouchEvent(input.TouchEnd, nil))
	b.waitFor(t, "the details after a tap", `document.querySelector(".details__title")?.textContent == "James Norton & Imogen Poots"`)
}

// emptyPlotPoint is a point of a lane's plot, in the middle of its height,
// with no bar or marker under it: the rightmost one.
func (b *browser) emptyPlotPoint(t *testing.T, plot string) (x, y float64) {
	t.Helper()
	var p struct{ X, Y float64 }
	b.eval(t, `(() => {
		const r = document.querySelector(`+strconv.Quote(plot)+`).getBoundingClientRect(), y = r.top + r.height / 2;
		for (let x = r.right - 5; x > r.left; x -= 5) {
			const e = document.elementFromPoint(x, y);
			if (e && !e.closest(".bar, .marker")) return {X: x, Y: y};
		}
		return {X: -1, Y: -1} })()`, &p)
	if p.X < 0 {
		t.Fatalf("no empty point in %s", plot)
	}
	return p.X, p.Y
}

// zoomWindow is the from and to parameters of the URL.
func (b *browser) zoomWindow(t *testing.T) string {
	t.Helper()
	var w string
	b.eval(t, `(q => q.get("from") + " to " + q.get("to"))(new URLSearchParams(location.search))`, &w)
	return w
}

// TestBrowserFilterIgnoresAccentsAndFindsAliases types names as readers
// do, without accents, and another name of a person, in the filter of the
// page and of the embed: each finds the person, and an alias that matched
// shows after the name.
func TestBrowserFilterIgnoresAccentsAndFindsAliases(t *testing.T) {
	src, err := os.ReadFile("../../../../data/testdata/csv/accents.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"accents.json": string(src)}))
	b := newBrowser(t, 1280, 900)
	options := `#person-options [role=option]`
	for _, path := range []string{"/t/accents", "/embed/accents"} {
		b.run(t, chromedp.Navigate(srv.URL+path), waitInteractive())
		for _, tt := range []struct{ typed, want string }{
			{"jose", "José Núñez"},
			{"nunez", "José Núñez"},
			{"ZOE", "Zoë François"},
			{"francois", "Zoë François"},
			{"bjork", "Björk Guðmundsdóttir"},
			{"pepe", "José Núñez (Pepe Núñez)"},
		} {
			b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, tt.typed, chromedp.ByQuery))
			b.waitFor(t, tt.want+" for "+tt.typed, `[...document.querySelectorAll("`+options+`")].map(o => o.textContent).join("|") == `+strconv.Quote(tt.want))
			b.run(t, chromedp.SendKeys(`#person-search`, strings.Repeat(kb.Backspace, len(tt.typed)), chromedp.ByQuery))
		}
		// An alias chooses its person.
		b.run(t, chromedp.SendKeys(`#person-search`, "pepe", chromedp.ByQuery))
		b.waitFor(t, "the option for pepe", `document.querySelector("#person-option-jose-nunez")`)
		if path == "/t/accents" {
			b.screenshot(t, "filter-alias.png")
		}
		b.run(t, chromedp.KeyEvent(kb.Enter))
		b.waitFor(t, "José Núñez chosen", `location.search == "?person=jose-nunez"`)
	}
	b.checkConsole(t)
}

// scriptsTimeline has people named in Greek, Arabic (with its short
// vowels written) and Hebrew (with its points), and a Latin name with an
// Arabic alias.
const scriptsTimeline = `{"schema": "timeline/v1", "id": "scripts", "title": "Scripts",
	"people": [
		{"id": "odysseas", "name": "Οδυσσέας Ελύτης"},
		{"id": "muhammad", "name": "مُحَمَّد مُنِير"},
		{"id": "shalom", "name": "שָׁלוֹם חֲנוֹךְ"},
		{"id": "nancy", "name": "Nancy Ajram", "aliases": ["نانسي عجرم"]}],
	"relationships": [
		{"id": "a", "people": ["odysseas", "muhammad"], "phases": [{"status": "dating", "from": "2020", "evidence": [{"source": "s", "quote": "q"}]}]},
		{"id": "b", "people": ["shalom", "nancy"], "phases": [{"status": "dating", "from": "2021", "evidence": [{"source": "s", "quote": "q"}]}]}],
	"sources": [{"id": "s", "outlet": "Outlet", "url": "https://example.com/s"}]}`

// TestBrowserFilterFindsEveryScript types names in Greek, Arabic and
// Hebrew into the filter of an Arabic page and its embed, without their
// accents, vowels or points and in another case: each finds its person,
// and an Arabic alias finds a Latin name.
func TestBrowserFilterFindsEveryScript(t *testing.T) {
	srv := startServer(t, writeFiles(t, map[string]string{"scripts.json": scriptsTimeline}))
	b := newBrowser(t, 1280, 900)
	options := `#person-options [role=option]`
	for _, path := range []string{"/t/scripts?lang=ar", "/embed/scripts?lang=ar"} {
		b.run(t, chromedp.Navigate(srv.URL+path), waitInteractive())
		for _, tt := range []struct{ typed, want string }{
			{"ΟΔΥΣΣΕΑΣ", "Οδυσσέας Ελύτης"},
			{"ελυτης", "Οδυσσέας Ελύτης"},
			{"محمد", "مُحَمَّد مُنِير"},
			{"منير", "مُحَمَّد مُنِير"},
			{"שלום", "שָׁלוֹם חֲנוֹךְ"},
			{"نانسي", "Nancy Ajram (نانسي عجرم)"},
		} {
			b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, tt.typed, chromedp.ByQuery))
			b.waitFor(t, tt.want+" for "+tt.typed, `[...document.querySelectorAll("`+options+`")].map(o => o.textContent).join("|") == `+strconv.Quote(tt.want))
			b.run(t, chromedp.SendKeys(`#person-search`, strings.Repeat(kb.Backspace, utf8.RuneCountInString(tt.typed)), chromedp.ByQuery))
		}
	}
	b.checkConsole(t)
}

// disabledZoomButtons lists the classes of the zoom buttons that say they
// would do nothing.
func (b *browser) disabledZoomButtons(t *testing.T) string {
	t.Helper()
	var classes []string
	b.eval(t, `[...document.querySelectorAll('.zoom [aria-disabled="true"]')].map(e => e.classList[1])`, &classes)
	return strings.Join(classes, " ")
}

// visibleBarPoint is a point of the chart where a bar is under the pointer:
// the middle of the part of the first bar that the window shows.
func (b *browser) visibleBarPoint(t *testing.T) (x, y float64) {
	t.Helper()
	var p struct{ X, Y float64 }
	b.eval(t, `(() => {
		const grid = document.querySelector("#chart-grid").getBoundingClientRect();
		for (const band of document.querySelectorAll(".bar__band")) {
			const r = band.getBoundingClientRect();
			const left = Math.max(r.left, grid.left), right = Math.min(r.right, grid.right);
			const x = (left + right) / 2, y = r.top + r.height / 2;
			if (right - left > 10 && band.closest(".bar").contains(document.elementFromPoint(x, y))) return {X: x, Y: y};
		}
		return {X: -1, Y: -1} })()`, &p)
	if p.X < 0 {
		t.Fatal("no bar in the window")
	}
	return p.X, p.Y
}

// clippedFocusRing names the first ancestor of the focused element that
// cuts off part of its focus ring (its outline, and the outline's
// offset), by its overflow or an inset clip-path, or "" when the whole
// ring shows. No ring at all is named too.
func (b *browser) clippedFocusRing(t *testing.T) string {
	t.Helper()
	var clipper string
	b.eval(t, `(() => {
		const e = document.activeElement, style = getComputedStyle(e);
		if (style.outlineStyle == "none") return "the absence of a focus ring";
		const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
		const r = e.getBoundingClientRect();
		for (let a = e.parentElement; a; a = a.parentElement) {
			const s = getComputedStyle(a), clip = /^inset\(([^)]*)\)$/.exec(s.clipPath);
			if (s.overflowX == "visible" && s.overflowY == "visible" && !clip) continue;
			const box = a.getBoundingClientRect();
			const [top, right = top, bottom = top, left = right] = clip ? clip[1].split(/\s+/).map(parseFloat) : [0];
			const c = {left: box.left + left, right: box.right - right, top: box.top + top, bottom: box.bottom - bottom};
			if (r.left - reach < c.left - 0.5 || r.right + reach > c.right + 0.5 || r.top - reach < c.top - 0.5 || r.bottom + reach > c.bottom + 0.5)
				return a.tagName.toLowerCase() + "." + [...a.classList].join(".");
		}
		return "";
	})()`, &clipper)
	return clipper
}

// TestBrowserModifiedClicksAreTheBrowsers clicks a control link with each
// modifier key, and with the middle button: a reader who asks so wants a
// new tab or window (Ctrl, ⌘, Shift, the middle button), or the link
// saved (Alt), which the browser does; the page must neither change in
// place nor have go-app load the link in it.
func TestBrowserModifiedClicksAreTheBrowsers(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	b.run(t, colorScheme("light"))
	link := `.lane[data-person="lily-allen"] .lane__link`
	// ⌘ is left out: on Linux, where the tests run, Chromium follows a
	// ⌘-click as a plain click (which the page then leaves it, as Ctrl's).
	for _, click := range []struct {
		what   string
		option chromedp.MouseOption
	}{
		{"Ctrl", chromedp.ButtonModifiers(input.ModifierCtrl)},
		{"Shift", chromedp.ButtonModifiers(input.ModifierShift)},
		{"Alt", chromedp.ButtonModifiers(input.ModifierAlt)},
		{"the middle button", chromedp.ButtonType(input.Middle)},
	} {
		t.Run(click.what, func(t *testing.T) {
			b.run(t, chromedp.Navigate(srv.URL+timelineURL), waitInteractive())
			b.eval(t, `window.stillThisDocument = true; window.clicks = [];
				addEventListener("click", e => clicks.push(e), true);
				addEventListener("auxclick", e => clicks.push(e), true);
				history.length`, nil)
			var entries int
			b.eval(t, `history.length`, &entries)
			x, y := b.center(t, link)
			b.run(t, chromedp.MouseClickXY(x, y, click.option))
			b.waitFor(t, "the click", `clicks.length > 0`)
			// go-app's handler of links navigates in a task of its own.
			b.run(t, chromedp.Evaluate(afterResize, nil, awaitPromise))
			var got struct {
				Prevented, Same, Chip bool
				Search                string
				Entries               int
			}
			b.eval(t, `({prevented: clicks.some(e => e.defaultPrevented), same: window.stillThisDocument === true,
				chip: !!document.querySelector(".chip"), search: location.search, entries: history.length})`, &got)
			if got.Prevented || !got.Same || got.Chip || got.Search != "" || got.Entries != entries {
				t.Errorf("a click with %s: the page took it (default prevented %v, same document %v, a chip %v, query %q, %d history entries, want %d)",
					click.what, got.Prevented, got.Same, got.Chip, got.Search, got.Entries, entries)
			}
		})
	}
	b.checkConsole(t)
}
