package locales

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/liaison-timeline/liaison/app/locale"
)

func TestCataloguesParse(t *testing.T) {
	load() // panics on a catalogue that does not parse
	if len(catalogues[English]) < 100 {
		t.Errorf("the English catalogue has %d messages; it should have every message of the pages", len(catalogues[English]))
	}
	for lang, messages := range catalogues {
		for id, m := range messages {
			if _, ok := catalogues[English][id]; !ok {
				t.Errorf("messages/%s.json: %q is no message of the pages (English has none)", lang, id)
			}
			// A placeholder a translation names must be one English fills.
			for _, text := range m {
				for _, name := range placeholders(text) {
					if !slices.Contains(placeholders(strings.Join(mapValues(catalogues[English][id]), " ")), name) {
						t.Errorf("messages/%s.json: %q has {{.%s}}, which the page never fills", lang, id, name)
					}
				}
			}
		}
	}
}

func placeholders(text string) []string {
	var names []string
	for {
		i := strings.Index(text, "{{.")
		if i < 0 {
			return names
		}
		j := strings.Index(text[i:], "}}")
		if j < 0 {
			return names
		}
		names = append(names, text[i+3:i+j])
		text = text[i+j+2:]
	}
}

func mapValues(m map[string]string) []string {
	var list []string
	for _, v := range m {
		list = append(list, v)
	}
	return list
}

func TestParseCatalogueErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"not JSON", `{"a": }`, "invalid character"},
		{"a number", `{"a": 1}`, `message "a": expected a text or an object of plural forms`},
		{"an unknown form", `{"a": {"one": "x", "other": "y", "several": "z"}}`, `message "a": unknown plural form "several"`},
		{"no other", `{"a": {"one": "x"}}`, `message "a": has no "other" form`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCatalogue([]byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseCatalogue(%s) = %v, want an error with %q", tt.src, err, tt.want)
			}
		})
	}
	m, err := ParseCatalogue([]byte(`{"a": "x", "b": {"description": "for translators", "one": "1", "other": "n"}}`))
	if err != nil || m["a"]["other"] != "x" || m["b"]["one"] != "1" || m["b"]["description"] != "" {
		t.Errorf("ParseCatalogue = %v, %v", m, err)
	}
}

// withCatalogue has lang speak messages for the rest of the test, as if
// messages/{lang}.json said them: every shipped catalogue is whole, and
// a language a translator has only begun is what falls back to English.
func withCatalogue(t *testing.T, lang string, messages map[string]locale.Message) {
	t.Helper()
	load()
	catalogues[lang] = messages
	t.Cleanup(func() { delete(catalogues, lang) })
}

// TestFor checks which catalogue and CLDR locale a page language gets,
// and that a missing string falls back to English.
func TestFor(t *testing.T) {
	withCatalogue(t, "ko", map[string]locale.Message{"fitLabel": {"other": "전체"}})
	tests := []struct {
		lang, fallback string
		tag, dir       string
		unknown        bool
		fit, zoomHint  string // a message, and one Korean alone lacks
		june           string // June 2025 as the language writes it
	}{
		{"en-GB", English, "en-GB", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "June 2025"},
		{"en", English, "en", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "June 2025"},
		{"de", English, "de", "ltr", false, "Alles", "Zum Zoomen Strg gedrückt halten und scrollen oder mit zwei Fingern ziehen", "Juni 2025"},
		{"de-AT", English, "de-AT", "ltr", false, "Alles", "Zum Zoomen Strg gedrückt halten und scrollen oder mit zwei Fingern ziehen", "Juni 2025"},
		{"de-CH", English, "de-CH", "ltr", false, "Alles", "Zum Zoomen Strg gedrückt halten und scrollen oder mit zwei Fingern ziehen", "Juni 2025"},
		{"pl", English, "pl", "ltr", false, "Całość", "Aby powiększyć, przytrzymaj Ctrl i przewiń albo rozsuń palce", "czerwiec 2025"},
		{"pt-BR", English, "pt-BR", "ltr", false, "Tudo", "Para dar zoom, segure Ctrl e role a página, ou faça o movimento de pinça", "junho de 2025"},
		// CLDR's pt is Brazilian Portuguese: a page in pt speaks pt-BR's
		// strings, one in pt-PT English's with Portugal's dates.
		{"pt", English, "pt", "ltr", false, "Tudo", "Para dar zoom, segure Ctrl e role a página, ou faça o movimento de pinça", "junho de 2025"},
		{"pt-PT", English, "pt-PT", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "junho de 2025"},
		{"ar", English, "ar", "rtl", false, "الكل", "للتكبير، اضغط على Ctrl مع التمرير، أو باعد بين إصبعين", "يونيو 2025"},
		{"ar-EG", English, "ar-EG", "rtl", false, "الكل", "للتكبير، اضغط على Ctrl مع التمرير، أو باعد بين إصبعين", "يونيو ٢٠٢٥"},
		{"he", English, "he", "rtl", false, "הכול", "כדי להגדיל או להקטין, החזיקו Ctrl וגללו, או צבטו", "יוני 2025"},
		{"fa", English, "fa", "rtl", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "ژوئن ۲۰۲۵"},
		{"ja", English, "ja", "ltr", false, "全体", "Ctrlキーを押しながらスクロールするか、ピンチ操作で拡大・縮小できます", "2025年6月"},
		{"zh-TW", English, "zh-TW", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "2025年6月"},
		{"ko", English, "ko", "ltr", false, "전체", "Hold Ctrl and scroll, or pinch, to zoom", "2025년 6월"},
		{"xx", "de", "de", "ltr", true, "Alles", "Zum Zoomen Strg gedrückt halten und scrollen oder mit zwei Fingern ziehen", "Juni 2025"},
		{"german", "en-GB", "en-GB", "ltr", true, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "June 2025"},
	}
	june := time.Date(2025, time.June, 14, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			l := For(tt.lang, tt.fallback)
			if l.Lang != tt.lang || l.Tag != tt.tag || l.Dir != tt.dir || l.Unknown != tt.unknown {
				t.Errorf("For(%q) is lang %q, tag %q, dir %q, unknown %v; want %q, %q, %q, %v",
					tt.lang, l.Lang, l.Tag, l.Dir, l.Unknown, tt.lang, tt.tag, tt.dir, tt.unknown)
			}
			if got := l.Text("fitLabel"); got != tt.fit {
				t.Errorf("fitLabel = %q, want %q", got, tt.fit)
			}
			if got := l.Text("zoomHint"); got != tt.zoomHint {
				t.Errorf("zoomHint = %q, want %q (English, where the language lacks it)", got, tt.zoomHint)
			}
			if got := l.CLDR.Format(june, l.CLDR.YearMonth); got != tt.june {
				t.Errorf("June 2025 = %q, want %q", got, tt.june)
			}
		})
	}
}

func TestMissing(t *testing.T) {
	withCatalogue(t, "ko", map[string]locale.Message{"fitLabel": {"other": "전체"}})
	missing := Missing("ko")
	if !slices.Contains(missing, "zoomHint") || slices.Contains(missing, "fitLabel") || !slices.IsSorted(missing) ||
		len(missing) != len(catalogues[English])-1 {
		t.Errorf("Missing(ko) = %q, want the sorted ids Korean lacks: every one but fitLabel", missing)
	}
	if got := Missing("ko-KR"); !slices.Equal(got, missing) {
		t.Errorf("Missing(ko-KR) = %q, want Korean's", got)
	}
	for _, lang := range []string{"en", "en-GB", "de", "de-AT", "ja", "zh", "xx"} {
		if got := Missing(lang); got != nil {
			t.Errorf("Missing(%q) = %q, want none: English and the shipped languages have every string, and the others have no file", lang, got)
		}
	}
	for lang, want := range map[string]bool{"de-CH": true, "ja": true, "pt": true, "pt-BR": true, "pt-PT": false, "zh": false, "ko": true} {
		if got := Translated(lang); got != want {
			t.Errorf("Translated(%q) = %v, want %v", lang, got, want)
		}
	}
}

// TestPluralCategories checks the plural rules, read from CLDR's data as
// the WebAssembly reads them, against golang.org/x/text's own tables of
// CLDR's rules, for languages of one to six categories.
func TestPluralCategories(t *testing.T) {
	forms := map[plural.Form]string{plural.Other: "other", plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many"}
	for _, lang := range []string{"en", "de", "fr", "pt", "ja", "pl", "ru", "uk", "cs", "lt", "ar", "cy", "ga", "sl"} {
		l := For(lang, English)
		for n := range 1200 {
			want := forms[plural.Cardinal.MatchPlural(language.MustParse(lang), n, 0, 0, 0, 0)]
			if got := l.CLDR.PluralCategory(n); got != want {
				t.Errorf("%s: %d is %q, want %q", lang, n, got, want)
			}
		}
	}
	// And as a reader reads them.
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "other"}, {"en", 1, "one"}, {"en", 2, "other"},
		{"fr", 0, "one"}, {"fr", 1, "one"}, {"fr", 2, "other"},
		{"pl", 1, "one"}, {"pl", 2, "few"}, {"pl", 5, "many"}, {"pl", 12, "many"}, {"pl", 22, "few"}, {"pl", 25, "many"},
		{"ar", 0, "zero"}, {"ar", 1, "one"}, {"ar", 2, "two"}, {"ar", 3, "few"}, {"ar", 11, "many"}, {"ar", 100, "other"}, {"ar", 103, "few"},
		{"ja", 1, "other"},
	}
	for _, tt := range tests {
		if got := For(tt.lang, English).CLDR.PluralCategory(tt.n); got != tt.want {
			t.Errorf("%s: %d is %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en-GB", 1, "1 person"},
		{"en-GB", 2, "2 people"},
		{"en-GB", 12345, "12,345 people"},
		{"de", 1, "1 Person"},
		{"de", 1234, "1.234 Personen"},
		{"pl", 1, "1 osoba"},
		{"pl", 3, "3 osoby"},
		{"pl", 1234, "1234 osoby"},        // Polish groups from five digits (CLDR's minimumGroupingDigits)
		{"pl", 12345, "12\u00a0345 osób"}, // with a no-break space
		{"fr", 0, "0 personne"},
		{"fr", 2, "2 personnes"},
		{"fr", 1000000, "1\u202f000\u202f000 de personnes"},
		{"ar", 2, "شخصان"},
		{"ar", 11, "11 شخصًا"},
		{"ar-EG", 3, "٣ أشخاص"},
		{"he", 2, "שני אנשים"},
		{"ja", 1, "1人"},
	}
	for _, tt := range tests {
		if got := For(tt.lang, English).Count("people", tt.n); got != tt.want {
			t.Errorf("%s: Count(people, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
