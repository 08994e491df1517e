package app

import (
	"net/url"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// TestEmbedHeight checks the height of the embeds that cannot size
// themselves in the views that change it; the browser test
// TestBrowserOEmbedCode checks it against what Chromium draws.
func TestEmbedHeight(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lonely := mustParseTimeline(t, `{"schema":"timeline/v1","id":"lonely","title":"Lonely",
		"people":[{"id":"ann","name":"Ann"}],"relationships":[]}`)
	height := func(tl *data.Timeline, query string) int {
		q, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		return EmbedHeight(tl, ParseViewState(q), testNow, 800)
	}
	all, filtered, untitled := height(tl, ""), height(tl, "person=david-harbour"), height(tl, "title=0")
	if filtered >= all {
		t.Errorf("filtered to two lanes of four, the embed is %d px, and %d with all", filtered, all)
	}
	if untitled >= all {
		t.Errorf("without its title the embed is %d px, and %d with it", untitled, all)
	}
	if legendless := height(tl, "hide=legend"); legendless >= all {
		t.Errorf("without its legend the embed is %d px, and %d with it", legendless, all)
	}
	if unknown := height(tl, "person=nobody"); unknown != all {
		t.Errorf("filtered to nobody the timeline has, the embed is %d px, want all of it, %d", unknown, all)
	}
	if narrow := EmbedHeight(tl, ViewState{}, testNow, 320); narrow <= all {
		t.Errorf("320 px wide, where the title wraps, the embed is %d px, and %d at 800", narrow, all)
	}
	if empty := height(lonely, ""); empty <= 0 || empty >= all {
		t.Errorf("a timeline of no relationships is %d px tall", empty)
	}
}

// TestEmbedCodes checks the code of every target for the panel's
// choices (the origin is the page's, which a test on the machine has
// not: the codes start at the path). TestBrowserEmbedOptions chooses
// them in the panel.
func TestEmbedCodes(t *testing.T) {
	view := ParseViewState(url.Values{"person": {"lily-allen"}, "at": {"2022-06"}, "find": {"x"}, "theme": {"purple"}, "lang": {"de"}})
	shown := func(hidden ...string) map[string]bool {
		m := map[string]bool{"title": true, "legend": true, "events": true, "sources": true}
		for _, h := range hidden {
			m[h] = false
		}
		return m
	}
	tests := []struct {
		what  string
		c     embedCode
		codes map[string]string
	}{
		{"the view on screen", embedCode{theme: ThemeAuto, shown: shown()}, map[string]string{
			embedScriptID: `<div data-liaison-src="/embed/tl?at=2022-06&amp;lang=de&amp;person=lily-allen"><noscript>` +
				`<a href="/t/tl?at=2022-06&amp;lang=de&amp;person=lily-allen"><img src="/t/tl.png?at=2022-06&amp;lang=de&amp;person=lily-allen" alt="A &amp; B" style="max-width:100%;height:auto"></a>` +
				`</noscript></div>` + "\n" + `<script src="/embed.js" async></script>`,
			embedElementID: `<liaison-timeline src="/embed/tl?at=2022-06&amp;lang=de&amp;person=lily-allen">` + "\n" +
				`  <a href="/t/tl?at=2022-06&amp;lang=de&amp;person=lily-allen">A &amp; B</a>` + "\n" +
				`</liaison-timeline>` + "\n" + `<script src="/embed.js" async></script>`,
			embedIframeID: `<iframe src="/embed/tl?at=2022-06&amp;lang=de&amp;person=lily-allen" title="A &amp; B" width="100%" height="720" style="border:0" loading="lazy"></iframe>`,
			embedURLID:    `/t/tl?at=2022-06&lang=de&person=lily-allen`,
		}},
		{"the whole timeline, dark, without legend and title", embedCode{theme: ThemeDark, whole: true, shown: shown("legend", "title")}, map[string]string{
			embedIframeID: `<iframe src="/embed/tl?hide=legend&amp;lang=de&amp;theme=dark&amp;title=0" title="A &amp; B" width="100%" height="720" style="border:0" loading="lazy"></iframe>`,
			embedAMPID: `<amp-iframe src="/embed/tl?hide=legend&amp;lang=de&amp;theme=dark&amp;title=0" title="A &amp; B" width="800" height="720" layout="responsive" resizable frameborder="0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox">` + "\n" +
				`  <amp-img src="/t/tl.png?lang=de&amp;theme=dark" alt="A &amp; B" layout="fill" placeholder></amp-img>` + "\n" +
				`  <div overflow tabindex="0" role="button">Show the whole timeline</div>` + "\n" +
				`</amp-iframe>`,
			embedURLID: `/t/tl?hide=legend&lang=de&theme=dark&title=0`,
		}},
		{"the host's theme, without events and sources", embedCode{theme: ThemeHost, shown: shown("events", "sources")}, map[string]string{
			embedURLID: `/t/tl?at=2022-06&hide=events,sources&lang=de&person=lily-allen&theme=host`,
		}},
	}
	for _, tt := range tests {
		c := tt.c
		c.Embed(view, "tl", "A & B")
		urls := c.urls(c.embedded())
		for _, target := range embedTargets {
			if want, ok := tt.codes[target.id]; ok {
				if got := target.code(urls); got != want {
					t.Errorf("%s: the %s code is\n%s\nwant\n%s", tt.what, target.id, got, want)
				}
			}
		}
	}
}
