package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// renderZoomControls are the buttons that zoom, fit everything, and show
// or hide the "as of" cursor.
func (p *TimelinePage) renderZoomControls() goapp.UI {
	cursorLabel := "As of…"
	if !p.view.state.At.IsZero() {
		cursorLabel = "Hide “as of”"
	}
	// Buttons that would do nothing say so, and keep the focus of a reader
	// who pressed them to the limit (a disabled button would drop it).
	w := p.window()
	return goapp.Div().Class("zoom").Role("group").Aria("label", "Zoom").Body(
		goapp.Button().Class("button", "zoom__out").Aria("label", "Zoom out").Title("Zoom out (−)").
			Aria("disabled", ariaBool(!w.CanZoomOut(p.view.fit))).
			OnClick(p.zoomBy(plot.ZoomStep), goapp.EventScope("out")).Text("−"),
		goapp.Button().Class("button", "zoom__in").Aria("label", "Zoom in").Title("Zoom in (+)").
			Aria("disabled", ariaBool(!w.CanZoomIn())).
			OnClick(p.zoomBy(1/plot.ZoomStep), goapp.EventScope("in")).Text("+"),
		goapp.Button().Class("button", "zoom__fit").Title("Show the whole timeline").
			Aria("disabled", ariaBool(p.view.state.From.IsZero())).
			OnClick(p.fit).Text("Fit"),
		goapp.Button().Class("button", "zoom__cursor").
			Aria("pressed", ariaBool(!p.view.state.At.IsZero())).
			Title("Show who was with whom on a date").
			OnClick(p.toggleCursor).Text(cursorLabel),
		goapp.Button().Class("button", "view-toggle").
			Aria("pressed", ariaBool(p.view.state.List)).
			Title("Show the timeline as tables").
			OnClick(p.toggleList).Text("List view"),
	)
}
