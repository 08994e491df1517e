package main

import (
	"fmt"
	"net/http"

	"github.com/liaison-timeline/liaison/app"
)

// A route is a pattern of http.ServeMux and the handler that answers it.
type route struct {
	pattern string
	handler http.HandlerFunc
}

// routes are every request the server answers, as docs/http-api.md lists
// them. The mux answers any other path 404, and a route's path asked with
// another method than GET or HEAD 405 with Allow.
//
// go-app's handler is reached only through the routes that name it (the
// pages and the files go-app generates): given any other request, it
// strips a leading /<Version>/ from the path (the version is in every
// ETag), fetches /robots.txt, /sitemap.xml and /ads.txt from
// http://<Host header>/web/… and caches the answer for every later reader,
// serves files, and answers 304 to an If-None-Match of the version
// whatever the path. None of that is reachable: every go-app route below is
// an exact path that no prefix or proxied name matches.
func (s *server) routes() []route {
	return []route{
		// The pages, rendered by go-app (see timelinePage). Only /t/{id}
		// is a timeline: /t/{id}/, which a static host serves for an
		// export's folder, is not a page of the server.
		{"GET /{$}", s.timelinePage},
		{"GET " + app.TimelinePrefix + "{id}", s.timelinePage},
		{"GET " + app.EmbedPrefix + "{id}", s.timelinePage},

		// The files of go-app that pages load, by the names the pages
		// give them: go-app's other names for them (/goapp.js,
		// /manifest.json) are not routes.
		{"GET /app.js", s.goappFile},
		{"GET /wasm_exec.js", s.goappFile},
		{"GET /app.css", s.goappFile},
		{"GET /manifest.webmanifest", s.goappFile},
		{"GET /app-worker.js", s.goappFile},

		// The assets of web/, under their plain and hashed names, and the
		// WebAssembly under go-app's names for it.
		{"GET /web/{name}", s.assets.ServeHTTP},
		{"GET /app.wasm", s.assets.plainWasm},
		{"GET /goapp.wasm", s.assets.plainWasm},

		{"GET /api/timelines", s.listTimelines},
		{"GET /api/timelines/{id}", s.getTimeline},
		{"GET /api/timelines/{id}/problems", s.getProblems},
		{"GET /api/events", s.events},
		// The rest of the API's paths, /api itself among them (which the
		// mux would otherwise redirect to /api/): JSON 404s and 405s.
		{"/api", apiNotFound},
		{"/api/", apiNotFound},

		{"GET /embed.js", s.embedScript},
		{"GET /oembed", s.oembed},
		{"GET /schema/timeline-v1.json", serveSchema},
		{"GET /healthz", healthz},
	}
}

// newMux routes requests as routes says.
func newMux(routes []route) *http.ServeMux {
	mux := http.NewServeMux()
	for _, r := range routes {
		mux.HandleFunc(r.pattern, r.handler)
	}
	return mux
}

// goappFile serves one of the files go-app generates (app.js, the
// manifest…) for this version of the data.
func (s *server) goappFile(w http.ResponseWriter, r *http.Request) {
	s.current().pages.ServeHTTP(w, r)
}

// healthz answers that the server can serve.
func healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}
