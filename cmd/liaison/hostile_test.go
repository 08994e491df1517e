package main

import (
	"context"
	"encoding/json"
	"html"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

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
	norton, err := os.ReadFile("../../data/timelines/james-norton.json")
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
// URLs, which the format keeps free of markup.
var notText = []string{".ID", ".Schema", ".Status", ".Kind", ".Certainty", ".Text", ".URL", ".Source", ".Initiator", ".People[]"}

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
)

// activeTags are elements that run code, load things or take over a page,
// all of them in the hostile data; the app's pages have none but the
// app's two scripts and go-app's loading icon.
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
			var metas, links int
			for _, m := range tag.FindAllString(attrValue.ReplaceAllString(body, `=""`), -1) {
				metas += strings.Count(m, "<meta ")
				links += strings.Count(m, "<link ")
			}
			checkMarkup(t, body, map[string]int{"script": 3, "img": 1, "meta": metas, "link": links, "a": tt.wantLinks})
			for _, m := range hrefAttr.FindAllStringSubmatch(body, -1) {
				href := html.UnescapeString(m[1])
				u, err := url.Parse(href)
				switch {
				case err != nil:
					t.Errorf("link %q: %v", href, err)
				case u.Scheme == "" && u.Host == "" && strings.HasPrefix(href, "/") && !strings.HasPrefix(href, "//"):
				case (u.Scheme == "http" || u.Scheme == "https") && (u.Host == strings.TrimPrefix(srv.URL, "http://") || slices.Contains(sourceURLs, href)):
				default:
					t.Errorf("the page links to %q, neither this server nor a source", href)
				}
			}
		})
	}
}

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
	code := regexp.MustCompile(`^<div data-liaison-src="[^"<>]*"><iframe [^<>]*></iframe></div>\n<script src="` + regexp.QuoteMeta(srv.URL) + `/embed.js" async></script>$`)
	if !code.MatchString(answer.HTML) || strings.Count(answer.HTML, "<") != 6 {
		t.Errorf("the embed code is more than a placeholder, its iframe and embed.js: %.300s", answer.HTML)
	}
	checkMarkup(t, answer.HTML, map[string]int{"div": 1, "iframe": 1, "script": 1})
}

// inertChecks is a JavaScript function of a document and this server's
// origin that lists what the data could have made active: scripts other
// than the app's, event handler and other active attributes, elements that
// run or load things, and links that lead elsewhere than http(s). It also
// returns every link that leaves this server.
const inertChecks = `(doc, origin) => {
	const problems = [], external = [];
	for (const s of doc.querySelectorAll("script")) {
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
	for (const e of doc.querySelectorAll("iframe, frame, object, embed, base, form, svg, math, style, meta[http-equiv], img:not(#app-wasm-loader-icon)")) {
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

// TestBrowserHostileTextIsInert opens every page of the hostile timeline
// in Chromium, as the server wrote it and after the WebAssembly took over,
// reads details, hovers bars and searches names: nothing of the data ever
// runs (no dialog opens, window.__pwned stays unset, nothing breaks the
// Content-Security-Policy), the data's markup shows as text, and only
// http(s) links to the sources lead away.
func TestBrowserHostileTextIsInert(t *testing.T) {
	dir, tl := hostileLibrary(t)
	srv := startServer(t, dir)
	b := newBrowser(t, 1280, 900)

	var (
		mu      sync.Mutex
		dialogs []string
	)
	chromedp.ListenTarget(b.ctx, func(ev any) {
		if ev, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, string(ev.Type)+": "+ev.Message)
			mu.Unlock()
			go chromedp.Run(b.ctx, page.HandleJavaScriptDialog(false))
		}
	})
	// Before any script of a page runs, note violations of its
	// Content-Security-Policy.
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__violations = [];
			document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`).Do(ctx)
		return err
	}))

	var sourceURLs, names []string
	for _, s := range tl.Sources {
		if s.URL != "" {
			sourceURLs = append(sourceURLs, s.URL)
		}
	}
	for _, p := range tl.People {
		names = append(names, p.Name)
	}
	slices.Sort(names)

	// check inspects the page as the server wrote it (parsed, not run, by
	// the browser's own parser) and as it is now.
	check := func(t *testing.T) {
		t.Helper()
		var result struct {
			Served, Live struct{ Problems, External []string }
			Pwned        string
			Violations   []string
		}
		b.run(t, chromedp.Evaluate(`(async () => {
			const checks = `+inertChecks+`;
			const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "text/html");
			return {
				Served: checks(served, location.origin),
				Live: checks(document, location.origin),
				Pwned: typeof window.__pwned + " " + typeof parent.__pwned,
				Violations: window.__violations,
			};
		})()`, &result, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		for _, r := range []struct {
			what string
			got  struct{ Problems, External []string }
		}{{"served", result.Served}, {"live", result.Live}} {
			for _, p := range r.got.Problems {
				t.Errorf("%s page: %s", r.what, p)
			}
			for _, u := range r.got.External {
				if !slices.Contains(sourceURLs, u) {
					t.Errorf("%s page links to %q, neither this server nor a source", r.what, u)
				}
			}
		}
		if result.Pwned != "undefined undefined" {
			t.Errorf("a payload ran: typeof window.__pwned, parent.__pwned = %s", result.Pwned)
		}
		for _, v := range result.Violations {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
		mu.Lock()
		for _, d := range dialogs {
			t.Errorf("a dialog opened: %s", d)
		}
		dialogs = nil
		mu.Unlock()
	}

	// open loads a page until the WebAssembly has taken over. Markup of
	// the data that became elements may keep it from ever doing so, so a
	// failure says what the served page holds that it should not, and
	// which dialogs opened.
	open := func(t *testing.T, path string, ready chromedp.Action) {
		t.Helper()
		ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Run(ctx, chromedp.Navigate(srv.URL+path), ready); err != nil {
			var served struct{ Problems []string }
			ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
			defer cancel()
			chromedp.Run(ctx, chromedp.Evaluate(`fetch(location.href).then(r => r.text()).then(html =>
				(`+inertChecks+`)(new DOMParser().parseFromString(html, "text/html"), location.origin))`, &served,
				func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			mu.Lock()
			defer mu.Unlock()
			t.Fatalf("opening %s: %v; the served page has %q; dialogs that opened: %q", path, err,
				served.Problems[:min(len(served.Problems), 5)], dialogs[:min(len(dialogs), 5)])
		}
	}

	// The listeners hear what they listen for: a dialog, and an inline
	// script that the Content-Security-Policy blocks (so a payload that
	// escaped its text still could not run).
	open(t, "/t/hostile", waitInteractive())
	b.eval(t, `setTimeout(() => alert("canary")); document.head.append(Object.assign(document.createElement("script"), {textContent: "window.__pwned = 1"}))`, nil)
	b.waitFor(t, "the blocked inline script to be reported", `window.__violations.length > 0`)
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		heard := slices.Contains(dialogs, "alert: canary")
		mu.Unlock()
		if heard {
			break
		}
	}
	var canary struct {
		Violations []string
		Pwned      string
	}
	b.eval(t, `({Violations: window.__violations, Pwned: typeof window.__pwned})`, &canary)
	mu.Lock()
	if !slices.Equal(dialogs, []string{"alert: canary"}) || len(canary.Violations) != 1 || !strings.HasPrefix(canary.Violations[0], "script-src-elem inline") || canary.Pwned != "undefined" {
		t.Fatalf("dialogs %q, violations %q, window.__pwned %s: want the canary's alert, its inline script blocked", dialogs, canary.Violations, canary.Pwned)
	}
	dialogs = nil
	mu.Unlock()
	// The console reports the violation too: so checkConsole, which every
	// browser test calls, fails any page that breaks the policy.
	b.mu.Lock()
	if len(b.problems) != 1 || !strings.Contains(b.problems[0], "violates the following Content Security Policy directive") {
		t.Errorf("the console reported %q, want the canary's violation", b.problems)
	}
	b.problems = nil
	b.mu.Unlock()

	t.Run("timeline", func(t *testing.T) {
		open(t, "/t/hostile", waitInteractive())
		var title string
		b.eval(t, `document.querySelector(".liaison__title").textContent`, &title)
		if title != tl.Title {
			t.Errorf("heading = %q, want the title as text, %q", title, tl.Title)
		}
		// A description shows three lines at most, however long (a
		// screen reader still reads it all).
		var described []struct{ Lines, Length float64 }
		b.eval(t, `[...document.querySelectorAll(".lane__description")].map(e => ({
			Lines: e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight),
			Length: e.textContent.length}))`, &described)
		if !slices.ContainsFunc(described, func(d struct{ Lines, Length float64 }) bool { return d.Length >= 10_000 }) {
			t.Errorf("no lane drawn at the top has the description of 10,000 characters: %v", described)
		}
		for _, d := range described {
			if d.Lines > 3.05 {
				t.Errorf("a description of %.0f characters shows %.1f lines, want 3 at most", d.Length, d.Lines)
			}
		}
		// The chart draws the lanes in view: scroll to see every name.
		var lanes []string
		b.run(t, chromedp.Evaluate(everyLane, &lanes, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		slices.Sort(lanes)
		if !slices.Equal(lanes, names) {
			t.Errorf("lanes = %.300q\nwant the names as text, %.300q", lanes, names)
		}
		// Hover every bar and event marker drawn at the top: tooltips show
		// the data too. Scrolling to one may draw other lanes, so each is
		// found by its id, if it is still there.
		b.waitFor(t, "the first lanes drawn again", `document.querySelector('.lane[aria-posinset="1"]')`)
		var items []string
		b.eval(t, `[...document.querySelectorAll("button.bar, button.marker")].map(e => e.id)`, &items)
		for _, id := range items {
			var at struct {
				X, Y  float64
				Found bool
			}
			// Once scrolled to, the item is where it stays when it has not
			// moved for five frames: the lanes drawn may change meanwhile.
			b.run(t, chromedp.Evaluate(`(async () => {
				const find = () => document.getElementById(`+jsString(id)+`);
				if (!find()) return {};
				find().scrollIntoView({block: "center"});
				let last = "", still = 0;
				for (let i = 0; i < 200 && still < 5; i++) {
					await new Promise(r => requestAnimationFrame(r));
					const e = find();
					if (!e) return {};
					const r = e.getBoundingClientRect(), at = r.left + "," + r.top;
					still = at == last ? still + 1 : 0;
					last = at;
				}
				const r = find().getBoundingClientRect();
				return {X: r.left + Math.min(r.width / 2, 20), Y: r.top + r.height / 2, Found: true} })()`, &at,
				func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			if at.Found {
				b.run(t, chromedp.MouseEvent(input.MouseMoved, at.X, at.Y))
			}
		}
		b.waitFor(t, "a tooltip", `document.querySelector(".tooltip")`)
		// Search by the markup in a name: the option, then the chip, show it.
		b.run(t, chromedp.Click(`#person-search`, chromedp.ByQuery), chromedp.SendKeys(`#person-search`, `<script`, chromedp.ByQuery))
		b.waitFor(t, "Eve's name as an option", `[...document.querySelectorAll("#person-options [role=option]")].some(o => o.textContent == `+jsString(tl.People[0].Name)+`)`)
		b.run(t, chromedp.KeyEvent("\r"))
		b.waitFor(t, "Eve's chip", `[...document.querySelectorAll(".chip")].some(c => c.textContent.startsWith(`+jsString(tl.People[0].Name)+`))`)
		check(t)
	})

	t.Run("details", func(t *testing.T) {
		open(t, "/t/hostile?rel=eve-mal&at=2020-06", waitInteractive())
		b.waitFor(t, "the details", `document.querySelector("#details")`)
		var details string
		b.eval(t, `document.querySelector("#details").textContent`, &details)
		r := tl.Relationships[0]
		for _, want := range []string{r.Evidence[0].Quote, r.Evidence[1].Quote, r.Phases[0].Evidence[0].Quote, r.End.Reason, r.End.Date.Label,
			tl.Sources[0].Outlet, tl.Sources[1].Outlet} {
			if !strings.Contains(details, want) {
				t.Errorf("the details lack, as text, %.100q", want)
			}
		}
		check(t)
	})

	t.Run("event", func(t *testing.T) {
		open(t, "/t/hostile?event=party", waitInteractive())
		b.waitFor(t, "the details", `document.querySelector("#details")`)
		var details string
		b.eval(t, `document.querySelector("#details").textContent`, &details)
		for _, want := range []string{tl.Events[0].Title, tl.Events[0].Quote, tl.Events[0].Evidence[0].Quote} {
			if !strings.Contains(details, want) {
				t.Errorf("the event's details lack, as text, %.100q", want)
			}
		}
		var links []string
		b.eval(t, `[...document.querySelectorAll("#details a")].map(a => a.getAttribute("href"))`, &links)
		if !slices.Equal(links, []string{tl.Sources[0].URL}) {
			t.Errorf("the details link to %q, want only the source's URL %q", links, tl.Sources[0].URL)
		}
		check(t)
	})

	t.Run("list", func(t *testing.T) {
		open(t, "/t/hostile?view=list", waitInteractive())
		check(t)
	})

	t.Run("embed", func(t *testing.T) {
		open(t, "/embed/hostile?rel=eve-mal", waitInteractive())
		check(t)
	})

	t.Run("index", func(t *testing.T) {
		open(t, "/", chromedp.WaitVisible(`main.liaison--index`, chromedp.ByQuery))
		var titles []string
		b.eval(t, `[...document.querySelectorAll("main a")].map(a => a.textContent)`, &titles)
		if !slices.Contains(titles, tl.Title) {
			t.Errorf("the list of timelines shows %.300q, want the hostile title as text", titles)
		}
		check(t)
	})
	b.checkConsole(t)
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
