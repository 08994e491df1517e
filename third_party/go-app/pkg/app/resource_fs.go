//go:build !wasm

package app

import "net/http"

// Liaison: what resource.go's LocalDir used, apart so that the
// WebAssembly is built without net/http (see
// third_party/go-app/README.md).

type fileServer = http.Handler

func newFileServer(directory string) fileServer {
	return http.FileServer(http.Dir(directory))
}
