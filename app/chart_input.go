package app

import (
	"math"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// chartInput is the state of a mouse, touch or pen gesture on the chart.
type chartInput struct {
	// pointers are the pointers down on the chart, by id, at their
	// current x (client pixels).
	pointers map[int]float64
	// start is the window when the gesture began, startX and startSpan
	// where the pointers were then (startSpan: the distance between two).
	start             plot.TimeScale
	startX, startSpan float64
	// dragged is set once a gesture has moved: the click that ends it must
	// not open details.
	dragged bool
	// cursor is set while the "as of" cursor is being dragged.
	cursor bool
}

// dragThreshold is how far, in pixels, a pointer moves before a press
// becomes a drag.
const dragThreshold = 4

// plotBounds is the left edge and width, in client pixels, of the chart's plot.
func plotBounds() (left, width float64) {
	el := goapp.Window().GetElementByID(chartGridID)
	if !el.Truthy() {
		return 0, 0
	}
	r := el.Call("getBoundingClientRect")
	return r.Get("left").Float(), r.Get("width").Float()
}

// fractionAt is where client x falls across the plot's time, from 0 at
// its earlier edge to 1 at its later (see fractionLater).
func fractionAt(x float64) float64 {
	left, width := plotBounds()
	if width <= 0 {
		return 0.5
	}
	return fractionLater(x, left, width)
}

// onWheel zooms around the pointer on Ctrl (or ⌘) + wheel, which is also
// what a trackpad pinch sends, and pans on a sideways wheel. A plain
// vertical wheel scrolls the page, as readers of an article expect; the
// chart says how to zoom instead of trapping the scroll.
func (c *chart) onWheel(ctx goapp.Context, e goapp.Event) {
	dx, dy := e.Get("deltaX").Float(), e.Get("deltaY").Float()
	if e.Get("deltaMode").Int() == 1 { // lines, not pixels
		dx, dy = dx*16, dy*16
	}
	switch {
	case e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool():
		e.PreventDefault()
		factor := math.Pow(plot.ZoomStep, min(max(dy/100, -1), 1))
		c.IOnWindow(ctx, c.window().Zoom(factor, fractionAt(e.Get("clientX").Float()), c.IFit))
	case math.Abs(dx) > math.Abs(dy):
		e.PreventDefault()
		if _, width := plotBounds(); width > 0 {
			c.IOnWindow(ctx, c.window().Pan(laterward()*dx/width, c.IFit))
		}
	default:
		c.showHint(zoomHint())
	}
}

// showHint shows a message over the chart for hintDelay.
func (c *chart) showHint(hint string) {
	c.hint = hint
	c.ISched.after(c.ctx, hideHintJob, hintDelay, func(goapp.Context) { c.hint = "" })
}

func (c *chart) onPointerDown(ctx goapp.Context, e goapp.Event) {
	if e.Get("pointerType").String() == "mouse" && e.Get("button").Int() != 0 {
		return
	}
	if c.input.pointers == nil {
		c.input.pointers = map[int]float64{}
	}
	c.input.pointers[e.Get("pointerId").Int()] = e.Get("clientX").Float()
	c.input.dragged = false
	c.beginGesture()
	ctx.PreventUpdate()
}

// beginGesture records where the pointers and the window are, so that
// moves are measured from there.
func (c *chart) beginGesture() {
	c.input.start = c.window()
	xs := c.pointerXs()
	switch len(xs) {
	case 1:
		c.input.startX = xs[0]
	case 2:
		c.input.startX = (xs[0] + xs[1]) / 2
		c.input.startSpan = math.Abs(xs[0] - xs[1])
	}
}

func (c *chart) pointerXs() []float64 {
	var xs []float64
	for _, x := range c.input.pointers {
		xs = append(xs, x)
	}
	return xs
}

// onPointerMove pans with one pointer and zooms with two (a pinch).
func (c *chart) onPointerMove(ctx goapp.Context, e goapp.Event) {
	id := e.Get("pointerId").Int()
	if _, down := c.input.pointers[id]; !down {
		ctx.PreventUpdate()
		return
	}
	x := e.Get("clientX").Float()
	c.input.pointers[id] = x
	_, width := plotBounds()
	xs := c.pointerXs()
	switch {
	case width <= 0:
		ctx.PreventUpdate()
	case len(xs) == 1:
		dx := x - c.input.startX
		if !c.input.dragged && math.Abs(dx) < dragThreshold {
			ctx.PreventUpdate()
			return
		}
		if !c.input.dragged {
			c.input.dragged = true
			ctx.JSSrc().Call("setPointerCapture", id)
		}
		// The chart follows the pointer: dragged toward later dates, it
		// shows earlier ones.
		window := c.input.start.Pan(-laterward()*dx/width, c.IFit)
		ctx.PreventUpdate()
		c.ISched.nextFrame(c.ctx, dragJob, func(ctx goapp.Context) { c.IOnWindow(ctx, window) })
	case len(xs) == 2 && c.input.startSpan > 0:
		c.input.dragged = true
		span := math.Abs(xs[0] - xs[1])
		if span < 1 {
			return
		}
		factor := c.input.startSpan / span
		window := c.input.start.Zoom(factor, fractionAt((xs[0]+xs[1])/2), c.IFit)
		ctx.PreventUpdate()
		c.ISched.nextFrame(c.ctx, dragJob, func(ctx goapp.Context) { c.IOnWindow(ctx, window) })
	}
}

func (c *chart) onPointerUp(ctx goapp.Context, e goapp.Event) {
	delete(c.input.pointers, e.Get("pointerId").Int())
	c.beginGesture()
	ctx.PreventUpdate()
}

// onDoubleClick zooms in around the pointer, unless it is on a bar or a
// marker: its two clicks have opened the item's details, which a zoom
// would move away from.
func (c *chart) onDoubleClick(ctx goapp.Context, e goapp.Event) {
	if _, onItem := c.chartItemAt(e.Get("target")); onItem {
		ctx.PreventUpdate()
		return
	}
	c.IOnWindow(ctx, c.window().Zoom(1/(plot.ZoomStep*plot.ZoomStep), fractionAt(e.Get("clientX").Float()), c.IFit))
}

// onChartKey pans on the arrow keys, toward the dates the arrow points
// to (arrowLater), and zooms on + and −, around the middle.
func (c *chart) onChartKey(ctx goapp.Context, e goapp.Event) {
	w := c.window()
	switch key := e.Get("key").String(); key {
	case "ArrowLeft", "ArrowRight":
		w = w.Pan(0.2*float64(arrowLater(key)), c.IFit)
	case "+", "=":
		w = w.Zoom(1/plot.ZoomStep, 0.5, c.IFit)
	case "-", "_":
		w = w.Zoom(plot.ZoomStep, 0.5, c.IFit)
	default:
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	c.IOnWindow(ctx, w)
}
