//go:build built

package server

import (
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// A reader meets a timeline on three pages: the one `make run` opens (/,
// which shows the only timeline), the timeline's own (/t/{id}) and its
// embed (/embed/{id}); each is served by Liaison or exported to a static
// host. The interaction tests run on all six, since a page that works on
// one of them has been seen not to work on another.

// A surface is one of those pages.
type surface struct {
	name string
	// url is the address of the page with a query ("" or "?person=…").
	url func(query string) string
	// canonical marks the one surface whose screenshots go to docs/.
	canonical bool
	// embed marks the embeds, which live in other sites' pages.
	embed bool
}

// exportedDir is the default timeline's export (exportedSite) written
// once for every test of the process, in a directory TestMain removes with
// the browsers' profiles.
var exportedDir struct {
	once sync.Once
	dir  string
	err  error
}

// exportDefaultSite writes the export of the default timeline for
// exportBase (once) and returns the directory it is in.
func exportDefaultSite(t *testing.T) string {
	t.Helper()
	files := exportedSite(t)
	exportedDir.once.Do(func() {
		exportedDir.dir, exportedDir.err = os.MkdirTemp(profiles, "export-")
		if exportedDir.err == nil {
			exportedDir.err = writeExport(exportedDir.dir, files)
		}
	})
	if exportedDir.err != nil {
		t.Fatal(exportedDir.err)
	}
	return exportedDir.dir
}

// surfaces serves the default timeline both ways for one test: Liaison on
// 127.0.0.1, and its export under exportBase by a plain Go file
// server, as a static host would.
func surfaces(t *testing.T) []surface {
	t.Helper()
	dir := exportDefaultSite(t)
	served := startServer(t, "")
	static := httptest.NewServer(http.StripPrefix(exportBase, http.FileServer(http.Dir(dir))))
	t.Cleanup(static.Close)
	at := func(base, path string) func(string) string {
		return func(query string) string { return base + path + query }
	}
	return []surface{
		{name: "served/index", url: at(served.URL, "/")},
		{name: "served/page", url: at(served.URL, timelineURL), canonical: true},
		{name: "served/embed", url: at(served.URL, "/embed/james-norton"), embed: true},
		{name: "exported/index", url: at(static.URL, exportBase+"/")},
		{name: "exported/page", url: at(static.URL, exportBase+timelineURL+"/")},
		{name: "exported/embed", url: at(static.URL, exportBase+"/embed/james-norton/"), embed: true},
	}
}

// onEverySurface runs test on each surface, in a browser opened on the
// surface's page with query, once the WebAssembly has taken over. The
// surfaces share one browser, each with a page load of its own: starting
// Chromium took a second of each test's six.
func onEverySurface(t *testing.T, query string, test func(t *testing.T, b *browser, s surface)) {
	t.Helper()
	b := newBrowser(t, 1280, 900)
	for _, s := range surfaces(t) {
		t.Run(s.name, func(t *testing.T) {
			b.forget()
			b.run(t, colorScheme("light"), chromedp.Navigate(s.url(query)), waitInteractive())
			test(t, b, s)
		})
	}
}

// screenshot saves the page as b.screenshot does, for the canonical
// surface only: one picture of each view goes to docs/.
func (s surface) screenshot(t *testing.T, b *browser, name string) {
	t.Helper()
	if s.canonical {
		b.screenshot(t, name)
	}
}
