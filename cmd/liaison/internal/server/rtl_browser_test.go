//go:build built

package server

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// rtlSeen is what a reader sees of the chart's direction: the page's dir,
// whether every lane's name is beside its plot on the right, the ticks'
// and gridlines' x in the order of their dates, and where James Norton's
// bars with Imogen Poots (from 2018) and Lily Allen (from 2025) start and
// end. An x of -1 is an element not drawn.
type rtlSeen struct {
	Dir                      string
	NamesRight, NamesAbove   bool
	Ticks, Gridlines         []float64
	Earlier, Later           struct{ Left, Right float64 }
	PageWidth, ViewportWidth float64
	// SummaryEnd and SummaryLetter are the x of the summary's last
	// character, the "." of "as told by ED!.", and of its last letter.
	SummaryEnd, SummaryLetter float64
}

const seeRTL = `(() => {
	const box = e => e ? e.getBoundingClientRect() : {left: -1, right: -1, top: -1, bottom: -1};
	const centre = e => { const r = box(e); return (r.left + r.right) / 2; };
	const lanes = [...document.querySelectorAll(".lane")];
	const bar = id => { const r = box(document.getElementById(id)); return {Left: r.left, Right: r.right}; };
	return {
		Dir: document.documentElement.dir,
		NamesRight: lanes.length > 0 && lanes.every(l => box(l.querySelector(".lane__name")).left >= box(l.querySelector(".lane__plot")).right - 1),
		NamesAbove: lanes.length > 0 && lanes.every(l => box(l.querySelector(".lane__name")).bottom <= box(l.querySelector(".lane__plot")).top + 1),
		Ticks: [...document.querySelectorAll(".tick")].filter(e => getComputedStyle(e).visibility != "hidden").map(centre),
		Gridlines: [...document.querySelectorAll(".gridline")].map(e => box(e).left),
		Earlier: bar("bar-james-norton-james-norton-imogen-poots"),
		Later: bar("bar-james-norton-james-norton-lily-allen"),
		PageWidth: document.documentElement.scrollWidth,
		ViewportWidth: innerWidth,
		...(() => {
			const text = document.querySelector(".liaison__summary")?.firstChild;
			if (!text) return {SummaryEnd: -1, SummaryLetter: -1};
			const at = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return centre(r); };
			return {SummaryEnd: at(text.data.length - 1), SummaryLetter: at(text.data.search(/\p{L}[^\p{L}]*$/u))};
		})(),
	};
})()`

// check reports how what the reader sees differs from a chart that runs
// right to left: names on the right (above the lanes when narrow), ticks
// and bars of later dates left of earlier ones, the ticks over their
// gridlines, the page's summary (not the embed's) in its own direction,
// and nothing wider than the window.
func (got rtlSeen) check(t *testing.T, narrow, embed bool) {
	t.Helper()
	if got.Dir != "rtl" {
		t.Errorf(`<html dir=%q>, want "rtl"`, got.Dir)
	}
	switch {
	case narrow && !got.NamesAbove:
		t.Error("at 360 px, the lanes' names are not above their plots")
	case !narrow && !got.NamesRight:
		t.Error("the lanes' names are not on the right of their plots")
	}
	if len(got.Ticks) < 2 {
		t.Fatalf("%d ticks drawn, want 2 or more", len(got.Ticks))
	}
	for i := 1; i < len(got.Ticks); i++ {
		if got.Ticks[i] >= got.Ticks[i-1] {
			t.Errorf("tick %d of the axis (a later date) is at x %.0f, not left of tick %d at %.0f: %v", i, got.Ticks[i], i-1, got.Ticks[i-1], got.Ticks)
		}
	}
	if len(got.Gridlines) == len(got.Ticks) && !narrow {
		// Labels at the edges are moved inside the chart; the others
		// stand over their line.
		for i := 1; i < len(got.Ticks)-1; i++ {
			if d := got.Ticks[i] - got.Gridlines[i]; d > 2 || d < -2 {
				t.Errorf("tick %d is at x %.0f, its gridline at %.0f: the axis does not line up with the plot", i, got.Ticks[i], got.Gridlines[i])
			}
		}
	}
	if got.Later.Right < 0 || got.Earlier.Right < 0 {
		t.Fatalf("James Norton's bars are not drawn: %+v, %+v", got.Earlier, got.Later)
	}
	if got.Later.Right > got.Earlier.Right || got.Later.Left > got.Earlier.Left {
		t.Errorf("the bar of 2025 spans x %.0f–%.0f, the bar of 2018 %.0f–%.0f: the later is not left of the earlier",
			got.Later.Left, got.Later.Right, got.Earlier.Left, got.Earlier.Right)
	}
	// The English summary on an Arabic page reads left to right to its
	// last full stop.
	switch {
	case embed:
	case got.SummaryEnd < 0:
		t.Error("the page has no summary")
	case got.SummaryEnd <= got.SummaryLetter:
		t.Errorf("the summary's last full stop is at x %.0f, left of its last letter at %.0f: its punctuation moved", got.SummaryEnd, got.SummaryLetter)
	}
	if got.PageWidth > got.ViewportWidth {
		t.Errorf("the page is %.0f px wide in a window of %.0f", got.PageWidth, got.ViewportWidth)
	}
}

// rtlPage is a page in a right-to-left language: its name in the test,
// its URL, and whether it is an embed.
type rtlPage struct {
	name, url string
	embed     bool
}

// TestBrowserRightToLeft opens the page and the embed in Arabic and
// Hebrew (?lang=), and exported from a timeline whose language is Arabic
// to a static host, as the server draws them (the WebAssembly blocked)
// and once the WebAssembly has taken over, at 1280 and 360 px (the
// export at 1280): the chart mirrors, later dates to the left. Its
// screenshots are docs/rtl-*.png.
func TestBrowserRightToLeft(t *testing.T) {
	srv := startServer(t, "")
	var pages []rtlPage
	for _, lang := range []string{"ar", "he"} {
		pages = append(pages,
			rtlPage{lang + " page", srv.URL + timelineURL + "?lang=" + lang, false},
			rtlPage{lang + " embed", srv.URL + "/embed/james-norton?lang=" + lang, true})
	}
	arabic := strings.Replace(readDefaultTimeline(t), `"id": "james-norton",`, `"id": "james-norton", "lang": "ar",`, 1)
	lib, err := loadLibrary(writeFiles(t, map[string]string{"james-norton.json": arabic}))
	if err != nil {
		t.Fatal(err)
	}
	files, err := Export(lib, testAssets(t), ExportConfig{Base: exportBase, BrotliQuality: 1, Clock: testExportClock})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := writeExport(dir, files); err != nil {
		t.Fatal(err)
	}
	static := httptest.NewServer(http.StripPrefix(exportBase, http.FileServer(http.Dir(dir))))
	t.Cleanup(static.Close)
	pages = append(pages,
		rtlPage{"exported ar page", static.URL + exportBase + timelineURL + "/", false},
		rtlPage{"exported ar embed", static.URL + exportBase + "/embed/james-norton/", true})

	plain := newBrowser(t, 1280, 900)
	plain.run(t, blockWasm())
	b := newBrowser(t, 1280, 900)
	for _, p := range pages {
		for _, width := range []int64{1280, 360} {
			if width < 1280 && strings.HasPrefix(p.name, "exported") {
				continue // the same page as the server's, in another place
			}
			t.Run(fmt.Sprintf("%s %d", p.name, width), func(t *testing.T) {
				var prerendered, interactive rtlSeen
				plain.run(t, chromedp.EmulateViewport(width, 900), chromedp.Navigate(p.url), chromedp.WaitVisible(".tick", chromedp.ByQuery))
				plain.eval(t, seeRTL, &prerendered)
				t.Run("the server's page", func(t *testing.T) { prerendered.check(t, width < 640, p.embed) })
				b.run(t, chromedp.EmulateViewport(width, 900), colorScheme("light"), chromedp.Navigate(p.url), waitInteractive())
				b.eval(t, seeRTL, &interactive)
				t.Run("the WebAssembly's", func(t *testing.T) { interactive.check(t, width < 640, p.embed) })
				if lang, page := strings.CutSuffix(p.name, " page"); page && !strings.HasPrefix(lang, "exported") {
					b.screenshot(t, fmt.Sprintf("rtl-%s-%d.png", lang, width))
				}
			})
		}
	}
	b.checkConsole(t)
}

// cursorWhere is the condition cond on the cursor's month (at) and the
// window's first and last days (from, to), Dates from the URL.
func cursorWhere(cond string) string {
	return `(() => { const q = new URLSearchParams(location.search), at = new Date(q.get("at") + "-01"),
		from = new Date(q.get("from")), to = new Date(q.get("to")); return q.has("at") && ` + cond + ` })()`
}

// TestBrowserRightToLeftInput moves the Arabic chart with the keyboard,
// a drag, a sideways wheel and a click on the axis, on the page and the embed: each goes
// the way it points, later dates to the left.
func TestBrowserRightToLeftInput(t *testing.T) {
	srv := startServer(t, "")
	b := newBrowser(t, 1280, 900)
	for _, path := range []string{timelineURL, "/embed/james-norton"} {
		t.Run(path, func(t *testing.T) {
			b.forget()
			b.run(t, colorScheme("light"), chromedp.Navigate(srv.URL+path+"?lang=ar&from=2020-01&to=2022-01"), waitInteractive())

			// A click on the axis near its left end puts the cursor in
			// the window's last months; near its right end, in its first
			// (the window starts on a month, which keeps the cursor in it).
			var axis struct{ Left, Right, Y float64 }
			b.eval(t, `(r => ({Left: r.left, Right: r.right, Y: r.top + r.height / 2}))(document.querySelector(".chart__axis").getBoundingClientRect())`, &axis)
			b.run(t, chromedp.MouseClickXY(axis.Left+3, axis.Y))
			b.waitFor(t, "the cursor in the window's last two months", cursorWhere(`at > new Date(to - 62*864e5)`))
			window := b.zoomWindow(t)
			b.run(t, chromedp.MouseClickXY(axis.Right-3, axis.Y))
			b.waitFor(t, "the cursor in the window's first month", cursorWhere(`at <= from && at > new Date(from - 31*864e5)`))
			if got := b.zoomWindow(t); got != window {
				t.Errorf("clicks on the axis moved the window from %q to %q", window, got)
			}

			// ArrowLeft shows later dates, ArrowRight earlier ones.
			b.run(t, chromedp.Navigate(srv.URL+path+"?lang=ar&from=2020-01&to=2022-01"), waitInteractive())
			from := b.windowStart(t)
			b.run(t, chromedp.Focus(`#chart`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowLeft))
			b.waitFor(t, "ArrowLeft to pan to later dates", `new URLSearchParams(location.search).get("from") > "`+from+`"`)
			from = b.windowStart(t)
			b.run(t, chromedp.KeyEvent(kb.ArrowRight))
			b.waitFor(t, "ArrowRight to pan to earlier dates", `new URLSearchParams(location.search).get("from") < "`+from+`"`)

			// Dragging right pulls the earlier dates on the right away:
			// later ones come in from the left.
			x, y := b.center(t, `.lane[data-person="david-harbour"] .lane__plot`)
			from = b.windowStart(t)
			b.run(t,
				chromedp.MouseEvent(input.MousePressed, x, y, chromedp.ButtonLeft),
				chromedp.MouseEvent(input.MouseMoved, x+100, y, chromedp.ButtonLeft),
				chromedp.MouseEvent(input.MouseMoved, x+200, y, chromedp.ButtonLeft),
				chromedp.MouseEvent(input.MouseReleased, x+200, y, chromedp.ButtonLeft),
			)
			b.waitFor(t, "the drag to pan to later dates", `new URLSearchParams(location.search).get("from") > "`+from+`"`)

			// A sideways wheel to the right shows what is on the right:
			// earlier dates.
			from = b.windowStart(t)
			b.run(t, chromedp.MouseEvent(input.MouseWheel, x, y, func(p *input.DispatchMouseEventParams) *input.DispatchMouseEventParams {
				return p.WithDeltaX(200)
			}))
			b.waitFor(t, "the wheel to pan to earlier dates", `new URLSearchParams(location.search).get("from") < "`+from+`"`)

			// The cursor's ArrowLeft is a month later; Up is later too.
			b.run(t, chromedp.Navigate(srv.URL+path+"?lang=ar&at=2022-06"), waitInteractive())
			b.run(t, chromedp.Focus(`#cursor`, chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowLeft))
			b.waitFor(t, "ArrowLeft to move the cursor to July 2022", `new URLSearchParams(location.search).get("at") == "2022-07"`)
			b.run(t, chromedp.KeyEvent(kb.ArrowRight))
			b.waitFor(t, "ArrowRight to move the cursor to June 2022", `new URLSearchParams(location.search).get("at") == "2022-06"`)
			b.run(t, chromedp.KeyEvent(kb.ArrowRight))
			b.waitFor(t, "ArrowRight to move the cursor to May 2022", `new URLSearchParams(location.search).get("at") == "2022-05"`)
			b.run(t, chromedp.KeyEvent(kb.ArrowUp))
			b.waitFor(t, "ArrowUp to move the cursor to June 2022", `new URLSearchParams(location.search).get("at") == "2022-06"`)
			b.checkConsole(t)
		})
	}
}
