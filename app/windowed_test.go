//go:build !wasm

package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// A large timeline's page holds only the lanes of a screen or two, the
// first page of each long list, and the bars near the zoom window; the
// lanes left out are stood in for by padding, and the list of lanes still
// says how many there are.
func TestTimelinePageDrawsOnlyWhatIsNearTheView(t *testing.T) {
	tl := data.Generate(400, 2000, 1)
	tl.ID = "big"
	lib := fakeLibrary{tl.ID: tl}

	page := mainOf(t, serveHTML(t, lib, "/t/big"))
	lanes := page.all(withClass("lane"))
	if len(lanes) < 5 || len(lanes) > 60 {
		t.Fatalf("%d of 400 lanes drawn, want those of a screen or two", len(lanes))
	}
	for i, lane := range lanes {
		if got, want := lane.attrs["data-person"], tl.People[i].ID; got != want {
			t.Fatalf("lane %d is %s, want %s: the first lanes are drawn, in order", i, got, want)
		}
		if got := lane.attrs["aria-posinset"] + " of " + lane.attrs["aria-setsize"]; got != strconv.Itoa(i+1)+" of 400" {
			t.Errorf("lane %d is lane %s, want %d of 400", i, got, i+1)
		}
	}
	list := page.one(t, "list of lanes", withClass("chart__lanes"))
	if style := list.attrs["style"]; !strings.Contains(style, "padding-top:0.0px") || strings.Contains(style, "padding-bottom:0.0px") {
		t.Errorf("list of lanes style %q, want no padding above and the height of the lanes left out below", style)
	}
	if n := len(page.all(func(*htmlNode) bool { return true })); n > 3000 {
		t.Errorf("the page has %d nodes, want fewer than 3,000", n)
	}
	if got := len(page.all(withClass("events__item"))); got != listPage {
		t.Errorf("%d events listed, want the first %d", got, listPage)
	}
	more := page.one(t, "show more events", withClass("show-more"))
	if got, want := more.textContent(), "Show 50 more events 50 of 400 shown"; got != want {
		t.Errorf("under the events: %q, want %q", got, want)
	}
	if got := page.all(withClass("list-view")); len(got) != 0 {
		t.Errorf("the prerender draws the hidden list view")
	}

	// Zoomed into one year, bars far outside it are not drawn.
	zoomed := mainOf(t, serveHTML(t, lib, "/t/big?from=2010-01-01&to=2011-01-01"))
	bars := zoomed.all(withClass("bar"))
	if all := page.all(withClass("bar")); len(bars) == 0 || len(bars) >= len(all) {
		t.Errorf("zoomed into a year, %d bars are drawn, against %d for the whole span", len(bars), len(all))
	}
	for _, bar := range bars {
		left, width := percentOf(t, bar.attrs["style"], startEdge), percentOf(t, bar.attrs["style"], "width")
		if left+width < -sightMargin || left > 100+sightMargin {
			t.Errorf("bar %s at left %v%%, width %v%% is drawn, far outside the window", bar.attrs["id"], left, width)
		}
	}

	// The list view draws a page of rows, and offers the rest.
	listed := mainOf(t, serveHTML(t, lib, "/t/big?view=list"))
	if got := len(listed.all(withClass("list-view__open"))); got != 2*listPage {
		t.Errorf("list view has %d rows, want %d relationships and %d events", got, listPage, listPage)
	}
	if got := texts(listed.all(withClass("show-more__button"))); strings.Join(got, "|") != "Show 50 more relationships|Show 50 more events" {
		t.Errorf("buttons %q, want one under each list: its relationships and its events", got)
	}
}

// percentOf reads a property in percent from a style attribute.
func percentOf(t *testing.T, style, property string) float64 {
	t.Helper()
	for _, decl := range strings.Split(style, ";") {
		name, value, _ := strings.Cut(decl, ":")
		if strings.TrimSpace(name) == property {
			v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(value), "%"), 64)
			if err != nil {
				t.Fatalf("style %q: %s is not a percentage", style, property)
			}
			return v
		}
	}
	t.Fatalf("style %q has no %s", style, property)
	return 0
}
