//go:build built

package server

import (
	"encoding/json"
	"math"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/data"
)

// TestBrowserOEmbedCode pastes the oEmbed code of several views into an
// article's column 800 px wide, as CMSs do: whole, and with its script
// removed and its iframe sandboxed, as WordPress does with providers it
// does not know. With the script, the iframe fits all of the timeline;
// without, it is as tall as the chart and its legend, which show whole,
// and the lists under them scroll inside it.
func TestBrowserOEmbedCode(t *testing.T) {
	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"james-norton.json": string(src)}
	for id, size := range map[string][2]int{"crowd": {12, 20}, "big": {300, 500}} {
		tl := data.Generate(size[0], size[1], 5)
		tl.ID = id
		generated, err := json.Marshal(tl)
		if err != nil {
			t.Fatal(err)
		}
		files[id+".json"] = string(generated)
	}
	liaison := startServer(t, writeFiles(t, files))
	pages := map[string]string{}
	host := hostSite(t, pages)
	script := regexp.MustCompile(`\n?<script [^>]*></script>`)
	views := []string{"/t/james-norton", "/t/james-norton?person=david-harbour", "/t/james-norton?title=0&person=lily-allen", "/t/crowd", "/t/big"}
	for i, view := range views {
		status, _, body := get(t, liaison.URL+"/oembed?"+url.Values{"url": {liaison.URL + view}, "maxwidth": {"800"}}.Encode())
		var a oembedAnswer
		if err := json.Unmarshal([]byte(body), &a); status != 200 || err != nil {
			t.Fatalf("oEmbed of %s: %d %s", view, status, body)
		}
		stripped := strings.Replace(script.ReplaceAllString(a.HTML, ""), "<iframe ", `<iframe sandbox="allow-scripts" `, 1)
		for kind, code := range map[string]string{"whole": a.HTML, "stripped": stripped} {
			pages["/"+kind+"/"+string(rune('a'+i))] = `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head>
<body style="margin:0"><div id="graphic" style="width:800px">` + code + `</div></body></html>`
		}
	}

	b := newBrowser(t, 1000, 900, framesInOneProcess)
	for i, view := range views {
		page := "/" + string(rune('a'+i))
		b.run(t, chromedp.Navigate(host.URL+"/stripped"+page))
		b.waitFrame(t, "the chart", "graphic", `document.querySelector(".legend") && document.readyState == "complete"`)
		var fit struct{ Frame, Legend, Content float64 }
		if err := b.frameEval(t, "graphic", `({Frame: innerHeight, Legend: document.querySelector(".legend").getBoundingClientRect().bottom,
			Content: document.documentElement.getBoundingClientRect().height})`, &fit); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s without its script: the iframe is %.0f px tall, the chart and its legend %.0f", view, fit.Frame, fit.Legend)
		if fit.Legend > fit.Frame || fit.Frame > fit.Legend+100 {
			t.Errorf("%s without its script: the iframe is %.0f px tall, the chart and its legend %.0f: want them whole, and little more", view, fit.Frame, fit.Legend)
		}

		b.run(t, chromedp.Navigate(host.URL+"/whole"+page))
		b.waitEmbedReady(t, "graphic")
		if err := b.frameEval(t, "graphic", `({Frame: innerHeight, Content: document.documentElement.getBoundingClientRect().height})`, &fit); err != nil {
			t.Fatal(err)
		}
		if fit.Frame != math.Ceil(fit.Content) {
			t.Errorf("%s with its script: the iframe is %.0f px tall, its content %.0f", view, fit.Frame, fit.Content)
		}
		var iframes int
		b.eval(t, `document.querySelectorAll("iframe").length`, &iframes)
		if iframes != 1 {
			t.Errorf("%s with its script: %d iframes, want embed.js to take the code's own", view, iframes)
		}
	}
}

// TestBrowserEmbedButtonOnDomain opens a page of a server told its domain
// (serve -domain), by another host, as a proxy would: the Embed button's
// codes point at the domain.
func TestBrowserEmbedButtonOnDomain(t *testing.T) {
	_, server := serve(t, "", Config{Domain: "news.example"})
	srv := server.URL
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv+"/t/james-norton?person=lily-allen"), waitInteractive(),
		chromedp.Click(`.embed-code__toggle`, chromedp.ByQuery))
	b.waitFor(t, "the embed codes", `document.querySelector("#embed-script")`)
	var script, iframe string
	b.eval(t, `document.querySelector("#embed-script").value`, &script)
	b.run(t, chromedp.Click(`label[for="embed-target-embed-iframe"]`, chromedp.ByQuery))
	b.waitFor(t, "the iframe code", `document.querySelector("#embed-iframe")`)
	b.eval(t, `document.querySelector("#embed-iframe").value`, &iframe)
	want := `data-liaison-src="https://news.example/embed/james-norton?person=lily-allen"`
	if !strings.Contains(script, want) || !strings.Contains(script, `<script src="https://news.example/embed.js"`) {
		t.Errorf("script code %q, want it on news.example", script)
	}
	if !strings.Contains(iframe, `src="https://news.example/embed/james-norton?person=lily-allen"`) {
		t.Errorf("iframe code %q, want it on news.example", iframe)
	}
}
