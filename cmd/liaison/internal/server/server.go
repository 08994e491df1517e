// Package server is Liaison's HTTP server: the pages, prerendered by
// go-app (package app) and cached; the JSON API; the assets of web/,
// precompressed and under hashed names; embed.js and oEmbed; and the
// static export of all of it. The liaison command (cmd/liaison) runs it;
// routes.go lists every request it answers.
package server

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// Config is how a server is set up beyond its timelines and assets: what
// `liaison serve`'s flags choose.
type Config struct {
	// EmbedFrameAncestors is the Content-Security-Policy frame-ancestors
	// source list of /embed/ pages: the sites that may show them in a
	// frame, like "https://news.example 'self'". Empty means any site
	// ("*"), because embedding in articles is what /embed/ is for.
	EmbedFrameAncestors string
	// Logger receives the server's reports, such as a handler's panic;
	// nil means slog.Default().
	Logger *slog.Logger
	// Watch is set when the data directory is reloaded as it changes
	// (serve -watch, see Server.Watch): pages then listen to /api/events
	// for new versions.
	Watch bool
	// Clock is the pages' clock, which places "now" on their charts; nil
	// means time.Now. Tests set it to render the same page twice.
	Clock func() time.Time
	// Domain is the host readers reach the site at, like news.example:
	// social networks read a page's og:url and og:image, which go-app
	// writes as https URLs on this host. Empty leaves them without one.
	Domain string

	// export, when set, renders pages for a static copy of the site
	// (Export) instead of for this server: links under its base, to the
	// assets as the export writes them.
	export *siteResources
}

// A Server answers every route of docs/http-api.md for one library, which
// load may replace while it serves (liaison serve -watch).
type Server struct {
	// handler is the routes (routes.go) with the middleware of every
	// request (middleware.go).
	handler http.Handler
	logger  *slog.Logger
	// wasmSize is the WebAssembly's own size, which the loader's progress
	// counts in whatever encoding it is sent.
	wasmSize int
	// assets serves /web/; assets don't change while the server runs, so
	// their hashed names are computed once, whatever load does.
	assets *cachedAssets
	// assetFS is the assets the server was handed.
	assetFS fs.FS
	// clock is the pages' clock (Config.Clock).
	clock  func() time.Time
	watch  bool
	export *siteResources
	domain string // see Config.Domain
	// heavy bounds the heavy work of every version: large API answers
	// and pages.
	heavy *heavyWork
	state atomic.Pointer[serverState]
	// changed is closed, and replaced, at every reload: what waits on it
	// (the /api/events streams) learns of the new version.
	mu      sync.Mutex
	changed chan struct{}
	// stopped is closed when the server shuts down, to end event streams.
	stopped  chan struct{}
	stopOnce sync.Once
}

// serverState is what one version of the data is served with.
type serverState struct {
	library *data.Library
	// version changes with the assets (the WebAssembly, the stylesheet…)
	// and with the data, so that no cache (HTTP or service worker) serves
	// a stale app or timeline, or a page naming assets that are gone.
	version string
	pages   http.Handler
	// pageCache holds the pages rendered from this version of the data,
	// and api the API's answers.
	pageCache *pageCache
	api       *apiCache
	// pictures holds the pictures drawn of it (picture.go).
	pictures *boundedCache[*drawnPicture]
	// laneRows holds, by timeline id, what barRows works out once.
	laneRows sync.Map
}

// current is the state requests are answered with.
func (s *Server) current() *serverState { return s.state.Load() }

// New serves lib, with the static assets (stylesheet, icons, the
// WebAssembly) from assets, set up as cfg says.
func New(lib *data.Library, assets fs.FS, cfg Config) (*Server, error) {
	wasm, err := fs.ReadFile(assets, "app.wasm")
	if err != nil {
		return nil, errors.New("the WebAssembly web/app.wasm is missing: build it with make build")
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	files, err := newPrecompressedAssets(assets, logger)
	if err != nil {
		return nil, err
	}
	names, err := newAssetNames(assets)
	if err != nil {
		return nil, err
	}
	s := &Server{
		logger:   logger,
		wasmSize: len(wasm),
		assets:   &cachedAssets{names: names, files: files},
		assetFS:  assets,
		clock:    cfg.Clock,
		changed:  make(chan struct{}),
		watch:    cfg.Watch,
		export:   cfg.export,
		domain:   cfg.Domain,
		heavy:    newHeavyWork(heavySlots),
		stopped:  make(chan struct{}),
	}
	if s.clock == nil {
		s.clock = time.Now
	}
	s.load(lib)

	mux := http.NewServeMux()
	s.install(mux.HandleFunc)
	if s.handler, err = withMiddleware(mux, cfg); err != nil {
		return nil, err
	}
	return s, nil
}

// ServeHTTP answers r.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// maxHeaderBytes bounds a request's line and headers, with the blank line
// that ends them. Browsers send a few KiB, and Liaison sets no cookie that
// could grow them; a URL over maxURLLength is refused anyway, with a
// clearer answer.
const maxHeaderBytes = 64 << 10

// goHeaderSlack is what Go's server reads beyond http.Server's
// MaxHeaderBytes before it answers 431 itself (net/http's
// initialReadLimitSize: "bufio slop"): TestHeaderLimitIsExact measures
// that maxHeaderBytes is the limit.
const goHeaderSlack = 4 << 10

// HTTPServer is the HTTP server of `liaison serve` for s, with its
// timeouts and limits: a client that is slow to send its request, or to
// read the answer, or that keeps an idle connection, cannot hold the
// server's connections for long. Its Shutdown ends the event streams.
func (s *Server) HTTPServer() *http.Server {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    maxHeaderBytes - goHeaderSlack,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
	srv.RegisterOnShutdown(s.stopEvents)
	return srv
}

// load serves lib from now on: a new version for every cache, new pages,
// and word to the pages open in browsers.
func (s *Server) load(lib *data.Library) {
	sum := sha256.Sum256(append(s.assets.names.sum[:], lib.Version()...))
	version := hex.EncodeToString(sum[:8])
	pages := s.goappHandler(version)
	s.state.Store(&serverState{library: lib, version: version, pages: pages, pageCache: newPageCache(), api: newAPICache(), pictures: newPictureCache()})
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// apiNotFound answers API requests that no route takes: the API is
// read-only, so any method but GET is not allowed.
func apiNotFound(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeJSONError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed: the API only answers GET")
		return
	}
	writeJSONError(w, http.StatusNotFound, "no such API route: "+r.URL.Path)
}

// listTimelines answers the summaries of every timeline.
func (s *Server) listTimelines(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	s.serveAPI(w, r, st, summariesKey, func() (apiAnswer, error) { return summariesAnswer(st.library), nil })
}

// summariesAnswer is the API's list of the timelines of lib.
func summariesAnswer(lib *data.Library) apiAnswer {
	summaries := lib.Summaries()
	return apiAnswer{map[string]any{"timelines": summaries}, len(summaries)}
}

// getTimeline answers a timeline in the data format, filtered by ?person;
// with people=all the filtered timeline keeps every person, which the
// pages ask for: their search offers everyone, and each person's colour is
// their place among all.
func (s *Server) getTimeline(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	id := r.PathValue("id")
	t, ok := st.library.Timeline(id)
	if !ok {
		writeJSONError(w, http.StatusNotFound, (&data.UnknownTimelineError{ID: id}).Error())
		return
	}
	query := r.URL.Query()
	var allPeople bool
	switch people := query.Get(app.PeopleParameter); people {
	case "":
	case app.AllPeopleValue:
		allPeople = true
	default:
		writeJSONError(w, http.StatusBadRequest, fmt.Sprintf("the parameter %q is %q: expected %q, or no parameter", app.PeopleParameter, people, app.AllPeopleValue))
		return
	}
	ids := canonicalPeople(query["person"])
	if _, ok := query[app.LanesParameter]; ok {
		k, err := laneChunk(query[app.LanesParameter], len(t.People))
		if err == nil && (len(ids) > 0 || allPeople) {
			err = fmt.Errorf("the parameter %q goes alone: a chunk of lanes has every person, and no filter", app.LanesParameter)
		}
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, err.Error())
			return
		}
		s.serveAPI(w, r, st, lanesKey(id, k), func() (apiAnswer, error) { return st.lanesAnswer(t, k), nil })
		return
	}
	s.serveAPI(w, r, st, timelineKey(id, ids, allPeople), func() (apiAnswer, error) { return timelineAnswer(t, ids, allPeople) })
}

// timelineAnswer is the API's answer for the timeline t filtered to the
// people ids (all of it for none), with every person when allPeople.
func timelineAnswer(t *data.Timeline, ids []string, allPeople bool) (apiAnswer, error) {
	filtered, err := t.Involving(ids)
	if err != nil {
		return apiAnswer{}, &apiError{http.StatusNotFound, err.Error()}
	}
	if allPeople && filtered != t {
		filtered.People = t.People // Involving returned a copy
	}
	return apiAnswer{filtered, len(filtered.People) + len(filtered.Relationships) + len(filtered.Events)}, nil
}

// laneChunk is the chunk of lanes that the values of a lanes parameter
// ask for, in a timeline of people lanes: one value, a number in
// decimal digits alone (no sign, no spaces, at most 7 digits), of a
// chunk that has lanes.
func laneChunk(values []string, people int) (int, error) {
	if len(values) != 1 {
		return 0, fmt.Errorf("the parameter %q is given %d times: expected once", app.LanesParameter, len(values))
	}
	v := values[0]
	chunks := (people + app.LaneChunk - 1) / app.LaneChunk
	expected := fmt.Sprintf("expected a chunk of %d lanes, from 0 to %d", app.LaneChunk, chunks-1)
	if v == "" || len(v) > 7 || strings.Trim(v, "0123456789") != "" {
		return 0, fmt.Errorf("the parameter %q is %q: %s", app.LanesParameter, truncate(v, 20), expected)
	}
	k, _ := strconv.Atoi(v)
	if k >= chunks {
		return 0, fmt.Errorf("the parameter %q is %s: the timeline has %d lanes; %s", app.LanesParameter, v, people, expected)
	}
	return k, nil
}

// truncate is s cut to n bytes at most, for quoting a request in an error.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// lanesAnswer is the API's answer for chunk k of the lanes of t
// (app.TimelineLanesAPIPath, app.LaneChunkAnswer). The first chunk is
// the part of t its lanes show: every person, source and event; the
// relationships of the people of those lanes; those that reach the
// earliest date, the latest date, and one that is ongoing, if another
// relationship does, so that the part spans the time of the whole
// (plot.Window); and the rows of bars of every lane of the whole, which
// the page sizes the lanes not loaded with. Events are all there: the
// list under the chart numbers them all by date, and they make the
// lanes' markers. The other chunks add only the relationships of the
// people of their lanes: at 100,000 relationships the events were 4.9 MB
// of JSON that every chunk repeated.
func (st *serverState) lanesAnswer(t *data.Timeline, k int) apiAnswer {
	first, last := k*app.LaneChunk, min((k+1)*app.LaneChunk, len(t.People))
	in := make(map[string]bool, last-first)
	for _, p := range t.People[first:last] {
		in[p.ID] = true
	}
	relationships := []data.Relationship{}
	earliest, latest, ongoing := -1, -1, -1
	var from, to time.Time
	for i := range t.Relationships {
		r := &t.Relationships[i]
		if in[r.People[0]] || in[r.People[1]] {
			relationships = append(relationships, *r)
			continue
		}
		start, end := relationshipSpan(r)
		if earliest < 0 || start.Before(from) {
			earliest, from = i, start
		}
		if latest < 0 || end.After(to) {
			latest, to = i, end
		}
		if ongoing < 0 && r.End == nil && len(r.Phases) > 0 {
			ongoing = i
		}
	}
	if k > 0 {
		return apiAnswer{laneRelationships{relationships}, len(relationships)}
	}
	var extent []int
	for _, i := range []int{earliest, latest, ongoing} {
		if i >= 0 && !slices.Contains(extent, i) {
			extent = append(extent, i)
			relationships = append(relationships, t.Relationships[i])
		}
	}
	out := *t
	out.Relationships = relationships
	answer := app.LaneChunkAnswer{Timeline: &out, LaneBarRows: st.barRows(t)}
	return apiAnswer{answer, len(out.People) + len(out.Relationships) + len(out.Events)}
}

// laneRelationships is the answer for a chunk of lanes after the first
// (see lanesAnswer): what app.LaneChunkAnswer decodes it into.
type laneRelationships struct {
	Relationships []data.Relationship `json:"relationships"`
}

// barRows is how many rows of bars each lane of t takes
// (plot.BarRows), worked out once per version: it takes 0.25–0.6× of a
// layout's time (BenchmarkBarRows against BenchmarkLaneLayout). Rows depend on now only through relationships that
// start after it, which are ongoing.
func (st *serverState) barRows(t *data.Timeline) []int {
	rows, _ := st.laneRows.LoadOrStore(t.ID, sync.OnceValue(func() []int { return plot.BarRows(t, time.Now()) }))
	return rows.(func() []int)()
}

// relationshipSpan is the earliest and latest time that r's dates reach,
// by every account of them, as plot.Window sees them: an ongoing
// relationship reaches the date of its latest evidence (one whose date is
// not known reaches now, which lanesAnswer keeps apart).
func relationshipSpan(r *data.Relationship) (from, to time.Time) {
	from, to = r.DatedSpan()
	if r.End == nil && r.AsOf != nil {
		if from.IsZero() || r.AsOf.Earliest.Before(from) {
			from = r.AsOf.Earliest
		}
		if asOf := r.AsOf.End(); to.IsZero() || asOf.After(to) {
			to = asOf
		}
	}
	return from, to
}

// writeJSONError answers {"error": message}. Messages name what was asked
// for, never a file or a stack of the server.
func writeJSONError(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": message})
}
