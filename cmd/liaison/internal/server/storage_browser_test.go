//go:build built

package server

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browsers refuse site storage to profiles that block site data, to
// cross-site embeds under strict settings, and to sandboxed iframes
// without allow-same-origin: reading localStorage throws. The timeline
// keeps nothing in storage and must work fully there.

// blockedStorage is a Chromium profile whose settings block every site
// from keeping data ("Don't allow sites to save data"), made in a
// directory that the test removes.
func blockedStorage(t *testing.T) chromedp.ExecAllocatorOption {
	t.Helper()
	profile, err := os.MkdirTemp(profiles, "blocked-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(profile) })
	if err := os.MkdirAll(filepath.Join(profile, "Default"), 0o755); err != nil {
		t.Fatal(err)
	}
	prefs := `{"profile": {"default_content_setting_values": {"cookies": 2}}}`
	if err := os.WriteFile(filepath.Join(profile, "Default", "Preferences"), []byte(prefs), 0o644); err != nil {
		t.Fatal(err)
	}
	return chromedp.UserDataDir(profile)
}

// framesInOneProcess keeps the frames of other sites, and sandboxed
// frames, in their page's process, where a test reaches inside them;
// Chromium otherwise isolates them in processes of their own.
var framesInOneProcess = chromedp.Flag("disable-site-isolation-trials", true)

// storageCheck says what reading localStorage does in a page: "allowed",
// or the name of the error it throws.
const storageCheck = `(() => { try { localStorage.length; return "allowed" } catch (e) { return e.name } })()`

// withoutStorageNoise drops what go-app's app.js logs, and carries on
// after, where the browser refuses storage: its service worker, which
// Liaison does not need (see selfRemovingWorker), cannot register.
func (b *browser) withoutStorageNoise() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = slices.DeleteFunc(b.problems, func(p string) bool {
		return strings.Contains(p, "goapp service worker registration failed")
	})
}

// TestBrowserStorageBlocked opens the page and an embed in a profile that
// blocks site data: filtering, zooming and details work, and the embed
// follows its content.
func TestBrowserStorageBlocked(t *testing.T) {
	liaison := startServer(t, "")
	pages := map[string]string{}
	host := hostSite(t, pages)
	pages["/story"] = `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<h1>A news story</h1>
<div id="graphic" data-liaison-src="` + liaison.URL + `/embed/james-norton"></div>
<script src="` + liaison.URL + `/embed.js" async></script>
</body></html>`
	b := newBrowser(t, 1280, 900, blockedStorage(t))

	// (On a page of the site without the WebAssembly, which puts a
	// storage of its own in place of the one refused.)
	var refused string
	b.run(t, chromedp.Navigate(liaison.URL+"/healthz"), chromedp.Evaluate(storageCheck, &refused))
	if refused != "SecurityError" {
		t.Fatalf("localStorage in the blocking profile: %s, want a SecurityError, or this tests nothing", refused)
	}

	b.run(t, chromedp.Navigate(liaison.URL+timelineURL), waitInteractive())
	b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, "lil", chromedp.ByQuery))
	b.waitFor(t, "the option Lily Allen", `document.querySelector("#person-option-lily-allen")`)
	b.run(t, chromedp.KeyEvent("\r"))
	b.waitFor(t, "the filter to show Lily Allen's lanes", `location.search == "?person=lily-allen" && document.querySelectorAll(".lane").length == 3`)
	b.run(t, chromedp.Click(`.zoom__in`, chromedp.ByQuery))
	b.waitFor(t, "the zoom in the URL", `new URLSearchParams(location.search).has("from")`)
	b.run(t, chromedp.Click(`#bar-david-harbour-lily-allen-david-harbour`, chromedp.ByQuery))
	b.waitFor(t, "the details", `document.querySelector(".details__title")?.textContent == "Lily Allen & David Harbour"`)

	b.run(t, chromedp.Navigate(host.URL+"/story"))
	b.waitEmbedReady(t, "graphic")
	before := b.frameHeight(t, "graphic")
	b.filterEmbed(t, "graphic", "david", "david-harbour", false)
	b.waitFor(t, "the iframe to follow the filtered timeline", `document.querySelector("#graphic iframe").getBoundingClientRect().height < `+ftoa(before-40))
	b.withoutStorageNoise()
	b.checkConsoleBut404s(t, "/favicon.ico") // Chromium asks for it for /healthz, which has no icon
}

// TestBrowserEmbedSandboxed embeds the timeline in an iframe sandboxed
// without allow-same-origin, on another site than the article's (as
// WordPress does with the oEmbed providers it does not know): the
// embed's document has an opaque origin and no storage. The page around
// it sizes the iframe from its messages, as a CMS does; the timeline
// becomes interactive, its filter works, and the iframe follows it.
func TestBrowserEmbedSandboxed(t *testing.T) {
	liaison := startServer(t, "")
	pages := map[string]string{}
	host := hostSite(t, pages)
	// The article is on localhost, the timeline on 127.0.0.1: other sites.
	article := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	pages["/story"] = `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<h1>A news story</h1>
<div id="graphic"><iframe sandbox="allow-scripts" src="` + liaison.URL + `/embed/james-norton" title="Timeline" style="display:block;width:100%;height:300px;border:0"></iframe></div>
<script>
window.heights = [];
window.addEventListener("message", (e) => {
  const frame = document.querySelector("#graphic iframe");
  if (e.source !== frame.contentWindow || typeof e.data != "string") return;
  const m = JSON.parse(e.data);
  if (m.type != "liaison:resize") return;
  window.heights.push(m.height);
  window.origins = e.origin;
  frame.style.height = m.height + "px";
});
</script>
</body></html>`
	b := newBrowser(t, 1100, 900, framesInOneProcess)
	b.run(t, chromedp.Navigate(article+"/story"))
	b.waitEmbedReady(t, "graphic")
	var refused, origin string
	if err := b.frameEval(t, "graphic", `[`+storageCheck+`, origin]`, &[]*string{&refused, &origin}); err != nil {
		t.Fatal(err)
	}
	if origin != "null" {
		t.Fatalf("the sandboxed embed's origin is %q, want null (opaque), or this tests nothing", origin)
	}
	before := b.frameHeight(t, "graphic")
	b.filterEmbed(t, "graphic", "david", "david-harbour", false)
	b.waitFor(t, "the iframe to follow the filtered timeline", `document.querySelector("#graphic iframe").getBoundingClientRect().height < `+ftoa(before-40))
	var lanes []string
	if err := b.frameEval(t, "graphic", `[...document.querySelectorAll(".lane")].map(l => l.dataset.person)`, &lanes); err != nil {
		t.Fatal(err)
	}
	if want := []string{"lily-allen", "david-harbour"}; !slices.Equal(lanes, want) && !slices.Equal(lanes, []string{"david-harbour", "lily-allen"}) {
		t.Errorf("filtered to David Harbour, the sandboxed embed shows %q", lanes)
	}
	b.checkConsole(t)
}
