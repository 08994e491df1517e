//go:build built

package server

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserEmbedIgnoresForgedMessages sends an embed, sandboxed as
// WordPress does and with its secret, the messages an attacker would:
// WordPress's "ready" with another secret, from the page around it; the
// same with the right one and a "liaison:navigate", from another frame
// of that page; a "liaison:navigate" whose view names another site, from
// the page around it. The embed answers only its parent with its secret,
// moves only when its parent asks, and never leaves its own page; after
// it loads the page anew (without a hash), it still speaks with the
// secret.
func TestBrowserEmbedIgnoresForgedMessages(t *testing.T) {
	liaison := startServer(t, "")
	pages := map[string]string{"/other-frame": `<!doctype html><title>Another frame</title>`}
	host := hostSite(t, pages)
	// The article is on localhost; the other frame, on the host's
	// 127.0.0.1, is a third site.
	article := strings.Replace(host.URL, "127.0.0.1", "localhost", 1)
	const secret = "G00dSecret"
	embed := liaison.URL + "/embed/james-norton"
	pages["/story"] = `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<div id="graphic"><iframe sandbox="allow-scripts" src="` + embed + `#?secret=` + secret + `" title="Timeline" style="display:block;width:100%;height:600px;border:0"></iframe></div>
<div id="other"><iframe src="` + host.URL + `/other-frame" title="Another frame"></iframe></div>
<script>
window.heights = [];
window.addEventListener("message", (e) => {
  if (e.source === document.querySelector("#graphic iframe").contentWindow && e.data && e.data.message) window.heights.push(e.data);
});
</script>
</body></html>`
	b := newBrowser(t, 1000, 900, framesInOneProcess)
	b.run(t, chromedp.Navigate(article+"/story"))
	b.waitFrame(t, "the WebAssembly to take over", "graphic", `document.querySelector('main[data-interactive="true"]')`)
	b.waitFor(t, "WordPress's height message with the secret", `heights.some(m => m.message == "height" && m.secret == "`+secret+`" && m.value > 200)`)

	// heard waits a while for the article's messages, and returns them.
	heard := func() []map[string]any {
		time.Sleep(500 * time.Millisecond)
		var got []map[string]any
		b.eval(t, `heights.splice(0)`, &got)
		return got
	}
	heard()
	b.eval(t, `document.querySelector("#graphic iframe").contentWindow.postMessage({message: "ready", secret: "WrongSecret"}, "*"); true`, nil)
	if got := heard(); len(got) != 0 {
		t.Errorf("asked with another secret, the embed answered %v", got)
	}
	b.eval(t, `document.querySelector("#graphic iframe").contentWindow.postMessage({message: "ready", secret: "`+secret+`"}, "*"); true`, nil)
	if got := heard(); len(got) != 1 || got[0]["message"] != "height" || got[0]["secret"] != secret {
		t.Errorf("asked with its secret by the page around it, the embed answered %v, want its height once", got)
	}

	if err := b.frameEval(t, "other", `(() => {
		const embed = parent.frames[0];
		embed.postMessage({message: "ready", secret: "`+secret+`"}, "*");
		embed.postMessage(JSON.stringify({type: "liaison:navigate", state: "person=lily-allen"}), "*");
		return true;
	})()`, nil); err != nil {
		t.Fatal(err)
	}
	if got := heard(); len(got) != 0 {
		t.Errorf("asked by another frame, the embed answered %v", got)
	}
	if q := b.embedQuery(t, "graphic"); q != "" {
		t.Errorf("another frame navigated the embed to ?%s", q)
	}

	b.eval(t, `document.querySelector("#graphic iframe").contentWindow.postMessage(JSON.stringify({type: "liaison:navigate", state: "//evil.example/x#y"}), "*"); true`, nil)
	b.waitFrame(t, "the embed to load the view asked for", "graphic", `location.search.includes("evil") && document.querySelector("main")`)
	var at string
	if err := b.frameEval(t, "graphic", `location.origin + location.pathname`, &at); err != nil {
		t.Fatal(err)
	}
	if at != embed {
		t.Errorf("asked for a view that names another site, the embed went to %s, want its own page %s", at, embed)
	}
	b.waitFor(t, "the height with the secret after the embed loaded a page without it", `heights.some(m => m.message == "height" && m.secret == "`+secret+`")`)
	b.checkConsole(t)
}
