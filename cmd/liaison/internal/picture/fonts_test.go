package picture

import (
	"math"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tdewolff/canvas"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
	"github.com/liaison-timeline/liaison/locales"
)

// TestTextOrder checks the order in which a line's words are seen from
// the left: Arabic and Hebrew from the right, with their brackets
// mirrored, beside Latin and numbers, all on one baseline.
func TestTextOrder(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Lily Allen", []string{"Lily", "Allen"}},
		{"ليلى أحمد", []string{"أحمد", "ليلى"}},
		{"שרה כהן", []string{"כהן", "שרה"}},
		{"Lily and ليلى أحمد", []string{"Lily", "and", "أحمد", "ليلى"}},
		{"שרה כהן (2019)", []string{"(", "2019", ")", "כהן", "שרה"}},
		{"As of يونيو 2022", []string{"As", "of", "2022", "يونيو"}},
		{"ليلى and 2 others", []string{"and", "2", "others", "ليلى"}},
		{"يُعرض Lily Allen وشركاؤهم.", []string{"وشركاؤهم.", "Lily", "Allen", "يُعرض"}},
		{"Lily\nAllen\tX", []string{"Lily", "Allen", "X"}},
	}
	for _, tt := range tests {
		l := textLine(tt.text, 16, false, canvas.Black)
		var got []string
		x := -1.0
		baseline := 0.0
		for i, p := range l.pieces {
			got = append(got, p.text.Text)
			if p.X <= x {
				t.Errorf("%q: %q is not right of the word before", tt.text, p.text.Text)
			}
			x = p.X
			p.text.WalkSpans(func(_, y float64, _ canvas.TextSpan) {
				// y is the span's baseline, up from the text's top.
				if i == 0 {
					baseline = p.Y - y
				} else if math.Abs(p.Y-y-baseline) > .01 {
					t.Errorf("%q: %q stands %.1f px above the baseline of %q", tt.text, p.text.Text, baseline-(p.Y-y), l.pieces[0].text.Text)
				}
			})
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q is seen as %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLettersWithoutFont checks that a letter no font has is never drawn
// (it would be a box): the text says … in its place, and a name is
// written by its id.
func TestLettersWithoutFont(t *testing.T) {
	for _, tt := range []struct {
		text     string
		drawable bool
		runs     []run
	}{
		{"Lily Allen", true, []run{{0, "Lily Allen"}}},
		{"ليلى", true, []run{{1, "ليلى"}}},
		{"שרה", true, []run{{2, "שרה"}}},
		{"Ζωή Ελένη", true, []run{{0, "Ζωή Ελένη"}}},
		{"周冬雨", false, []run{{0, "…"}}},
		{"Zhou 周冬雨 (actor)", false, []run{{0, "Zhou … (actor)"}}},
		{"Lily Allen\U000E0001", true, []run{{0, "Lily Allen"}}}, // a format mark no font has
	} {
		if got := drawable(tt.text); got != tt.drawable {
			t.Errorf("drawable(%q) = %v", tt.text, got)
		}
		if got := fonts().runs(tt.text); !slices.Equal(got, tt.runs) {
			t.Errorf("runs(%q) = %v, want %v", tt.text, got, tt.runs)
		}
	}
}

// missingGlyphs are the letters of l drawn as a font's box, glyph 0.
func missingGlyphs(l *line) []rune {
	var missing []rune
	for _, p := range l.pieces {
		p.text.WalkSpans(func(_, _ float64, span canvas.TextSpan) {
			for _, g := range span.Glyphs {
				if g.ID == 0 {
					missing = append(missing, g.Text)
				}
			}
		})
	}
	return missing
}

// TestEveryGlyphFound draws brackets, digits and full stops beside
// Arabic and Hebrew, and every text of the default timeline's picture in
// every shipped language, and checks that no letter is drawn as a box:
// Noto Sans Arabic has no brackets and Noto Sans Hebrew no digits, and a
// bracket of Arabic legend's came out as one. The brackets of a
// right-to-left run are seen mirrored: "(خط متقطع)" reads "(متقطع خط)"
// from the left.
func TestEveryGlyphFound(t *testing.T) {
	texts := map[string][]string{"": {
		"(خط متقطع)", "وفق تقارير إعلامية (خط متقطع)", "ليلى (2019)", "«ليلى» [أحمد] {2}",
		"(קו מקווקו)", "שרה כהן (2019).", "שרה: 2019, 2020; [כהן]",
	}}
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"(خط متقطع)", []string{"(", "متقطع", "خط", ")"}},
		{"(קו מקווקו).", []string{".(", "מקווקו", "קו", ")"}},
	} {
		var got []string
		for _, p := range textLine(tt.text, 14, false, canvas.Black).pieces {
			got = append(got, p.text.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q is seen as %q from the left, want %q", tt.text, got, tt.want)
		}
	}
	files, err := filepath.Glob("../../../../locales/messages/*.json")
	if err != nil || len(files) < 2 {
		t.Fatalf("the shipped languages are not found: %v %v", files, err)
	}
	lib, err := data.LoadLibrary(timelines.FS)
	if err != nil {
		t.Fatal(err)
	}
	tl, _ := lib.Timeline("james-norton")
	for _, file := range files {
		lang := strings.TrimSuffix(filepath.Base(file), ".json")
		l := locales.For(lang, app.DefaultLang)
		app.SetWords(func() *locale.Locale { return l })
		q, _ := url.ParseQuery("at=2022-06&person=lily-allen")
		for _, s := range []app.ViewState{{}, app.ParseViewState(q)} {
			p := app.PictureOf(tl, s, now, 10)
			w := p.Legend
			list := []string{p.Title, p.Showing, p.Sources, app.PictureMore(3), app.PictureUndrawn(),
				w.Statuses[data.Dating], w.Statuses[data.Engaged], w.Statuses[data.Married],
				w.Reported, w.Rumoured, w.Fade, w.Contested, w.AsOf, w.Event}
			list = append(list, p.Events...)
			for _, tick := range p.Ticks {
				list = append(list, tick.Text)
			}
			for _, label := range []*app.PictureLabel{p.Now, p.Cursor} {
				if label != nil {
					list = append(list, label.Text)
				}
			}
			texts[lang] = append(texts[lang], list...)
		}
	}
	english := locales.For(app.DefaultLang, app.DefaultLang)
	app.SetWords(func() *locale.Locale { return english })
	for lang, list := range texts {
		for _, text := range list {
			for _, bold := range []bool{false, true} {
				if missing := missingGlyphs(textLine(cut(text), 14, bold, canvas.Black)); len(missing) > 0 {
					t.Errorf("%s: %q draws %q as boxes (bold %v)", lang, text, missing, bold)
				}
			}
		}
	}
}
