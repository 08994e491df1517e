package server

import (
	"bytes"
	"html"
	"net/url"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/locales"
)

// A page speaks one language (app.PageLang): the ?lang= of its URL, else
// its timeline's, else English. The server renders it in that language's
// Locale (locales.For), writes the language and its direction into its
// <html lang dir>, and puts the Locale into the page as a JSON block
// (app.WordsID), which the WebAssembly speaks as it takes over: a reader
// downloads the strings and CLDR data of that language alone. The
// default timeline's is 7.1 KB of JSON, which takes its page from 4.2 KB
// to 6.1 KB of brotli (docs/benchmarks.md).

// pageWords is the Locale of the page of the view at page (see pageView).
func (st *serverState) pageWords(page *url.URL) *locale.Locale {
	id := timelineID(page.Path)
	if page.Path == "/" {
		if all := st.library.Timelines(); len(all) == 1 {
			id = all[0].ID // / shows the only timeline
		}
	}
	t, _ := st.library.Timeline(id)
	return locales.For(app.PageLang(t, app.ParseViewState(page.Query())), app.PageLang(t, app.ViewState{}))
}

// goappHTMLTag is the <html> start tag that go-app writes, whose lang is
// the Handler's (goapp_handler.go).
const goappHTMLTag = `<html lang="en">`

// withWords is page in the language of l: its <html> start tag with l's
// lang and dir, and l itself before </body>, as JSON whose <, > and & are
// escaped (encodeJSON), which no text can end the element with.
func withWords(page []byte, l *locale.Locale) []byte {
	tag := []byte(`<html lang="` + html.EscapeString(l.Tag) + `" dir="` + l.Dir + `">`)
	page = bytes.Replace(page, []byte(goappHTMLTag), tag, 1)
	block := append([]byte(`<script type="application/json" id="`+app.WordsID+`">`), encodeJSON(l)...)
	return withPageData(page, append(block, "</script>\n"...))
}
