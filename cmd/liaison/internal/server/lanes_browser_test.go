//go:build built

package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// TestBrowserLoadsLanesInChunks opens a timeline just too large for its
// page to carry whole (3,500 relationships among 700 people): the page
// comes with the first chunk of its lanes, the far lanes show that they
// are loading, and scrolling to them fetches their chunk, after which
// the last lane draws every relationship of its person. The page never
// fetches the whole timeline.
func TestBrowserLoadsLanesInChunks(t *testing.T) {
	tl := data.Generate(700, 3500, 1)
	tl.ID = "medium"
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"medium.json": string(src)}))
	last := tl.People[len(tl.People)-1]
	var want []string
	for _, r := range tl.Relationships {
		if slices.Contains(r.People[:], last.ID) {
			want = append(want, r.ID)
		}
	}
	slices.Sort(want)

	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+"/t/medium"), waitInteractive())
	if fetches := b.apiFetches(t); len(fetches) != 0 {
		t.Errorf("the page fetched %+v at first, want nothing: it came with the first chunk of lanes", fetches)
	}
	lane := `document.querySelector('#chart-lanes > .lane[aria-posinset="` + strconv.Itoa(len(tl.People)) + `"]')`
	b.eval(t, `window.scrollTo(0, document.body.scrollHeight)`, nil)
	b.waitFor(t, "the last lane drawn", lane)
	b.waitFor(t, "the last lane loaded", lane+` && !`+lane+`.matches(".lane--loading")`)
	var drawn []string
	b.eval(t, `[...`+lane+`.querySelectorAll("a.bar")].map(a => a.dataset.relationship)`, &drawn)
	slices.Sort(drawn)
	if len(want) == 0 || !slices.Equal(drawn, want) {
		t.Errorf("the last lane (%s) draws the bars of %q, want %q", last.ID, drawn, want)
	}
	b.eval(t, lane+`.scrollIntoView({block: "center"})`, nil)
	b.viewScreenshot(t, "lanes-loaded-1280.png")

	var paths []string
	for _, f := range b.apiFetches(t) {
		paths = append(paths, f.Path)
		if !strings.Contains(f.Path, "?"+app.LanesParameter+"=") {
			t.Errorf("the page fetched %s, want chunks of lanes only", f.Path)
		}
	}
	if !slices.Contains(paths, app.TimelineLanesAPIPath(tl.ID, 1)) {
		t.Errorf("scrolling to the last lane fetched %q, want its chunk, %s", paths, app.TimelineLanesAPIPath(tl.ID, 1))
	}
	b.checkConsole(t)
}

// TestBrowserLoadingLanes shows the lanes whose chunk has not come yet
// (the API held back): they say they are loading, and draw no bars.
func TestBrowserLoadingLanes(t *testing.T) {
	tl := data.Generate(700, 3500, 1)
	tl.ID = "medium"
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"medium.json": string(src)}))
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+"/t/medium"), waitInteractive())
	// The chunk's request never ends: the page can only wait.
	b.eval(t, `(() => { const f = window.fetch; window.fetch = (u, ...a) => String(u).includes("lanes=") ? new Promise(() => {}) : f(u, ...a); })()`, nil)
	lane := `document.querySelector('#chart-lanes > .lane[aria-posinset="700"]')`
	b.eval(t, `window.scrollTo(0, document.body.scrollHeight)`, nil)
	b.waitFor(t, "lane 700 drawn", lane)
	var state struct {
		Loading bool
		Busy    string
		Bars    int
		Text    string
	}
	b.eval(t, `(() => { const l = `+lane+`; return {Loading: l.matches(".lane--loading"), Busy: l.getAttribute("aria-busy"),
		Bars: l.querySelectorAll(".bar").length, Text: l.querySelector(".lane__plot").textContent} })()`, &state)
	if !state.Loading || state.Busy != "true" || state.Bars != 0 || !strings.Contains(state.Text, "Loading") {
		t.Errorf("lane 700, whose chunk has not come, is %+v; want it to say it is loading, without bars", state)
	}
	b.eval(t, lane+`.scrollIntoView({block: "center"})`, nil)
	b.viewScreenshot(t, "lanes-loading-1280.png")
}
