//go:build wasm

package server

import "net/http"

// go-app's Handler is not built into WebAssembly: its net/http and
// crypto/tls would weigh 330 KB of brotli in the browser's program (see
// third_party/go-app/README.md). The server never runs there; it builds
// for js/wasm only so that one go vet checks every package of both
// programs.
func (s *Server) goappHandler(version string) http.Handler {
	panic("liaison's server does not run as WebAssembly")
}
