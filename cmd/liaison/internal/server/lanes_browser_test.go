//go:build built

package server

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/plot"
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
	// The far chunk is held back until the reader is among its lanes:
	// when it comes, nothing under the reader moves.
	b.eval(t, `(() => { const f = window.fetch; window.heldLanes = [];
		window.fetch = (u, ...a) => String(u).includes("lanes=") ? new Promise(r => heldLanes.push(() => r(f(u, ...a)))) : f(u, ...a); })()`, nil)
	lane := `document.querySelector('#chart-lanes > .lane[aria-posinset="` + strconv.Itoa(len(tl.People)) + `"]')`
	b.eval(t, `window.scrollTo(0, document.body.scrollHeight)`, nil)
	b.waitFor(t, "the last lane drawn", lane)
	b.waitFor(t, "the far chunk asked for", `heldLanes.length > 0`)
	b.eval(t, lane+`.scrollIntoView({block: "center"})`, nil)
	b.waitFor(t, "the lanes around the last drawn", `(async () => { for (let i = 0; i < 3; i++) await new Promise(r => requestAnimationFrame(r));
		return document.elementFromPoint(innerWidth * 0.7, innerHeight / 2)?.closest(".lane--loading") })()`)
	const underReader = `(() => { const hit = document.elementFromPoint(innerWidth * 0.7, innerHeight / 2)?.closest(".lane");
		return {Height: document.querySelector("#chart-lanes").offsetHeight, ScrollY: scrollY,
			Lane: hit ? +hit.getAttribute("aria-posinset") : 0, Top: hit ? hit.getBoundingClientRect().top : 0,
			Loading: document.querySelectorAll(".lane--loading").length} })()`
	type place struct {
		Height, ScrollY, Top float64
		Lane, Loading        int
	}
	var before, after place
	b.eval(t, underReader, &before)
	if before.Lane <= app.LaneChunk || before.Loading == 0 {
		t.Fatalf("scrolled to the end, the reader is over lane %d, with %d lanes loading: want a lane of the far chunk, loading", before.Lane, before.Loading)
	}
	b.eval(t, `heldLanes.forEach(release => release())`, nil)
	b.waitFor(t, "the far chunk shown", `!document.querySelector("#chart-lanes > .lane--loading")`)
	b.eval(t, underReader, &after)
	if math.Abs(after.Height-before.Height) > 1 || after.Lane != before.Lane || math.Abs(after.Top-before.Top) > 1 || after.ScrollY != before.ScrollY {
		t.Errorf("the far chunk came and moved what is under the reader: before %+v, after %+v; want the same chart height, lane and place", before, after)
	}
	b.eval(t, `window.scrollTo(0, document.body.scrollHeight)`, nil)
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
// (the API held back), on a phone in the dark and a wide screen in the
// light: they say they are loading, draw no bars but their markers, and
// are as high as they will be.
func TestBrowserLoadingLanes(t *testing.T) {
	tl := data.Generate(700, 3500, 1)
	tl.ID = "medium"
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"medium.json": string(src)}))
	// The rows of the timeline as the server reads it, which draws an
	// ongoing relationship to its latest evidence (data.Relationship.AsOf).
	read, err := data.Parse("medium.json", src)
	if err != nil {
		t.Fatal(err)
	}
	rows := plot.BarRows(read, time.Now())
	for _, tt := range []struct {
		width  int
		scheme string
	}{{1280, "light"}, {360, "dark"}} {
		name := fmt.Sprintf("lanes-loading-%d-%s.png", tt.width, tt.scheme)
		t.Run(name, func(t *testing.T) {
			b := newBrowser(t, tt.width, 900)
			b.run(t, colorScheme(tt.scheme), chromedp.Navigate(srv.URL+"/t/medium"), waitInteractive())
			// The chunk's request never ends: the page can only wait.
			b.eval(t, `(() => { const f = window.fetch; window.fetch = (u, ...a) => String(u).includes("lanes=") ? new Promise(() => {}) : f(u, ...a); })()`, nil)
			lane := `document.querySelector('#chart-lanes > .lane[aria-posinset="700"]')`
			b.eval(t, `window.scrollTo(0, document.body.scrollHeight)`, nil)
			b.waitFor(t, "lane 700 drawn", lane)
			var state struct {
				Loading      bool
				Busy, Text   string
				Bars         int
				Height       float64
				MarkerHeight float64
				Rem          float64
			}
			b.eval(t, `(() => { const l = `+lane+`, plot = l.querySelector(".lane__plot"), band = l.querySelector(".lane__loading");
				return {Loading: l.matches(".lane--loading"), Busy: l.getAttribute("aria-busy"), Text: plot.textContent,
					Bars: l.querySelectorAll(".bar").length, Height: band.offsetHeight, MarkerHeight: band.offsetTop,
					Rem: parseFloat(getComputedStyle(document.documentElement).fontSize)} })()`, &state)
			if !state.Loading || state.Busy != "true" || state.Bars != 0 || !strings.Contains(state.Text, "Loading") {
				t.Errorf("lane 700, whose chunk has not come, is %+v; want it to say it is loading, without bars", state)
			}
			// Where its bars will be: under its markers, its rows of bars high.
			if want := float64(rows[699]) * 2.25 * state.Rem; math.Abs(state.Height-want) > 1 {
				t.Errorf("lane 700's loading band is %v px high, want its %d rows of bars, %v px", state.Height, rows[699], want)
			}
			b.eval(t, lane+`.scrollIntoView({block: "center"})`, nil)
			b.waitFor(t, "the lanes above lane 700 drawn", `document.querySelector('#chart-lanes > .lane[aria-posinset="698"]')`)
			b.viewScreenshot(t, name)
		})
	}
}

// TestBrowserLiveReloadStaysChunked edits, under serve -watch, a
// timeline that its page loads chunk by chunk of lanes: the page shows
// the change and asks for the first chunk again, never the whole, and its
// far lanes still load as the reader reaches them.
func TestBrowserLiveReloadStaysChunked(t *testing.T) {
	tl := data.Generate(700, 3500, 1)
	tl.ID = "medium"
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"medium.json": string(src)})
	addr := startWatching(t, dir)
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate("http://"+addr+"/t/medium"), waitInteractive())

	tl.People[0].Description = "Changed under the page"
	changed, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "medium.json"), changed, 0o644); err != nil {
		t.Fatal(err)
	}
	first := `document.querySelector('#chart-lanes > .lane[aria-posinset="1"] .lane__description')?.textContent`
	b.waitFor(t, "the new description", first+` == "Changed under the page"`)
	lane := `document.querySelector('#chart-lanes > .lane[aria-posinset="700"]')`
	b.eval(t, `window.scrollTo(0, document.body.scrollHeight)`, nil)
	b.waitFor(t, "the last lane loaded", lane+` && !`+lane+`.matches(".lane--loading")`)

	var paths []string
	for _, f := range b.apiFetches(t) {
		paths = append(paths, f.Path)
	}
	if slices.Contains(paths, app.TimelineAPIPath(tl.ID, nil)) || !slices.Contains(paths, app.TimelineLanesAPIPath(tl.ID, 0)) {
		t.Errorf("after the new version the page fetched %q, want the first chunk of lanes again, not the whole", paths)
	}
	b.checkConsole(t)
}
