package server

import (
	"encoding/json"
	"html"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// testdata/hostile/hostile.json is a valid timeline whose every text field
// (title, summary, names, descriptions, date labels, reasons, event titles,
// quotes, outlets, source titles, and the $schema) holds HTML, <script>,
// event handler attributes, CSS, template syntax ({{.}}, ${x}),
// javascript: text, right-to-left and combining characters and emoji;
// several are 10,000 characters long. Its payloads would call alert() or
// set window.__pwned if they ever ran.

// hostileLibrary is a data directory holding the hostile timeline and the
// default one, so that / lists both.
func hostileLibrary(t *testing.T) (dir string, hostile *data.Timeline) {
	t.Helper()
	src, err := os.ReadFile("testdata/hostile/hostile.json")
	if err != nil {
		t.Fatal(err)
	}
	hostile, err = data.Parse("hostile.json", src)
	if err != nil {
		t.Fatalf("the hostile timeline is not valid: %v", err)
	}
	norton, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	return writeFiles(t, map[string]string{"hostile.json": string(src), "james-norton.json": string(norton)}), hostile
}

// TestHostileDataIsLongAndEverywhere checks that the data set is what the
// tests below rely on: markup in every field that takes text, and strings
// of 10,000 characters.
func TestHostileDataIsLongAndEverywhere(t *testing.T) {
	_, tl := hostileLibrary(t)
	longest := 0
	hostile := map[string]bool{} // by field, like .People[].Name
	walk(reflect.ValueOf(tl).Elem(), "", func(path string, s string) {
		longest = max(longest, len([]rune(s)))
		hostile[path] = hostile[path] || strings.Contains(s, "<script>") && strings.ContainsAny(s, "\"'")
	})
	for field, ok := range hostile {
		if !ok && !data.IsSlug(field) && !slices.ContainsFunc(notText, func(name string) bool { return strings.HasSuffix(field, name) }) {
			t.Errorf("no %s holds a <script> and a quote", field)
		}
	}
	if len(hostile) < 20 || longest != 10_000 {
		t.Errorf("%d fields, the longest text of %d characters: want every field of the format, and 10000", len(hostile), longest)
	}
}

// notText are the fields that take ids, values from a fixed set, dates and
// URLs, which the format keeps free of markup, and the day of a correction
// or update, which takes no label.
var notText = []string{".ID", ".Schema", ".Status", ".Kind", ".Certainty", ".Text", ".URL", ".Source", ".Initiator", ".People[]", ".Lang",
	".Updates[].Date.Label"}

// walk calls visit with every string field under v and its path, with
// list indices left out.
func walk(v reflect.Value, path string, visit func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		visit(path, v.String())
	case reflect.Pointer:
		if !v.IsNil() {
			walk(v.Elem(), path, visit)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walk(v.Field(i), path+"."+v.Type().Field(i).Name, visit)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			walk(v.Index(i), path+"[]", visit)
		}
	}
}

var (
	// attrValue is an attribute's value as go-app writes it: in double
	// quotes, which no value and no text of a page holds raw (text and
	// attributes are escaped, or get typographic quotes).
	attrValue = regexp.MustCompile(`="[^"]*"`)
	// tag is a start or end tag of a page whose attribute values are gone:
	// the page's text holds no raw <.
	tag      = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>`)
	hrefAttr = regexp.MustCompile(`\shref="([^"]*)"`)
	// dataBlock is a data block of a page (see pageData): JSON in which
	// no < is left.
	dataBlock = regexp.MustCompile(`<script type="application/json" class="liaison-data" data-api="[^"<>]*">[^<]*</script>\n`)
)

// activeTags are elements that run code, load things or take over a page,
// all of them in the hostile data; the app's pages have none but the
// app's two scripts, go-app's loading icon and the person filter's form.
var activeTags = []string{"script", "iframe", "frame", "object", "embed", "base", "form", "svg", "math", "style", "img", "meta", "link", "textarea", "a", "b", "i", "u", "time"}

// checkMarkup reports, in HTML as go-app writes it, every tag of activeTags
// beyond the expected ones (names and how many of each) and every
// attribute that could run code, such as an event handler.
func checkMarkup(t *testing.T, html string, expected map[string]int) {
	t.Helper()
	count := map[string]int{}
	for _, m := range tag.FindAllStringSubmatch(attrValue.ReplaceAllString(html, `=""`), -1) {
		name := strings.ToLower(m[2])
		if m[1] == "" {
			count[name]++
		}
		for _, attr := range strings.Fields(strings.ReplaceAll(m[3], `=""`, " ")) {
			attr = strings.ToLower(strings.TrimSuffix(attr, "/"))
			if strings.HasPrefix(attr, "on") || slices.Contains([]string{"srcdoc", "formaction", "action", "autofocus"}, attr) || strings.ContainsAny(attr, `"'<=`) {
				t.Errorf("<%s> has the attribute %q", name, attr)
			}
		}
	}
	for _, name := range activeTags {
		if count[name] != expected[name] {
			t.Errorf("%d <%s> elements, want %d", count[name], name, expected[name])
		}
	}
}

// TestHostileTextIsInertInPages checks every page that shows the hostile
// timeline as the server writes it: the data's markup is escaped text, the
// only scripts are the app's, no attribute runs code, and the only links
// lead to this server or to a source's http(s) URL.
func TestHostileTextIsInertInPages(t *testing.T) {
	dir, tl := hostileLibrary(t)
	srv := startServer(t, dir)
	sourceURLs := []string{}
	for _, s := range tl.Sources {
		if s.URL != "" {
			sourceURLs = append(sourceURLs, s.URL)
		}
	}
	tests := []struct {
		path       string
		wantStatus int
		wantText   string // escaped, as the page must hold it
		wantLinks  int    // <a> elements: the sources' and the app's own
	}{
		{"/", 200, `&lt;/title&gt;&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;`, 2},
		{"/t/hostile", 200, `Eve &lt;script&gt;window.__pwned=&#34;name&#34;&lt;/script&gt; &#34;Evil&#34; O&#39;Neil`, 2},
		{"/t/hostile?rel=eve-mal&at=2020-06", 200, `Mal&#34; autofocus onfocus=&#34;alert(&#39;name&#39;)&#34; x=&#34;`, 5},
		{"/t/hostile?event=party", 200, `&lt;/blockquote&gt; &lt;script&gt;window.__pwned=&#34;script&#34;&lt;/script&gt;`, 3},
		{"/t/hostile?event=interview&person=long,rtl", 200, "Event: &lt;script&gt;window.__pwned", 2},
		{"/t/hostile?rel=rtl-long&view=list", 200, "محمد \u202eevil\u202c שלום", 2},
		{"/t/hostile?person=%3Cscript%3Ealert(1)%3C/script%3E", 404, "nobody called “&lt;script&gt;alert(1)&lt;/script&gt;”", 2},
		{"/embed/hostile", 200, `Eve &lt;script&gt;window.__pwned=&#34;name&#34;&lt;/script&gt;`, 3},
		{"/embed/hostile?rel=eve-mal", 200, `&lt;i&gt;2018&lt;/i&gt;&#34; onclick=&#34;alert(&#39;label&#39;)`, 6},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, header, body := get(t, srv.URL+tt.path)
			if status != tt.wantStatus || !strings.HasPrefix(header.Get("Content-Type"), "text/html") {
				t.Errorf("status %d, Content-Type %q; want %d HTML", status, header.Get("Content-Type"), tt.wantStatus)
			}
			if !strings.Contains(body, tt.wantText) {
				t.Errorf("the page lacks the text %q", tt.wantText)
			}
			// With the count of <script> elements below, the only scripts
			// are the app's. go-app writes attributes in any order.
			for _, src := range []string{"/wasm_exec.js", "/app.js", `/web/frame\.[0-9a-f]{12}\.js`} {
				if !regexp.MustCompile(`<script (defer )?src="` + src + `"( defer)?></script>`).MatchString(body) {
					t.Errorf("the page lacks the app's script %s", src)
				}
			}
			// The page's data blocks hold the API's answers, in which no
			// timeline text is markup (TestPageDataIsTheAPIsAnswer); the
			// other elements are counted without them.
			blocks := dataBlock.FindAllString(body, -1)
			if wantBlocks := tt.wantStatus == 200; (len(blocks) == 1) != wantBlocks {
				t.Errorf("%d data blocks, want one: %v", len(blocks), wantBlocks)
			}
			body = dataBlock.ReplaceAllString(body, "")
			var metas, links int
			for _, m := range tag.FindAllString(attrValue.ReplaceAllString(body, `=""`), -1) {
				metas += strings.Count(m, "<meta ")
				links += strings.Count(m, "<link ")
			}
			// Besides its links out, the page links to its own views
			// (its controls: see app's ViewState.link), a query of ids.
			views := 0
			for _, m := range hrefAttr.FindAllStringSubmatch(body, -1) {
				if strings.HasPrefix(m[1], "?") {
					views++
				}
			}
			// A page that shows the timeline has the person filter's form,
			// which is sent to the page itself (no action: checkMarkup).
			forms := 0
			if strings.Contains(body, `id="person-search"`) {
				forms = 1
			}
			checkMarkup(t, body, map[string]int{"script": 4, "img": 1, "meta": metas, "link": links, "a": tt.wantLinks + views, "form": forms})
			for _, m := range hrefAttr.FindAllStringSubmatch(body, -1) {
				href := html.UnescapeString(m[1])
				u, err := url.Parse(href)
				switch {
				case err != nil:
					t.Errorf("link %q: %v", href, err)
				case strings.HasPrefix(href, "?") && viewQuery.MatchString(href):
				case u.Scheme == "" && u.Host == "" && strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//"):
				case (u.Scheme == "http" || u.Scheme == "https") && (u.Host == strings.TrimPrefix(srv.URL, "http://") || slices.Contains(sourceURLs, href)):
				default:
					t.Errorf("the page links to %q, neither this server nor a source", href)
				}
			}
		})
	}
}

// viewQuery is a link to a view of the page: parameters of ids, dates,
// numbers and words, nothing a URL or markup could be made of.
var viewQuery = regexp.MustCompile(`^\?([a-z]+=[a-z0-9,-]+(&[a-z]+=[a-z0-9,-]+)*)?$`)

// TestHostileTextInTheAPI checks that the API gives the hostile text back
// exactly, as JSON strings in which no markup character is left raw.
func TestHostileTextInTheAPI(t *testing.T) {
	dir, tl := hostileLibrary(t)
	srv := startServer(t, dir)
	status, header, body := get(t, srv.URL+"/api/timelines/hostile")
	if status != 200 || !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, Content-Type %q", status, header.Get("Content-Type"))
	}
	if strings.ContainsAny(body, "<>&") {
		t.Error("the answer has a raw <, > or &: a page that pasted it into HTML would run it")
	}
	got, err := data.Parse("answer", []byte(body))
	if err != nil {
		t.Fatalf("the answer is not a valid timeline: %v", err)
	}
	if !reflect.DeepEqual(got, tl) {
		t.Error("the API's timeline differs from the file's")
	}

	_, _, body = get(t, srv.URL+"/api/timelines")
	var list struct{ Timelines []data.Summary }
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(list.Timelines, func(s data.Summary) bool { return s.ID == "hostile" }); i < 0 ||
		list.Timelines[i].Title != tl.Title || list.Timelines[i].Summary != tl.Summary {
		t.Errorf("the list's summary of the hostile timeline differs from the file's")
	}
}

// TestHostileTextInTheEmbedCode checks the oEmbed answer, whose HTML news
// sites paste into their pages: the timeline's title stays inside its
// attribute.
func TestHostileTextInTheEmbedCode(t *testing.T) {
	dir, tl := hostileLibrary(t)
	srv := startServer(t, dir)
	status, _, body := get(t, srv.URL+"/oembed?url="+url.QueryEscape(srv.URL+"/t/hostile?person=eve"))
	var answer struct{ HTML, Title string }
	if err := json.Unmarshal([]byte(body), &answer); status != 200 || err != nil {
		t.Fatalf("oEmbed = %d %q", status, body)
	}
	if answer.Title != tl.Title {
		t.Errorf("oEmbed title = %q, want the timeline's", answer.Title)
	}
	code := regexp.MustCompile(`^<div data-liaison-src="[^"<>]*"><blockquote><a href="[^"<>]*">[^<>]*</a></blockquote>` +
		`<iframe [^<>]*></iframe></div>\n<script src="` + regexp.QuoteMeta(srv.URL) + `/embed.js" async></script>$`)
	if !code.MatchString(answer.HTML) || strings.Count(answer.HTML, "<") != 10 {
		t.Errorf("the embed code is more than a placeholder, its link, its iframe and embed.js: %.300s", answer.HTML)
	}
	checkMarkup(t, answer.HTML, map[string]int{"div": 1, "blockquote": 1, "a": 1, "iframe": 1, "script": 1})
}

// inertChecks is a JavaScript function of a document and this server's
// origin that lists what the data could have made active: scripts other
// than the app's and the page's JSON data blocks, event handler and other active attributes, elements that
// run or load things, and links that lead elsewhere than http(s). It also
// returns every link that leaves this server.
const inertChecks = `(doc, origin) => {
	const problems = [], external = [];
	// A data block (pageData) is JSON that the browser does not run.
	// So is the page's Locale (pagewords.go).
	const json = (s) => { try { JSON.parse(s.textContent); return true; } catch { return false; } };
	const dataBlock = (s) => s.getAttribute("type") === "application/json" && json(s) && (
		s.className === "liaison-data" && s.attributes.length === 3 && s.hasAttribute("data-api") ||
		s.id === "` + app.WordsID + `" && s.attributes.length === 2);
	for (const s of doc.querySelectorAll("script")) {
		if (dataBlock(s)) continue;
		const src = s.getAttribute("src");
		if (!(["/wasm_exec.js", "/app.js"].includes(src) || /^\/web\/frame\.[0-9a-f]{12}\.js$/.test(src)) || s.textContent.trim() !== "") {
			problems.push("script " + (src || s.textContent.slice(0, 80)));
		}
	}
	for (const e of doc.querySelectorAll("*")) {
		for (const a of e.attributes) {
			if (/^on|^(srcdoc|formaction|action|autofocus)$|["'<>=\/]/.test(a.name)) {
				problems.push("attribute " + a.name + " on <" + e.localName + ">");
			}
		}
	}
	// The one form is the person filter's, sent to the page itself.
	for (const e of doc.querySelectorAll("iframe, frame, object, embed, base, form:not(.filter[method=get]), svg, math, style, meta[http-equiv], img:not(#app-wasm-loader-icon)")) {
		problems.push("element <" + e.localName + ">");
	}
	for (const e of doc.querySelectorAll("[href], [src], [action], [data]")) {
		const raw = e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? e.getAttribute("data");
		const u = new URL(raw, origin);
		if (u.protocol !== "http:" && u.protocol !== "https:") {
			problems.push("link " + raw);
		} else if (u.origin !== origin) {
			external.push(raw);
		}
	}
	return {problems, external};
}`
