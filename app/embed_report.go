package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// viewEvent is the event on the window by which the page announces a view
// it has written into its URL, with the view's query (without "?") as its
// detail. web/frame.js, which every page loads, then tells the page
// around an embed the new view (and its height, which it follows by
// itself): a script of its own, so that an embed is sized before the
// WebAssembly arrives, and if it never does.
const viewEvent = "liaison:view"

// announceView dispatches viewEvent for the view of query.
func announceView(query string) {
	w := goapp.Window()
	w.Call("dispatchEvent", w.Get("CustomEvent").New(viewEvent, map[string]any{"detail": query}))
}
