//go:build js && wasm

package main

import (
	"encoding/json"
	"syscall/js"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
)

// pageWords is the Locale the server put into the page (app.WordsID):
// its language's strings and CLDR data, which the WebAssembly does not
// carry. A page without it (one saved without its scripts' blocks) reads
// as the message ids, in English's CLDR defaults: it cannot happen on a
// page the server or liaison export wrote.
func pageWords() *locale.Locale {
	l := &locale.Locale{Lang: app.DefaultLang, Tag: app.DefaultLang, Dir: "ltr"}
	block := js.Global().Get("document").Call("getElementById", app.WordsID)
	if block.Truthy() {
		json.Unmarshal([]byte(block.Get("textContent").String()), l)
	}
	return l
}
