//go:build built

package server

import (
	"io/fs"
	"testing"

	"github.com/liaison-timeline/liaison/web"
)

// testAssets are the assets the tests serve: with -tags built (make test),
// web/ as make built it, the WebAssembly that the browser tests run
// included. It must have been built, CI or not.
func testAssets(t testing.TB) fs.FS {
	t.Helper()
	if _, err := fs.Stat(web.FS, "app.wasm"); err != nil {
		t.Fatal("web/app.wasm is missing: run make test (or make build first) so that the tests serve the real WebAssembly")
	}
	return web.FS
}
