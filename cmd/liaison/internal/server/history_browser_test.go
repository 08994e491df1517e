//go:build built

package server

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// storyWithEmbeds is a news article, on another origin than liaison's,
// that embeds the timeline id twice with embed.js: #synced mirrors its
// view in the article's hash under "timeline" (with the extra attributes
// given), #plain does not.
func storyWithEmbeds(liaison, id, synced string) string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<h1 id="top">A news story</h1>
<div id="synced" data-liaison-src="` + liaison + `/embed/` + id + `" data-liaison-sync-url="timeline" ` + synced + `></div>
<p>The story goes on.</p>
<div id="plain" data-liaison-src="` + liaison + `/embed/` + id + `?title=0"></div>
<p id="comments">Comments.</p>
<script src="` + liaison + `/embed.js" async></script>
</body></html>`
}

// filterEmbed chooses a person with the filter inside the embed of holder,
// as a reader does, after clearing the filter if clear.
func (b *browser) filterEmbed(t *testing.T, holder, search, person string, clear bool) {
	t.Helper()
	frame := b.frame(t, holder)
	if clear {
		b.run(t, chromedp.Click(`.filter__clear`, chromedp.ByQuery, chromedp.FromNode(frame)))
	}
	b.run(t,
		chromedp.Click(`#person-search`, chromedp.ByQuery, chromedp.FromNode(frame)),
		chromedp.SendKeys(`#person-search`, search, chromedp.ByQuery, chromedp.FromNode(frame)),
		chromedp.WaitVisible(`#person-option-`+person, chromedp.ByQuery, chromedp.FromNode(frame)),
		chromedp.KeyEvent(kb.Enter),
	)
}

// embedQuery is the query of the embed's own URL in holder, as it shows
// it: its view.
func (b *browser) embedQuery(t *testing.T, holder string) string {
	t.Helper()
	var q string
	if err := b.frameEval(t, holder, `location.search.replace(/^\?/, "")`, &q); err != nil {
		t.Fatal(err)
	}
	return q
}

// waitEmbedView waits up to ten seconds for the embed in holder to show
// the view want (decoded) in its URL.
func (b *browser) waitEmbedView(t *testing.T, holder, want string) {
	t.Helper()
	var got string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if err := b.frameEval(t, holder, `decodeURIComponent(location.search.replace(/^\?/, ""))`, &got); err == nil && got == want {
			return
		}
	}
	t.Fatalf("the embed in #%s shows the view %q, want %q", holder, got, want)
}

// hashView is the view mirrored under key in the article's hash, and
// whether it is there.
func (b *browser) hashView(t *testing.T, key string) (string, bool) {
	t.Helper()
	var v struct {
		State string
		Found bool
	}
	b.eval(t, `(p => ({State: p.get(`+"`"+key+"`"+`) || "", Found: p.has(`+"`"+key+"`"+`)}))(new URLSearchParams(location.hash.slice(1)))`, &v)
	return v.State, v.Found
}

// TestBrowserEmbedHistory filters, zooms and opens details inside two
// embeds of an article that a reader reached from another page. The
// article's hash is not touched before the reader does something, then
// always holds the synced embed's current view (whether or not its height
// changed) next to the article's own anchor; neither embed adds an entry
// to the article's history, so Back leaves the article.
func TestBrowserEmbedHistory(t *testing.T) {
	liaison := startServer(t, writeFiles(t, map[string]string{"pairs.json": twoCouples}))
	pages := map[string]string{"/before": `<!doctype html><title>Before</title><p>The front page.`}
	host := hostSite(t, pages)
	pages["/story"] = storyWithEmbeds(liaison.URL, "pairs", "")

	b := newBrowser(t, 1100, 900)
	b.run(t, chromedp.Navigate(host.URL+"/before"), chromedp.Navigate(host.URL+"/story#comments"))
	b.waitEmbedReady(t, "synced")
	b.waitEmbedReady(t, "plain")
	var length int
	var hash string
	b.eval(t, `history.length`, &length)
	b.eval(t, `location.hash`, &hash)
	if hash != "#comments" {
		t.Errorf("before the reader did anything, the article's hash became %q, want #comments", hash)
	}

	mirrored := func(what string) {
		t.Helper()
		want := b.embedQuery(t, "synced")
		b.waitFor(t, "the view after "+what+" ("+want+") in the article's hash",
			`new URLSearchParams(location.hash.slice(1)).get("timeline") === `+"`"+want+"`"+` && location.hash.startsWith("#comments&")`)
	}
	height := func() float64 { return b.frameHeight(t, "synced") }

	b.filterEmbed(t, "synced", "ann", "ann", false)
	b.waitEmbedView(t, "synced", "person=ann")
	mirrored("a filter")
	// Ann's lanes are Bob's: the embed keeps its height, and the view is
	// mirrored all the same.
	before := height()
	b.filterEmbed(t, "synced", "bob", "bob", false)
	b.waitEmbedView(t, "synced", "person=ann,bob")
	if after := height(); after != before {
		t.Fatalf("choosing Bob too changed the embed's height (%.0f to %.0f px): this tests nothing", before, after)
	}
	mirrored("another filter of the same height")
	b.run(t, chromedp.Click(`.zoom__in`, chromedp.ByQuery, chromedp.FromNode(b.frame(t, "synced"))))
	b.waitFor(t, "the zoom in the embed's URL", `new Promise(r => setTimeout(() => r(true), 500))`)
	if q, _ := url.ParseQuery(b.embedQuery(t, "synced")); q.Get("from") == "" {
		t.Fatalf("zooming in did not put the window in the embed's URL: %q", b.embedQuery(t, "synced"))
	}
	mirrored("a zoom")

	b.filterEmbed(t, "plain", "cat", "cat", false)
	b.waitEmbedView(t, "plain", "person=cat&title=0")
	var after int
	b.eval(t, `history.length`, &after)
	if after != length {
		t.Errorf("three filters and a zoom inside the embeds took the article's history from %d entries to %d", length, after)
	}
	if _, found := b.hashView(t, "liaison"); found {
		t.Error("the embed without data-liaison-sync-url wrote its view into the article's hash")
	}

	b.checkConsole(t)
	b.run(t, chromedp.Evaluate(`history.back()`, nil))
	b.waitFor(t, "Back to leave the article for the page before it", `location.pathname == "/before"`)
}

// TestBrowserEmbedHistoryPush embeds a timeline in an article that asked
// for the widget's filters in its history (data-liaison-history="push"):
// each filter (Clear too) is an entry, Back shows the previous one in the
// widget, and a zoom replaces the entry it belongs to.
func TestBrowserEmbedHistoryPush(t *testing.T) {
	liaison := startServer(t, "")
	pages := map[string]string{}
	host := hostSite(t, pages)
	pages["/story"] = storyWithEmbeds(liaison.URL, "james-norton", `data-liaison-history="push"`)

	b := newBrowser(t, 1100, 900)
	b.run(t, chromedp.Navigate(host.URL+"/story"))
	b.waitEmbedReady(t, "synced")
	var length int
	b.eval(t, `history.length`, &length)

	b.filterEmbed(t, "synced", "imogen", "imogen-poots", false)
	b.waitFor(t, "the first filter in the hash", `location.hash == "#timeline=person%3Dimogen-poots"`)
	b.filterEmbed(t, "synced", "david", "david-harbour", true)
	b.waitFor(t, "the second filter in the hash", `location.hash == "#timeline=person%3Ddavid-harbour"`)
	b.run(t, chromedp.Click(`.zoom__in`, chromedp.ByQuery, chromedp.FromNode(b.frame(t, "synced"))))
	b.waitFor(t, "the zoom in the hash", `(v => v.get("person") == "david-harbour" && v.has("from"))(new URLSearchParams(new URLSearchParams(location.hash.slice(1)).get("timeline")))`)
	var after int
	b.eval(t, `history.length`, &after)
	if after != length+3 {
		t.Errorf("a filter, Clear, another filter and a zoom took the article's history from %d entries to %d, want one more for each but the zoom", length, after)
	}

	b.run(t, chromedp.Evaluate(`history.back()`, nil))
	b.waitFor(t, "Clear's entry", `location.hash == "#timeline="`)
	b.waitEmbedView(t, "synced", "")
	b.run(t, chromedp.Evaluate(`history.back()`, nil))
	b.waitFor(t, "the first filter's entry", `location.hash == "#timeline=person%3Dimogen-poots"`)
	b.waitEmbedView(t, "synced", "person=imogen-poots")
	b.waitEmbedReady(t, "synced")
	var lanes []string
	if err := b.frameEval(t, "synced", `[...document.querySelectorAll(".lane")].map(l => l.dataset.person)`, &lanes); err != nil {
		t.Fatal(err)
	}
	if len(lanes) != 2 {
		t.Errorf("Back shows the lanes %q, want Imogen Poots and her partner", lanes)
	}
	b.checkConsole(t)
}
