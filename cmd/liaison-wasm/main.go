//go:build js && wasm

// Command liaison-wasm is the program that runs in the reader's browser,
// built as web/app.wasm by make build: the same pages as the server's
// (package app), fed by the server's JSON API (library.go), taking over the
// page the server prerendered. storage.go keeps go-app running where the
// browser refuses it storage.
package main

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
)

// main registers the pages with the browser's library and hands the
// page to go-app.
//
// Between the two it lets the browser run: instantiating the WebAssembly,
// starting Go and its packages, and go-app's first render with the page's
// data were one task of the main thread, which no click or frame could
// interrupt. A sleep returns to the browser's event loop (Go's scheduler
// has nothing else to run), so they are two; the page's data is copied
// out of the page in the first (at 1,000 relationships, 500 KB of text
// and a tenth of the render's task).
func main() {
	keepStorage()
	words := pageWords()
	app.SetWords(func() *locale.Locale { return words })
	app.Register(&apiLibrary{pageData: readPageData()})
	time.Sleep(time.Millisecond)
	goapp.RunWhenOnBrowser()
}
