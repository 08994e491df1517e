//go:build built

package server

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserPicturesOnAnotherSite shows a timeline's pictures in a news
// site's page on another origin, as a newsletter's web view, an AMP
// placeholder or a <noscript> would: the chart of a filtered view, its
// SVG and the share card all load, at their size, with nothing refused
// in the console (Cross-Origin-Resource-Policy, the page's CSP).
func TestBrowserPicturesOnAnotherSite(t *testing.T) {
	srv := startServer(t, "")
	host := hostSite(t, map[string]string{"/article": `<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body>
<img id="chart" src="` + srv.URL + `/t/james-norton.png?person=lily-allen" alt="chart" width="600">
<img id="svg" src="` + srv.URL + `/embed/james-norton.svg" alt="chart" width="600">
<img id="card" src="` + srv.URL + `/t/james-norton.card.png" alt="card" width="600">
</body></html>`})
	b := newBrowser(t, 1000, 900)
	b.run(t, chromedp.Navigate(host.URL+"/article"))
	b.waitFor(t, "the pictures to load", `[...document.images].every((img) => img.complete)`)
	for _, tt := range []struct {
		id            string
		width, height int // 0: any
	}{
		{"chart", 1200, 0},
		{"svg", 1200, 0},
		{"card", 1200, 630},
	} {
		var size []int
		b.eval(t, `[document.getElementById("`+tt.id+`").naturalWidth, document.getElementById("`+tt.id+`").naturalHeight]`, &size)
		if size[0] != tt.width || tt.height != 0 && size[1] != tt.height || size[1] < 300 {
			t.Errorf("%s is %dx%d in the article, want %d wide (and %d high)", tt.id, size[0], size[1], tt.width, tt.height)
		}
	}
	b.checkConsole(t)
}
