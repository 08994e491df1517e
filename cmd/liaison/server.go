//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// server answers every route of docs/http-api.md for one library.
type server struct {
	library *data.Library
	// version changes with the WebAssembly and with the data, so that no
	// cache (HTTP or service worker) serves a stale app or timeline.
	version string
	pages   http.Handler
	assets  http.Handler
}

// newServer serves lib, with the static assets (stylesheet, icons, the
// WebAssembly) from assets, set up as cfg says. Every route goes through
// withMiddleware.
func newServer(lib *data.Library, assets fs.FS, cfg serverConfig) (http.Handler, error) {
	wasm, err := fs.ReadFile(assets, "app.wasm")
	if err != nil {
		return nil, errors.New("the WebAssembly web/app.wasm is missing: build it with make build")
	}
	sum := sha256.Sum256(append(wasm, lib.Version()...))
	s := &server{
		library: lib,
		version: hex.EncodeToString(sum[:8]),
		assets:  http.StripPrefix("/web/", http.FileServerFS(assetFiles{assets})),
	}
	pagesLibrary.Store(lib)
	registerPages.Do(func() { app.Register(serverLibrary{}) })
	s.pages = &goapp.Handler{
		Name:            "Liaison",
		ShortName:       "Liaison",
		Title:           "Liaison",
		Description:     "Who dated, got engaged to, married and split from whom, and when, with the evidence for every fact.",
		Lang:            "en",
		Icon:            goapp.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
		Styles:          []string{"/web/liaison.css"},
		ThemeColor:      "#1d2433",
		BackgroundColor: "#fbfaf7",
		LoadingLabel:    "Loading the interactive timeline… {progress}%",
		Version:         s.version,
		Resources:       newAssetResources(s.assets),
		// See selfRemovingWorker: no service worker stays installed.
		ServiceWorkerTemplate: selfRemovingWorker,
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /api/timelines", s.listTimelines)
	mux.HandleFunc("GET /api/timelines/{id}", s.getTimeline)
	mux.HandleFunc("/api/", apiNotFound)
	mux.Handle("GET /web/", s.assets)
	mux.HandleFunc("GET /t/{id}", s.timelinePage)
	mux.HandleFunc("GET /embed/{id}", s.timelinePage)
	mux.HandleFunc("GET /embed.js", s.embedScript)
	mux.HandleFunc("GET /oembed", s.oembed)
	mux.HandleFunc("GET /schema/timeline-v1.json", serveSchema)
	for _, path := range goappProxyPaths {
		mux.Handle(path, http.NotFoundHandler())
	}
	mux.Handle("/", s.pages)
	return withMiddleware(mux, cfg)
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

func (s *server) listTimelines(w http.ResponseWriter, r *http.Request) {
	s.writeJSON(w, r, map[string]any{"timelines": s.library.Summaries()})
}

// getTimeline answers a timeline in the data format, filtered by ?person.
func (s *server) getTimeline(w http.ResponseWriter, r *http.Request) {
	t, err := s.lookup(r)
	if err != nil {
		writeJSONError(w, http.StatusNotFound, err.Error())
		return
	}
	s.writeJSON(w, r, t)
}

// lookup finds the timeline a request names, filtered by its person
// parameters.
func (s *server) lookup(r *http.Request) (*data.Timeline, error) {
	id := r.PathValue("id")
	t, ok := s.library.Timeline(id)
	if !ok {
		return nil, &data.UnknownTimelineError{ID: id}
	}
	return t.Involving(data.ParsePersonList(r.URL.Query()["person"]))
}

// timelinePage serves /t/{id} and /embed/{id} through go-app, which
// renders the page or the problem; a timeline or person that does not exist
// is a 404. Full pages carry the oEmbed discovery link in their head.
func (s *server) timelinePage(w http.ResponseWriter, r *http.Request) {
	status := http.StatusOK
	if _, err := s.lookup(r); err != nil {
		status = http.StatusNotFound
	}
	page := &pageBuffer{header: w.Header()}
	s.pages.ServeHTTP(page, r)
	body := page.body.Bytes()
	if page.status == 0 || page.status == http.StatusOK {
		page.status = status
		if strings.HasPrefix(r.URL.Path, "/t/") {
			body = bytes.Replace(body, []byte("</head>"), []byte(oembedLink(r)+"</head>"), 1)
		}
	}
	if page.status != http.StatusNotModified {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(page.status)
	w.Write(body)
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

func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, v any) {
	etag := `"` + s.version + `"`
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Set("Access-Control-Allow-Origin", "*")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// writeJSONError answers {"error": message}. Messages name what was asked
// for, never a file or a stack of the server.
func writeJSONError(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": message})
}
