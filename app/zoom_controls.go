package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// renderZoomControls are the buttons that zoom, fit everything, and show
// or hide the "as of" cursor.
func (p *TimelinePage) renderZoomControls() goapp.UI {
	cursorLabel := "As of…"
	if !p.state.At.IsZero() {
		cursorLabel = "Hide “as of”"
	}
	return goapp.Div().Class("zoom").Role("group").Aria("label", "Zoom").Body(
		goapp.Button().Class("button", "zoom__out").Aria("label", "Zoom out").Title("Zoom out (−)").
			OnClick(p.zoomBy(zoomStep), goapp.EventScope("out")).Text("−"),
		goapp.Button().Class("button", "zoom__in").Aria("label", "Zoom in").Title("Zoom in (+)").
			OnClick(p.zoomBy(1/zoomStep), goapp.EventScope("in")).Text("+"),
		goapp.Button().Class("button", "zoom__fit").Title("Show the whole timeline").
			OnClick(p.fit).Text("Fit"),
		goapp.Button().Class("button", "zoom__cursor").
			Aria("pressed", ariaBool(!p.state.At.IsZero())).
			Title("Show who was with whom on a date").
			OnClick(p.toggleCursor).Text(cursorLabel),
		goapp.Button().Class("button", "view-toggle").
			Aria("pressed", ariaBool(p.state.List)).
			Title("Show the timeline as tables").
			OnClick(p.toggleList).Text("List view"),
	)
}

// toggleList switches between the chart and the tables.
func (p *TimelinePage) toggleList(ctx goapp.Context, e goapp.Event) {
	s := p.state
	s.List = !s.List
	p.replace(ctx, s)
}
