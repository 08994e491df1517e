package server

import (
	"bytes"
	"fmt"
	"html"
	"net/url"
	"strings"

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
// lang and dir and the loader's words (loaderStyle), and l itself before
// </body>, as JSON whose <, > and & are escaped (encodeJSON), which no
// text can end the element with.
func withWords(page []byte, l *locale.Locale) []byte {
	tag := []byte(`<html lang="` + html.EscapeString(l.Tag) + `" dir="` + l.Dir + `" style="` + html.EscapeString(loaderStyle(l)) + `">`)
	page = bytes.Replace(page, []byte(goappHTMLTag), tag, 1)
	block := append([]byte(`<script type="application/json" id="`+app.WordsID+`">`), encodeJSON(l)...)
	return withPageData(page, append(block, "</script>\n"...))
}

// go-app writes its loader's label from one script for every page, so
// its Handler's LoadingLabel is the percentage alone ("{progress}"), and
// the words around it are the page's language's, which the page's style
// sheet (web/liaison.css) writes from these custom properties of <html>:
// the words before and after the percentage, and those that say the
// WebAssembly could not load.
const (
	loaderBeforeProperty = "--loader-before"
	loaderAfterProperty  = "--loader-after"
	loaderFailedProperty = "--loader-failed"
)

// loaderStyle is the style attribute of <html> that gives the loader the
// words of l (app.LoaderText), as CSS strings.
func loaderStyle(l *locale.Locale) string {
	before, after, failed := app.LoaderText(l)
	return loaderBeforeProperty + ": " + cssString(before) + "; " +
		loaderAfterProperty + ": " + cssString(after) + "; " +
		loaderFailedProperty + ": " + cssString(failed)
}

// cssString is s as a CSS string: quoted, with its quotes, backslashes
// and control characters escaped (a hexadecimal escape ends at a space).
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
