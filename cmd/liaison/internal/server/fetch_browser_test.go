//go:build built

package server

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-timeline/liaison/data"
)

// apiFetch is a request of the page to the API, as the browser's
// resource timing saw it.
type apiFetch struct {
	Path string  `json:"path"` // and query
	Size float64 `json:"size"` // of the decoded body
}

// apiFetches are the page's requests to the API since it was loaded.
func (b *browser) apiFetches(t *testing.T) []apiFetch {
	t.Helper()
	var fetches []apiFetch
	b.eval(t, `performance.getEntriesByType("resource").map(e => new URL(e.name)).
		filter(u => u.pathname.startsWith("/api/timelines")).
		map(u => ({path: decodeURIComponent(u.pathname + u.search),
			size: performance.getEntriesByName(u.href).at(-1).decodedBodySize}))`, &fetches)
	return fetches
}

// laneSwatch finds the person and colour of each lane drawn in a page's
// HTML.
var laneSwatch = regexp.MustCompile(`<li [^>]*data-person="([^"]+)"[^>]*>\s*<div class="lane__name">\s*<span class="lane__person">\s*(?:<a [^>]*>\s*)?<span [^>]*class="(swatch swatch--\d+)"`)

// laneCount finds how many lanes a chart has in a page's HTML.
var laneCount = regexp.MustCompile(`<li [^>]*aria-setsize="(\d+)"`)

// TestBrowserFetchesWhatItShows opens a large timeline filtered to one
// person: the page comes with that person's part of the timeline, not the
// whole, and shows it as the server rendered it, colours included. The
// search still finds anyone; choosing someone fetches their part, Clear
// fetches the whole, and Back and Forward show each view again.
func TestBrowserFetchesWhatItShows(t *testing.T) {
	tl := data.Generate(400, 2000, 3)
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"generated.json": string(src)}))
	_, _, whole := get(t, srv.URL+"/api/timelines/generated", "Accept-Encoding", "identity")
	// one is a person of a few relationships, other a stranger to them.
	one := tl.People[7]
	partners := map[string]bool{one.ID: true}
	for _, r := range tl.Relationships {
		if slices.Contains(r.People[:], one.ID) {
			partners[r.People[0]], partners[r.People[1]] = true, true
		}
	}
	other := tl.People[len(tl.People)-1]
	for i := len(tl.People) - 1; partners[other.ID]; i-- {
		other = tl.People[i]
	}

	path := "/t/generated?person=" + one.ID
	_, _, prerendered := get(t, srv.URL+path)
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+path), waitInteractive())
	// The part of one came with the page (see pageData).
	if fetches := b.apiFetches(t); len(fetches) != 0 {
		t.Fatalf("the page opened filtered fetched %+v, want nothing: it has the part of %s", fetches, one.ID)
	}
	if !strings.Contains(prerendered, `data-api="/api/timelines/generated?person=`+one.ID+`&amp;people=all"`) {
		t.Fatalf("the page lacks the part of %s", one.ID)
	}
	var drawn []string
	b.eval(t, `[...document.querySelectorAll(".lane")].map(l =>
		l.dataset.person + " " + l.querySelector(".lane__person .swatch").className)`, &drawn)
	var want []string
	for _, m := range laneSwatch.FindAllStringSubmatch(prerendered, -1) {
		want = append(want, m[1]+" "+m[2])
	}
	if len(want) < 2 || !slices.Equal(drawn, want) {
		t.Errorf("lanes and colours after the WebAssembly took over:\n%q\nas the server rendered them:\n%q", drawn, want)
	}

	// The search knows everyone, not only the people of the part.
	b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, other.Name, chromedp.ByQuery))
	b.waitFor(t, other.Name+" among the options", `document.querySelector("#person-option-`+other.ID+`")`)
	b.run(t, chromedp.KeyEvent(kb.Enter))
	// shows waits until the page shows the view of query, with as many
	// lanes as the server's page of it has (the chart draws those in
	// view, but counts all).
	shows := func(what, query string) {
		t.Helper()
		_, _, page := get(t, srv.URL+"/t/generated"+query)
		count := laneCount.FindStringSubmatch(page)[1]
		b.waitFor(t, what, `location.search == "`+query+`" && document.querySelector('.lane[aria-setsize="`+count+`"]')`)
	}
	shows("both people", "?person="+one.ID+","+other.ID)
	both := slices.Sorted(slices.Values([]string{one.ID, other.ID}))
	got := b.apiFetches(t)
	if len(got) != 1 || got[0].Path != "/api/timelines/generated?person="+both[0]+","+both[1]+"&people=all" {
		t.Errorf("choosing %s fetched %+v, want their part", other.ID, got)
	} else if part := got[0].Size; part <= 0 || part > float64(len(whole))/4 {
		t.Errorf("the part is %.0f bytes, the whole timeline %d", part, len(whole))
	}

	b.run(t, chromedp.Click(`.filter__clear`, chromedp.ByQuery))
	shows("everyone", "")
	got = b.apiFetches(t)
	if len(got) != 2 || got[1].Path != "/api/timelines/generated" || got[1].Size != float64(len(whole)) {
		t.Errorf("Clear fetched %+v, want the whole timeline (%d bytes)", got, len(whole))
	}
	b.run(t, chromedp.NavigateBack())
	shows("both people after Back", "?person="+one.ID+","+other.ID)
	b.run(t, chromedp.NavigateBack())
	shows("one person after Back", "?person="+one.ID)
	b.run(t, chromedp.NavigateForward())
	shows("both people after Forward", "?person="+one.ID+","+other.ID)
	b.run(t, chromedp.NavigateForward())
	shows("everyone after Forward", "")
	if got := b.apiFetches(t); len(got) != 2 {
		t.Errorf("Back and Forward fetched again: %+v", got[2:])
	}
	b.checkConsole(t)
}
