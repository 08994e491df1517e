package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/cmd/liaison/internal/picture"
	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/locales"
)

// Pictures of a timeline, for the readers and sites that run no script of
// ours (docs/http-api.md): /t/{id}.png and /t/{id}.svg are the chart of
// the view the query describes (person=, from=/to=, at=, theme=, lang=),
// and /t/{id}.card.png and .card.svg its 1200×630 share card, which the
// pages' og:image and twitter:image, and oEmbed's thumbnail_url, name.
// /embed/{id}.png… are the same pictures. Drawn by package picture from
// the page's own view (app.PictureOf), once per version of the data,
// view and hour, and kept in a bounded cache.

// pictureFormats are the formats of the pictures by their names' ends.
var pictureFormats = map[string]picture.Format{app.PicturePNG: picture.PNG, app.PictureSVG: picture.SVG}

// Bounds of a version's picture cache. A chart is 50 to 300 KB of PNG
// (docs/picture-*.png), an SVG up to 2 MB for 40 lanes of many bars; a
// picture takes 0.1 to 0.3 s to draw, so the few views that articles
// share are kept, and what else is asked pushes out the least used.
const (
	pictureCacheEntries = 128
	pictureCacheBytes   = 32 << 20
	pictureMaxTicks     = 10 // the axis's labels across 930 px
	// pictureMaxAge is how long browsers and CDNs keep a picture: a
	// correction reaches a newsletter's readers within the hour, as
	// embed.js does.
	pictureMaxAge = 3600
)

// A drawnPicture is a picture as drawn, with its type and ETag.
type drawnPicture struct {
	body        []byte
	contentType string
	etag        string
}

func newPictureCache() *boundedCache[*drawnPicture] {
	return newBoundedCache(pictureCacheEntries, pictureCacheBytes, pictureCacheBytes/4, func(p *drawnPicture) int { return len(p.body) })
}

// A pictureRequest is what a picture's URL asks for.
type pictureRequest struct {
	id     string
	kind   picture.Kind
	format picture.Format
}

// parsePicture reads the last part of a /t/ or /embed/ path as a
// picture's: {id}.png, {id}.svg, {id}.card.png or {id}.card.svg.
func parsePicture(name string) (pictureRequest, bool) {
	var p pictureRequest
	ext := path.Ext(name)
	format, ok := pictureFormats[ext]
	if !ok {
		return p, false
	}
	p.format = format
	name = strings.TrimSuffix(name, ext)
	if id, ok := strings.CutSuffix(name, app.PictureCardSuffix); ok {
		name, p.kind = id, picture.Card
	}
	p.id = name
	return p, data.IsSlug(name)
}

// path is the picture's path on the site: always under /t/, so that the
// picture of an embed and of its page are one.
func (p pictureRequest) path() string {
	name := p.id
	if p.kind == picture.Card {
		name += app.PictureCardSuffix
	}
	for ext, format := range pictureFormats {
		if format == p.format {
			name += ext
		}
	}
	return app.TimelinePath(name)
}

// timelineOrPicture serves /t/{id} and /embed/{id}: the page, or the
// picture that the name ends in .png or .svg asks for.
func (s *Server) timelineOrPicture(w http.ResponseWriter, r *http.Request) {
	if _, ok := pictureFormats[path.Ext(r.PathValue("id"))]; ok {
		s.picture(w, r)
		return
	}
	s.timelinePage(w, r)
}

// picture serves a picture of a timeline's view (see parsePicture). The
// query is read as the page reads it, and only what a picture shows of
// it names the picture (app.ViewState.PictureState): any other parameter,
// or a value the view cannot use, is left out, so that no query makes a
// picture that another did not. A timeline or person that does not exist
// is a 404.
func (s *Server) picture(w http.ResponseWriter, r *http.Request) {
	req, ok := parsePicture(r.PathValue("id"))
	state := s.current()
	t, found := state.library.Timeline(req.id)
	if !ok || !found {
		http.Error(w, "no such timeline", http.StatusNotFound)
		return
	}
	view := app.ParseViewState(r.URL.Query()).PictureState()
	if _, err := t.Involving(view.People); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	key := view.URL(req.path()).RequestURI()
	now := s.now()
	drawn, err := state.pictures.get(r.Context(), key, now.Unix(), func() (*drawnPicture, bool, error) {
		var p *drawnPicture
		var err error
		// Not the request's context: the requests waiting for this
		// picture need it drawn, whether this one's client stays or not.
		s.heavy.do(context.Background(), true, func() { p, err = state.drawPicture(t, view, req, now, key) })
		return p, err == nil, err
	})
	if err != nil {
		s.logger.Error("drawing a picture", "url", key, "error", err)
		http.Error(w, "the picture could not be drawn", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", drawn.contentType)
	h.Set("Cache-Control", "public, max-age="+strconv.Itoa(pictureMaxAge))
	h.Set("ETag", drawn.etag)
	// Newsletters, AMP pages and other sites show it.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	if r.Header.Get("If-None-Match") == drawn.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Length", strconv.Itoa(len(drawn.body)))
	w.Write(drawn.body)
}

// drawPicture draws the picture req of t in view, with the pages' clock
// at now, in the view's language. key names it in the cache.
func (st *serverState) drawPicture(t *data.Timeline, view app.ViewState, req pictureRequest, now time.Time, key string) (*drawnPicture, error) {
	words := locales.For(app.PageLang(t, view), app.PageLang(t, app.ViewState{}))
	var b bytes.Buffer
	var err error
	renderWith(pageSource{st.library, now, words}, func() {
		err = picture.Draw(&b, app.PictureOf(t, view, now, pictureMaxTicks), req.kind, req.format)
	})
	if err != nil {
		return nil, err
	}
	contentType := "image/png"
	if req.format == picture.SVG {
		contentType = "image/svg+xml"
	}
	sum := sha256.Sum256([]byte(st.version + "\x00" + key + "\x00" + now.Format(time.RFC3339)))
	return &drawnPicture{body: b.Bytes(), contentType: contentType, etag: `"` + hex.EncodeToString(sum[:12]) + `"`}, nil
}

// shareTags are the tags that name the share card of the page at view
// for link previews (Open Graph and X's card), with the card's size and
// its text alternative alt, for a request r: absolute URLs on the site
// (under serve -domain and for a server, its host); in an export without
// -domain, paths from the site's root, which is all it knows. "" for a
// page of no timeline.
func (s *Server) shareTags(r *http.Request, view *url.URL, alt string) string {
	id, ok := s.current().pageTimeline(view)
	if !ok {
		return ""
	}
	card := app.PictureURL(id, app.ParseViewState(view.Query()), true)
	if s.export != nil && s.domain == "" {
		card = s.base() + card
	} else {
		card = s.site(r) + card
	}
	card, alt = html.EscapeString(card), html.EscapeString(alt)
	return `<meta property="og:image" content="` + card + `">` +
		`<meta property="og:image:width" content="` + strconv.Itoa(picture.Width) + `">` +
		`<meta property="og:image:height" content="` + strconv.Itoa(picture.CardHeight) + `">` +
		`<meta property="og:image:alt" content="` + alt + `">` +
		`<meta name="twitter:card" content="summary_large_image">` +
		`<meta name="twitter:image" content="` + card + `">` +
		`<meta name="twitter:image:alt" content="` + alt + `">`
}

// pageTimeline is the id of the timeline that the page at view shows:
// its path's, or the only one for /.
func (st *serverState) pageTimeline(view *url.URL) (string, bool) {
	if view.Path == "/" {
		return onlyTimeline(st.library)
	}
	id := timelineID(view.Path)
	_, ok := st.library.Timeline(id)
	return id, ok
}

// shareAlt is the text alternative of the share card of the page at view,
// in its language words: made once per page, as a request that names
// another host makes its tags again (encodeFor).
func (st *serverState) shareAlt(view *url.URL, words *locale.Locale) string {
	id, _ := st.pageTimeline(view)
	if t, ok := st.library.Timeline(id); ok {
		return app.PictureAlt(words, t.Title)
	}
	return ""
}

// headLinks are the tags a page that offers oEmbed carries in its head
// for a request r: the oEmbed discovery link and its share card's tags.
func (s *Server) headLinks(r *http.Request, view *url.URL, page *renderedPage) string {
	return s.oembedLink(r, view) + s.shareTags(r, view, page.shareAlt)
}

// goappImage is the og:image that go-app writes of its Handler's Image,
// the app's icon.
var goappImage = regexp.MustCompile(`\n?[ \t]*<meta property="og:image" content="[^"]*">`)

// withoutGoappImage removes goappImage from a page's head.
func withoutGoappImage(page []byte) []byte {
	head := bytes.Index(page, []byte("</head>"))
	if head < 0 {
		return page
	}
	return append(goappImage.ReplaceAll(page[:head:head], nil), page[head:]...)
}
