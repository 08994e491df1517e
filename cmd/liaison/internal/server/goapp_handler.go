//go:build !wasm

package server

import (
	"html"
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
)

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
		LoadingLabel:    "{progress}", // the words around it are the page's language's: see loaderStyle
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
