//go:build !wasm

package app

import (
	"net/http/httptest"
	"sync"
	"testing"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app's Handler, which renders pages as the server does, is not built
// into WebAssembly (third_party/go-app/README.md): the tests that render
// pages run on the machine only, and so do their files.

// go-app's routes are global to the process, so they are registered once
// and read the library of the current test from servedLibrary.
var (
	registerTestRoutes sync.Once
	servedLibrary      Library
)

// serveHTML renders target the way the server does for a reader's first
// request: go-app's Handler finds the route, navigates to the URL (which
// calls OnNav with it), runs what OnNav dispatched, calls OnPreRender and
// encodes the page. go-app's TestEngine cannot do this: its origin URL is
// fixed to "/" and its router is empty, so Navigate never reaches our pages
// and ctx.Page().URL() never carries a /t/… path or a ?person query.
func serveHTML(t *testing.T, lib Library, target string) *htmlNode {
	t.Helper()
	registerTestRoutes.Do(func() {
		goapp.Route("/", func() goapp.Composer {
			return &IndexPage{library: servedLibrary, now: fixedNow}
		})
		goapp.RouteWithRegexp("^/t/[^/]+$", func() goapp.Composer {
			return &timelinePage{library: servedLibrary, now: fixedNow}
		})
		goapp.RouteWithRegexp("^/embed/[^/]+$", func() goapp.Composer {
			return &timelinePage{library: servedLibrary, now: fixedNow, embed: true}
		})
	})
	servedLibrary = lib
	h := &goapp.Handler{Title: "Liaison", Version: "test"}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	if rec.Code != 200 {
		t.Fatalf("GET %s: status %d", target, rec.Code)
	}
	return parseHTML(t, rec.Body.String())
}
