//go:build built

package server

import (
	"context"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Readers on a slow network wait seconds for the WebAssembly, and some never
// get it (a proxy that drops .wasm, a script blocker, a failed download).
// Until it arrives, the prerendered page is the page: these tests load it
// on a throttled network and with the WebAssembly blocked, and check what
// a reader sees and can use.

// slowNetwork throttles every request of the tab as Lighthouse's mobile
// profile does ("Slow 4G": 150 ms round trips, 1.6 Mbps down, 750 kbps
// up), where the WebAssembly's 2 MB of gzip take about ten seconds.
func slowNetwork() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := network.Enable().Do(ctx); err != nil {
			return err
		}
		_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{
			Latency: 150, DownloadThroughput: 1.6e6 / 8, UploadThroughput: 750e3 / 8,
		}}).Do(ctx)
		return err
	})
}

// fastNetwork lifts slowNetwork's throttling.
func fastNetwork() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := network.EmulateNetworkConditionsByRule([]*network.Conditions{{DownloadThroughput: -1, UploadThroughput: -1}}).Do(ctx)
		return err
	})
}

// blockWasm makes every request for WebAssembly fail, as a proxy or a
// blocker that drops it would.
func blockWasm() chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		if err := network.Enable().Do(ctx); err != nil {
			return err
		}
		return network.SetBlockedURLs().WithURLPatterns([]*network.BlockPattern{{URLPattern: "*://*:*/*.wasm", Block: true}}).Do(ctx)
	})
}

// startNavigation starts loading url without waiting for its load event.
func startNavigation(url string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		_, _, errorText, _, err := page.Navigate(url).Do(ctx)
		if err == nil && errorText != "" {
			err = &navigationError{errorText}
		}
		return err
	})
}

type navigationError struct{ text string }

func (e *navigationError) Error() string { return "navigation failed: " + e.text }

// frameEval evaluates expr (or awaits the promise it returns) in the
// document of the iframe inside the element with the given id, from an
// isolated world of that frame: the host page is on another origin and
// may not look inside.
func (b *browser) frameEval(t *testing.T, holder, expr string, out any) error {
	t.Helper()
	return chromedp.Run(b.ctx, chromedp.ActionFunc(func(ctx context.Context) error {
		var nodes []*cdp.Node
		if err := chromedp.Nodes("#"+holder+" iframe", &nodes, chromedp.ByQuery, chromedp.AtLeast(0)).Do(ctx); err != nil {
			return err
		}
		if len(nodes) == 0 {
			return &navigationError{"no iframe in #" + holder}
		}
		world, err := page.CreateIsolatedWorld(nodes[0].FrameID).Do(ctx)
		if err != nil {
			return err
		}
		return chromedp.Evaluate(expr, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithContextID(world).WithAwaitPromise(true)
		}).Do(ctx)
	}))
}

// waitFrame waits up to twenty seconds (the embed's page arrives on a slow
// network) for expr to be true in the iframe of holder.
func (b *browser) waitFrame(t *testing.T, what, holder, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		if err = b.frameEval(t, holder, "Promise.resolve("+expr+").then(v => !!v)", &ok); err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waiting for %s in the iframe of #%s (%s): not true after 20 s (last error: %v)", what, holder, expr, err)
}

// prerenderProbe describes what a reader sees of the page before (or
// without) the WebAssembly: whether it has taken over, what the loader
// says and where, which elements of the timeline the loader overlaps, and
// whether a click on each bar in view would reach the bar.
const prerenderProbe = `(() => {
  const main = document.querySelector("main.liaison");
  const loader = document.getElementById("app-wasm-loader");
  const label = document.getElementById("app-wasm-loader-label");
  // The loader's words are the style sheet's (loaderStyle).
  const written = (el, pseudo) => getComputedStyle(el, pseudo).content.replace(/^"|"$|^none$|^normal$/g, "");
  const box = loader ? loader.getBoundingClientRect() : null;
  const overlaps = (r) => box && box.width > 0 && r.width > 0 && r.height > 0 &&
    r.left < box.right && box.left < r.right && r.top < box.bottom && box.top < r.bottom;
  const bars = [...document.querySelectorAll("a.bar")].filter(bar => {
    const r = bar.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  });
  return {
    interactive: !!main && main.dataset.interactive == "true",
    loader: loader ? (label.checkVisibility() ? written(label, "::before") + label.innerText.trim() + written(label, "::after") : "") +
      written(loader, "::after") : "",
    loaderShown: !!box && box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight &&
      box.left >= 0 && box.right <= innerWidth && getComputedStyle(loader).visibility != "hidden",
    covered: main ? [...main.querySelectorAll("*")].filter(e => overlaps(e.getBoundingClientRect()))
      .map(e => e.tagName.toLowerCase() + "." + [...e.classList].join(".")) : [],
    bars: bars.length,
    barsReached: bars.filter(bar => {
      const r = bar.getBoundingClientRect();
      const x = Math.max(r.left, 0) + (Math.min(r.right, innerWidth) - Math.max(r.left, 0)) / 2;
      const hit = document.elementFromPoint(x, r.top + r.height / 2);
      return hit && (hit == bar || bar.contains(hit));
    }).length,
  };
})()`

type prerenderView struct {
	Interactive bool
	Loader      string
	LoaderShown bool
	Covered     []string
	Bars        int
	BarsReached int
}

// checkPrerender fails the test unless the view is the prerendered page,
// with its loader saying loading (or failed, when failed), shown but
// covering nothing, and its bars in view and within reach of a click.
func checkPrerender(t *testing.T, where string, v prerenderView, failed bool) {
	t.Helper()
	if v.Interactive {
		t.Fatalf("%s: the WebAssembly has already taken over, so this tests nothing", where)
	}
	want := "Loading the interactive timeline"
	if failed {
		want = "could not load"
	}
	if !strings.Contains(v.Loader, want) || !v.LoaderShown {
		t.Errorf("%s: the loader says %q (shown in the window: %v), want %q, in the window", where, v.Loader, v.LoaderShown, want)
	}
	if len(v.Covered) > 0 {
		t.Errorf("%s: the loader covers %d elements of the timeline: %q", where, len(v.Covered), v.Covered)
	}
	if v.Bars == 0 || v.BarsReached != v.Bars {
		t.Errorf("%s: %d of the %d bars in view are within reach of a click, want all, and some", where, v.BarsReached, v.Bars)
	}
}

// loadingSite serves the default timeline, with its source's link on a
// site of its own, and a news article that embeds the timeline with
// embed.js.
func loadingSite(t *testing.T) (liaison, news *httptest.Server) {
	t.Helper()
	pages := map[string]string{"/source": `<!doctype html><title>The source</title><p>The source.`}
	news = hostSite(t, pages)
	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	withLink := strings.Replace(string(src), `"outlet": "ED!"`, `"outlet": "ED!", "url": "`+news.URL+`/source"`, 1)
	if withLink == string(src) {
		t.Fatal("the default timeline's source has changed: give it a link some other way")
	}
	liaison = startServer(t, writeFiles(t, map[string]string{"james-norton.json": withLink}))
	pages["/story"] = `<!doctype html><html><head><meta charset="utf-8"><title>A story</title></head><body>
<h1>A news story</h1>
<p>The story begins.</p>
<div id="graphic" data-liaison-src="` + liaison.URL + `/embed/james-norton"></div>
<p>The story goes on.</p>
<script src="` + liaison.URL + `/embed.js" async></script>
</body></html>`
	return liaison, news
}

// clickOpens clicks at x, y as a reader's mouse does and waits for a new
// tab at url.
func (b *browser) clickOpens(t *testing.T, x, y float64, url string) {
	t.Helper()
	opened := chromedp.WaitNewTarget(b.ctx, func(info *target.Info) bool { return info.URL == url })
	b.run(t, chromedp.MouseClickXY(x, y))
	select {
	case <-opened:
	case <-time.After(10 * time.Second):
		var at string
		b.eval(t, `(e => e ? e.outerHTML.slice(0, 120) : "nothing")(document.elementFromPoint(`+ftoa(x)+`, `+ftoa(y)+`))`, &at)
		t.Errorf("a click at %.0f, %.0f (on %s) opened no tab at %s", x, y, at, url)
	}
}

// TestBrowserLoadingPage loads the page that make run opens, /, on a slow
// network, and /t/{id} with the WebAssembly blocked: from the first paint
// the timeline is readable, the loader says what is happening without
// covering any of it, and a click on a link works; once the WebAssembly
// arrives nothing moves.
func TestBrowserLoadingPage(t *testing.T) {
	liaison, news := loadingSite(t)
	for _, tc := range []struct {
		name          string
		path          string
		width, height int
		blocked       bool
		screenshot    string
	}{
		{"slow network", "/", 1280, 900, false, "loading-slow-1s-1280.png"},
		{"slow network, phone", "/", 360, 740, false, "loading-slow-1s-360.png"},
		{"no WebAssembly", "/t/james-norton", 1280, 900, true, "loading-failed-1280.png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBrowser(t, tc.width, tc.height)
			// A window is at least 500 px wide: a phone's screen is
			// emulated.
			b.run(t, emulation.SetDeviceMetricsOverride(int64(tc.width), int64(tc.height), 1, tc.width < 500))
			network := slowNetwork()
			if tc.blocked {
				network = blockWasm()
			}
			b.run(t, colorScheme("light"), network, startNavigation(liaison.URL+tc.path))
			if tc.blocked {
				b.waitFor(t, "the loader to give up", `document.querySelector("#app-wasm-loader-icon:not(.goapp-spin)")`)
			} else {
				// A second after the navigation began.
				b.waitFor(t, "a second to pass", `document.querySelector("main.liaison") && performance.now() >= 1000`)
			}
			b.viewScreenshot(t, tc.screenshot)
			var v prerenderView
			var titleTop float64
			b.eval(t, prerenderProbe, &v)
			b.eval(t, `document.querySelector("h1").getBoundingClientRect().top`, &titleTop)
			checkPrerender(t, tc.path, v, tc.blocked)

			// The reader scrolls to the sources and follows one.
			b.eval(t, `document.querySelector("a.source").scrollIntoView({block: "center"}); true`, nil)
			x, y := b.center(t, "a.source")
			b.clickOpens(t, x, y, news.URL+"/source")

			if tc.blocked {
				return
			}
			// The WebAssembly arrives: the page does not move.
			b.run(t, fastNetwork(), chromedp.Evaluate(`scrollTo(0, 0)`, nil))
			b.waitFor(t, "the WebAssembly to take over", `document.querySelector('main.liaison[data-interactive="true"]') && !document.getElementById("app-wasm-loader")`)
			var after float64
			b.eval(t, `document.querySelector("h1").getBoundingClientRect().top`, &after)
			if after != titleTop {
				t.Errorf("the title moved from %.1f to %.1f px when the WebAssembly took over", titleTop, after)
			}
		})
	}
}

// TestBrowserLoadingEmbed embeds the timeline in a news article with
// embed.js, on a slow network and with the WebAssembly blocked: the
// iframe is as tall as the prerendered timeline, which is readable, the
// loader covers none of it, and its links work.
func TestBrowserLoadingEmbed(t *testing.T) {
	liaison, news := loadingSite(t)
	for _, tc := range []struct {
		name       string
		blocked    bool
		screenshot string
	}{
		{"slow network", false, "loading-slow-embed-1000.png"},
		{"no WebAssembly", true, "loading-failed-embed-1000.png"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBrowser(t, 1000, 900)
			network := slowNetwork()
			if tc.blocked {
				network = blockWasm()
			}
			b.run(t, colorScheme("light"), network, startNavigation(news.URL+"/story"))
			if tc.blocked {
				b.waitFrame(t, "the loader to give up", "graphic", `document.querySelector("#app-wasm-loader-icon:not(.goapp-spin)")`)
			} else {
				b.waitFrame(t, "the prerendered timeline", "graphic", `document.querySelector("main.liaison .lane") && document.readyState == "complete"`)
			}
			// The embed's page sizes its iframe without the WebAssembly.
			b.waitFor(t, "the iframe sized to its content", `(f => f.style.height != "600px")(document.querySelector("#graphic iframe"))`)
			b.viewScreenshot(t, tc.screenshot)

			var v prerenderView
			if err := b.frameEval(t, "graphic", prerenderProbe, &v); err != nil {
				t.Fatal(err)
			}
			checkPrerender(t, "the embed", v, tc.blocked)
			var fit struct{ Frame, Content float64 }
			if err := b.frameEval(t, "graphic", `({Frame: innerHeight, Content: document.documentElement.getBoundingClientRect().height})`, &fit); err != nil {
				t.Fatal(err)
			}
			if fit.Frame < fit.Content {
				t.Errorf("the iframe is %.0f px tall, its content %.0f px: the end is cut off", fit.Frame, fit.Content)
			}

			// The reader scrolls the article to the embed's link to its
			// full page, and follows it.
			var link struct{ X, Y float64 }
			if err := b.frameEval(t, "graphic", `(r => ({X: r.left + r.width / 2, Y: r.top + r.height / 2}))(document.querySelector(".liaison__credit a").getBoundingClientRect())`, &link); err != nil {
				t.Fatal(err)
			}
			var frameTop, frameLeft float64
			b.eval(t, `scrollTo(0, document.querySelector("#graphic iframe").getBoundingClientRect().top + scrollY + `+ftoa(link.Y)+` - innerHeight / 2); document.querySelector("#graphic iframe").getBoundingClientRect().top`, &frameTop)
			b.eval(t, `document.querySelector("#graphic iframe").getBoundingClientRect().left`, &frameLeft)
			b.clickOpens(t, frameLeft+link.X, frameTop+link.Y, liaison.URL+"/t/james-norton")
		})
	}
}
