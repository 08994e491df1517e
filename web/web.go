// Package web holds the static assets of the pages: the stylesheet, the
// icons and the WebAssembly that "make build" writes here (app.wasm, not
// committed). The server embeds them, so the binary runs from anywhere.
package web

import "embed"

// FS holds every file of this directory. It embeds "*" rather than naming
// app.wasm so that the packages still build, and can say what is missing,
// before the WebAssembly has been built.
//
//go:embed *
var FS embed.FS
