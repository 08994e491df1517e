package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// zoomControls are the buttons that zoom around the middle of the chart,
// fit everything, show or hide the "as of" cursor, and switch between the
// chart and the tables. Buttons that would do nothing say so, and keep
// the focus of a reader who pressed them to the limit (a disabled button
// would drop it).
type zoomControls struct {
	goapp.Compo

	// IWindow is the window shown, IFit the one that shows everything.
	IWindow plot.TimeScale
	IFit    plot.TimeScale
	ICursor bool // whether the cursor is shown
	IList   bool // whether the tables are

	IOnWindow       func(ctx goapp.Context, w plot.TimeScale)
	IOnToggleCursor func(ctx goapp.Context)
	IOnToggleList   func(ctx goapp.Context)
}

func newZoomControls() *zoomControls { return &zoomControls{} }

// Window sets the window shown and the one that shows everything.
func (z *zoomControls) Window(w, fit plot.TimeScale) *zoomControls {
	z.IWindow, z.IFit = w, fit
	return z
}

// Showing says whether the cursor, and the tables, are shown.
func (z *zoomControls) Showing(cursor, list bool) *zoomControls {
	z.ICursor, z.IList = cursor, list
	return z
}

// OnWindow sets what happens when the reader zooms or fits everything.
func (z *zoomControls) OnWindow(h func(ctx goapp.Context, w plot.TimeScale)) *zoomControls {
	z.IOnWindow = h
	return z
}

// OnToggle sets what shows or hides the cursor, and the tables.
func (z *zoomControls) OnToggle(cursor, list func(ctx goapp.Context)) *zoomControls {
	z.IOnToggleCursor, z.IOnToggleList = cursor, list
	return z
}

func (z *zoomControls) Render() goapp.UI {
	w := z.IWindow
	cursor := cursorShowLabel
	if z.ICursor {
		cursor = cursorHideLabel
	}
	return goapp.Div().Class("zoom").Role("group").Aria("label", zoomGroupLabel).Body(
		goapp.Button().Class("button", "zoom__out").Aria("label", zoomOutLabel).Title(zoomOutTitle).
			Aria("disabled", ariaBool(!w.CanZoomOut(z.IFit))).
			OnClick(z.zoomBy(plot.ZoomStep), goapp.EventScope("out")).Text("−"),
		goapp.Button().Class("button", "zoom__in").Aria("label", zoomInLabel).Title(zoomInTitle).
			Aria("disabled", ariaBool(!w.CanZoomIn())).
			OnClick(z.zoomBy(1/plot.ZoomStep), goapp.EventScope("in")).Text("+"),
		goapp.Button().Class("button", "zoom__fit").Title(fitTitle).
			Aria("disabled", ariaBool(w.Equal(z.IFit))).
			OnClick(func(ctx goapp.Context, e goapp.Event) { z.IOnWindow(ctx, z.IFit) }).Text(fitLabel),
		goapp.Button().Class("button", "zoom__cursor").
			Aria("pressed", ariaBool(z.ICursor)).
			Title(cursorButtonTitle).
			OnClick(func(ctx goapp.Context, e goapp.Event) { z.IOnToggleCursor(ctx) }).Text(cursor),
		goapp.Button().Class("button", "view-toggle").
			Aria("pressed", ariaBool(z.IList)).
			Title(listViewTitle).
			OnClick(func(ctx goapp.Context, e goapp.Event) { z.IOnToggleList(ctx) }).Text(listViewLabel),
	)
}

// zoomBy zooms around the middle of the chart.
func (z *zoomControls) zoomBy(factor float64) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		z.IOnWindow(ctx, z.IWindow.Zoom(factor, 0.5, z.IFit))
	}
}
