//go:build built

package server

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-timeline/liaison/app"
)

// embedPreview is an expression of the Embed panel's preview's document.
const embedPreview = `document.querySelector("#embed-preview").contentDocument`

// waitPreview waits until the Embed panel's preview shows the embed of
// query (without "?"), taken over by the WebAssembly.
func (b *browser) waitPreview(t *testing.T, query string) {
	t.Helper()
	b.waitFor(t, "the preview of ?"+query,
		`(d => d && d.location.search == "`+withMark(query)+`" && d.querySelector('main[data-interactive="true"]'))(`+embedPreview+`)`)
}

// withMark is query with its "?", or "" for none.
func withMark(query string) string {
	if query == "" {
		return ""
	}
	return "?" + query
}

// TestBrowserEmbedOptions chooses each option of the full page's Embed
// panel, with the mouse and the keyboard, and checks the code it makes
// for each kind of page and the preview, which honours it: where the
// embed starts, its theme, the parts it hides. The panel passes axe at
// 1280 px, light and dark, and fits a tablet and a 360 px phone.
func TestBrowserEmbedOptions(t *testing.T) {
	b, base := open(t, timelineURL+"?person=lily-allen&at=2022-06")
	if b.exists(t, "#embed-preview") {
		t.Fatal("the preview is in the page before the panel is opened")
	}
	b.run(t, chromedp.Click(`#embed-code-toggle`, chromedp.ByQuery))
	b.waitFor(t, "the embed panel", `document.querySelector("#embed-script")`)
	code := func(id string) string {
		var s string
		b.eval(t, `document.querySelector("#`+id+`").value`, &s)
		return s
	}
	choose := func(id string) {
		t.Helper()
		b.run(t, chromedp.Click(`label[for="`+id+`"]`, chromedp.ByQuery))
	}
	embedURL := func(query string) string { return base + "/embed/james-norton" + withMark(query) }
	scriptCode := func(query string) string {
		amp := func(s string) string { return strings.ReplaceAll(s, "&", "&amp;") }
		values, err := url.ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		picture := base + app.PictureURL("james-norton", app.ParseViewState(values), false)
		return `<div data-liaison-src="` + amp(embedURL(query)) + `"><noscript><a href="` + amp(base+"/t/james-norton"+withMark(query)) + `">` +
			`<img src="` + amp(picture) + `" alt="James Norton, Imogen Poots, Lily Allen and David Harbour" style="max-width:100%;height:auto"></a></noscript></div>` + "\n" +
			`<script src="` + base + `/embed.js" async></script>`
	}
	waitCode := func(what, query string) {
		t.Helper()
		want := scriptCode(query)
		b.waitFor(t, what+" in the code", `document.querySelector("#embed-script").value == `+jsString(want))
		b.waitPreview(t, query)
	}

	// Start at the view on screen, the default, or the whole timeline.
	waitCode("the view on screen", "at=2022-06&person=lily-allen")
	var lanes int
	b.eval(t, embedPreview+`.querySelectorAll(".lane").length`, &lanes)
	choose("embed-start-whole")
	waitCode("the whole timeline", "")
	var whole int
	b.eval(t, embedPreview+`.querySelectorAll(".lane").length`, &whole)
	if lanes >= whole || whole != 4 {
		t.Errorf("the preview shows %d lanes of the view and %d of the whole timeline, want fewer and 4", lanes, whole)
	}
	choose("embed-start-view")
	waitCode("the view on screen again", "at=2022-06&person=lily-allen")

	// The theme: the page is light; the preview takes the theme chosen.
	background := func() string {
		var s string
		b.eval(t, `getComputedStyle(`+embedPreview+`.body).backgroundColor`, &s)
		return s
	}
	const light, dark = "rgb(251, 250, 247)", "rgb(20, 23, 31)"
	if got := background(); got != light {
		t.Errorf("following the reader's light system, the preview's background is %s, want %s", got, light)
	}
	choose("embed-theme-dark")
	waitCode("theme=dark", "at=2022-06&person=lily-allen&theme=dark")
	if got := background(); got != dark {
		t.Errorf("with theme=dark, the preview's background is %s, want %s", got, dark)
	}
	// The keyboard moves along the themes, as along any radio buttons.
	b.run(t, chromedp.Focus(`#embed-theme-dark`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	waitCode("theme=host, chosen with the arrow key", "at=2022-06&person=lily-allen&theme=host")
	// This page is the preview's host page: it tells it its scheme.
	b.waitFor(t, "the preview told the host's scheme", embedPreview+`.documentElement.dataset.hostTheme == "light"`)
	if got := background(); got != light {
		t.Errorf("with theme=host on a light page, the preview's background is %s, want %s", got, light)
	}
	choose("embed-theme-auto")
	waitCode("no theme", "at=2022-06&person=lily-allen")

	// The parts the embed shows.
	shows := func(selector string) bool {
		var ok bool
		b.eval(t, `!!`+embedPreview+`.querySelector("`+selector+`")`, &ok)
		return ok
	}
	parts := []struct{ name, selector, query string }{
		{"legend", ".legend", "at=2022-06&hide=legend&person=lily-allen"},
		{"title", ".liaison__title", "at=2022-06&hide=legend&person=lily-allen&title=0"},
		{"events", ".events", "at=2022-06&hide=legend,events&person=lily-allen&title=0"},
		{"sources", ".sources", "at=2022-06&hide=legend,events,sources&person=lily-allen&title=0"},
	}
	for _, p := range parts {
		if !shows(p.selector) {
			t.Errorf("the preview shows no %s before it is hidden", p.name)
		}
		choose("embed-show-" + p.name)
		waitCode("no "+p.name, p.query)
		if shows(p.selector) {
			t.Errorf("the preview shows its %s, hidden", p.name)
		}
	}
	b.run(t, chromedp.Focus(`#embed-show-legend`, chromedp.ByQuery), chromedp.KeyEvent(" "))
	waitCode("the legend again, with the space bar", "at=2022-06&hide=events,sources&person=lily-allen&title=0")
	for _, name := range []string{"title", "events", "sources"} {
		choose("embed-show-" + name)
	}
	waitCode("everything shown again", "at=2022-06&person=lily-allen")

	// The code for each kind of page, each with its Copy button.
	b.viewScreenshot(t, "embed-panel-1280.png")
	src := strings.ReplaceAll(embedURL("at=2022-06&person=lily-allen"), "&", "&amp;")
	const title = "James Norton, Imogen Poots, Lily Allen and David Harbour"
	targets := []struct{ id, label, want string }{
		{"embed-element", "Web component", `<liaison-timeline src="` + src + `">` + "\n" +
			`  <a href="` + base + `/t/james-norton?at=2022-06&amp;person=lily-allen">` + title + `</a>` + "\n" +
			`</liaison-timeline>` + "\n" + `<script src="` + base + `/embed.js" async></script>`},
		{"embed-iframe", "Plain iframe", `<iframe src="` + src + `" title="` + title + `" width="100%" height="720" style="border:0" loading="lazy"></iframe>`},
		{"embed-amp", "AMP", `<amp-iframe src="` + src + `" title="` + title + `" width="800" height="720" layout="responsive" resizable frameborder="0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox">` + "\n" +
			`  <amp-img src="` + base + `/t/james-norton.png?at=2022-06&amp;person=lily-allen" alt="` + title + `" layout="fill" placeholder></amp-img>` + "\n" +
			`  <div overflow tabindex="0" role="button">Show the whole timeline</div>` + "\n</amp-iframe>"},
		{"embed-url", "WordPress or Ghost (link)", base + "/t/james-norton?at=2022-06&person=lily-allen"},
		{"embed-script", "Script (recommended)", scriptCode("at=2022-06&person=lily-allen")},
	}
	for _, tt := range targets {
		choose("embed-target-" + tt.id)
		b.waitFor(t, "the "+tt.label+" code", `document.querySelector("#`+tt.id+`")`)
		if got := code(tt.id); got != tt.want {
			t.Errorf("the %s code is\n%s\nwant\n%s", tt.label, got, tt.want)
		}
		var label string
		b.eval(t, `document.querySelector('label[for="`+tt.id+`"].embed-code__label').textContent`, &label)
		if label != tt.label {
			t.Errorf("the code's field is labelled %q, want %q", label, tt.label)
		}
		b.run(t, chromedp.Click(`.embed-code__copy[data-copies="`+tt.id+`"]`, chromedp.ByQuery))
		b.waitFor(t, "the "+tt.label+" code copied", `document.querySelector(".embed-code__status").textContent == `+jsString(tt.label+" code copied."))
	}

	for _, scheme := range []string{"light", "dark"} {
		b.run(t, colorScheme(scheme))
		for _, v := range b.audit(t) {
			t.Errorf("the open panel, %s: %s (%s): %s", scheme, v.ID, v.Impact, v.Help)
		}
	}
	b.viewScreenshot(t, "embed-panel-1280-dark.png")

	// On a tablet and a phone, the panel fits the screen, and its
	// preview under it.
	for _, width := range []int64{1024, 768, 600, 360} {
		b.run(t, chromedp.EmulateViewport(width, 800))
		b.waitFor(t, "the page at "+strconv.FormatInt(width, 10)+" px", `innerWidth == `+strconv.FormatInt(width, 10))
		var box struct{ Left, Right, Width float64 }
		b.eval(t, `(r => ({Left: r.left, Right: r.right, Width: innerWidth}))(document.querySelector("#embed-code-panel").getBoundingClientRect())`, &box)
		if box.Left < 0 || box.Right > box.Width {
			t.Errorf("at %d px the panel spans %.0f to %.0f px of %.0f", width, box.Left, box.Right, box.Width)
		}
	}
	b.screenshot(t, "embed-panel-360.png")
	b.checkConsole(t)
}

// TestBrowserEmbedFollowsHostTheme puts two embeds into a news page on
// another origin, one with theme=host: it takes the page's scheme, as the
// page names it (data-liaison-theme) or shows it (its background), and
// follows it as it changes; the other follows the reader's system.
func TestBrowserEmbedFollowsHostTheme(t *testing.T) {
	srv := startServer(t, "")
	host := hostSite(t, map[string]string{"/story": `<!doctype html><html data-liaison-theme="dark"><head><meta charset="utf-8"><title>A story</title></head><body>
<div id="host" data-liaison-src="` + srv.URL + `/embed/james-norton?theme=host&amp;person=david-harbour"></div>
<div id="system" data-liaison-src="` + srv.URL + `/embed/james-norton?person=david-harbour"></div>
<script src="` + srv.URL + `/embed.js" async></script>
</body></html>`})
	b := newBrowser(t, 1000, 900)
	b.run(t, colorScheme("light"), chromedp.Navigate(host.URL+"/story"))
	b.waitEmbedReady(t, "host")
	b.waitEmbedReady(t, "system")
	const light, dark = "rgb(251, 250, 247)", "rgb(20, 23, 31)"
	background := func(holder, want string) {
		t.Helper()
		b.waitFrame(t, "the background "+want, holder, `getComputedStyle(document.body).backgroundColor == "`+want+`"`)
	}
	background("host", dark)
	background("system", light)

	b.eval(t, `document.documentElement.setAttribute("data-liaison-theme", "light"); true`, nil)
	background("host", light)

	// Without a name for it, the page's background says its scheme.
	b.eval(t, `document.documentElement.removeAttribute("data-liaison-theme"); document.body.style.background = "#101010"; true`, nil)
	background("host", dark)
	background("system", light)
	b.checkConsole(t)
}

// TestBrowserEmbedPanelOnEverySurface opens the Embed panel of the full
// page where a reader meets it, served and exported: its preview shows
// the embed of the options chosen, under the site's prefix.
func TestBrowserEmbedPanelOnEverySurface(t *testing.T) {
	onEverySurface(t, "?person=david-harbour", func(t *testing.T, b *browser, s surface) {
		if s.embed {
			if b.exists(t, "#embed-code-toggle") {
				t.Error("an embed offers the Embed panel")
			}
			return
		}
		b.run(t, chromedp.Click(`#embed-code-toggle`, chromedp.ByQuery))
		b.waitFor(t, "the embed panel", `document.querySelector("#embed-script")`)
		b.run(t, chromedp.Click(`label[for="embed-show-legend"]`, chromedp.ByQuery))
		b.waitFor(t, "the preview without its legend", `(d => d && d.location.search == "?hide=legend&person=david-harbour" &&
			d.querySelector('main[data-interactive="true"]') && !d.querySelector(".legend") && d.querySelectorAll(".lane").length == 2)(`+embedPreview+`)`)
		var src string
		b.eval(t, `document.querySelector("#embed-script").value`, &src)
		site := strings.TrimSuffix(s.url(""), "/") // the site's root, under its prefix
		if i := strings.Index(site, timelineURL); i >= 0 {
			site = site[:i]
		}
		if want := `<div data-liaison-src="` + site + `/embed/james-norton?hide=legend&amp;person=david-harbour"><noscript>`; !strings.HasPrefix(src, want) {
			t.Errorf("the script code is\n%s\nwant it to start with\n%s", src, want)
		}
		b.checkConsole(t)
	})
}
