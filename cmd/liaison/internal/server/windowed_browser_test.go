//go:build built

package server

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/liaison-timeline/liaison/data"
)

// laneProbe describes the lanes drawn: how many elements the page has,
// the first and last lane drawn (their place in the whole list) and
// whether a drawn lane is under the middle of the given box (the window,
// or the embed's box of lanes).
const laneProbe = `((box) => {
  const lanes = [...document.querySelectorAll(".chart__lanes > .lane")];
  const r = box ? box.getBoundingClientRect() : {top: 0, bottom: innerHeight, left: 0, right: innerWidth};
  const hit = document.elementFromPoint(innerWidth * 0.7, (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2);
  return {
    elements: document.getElementsByTagName("*").length,
    first: +lanes[0].getAttribute("aria-posinset"),
    last: +lanes[lanes.length - 1].getAttribute("aria-posinset"),
    size: +lanes[0].getAttribute("aria-setsize"),
    inView: !!hit && !!hit.closest(".lane"),
  };
})`

// everyLane scrolls the page through the chart, half a window at a time,
// waiting at each step for lanes under the middle of the window and for
// the lanes drawn to stop changing (the chart follows the scroll once a
// frame, and lanes measured taller or shorter than estimated move the
// list's end), and lists the names of the lanes drawn on the way, in order.
const everyLane = `(async () => {
  const names = new Map();
  const list = document.querySelector("#chart-lanes");
  const drawn = () => [...list.querySelectorAll(".lane")].map(l => l.getAttribute("aria-posinset")).join(" ");
  for (let y = 0; y <= list.getBoundingClientRect().bottom + scrollY; y += innerHeight / 2) {
    scrollTo(0, y);
    for (let i = 0; i < 200 && !` + laneProbe + `(null).inView && list.getBoundingClientRect().bottom > innerHeight / 2; i++) {
      await new Promise(r => setTimeout(r, 10));
    }
    for (let i = 0, still = 0, last = ""; i < 100 && still < 3; i++) {
      await new Promise(r => requestAnimationFrame(r));
      still = drawn() == last ? still + 1 : 0;
      last = drawn();
    }
    for (const lane of list.querySelectorAll(".lane")) {
      names.set(+lane.getAttribute("aria-posinset"), lane.querySelector(".lane__person").textContent);
    }
  }
  scrollTo(0, 0);
  return [...names.keys()].sort((a, b) => a - b).map(k => names.get(k));
})()`

type lanesDrawn struct {
	Elements, First, Last, Size int
	InView                      bool
}

// TestBrowserWindowedChart scrolls through a timeline of 10,000
// relationships between 2,000 people: the page only ever holds the lanes
// near the view, fewer than 3,000 elements, and there are always lanes
// where the reader looks, on the full page and in an embed, whose lanes
// scroll in a box of their own.
func TestBrowserWindowedChart(t *testing.T) {
	big := data.Generate(2000, 10_000, 1)
	big.ID = "big"
	src, err := json.Marshal(big)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"big.json": string(src)}))
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate(srv.URL+"/t/big"), waitInteractive())

	probe := func(box string) lanesDrawn {
		t.Helper()
		var d lanesDrawn
		b.eval(t, laneProbe+"("+box+")", &d)
		if d.Elements >= 3000 {
			t.Errorf("the page has %d elements, want fewer than 3,000", d.Elements)
		}
		if d.Size != 2000 {
			t.Errorf("the lanes say they are %d, want 2,000", d.Size)
		}
		return d
	}
	if d := probe("null"); d.First != 1 || !d.InView {
		t.Errorf("at the top, lanes %d–%d are drawn (one in view: %v), want the first ones", d.First, d.Last, d.InView)
	}
	for _, share := range []float64{0.5, 0.999, 0.25} {
		b.eval(t, `window.scrollTo(0, document.querySelector("#chart-lanes").offsetTop + document.querySelector("#chart-lanes").offsetHeight * `+strconv.FormatFloat(share, 'f', -1, 64)+`)`, nil)
		b.waitFor(t, "lanes in view after scrolling to "+strconv.FormatFloat(share, 'f', -1, 64)+" of the chart", laneProbe+`(null).inView`)
		d := probe("null")
		if want := int(share * 2000); d.First > want || d.Last < want {
			t.Errorf("scrolled to lane %d, lanes %d–%d are drawn", want, d.First, d.Last)
		}
		t.Logf("scrolled to %v: lanes %d–%d drawn, %d elements", share, d.First, d.Last, d.Elements)
	}
	b.viewScreenshot(t, "windowed-chart-1280.png")

	// The keyboard reaches lanes beyond those first drawn: each Tab
	// scrolls the next bar into view, and the page draws on.
	b.eval(t, `window.scrollTo(0, 0)`, nil)
	b.waitFor(t, "the first lanes drawn again", `document.querySelector('.lane[aria-posinset="1"]')`)
	first := probe("null")
	b.run(t, chromedp.Focus(`.lane a.bar`, chromedp.ByQuery))
	for range 150 {
		b.run(t, chromedp.KeyEvent("\t"))
	}
	var focused struct {
		Lane int
		Bar  bool
	}
	b.eval(t, `(() => { const e = document.activeElement; const lane = e.closest(".lane");
		return {Lane: lane ? +lane.getAttribute("aria-posinset") : 0, Bar: e.matches("a.bar, a.marker")} })()`, &focused)
	if !focused.Bar || focused.Lane <= first.Last {
		t.Errorf("after 150 Tabs from the first bar, the focus is in lane %d (a bar or marker: %v), want a bar beyond lane %d, the last drawn at first", focused.Lane, focused.Bar, first.Last)
	}
	// The lanes the keyboard drew on the way are let go once the page
	// scrolls: the window shrinks back to the view and its margin.
	for range 3 {
		for range 50 {
			b.run(t, chromedp.KeyEvent("\t"))
		}
		b.waitFor(t, "lanes in view after tabbing", laneProbe+`(null).inView`)
	}
	b.waitFor(t, "the lanes tabbed past let go", laneProbe+`(null).first > 1`)
	if d := probe("null"); d.Last-d.First > 3*(first.Last-first.First)+2*3 {
		t.Errorf("after 300 Tabs, lanes %d–%d are drawn, against %d–%d at first", d.First, d.Last, first.First, first.Last)
	}

	b.run(t, chromedp.Navigate(srv.URL+"/embed/big"), waitInteractive())
	var boxHeight float64
	b.eval(t, `document.querySelector(".chart__scroller--box").clientHeight`, &boxHeight)
	if boxHeight == 0 || boxHeight > 600 {
		t.Errorf("the embed's box of lanes is %v px high, want a box shorter than the screen", boxHeight)
	}
	box := `document.querySelector("#chart-scroller")`
	b.eval(t, box+`.scrollTop = `+box+`.scrollHeight / 2`, nil)
	b.waitFor(t, "lanes in the embed's box after scrolling it", laneProbe+`(`+box+`).inView`)
	if d := probe(box); d.First > 1000 || d.Last < 1000 {
		t.Errorf("the embed's box scrolled to lane 1,000 draws lanes %d–%d", d.First, d.Last)
	}
	b.viewScreenshot(t, "windowed-embed-1280.png")

	// In print, the box opens and the lanes not drawn leave no blank pages.
	b.run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	var printed struct{ MaxHeight, Padding, Button string }
	b.eval(t, `(() => { const box = getComputedStyle(document.querySelector("#chart-scroller")), lanes = getComputedStyle(document.querySelector("#chart-lanes"));
		const button = document.querySelector(".show-more__button");
		return {MaxHeight: box.maxHeight, Padding: lanes.paddingTop + " " + lanes.paddingBottom, Button: button ? getComputedStyle(button).display : "absent"} })()`, &printed)
	if printed != (struct{ MaxHeight, Padding, Button string }{"none", "0px 0px", "none"}) {
		t.Errorf("in print, the box's max-height, the lanes' padding and the Show more button's display are %+v, want none, 0px 0px and none", printed)
	}
	b.run(t, emulation.SetEmulatedMedia().WithMedia(""))
	b.checkConsole(t)
}

// TestBrowserDetailsWhereTheReaderIs opens a relationship's details deep
// in a timeline of 2,000 people, on the page and in the embed: they open
// where the reader is, not below every lane, and closing them leaves the
// reader where they were, with the focus on the bar that opened them.
func TestBrowserDetailsWhereTheReaderIs(t *testing.T) {
	crowd := data.Generate(2000, 3000, 11)
	crowd.ID = "crowd"
	src, err := json.Marshal(crowd)
	if err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, writeFiles(t, map[string]string{"crowd.json": string(src)}))
	for _, page := range []struct{ path, scroll string }{
		{"/t/crowd", `scrollTo(0, document.querySelector("#chart-lanes").offsetTop + document.querySelector("#chart-lanes").offsetHeight / 2)`},
		{"/embed/crowd", `(() => { const box = document.querySelector("#chart-scroller"); box.scrollTop = box.scrollHeight / 2 })()`},
	} {
		t.Run(page.path, func(t *testing.T) {
			b := newBrowser(t, 1280, 900)
			b.run(t, chromedp.Navigate(srv.URL+page.path), waitInteractive())
			b.eval(t, page.scroll, nil)
			b.waitFor(t, "lanes in view", laneProbe+`(document.querySelector(".chart__scroller--box"))`+`.inView`)
			// A bar well inside the window, once the lanes stop moving.
			var bar string
			b.waitFor(t, "a bar in view", `(() => {
				// Whole, in the window and in the embed's box: a click on a bar
				// partly out of sight scrolls it in first (chromedp's too).
				const box = document.querySelector(".chart__scroller--box")?.getBoundingClientRect() ?? {top: 0, bottom: innerHeight};
				const b = [...document.querySelectorAll(".lane a.bar")].find(b => {
					const r = b.getBoundingClientRect();
					return r.top > Math.max(150, box.top) && r.bottom < Math.min(innerHeight - 150, box.bottom) && r.width > 20 &&
						b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)) });
				return b && (window.chosenBar = b.id) })()`)
			b.eval(t, `window.chosenBar`, &bar)
			before := b.scrollPlace(t, bar)
			b.run(t, chromedp.Click("#"+bar, chromedp.ByID))
			b.waitFor(t, "focus in the details", `document.activeElement.id == "details"`)
			b.run(t, chromedp.Sleep(afterDeferredWork))
			if after := b.scrollPlace(t, bar); after != before {
				t.Errorf("opening the details moved the reader from %+v to %+v", before, after)
			}
			var inView bool
			b.eval(t, `(() => { const r = document.querySelector("#details .details__title").getBoundingClientRect();
				return r.top >= 0 && r.bottom <= innerHeight })()`, &inView)
			if !inView {
				t.Error("the details' title is not in the window")
			}
			b.viewScreenshot(t, "details-deep"+strings.ReplaceAll(page.path, "/", "-")+".png")

			b.run(t, chromedp.KeyEvent(kb.Escape))
			b.waitFor(t, "the details closed, focus on "+bar, `!document.querySelector("#details") && document.activeElement.id == "`+bar+`"`)
			b.run(t, chromedp.Sleep(afterDeferredWork))
			if after := b.scrollPlace(t, bar); after != before {
				t.Errorf("after closing the details the reader is at %+v, want %+v where they were", after, before)
			}
			b.checkConsole(t)
		})
	}
}

// scrollPlace is where the reader is: how far the window is scrolled,
// and where the bar they chose is in it (the chart's own box, an embed's,
// may shift what it scrolled to as it measures the lanes it draws: what
// the reader sees is the bar), in whole CSS pixels.
type scrollPlace struct{ Window, Bar int }

func (b *browser) scrollPlace(t *testing.T, bar string) scrollPlace {
	t.Helper()
	var p scrollPlace
	b.eval(t, `(() => { const bar = document.getElementById(`+strconv.Quote(bar)+`);
		return {Window: Math.round(scrollY), Bar: bar ? Math.round(bar.getBoundingClientRect().top) : -1} })()`, &p)
	return p
}
