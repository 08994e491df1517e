package server

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// viewLinkHref finds the links of a page to its own views: a query
// alone (see app's ViewState.link).
var viewLinkHref = regexp.MustCompile(`href="(\?[^"]*)"`)

// timelineMain is the start of a timeline page's main element.
var timelineMain = regexp.MustCompile(`<main [^>]*class="liaison[ "]`)

// TestPagesRenderTheirLinks follows every link of a page to one of its
// views, as a reader without the WebAssembly does: the server renders
// each, and a view asked for in another order of its query is the same
// page of the cache, not another render.
func TestPagesRenderTheirLinks(t *testing.T) {
	for _, page := range []string{
		"/",
		"/t/james-norton?person=lily-allen&from=2021&to=2025&rel=lily-allen-david-harbour",
		"/t/james-norton?view=list&event=lido-festival-sighting&at=2023-06",
		"/embed/james-norton?title=0&theme=dark&person=lily-allen",
	} {
		t.Run(page, func(t *testing.T) {
			s, _ := serve(t, "", Config{})
			body := readBody(t, serveOnce(s, page))
			path, _, _ := strings.Cut(page, "?")
			links := map[string]bool{}
			for _, m := range viewLinkHref.FindAllStringSubmatch(body, -1) {
				links[html.UnescapeString(m[1])] = true
			}
			// The lanes' names, the bars and markers, the events, the
			// zooms, the list view and the details' close, at least.
			if len(links) < 8 {
				t.Fatalf("the page has %d links to its views, want every control's: %v", len(links), links)
			}
			for link := range links {
				resp := serveOnce(s, path+link)
				if got := readBody(t, resp); resp.StatusCode != http.StatusOK || !timelineMain.MatchString(got) {
					t.Errorf("%s%s: status %d, want the page of its view", path, link, resp.StatusCode)
				}
				if strings.HasPrefix(path, "/embed/") && !(strings.Contains(link, "title=0") && strings.Contains(link, "theme=dark")) {
					t.Errorf("the embed's link %q leaves its title=0 or theme=dark behind", link)
				}
			}
			kept := len(s.current().pageCache.entries)
			for link := range links {
				q, err := url.ParseQuery(link[1:])
				if err != nil {
					t.Fatal(err)
				}
				serveOnce(s, path+"?"+q.Encode()) // sorted, commas escaped
			}
			if n := len(s.current().pageCache.entries); n != kept {
				t.Errorf("the links' views, asked for again in another order, made %d more pages of the cache, want none", n-kept)
			}
		})
	}
}
