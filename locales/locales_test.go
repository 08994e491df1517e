package locales

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
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

// TestFor checks which catalogue and CLDR locale a page language gets,
// and that a missing string falls back to English.
func TestFor(t *testing.T) {
	tests := []struct {
		lang, fallback string
		tag, dir       string
		unknown        bool
		fit, zoomHint  string // a German message, and one German lacks
		june           string // June 2025 as the language writes it
	}{
		{"en-GB", English, "en-GB", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "June 2025"},
		{"en", English, "en", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "June 2025"},
		{"de", English, "de", "ltr", false, "Alles", "Hold Ctrl and scroll, or pinch, to zoom", "Juni 2025"},
		{"de-AT", English, "de-AT", "ltr", false, "Alles", "Hold Ctrl and scroll, or pinch, to zoom", "Juni 2025"},
		{"de-CH", English, "de-CH", "ltr", false, "Alles", "Hold Ctrl and scroll, or pinch, to zoom", "Juni 2025"},
		{"pl", English, "pl", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "czerwiec 2025"},
		{"ar", English, "ar", "rtl", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "يونيو 2025"},
		{"ar-EG", English, "ar-EG", "rtl", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "يونيو ٢٠٢٥"},
		{"he", English, "he", "rtl", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "יוני 2025"},
		{"fa", English, "fa", "rtl", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "ژوئن ۲۰۲۵"},
		{"ja", English, "ja", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "2025年6月"},
		{"zh-TW", English, "zh-TW", "ltr", false, "Fit", "Hold Ctrl and scroll, or pinch, to zoom", "2025年6月"},
		{"xx", "de", "de", "ltr", true, "Alles", "Hold Ctrl and scroll, or pinch, to zoom", "Juni 2025"},
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
	missing := Missing("de")
	if !slices.Contains(missing, "zoomHint") || slices.Contains(missing, "fitLabel") || !slices.IsSorted(missing) {
		t.Errorf("Missing(de) = %q, want the sorted ids German lacks, zoomHint among them and not fitLabel", missing)
	}
	if got := Missing("de-AT"); !slices.Equal(got, missing) {
		t.Errorf("Missing(de-AT) = %q, want German's", got)
	}
	for _, lang := range []string{"en", "en-GB", "ja", "xx"} {
		if got := Missing(lang); got != nil {
			t.Errorf("Missing(%q) = %q, want none: English has every string, and the others have no file", lang, got)
		}
	}
	if !Translated("de-CH") || Translated("ja") {
		t.Errorf("Translated(de-CH) = %v, Translated(ja) = %v; want true, false", Translated("de-CH"), Translated("ja"))
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
		{"pl", 1234, "1234 people"},         // Polish groups from five digits (CLDR's minimumGroupingDigits)
		{"pl", 12345, "12\u00a0345 people"}, // with a no-break space
		{"ar-EG", 3, "٣ people"},
	}
	for _, tt := range tests {
		if got := For(tt.lang, English).Count("people", tt.n); got != tt.want {
			t.Errorf("%s: Count(people, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
