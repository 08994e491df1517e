package locales

import (
	"maps"
	"slices"
	"testing"
)

// translatedLanguages are the languages whose catalogues Liaison ships
// whole (issue 17): each must have every message of the English one.
var translatedLanguages = []string{"de", "fr", "es", "pt-BR", "it", "nl", "pl", "sv", "ar", "he", "ja"}

// TestCataloguesComplete checks each shipped catalogue against the
// English one: every id, the placeholders the page fills, and for a
// message that counts (one whose English has a "one" form) exactly the
// plural categories the language's CLDR rules use, no more and no fewer;
// a message that does not count has one text.
func TestCataloguesComplete(t *testing.T) {
	load()
	english := catalogues[English]
	for _, lang := range translatedLanguages {
		t.Run(lang, func(t *testing.T) {
			own, ok := catalogues[lang]
			if !ok {
				t.Fatalf("messages/%s.json is missing", lang)
			}
			if missing := Missing(lang); len(missing) > 0 {
				t.Errorf("messages/%s.json lacks %q", lang, missing)
			}
			categories := append(slices.Sorted(maps.Keys(For(lang, English).CLDR.Plural)), "other")
			slices.Sort(categories)
			for id, en := range english {
				m, ok := own[id]
				if !ok {
					continue
				}
				want := []string{"other"}
				if _, counts := en["one"]; counts {
					want = categories
				}
				if got := slices.Sorted(maps.Keys(m)); !slices.Equal(got, want) {
					t.Errorf("%q has the forms %q, want %q", id, got, want)
				}
				wantNames := sortedPlaceholders(en["other"])
				for form, text := range m {
					got := sortedPlaceholders(text)
					if form != "other" { // "one", "two"… may say the number in words
						got = slices.DeleteFunc(slices.Clone(got), func(n string) bool { return n == "Count" })
						wantNames := slices.DeleteFunc(slices.Clone(wantNames), func(n string) bool { return n == "Count" })
						if !slices.Equal(got, wantNames) {
							t.Errorf("%q %s has the placeholders %q, want %q (and {{.Count}} if it says the number)", id, form, got, wantNames)
						}
						continue
					}
					if !slices.Equal(got, wantNames) {
						t.Errorf("%q has the placeholders %q, want %q as in English", id, got, wantNames)
					}
				}
			}
		})
	}
}

func sortedPlaceholders(text string) []string {
	names := placeholders(text)
	slices.Sort(names)
	return slices.Compact(names)
}
