//go:build !wasm

package app

import (
	"net/url"
	"strings"
	"testing"
)

// TestTimelinePageLinks follows, as a reader without the WebAssembly
// does, each link that stands for a control of the page: it must keep
// the view, change what its control changes, and the page it leads to
// must show that.
func TestTimelinePageLinks(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lib := fakeLibrary{tl.ID: tl}
	const zoomed = "from=2021-01-01&person=lily-allen&to=2025-06-30"
	tests := []struct {
		name, from string
		link       func(*htmlNode) bool // the link to follow, on the page from
		want       string               // the query it leads to, in the canonical order
		shows      func(*htmlNode) bool // what the page it leads to has
	}{
		{"a lane's name", zoomed, inLane("david-harbour", "lane__link"),
			"from=2021-01-01&person=david-harbour&to=2025-06-30", withClass("chip")},
		{"a chip", zoomed + "&person=david-harbour", chip("lily-allen"),
			"from=2021-01-01&person=david-harbour&to=2025-06-30", withClass("filter__clear")},
		{"Clear", zoomed, withClass("filter__clear"),
			"from=2021-01-01&to=2025-06-30", inLane("imogen-poots", "lane__link")},
		{"a bar", zoomed, withAttr("id", "bar-david-harbour-lily-allen-david-harbour"),
			"from=2021-01-01&person=lily-allen&rel=lily-allen-david-harbour&to=2025-06-30", withClass("details")},
		{"a marker", zoomed, withAttr("id", "marker-lily-allen-lido-festival-sighting"),
			"event=lido-festival-sighting&" + zoomed, withClass("details")},
		{"an event's title", zoomed, withClass("events__title"),
			"event=lido-festival-sighting&" + zoomed, withClass("details")},
		{"a row of the list view", zoomed + "&view=list", withAttr("id", "row-lily-allen-david-harbour"),
			"from=2021-01-01&person=lily-allen&rel=lily-allen-david-harbour&to=2025-06-30&view=list", withClass("details")},
		{"the details' close", zoomed + "&rel=lily-allen-david-harbour", withClass("details__close"),
			zoomed, withClass("bar")},
		{"Zoom in", "person=lily-allen", withClass("zoom__in"),
			"from=2020-02-21&person=lily-allen&to=2024-09-10", withClass("bar")},
		{"Zoom out", "from=2022-01-01&person=lily-allen&to=2023-12-31", withClass("zoom__out"),
			"from=2021-07-02&person=lily-allen&to=2024-06-30", withClass("bar")},
		{"Fit", zoomed, withClass("zoom__fit"), "person=lily-allen", withClass("bar")},
		{"List view", zoomed, withClass("view-toggle"), zoomed + "&view=list", withClass("list-view")},
		{"back to the chart", zoomed + "&view=list", withClass("view-toggle"), zoomed, withClass("events__title")},
		{"in an embed", "person=lily-allen&title=0&theme=dark", withClass("zoom__in"),
			"from=2020-02-21&person=lily-allen&theme=dark&title=0&to=2024-09-10", withClass("bar")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := TimelinePath(tl.ID)
			if strings.Contains(tt.from, "title=0") {
				path = EmbedPath(tl.ID)
			}
			page := mainOf(t, serveHTML(t, lib, path+"?"+tt.from))
			href := page.one(t, tt.name, tt.link).attrs["href"]
			if !strings.HasPrefix(href, "?") {
				t.Fatalf("%s links to %q, want a query of the page's own path", tt.name, href)
			}
			q := ParseViewState(mustQuery(t, href[1:]))
			if got := q.URL("").RawQuery; got != tt.want {
				t.Errorf("%s links to %q, the view %q; want %q", tt.name, href, got, tt.want)
			}
			to := mainOf(t, serveHTML(t, lib, path+href))
			if len(to.all(tt.shows)) == 0 {
				t.Errorf("the page %s leads to (%s) lacks what it should show", tt.name, href)
			}
		})
	}
}

func inLane(person, class string) func(*htmlNode) bool {
	return func(n *htmlNode) bool {
		return n.hasClass(class) && strings.Contains(n.attrs["href"], "person="+person)
	}
}

func chip(person string) func(*htmlNode) bool {
	return func(n *htmlNode) bool { return n.hasClass("chip") && n.attrs["data-person"] == person }
}

func withAttr(name, value string) func(*htmlNode) bool {
	return func(n *htmlNode) bool { return n.attrs[name] == value }
}

func mustQuery(t *testing.T, query string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
