//go:build built

package server

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WordPress's files, from Debian's wordpress package (make wordpress).
var wordpressDir = filepath.Join("..", "..", "..", "..", "bin", "wordpress")

// readWordPress reads one of WordPress's files that make wordpress keeps.
func readWordPress(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(wordpressDir, name))
	if err != nil {
		t.Fatalf("WordPress's %s is missing (make wordpress fetches it from Debian's package): %v", name, err)
	}
	return string(b)
}

// WordPress's kses keeps only these elements and attributes of an oEmbed
// answer from a provider it does not know (wp_filter_oembed_result in
// wp-includes/embed.php), and drops every other tag, keeping its text.
var (
	wordpressAllowed = map[string][]string{
		"a":          {"href"},
		"blockquote": {},
		"iframe":     {"src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"},
	}
	wordpressTag  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:="[^"]*")?)*)\s*/?>`)
	wordpressAttr = regexp.MustCompile(`([a-zA-Z-]+)(?:="([^"]*)")?`)
	wordpressFit  = regexp.MustCompile(`(?s)(<blockquote>.*?</blockquote>)?.*(<iframe.*?></iframe>)`)
	iframeSrc     = regexp.MustCompile(` src="([^"]*)"`)
	// The replacements that end wp_filter_oembed_result, read from
	// embed.php: the hidden iframe and the blockquote's class when there
	// is a blockquote, then the iframe's class and sandbox.
	wordpressReplacements = regexp.MustCompile(`str_i?replace\( '(<iframe|<blockquote)', '([^']*)', \$html \)`)
)

// wordpressMarkup is the HTML that WordPress puts into a post for the
// oEmbed code of a provider it does not know, as wp_filter_oembed_result
// makes it (embed.php, whose replacements it reads), with the secret
// that it adds to the iframe's URL.
func wordpressMarkup(t *testing.T, code string) (markup, secret string) {
	t.Helper()
	kept := wordpressTag.ReplaceAllStringFunc(code, func(tag string) string {
		m := wordpressTag.FindStringSubmatch(tag)
		name := strings.ToLower(m[2])
		allowed, ok := wordpressAllowed[name]
		if !ok {
			return ""
		}
		if m[1] != "" {
			return "</" + name + ">"
		}
		out := "<" + name
		for _, a := range wordpressAttr.FindAllStringSubmatch(m[3], -1) {
			if slices.Contains(allowed, strings.ToLower(a[1])) {
				out += " " + strings.ToLower(a[1]) + `="` + a[2] + `"`
			}
		}
		return out + ">"
	})
	fit := wordpressFit.FindStringSubmatch(kept)
	if fit == nil || fit[2] == "" {
		t.Fatalf("WordPress keeps no iframe of the oEmbed code, and embeds nothing: %s", code)
	}
	markup = fit[1] + fit[2]
	secret = strings.ReplaceAll(rand.Text(), "2", "a")[:10] // WordPress's are ten letters and digits
	src := iframeSrc.FindStringSubmatch(markup)
	escaped := strings.ReplaceAll(strings.ReplaceAll(src[1], "&amp;", "&"), "&", "&#038;") // esc_url
	markup = strings.Replace(markup, src[0], ` src="`+escaped+`#?secret=`+secret+`" data-secret="`+secret+`"`, 1)
	markup = strings.Replace(markup, "<blockquote", `<blockquote data-secret="`+secret+`"`, 1)

	replacements := wordpressReplacements.FindAllStringSubmatch(readWordPress(t, "embed.php"), -1)
	if len(replacements) != 3 || !strings.Contains(replacements[2][2], `sandbox="allow-scripts"`) {
		t.Fatalf("embed.php's wp_filter_oembed_result changed: its replacements are %q", replacements)
	}
	for i, r := range replacements {
		if i < 2 && fit[1] == "" {
			continue // without a blockquote, the iframe is not hidden
		}
		markup = strings.ReplaceAll(markup, r[1], r[2])
	}
	return markup, secret
}

// wordpressHeight is the height that wp-embed.js gives an iframe whose
// content is content px tall: WordPress keeps it within 200 and 1000 px.
func wordpressHeight(content float64) float64 {
	return min(max(math.Ceil(content), 200), 1000)
}

// waitWordPressFit waits until the iframe in holder is as tall as
// wp-embed.js makes it for its content, and returns the content's height.
func (b *browser) waitWordPressFit(t *testing.T, holder string) float64 {
	t.Helper()
	var content, frame float64
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if err := b.frameEval(t, holder, `document.documentElement.getBoundingClientRect().height`, &content); err != nil {
			continue
		}
		frame = b.frameHeight(t, holder)
		if frame == wordpressHeight(content) {
			return content
		}
	}
	t.Fatalf("the iframe in #%s is %.0f px tall for %.0f px of content: want %.0f, WordPress's clamp of it", holder, frame, content, wordpressHeight(content))
	return 0
}

// wordpressPost serves a WordPress post on another site than Liaison's,
// in which the URL of a view of the default timeline (its query) was
// pasted: the post holds what WordPress
// makes of the oEmbed answer for a provider it does not know (a
// blockquote, then an iframe sandboxed with allow-scripts and a secret on
// its URL), in a column 800 px wide, and loads WordPress's own
// wp-embed.js. It returns Liaison's URL and the post's.
func wordpressPost(t *testing.T, query string) (liaison, post string) {
	t.Helper()
	srv := startServer(t, "")
	status, _, body := get(t, srv.URL+"/oembed?"+url.Values{"url": {srv.URL + "/t/james-norton" + query}, "maxwidth": {"800"}}.Encode())
	var answer oembedAnswer
	if err := json.Unmarshal([]byte(body), &answer); status != 200 || err != nil {
		t.Fatalf("oEmbed: %d %s", status, body)
	}
	markup, secret := wordpressMarkup(t, answer.HTML)
	t.Logf("WordPress's markup: %s", markup)
	if !strings.HasPrefix(markup, `<blockquote class="wp-embedded-content" data-secret="`+secret+`"><a href="`+srv.URL+`/t/james-norton`) {
		t.Errorf("WordPress keeps no blockquote with a link to the timeline first: %s", markup)
	}

	pages := map[string]string{}
	host := hostSite(t, pages)
	pages["/wp-embed.js"] = readWordPress(t, "wp-embed.js")
	pages["/post"] = `<!doctype html><html><head><meta charset="utf-8"><title>A post</title></head>
<body style="margin:0"><article style="width:800px;margin:0 auto">
<h1>A news story</h1><p>It begins.</p>
<figure id="graphic" class="wp-block-embed is-type-rich is-provider-liaison wp-block-embed-liaison" style="margin:0"><div class="wp-block-embed__wrapper">
` + markup + `
</div></figure>
<p>The story goes on.</p>
</article>
<script src="/wp-embed.js" id="wp-embed-js"></script>
</body></html>`
	// The post is on localhost, the timeline on 127.0.0.1: other sites.
	return srv.URL, strings.Replace(host.URL, "127.0.0.1", "localhost", 1) + "/post"
}

// waitWordPressShown waits for wp-embed.js to show the post's iframe and
// hide its blockquote, which it does at the embed's first message.
func (b *browser) waitWordPressShown(t *testing.T) {
	t.Helper()
	b.waitFor(t, "wp-embed.js to show the iframe and hide the blockquote",
		`(f => f && !f.hasAttribute("style") && f.height > 0)(document.querySelector("#graphic iframe")) &&
		getComputedStyle(document.querySelector("#graphic blockquote")).display == "none"`)
}

// TestBrowserWordPressPaste pastes a timeline's URL into a WordPress post
// (wordpressPost). The timeline shows, interactive, in the sandbox's
// opaque origin; WordPress hides the blockquote and sizes the iframe to
// the content within its 200-1000 px; the filter works and the iframe
// follows it; the link to the full timeline opens it in the post's tab;
// nothing is logged.
func TestBrowserWordPressPaste(t *testing.T) {
	liaison, post := wordpressPost(t, "")
	b := newBrowser(t, 1000, 900, framesInOneProcess)
	b.run(t, chromedp.Navigate(post))
	b.waitWordPressShown(t)
	b.waitFrame(t, "the WebAssembly to take over", "graphic", `document.querySelector('main[data-interactive="true"]')`)
	var origin string
	if err := b.frameEval(t, "graphic", `origin`, &origin); err != nil {
		t.Fatal(err)
	}
	if origin != "null" {
		t.Fatalf("the embed's origin is %q, want null: WordPress's sandbox is not in place", origin)
	}
	whole := b.waitWordPressFit(t, "graphic")
	t.Logf("the whole timeline is %.0f px tall, its iframe %.0f", whole, b.frameHeight(t, "graphic"))

	b.filterEmbed(t, "graphic", "david", "david-harbour", false)
	b.waitFrame(t, "the filter", "graphic", `location.search == "?person=david-harbour" && document.querySelectorAll(".lane").length == 2`)
	filtered := b.waitWordPressFit(t, "graphic")
	if filtered >= whole || filtered > 1000 {
		t.Errorf("filtered to David Harbour, the content is %.0f px tall, the whole timeline's %.0f: want it shorter, within WordPress's 1000 px", filtered, whole)
	}
	b.screenshot(t, "wordpress-paste.png")
	b.checkConsole(t)

	// The link to the full timeline asks wp-embed.js to open it in the
	// post's tab: the sandbox opens no window.
	b.run(t, chromedp.Click(`.liaison__credit a`, chromedp.ByQuery, chromedp.FromNode(b.frame(t, "graphic"))))
	b.waitFor(t, "the full timeline in the post's tab", fmt.Sprintf(`location.href == %q`, liaison+"/t/james-norton?person=david-harbour"))
}

// TestBrowserWordPressPasteWithoutWebAssembly opens a post with a view of
// two parameters (which WordPress's esc_url writes with &#038;) with the
// WebAssembly blocked: WordPress sizes the prerendered timeline, and a
// person's name, a link that loads the embed's page anew (without
// WordPress's secret in its URL), still gives WordPress the new height.
func TestBrowserWordPressPasteWithoutWebAssembly(t *testing.T) {
	_, post := wordpressPost(t, "?theme=dark&title=0")
	b := newBrowser(t, 1000, 900, framesInOneProcess)
	b.run(t, blockWasm(), chromedp.Navigate(post))
	b.waitWordPressShown(t)
	whole := b.waitWordPressFit(t, "graphic")
	var interactive bool
	if err := b.frameEval(t, "graphic", `!!document.querySelector('main[data-interactive="true"]')`, &interactive); err != nil || interactive {
		t.Fatalf("the embed took over (%v) with its WebAssembly blocked: this tests nothing", err)
	}
	b.run(t, chromedp.Click(`.lane[data-person="david-harbour"] .lane__link`, chromedp.ByQuery, chromedp.FromNode(b.frame(t, "graphic"))))
	b.waitFrame(t, "David Harbour's page, dark and without its title", "graphic", `(q => q.get("person") == "david-harbour" && q.get("theme") == "dark" && q.get("title") == "0")(new URLSearchParams(location.search)) &&
		document.querySelectorAll(".lane").length == 2 && !document.querySelector(".liaison__title")`)
	if filtered := b.waitWordPressFit(t, "graphic"); filtered >= whole {
		t.Errorf("filtered to David Harbour, the content is %.0f px tall, the whole timeline's %.0f: WordPress did not hear the new page", filtered, whole)
	}
}
