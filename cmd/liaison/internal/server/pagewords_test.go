package server

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/locales"
)

var (
	htmlTag    = regexp.MustCompile(`<html[^>]*>`)
	wordsBlock = regexp.MustCompile(`(?s)<script type="application/json" id="` + app.WordsID + `">(.*?)</script>`)
)

// TestPageLanguage checks the language of each page: its <html lang dir>,
// the Locale it carries for the WebAssembly, and its words.
func TestPageLanguage(t *testing.T) {
	german := strings.Replace(readDefaultTimeline(t), `"id": "james-norton",`, `"id": "deutsch", "lang": "de",`, 1)
	srv := startServer(t, writeFiles(t, map[string]string{"james-norton.json": readDefaultTimeline(t), "deutsch.json": german}))
	tests := []struct {
		path, html, tag string
		says            string
	}{
		{"/t/james-norton", `<html lang="en-GB" dir="ltr">`, "en-GB", ">Fit</a>"},
		{"/t/deutsch", `<html lang="de" dir="ltr">`, "de", ">Alles</a>"},
		{"/embed/deutsch", `<html lang="de" dir="ltr">`, "de", ">Alles</a>"},
		{"/t/deutsch?lang=en", `<html lang="en" dir="ltr">`, "en", ">Fit</a>"},
		{"/t/james-norton?lang=de", `<html lang="de" dir="ltr">`, "de", ">Alles</a>"},
		{"/t/james-norton?lang=AR", `<html lang="ar" dir="rtl">`, "ar", ">الكل</a>"},
		{"/t/james-norton?lang=he", `<html lang="he" dir="rtl">`, "he", ">הכול</a>"},
		{"/t/deutsch?lang=xx", `<html lang="de" dir="ltr">`, "de", "lang=xx (erwartet: ein Sprachcode wie de, pt-BR oder ar)"},
		{"/t/james-norton?lang=%22%3E%3Cscript%3E", `<html lang="en-GB" dir="ltr">`, "en-GB", "lang=&#34;&gt;&lt;script&gt; (expected"},
		{"/", `<html lang="en-GB" dir="ltr">`, "en-GB", ">Timelines</h1>"},
		{"/?lang=de", `<html lang="de" dir="ltr">`, "de", ">Zeitleisten</h1>"},
		{"/?lang=ar-EG", `<html lang="ar-EG" dir="rtl">`, "ar-EG", ">٤ أشخاص · ٢٠١٨–٢٠٢٥</p>"},
		{"/t/nothing?lang=de", `<html lang="de" dir="ltr">`, "de", "Es gibt keine Zeitleiste namens „nothing“."},
		// Who ended it, a sentence of its own in the details.
		{"/t/james-norton?lang=fr&rel=james-norton-imogen-poots", `<html lang="fr" dir="ltr">`, "fr", "<p>C’est Imogen Poots qui a rompu.</p>"},
		{"/t/james-norton?lang=ja&rel=james-norton-imogen-poots", `<html lang="ja" dir="ltr">`, "ja", "<p>Imogen Pootsから別れを切り出しました。</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, _, page := get(t, srv.URL+tt.path)
			// <html lang dir>, and the loader's words in its language.
			tag := htmlTag.FindString(page)
			spoken := locales.For(tt.tag, locales.English)
			before, after, failed := app.LoaderText(spoken)
			if want := strings.TrimSuffix(tt.html, ">") + ` style="` + html.EscapeString(loaderStyle(spoken)) + `">`; tag != want {
				t.Errorf("the page's start tag is %s, want %s", tag, want)
			}
			if !strings.Contains(tag, html.EscapeString(before)) || after == "" || !strings.Contains(tag, html.EscapeString(failed)) {
				t.Errorf("the page's start tag %s lacks the loader's words %q, %q and %q", tag, before, after, failed)
			}
			m := wordsBlock.FindStringSubmatch(page)
			if m == nil {
				t.Fatal("the page carries no Locale for the WebAssembly")
			}
			var l locale.Locale
			if err := json.Unmarshal([]byte(m[1]), &l); err != nil || l.Tag != tt.tag || len(l.Messages) < 100 || l.CLDR.Year == "" {
				t.Errorf("the page's Locale is %q with %d messages (%v), want %q with every message", l.Tag, len(l.Messages), err, tt.tag)
			}
			if !strings.Contains(page, tt.says) {
				t.Errorf("the page does not say %q", tt.says)
			}
		})
	}
}

func TestCSSString(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Chargement… ", `"Chargement… "`},
		{"%", `"%"`},
		{`a "b" \ c`, `"a \"b\" \\ c"`},
		{"line\nbreak\x00", `"line\a break\0 "`},
		{"</style>", `"</style>"`}, // an attribute's value, which html.EscapeString escapes
	}
	for _, tt := range tests {
		if got := cssString(tt.in); got != tt.want {
			t.Errorf("cssString(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestPageDigits checks that the numbers of the events, on the chart's
// markers and in the list under it, are written in the page's digits, as
// screen readers hear them (markerLabel).
func TestPageDigits(t *testing.T) {
	srv := startServer(t, "")
	_, _, page := get(t, srv.URL+"/t/james-norton?lang=ar-EG")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`<span [^>]*class="events__number"[^>]*>\s*٤\s*</span>`),
		regexp.MustCompile(`<a [^>]*aria-label="الحدث ٤: [^>]*>\s*٤\s*</a>`),
	} {
		if !want.MatchString(page) {
			t.Errorf("the page has nothing like %s", want)
		}
	}
}
