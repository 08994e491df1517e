package picture

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
	"github.com/liaison-timeline/liaison/locales"
)

func TestMain(m *testing.M) {
	english := locales.For(app.DefaultLang, app.DefaultLang)
	app.SetWords(func() *locale.Locale { return english })
	os.Exit(m.Run())
}

var now = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func defaultTimeline(t testing.TB) *data.Timeline {
	t.Helper()
	lib, err := data.LoadLibrary(timelines.FS)
	if err != nil {
		t.Fatal(err)
	}
	tl, _ := lib.Timeline("james-norton")
	return tl
}

// TestDrawSizes draws the charts and cards of a small and a huge
// timeline: each is 1200 px wide, a card 630 high, and a chart of
// 100,000 relationships as high as its 40 lanes at most, the others
// counted.
func TestDrawSizes(t *testing.T) {
	small := app.PictureOf(defaultTimeline(t), app.ViewState{}, now, 10)
	huge := app.PictureOf(data.Generate(20000, 100000, 1), app.ViewState{}, now, 10)
	for _, tt := range []struct {
		name      string
		picture   app.Picture
		kind      Kind
		minH      int
		maxH      int
		drawsMore bool
	}{
		{"default chart", small, Chart, 400, 1200, false},
		{"default card", small, Card, 630, 630, false},
		{"huge chart", huge, Chart, 1000, 4000, true},
		{"huge card", huge, Card, 630, 630, true},
	} {
		p := tt.picture
		var b bytes.Buffer
		if err := Draw(&b, p, tt.kind, PNG); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != Width || h < tt.minH || h > tt.maxH {
			t.Errorf("%s: %dx%d, want 1200 wide and %d to %d high", tt.name, w, h, tt.minH, tt.maxH)
		}
		d := newDrawing(p, tt.kind, light, 1)
		lanes, more, _ := d.plan()
		if (more > 0) != tt.drawsMore || len(lanes) > maxLanes || len(lanes) == 0 {
			t.Errorf("%s: draws %d lanes and leaves %d", tt.name, len(lanes), more)
		}
	}
}

// TestNamesWithoutLetters draws a timeline whose people are named in
// Arabic, Hebrew and Chinese: the first two are drawn, the third by its
// id, and the picture says why.
func TestNamesWithoutLetters(t *testing.T) {
	tl := data.Generate(3, 3, 1)
	tl.People[0].Name, tl.People[1].Name, tl.People[2].Name = "ليلى أحمد", "שרה כהן", "周冬雨"
	d := &drawing{}
	for i, want := range []string{"ليلى أحمد", "שרה כהן", tl.People[2].ID} {
		if got := d.name(&tl.People[i]); got != want {
			t.Errorf("%s is written %q, want %q", tl.People[i].Name, got, want)
		}
	}
	if !d.undrawn {
		t.Error("the picture does not say that a name is written by its id")
	}
}

// BenchmarkDrawDefault draws the default timeline's chart, as a server
// does once per view, version and hour.
func BenchmarkDrawDefault(b *testing.B) {
	p := app.PictureOf(defaultTimeline(b), app.ViewState{}, now, 10)
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := Draw(&out, p, Chart, PNG); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDrawHuge draws the chart of 100,000 relationships, the most a
// picture draws of any timeline (the layout is the page's).
func BenchmarkDrawHuge(b *testing.B) {
	huge := data.Generate(20000, 100000, 1)
	p := app.PictureOf(huge, app.ViewState{}, now, 10)
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if err := Draw(&out, p, Chart, PNG); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWasmCarriesNoPictures checks that the WebAssembly does not carry
// the pictures' drawing and fonts: readers would download them for
// nothing.
func TestWasmCarriesNoPictures(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "github.com/liaison-timeline/liaison/cmd/liaison-wasm")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if strings.Contains(pkg, "tdewolff") || strings.Contains(pkg, "/picture") || strings.Contains(pkg, "typesetting") {
			t.Errorf("the WebAssembly imports %s", pkg)
		}
	}
}

// speaking has app's words be those of lang until the test ends: a
// picture is drawn in the language of its render.
func speaking(t *testing.T, lang string) {
	t.Helper()
	l := locales.For(lang, app.DefaultLang)
	app.SetWords(func() *locale.Locale { return l })
	t.Cleanup(func() {
		english := locales.For(app.DefaultLang, app.DefaultLang)
		app.SetWords(func() *locale.Locale { return english })
	})
}

func date(t *testing.T, s string) data.Date {
	t.Helper()
	d, err := data.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pictureOf is the chart of tl in the window query names (from=…&to=…),
// drawn as a PNG, and the drawing that placed it.
func pictureOf(t *testing.T, tl *data.Timeline, query string) (image.Image, *drawing) {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	p := app.PictureOf(tl, app.ParseViewState(q), now, 10)
	var b bytes.Buffer
	if err := Draw(&b, p, Chart, PNG); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	return img, newDrawing(p, Chart, light, 1)
}

// at is the chart's x of time tm, from the picture's start edge.
func (d *drawing) at(tm time.Time) float64 {
	return d.chartX + d.p.Layout.Scale.Percent(tm)/100*d.chartW
}

// laneTop is where lane i starts.
func (d *drawing) laneTop(i int) float64 {
	y := d.headerHeight(Chart)
	for k := range i {
		y += d.laneHeight(&d.p.Layout.Lanes[k], Chart)
	}
	return y
}

// bandMiddle is the y of the middle of lane i's first row's band.
func (d *drawing) bandMiddle(i int) float64 { return d.laneTop(i) + lanePad + bandTop + bandHeight/2 }

// lum is how light the pixel of img at x, y (from the left) is, 0 to 255.
func lum(img image.Image, x, y float64) float64 {
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	return (.2126*float64(r) + .7152*float64(g) + .0722*float64(b)) / 257
}

// TestAsOfEnd draws a relationship that lasts, known until June 2022, in
// a window to 2027 (an event of 2026 keeps now in it), left to right and
// right to left: its bar ends at its latest evidence, not at now,
// fading, closed by a dashed line, with no arrow, as the page's
// .bar--as-of.
func TestAsOfEnd(t *testing.T) {
	for _, lang := range []string{"en", "ar"} {
		t.Run(lang, func(t *testing.T) {
			speaking(t, lang)
			asOf := date(t, "2022-06")
			tl := &data.Timeline{ID: "as-of", Title: "As of",
				People: []data.Person{{ID: "ann", Name: "Ann"}, {ID: "bo", Name: "Bo"}},
				Relationships: []data.Relationship{{ID: "r", People: [2]string{"ann", "bo"},
					Phases: []data.Phase{{Status: data.Dating, From: date(t, "2020")}}, AsOf: &asOf}},
				Events: []data.Event{{ID: "e", Title: "Seen", Date: date(t, "2026-06"), People: []string{"ann"}}},
			}
			img, d := pictureOf(t, tl, "from=2019&to=2027")
			if d.p.Now == nil {
				t.Fatal("the window does not show now")
			}
			end, nowX := d.at(asOf.End()), d.at(now)
			top, mid := d.bandMiddle(0)-bandHeight/2, d.bandMiddle(0)
			for x := end + 3; x < nowX-3; x++ {
				if l := lum(img, d.seen(x), mid); l < 200 {
					t.Fatalf("something is drawn (lightness %.0f) %.0f px after the latest evidence, toward now: an arrow, or the bar", l, x-end)
				}
			}
			if solid, last := lum(img, d.seen(end-60), mid), lum(img, d.seen(end-3), mid); last < solid+60 {
				t.Errorf("the bar does not fade at its end: lightness %.0f 3 px before it, %.0f 60 px before", last, solid)
			}
			line := 255.0
			for x := end - 3; x <= end+1; x++ {
				for y := top - 4; y < top-1; y++ {
					line = min(line, lum(img, d.seen(x), y))
				}
			}
			if line > 100 {
				t.Errorf("no dashed line closes the bar above its band (darkest %.0f)", line)
			}
		})
	}
}

// transitions counts the changes between the paper and a colour along
// the row y of img from x0 to x1 (from the start edge).
func transitions(img image.Image, d *drawing, x0, x1, y float64) int {
	n, paper := 0, lum(img, d.seen(x0), y) > 200
	for x := x0; x < x1; x++ {
		l := lum(img, d.seen(x), y)
		if now := l > 200; now != paper && (l > 200 || l < 140) {
			n, paper = n+1, now
		}
	}
	return n
}

// TestContestedStripes draws a relationship whose start and end have two
// accounts each, 2016 or 2018 and 2022 or 2024 (to the end of either
// year), and one whose dates are
// known only roughly across the same years: the first is striped across
// each pair of accounts, as the page's .segment__contested, the second
// fades.
func TestContestedStripes(t *testing.T) {
	for _, lang := range []string{"en", "he"} {
		t.Run(lang, func(t *testing.T) {
			speaking(t, lang)
			account := func(s string) []data.Account { return []data.Account{{Date: date(t, s)}} }
			tl := &data.Timeline{ID: "contested", Title: "Contested",
				People: []data.Person{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}},
				Relationships: []data.Relationship{
					{ID: "contested", People: [2]string{"a", "b"},
						Phases: []data.Phase{{Status: data.Dating, From: date(t, "2018"), Alternatives: account("2016")}},
						End:    &data.End{Date: date(t, "2022"), Alternatives: account("2024")}},
					{ID: "rough", People: [2]string{"c", "d"},
						Phases: []data.Phase{{Status: data.Dating, From: date(t, "2016/2018")}},
						End:    &data.End{Date: date(t, "2022/2024")}},
				},
			}
			img, d := pictureOf(t, tl, "from=2015&to=2025")
			year := func(y int) float64 { return d.at(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)) }
			for _, tt := range []struct {
				lane     int
				what     string
				from, to float64
				striped  bool
			}{
				{0, "the start's accounts", year(2016) + 3, year(2019) - 3, true},
				{0, "the end's accounts", year(2022) + 3, year(2025) - 3, true},
				{0, "between the accounts", year(2019) + 3, year(2022) - 3, false},
				{2, "a rough start", year(2016) + 3, year(2019) - 3, false},
				{2, "a rough end", year(2022) + 3, year(2025) - 3, false},
			} {
				n := transitions(img, d, tt.from, tt.to, d.bandMiddle(tt.lane))
				if striped := n >= 10; striped != tt.striped {
					t.Errorf("lane %d, %s: %d changes between colour and paper, striped %v, want %v", tt.lane, tt.what, n, striped, tt.striped)
				}
			}
		})
	}
}

// TestPictureMirrors draws a marriage of 2020 after two years of dating
// in English, Arabic and Hebrew: in the last two, as their page is, the
// names are on the right, later dates to the left of earlier ones, and
// the legend starts on the right.
func TestPictureMirrors(t *testing.T) {
	for _, tt := range []struct {
		lang string
		rtl  bool
	}{{"en", false}, {"ar", true}, {"he", true}} {
		t.Run(tt.lang, func(t *testing.T) {
			speaking(t, tt.lang)
			tl := &data.Timeline{ID: "mirror", Title: "Mirror",
				People: []data.Person{{ID: "ann", Name: "Ann Example"}, {ID: "bo", Name: "Bo Example"}},
				Relationships: []data.Relationship{{ID: "r", People: [2]string{"ann", "bo"},
					Phases: []data.Phase{{Status: data.Dating, From: date(t, "2018")}, {Status: data.Married, From: date(t, "2020")}},
					End:    &data.End{Date: date(t, "2023")}}},
			}
			img, d := pictureOf(t, tl, "from=2016&to=2024")
			if d.p.RTL != tt.rtl {
				t.Fatalf("RTL %v, want %v", d.p.RTL, tt.rtl)
			}
			// Where each status's colour is seen, from the left.
			mid := d.bandMiddle(0)
			seenAt := func(c color.RGBA) float64 {
				sum, n := 0.0, 0
				for x := 0; x < Width; x++ {
					r, g, b, _ := img.At(x, int(mid)).RGBA()
					if max(absDiff(r>>8, c.R), absDiff(g>>8, c.G), absDiff(b>>8, c.B)) < 12 {
						sum, n = sum+float64(x), n+1
					}
				}
				if n == 0 {
					t.Fatalf("no %v in the band", c)
				}
				return sum / float64(n)
			}
			dating, married := seenAt(light.status[data.Dating]), seenAt(light.status[data.Married])
			if later := married < dating; later != tt.rtl {
				t.Errorf("the marriage is seen at x %.0f, the dating before it at %.0f: later dates to the left %v, want %v", married, dating, later, tt.rtl)
			}
			// The name, on the start side; nothing on the other.
			top := d.laneTop(0) + lanePad + 6
			ink := func(x0, x1 float64) int {
				n := 0
				for x := x0; x < x1; x++ {
					for y := top; y < top+16; y++ {
						if lum(img, x, y) < 100 {
							n++
						}
					}
				}
				return n
			}
			left, right := ink(margin, margin+namesWidth/2), ink(Width-margin-namesWidth/2, Width-margin)
			if onRight := right > left; onRight != tt.rtl || min(left, right) > 0 {
				t.Errorf("the name's ink: %d px on the left, %d on the right; want it all on the right: %v", left, right, tt.rtl)
			}
			// The legend's first swatch, Dating's, where its items start.
			legend := d.laneTop(len(d.p.Layout.Lanes)) + 16 + 4 + bandHeight/2
			if d.p.Now != nil {
				legend += 20
			}
			r, g, b, _ := img.At(int(d.seen(d.chartX+16)), int(legend)).RGBA()
			if c := (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}); c != light.status[data.Dating] {
				t.Errorf("the legend does not start with Dating %.0f px from the start edge: %v there", d.chartX+16, c)
			}
		})
	}
}

func absDiff(a uint32, b uint8) uint32 {
	if a > uint32(b) {
		return a - uint32(b)
	}
	return uint32(b) - a
}
