package picture

import (
	"bytes"
	"image/png"
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
