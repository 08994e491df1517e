//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/schema"
	"github.com/liaison-timeline/liaison/web"
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
func (s *server) embedScript(w http.ResponseWriter, r *http.Request) {
	src, err := fs.ReadFile(web.FS, "embed.js")
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

// The size of an embed that oEmbed offers, within the consumer's limits.
const (
	oembedWidth  = 800
	oembedHeight = 720
)

// oembed answers /oembed?url=…: the embed code of one of this server's
// timelines, as an oEmbed 1.0 "rich" response. Only JSON is offered.
func (s *server) oembed(w http.ResponseWriter, r *http.Request) {
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
	width, height := oembedWidth, oembedHeight
	if max, err := strconv.Atoi(q.Get("maxwidth")); err == nil && max > 0 {
		width = min(width, max)
	}
	if max, err := strconv.Atoi(q.Get("maxheight")); err == nil && max > 0 {
		height = min(height, max)
	}
	src := s.origin(r) + view.URL(app.EmbedPath(t.ID)).String()
	code := fmt.Sprintf(`<iframe src="%s" title="%s" width="%d" height="%d" style="border:0;max-width:100%%" loading="lazy"></iframe>`,
		html.EscapeString(src), html.EscapeString(t.Title), width, height)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	json.NewEncoder(w).Encode(map[string]any{
		"version":       "1.0",
		"type":          "rich",
		"provider_name": "Liaison",
		"provider_url":  s.origin(r) + "/",
		"title":         t.Title,
		"html":          code,
		"width":         width,
		"height":        height,
		"cache_age":     embedScriptMaxAge,
	})
}

// timelineOfURL finds the timeline that a page URL of this server shows,
// with the view its query describes.
func (s *server) timelineOfURL(r *http.Request, raw string) (*data.Timeline, app.ViewState, error) {
	notOurs := fmt.Errorf("%q is not a timeline page of this server", raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") ||
		!strings.EqualFold(u.Host, r.Host) && (s.domain == "" || !strings.EqualFold(u.Host, s.domain)) {
		return nil, app.ViewState{}, notOurs
	}
	id, ok := strings.CutPrefix(u.Path, "/t/")
	if !ok {
		id, ok = strings.CutPrefix(u.Path, "/embed/")
	}
	t, found := s.current().library.Timeline(id)
	if !ok || !found {
		return nil, app.ViewState{}, notOurs
	}
	view := app.ParseViewState(u.Query())
	if _, err := t.Involving(view.People); err != nil {
		return nil, app.ViewState{}, err
	}
	return t, view, nil
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
func (s *server) origin(r *http.Request) string {
	if s.domain != "" {
		return "https://" + s.domain
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// oembedLink is the oEmbed discovery tag of a page; none in a static
// export (liaison export), which has no oEmbed endpoint to discover and
// would otherwise name the host the export rendered its pages on.
func (s *server) oembedLink(r *http.Request) string {
	if s.export != nil {
		return ""
	}
	page := s.origin(r) + r.URL.RequestURI()
	href := s.origin(r) + "/oembed?" + url.Values{"url": {page}, "format": {"json"}}.Encode()
	return `<link rel="alternate" type="application/json+oembed" href="` + html.EscapeString(href) + `" title="Liaison timeline">`
}
