package app

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// An embedReport tells the page around an embed how tall the embed is and
// which view it shows, whenever either changes, so that the iframe fits its
// content and the host can mirror the view in its own URL. It speaks the
// three dialects newsrooms' pages already listen for, and says nothing but
// the height and the view:
//
//   - Pym.js: "pymxPYMx<childId>xPYMxheightxPYMx<px>", when the page was
//     given a childId (Pym's parent adds it to the iframe's URL);
//   - AMP's amp-iframe: {sentinel: "amp", type: "embed-size", height};
//   - Liaison's own, for embed.js: the JSON text
//     {"type": "liaison:resize", "height": px, "state": "person=…"}.
type embedReport struct {
	childID  string
	observer goapp.Value
	onResize goapp.Func

	height int
	state  string
}

// startEmbedReport begins reporting, if the page is in a frame.
func startEmbedReport() *embedReport {
	w := goapp.Window()
	if w.Get("parent").Equal(w.Get("self")) {
		return nil
	}
	r := &embedReport{childID: w.URL().Query().Get("childId")}
	r.onResize = goapp.FuncOf(func(this goapp.Value, args []goapp.Value) any {
		r.send()
		return nil
	})
	r.observer = w.Get("ResizeObserver").New(r.onResize)
	r.observer.Call("observe", w.Get("document").Get("documentElement"))
	r.send()
	return r
}

// send posts the height and the view, unless neither has changed.
func (r *embedReport) send() {
	w := goapp.Window()
	doc := w.Get("document").Get("documentElement")
	height := int(math.Ceil(doc.Call("getBoundingClientRect").Get("height").Float()))
	state := strings.TrimPrefix(w.Get("location").Get("search").String(), "?")
	if height == r.height && state == r.state {
		return
	}
	r.height, r.state = height, state
	parent := w.Get("parent")
	if r.childID != "" {
		parent.Call("postMessage", "pymxPYMx"+r.childID+"xPYMxheightxPYMx"+strconv.Itoa(height), "*")
	}
	parent.Call("postMessage", map[string]any{"sentinel": "amp", "type": "embed-size", "height": height}, "*")
	own, _ := json.Marshal(struct {
		Type   string `json:"type"`
		Height int    `json:"height"`
		State  string `json:"state"`
	}{"liaison:resize", height, state})
	parent.Call("postMessage", string(own), "*")
}

// stop ends the reporting and frees its callback.
func (r *embedReport) stop() {
	r.observer.Call("disconnect")
	r.onResize.Release()
}
