// Package locales makes the Locale of any language (app/locale) from the
// files here: the interface strings of each translated language,
// messages/{lang}.json, and the CLDR data of every locale, cldr.json
// (written by gencldr). Only the server and the CLI link it: a page
// carries its own language's Locale to the WebAssembly.
//
// The catalogues are go-i18n's JSON (github.com/nicksnyder/go-i18n, v2),
// which translation platforms (Weblate, Crowdin, Lokalise) read and
// write: an id and its text, or an object of CLDR plural forms ("one",
// "few", "many", "other"…), with {{.Name}} placeholders. Liaison reads
// them itself (ParseCatalogue, and app/locale fills them), so that the
// WebAssembly needs neither go-i18n nor the text/template and
// golang.org/x/text/language under it, which it has none of today:
// measured with Go 1.26 for js/wasm, a program that formats one plural
// message with go-i18n v2.7.0 is 6.27 MB (1,180 KB of brotli at quality
// 11) where the same program reading the message with encoding/json is
// 3.27 MB (688 KB), 492 KB more, eight times what all of issue 17 may
// add. gettext's .po would need a parser of its own in the WebAssembly
// too; go-i18n's JSON is JSON, which the WebAssembly reads already.
package locales

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/liaison-timeline/liaison/app/locale"
)

//go:generate sh -c "go run ./gencldr -cldr /tmp/node_modules > cldr.json"

//go:embed cldr.json messages/*.json
var files embed.FS

// English is the language whose catalogue has every message, which the
// others fall back to.
const English = "en"

// catalogues are the messages of each language by tag, as their files
// name them; cldr is the CLDR data of every locale.
var (
	loadOnce   sync.Once
	catalogues map[string]map[string]locale.Message
	cldr       map[string]locale.CLDR
	loadErr    error
)

func load() {
	loadOnce.Do(func() {
		catalogues, loadErr = readCatalogues(files)
		if loadErr != nil {
			return
		}
		var b []byte
		if b, loadErr = files.ReadFile("cldr.json"); loadErr == nil {
			loadErr = json.Unmarshal(b, &cldr)
		}
	})
	if loadErr != nil {
		panic("locales: " + loadErr.Error()) // the files are built in: tests catch this
	}
}

// readCatalogues reads every messages/*.json of fsys.
func readCatalogues(fsys fs.FS) (map[string]map[string]locale.Message, error) {
	names, err := fs.Glob(fsys, "messages/*.json")
	if err != nil {
		return nil, err
	}
	all := map[string]map[string]locale.Message{}
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		messages, err := ParseCatalogue(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		all[strings.TrimSuffix(path.Base(name), ".json")] = messages
	}
	if all[English] == nil {
		return nil, fmt.Errorf("messages/%s.json is missing", English)
	}
	return all, nil
}

// ParseCatalogue reads a catalogue in go-i18n's JSON: each id's text, or
// its plural forms and an optional description for translators.
func ParseCatalogue(b []byte) (map[string]locale.Message, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, err
	}
	messages := map[string]locale.Message{}
	for id, value := range raw {
		var text string
		if json.Unmarshal(value, &text) == nil {
			messages[id] = locale.Message{"other": text}
			continue
		}
		var forms map[string]string
		if err := json.Unmarshal(value, &forms); err != nil {
			return nil, fmt.Errorf("message %q: expected a text or an object of plural forms", id)
		}
		delete(forms, "description")
		delete(forms, "hash")
		for form := range forms {
			if !slices.Contains([]string{"zero", "one", "two", "few", "many", "other"}, form) {
				return nil, fmt.Errorf("message %q: unknown plural form %q; expected zero, one, two, few, many or other", id, form)
			}
		}
		if forms["other"] == "" {
			return nil, fmt.Errorf("message %q: has no \"other\" form", id)
		}
		messages[id] = forms
	}
	return messages, nil
}

// For is the Locale of the page language lang, a BCP 47 tag: the
// messages of its catalogue (the nearest of the tag, its language and
// script, its language), each that it lacks in English; and the CLDR
// data of the nearest locale CLDR has. A tag whose language CLDR does not
// know gets the Locale of fallback instead, marked Unknown.
func For(lang, fallback string) *locale.Locale {
	load()
	tag, err := language.Parse(lang)
	c, ok := cldrFor(tag)
	if err != nil || !ok {
		l := For(fallback, English)
		l.Lang, l.Unknown = lang, true
		return l
	}
	l := &locale.Locale{Lang: lang, Tag: lang, Dir: direction(tag), CLDR: c, Messages: map[string]locale.Message{}}
	for id, m := range catalogues[English] {
		l.Messages[id] = m
	}
	if own := catalogueFor(tag); own != nil {
		for id, m := range own {
			l.Messages[id] = m
		}
	}
	return l
}

// Missing are the ids of the English catalogue that the catalogue of
// lang lacks, sorted, or nil when lang has no catalogue of its own.
func Missing(lang string) []string {
	load()
	tag, err := language.Parse(lang)
	if err != nil {
		return nil
	}
	own := catalogueFor(tag)
	if own == nil {
		return nil
	}
	var missing []string
	for id := range catalogues[English] {
		if _, ok := own[id]; !ok {
			missing = append(missing, id)
		}
	}
	slices.Sort(missing)
	return missing
}

// Translated reports whether lang has a catalogue of its own.
func Translated(lang string) bool {
	load()
	tag, err := language.Parse(lang)
	return err == nil && catalogueFor(tag) != nil
}

// candidates are the tags to look tag up by, nearest first: itself, then
// without its region and script in turn ("zh-Hant-TW", "zh-Hant",
// "zh-TW", "zh"), and last, for a tag that names no region, its
// language in the region CLDR deems likely ("pt", then "pt-BR": CLDR's
// pt is Brazil's Portuguese, whose catalogue is messages/pt-BR.json).
func candidates(tag language.Tag) []string {
	base, _ := tag.Base()
	script, scriptConf := tag.Script()
	region, regionConf := tag.Region()
	list := []string{tag.String()}
	add := func(parts ...string) {
		s := strings.Join(parts, "-")
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	if scriptConf != language.No {
		if regionConf == language.Exact {
			add(base.String(), script.String(), region.String())
		}
		add(base.String(), script.String())
	}
	if regionConf == language.Exact {
		add(base.String(), region.String())
	}
	add(base.String())
	if regionConf != language.Exact {
		add(base.String(), region.String())
	}
	return list
}

func catalogueFor(tag language.Tag) map[string]locale.Message {
	for _, t := range candidates(tag) {
		if m, ok := catalogues[t]; ok {
			return m
		}
	}
	return nil
}

func cldrFor(tag language.Tag) (locale.CLDR, bool) {
	for _, t := range candidates(tag) {
		if c, ok := cldr[t]; ok {
			// A child holds only what differs from its parent: every
			// field of a kept locale is whole, so the nearest is all.
			return c, true
		}
	}
	return locale.CLDR{}, false
}

// rtlScripts are the scripts written right to left among those of
// CLDR's locales and the languages x/text knows the likely script of.
var rtlScripts = []string{"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Mend"}

// direction is "rtl" for a tag whose script (given, or its language's
// likely one: Arab for ar, fa and ur, Hebr for he and yi) is written
// right to left, else "ltr".
func direction(tag language.Tag) string {
	script, _ := tag.Script()
	if slices.Contains(rtlScripts, script.String()) {
		return "rtl"
	}
	return "ltr"
}
