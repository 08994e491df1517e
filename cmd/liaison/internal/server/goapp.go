package server

import (
	"html"
	"strconv"
	"sync"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// go-app holds some state for the whole process, which this file alone
// meets; everything else in the server is passed what it needs.
//
// Routes: go-app routes pages for the whole process, so app.Register may
// be called once, and the pages it routes read their library and clock
// through what it was given, whichever Server renders them. Each render
// (serverState.renderPage) lends them its own, with renderWith: the
// library of one version of the data, and the hour the page is rendered
// for. Renders of the same library and hour run together; the others wait
// until those end. A process runs one Server (more only in tests, and in
// liaison export), so renders wait only across a reload (Server.load), for the renders
// of the version before.
//
// Environment: a go-app Handler copies its Env into the process's
// environment (os.Setenv) as it starts serving. The pages read none of it
// on the server (the embed code, which reads app.OriginEnv, is rendered
// in the browser only); each version's Handler is given the whole of its
// own (env).

// A pageSource is what the pages of a render read: a library, and "now".
type pageSource struct {
	library *data.Library
	now     time.Time
}

// rendering is the pageSource of the renders in progress.
var rendering struct {
	register sync.Once
	mu       sync.Mutex
	source   pageSource
	renders  int
	// idle is closed when the last render of source ends, for the renders
	// of another source waiting for it; nil while none waits.
	idle chan struct{}
}

// renderWith runs render, in which go-app renders pages, while the pages
// read src.
func renderWith(src pageSource, render func()) {
	rendering.register.Do(func() { app.RegisterWithClock(renderingLibrary{}, renderingNow) })
	rendering.mu.Lock()
	for rendering.renders > 0 && (rendering.source.library != src.library || !rendering.source.now.Equal(src.now)) {
		if rendering.idle == nil {
			rendering.idle = make(chan struct{})
		}
		idle := rendering.idle
		rendering.mu.Unlock()
		<-idle
		rendering.mu.Lock()
	}
	if rendering.renders == 0 {
		rendering.source = src
	}
	rendering.renders++
	rendering.mu.Unlock()

	defer func() {
		rendering.mu.Lock()
		if rendering.renders--; rendering.renders == 0 && rendering.idle != nil {
			close(rendering.idle)
			rendering.idle = nil
		}
		rendering.mu.Unlock()
	}()
	render()
}

// renderingSource is the pageSource of the renders in progress.
func renderingSource() pageSource {
	rendering.mu.Lock()
	defer rendering.mu.Unlock()
	return rendering.source
}

// renderingNow is the pages' clock on the server.
func renderingNow() time.Time { return renderingSource().now }

// renderingLibrary is the pages' Library on the server.
type renderingLibrary struct{}

func (renderingLibrary) Summaries() ([]data.Summary, error) {
	return renderingSource().library.Summaries(), nil
}

func (renderingLibrary) Problems(id string) []string {
	return problemTexts(renderingSource().library.Problems(id))
}

func (renderingLibrary) Timeline(id string) (*data.Timeline, error) {
	if t, ok := renderingSource().library.Timeline(id); ok {
		return t, nil
	}
	return nil, &data.UnknownTimelineError{ID: id}
}

// goappHandler is the go-app Handler of the pages and files of version:
// what they say of the site, and where they load its parts from.
func (s *Server) goappHandler(version string) *goapp.Handler {
	h := &goapp.Handler{
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
		Env:                   s.env(),
	}
	if s.export != nil {
		h.Resources = s.export
	}
	h.RawHeaders = []string{wasmPreload(h.Resources.Resolve("/web/app.wasm"))}
	return h
}

// wasmPreload is the link that starts the download of the WebAssembly at
// url from the page's head. go-app's app.js fetches it (fetch(url), a
// CORS request with same-origin credentials) only once the HTML is parsed
// and its deferred scripts have run; the browser hands that fetch the
// preloaded response when the preload was made with the same mode and
// credentials, which as="fetch" with crossorigin="anonymous" is (and is
// downloaded twice otherwise: TestBrowserWasmFetchedOnce).
func wasmPreload(url string) string {
	return `<link rel="preload" href="` + html.EscapeString(url) + `" as="fetch" type="application/wasm" crossorigin="anonymous">`
}

// env is what the server tells the browser's program and the pages of
// how it serves them (see app.WatchEnv, app.StaticEnv, app.OriginEnv).
func (s *Server) env() map[string]string {
	env := map[string]string{}
	if s.watch {
		env[app.WatchEnv] = "1"
	}
	if s.export != nil {
		env[app.StaticEnv] = "1"
	}
	if s.domain != "" {
		env[app.OriginEnv] = "https://" + s.domain
	}
	return env
}
