//go:build built

package server

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/chromedp/chromedp"
)

// texturesTimeline has one relationship of each certainty, each dating,
// then engaged, then married.
const texturesTimeline = `{
  "schema": "timeline/v1", "id": "textures", "title": "Textures",
  "people": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Bob"}, {"id": "c", "name": "Cat"},
    {"id": "d", "name": "Dan"}, {"id": "e", "name": "Eve"}, {"id": "f", "name": "Fay"}],
  "relationships": [
    {"id": "confirmed", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2010"}, {"status": "engaged", "from": "2012"}, {"status": "married", "from": "2014"}], "end": {"date": "2016"}},
    {"id": "reported", "people": ["c", "d"], "certainty": "reported", "phases": [{"status": "dating", "from": "2010"}, {"status": "engaged", "from": "2012"}, {"status": "married", "from": "2014"}], "end": {"date": "2016"}},
    {"id": "rumoured", "people": ["e", "f"], "certainty": "rumoured", "phases": [{"status": "dating", "from": "2010"}, {"status": "engaged", "from": "2012"}, {"status": "married", "from": "2014"}], "end": {"date": "2016"}}
  ]
}`

// TestBrowserStatusTexturesShow looks at the pixels of the bars: each
// status keeps its texture whatever the certainty (dots across an
// engagement, two lines along a marriage, none on dating), so that a
// reader who cannot tell the colours apart still can the statuses, on
// reported and rumoured relationships too, in both themes.
func TestBrowserStatusTexturesShow(t *testing.T) {
	srv := startServer(t, writeFiles(t, map[string]string{"textures.json": texturesTimeline}))
	b := newBrowser(t, 1280, 900)
	for _, theme := range []string{"light", "dark"} {
		b.run(t, chromedp.Navigate(srv.URL+"/t/textures?theme="+theme), waitInteractive(),
			chromedp.EmulateViewport(1280, 900, chromedp.EmulateScale(2)))
		var shot []byte
		b.run(t, chromedp.CaptureScreenshot(&shot))
		page, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		for _, certainty := range []string{"confirmed", "reported", "rumoured"} {
			peaks := func(status string, across bool) int {
				t.Helper()
				var r struct{ Left, Top, Width, Height float64 }
				b.eval(t, `(() => { const s = document.querySelector('.bar[data-relationship="`+certainty+`"] .segment--`+status+`');
					const r = s.getBoundingClientRect(); return {Left: r.left, Top: r.top, Width: r.width, Height: r.height} })()`, &r)
				// The middle half of the segment, where its colour is solid,
				// in device pixels.
				x0, x1 := int(2*(r.Left+r.Width/4)), int(2*(r.Left+3*r.Width/4))
				y0, y1 := int(2*r.Top), int(2*(r.Top+r.Height))
				// Textures are drawn in the page's colour: lighter than
				// the bar in the light theme, darker in the dark.
				lighter := theme == "light"
				if across {
					return luminancePeaks(page, x0, x1, (y0+y1)/2, true, lighter)
				}
				return luminancePeaks(page, y0, y1, (x0+x1)/2, false, lighter)
			}
			if n := peaks("engaged", true); n < 10 {
				t.Errorf("%s, %s: an engagement shows %d dots across half of it, want its dots", theme, certainty, n)
			}
			if n := peaks("married", false); n != 2 {
				t.Errorf("%s, %s: a marriage shows %d lines along it, want its two", theme, certainty, n)
			}
			if across, along := peaks("dating", true), peaks("dating", false); across > 1 || along > 0 {
				t.Errorf("%s, %s: dating is textured (%d marks across, %d along), want it plain: textures tell statuses apart", theme, certainty, across, along)
			}
		}
		b.viewScreenshot(t, "textures-"+theme+".png")
	}
	b.checkConsole(t)
}

// luminancePeaks counts the marks on a line of img, from a to b at c
// (along x when horizontal, else along y): the pixels lighter (or darker,
// when not lighter) than those beside them, standing out by a visible step
// from the shade a few pixels away on both sides. A smooth shade has none.
func luminancePeaks(img image.Image, a, b, c int, horizontal, lighter bool) int {
	lum := func(i int) float64 {
		x, y := i, c
		if !horizontal {
			x, y = c, i
		}
		r, g, bl, _ := img.At(x, y).RGBA()
		v := (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(bl)) / 257
		if !lighter {
			v = 255 - v
		}
		return v
	}
	const (
		step   = 10 // of 255: a visible difference
		around = 5  // device pixels each side: a mark's surroundings
	)
	n := 0
	for i := a + 1; i < b-1; i++ {
		v := lum(i)
		if v < lum(i-1) || v <= lum(i+1) { // the last pixel of a plateau
			continue
		}
		left, right := v, v
		for k := 1; k <= around; k++ {
			left, right = min(left, lum(max(i-k, a))), min(right, lum(min(i+k, b-1)))
		}
		if v-max(left, right) >= step {
			n++
		}
	}
	return n
}
