//go:build built

package server

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// webComponents is an article on another site with two <liaison-timeline>
// elements, each with its fallback link, and embed.js unless the CMS took
// scripts out.
func webComponents(liaison string, script bool) string {
	page := `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body style="margin:0 auto;width:800px">
<h1>A news story</h1>
<liaison-timeline id="first" src="` + liaison + `/t/james-norton">
  <a href="` + liaison + `/t/james-norton">Who dated whom: the timeline</a>
</liaison-timeline>
<p>The story goes on.</p>
<liaison-timeline id="second" src="` + liaison + `/t/james-norton?person=david-harbour&amp;title=0">
  <a href="` + liaison + `/t/james-norton?person=david-harbour">David Harbour's relationships</a>
</liaison-timeline>
<p>The end.</p>
`
	if script {
		page += `<script src="` + liaison + `/embed.js" async></script>`
	}
	return page + "</body></html>"
}

// TestBrowserWebComponent puts two <liaison-timeline> elements into an
// article on another site: each becomes a lazy, full-width iframe of its
// timeline's embed, titled by its fallback link, which it hides; each
// follows its own content's height; a filter in one changes only it; a
// message from the article resizes nothing; a new src shows the new view;
// and an element added later works too, with an exported site's page. Without embed.js (a CMS that
// drops scripts, a blocked script), the fallback links show.
func TestBrowserWebComponent(t *testing.T) {
	liaison := startServer(t, "")
	pages := map[string]string{}
	host := hostSite(t, pages)
	pages["/story"] = webComponents(liaison.URL, true)
	pages["/no-script"] = webComponents(liaison.URL, false)
	b := newBrowser(t, 1000, 900)

	b.run(t, chromedp.Navigate(host.URL+"/no-script"))
	var fallback []string
	b.eval(t, `[...document.querySelectorAll("liaison-timeline")].map(e => {
		const a = e.querySelector("a"), r = a.getBoundingClientRect();
		return [e.querySelectorAll("iframe").length, a.textContent, r.width > 0 && r.height > 0].join(" ");
	})`, &fallback)
	if want := []string{"0 Who dated whom: the timeline true", "0 David Harbour's relationships true"}; !slices.Equal(fallback, want) {
		t.Errorf("without embed.js, the elements show %q, want their links", fallback)
	}

	b.run(t, chromedp.Navigate(host.URL+"/story"))
	b.waitEmbedReady(t, "first")
	b.waitEmbedReady(t, "second")
	var frames []string
	b.eval(t, `[...document.querySelectorAll("liaison-timeline")].map(e => {
		const f = e.querySelector("iframe"), a = e.querySelector("a");
		return [f.src, f.title, f.loading, getComputedStyle(f).borderTopWidth, f.getBoundingClientRect().width, getComputedStyle(a).display].join(" | ");
	})`, &frames)
	want := []string{
		liaison.URL + "/embed/james-norton | Who dated whom: the timeline | lazy | 0px | 800 | none",
		liaison.URL + "/embed/james-norton?person=david-harbour&title=0 | David Harbour's relationships | lazy | 0px | 800 | none",
	}
	if !slices.Equal(frames, want) {
		t.Errorf("the elements' iframes are\n%q\nwant\n%q", frames, want)
	}
	if lanes := b.frameLanes(t, "first"); len(lanes) != 4 {
		t.Errorf("the first element shows the lanes %q, want all four", lanes)
	}
	if lanes := b.frameLanes(t, "second"); len(lanes) != 2 {
		t.Errorf("the second element shows the lanes %q, want David Harbour's two", lanes)
	}
	b.screenshot(t, "web-component-two.png")

	// A filter in the first shrinks it, and only it.
	before, second := b.frameHeight(t, "first"), b.frameHeight(t, "second")
	b.filterEmbed(t, "first", "lily", "lily-allen", false)
	b.waitFor(t, "the first iframe to shrink", `document.querySelector("#first iframe").getBoundingClientRect().height < `+ftoa(before-40))
	b.waitEmbedReady(t, "first")
	if h := b.frameHeight(t, "second"); h != second {
		t.Errorf("the second iframe went from %.0f to %.0f px when only the first changed", second, h)
	}

	// A message from the article, as the embed's would be, resizes nothing.
	height := b.frameHeight(t, "first")
	b.eval(t, `window.postMessage(JSON.stringify({type: "liaison:resize", height: 40}), "*"); true`, nil)
	time.Sleep(300 * time.Millisecond)
	if h := b.frameHeight(t, "first"); h != height {
		t.Errorf("a message from the article resized the iframe from %.0f to %.0f px", height, h)
	}

	// A new src shows its view in the same iframe.
	b.eval(t, `document.querySelector("#second").setAttribute("src", "`+liaison.URL+`/t/james-norton?person=imogen-poots"); true`, nil)
	b.waitFrame(t, "Imogen Poots's view", "second", `location.search == "?person=imogen-poots" && document.querySelector('main[data-interactive="true"]')`)
	b.waitEmbedReady(t, "second")
	var iframes int
	b.eval(t, `document.querySelectorAll("#second iframe").length`, &iframes)
	if iframes != 1 {
		t.Errorf("after a new src, the second element holds %d iframes", iframes)
	}

	// An element added after embed.js ran works as well, here with the
	// page of an export on a static host (its folder's URL, with a slash).
	static := httptest.NewServer(http.StripPrefix(exportBase, http.FileServer(http.Dir(exportDefaultSite(t)))))
	t.Cleanup(static.Close)
	b.eval(t, `(() => {
		const e = document.createElement("liaison-timeline");
		e.id = "third";
		e.setAttribute("src", "`+static.URL+exportBase+`/t/james-norton/?person=lily-allen");
		document.body.append(e);
		e.scrollIntoView();
		return true;
	})()`, nil)
	b.waitEmbedReady(t, "third")
	var src string
	b.eval(t, `document.querySelector("#third iframe").src`, &src)
	if want := static.URL + exportBase + "/embed/james-norton/?person=lily-allen"; src != want {
		t.Errorf("the element added later shows %s, want %s", src, want)
	}
	if lanes := b.frameLanes(t, "third"); len(lanes) != 3 || !slices.Contains(lanes, "lily-allen") {
		t.Errorf("the element added later shows the lanes %q, want Lily Allen's three", lanes)
	}
	b.checkConsole(t)
}

// frameLanes are the people of the lanes that the iframe in holder shows.
func (b *browser) frameLanes(t *testing.T, holder string) []string {
	t.Helper()
	var lanes []string
	if err := b.frameEval(t, holder, `[...document.querySelectorAll(".lane")].map(l => l.dataset.person)`, &lanes); err != nil {
		t.Fatal(err)
	}
	return lanes
}
