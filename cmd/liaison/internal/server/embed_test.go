package server

import (
	"encoding/json"
	"html"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestEmbedPage(t *testing.T) {
	srv := startServer(t, "")
	tests := []struct {
		path       string
		wantStatus int
		want       []string
		notWant    []string
	}{
		{"/embed/james-norton", 200,
			[]string{"liaison--embed", `<h1 class="liaison__title">`, "Imogen Poots", "David Harbour", "late 2023", "Open the full timeline"},
			[]string{"liaison__summary", "embed-code", `rel="alternate"`}},
		{"/embed/james-norton?title=0&theme=dark&person=david-harbour", 200,
			[]string{`data-theme="dark"`, `data-person="david-harbour"`},
			[]string{`<h1 class="liaison__title">`, `data-person="imogen-poots"`}},
		{"/embed/nope", 404, []string{"There is no timeline called “nope”."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, _, body := get(t, srv.URL+tt.path)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d", status, tt.wantStatus)
			}
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("the page lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(body, s) {
					t.Errorf("the page has %q", s)
				}
			}
		})
	}
}

func TestEmbedScript(t *testing.T) {
	srv := startServer(t, "")
	status, header, body := get(t, srv.URL+"/embed.js")
	if status != 200 || !strings.Contains(body, "data-liaison-src") {
		t.Fatalf("GET /embed.js = %d, %d bytes", status, len(body))
	}
	for name, want := range map[string]string{
		"Content-Type":                "text/javascript; charset=utf-8",
		"Cache-Control":               "public, max-age=3600",
		"Access-Control-Allow-Origin": "*",
	} {
		if got := header.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
}

// TestServiceWorkerRemovesItself checks the worker go-app registers: it
// caches nothing and unregisters itself, so no reader ever gets stale data
// from it and no embed leaves one behind.
func TestServiceWorkerRemovesItself(t *testing.T) {
	srv := startServer(t, "")
	_, _, body := get(t, srv.URL+"/app-worker.js")
	for _, want := range []string{"caches.delete", "registration.unregister()"} {
		if !strings.Contains(body, want) {
			t.Errorf("app-worker.js lacks %q:\n%s", want, body)
		}
	}
	for _, notWant := range []string{"cache.addAll", `addEventListener("fetch"`} {
		if strings.Contains(body, notWant) {
			t.Errorf("app-worker.js has %q", notWant)
		}
	}
}

type oembedAnswer struct {
	Version      string `json:"version"`
	Type         string `json:"type"`
	ProviderName string `json:"provider_name"`
	ProviderURL  string `json:"provider_url"`
	Title        string `json:"title"`
	HTML         string `json:"html"`
	Width        int    `json:"width"`
	Height       int    `json:"height"`
	CacheAge     int    `json:"cache_age"`
	Error        string `json:"error"`
}

func TestOEmbed(t *testing.T) {
	srv := startServer(t, "")
	ask := func(page string, extra ...string) (int, oembedAnswer) {
		t.Helper()
		q := url.Values{"url": {page}, "format": {"json"}}
		for i := 0; i+1 < len(extra); i += 2 {
			q.Set(extra[i], extra[i+1])
		}
		status, header, body := get(t, srv.URL+"/oembed?"+q.Encode())
		var a oembedAnswer
		if err := json.Unmarshal([]byte(body), &a); err != nil {
			t.Fatalf("not JSON: %q", body)
		}
		if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("Content-Type = %q", ct)
		}
		return status, a
	}

	status, a := ask(srv.URL + "/t/james-norton?person=lily-allen")
	if status != 200 {
		t.Fatalf("status %d: %s", status, a.Error)
	}
	// The chart's height; TestBrowserOEmbedCode checks it in the browser.
	height := a.Height
	if height < 400 || height > 1200 {
		t.Errorf("the embed is %d px tall: that is not the chart's height", height)
	}
	src := srv.URL + "/embed/james-norton?person=lily-allen"
	want := oembedAnswer{
		Version: "1.0", Type: "rich", ProviderName: "Liaison", ProviderURL: srv.URL + "/",
		Title: "James Norton, Imogen Poots, Lily Allen and David Harbour",
		HTML: `<div data-liaison-src="` + src + `"><blockquote><a href="` + srv.URL + `/t/james-norton?person=lily-allen">` +
			`James Norton, Imogen Poots, Lily Allen and David Harbour</a></blockquote>` +
			`<iframe src="` + src + `" title="James Norton, Imogen Poots, Lily Allen and David Harbour" ` +
			`width="100%" height="` + strconv.Itoa(height) + `" frameborder="0" style="display:block;width:100%;border:0" loading="lazy"></iframe></div>` + "\n" +
			`<script src="` + srv.URL + `/embed.js" async></script>`,
		Width: 800, Height: height, CacheAge: 3600,
	}
	if a != want {
		t.Errorf("oEmbed answer\n%+v\nwant\n%+v", a, want)
	}

	status, a = ask(srv.URL+"/embed/james-norton", "maxwidth", "500", "maxheight", "400")
	if status != 200 || a.Width != 500 || a.Height != 400 || !strings.Contains(a.HTML, `height="400"`) {
		t.Errorf("with maxwidth 500 and maxheight 400: %d, %dx%d, %s", status, a.Width, a.Height, a.HTML)
	}
	status, a = ask(srv.URL+"/t/james-norton", "maxwidth", "2000")
	if status != 200 || a.Width != 800 {
		t.Errorf("a maxwidth above the default keeps 800, got %d", a.Width)
	}
	// The blockquote's link is to the page, with its title.
	status, a = ask(srv.URL + "/embed/james-norton?title=0&person=lily-allen")
	if link := `<blockquote><a href="` + srv.URL + `/t/james-norton?person=lily-allen">`; status != 200 || !strings.Contains(a.HTML, link) {
		t.Errorf("an embed without its title: the code %s, want %s", a.HTML, link)
	}

	// The page that / shows, and a static host's folder of a page.
	for _, page := range []string{srv.URL + "/", srv.URL, srv.URL + "/?person=lily-allen", srv.URL + "/t/james-norton/"} {
		if status, a := ask(page); status != 200 || !strings.Contains(a.HTML, `src="`+srv.URL+`/embed/james-norton`) {
			t.Errorf("%s: %d %s %s", page, status, a.Error, a.HTML)
		}
	}

	for _, tt := range []struct {
		name, page, format string
		wantStatus         int
	}{
		{"xml", srv.URL + "/t/james-norton", "xml", 501},
		{"another host", "http://example.com/t/james-norton", "json", 404},
		{"not a timeline page", srv.URL + "/api/timelines/james-norton", "json", 404},
		{"unknown timeline", srv.URL + "/t/nope", "json", 404},
		{"unknown person", srv.URL + "/t/james-norton?person=nobody", "json", 404},
		{"not a URL", "::", "json", 404},
	} {
		status, _, body := get(t, srv.URL+"/oembed?"+url.Values{"url": {tt.page}, "format": {tt.format}}.Encode())
		if status != tt.wantStatus || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s, want %d with an error", tt.name, status, body, tt.wantStatus)
		}
	}
	if status, _, _ := get(t, srv.URL+"/oembed"); status != 400 {
		t.Errorf("no url: %d, want 400", status)
	}
}

// oembedHref is the href of a page's oEmbed discovery link, "" if none.
func oembedHref(page string) string {
	link := regexp.MustCompile(`<link [^>]*type="application/json\+oembed"[^>]*>`).FindString(page)
	m := regexp.MustCompile(` href="([^"]+)"`).FindStringSubmatch(link)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// TestOEmbedDiscovery follows the discovery links of the pages of a
// timeline, / (which shows the only timeline, as make run serves it)
// among them, to their oEmbed, which keeps the embed's options of the
// page's URL; the list of several timelines has none.
func TestOEmbedDiscovery(t *testing.T) {
	srv := startServer(t, "")
	for _, tt := range []struct{ page, embed string }{
		{"/t/james-norton?person=david-harbour", "/embed/james-norton?person=david-harbour"},
		{"/", "/embed/james-norton"},
		{"/?person=lily-allen", "/embed/james-norton?person=lily-allen"},
		// The Embed panel's code for WordPress and Ghost is the page's URL
		// with the embed's options, which the embed must keep.
		{"/t/james-norton?hide=legend,sources&title=0&theme=host", "/embed/james-norton?hide=legend,sources&amp;theme=host&amp;title=0"},
	} {
		_, _, page := get(t, srv.URL+tt.page)
		href := oembedHref(page)
		if href == "" {
			t.Errorf("%s has no oEmbed discovery link", tt.page)
			continue
		}
		status, _, body := get(t, href)
		var a oembedAnswer
		json.Unmarshal([]byte(body), &a)
		if status != 200 || !strings.Contains(a.HTML, `<iframe src="`+srv.URL+tt.embed+`"`) {
			t.Errorf("%s: the discovery link %s answers %d %s", tt.page, href, status, body)
		}
	}

	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	two := startServer(t, writeFiles(t, map[string]string{"james-norton.json": string(src), "pairs.json": twoCouples}))
	_, _, index := get(t, two.URL+"/")
	if href := oembedHref(index); href != "" {
		t.Errorf("the list of timelines has the oEmbed link %s", href)
	}
	if status, _, _ := get(t, two.URL+"/oembed?"+url.Values{"url": {two.URL + "/"}}.Encode()); status != 404 {
		t.Errorf("oEmbed for the list of timelines: %d, want 404", status)
	}
}

func TestSchemaIsServed(t *testing.T) {
	srv := startServer(t, "")
	status, header, body := get(t, srv.URL+"/schema/timeline-v1.json")
	var doc map[string]any
	if err := json.Unmarshal([]byte(body), &doc); status != 200 || err != nil || doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Fatalf("GET /schema/timeline-v1.json = %d, %v, %.80s", status, err, body)
	}
	if header.Get("Content-Type") != "application/schema+json" || header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("headers %v", header)
	}
}

// twoCouples is a timeline where choosing Ann, then Bob as well, shows
// the same two lanes: the embed keeps its height.
const twoCouples = `{"schema": "timeline/v1", "id": "pairs", "title": "Two couples",
  "people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cat", "name": "Cat"}, {"id": "dan", "name": "Dan"}],
  "relationships": [
    {"id": "ann-bob", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}]},
    {"id": "cat-dan", "people": ["cat", "dan"], "phases": [{"status": "married", "from": "2019"}]}
  ]}`
