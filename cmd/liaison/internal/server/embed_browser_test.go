//go:build built

package server

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// hostSite serves a news site's pages from another origin (another port on
// 127.0.0.1) than Liaison's: pages by path (scripts, by a path that ends
// in .js), and the pinned Pym.js from node_modules at /pym.js.
func hostSite(t *testing.T, pages map[string]string) *httptest.Server {
	t.Helper()
	pym, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "node_modules", "pym.js", "dist", "pym.v1.min.js"))
	if err != nil {
		t.Fatalf("Pym.js is not installed (make js runs npm ci): %v", err)
	}
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if r.URL.Path == "/pym.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(pym)
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".js") {
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Write([]byte(page))
	}))
	t.Cleanup(host.Close)
	return host
}

// frame is the document node of the iframe inside the element with the
// given id, for queries inside it.
func (b *browser) frame(t *testing.T, holder string) *cdp.Node {
	t.Helper()
	var nodes []*cdp.Node
	b.run(t, chromedp.Nodes("#"+holder+" iframe", &nodes, chromedp.ByQuery))
	return nodes[0]
}

// waitEmbedReady waits until the WebAssembly of the iframe inside the
// element with the given id has taken over, and the iframe is as tall as
// its content says (web/frame.js reports it from the first paint). A
// height other than embed.js's first one would not do: a content can be
// 600 px tall.
func (b *browser) waitEmbedReady(t *testing.T, holder string) {
	t.Helper()
	b.waitFrame(t, "the WebAssembly to take over", holder, `document.querySelector('main[data-interactive="true"]')`)
	var content float64
	var height string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if err := b.frameEval(t, holder, `Math.ceil(document.documentElement.getBoundingClientRect().height)`, &content); err != nil {
			continue
		}
		b.eval(t, `document.querySelector("#`+holder+` iframe").style.height`, &height)
		if height == ftoa(content)+"px" {
			return
		}
	}
	t.Fatalf("the iframe in #%s is %s tall, its content %.0f px: it did not follow its content in 20 s", holder, height, content)
}

// frameHeight is the height of the iframe inside the element with the
// given id, in CSS pixels.
func (b *browser) frameHeight(t *testing.T, holder string) float64 {
	t.Helper()
	var h float64
	b.eval(t, `document.querySelector("#`+holder+` iframe").getBoundingClientRect().height`, &h)
	return h
}

// TestBrowserEmbedScript puts two timelines into a news page on another
// origin with embed.js, and checks that both render, that each iframe's
// height follows its own content, that a foreign message does not resize
// them, and that the view is mirrored in the page's URL and restored
// from it.
func TestBrowserEmbedScript(t *testing.T) {
	srv := startServer(t, "")
	host := hostSite(t, map[string]string{"/story": `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<h1>A news story</h1>
<div id="first" data-liaison-src="` + srv.URL + `/embed/james-norton" data-liaison-sync-url="timeline"></div>
<p>The story goes on.</p>
<div id="second" data-liaison-src="` + srv.URL + `/embed/james-norton?person=david-harbour&amp;title=0"></div>
<script src="` + srv.URL + `/embed.js" async></script>
</body></html>`})
	b := newBrowser(t, 1100, 900)
	b.run(t, chromedp.Navigate(host.URL+"/story"))
	b.waitFor(t, "both iframes sized by their content",
		`[...document.querySelectorAll("iframe")].length == 2 && [...document.querySelectorAll("iframe")].every(f => f.style.height != "600px")`)

	var attrs []string
	b.eval(t, `[...document.querySelectorAll("iframe")].map(f => [f.title, f.loading, getComputedStyle(f).borderTopWidth, f.getBoundingClientRect().width == document.body.clientWidth].join(" "))`, &attrs)
	for _, a := range attrs {
		if a != "Interactive relationship timeline lazy 0px true" {
			t.Errorf("iframe = %q, want a title, lazy loading, no border, full width", a)
		}
	}

	first, second := b.frame(t, "first"), b.frame(t, "second")
	b.run(t, chromedp.WaitVisible(`main[data-interactive="true"]`, chromedp.ByQuery, chromedp.FromNode(first)),
		chromedp.WaitVisible(`main[data-interactive="true"]`, chromedp.ByQuery, chromedp.FromNode(second)))
	var lanesFirst, lanesSecond []*cdp.Node
	b.run(t, chromedp.Nodes(`.lane`, &lanesFirst, chromedp.ByQueryAll, chromedp.FromNode(first)),
		chromedp.Nodes(`.lane`, &lanesSecond, chromedp.ByQueryAll, chromedp.FromNode(second)))
	if len(lanesFirst) != 4 || len(lanesSecond) != 2 {
		t.Errorf("the embeds show %d and %d lanes, want 4 and 2", len(lanesFirst), len(lanesSecond))
	}

	b.screenshot(t, "embed-two-widgets.png")

	// A filter inside the first embed shrinks it, and only it.
	before, secondBefore := b.frameHeight(t, "first"), b.frameHeight(t, "second")
	b.run(t,
		chromedp.Click(`#person-search`, chromedp.ByQuery, chromedp.FromNode(first)),
		chromedp.SendKeys(`#person-search`, "david", chromedp.ByQuery, chromedp.FromNode(first)),
		chromedp.WaitVisible(`#person-option-david-harbour`, chromedp.ByQuery, chromedp.FromNode(first)),
		chromedp.KeyEvent(kb.Enter),
	)
	b.waitFor(t, "the first iframe to shrink", `document.querySelector("#first iframe").getBoundingClientRect().height < `+ftoa(before-40))
	if h := b.frameHeight(t, "second"); h != secondBefore {
		t.Errorf("the second iframe went from %.0f to %.0f px when only the first changed", secondBefore, h)
	}
	// The view is mirrored in the page's hash (the first embed opted in).
	b.waitFor(t, "the view in the page's hash", `new URLSearchParams(location.hash.slice(1)).get("timeline") == "person=david-harbour"`)

	// A message from anyone but the iframe's own window and origin changes
	// nothing.
	height := b.frameHeight(t, "first")
	b.eval(t, `window.postMessage(JSON.stringify({type: "liaison:resize", height: 40, state: "person=x"}), "*"); true`, nil)
	time.Sleep(300 * time.Millisecond)
	if h := b.frameHeight(t, "first"); h != height {
		t.Errorf("a message from the host page resized the iframe from %.0f to %.0f px", height, h)
	}

	// A URL with the hash opens the embed in that view (a fresh visit: a
	// new hash alone would not reload the page).
	b.run(t, chromedp.Navigate("about:blank"), chromedp.Navigate(host.URL+"/story#timeline="+url.QueryEscape("person=lily-allen&rel=lily-allen-david-harbour")))
	b.waitFor(t, "the first iframe in the shared view", `document.querySelector("#first iframe")?.src.endsWith("/embed/james-norton?person=lily-allen&rel=lily-allen-david-harbour")`)
	b.waitEmbedReady(t, "first")
	first = b.frame(t, "first")
	var title string
	b.run(t, chromedp.Text(`.details__title`, &title, chromedp.ByQuery, chromedp.FromNode(first)))
	if title != "Lily Allen & David Harbour" {
		t.Errorf("the shared view's details show %q", title)
	}
	b.checkConsole(t)
}

// TestBrowserEmbedPymAndAMP embeds a timeline with a real Pym.js parent and
// listens as an AMP page does: both receive the embed's height.
func TestBrowserEmbedPymAndAMP(t *testing.T) {
	srv := startServer(t, "")
	host := hostSite(t, map[string]string{"/pym": `<!doctype html><html><head><meta charset="utf-8"><title>Pym</title></head><body>
<div id="graphic"></div>
<script>
window.ampHeights = [];
window.addEventListener("message", (e) => {
  if (e.data && e.data.sentinel === "amp" && e.data.type === "embed-size") window.ampHeights.push(e.data.height);
});
</script>
<script src="/pym.js"></script>
<script>new pym.Parent("graphic", "` + srv.URL + `/embed/james-norton?person=lily-allen", {title: "Timeline"});</script>
</body></html>`})
	b := newBrowser(t, 1000, 900)
	b.run(t, chromedp.Navigate(host.URL+"/pym"))
	b.waitFor(t, "Pym to size the iframe", `parseInt(document.querySelector("#graphic iframe")?.getAttribute("height")) > 200`)
	b.waitFor(t, "an AMP embed-size message", `window.ampHeights.length > 0`)
	var pymHeight, ampHeight float64
	b.eval(t, `parseInt(document.querySelector("#graphic iframe").getAttribute("height"))`, &pymHeight)
	b.eval(t, `window.ampHeights[window.ampHeights.length - 1]`, &ampHeight)
	if pymHeight != ampHeight {
		t.Errorf("Pym set %.0f px, AMP heard %.0f px: one height, two dialects", pymHeight, ampHeight)
	}
	var src string
	b.eval(t, `document.querySelector("#graphic iframe").src`, &src)
	if !strings.Contains(src, "childId=graphic") {
		t.Errorf("Pym's iframe is %s, without its childId", src)
	}
}

// TestBrowserEmbedShowsNewDataAfterRestart changes the data, restarts the
// server on the same address, and reloads the news page: the embed shows
// the new data, and no service worker stays behind.
func TestBrowserEmbedShowsNewDataAfterRestart(t *testing.T) {
	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{"james-norton.json": string(src)})
	addr := freeAddr(t)
	stop := serveAt(t, addr, dir)
	host := hostSite(t, map[string]string{"/story": `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<div id="graphic" data-liaison-src="http://` + addr + `/embed/james-norton"></div>
<script src="http://` + addr + `/embed.js" async></script></body></html>`})
	b := newBrowser(t, 1000, 900)
	b.run(t, chromedp.Navigate(host.URL+"/story"))
	b.waitEmbedReady(t, "graphic")
	title := func() string {
		var title string
		ctx, cancel := context.WithTimeout(b.ctx, time.Second)
		defer cancel()
		chromedp.Run(ctx, chromedp.Text(`.liaison__title`, &title, chromedp.ByQuery, chromedp.FromNode(b.frame(t, "graphic"))))
		return title
	}
	if got := title(); got != "James Norton, Imogen Poots, Lily Allen and David Harbour" {
		t.Fatalf("before: %q", got)
	}

	stop()
	changed := strings.Replace(string(src), `"title": "James Norton, Imogen Poots, Lily Allen and David Harbour"`, `"title": "Corrected: who dated whom"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "james-norton.json"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	serveAt(t, addr, dir)
	b.run(t, chromedp.Reload())
	b.waitEmbedReady(t, "graphic")
	var got string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got = title(); got == "Corrected: who dated whom" {
			break
		}
	}
	if got != "Corrected: who dated whom" {
		t.Errorf("after the data changed and the server restarted, the embed shows %q", got)
	}

	b.run(t, chromedp.Navigate("http://"+addr+"/t/james-norton"), waitInteractive())
	b.waitFor(t, "no service worker left", `navigator.serviceWorker.getRegistrations().then(r => r.length == 0)`)
}

// freeAddr is an address of 127.0.0.1 that no one listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// serveAt serves the timelines of dir at addr until the returned stop is
// called (or the test ends), as a restarted server would.
func serveAt(t *testing.T, addr, dir string) (stop func()) {
	t.Helper()
	lib, err := loadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	handler, err := New(lib, testAssets(t), Config{})
	if err != nil {
		t.Fatal(err)
	}
	var listener net.Listener
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if listener, err = net.Listen("tcp", addr); err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: handler}
	go srv.Serve(listener)
	// A restart, not a graceful one (shutdown_test.go tests that): Chromium
	// opens connections ahead of requests, which Shutdown waits for until
	// they have been idle for five seconds.
	stop = func() {
		if err := srv.Close(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			t.Error(err)
		}
	}
	t.Cleanup(stop)
	return stop
}

// TestBrowserEmbedButton opens the full page's Embed panel: its codes embed
// the view on screen, and Copy says it copied. TestBrowserEmbedOptions
// chooses the panel's options.
func TestBrowserEmbedButton(t *testing.T) {
	b, base := open(t, timelineURL+"?person=lily-allen&at=2022-06")
	b.run(t, chromedp.Click(`.embed-code__toggle`, chromedp.ByQuery))
	b.waitFor(t, "the embed codes", `document.querySelector("#embed-script")`)
	var script, iframe string
	b.eval(t, `document.querySelector("#embed-script").value`, &script)
	b.run(t, chromedp.Click(`label[for="embed-target-embed-iframe"]`, chromedp.ByQuery))
	b.waitFor(t, "the iframe code", `document.querySelector("#embed-iframe")`)
	b.eval(t, `document.querySelector("#embed-iframe").value`, &iframe)
	b.run(t, chromedp.Click(`label[for="embed-target-embed-script"]`, chromedp.ByQuery))
	b.waitFor(t, "the script code", `document.querySelector("#embed-script")`)
	src := base + "/embed/james-norton?at=2022-06&amp;person=lily-allen"
	if want := `<div data-liaison-src="` + src + `"><noscript><a href="` + base + `/t/james-norton?at=2022-06&amp;person=lily-allen">` +
		`<img src="` + base + `/t/james-norton.png?at=2022-06&amp;person=lily-allen" alt="James Norton, Imogen Poots, Lily Allen and David Harbour" style="max-width:100%;height:auto"></a></noscript></div>` +
		"\n" + `<script src="` + base + `/embed.js" async></script>`; script != want {
		t.Errorf("script code =\n%s\nwant\n%s", script, want)
	}
	if want := `<iframe src="` + src + `" title="James Norton, Imogen Poots, Lily Allen and David Harbour" width="100%" height="720" style="border:0" loading="lazy"></iframe>`; iframe != want {
		t.Errorf("iframe code =\n%s\nwant\n%s", iframe, want)
	}
	b.run(t, chromedp.Click(`.embed-code__copy[data-copies="embed-script"]`, chromedp.ByQuery))
	b.waitFor(t, "the copy confirmed", `document.querySelector(".embed-code__status").textContent == "Script (recommended) code copied."`)
	var selected string
	b.eval(t, `document.getSelection().toString() || (el => el.value.substring(el.selectionStart, el.selectionEnd))(document.querySelector("#embed-script"))`, &selected)
	if selected != script {
		t.Errorf("the copied text is %q, want the script code", selected)
	}

	// Escape closes the panel and gives the focus back to the button; so
	// does a press outside it, as menus do, but not one inside it.
	b.run(t, chromedp.Focus(`#embed-script`, chromedp.ByQuery), chromedp.KeyEvent(kb.Escape))
	b.waitFor(t, "Escape to close the panel", `!document.querySelector("#embed-code-panel") && document.activeElement.id == "embed-code-toggle"`)
	b.run(t, chromedp.Click(`.embed-code__toggle`, chromedp.ByQuery))
	b.waitFor(t, "the panel open again", `document.querySelector("#embed-code-panel")`)
	b.run(t, chromedp.Click(`#embed-script`, chromedp.ByQuery), chromedp.Sleep(afterDeferredWork))
	if !b.exists(t, `#embed-code-panel`) {
		t.Error("a click inside the panel closed it")
	}
	b.run(t, chromedp.Click(`.liaison__title`, chromedp.ByQuery))
	b.waitFor(t, "a click outside to close the panel", `!document.querySelector("#embed-code-panel")`)
	b.checkConsole(t)
}
