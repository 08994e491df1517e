package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// server answers every route of docs/http-api.md for one library, which
// Reload may replace while it serves (liaison serve -watch).
type server struct {
	// wasmSize is the WebAssembly's own size, which the loader's progress
	// counts in whatever encoding it is sent.
	wasmSize int
	// assets serves /web/; assets don't change while the server runs, so
	// their hashed names are computed once, whatever Reload does.
	assets *cachedAssets
	watch  bool
	export *siteResources
	domain string // see serverConfig.Domain
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
}

// current is the state requests are answered with.
func (s *server) current() *serverState { return s.state.Load() }

// newServer serves lib, with the static assets (stylesheet, icons, the
// WebAssembly) from assets, set up as cfg says. Every route goes through
// withMiddleware.
func newServer(lib *data.Library, assets fs.FS, cfg serverConfig) (http.Handler, error) {
	_, handler, err := buildServer(lib, assets, cfg)
	return handler, err
}

// buildServer is newServer that also returns the server, to Reload it.
func buildServer(lib *data.Library, assets fs.FS, cfg serverConfig) (*server, http.Handler, error) {
	wasm, err := fs.ReadFile(assets, "app.wasm")
	if err != nil {
		return nil, nil, errors.New("the WebAssembly web/app.wasm is missing: build it with make build")
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.Default()
	}
	files, err := newPrecompressedAssets(assets, logger)
	if err != nil {
		return nil, nil, err
	}
	names, err := newAssetNames(assets)
	if err != nil {
		return nil, nil, err
	}
	s := &server{
		wasmSize: len(wasm),
		assets:   &cachedAssets{names: names, files: files},
		changed:  make(chan struct{}),
		watch:    cfg.Watch,
		export:   cfg.Export,
		domain:   cfg.Domain,
		heavy:    newHeavyWork(heavySlots),
		stopped:  make(chan struct{}),
	}
	clock := cfg.Clock
	if clock == nil {
		clock = time.Now
	}
	pagesClock.Store(&clock)
	registerPages.Do(func() { app.RegisterWithClock(serverLibrary{}, pagesNow) })
	s.Reload(lib)

	mux := newMux(s.routes())
	handler, err := withMiddleware(mux, cfg)
	return s, handler, err
}

// Reload serves lib from now on: a new version for every cache, new pages,
// and word to the pages open in browsers.
func (s *server) Reload(lib *data.Library) {
	sum := sha256.Sum256(append(s.assets.names.sum[:], lib.Version()...))
	version := hex.EncodeToString(sum[:8])
	pages := &goapp.Handler{
		Name:            "Liaison",
		ShortName:       "Liaison",
		Title:           "Liaison",
		Description:     "Who dated, got engaged to, married and split from whom, and when, with the evidence for every fact.",
		Lang:            "en",
		Icon:            goapp.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
		Domain:          s.domain,
		Image:           "/web/icon-512.png",
		Styles:          []string{"/web/liaison.css"},
		Scripts:         []string{"/web/frame.js defer"}, // sizes an embed from its first paint
		ThemeColor:      "#1d2433",
		BackgroundColor: "#fbfaf7",
		LoadingLabel:    "Loading the interactive timeline… {progress}%",
		// The loader counts the WebAssembly's own bytes as they arrive,
		// while Content-Length counts those of its brotli or gzip copy.
		WasmContentLength: strconv.Itoa(s.wasmSize),
		Version:           version,
		Resources:         &siteResources{names: s.assets.names},
		// See selfRemovingWorker: no service worker stays installed.
		ServiceWorkerTemplate: selfRemovingWorker,
	}
	if s.watch {
		pages.Env = map[string]string{app.WatchEnv: "1"}
	}
	if s.export != nil {
		pages.Resources = s.export
		pages.Env = map[string]string{app.StaticEnv: "1"}
	}
	if s.domain != "" {
		if pages.Env == nil {
			pages.Env = map[string]string{}
		}
		pages.Env[app.OriginEnv] = "https://" + s.domain
	}
	pagesLibrary.Store(lib)
	s.state.Store(&serverState{library: lib, version: version, pages: pages, pageCache: newPageCache(), api: newAPICache()})
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

// go-app's routes are process-wide: the pages of every server in this
// process read the library that the latest newServer stored.
var (
	pagesLibrary  atomic.Pointer[data.Library]
	registerPages sync.Once
)

// serverLibrary is the pages' Library on the server.
type serverLibrary struct{}

func (serverLibrary) Summaries() ([]data.Summary, error) {
	return pagesLibrary.Load().Summaries(), nil
}

func (serverLibrary) Problems(id string) []string {
	return problemTexts(pagesLibrary.Load().Problems(id))
}

func (serverLibrary) Timeline(id string) (*data.Timeline, error) {
	if t, ok := pagesLibrary.Load().Timeline(id); ok {
		return t, nil
	}
	return nil, &data.UnknownTimelineError{ID: id}
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
func (s *server) listTimelines(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	s.serveAPI(w, r, st, "timelines", func() (apiAnswer, error) {
		summaries := st.library.Summaries()
		return apiAnswer{map[string]any{"timelines": summaries}, len(summaries)}, nil
	})
}

// getTimeline answers a timeline in the data format, filtered by ?person;
// with people=all the filtered timeline keeps every person, which the
// pages ask for: their search offers everyone, and each person's colour is
// their place among all.
func (s *server) getTimeline(w http.ResponseWriter, r *http.Request) {
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
	s.serveAPI(w, r, st, timelineKey(id, ids, allPeople), func() (apiAnswer, error) {
		filtered, err := t.Involving(ids)
		if err != nil {
			return apiAnswer{}, &apiError{http.StatusNotFound, err.Error()}
		}
		if allPeople && filtered != t {
			filtered.People = t.People // Involving returned a copy
		}
		return apiAnswer{filtered, len(filtered.People) + len(filtered.Relationships) + len(filtered.Events)}, nil
	})
}

// lookup finds the timeline a request names, filtered by its person
// parameters.
func (st *serverState) lookup(r *http.Request) (*data.Timeline, error) {
	id := r.PathValue("id")
	t, ok := st.library.Timeline(id)
	if !ok {
		return nil, &data.UnknownTimelineError{ID: id}
	}
	return t.Involving(data.ParsePersonList(r.URL.Query()["person"]))
}

// writeJSONError answers {"error": message}. Messages name what was asked
// for, never a file or a stack of the server.
func writeJSONError(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": message})
}
