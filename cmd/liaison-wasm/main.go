//go:build js && wasm

// Command liaison-wasm is the program that runs in the reader's browser,
// built as web/app.wasm by make build: the same pages as the server's
// (package app), fed by the server's JSON API (library.go), taking over the
// page the server prerendered. storage.go keeps go-app running where the
// browser refuses it storage.
package main

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
)

// main registers the pages with the browser's library and hands the
// page to go-app.
func main() {
	keepStorage()
	words := pageWords()
	app.SetWords(func() *locale.Locale { return words })
	app.Register(&apiLibrary{})
	goapp.RunWhenOnBrowser()
}
