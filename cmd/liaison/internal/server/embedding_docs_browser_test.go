//go:build built

package server

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// docsSite is the Liaison server that docs/embedding.md's codes name.
const docsSite = "https://liaison.example"

// TestBrowserEmbeddingDocs takes every HTML code of docs/embedding.md, as
// a newsroom copies it, with this server in place of docsSite. Each code
// that a browser here can run is pasted into an article on another site:
// its timeline becomes interactive, and an iframe that a script sizes
// fits its content. The rest (AMP's, which needs AMP's runtime, and the
// picture's) name only URLs that answer.
func TestBrowserEmbeddingDocs(t *testing.T) {
	doc, err := os.ReadFile("../../../../docs/embedding.md")
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, m := range regexp.MustCompile("(?s)```html\n(.*?)```").FindAllStringSubmatch(string(doc), -1) {
		if !slices.Contains(codes, m[1]) {
			codes = append(codes, m[1])
		}
	}
	if len(codes) < 5 {
		t.Fatalf("docs/embedding.md has %d HTML codes, want the web component's, the script's, the iframe's, AMP's and the picture's", len(codes))
	}
	liaison := startServer(t, "")
	pages := map[string]string{}
	host := hostSite(t, pages)
	b := newBrowser(t, 1000, 900)
	urls := regexp.MustCompile(`(?:src|href)="([^"]*)"`)
	for i, code := range codes {
		code = strings.ReplaceAll(code, docsSite, liaison.URL)
		if strings.Contains(code, "<amp-") || strings.Contains(code, ".png") {
			for _, u := range urls.FindAllStringSubmatch(code, -1) {
				if strings.HasSuffix(strings.SplitN(u[1], "?", 2)[0], ".png") {
					continue // the pictures are issue 18's part 4
				}
				if status, _, _ := get(t, strings.ReplaceAll(u[1], "&amp;", "&")); status != 200 {
					t.Errorf("code %d of docs/embedding.md names %s, which answers %d", i, u[1], status)
				}
			}
			continue
		}
		page := "/code-" + string(rune('a'+i))
		pages[page] = `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<h1>A news story</h1><div id="code">` + code + `</div></body></html>`
		b.run(t, chromedp.Navigate(host.URL+page))
		if strings.Contains(code, "embed.js") {
			b.waitEmbedReady(t, "code")
		} else {
			b.waitFrame(t, "the WebAssembly to take over", "code", `document.querySelector('main[data-interactive="true"]')`)
		}
		if lanes := b.frameLanes(t, "code"); len(lanes) != 3 {
			t.Errorf("code %d of docs/embedding.md shows the lanes %q, want Lily Allen's three:\n%s", i, lanes, code)
		}
	}
	b.checkConsole(t)
}
