package server

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// cachePaths are pages in each state the cache keeps: full and embedded,
// filtered and not, and problems.
var cachePaths = []string{
	"/t/james-norton",
	"/t/james-norton?person=lily-allen&from=2019&to=2024",
	"/embed/james-norton?title=0&theme=dark",
	"/t/nobody",
	"/embed/james-norton?person=nobody",
}

// fixedClock is a clock that stays at one moment until it is moved.
type fixedClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fixedClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fixedClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// serveOnce answers one request for path, sent to the host liaison.test
// (so that the oEmbed link is the same whatever server answers), with the
// given headers.
func serveOnce(handler http.Handler, path string, header ...string) *http.Response {
	req := httptest.NewRequest("GET", "http://liaison.test"+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	return rec.Result()
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// TestCachedPageEqualsFreshRender serves each page twice, the second time
// from the cache, and compares it with the page a new server renders for
// the same data, URL and time: the same status, headers and HTML. (go-app
// writes an element's attributes, and its style's properties, in no fixed
// order, so two renders are compared as the browser sees them.)
func TestCachedPageEqualsFreshRender(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	clock := &fixedClock{now: time.Date(2026, time.March, 3, 12, 30, 15, 0, time.UTC)}
	cfg := Config{Clock: clock.Now}
	s, err := New(lib, testAssets(t), cfg)
	cached := s
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range cachePaths {
		first := serveOnce(cached, path)
		firstBody := readBody(t, first)
		if len(s.current().pageCache.entries) == 0 {
			t.Fatalf("%s: the cache is still empty after rendering it", path)
		}
		again := serveOnce(cached, path)
		againBody := readBody(t, again)

		fresh, err := New(lib, testAssets(t), cfg) // an empty cache
		if err != nil {
			t.Fatal(err)
		}
		want := serveOnce(fresh, path)
		wantBody := readBody(t, want)
		if want.StatusCode != http.StatusOK && want.StatusCode != http.StatusNotFound {
			t.Fatalf("%s: a fresh render answers %d", path, want.StatusCode)
		}
		for _, got := range []struct {
			name string
			resp *http.Response
			body string
		}{{"rendered into the cache", first, firstBody}, {"from the cache", again, againBody}} {
			if got.resp.StatusCode != want.StatusCode {
				t.Errorf("%s %s: status %d, a fresh render %d", path, got.name, got.resp.StatusCode, want.StatusCode)
			}
			for _, name := range []string{"Content-Type", "Content-Length", "ETag", "Cache-Control", "Content-Security-Policy"} {
				if g, w := got.resp.Header.Get(name), want.Header.Get(name); g != w {
					t.Errorf("%s %s: %s %q, a fresh render %q", path, got.name, name, g, w)
				}
			}
			if g, w := canonicalHTML(got.body), canonicalHTML(wantBody); g != w {
				t.Errorf("%s %s differs from a fresh render:\n%s\nfresh:\n%s", path, got.name, g, w)
			}
		}
	}
	if n := len(s.current().pageCache.entries); n != len(cachePaths) {
		t.Errorf("the cache holds %d pages, want the %d asked for", n, len(cachePaths))
	}
}

// Start tags, and the attributes in them, as go-app writes them.
var (
	startTag  = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'=<>/]+(?:="[^"]*")?)*)\s*>`)
	attribute = regexp.MustCompile(`\s+([^\s"'=<>/]+)(?:="([^"]*)")?`)
)

// canonicalHTML writes every start tag's attributes, and the properties
// of its style, in sorted order.
func canonicalHTML(page string) string {
	return startTag.ReplaceAllStringFunc(page, func(tag string) string {
		m := startTag.FindStringSubmatch(tag)
		var attrs []string
		for _, a := range attribute.FindAllStringSubmatch(m[2], -1) {
			name, value := a[1], a[2]
			if name == "style" {
				properties := strings.Split(value, ";")
				for i := range properties {
					properties[i] = strings.TrimSpace(properties[i])
				}
				slices.Sort(properties)
				value = strings.Join(properties, ";")
			}
			attrs = append(attrs, name+`="`+value+`"`)
		}
		slices.Sort(attrs)
		return "<" + m[1] + " " + strings.Join(attrs, " ") + ">"
	})
}

// TestPageCacheFollowsTheClock moves the pages' clock by a year: the chart,
// whose window holds now, is rendered again rather than served from the
// cache, with its now line moved, and replaces the old page.
func TestPageCacheFollowsTheClock(t *testing.T) {
	lib, err := loadLibrary(writeFiles(t, map[string]string{"james-norton.json": clockTimeline(t)}))
	if err != nil {
		t.Fatal(err)
	}
	clock := &fixedClock{now: time.Date(2030, time.June, 1, 0, 0, 0, 0, time.UTC)}
	s, err := New(lib, testAssets(t), Config{Clock: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2030, 2031} {
		now := time.Date(year, time.June, 1, 0, 0, 0, 0, time.UTC)
		clock.Set(now)
		body := readBody(t, serveOnce(s, "/t/james-norton"))
		if !drawsNowLineAt(body, now) {
			t.Errorf("in %d the chart lacks the now line of June %d: the page is from another time", year, year)
		}
	}
	if n := len(s.current().pageCache.entries); n != 1 {
		t.Errorf("the cache holds %d pages, want one: the page of 2031 in place of 2030's", n)
	}
}

// clockTimeline is the default timeline with an event in 2050: the window
// of its chart holds now, where it draws the now line. (The default
// timeline's own chart ends with its source, in July 2025, whatever the
// clock says.)
func clockTimeline(t testing.TB) string {
	t.Helper()
	src := readDefaultTimeline(t)
	const events = `"events": [`
	i := strings.Index(src, events)
	if i < 0 {
		t.Fatalf("the default timeline has no %s", events)
	}
	i += len(events)
	return src[:i] + `{"id": "far", "date": "2050", "kind": "other", "title": "Far", "people": ["lily-allen"]},` + src[i:]
}

// drawsNowLineAt reports whether page, of clockTimeline, from 2017 to
// 2050, draws the now line at now (its attributes in either order).
func drawsNowLineAt(page string, now time.Time) bool {
	window := plot.TimeScale{From: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2051, 1, 1, 0, 0, 0, 0, time.UTC)}
	style := fmt.Sprintf(`style="inset-inline-start:%.3f%%"`, window.Percent(now))
	return strings.Contains(page, `class="now-line" `+style) || strings.Contains(page, style+` class="now-line"`)
}

// TestPageCacheServesTheNewVersion reloads changed data into a server whose
// cache holds the old version's pages: the next answers are the new
// version's, with its ETag, never the old pages.
func TestPageCacheServesTheNewVersion(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	const oldTitle = "James Norton, Imogen Poots, Lily Allen and David Harbour"
	if !strings.Contains(string(src), oldTitle) {
		t.Fatalf("the default timeline's title is no longer %q", oldTitle)
	}
	file := filepath.Join(dir, "james-norton.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := loadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(lib, testAssets(t), Config{})
	if err != nil {
		t.Fatal(err)
	}
	oldPages := map[string]*http.Response{}
	for _, path := range cachePaths[:3] {
		resp := serveOnce(s, path)
		if body := readBody(t, resp); !strings.Contains(body, oldTitle) {
			t.Fatalf("%s does not show the title %q", path, oldTitle)
		}
		oldPages[path] = resp
	}

	const newTitle = "Corrected: who dated whom"
	if err := os.WriteFile(file, []byte(strings.Replace(string(src), oldTitle, newTitle, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := data.LoadLibrary(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	s.load(changed)
	for _, path := range cachePaths[:3] {
		resp := serveOnce(s, path)
		body := readBody(t, resp)
		if strings.Contains(body, oldTitle) || !strings.Contains(body, newTitle) {
			t.Errorf("%s after the reload does not show the new title %q but the old one", path, newTitle)
		}
		if old, now := oldPages[path].Header.Get("ETag"), resp.Header.Get("ETag"); old == now {
			t.Errorf("%s keeps its ETag %s across versions", path, now)
		}
		// A client that has the old page must get the new one.
		resp = serveOnce(s, path, "If-None-Match", oldPages[path].Header.Get("ETag"))
		if resp.StatusCode != http.StatusOK || !strings.Contains(readBody(t, resp), newTitle) {
			t.Errorf("%s revalidated with the old ETag: status %d, want 200 with the new page", path, resp.StatusCode)
		}
	}
}

// TestPageCacheRevalidation checks If-None-Match against cached pages: a
// client that has the page gets 304, and a first request that gets 304
// still leaves the whole page for the clients that have nothing.
func TestPageCacheRevalidation(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	handler, err := New(lib, testAssets(t), Config{})
	if err != nil {
		t.Fatal(err)
	}
	// The ETag is the version, the same for every page: learn it from
	// another page, so that the first request for this one is conditional.
	etag := serveOnce(handler, "/embed/james-norton").Header.Get("ETag")
	if etag == "" {
		t.Fatal("pages have no ETag")
	}
	resp := serveOnce(handler, "/t/james-norton", "If-None-Match", etag)
	if body := readBody(t, resp); resp.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("first, conditional request: status %d with %d bytes, want 304 and none", resp.StatusCode, len(body))
	}
	resp = serveOnce(handler, "/t/james-norton")
	if body := readBody(t, resp); resp.StatusCode != http.StatusOK || !strings.Contains(body, "Lily Allen") {
		t.Errorf("then an unconditional request: status %d, want 200 and the whole page", resp.StatusCode)
	}
	resp = serveOnce(handler, "/t/james-norton", "If-None-Match", etag)
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("then a conditional request: status %d, want 304", resp.StatusCode)
	}
}

// TestPageCacheAtOnce asks for one page from many clients at the same
// time, before it is cached: every client gets the whole page.
func TestPageCacheAtOnce(t *testing.T) {
	srv := startServer(t, "")
	var wg sync.WaitGroup
	bodies := make([]string, 32)
	for i := range bodies {
		wg.Go(func() {
			resp, err := http.Get(srv.URL + "/embed/james-norton?person=david-harbour")
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("status %d", resp.StatusCode)
			}
			bodies[i] = string(body)
		})
	}
	wg.Wait()
	for i, body := range bodies {
		if body != bodies[0] || !strings.Contains(body, "David Harbour") {
			t.Fatalf("client %d got another page (%d bytes) than client 0 (%d bytes)", i, len(body), len(bodies[0]))
		}
	}
}

// TestPageCacheBounds fills a cache beyond its bounds: it keeps the most
// recently used pages, no more of them or bytes in all than its bounds,
// and never a page larger than its largest.
func TestPageCacheBounds(t *testing.T) {
	const entries, bytes, largest = 20, 10_000, 2_500
	c := newPageCacheOf(entries, bytes, largest)
	renders := 0
	page := func(size int) func() (*renderedPage, bool) {
		return func() (*renderedPage, bool) {
			renders++
			return &renderedPage{status: http.StatusOK, body: make([]byte, size), oembedAt: -1}, true
		}
	}
	for i := range entries + 10 {
		c.get(fmt.Sprint("small ", i), 0, page(100))
		c.get("small 0", 0, page(100)) // used again and again: kept
	}
	if n := c.order.Len(); n != entries {
		t.Errorf("%d pages kept, want %d", n, entries)
	}
	renders = 0
	c.get("small 0", 0, page(100))
	c.get(fmt.Sprint("small ", entries+9), 0, page(100))
	if renders != 0 {
		t.Errorf("the most recently used pages were rendered again")
	}
	c.get("small 1", 0, page(100))
	if renders != 1 {
		t.Errorf("the least recently used page was still cached")
	}

	for i := range 10 {
		c.get(fmt.Sprint("large ", i), 0, page(largest))
	}
	if c.bytes > bytes || c.order.Len() < 3 {
		t.Errorf("%d pages of %d bytes kept, want at most %d bytes and at least 3 pages", c.order.Len(), c.bytes, bytes)
	}
	renders = 0
	c.get("huge", 0, page(largest+1))
	c.get("huge", 0, page(largest+1))
	if renders != 2 {
		t.Errorf("a page over the largest was cached")
	}
}

// TestPageCacheRenderPanics has a render panic while another request
// waits for it: the panic goes on in the request that rendered, the one
// that waited renders the page itself, and neither page is kept, so the
// next request renders again.
func TestPageCacheRenderPanics(t *testing.T) {
	c := newPageCacheOf(pageCacheEntries, pageCacheBytes, pageCacheLargest)
	rendering, release := make(chan struct{}), make(chan struct{})
	panicked := make(chan any)
	go func() {
		defer func() { panicked <- recover() }()
		c.get("/t/x", 0, func() (*renderedPage, bool) {
			close(rendering)
			<-release
			panic("broken")
		})
	}()
	<-rendering
	waited := make(chan *renderedPage)
	go func() {
		waited <- c.get("/t/x", 0, func() (*renderedPage, bool) {
			return &renderedPage{status: http.StatusOK, body: []byte("again"), oembedAt: -1}, true
		})
	}()
	// Time for the second request to start waiting; were it late, it
	// would render the page itself all the same.
	time.Sleep(50 * time.Millisecond)
	close(release)
	if r := <-panicked; r != "broken" {
		t.Errorf("the rendering request recovered %v, want its panic", r)
	}
	if page := <-waited; page == nil || string(page.body) != "again" {
		t.Errorf("the waiting request got %v, want the page it rendered", page)
	}
	renders := 0
	c.get("/t/x", 0, func() (*renderedPage, bool) {
		renders++
		return &renderedPage{status: http.StatusOK, oembedAt: -1}, true
	})
	if renders != 1 {
		t.Errorf("after the panic a page was cached: %d renders, want 1", renders)
	}
}

// TestPagesCompressed asks a server on 127.0.0.1 for pages in each coding
// a client may take: each answer is the page itself once decoded, with
// the oEmbed link for the host asked, in the coding the client ranks
// highest of those the page is sent in (a page whose link names the
// request's host has no brotli copy), with its own ETag, which
// revalidates.
func TestPagesCompressed(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	get := func(path, host, accept, ifNoneMatch string) (*http.Response, []byte) {
		t.Helper()
		header := []string{"Host", host}
		if ifNoneMatch != "" {
			header = append(header, "If-None-Match", ifNoneMatch)
		}
		return fetchEncoded(t, srv.URL+path, accept, header...)
	}
	for _, path := range []string{"/t/james-norton", "/embed/james-norton?person=lily-allen", "/t/nobody", "/"} {
		plain, want := get(path, "news.example", "", "")
		if !strings.Contains(plain.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: Vary %q, want Accept-Encoding", path, plain.Header.Get("Vary"))
		}
		// / shows the only timeline, with its link; the others are an
		// embed and a problem.
		hostLink := path == "/t/james-norton" || path == "/"
		if got := strings.Contains(string(want), "http://news.example/oembed?"); got != hostLink {
			t.Errorf("%s: the page has the oEmbed link for news.example %v, want %v", path, got, hostLink)
		}
		brotli := "br"
		if hostLink {
			brotli = "gzip"
		}
		etags := map[string]string{"": plain.Header.Get("ETag")}
		for _, tt := range []struct{ accept, coding string }{
			{"gzip, deflate, br, zstd", brotli},
			{"gzip", "gzip"},
			{"br;q=0.5, gzip", "gzip"},
			{"br;q=0, gzip;q=0", ""},
			{"identity", ""},
		} {
			resp, body := get(path, "news.example", tt.accept, "")
			if got := resp.Header.Get("Content-Encoding"); got != tt.coding {
				t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q, want %q", path, tt.accept, got, tt.coding)
				continue
			}
			if resp.StatusCode != plain.StatusCode {
				t.Errorf("%s with Accept-Encoding %q: status %d, want %d", path, tt.accept, resp.StatusCode, plain.StatusCode)
			}
			if got := decodeBody(t, tt.coding, body); !bytes.Equal(got, want) {
				t.Errorf("%s in %q decodes to another page", path, tt.coding)
			}
			etag := resp.Header.Get("ETag")
			checkCodingETag(t, path, tt.coding, etag, etags)
			if plain.StatusCode == http.StatusOK {
				if again, _ := get(path, "news.example", tt.accept, etag); again.StatusCode != http.StatusNotModified {
					t.Errorf("%s in %q with If-None-Match %s: status %d, want 304", path, tt.coding, etag, again.StatusCode)
				}
			}
		}
	}

}

// TestPagesCompressedForEveryHost asks for a page naming many hosts, as
// anyone may: each answer is compressed and has the oEmbed link of its own
// host, and a reader who comes after gets what the first one got, from
// the same copies. (The page kept a compressed copy for each of the first
// eight hosts, and answered every other one uncompressed.)
func TestPagesCompressedForEveryHost(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	page := func(host, accept string) (string, []byte) {
		t.Helper()
		resp, body := fetchEncoded(t, srv.URL+"/t/james-norton", accept, "Host", host)
		if resp.StatusCode != 200 {
			t.Fatalf("GET /t/james-norton for %s = %d", host, resp.StatusCode)
		}
		coding := resp.Header.Get("Content-Encoding")
		return coding, decodeBody(t, coding, body)
	}
	firstCoding, first := page("news.example", "gzip, deflate, br")
	for i := range 40 {
		host := fmt.Sprintf("host%d.example:%d", i, 1000+i)
		coding, body := page(host, "gzip, deflate, br")
		if coding != firstCoding {
			t.Errorf("the page for %s in %q, want %q", host, coding, firstCoding)
		}
		if !bytes.Contains(body, []byte(`href="http://`+host+`/oembed?`)) {
			t.Errorf("the page for %s lacks its oEmbed link", host)
		}
		// The oEmbed link, and the share card's tags after it (shareTags).
		link := regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed"[^>]*>(<meta [^>]*>)*`)
		if link.ReplaceAllString(string(body), "") != link.ReplaceAllString(string(first), "") {
			t.Errorf("the page for %s is another page than for news.example", host)
		}
	}
	if coding, again := page("news.example", "gzip, deflate, br"); coding != firstCoding || !bytes.Equal(again, first) {
		t.Errorf("after 40 other hosts, news.example gets the page in %q (equal %v), want %q and the same page", coding, bytes.Equal(again, first), firstCoding)
	}
	if firstCoding != "gzip" {
		t.Errorf("a page whose link names the host in %q, want gzip", firstCoding)
	}

	// Under -domain the link names the domain whatever the host: the page
	// is the same for everyone, in brotli too.
	_, onDomain := serve(t, "", Config{Logger: slog.New(slog.DiscardHandler), Domain: "news.example"})
	var pages [][]byte
	for _, host := range []string{"news.example", "other.example", "127.0.0.1"} {
		resp, body := fetchEncoded(t, onDomain.URL+"/t/james-norton", "gzip, deflate, br", "Host", host)
		if coding := resp.Header.Get("Content-Encoding"); coding != "br" {
			t.Errorf("under -domain, the page for %s in %q, want br", host, coding)
		}
		pages = append(pages, body)
		if page := decodeBody(t, resp.Header.Get("Content-Encoding"), body); !bytes.Contains(page, []byte(`href="https://news.example/oembed?`)) {
			t.Errorf("under -domain, the page for %s lacks the oEmbed link on the domain", host)
		}
	}
	if !bytes.Equal(pages[0], pages[1]) || !bytes.Equal(pages[0], pages[2]) {
		t.Errorf("under -domain, the page differs by host")
	}
}

// checkCodingETag checks the ETag of path's answer in coding: the one it
// had before in that coding, if any, and another than every other
// coding's, which etags holds by coding, and which it is added to.
func checkCodingETag(t *testing.T, path, coding, etag string, etags map[string]string) {
	t.Helper()
	if earlier, seen := etags[coding]; seen && etag != earlier {
		t.Errorf("%s: ETag %q in %q, and %q before", path, etag, coding, earlier)
	}
	for other, otherETag := range etags {
		if other != coding && otherETag == etag {
			t.Errorf("%s: ETag %q in %q and in %q: want one per coding", path, etag, coding, other)
		}
	}
	etags[coding] = etag
}

// TestPageAnswerForAHostAgain asks for a page with an oEmbed link again
// and again, by two hosts in turn and in both codings: each answer is the
// page whole, with its own host's link, whether it is made anew or sent
// again as the last one to that host was.
func TestPageAnswerForAHostAgain(t *testing.T) {
	srv := startHTTPServer(t, "", io.Discard)
	want := map[string][]byte{}
	for i := range 12 {
		host := []string{"a.example", "b.example"}[i/3%2]
		accept := []string{"gzip", "identity"}[i/6]
		resp, body := fetchEncoded(t, srv.URL+"/t/james-norton", accept, "Host", host)
		page := decodeBody(t, resp.Header.Get("Content-Encoding"), body)
		if !bytes.Contains(page, []byte(`href="http://`+host+`/oembed?`)) || !bytes.HasSuffix(bytes.TrimSpace(page), []byte("</html>")) {
			t.Fatalf("request %d, for %s (%s): the page is cut, or lacks its host's oEmbed link", i, host, accept)
		}
		if first, ok := want[host]; ok && !bytes.Equal(page, first) {
			t.Errorf("request %d, for %s (%s): the page differs from the first for that host", i, host, accept)
		}
		want[host] = page
	}
}
