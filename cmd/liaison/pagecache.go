//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"container/list"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
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

// pagesClock is the clock of the pages the server renders. Like go-app's
// routes it is process-wide: the latest server's (serverConfig.Clock).
var pagesClock atomic.Pointer[func() time.Time]

// pagesNow is "now" for the pages the server renders: the latest server's
// clock, to the hour.
func pagesNow() time.Time {
	now := time.Now
	if clock := pagesClock.Load(); clock != nil {
		now = *clock
	}
	return now().Truncate(pageClockStep)
}

// A renderedPage is a timeline page as go-app rendered it, with the status
// the server answers it with.
type renderedPage struct {
	status int
	// header is what go-app set: the type, ETag and Cache-Control.
	header http.Header
	body   []byte
	// oembedAt is where the oEmbed discovery link goes, before </head>,
	// in a page that has one (serverState.offersOEmbed); -1 for none.
	// The link names the host the request was sent to, so it is added to
	// each answer.
	oembedAt int

	// copies are the page compressed, by coding and oEmbed link, made on
	// the first request that takes them (see compressed).
	mu     sync.Mutex
	copies map[string][]byte
}

// Pages are sent compressed to the clients that take it: the page of 50
// relationships is 113 KB of HTML, 11 KB of gzip and 9 KB of brotli, and a
// reader on a phone's network waits for it before anything shows.
// Compressing on every request would cost more than the cache saves, so a
// cached page keeps its compressed copies: one per coding and oEmbed link,
// and the link names the request's host, almost always the site's own.

// maxPageCopies bounds the copies of one page: requests that name other
// hosts get it uncompressed rather than fill the memory.
const maxPageCopies = 8

// pageCodings are the codings pages are sent in, by preference.
var pageCodings = []string{"br", "gzip"}

// pageCoding is the coding to send a page in to a client whose
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

// compressed is the page with link, in coding: compressed at the first
// request for it, or false when the page has as many copies as it keeps.
func (p *renderedPage) compressed(coding, link string) ([]byte, bool) {
	key := coding + " " + link
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.copies[key]; ok {
		return c, true
	}
	if len(p.copies) >= maxPageCopies {
		return nil, false
	}
	var b bytes.Buffer
	var w io.WriteCloser
	if coding == "br" {
		w = brotli.NewWriterLevel(&b, 5) // a tenth of the page; quality 11 takes 100 times longer
	} else {
		w = gzip.NewWriter(&b)
	}
	p.write(w, link)
	w.Close()
	if p.copies == nil {
		p.copies = map[string][]byte{}
	}
	p.copies[key] = b.Bytes()
	return b.Bytes(), true
}

// write writes the page with link in its head.
func (p *renderedPage) write(w io.Writer, link string) {
	if link == "" {
		w.Write(p.body)
		return
	}
	w.Write(p.body[:p.oembedAt])
	io.WriteString(w, link)
	w.Write(p.body[p.oembedAt:])
}

// variantETag is the ETag of a page's copy in coding: each representation
// has its own.
func variantETag(etag, coding string) string {
	if coding == "" || !strings.HasSuffix(etag, `"`) {
		return etag
	}
	return strings.TrimSuffix(etag, `"`) + "-" + coding + `"`
}

// A pageCache keeps the pages of one version of the data, the least
// recently used going first when it is full.
type pageCache struct {
	// maxEntries, maxBytes and largest are the bounds: pageCacheEntries,
	// pageCacheBytes and pageCacheLargest but in tests.
	maxEntries, maxBytes, largest int

	mu      sync.Mutex
	entries map[string]*list.Element // of *cacheEntry
	order   list.List                // most recently used first
	bytes   int
	// rendering holds the pages being rendered, so that requests for the
	// same page at the same time wait for one render.
	rendering map[string]*pendingPage
}

type cacheEntry struct {
	key  string
	at   int64 // the pages' clock the page was rendered for, in Unix seconds
	page *renderedPage
}

type pendingPage struct {
	done chan struct{}
	page *renderedPage // nil if the render failed
}

func newPageCache() *pageCache {
	return newPageCacheOf(pageCacheEntries, pageCacheBytes, pageCacheLargest)
}

// newPageCacheOf is a page cache of at most entries pages and bytes in
// all, none larger than largest.
func newPageCacheOf(entries, bytes, largest int) *pageCache {
	return &pageCache{
		maxEntries: entries, maxBytes: bytes, largest: largest,
		entries: map[string]*list.Element{}, rendering: map[string]*pendingPage{},
	}
}

// pageKey is what, besides the data's version and the clock, decides a
// page: its path and its query.
func pageKey(r *http.Request) string {
	return r.URL.EscapedPath() + "?" + r.URL.RawQuery
}

// get returns the page of key for the pages' clock at (pagesNow, in Unix
// seconds), from the cache or else from render, which also says whether
// the page may be kept. Requests for a page that is being rendered wait
// for that render rather than start their own.
func (c *pageCache) get(key string, at int64, render func() (*renderedPage, bool)) *renderedPage {
	c.mu.Lock()
	if e, ok := c.entries[key]; ok && e.Value.(*cacheEntry).at == at {
		c.order.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*cacheEntry).page
	}
	pending := key + " " + strconv.FormatInt(at, 10)
	if p, ok := c.rendering[pending]; ok {
		c.mu.Unlock()
		<-p.done
		if p.page != nil {
			return p.page
		}
		page, _ := render() // the render panicked: try again, and fail alone
		return page
	}
	p := &pendingPage{done: make(chan struct{})}
	c.rendering[pending] = p
	c.mu.Unlock()

	keep := false
	defer func() {
		c.mu.Lock()
		delete(c.rendering, pending)
		if keep {
			c.add(key, at, p.page)
		}
		c.mu.Unlock()
		close(p.done)
	}()
	p.page, keep = render()
	return p.page
}

// add keeps page in place of key's earlier one, then drops the least
// recently used pages while the cache holds too many or too large. c.mu is
// held.
func (c *pageCache) add(key string, at int64, page *renderedPage) {
	if e, ok := c.entries[key]; ok {
		c.remove(e)
	}
	if len(page.body) > c.largest {
		return
	}
	c.entries[key] = c.order.PushFront(&cacheEntry{key, at, page})
	c.bytes += len(page.body)
	for c.order.Len() > c.maxEntries || c.bytes > c.maxBytes {
		c.remove(c.order.Back())
	}
}

func (c *pageCache) remove(e *list.Element) {
	entry := e.Value.(*cacheEntry)
	c.order.Remove(e)
	delete(c.entries, entry.key)
	c.bytes -= len(entry.page.body)
}

// timelinePage serves /, /t/{id} and /embed/{id}: go-app renders the page
// or the problem, once per version of the data, query and hour (see
// pageCache); a timeline or person that does not exist is a 404. Full pages
// of a timeline carry the oEmbed discovery link in their head. Clients that
// take brotli or gzip get the page so.
func (s *server) timelinePage(w http.ResponseWriter, r *http.Request) {
	state := s.current()
	page := state.pageCache.get(pageKey(r), pagesNow().Unix(), func() (*renderedPage, bool) { return state.renderPage(r) })
	h := w.Header()
	for name, values := range page.header {
		h[name] = append([]string(nil), values...)
	}
	h.Add("Vary", "Accept-Encoding")
	var link string
	if page.oembedAt >= 0 {
		link = s.oembedLink(r)
	}
	coding := pageCoding(r.Header.Values("Accept-Encoding"))
	var body []byte
	if coding != "" {
		var ok bool
		if body, ok = page.compressed(coding, link); !ok {
			coding = ""
		}
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
	if coding == "" {
		h.Set("Content-Length", strconv.Itoa(len(page.body)+len(link)))
		w.WriteHeader(page.status)
		page.write(w, link)
		return
	}
	h.Set("Content-Encoding", coding)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(page.status)
	w.Write(body)
}

// renderPage renders the page of r with go-app, and says whether it may be
// cached: a page (200) or a problem (404) of this state's data.
func (st *serverState) renderPage(r *http.Request) (*renderedPage, bool) {
	status := http.StatusOK
	if _, err := st.lookup(r); err != nil && r.URL.Path != "/" {
		status = http.StatusNotFound
	}
	// The whole page, whatever this client has already: the cache answers
	// other clients with it, and answers If-None-Match itself.
	whole := r.Clone(r.Context())
	whole.Header.Del("If-None-Match")
	buf := &pageBuffer{header: http.Header{}}
	st.pages.ServeHTTP(buf, whole)
	buf.header.Del("Content-Length")
	page := &renderedPage{status: buf.status, header: buf.header, body: withoutHostlessURLs(buf.body.Bytes()), oembedAt: -1}
	if page.status == 0 || page.status == http.StatusOK {
		page.status = status
		if st.offersOEmbed(r.URL.Path) {
			page.oembedAt = bytes.Index(page.body, []byte("</head>"))
		}
	}
	// go-app's pages read the library of the latest server of the process
	// (pagesLibrary): a page rendered from another's is not this state's.
	keep := (page.status == http.StatusOK || page.status == http.StatusNotFound) && pagesLibrary.Load() == st.library
	return page, keep
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
