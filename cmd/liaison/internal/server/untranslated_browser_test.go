//go:build built

package server

import (
	"encoding/json"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/liaison-timeline/liaison/data/timelines"
	"github.com/liaison-timeline/liaison/locales"
)

// A timeline in French is read by people who read French: nothing the
// page writes (its controls, labels, sentences, notices, the loader, what
// screen readers hear) may be left in English. The timeline's own text
// (names, titles, quotes, its date labels, its source) is the newsroom's,
// in whatever language it wrote it, and is not the page's to translate.

// seePageText is every text a reader meets on the page, seen or heard:
// the text of each rendered element, the labels screen readers announce
// (aria-label, aria-description, aria-roledescription, aria-valuetext,
// alt), the tooltips (title) and hints (placeholder), the text that CSS
// writes (::before, ::after), and the document's title. The passage of
// a source shown in context is the source's text.
const seePageText = `(() => {
  const out = [document.title];
  const shown = el => el.checkVisibility({visibilityProperty: true});
  const data = "script, style, noscript, template, .evidence__passage";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode()); ) {
    const el = n.parentElement;
    if (el && !el.closest(data) && shown(el) && n.textContent.trim()) out.push(n.textContent.trim());
  }
  for (const el of document.querySelectorAll("*")) {
    if (el.closest(data) || !shown(el)) continue;
    for (const name of ["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "alt", "title", "placeholder"]) {
      const v = el.getAttribute(name);
      if (v && v.trim()) out.push(v.trim());
    }
    for (const pseudo of ["::before", "::after"]) {
      const c = getComputedStyle(el, pseudo).content;
      if (c && c.startsWith('"')) out.push(c.slice(1, -1));
    }
  }
  for (const el of document.querySelectorAll("svg title")) out.push(el.textContent.trim());
  return out;
})()`

// TestBrowserNoEnglishLeft opens a copy of the default timeline whose
// language is French, served and exported, as the WebAssembly draws it
// and as the server's page is before it arrives (and when it never
// does), in each of its views, and fails on any word of the English
// interface strings (locales/messages/en.json) that is not French too.
func TestBrowserNoEnglishLeft(t *testing.T) {
	english := untranslatedWords(t, alsoFrench)
	const id = "francais"
	src := strings.Replace(readDefaultTimeline(t), `"id": "james-norton",`, `"id": "`+id+`", "lang": "fr",`, 1)
	// With the default timeline beside it, / is the list of timelines.
	dir := writeFiles(t, map[string]string{id + ".json": src, "james-norton.json": readDefaultTimeline(t)})
	article, err := fs.ReadFile(timelines.FS, "sources/ed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := writeExport(dir, map[string][]byte{"sources/ed-article.txt": article}); err != nil {
		t.Fatal(err)
	}
	ownText := timelineTexts(t, src)

	served := startServer(t, dir)
	lib, err := loadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Export(lib, testAssets(t), ExportConfig{Base: exportBase, BrotliQuality: 1, Clock: testExportClock})
	if err != nil {
		t.Fatal(err)
	}
	exportDir := t.TempDir()
	if err := writeExport(exportDir, files); err != nil {
		t.Fatal(err)
	}
	static := httptest.NewServer(http.StripPrefix(exportBase, http.FileServer(http.Dir(exportDir))))
	t.Cleanup(static.Close)

	check := func(t *testing.T, b *browser, where string) {
		t.Helper()
		var texts []string
		b.eval(t, seePageText, &texts)
		if len(texts) < 5 { // the list of timelines says 8
			t.Fatalf("%s: the page says too little to test (%q)", where, texts)
		}
		for _, text := range texts {
			if words := englishIn(text, english, ownText); len(words) > 0 {
				t.Errorf("%s: %q is English (%s)", where, text, strings.Join(words, ", "))
			}
		}
	}
	page, embed := served.URL+"/t/"+id, served.URL+"/embed/"+id
	b := newBrowser(t, 1280, 900)
	for _, v := range []struct{ name, url string }{
		{"index", served.URL + "/?lang=fr"},
		{"page", page},
		{"page/list", page + "?view=list"},
		{"page/relationship", page + "?rel=james-norton-imogen-poots"},
		{"page/event", page + "?event=sun-interview-glastonbury"},
		{"page/as of", page + "?at=2022-06"},
		{"page/one person", page + "?person=lily-allen"},
		{"page/nobody", page + "?person=inconnu"},
		{"embed", embed},
		{"embed/relationship", embed + "?rel=james-norton-lily-allen"},
		{"exported/page", static.URL + exportBase + "/t/" + id + "/"},
		{"exported/embed", static.URL + exportBase + "/embed/" + id + "/?event=schedule-statement"},
	} {
		t.Run(v.name, func(t *testing.T) {
			b.forget()
			b.run(t, colorScheme("light"), chromedp.Navigate(v.url), waitInteractive())
			check(t, b, v.name)
			switch v.name {
			case "page/relationship":
				b.screenshot(t, "lang-fr-1280.png")
			case "page":
				// The embed code's panel, and the people a name finds.
				b.run(t, chromedp.Click(".embed-code__toggle", chromedp.ByQuery))
				b.waitFor(t, "the embed code's panel", `document.querySelector(".embed-code__text")`)
				check(t, b, "page/embed code")
				b.run(t, chromedp.SendKeys(".filter__input", "l", chromedp.ByQuery))
				b.waitFor(t, "the people found", `document.querySelector(".filter__options [role=option]")`)
				check(t, b, "page/search")
			}
		})
	}
	// The server's page, while the WebAssembly loads and when it never
	// arrives.
	for _, url := range []string{page, embed} {
		t.Run("prerendered"+strings.TrimPrefix(url, served.URL), func(t *testing.T) {
			slow := newBrowser(t, 1280, 900)
			slow.run(t, slowNetwork(), startNavigation(url))
			slow.waitFor(t, "the loader", `document.querySelector("main.liaison") && document.getElementById("app-wasm-loader-label")?.offsetParent`)
			check(t, slow, "loading")
			slow.viewScreenshot(t, "lang-fr-loading"+strings.ReplaceAll(strings.TrimPrefix(url, served.URL), "/", "-")+".png")
			blocked := newBrowser(t, 1280, 900)
			blocked.run(t, blockWasm(), chromedp.Navigate(url), chromedp.WaitVisible(".tick", chromedp.ByQuery))
			blocked.waitFor(t, "the loader to fail", `!document.querySelector("#app-wasm-loader-icon.goapp-spin")`)
			check(t, blocked, "failed")
		})
	}
}

// alsoFrench are the words of the English strings that French writes
// too, read as a French reader reads them (in lower case). It is a list,
// not the words of messages/fr.json, so that a string the French
// catalogue leaves in English is English here. The names of products and
// formats (AMP, Ghost, WordPress, a web component) are French too.
var alsoFrench = []string{"a", "amp", "code", "couple", "couples", "ctrl", "data", "date", "de", "ghost", "iframe", "interactive",
	"liaison", "page", "pages", "passage", "plus", "s", "script", "scripts", "source", "sources", "sync", "type",
	"url", "version", "web", "wordpress", "zoom"}

// untranslatedWords are the words of the English catalogue, in lower
// case, but those of also: each is English on a page in another language.
func untranslatedWords(t *testing.T, also []string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "locales", "messages", locales.English+".json"))
	if err != nil {
		t.Fatal(err)
	}
	messages, err := locales.ParseCatalogue(b)
	if err != nil {
		t.Fatal(err)
	}
	english := map[string]bool{}
	for _, forms := range messages {
		for _, text := range forms {
			for _, w := range wordsOf(text) {
				english[w] = !slices.Contains(also, w)
			}
		}
	}
	maps.DeleteFunc(english, func(_ string, v bool) bool { return !v })
	if !english["loading"] || !english["relationships"] || english["liaison"] {
		t.Fatalf("the English words are %v: want loading and relationships, and not Liaison, which French writes too", slices.Sorted(maps.Keys(english)))
	}
	return english
}

// wordsOf are the words of text in lower case, without its placeholders.
func wordsOf(text string) []string {
	for {
		i := strings.Index(text, "{{")
		j := strings.Index(text, "}}")
		if i < 0 || j < i {
			break
		}
		text = text[:i] + " " + text[j+2:]
	}
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
}

// timelineTexts are the strings of a timeline's file, longest first: its
// names, titles, quotes, labels and the rest that readers see as written.
func timelineTexts(t *testing.T, src string) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		t.Fatal(err)
	}
	var texts []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			texts = append(texts, v)
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)
	slices.SortFunc(texts, func(a, b string) int { return len(b) - len(a) })
	return texts
}

// englishIn are the English words of text once the timeline's own texts
// are taken out of it.
func englishIn(text string, english map[string]bool, own []string) []string {
	for _, s := range own {
		if len(s) > 1 {
			text = strings.ReplaceAll(text, s, " ")
		}
	}
	var found []string
	for _, w := range wordsOf(text) {
		if english[w] && !slices.Contains(found, w) {
			found = append(found, w)
		}
	}
	return found
}
