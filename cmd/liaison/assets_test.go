//go:build !wasm

package main

import (
	"io/fs"
	"testing"

	"github.com/liaison-timeline/liaison/web"
)

// webAssets is the embedded web/ directory, which must hold the built
// WebAssembly: the tests serve the real app.
func webAssets(t *testing.T) fs.FS {
	t.Helper()
	if _, err := fs.Stat(web.FS, "app.wasm"); err != nil {
		t.Fatal("web/app.wasm is missing: run make test (or make build first) so that the tests serve the real WebAssembly")
	}
	return web.FS
}
