package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// zoomControls zoom around the middle of the chart, fit everything,
// show or hide the "as of" cursor, and switch between the chart and the
// tables. Each is a link to the view it shows, which
// the server renders before the WebAssembly runs, and the page follows
// in place after (see timelinePage.onLinkClick). Controls that would do
// nothing say so, and keep the focus of a reader who pressed them to the
// limit (a disabled button would drop it).
type zoomControls struct {
	goapp.Compo

	// IView is the view shown, IWindow its window and IFit the window
	// that shows everything; ICursor is the view with the cursor shown
	// or hidden, as it is not.
	IView   ViewState
	IWindow plot.TimeScale
	IFit    plot.TimeScale
	ICursor ViewState
}

func newZoomControls() *zoomControls { return &zoomControls{} }

// View sets the view shown, its window and the one that shows everything.
func (z *zoomControls) View(s ViewState, w, fit plot.TimeScale) *zoomControls {
	z.IView, z.IWindow, z.IFit = s, w, fit
	return z
}

// Cursor sets the view with the cursor shown or hidden, as it is not.
func (z *zoomControls) Cursor(s ViewState) *zoomControls {
	z.ICursor = s
	return z
}

func (z *zoomControls) Render() goapp.UI {
	w, s := z.IWindow, z.IView
	cursor := cursorShowLabel()
	if !s.At.IsZero() {
		cursor = cursorHideLabel()
	}
	list := s
	list.List = !s.List
	return goapp.Div().Class("zoom").Role("group").Aria("label", zoomGroupLabel()).Body(
		goapp.A().Class("button", "zoom__out").Href(z.link(w.Zoom(plot.ZoomStep, 0.5, z.IFit))).
			Aria("label", zoomOutLabel()).Title(zoomOutTitle()).
			Aria("disabled", ariaBool(!w.CanZoomOut(z.IFit))).Text("−"),
		goapp.A().Class("button", "zoom__in").Href(z.link(w.Zoom(1/plot.ZoomStep, 0.5, z.IFit))).
			Aria("label", zoomInLabel()).Title(zoomInTitle()).
			Aria("disabled", ariaBool(!w.CanZoomIn())).Text("+"),
		goapp.A().Class("button", "zoom__fit").Href(z.link(z.IFit)).Title(fitTitle()).
			Aria("disabled", ariaBool(w.Equal(z.IFit))).Text(fitLabel()),
		// The toggles are links in the role of buttons.
		goapp.A().Class("button", "zoom__cursor").Href(z.ICursor.link()).
			Role("button").Aria("pressed", ariaBool(!s.At.IsZero())).
			Title(cursorButtonTitle()).Text(cursor),
		goapp.A().Class("button", "view-toggle").Href(list.link()).
			Role("button").Aria("pressed", ariaBool(s.List)).
			Title(listViewTitle()).Text(listViewLabel()),
	)
}

// link is the link to the view showing the window w.
func (z *zoomControls) link(w plot.TimeScale) string {
	s := z.IView
	s.From, s.To = windowOf(w, z.IFit)
	return s.link()
}
