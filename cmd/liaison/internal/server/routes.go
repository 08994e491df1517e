package server

import (
	"fmt"
	"net/http"

	"github.com/liaison-timeline/liaison/app"
)

// install hands handle every route the server answers, as
// docs/http-api.md lists them: the pattern of http.ServeMux and its
// handler. The mux answers any other path 404, and a route's path asked
// with another method than GET or HEAD 405 with Allow.
//
// go-app's handler is reached only through the routes that name it (the
// pages and the files go-app generates): given any other request, it
// strips a leading /<Version>/ from the path (the version is in every
// ETag), fetches /robots.txt, /sitemap.xml and /ads.txt from
// http://<Host header>/web/… and caches the answer for every later reader,
// serves files, and answers 304 to an If-None-Match of the version
// whatever the path. None of that is reachable: every go-app route below is
// an exact path that no prefix or proxied name matches.
func (s *Server) install(handle func(pattern string, handler func(http.ResponseWriter, *http.Request))) {
	// The pages, rendered by go-app (see timelinePage). Only /t/{id} is a
	// timeline: /t/{id}/, which a static host serves for an export's
	// folder, is not a page of the server.
	handle("GET /{$}", s.timelinePage)
	// /t/{id}.png and the other pictures of a timeline (picture.go).
	handle("GET "+app.TimelinePrefix+"{id}", s.timelineOrPicture)
	handle("GET "+app.EmbedPrefix+"{id}", s.timelineOrPicture)

	// The files of go-app that pages load, by the names the pages give
	// them: go-app's other names for them (/goapp.js, /manifest.json) are
	// not routes.
	handle("GET /app.js", s.goappFile)
	handle("GET /wasm_exec.js", s.goappFile)
	handle("GET /app.css", s.goappFile)
	handle("GET /manifest.webmanifest", s.goappFile)
	handle("GET /app-worker.js", s.goappFile)

	// The assets of web/, under their plain and hashed names, and the
	// WebAssembly under go-app's names for it.
	handle("GET /web/{name}", s.assets.ServeHTTP)
	handle("GET /app.wasm", s.assets.plainWasm)
	handle("GET /goapp.wasm", s.assets.plainWasm)

	handle("GET /api/timelines", s.listTimelines)
	handle("GET /api/timelines/{id}", s.getTimeline)
	handle("GET /api/timelines/{id}/problems", s.getProblems)
	handle("GET /api/events", s.events)
	// The rest of the API's paths, /api itself among them (which the mux
	// would otherwise redirect to /api/): JSON 404s and 405s.
	handle("/api", apiNotFound)
	handle("/api/", apiNotFound)

	handle("GET /embed.js", s.embedScript)
	handle("GET /oembed", s.oembed)
	handle("GET /schema/timeline-v1.json", serveSchema)
	handle("GET /healthz", healthz)
}

// goappFile serves one of the files go-app generates (app.js, the
// manifest…) for this version of the data.
func (s *Server) goappFile(w http.ResponseWriter, r *http.Request) {
	s.current().pages.ServeHTTP(w, r)
}

// healthz answers that the server can serve.
func healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}
