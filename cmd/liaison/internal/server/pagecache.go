package server

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/liaison-timeline/liaison/app"
)

// Rendering a timeline page with go-app builds every component and encodes
// it, which limits a server to a few hundred pages a second even for a
// small timeline. A page depends only on the data's version, the URL's path
// and query, and the pages' clock (to the hour), so each version of the
// data gets a pageCache (see serverState) of pages by path and query, each
// with the hour it was rendered for: a new version starts with an empty
// cache and can never be answered with a page of the old one, and a page of
// an earlier hour is rendered again.

// Bounds of one version's page cache. Readers of an article share a few
// views of one timeline; what a crawler or an attacker asks beyond that
// pushes out the least recently used pages, and costs no more than a
// render did without a cache. The default timeline's page is 25 KB; a
// page of 10,000 relationships is 28 MB and takes over a second to render,
// so it is kept too, but no more than four such.
const (
	pageCacheEntries = 256
	pageCacheBytes   = 128 << 20
	// pageCacheLargest is the largest page kept.
	pageCacheLargest = pageCacheBytes / 4
)

// pageClockStep is how precisely the server's pages place "now", and so
// how often a cached page is rendered again. The WebAssembly renders the
// page again with the reader's own clock as it takes over; until then an
// hour is a few pixels on a chart zoomed in all the way (two weeks), and
// nothing on one of years. A minute made the reader who came first in each
// minute wait a second for a page of 10,000 relationships.
const pageClockStep = time.Hour

// now is "now" for the pages s renders: its clock, to the hour.
func (s *Server) now() time.Time { return s.clock().Truncate(pageClockStep) }

// A renderedPage is a timeline page as go-app rendered it, with the status
// the server answers it with.
type renderedPage struct {
	status int
	// header is what go-app set: the type, ETag and Cache-Control.
	header http.Header
	body   []byte
	// oembedAt is where a page that offers oEmbed (serverState.offersOEmbed)
	// takes its discovery link and its share card's tags (headLinks),
	// right after its <meta charset> (which must stay in the first 1024
	// bytes), when they name the host the request was sent to and so are
	// added to each answer; -1 for none.
	oembedAt int
	// shareAlt is the text alternative of its share card (shareTags).
	shareAlt string

	// The page compressed, made at the first request that takes it.
	gzipOnce   sync.Once
	gzip       *splicedGzip
	brotliOnce sync.Once
	brotli     []byte

	// last is the answer of a page with an oEmbed link to the last
	// request, which the next one sent to the same host in the same
	// coding (most are: readers ask a site by one name) sends again,
	// rather than make the link and the gzip copy's trailer anew: with
	// 64 clients, that made the default timeline's /t/ page as fast as a
	// static file of its bytes (docs/benchmarks.md).
	last atomic.Pointer[hostAnswer]
}

// A hostAnswer is a page's answer, in pieces to send in order, in one
// coding for requests sent to one origin, which its oEmbed link names.
// Neither it nor its pieces change once made.
type hostAnswer struct {
	origin, coding string
	body           net.Buffers
}

// encodeFor is encode for a page with an oEmbed link, for a request sent
// to origin, whose link is made by link when the page has no answer for
// origin and the coding already.
func (p *renderedPage) encodeFor(origin string, accept []string, link func() string) (string, net.Buffers) {
	coding := "" // such a page has no brotli copy: see encode
	if acceptQ(accept, "gzip") > 0 {
		coding = "gzip"
	}
	if last := p.last.Load(); last != nil && last.origin == origin && last.coding == coding {
		return coding, last.body
	}
	coding, body := p.encode(accept, link())
	p.last.Store(&hostAnswer{origin, coding, body})
	return coding, body
}

// Pages are sent compressed to the clients that take it: the default
// timeline's page is 21 KB of HTML, 3.8 KB of gzip and 3.5 KB of brotli,
// and a reader on a phone's network waits for it before anything shows.
// Compressing on every request would cost more than the cache saves, so a
// cached page keeps one compressed copy per coding, the same for every
// request: what one request names (its Host) must not change what other
// readers get, nor add copies without bound. A page whose oEmbed link
// names the request's host (a /t/ page, without serve -domain) has a gzip
// copy that each answer splices its link into (see splicedGzip), and no
// brotli copy, which cannot be spliced: such a page is 4.0 KB of gzip
// where it would be 3.5 KB of brotli. Every other page has both.

// encode is the page with link in the coding that a client whose
// Accept-Encoding headers are given ranks highest among those the page is
// sent in, brotli among equals, or the page itself when it takes none: the
// coding, and the answer's body in pieces to send in order.
func (p *renderedPage) encode(accept []string, link string) (string, net.Buffers) {
	br, gz := acceptQ(accept, "br"), acceptQ(accept, "gzip")
	switch {
	case p.oembedAt < 0 && br > 0 && br >= gz:
		p.brotliOnce.Do(func() { p.brotli = compressAs("br", p.body) })
		return "br", net.Buffers{p.brotli}
	case gz > 0:
		p.gzipOnce.Do(func() {
			at := p.oembedAt
			if at < 0 {
				at = len(p.body)
			}
			p.gzip = newSplicedGzip(p.body[:at], p.body[at:])
		})
		return "gzip", p.gzip.with(link)
	case link != "":
		return "", net.Buffers{p.body[:p.oembedAt], []byte(link), p.body[p.oembedAt:]}
	}
	return "", net.Buffers{p.body}
}

// insertLink makes link a part of the page, for good: under serve -domain
// it is the same for every request.
func (p *renderedPage) insertLink(link string) {
	p.body = slices.Concat(p.body[:p.oembedAt], []byte(link), p.body[p.oembedAt:])
	p.oembedAt = -1
}

// pageCodings are the codings pages and API answers are sent in, by
// preference.
var pageCodings = []string{"br", "gzip"}

// pageCoding is the coding to send an answer in to a client whose
// Accept-Encoding headers are given: the one it ranks highest, brotli
// among equals; "" for none.
func pageCoding(accept []string) string {
	best, bestQ := "", 0.0
	for _, coding := range pageCodings {
		if q := acceptQ(accept, coding); q > bestQ {
			best, bestQ = coding, q
		}
	}
	return best
}

// variantETag is the ETag of a page's copy in coding: each representation
// has its own.
func variantETag(etag, coding string) string {
	if coding == "" || !strings.HasSuffix(etag, `"`) {
		return etag
	}
	return strings.TrimSuffix(etag, `"`) + "-" + coding + `"`
}

// A pageCache keeps the pages of one version of the data, by view and the
// pages' clock (see boundedCache).
type pageCache struct {
	*boundedCache[*renderedPage]
}

func newPageCache() *pageCache {
	return newPageCacheOf(pageCacheEntries, pageCacheBytes, pageCacheLargest)
}

// newPageCacheOf is a page cache of at most entries pages and bytes in
// all, none larger than largest.
func newPageCacheOf(entries, bytes, largest int) *pageCache {
	return &pageCache{newBoundedCache(entries, bytes, largest, func(page *renderedPage) int { return len(page.body) })}
}

// pageView returns the URL of the page that r asks for, its path and the
// canonical form of the view its query describes, and the status the page
// is answered with: 404 for a timeline or person that does not exist.
// Besides the data's version and the clock, that URL is all that decides a
// page, and so it is the page cache's key: queries that describe one view
// (?person=a&person=b and ?person=a,b; parameters in another order) share
// one page, and parameters that no page reads (?x=1, ?x=2…) make no new
// one: each was a render (the default timeline's page is rendered 8 times
// slower than it is served from the cache, see docs/benchmarks.md), which
// anyone could ask for at will.
//
// A name sent by the person filter's form (find=) that finds one person
// is a 303 to the URL of that person's view.
//
// / shows the only timeline, when there is one, as /t/{id} does, with its
// status; otherwise it lists the timelines and reads no parameter but
// lang.
func (st *serverState) pageView(r *http.Request) (*url.URL, int) {
	page := &url.URL{Path: r.URL.Path, RawPath: r.URL.RawPath}
	view := app.ParseViewState(r.URL.Query())
	// The list of timelines and a page of none speak the view's language
	// (app.PageLang) whatever else the query says.
	if view.Lang != "" {
		page.RawQuery = url.Values{"lang": {view.Lang}}.Encode()
	}
	id := r.PathValue("id")
	if r.URL.Path == "/" {
		all := st.library.Timelines()
		if len(all) != 1 {
			return page, http.StatusOK
		}
		id = all[0].ID
	}
	t, ok := st.library.Timeline(id)
	if !ok {
		return page, http.StatusNotFound // the page says so whatever the view
	}
	// A full page shows every part that an embed may hide (title=0,
	// hide=), but keeps them in its view: its oEmbed discovery link
	// names them, so that the page's URL pasted into WordPress or Ghost
	// (the Embed panel's code for them) embeds with them.
	page.RawQuery = view.URL(page.Path).RawQuery
	if _, err := t.Involving(view.People); err != nil {
		return page, http.StatusNotFound
	}
	// The person filter's form sent a name: the view of the person it
	// names is another URL, the one a link to it has. A name that finds
	// nobody, or more than one, is the page of its view, which says so.
	if found, ok := app.FoundView(t, view); ok {
		page.RawQuery = found.URL(page.Path).RawQuery
		return page, http.StatusSeeOther
	}
	return page, http.StatusOK
}

// get returns the page of key for the pages' clock at (Server.now, in Unix
// seconds), from the cache or else from render, which also says whether
// the page may be kept. Requests for a page that is being rendered wait
// for that render rather than start their own.
func (c *pageCache) get(key string, at int64, render func() (*renderedPage, bool)) *renderedPage {
	page, err := c.boundedCache.get(context.Background(), key, at, func() (*renderedPage, bool, error) {
		page, keep := render()
		return page, keep, nil
	})
	if err != nil {
		page, _ = render() // the render panicked (errGone): try again, and fail alone
	}
	return page
}

// timelinePage serves the pages, /, /t/{id} and /embed/{id}: go-app
// renders the page or the problem, once per version of the data, view and
// hour (see pageView and pageCache); a timeline or person that does not
// exist is a 404, and a name sent that finds one person a redirect to
// their view. Full pages carry the oEmbed discovery link in their head.
// Clients that take brotli or gzip get the page so (see encode).
func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request) {
	state := s.current()
	view, status := state.pageView(r)
	if status == http.StatusSeeOther {
		http.Redirect(w, r, view.RequestURI(), status)
		return
	}
	now := s.now()
	page := state.pageCache.get(view.RequestURI(), now.Unix(), func() (page *renderedPage, keep bool) {
		// Not the request's context: the requests waiting for this page
		// need it rendered, whether this one's client stays or not.
		s.heavy.do(context.Background(), state.heavyPage(r), func() { page, keep = state.renderPage(r, view, status, now, s.export != nil) })
		// The links are the same for every request under -domain, and
		// in an export (which without -domain has no oEmbed link, and
		// names its share card by its path: see headLinks).
		if page.oembedAt >= 0 && (s.domain != "" || s.export != nil) {
			page.insertLink(s.headLinks(r, view, page))
		}
		return page, keep
	})
	h := w.Header()
	for name, values := range page.header {
		h[name] = append([]string(nil), values...)
	}
	h.Add("Vary", "Accept-Encoding")
	accept := r.Header.Values("Accept-Encoding")
	var coding string
	var body net.Buffers
	if page.oembedAt >= 0 {
		coding, body = page.encodeFor(s.origin(r), accept, func() string { return s.headLinks(r, view, page) })
	} else {
		coding, body = page.encode(accept, "")
	}
	// go-app answers 304 to an If-None-Match of its ETag, the version of
	// the data and the app, whatever the page; each coding has its own.
	if etag := page.header.Get("ETag"); etag != "" {
		etag = variantETag(etag, coding)
		h.Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	length := 0
	for _, piece := range body {
		length += len(piece)
	}
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	h.Set("Content-Length", strconv.Itoa(length))
	w.WriteHeader(page.status)
	// Not body.WriteTo, which empties the pieces it sends: they may be
	// the page's (encodeFor).
	for _, piece := range body {
		if _, err := w.Write(piece); err != nil {
			return
		}
	}
}

// renderPage renders the page at view (see pageView) with go-app for r,
// to be answered with status, with the pages' clock at now, and says
// whether it may be cached: a page (200) or a problem (404). A page
// carries the answers of its first view (pageData); static says it is
// for a static export.
func (st *serverState) renderPage(r *http.Request, view *url.URL, status int, now time.Time, static bool) (*renderedPage, bool) {
	// The whole page of the canonical view, whatever this client has
	// already: the cache answers other clients with it, and answers
	// If-None-Match itself.
	whole := r.Clone(r.Context())
	whole.URL, whole.RequestURI = view, view.RequestURI()
	whole.Header.Del("If-None-Match")
	buf := &pageBuffer{header: http.Header{}}
	words := st.pageWords(view)
	renderWith(pageSource{st.library, now, words}, func() { st.pages.ServeHTTP(buf, whole) })
	buf.header.Del("Content-Length")
	page := &renderedPage{status: buf.status, header: buf.header, body: withoutHostlessURLs(buf.body.Bytes()), oembedAt: -1}
	page.body = withWords(page.body, words)
	if page.status == 0 || page.status == http.StatusOK {
		page.status = status
		if status == http.StatusOK {
			page.body = withPageData(page.body, st.pageData(view, static))
		}
		if status == http.StatusOK && st.offersOEmbed(view.Path) {
			// Its share card stands for it in link previews, in
			// go-app's icon's place (shareTags).
			page.body = withoutGoappImage(page.body)
			page.shareAlt = st.shareAlt(view, words)
			page.oembedAt = afterCharset(page.body)
		}
	}
	keep := page.status == http.StatusOK || page.status == http.StatusNotFound
	return page, keep
}

// afterCharset is where the <meta charset> of a page that go-app rendered
// ends, or -1.
func afterCharset(page []byte) int {
	const charset = `<meta charset="UTF-8">`
	if i := bytes.Index(page, []byte(charset)); i >= 0 {
		return i + len(charset)
	}
	return -1
}

// pageBuffer holds a page that go-app rendered, to be completed before it
// is sent.
type pageBuffer struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *pageBuffer) Header() http.Header         { return b.header }
func (b *pageBuffer) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *pageBuffer) WriteHeader(status int)      { b.status = status }
