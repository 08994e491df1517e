//go:build wasm

package main

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
)

// main is the WebAssembly: the same pages as the server's, fed by the JSON
// API, taking over the prerendered page.
func main() {
	keepStorage()
	app.Register(&apiLibrary{})
	goapp.RunWhenOnBrowser()
}
