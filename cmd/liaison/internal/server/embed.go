package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/cmd/liaison/internal/picture"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/schema"
)

// Embedding: the host-page script, oEmbed, and the service worker policy.

// selfRemovingWorker replaces go-app's service worker, which app.js always
// registers and which would serve the app and pages cache-first. A news
// graphic must never show stale data after its timeline is corrected, and
// an embed must not install a worker into readers' browsers on a news
// site's behalf. So this worker deletes every cache (a reader may have one
// from an older version), caches nothing, handles no request, and
// unregisters itself: after any visit, nothing stays installed.
const selfRemovingWorker = `// Liaison keeps no service worker: this one removes itself.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      await caches.delete(key);
    }
    await self.registration.unregister();
  })());
});
`

// embedScriptMaxAge is how long browsers and CDNs keep embed.js: news
// pages load it on every view, and a fix reaches them within the hour.
const embedScriptMaxAge = 3600

// embedScript serves /embed.js, the script that turns a placeholder on any
// site into a self-sizing iframe.
func (s *Server) embedScript(w http.ResponseWriter, r *http.Request) {
	src, err := fs.ReadFile(s.assetFS, "embed.js")
	if err != nil {
		http.Error(w, "embed.js is missing from the build", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/javascript; charset=utf-8")
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(embedScriptMaxAge))
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	w.Write(src)
}

// oembedWidth is the width of the embed that oEmbed offers, unless the
// consumer asks for less; its height is what the chart needs at that
// width (app.EmbedHeight).
const oembedWidth = 800

// oembed answers /oembed?url=…: the embed code of one of this server's
// timelines, as an oEmbed 1.0 "rich" response. Only JSON is offered.
//
// The code is embed.js's: a placeholder holding a blockquote that links
// to the page (what a reader sees when no script runs, and until the
// iframe speaks) and the iframe, then the script, which sizes the iframe
// to all of its content. A consumer that keeps scripts gets that. One that
// keeps only the iframe gets an iframe as wide as its column and as tall
// as the chart, whose lists scroll inside it. WordPress, for providers it
// does not know, keeps the blockquote and the iframe and nothing else
// (wp_filter_oembed_result: only an href, the iframe's size, title,
// frameborder and scrolling survive), sandboxes the iframe and adds
// "#?secret=…" to its URL; web/frame.js then speaks its wp-embed.js's
// protocol (docs/embedding.md).
func (s *Server) oembed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch q.Get("format") {
	case "", "json":
	case "xml":
		writeJSONError(w, http.StatusNotImplemented, "format xml is not supported: use format=json")
		return
	default:
		writeJSONError(w, http.StatusNotImplemented, "unknown format "+strconv.Quote(q.Get("format"))+": use format=json")
		return
	}
	raw := q.Get("url")
	if raw == "" {
		writeJSONError(w, http.StatusBadRequest, "the url parameter is required")
		return
	}
	t, view, err := s.timelineOfURL(r, raw)
	if err != nil {
		writeJSONError(w, http.StatusNotFound, err.Error())
		return
	}
	width := oembedWidth
	if max, err := strconv.Atoi(q.Get("maxwidth")); err == nil && max > 0 {
		width = min(width, max)
	}
	height := app.EmbedHeight(t, view, s.now(), width)
	if max, err := strconv.Atoi(q.Get("maxheight")); err == nil && max > 0 {
		height = min(height, max)
	}
	site := s.site(r)
	src := html.EscapeString(site + view.URL(app.EmbedPath(t.ID)).String())
	// The page shows the view with its title, as the embed's own link to
	// it does (renderEmbedFooter).
	pageView := view
	pageView.NoTitle, pageView.Find = false, ""
	page := html.EscapeString(site + pageView.URL(app.TimelinePath(t.ID)).String())
	title := html.EscapeString(t.Title)
	code := fmt.Sprintf(`<div data-liaison-src="%s"><blockquote><a href="%s">%s</a></blockquote>`+
		`<iframe src="%s" title="%s" width="100%%" height="%d" frameborder="0" style="display:block;width:100%%;border:0" loading="lazy"></iframe></div>`+"\n"+
		`<script src="%s" async></script>`,
		src, page, title, src, title, height, html.EscapeString(site+"/embed.js"))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	json.NewEncoder(w).Encode(map[string]any{
		"version":       "1.0",
		"type":          "rich",
		"provider_name": "Liaison",
		"provider_url":  site + "/",
		"title":         t.Title,
		"html":          code,
		"width":         width,
		"height":        height,
		"cache_age":     embedScriptMaxAge,
		// The view's share card (picture.go), for consumers that show a
		// picture of a link, or have no room for the embed.
		"thumbnail_url":    site + app.PictureURL(t.ID, view, true),
		"thumbnail_width":  picture.Width,
		"thumbnail_height": picture.CardHeight,
	})
}

// timelineOfURL finds the timeline that a page URL of this site shows,
// with the view its query describes: /t/{id} and /embed/{id} (with the
// slash a static host adds, or not), and / when it shows the only one.
func (s *Server) timelineOfURL(r *http.Request, raw string) (*data.Timeline, app.ViewState, error) {
	notOurs := fmt.Errorf("%q is not a timeline page of this server", raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") ||
		!strings.EqualFold(u.Host, r.Host) && (s.domain == "" || !strings.EqualFold(u.Host, s.domain)) {
		return nil, app.ViewState{}, notOurs
	}
	p, ok := strings.CutPrefix(u.Path, s.base())
	if p == "" {
		p = "/"
	}
	lib := s.current().library
	var id string
	switch {
	case !ok:
	case p == "/":
		id, ok = onlyTimeline(lib)
	default:
		id, ok = strings.CutPrefix(strings.TrimSuffix(p, "/"), app.TimelinePrefix)
		if !ok {
			id, ok = strings.CutPrefix(strings.TrimSuffix(p, "/"), app.EmbedPrefix)
		}
	}
	t, found := lib.Timeline(id)
	if !ok || !found {
		return nil, app.ViewState{}, notOurs
	}
	view := app.ParseViewState(u.Query())
	if _, err := t.Involving(view.People); err != nil {
		return nil, app.ViewState{}, err
	}
	return t, view, nil
}

// onlyTimeline is the id of the library's timeline when it has one, which
// / then shows (see app.IndexPage).
func onlyTimeline(lib *data.Library) (string, bool) {
	if list := lib.Summaries(); len(list) == 1 {
		return list[0].ID, true
	}
	return "", false
}

// serveSchema serves the JSON Schema of the format, for editors' tools on
// any site.
func serveSchema(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/schema+json")
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(embedScriptMaxAge))
	h.Set("Access-Control-Allow-Origin", "*")
	w.Write(schema.TimelineV1)
}

// origin is where readers reach this server: https on -domain when it is
// given (as go-app's og:url; a proxy in front may end TLS), otherwise the
// scheme and host the request came by.
func (s *Server) origin(r *http.Request) string {
	if s.domain != "" {
		return "https://" + s.domain
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// base is the path the site is served under: an export's -base, without
// its last slash, or "" at the root.
func (s *Server) base() string {
	if s.export == nil {
		return ""
	}
	return s.export.base
}

// site is the URL of the site's root, without its last slash: where
// readers reach the pages and the embed codes point.
func (s *Server) site(r *http.Request) string { return s.origin(r) + s.base() }

// offersOEmbed reports whether the page at path carries the oEmbed
// discovery link: the pages of a timeline, and / when it shows one.
func (st *serverState) offersOEmbed(path string) bool {
	if path == "/" {
		_, ok := onlyTimeline(st.library)
		return ok
	}
	return strings.HasPrefix(path, app.TimelinePrefix)
}

// oembedLink is the oEmbed discovery tag of the page at view (see
// pageView), for a request r. A server
// answers /oembed for any view of its pages. A static export has no such
// endpoint: its pages point at the answer that the export wrote for each
// (see oembedFiles), which needs the site's host (export -domain); without
// it, a page cannot name the absolute URLs that oEmbed consumers fetch,
// and has no link.
func (s *Server) oembedLink(r *http.Request, view *url.URL) string {
	var href string
	switch {
	case s.export == nil:
		page := s.origin(r) + view.RequestURI()
		href = s.origin(r) + "/oembed?" + url.Values{"url": {page}, "format": {"json"}}.Encode()
	case s.domain == "":
		return ""
	default:
		href = s.site(r) + "/" + oembedFile(view.Path)
	}
	return `<link rel="alternate" type="application/json+oembed" href="` + html.EscapeString(href) + `" title="Liaison timeline">`
}

// oembedFile is where a static export keeps the oEmbed answer for the page
// at path: oembed/index.json for /, oembed/t/{id}.json for /t/{id}.
func oembedFile(path string) string {
	if path == "/" {
		return "oembed/index.json"
	}
	return "oembed" + path + ".json"
}

// oembedFiles are the requests that give an export's oEmbed answers, by
// the file each is written to, for the site at site (https://host/base).
func oembedFiles(lib *data.Library, site string) map[string]string {
	pages := []string{}
	if _, ok := onlyTimeline(lib); ok {
		pages = append(pages, "/")
	}
	for _, t := range lib.Timelines() {
		pages = append(pages, app.TimelinePath(t.ID))
	}
	files := map[string]string{}
	for _, page := range pages {
		files["/oembed?"+url.Values{"url": {site + page}}.Encode()] = oembedFile(page)
	}
	return files
}

// hostlessURLs are the tags that go-app writes with an https URL and no
// host (og:url, og:image), as it does when it was not told the domain: a
// social network would read links that go nowhere.
var hostlessURLs = regexp.MustCompile(`\n?[ \t]*<meta [^>]*content="https:///[^"]*"[^>]*>`)

// withoutHostlessURLs removes hostlessURLs from a page's head.
func withoutHostlessURLs(page []byte) []byte {
	head := bytes.Index(page, []byte("</head>"))
	if head < 0 {
		return page
	}
	cleaned := hostlessURLs.ReplaceAll(page[:head], nil)
	if len(cleaned) == head {
		return page
	}
	return append(cleaned, page[head:]...)
}
