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
	// hint is a short message shown over the chart, like how to zoom.
	hint string
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

// fractionAt is where client x falls across the plot, from 0 to 1.
func fractionAt(x float64) float64 {
	left, width := plotBounds()
	if width <= 0 {
		return 0.5
	}
	return min(max((x-left)/width, 0), 1)
}

// onWheel zooms around the pointer on Ctrl (or ⌘) + wheel, which is also
// what a trackpad pinch sends, and pans on a sideways wheel. A plain
// vertical wheel scrolls the page, as readers of an article expect; the
// chart says how to zoom instead of trapping the scroll.
func (p *TimelinePage) onWheel(ctx goapp.Context, e goapp.Event) {
	dx, dy := e.Get("deltaX").Float(), e.Get("deltaY").Float()
	if e.Get("deltaMode").Int() == 1 { // lines, not pixels
		dx, dy = dx*16, dy*16
	}
	switch {
	case e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool():
		e.PreventDefault()
		factor := math.Pow(plot.ZoomStep, min(max(dy/100, -1), 1))
		p.setWindow(ctx, p.window().Zoom(factor, fractionAt(e.Get("clientX").Float()), p.view.fit))
	case math.Abs(dx) > math.Abs(dy):
		e.PreventDefault()
		if _, width := plotBounds(); width > 0 {
			p.setWindow(ctx, p.window().Pan(dx/width, p.view.fit))
		}
	default:
		p.showHint(ctx, "Hold Ctrl and scroll, or pinch, to zoom")
	}
}

// showHint shows a message over the chart for hintDelay.
func (p *TimelinePage) showHint(ctx goapp.Context, hint string) {
	p.input.hint = hint
	p.sched.after(p.page, hideHintJob, hintDelay, func(goapp.Context) { p.input.hint = "" })
}

func (p *TimelinePage) onPointerDown(ctx goapp.Context, e goapp.Event) {
	if e.Get("pointerType").String() == "mouse" && e.Get("button").Int() != 0 {
		return
	}
	if p.input.pointers == nil {
		p.input.pointers = map[int]float64{}
	}
	p.input.pointers[e.Get("pointerId").Int()] = e.Get("clientX").Float()
	p.input.dragged = false
	p.beginGesture()
	ctx.PreventUpdate()
}

// beginGesture records where the pointers and the window are, so that
// moves are measured from there.
func (p *TimelinePage) beginGesture() {
	p.input.start = p.window()
	xs := p.pointerXs()
	switch len(xs) {
	case 1:
		p.input.startX = xs[0]
	case 2:
		p.input.startX = (xs[0] + xs[1]) / 2
		p.input.startSpan = math.Abs(xs[0] - xs[1])
	}
}

func (p *TimelinePage) pointerXs() []float64 {
	var xs []float64
	for _, x := range p.input.pointers {
		xs = append(xs, x)
	}
	return xs
}

// onPointerMove pans with one pointer and zooms with two (a pinch).
func (p *TimelinePage) onPointerMove(ctx goapp.Context, e goapp.Event) {
	id := e.Get("pointerId").Int()
	if _, down := p.input.pointers[id]; !down {
		ctx.PreventUpdate()
		return
	}
	x := e.Get("clientX").Float()
	p.input.pointers[id] = x
	_, width := plotBounds()
	xs := p.pointerXs()
	switch {
	case width <= 0:
		ctx.PreventUpdate()
	case len(xs) == 1:
		dx := x - p.input.startX
		if !p.input.dragged && math.Abs(dx) < dragThreshold {
			ctx.PreventUpdate()
			return
		}
		if !p.input.dragged {
			p.input.dragged = true
			ctx.JSSrc().Call("setPointerCapture", id)
		}
		window := p.input.start.Pan(-dx/width, p.view.fit)
		ctx.PreventUpdate()
		p.sched.nextFrame(p.page, dragJob, func(ctx goapp.Context) { p.setWindow(ctx, window) })
	case len(xs) == 2 && p.input.startSpan > 0:
		p.input.dragged = true
		span := math.Abs(xs[0] - xs[1])
		if span < 1 {
			return
		}
		factor := p.input.startSpan / span
		window := p.input.start.Zoom(factor, fractionAt((xs[0]+xs[1])/2), p.view.fit)
		ctx.PreventUpdate()
		p.sched.nextFrame(p.page, dragJob, func(ctx goapp.Context) { p.setWindow(ctx, window) })
	}
}

func (p *TimelinePage) onPointerUp(ctx goapp.Context, e goapp.Event) {
	delete(p.input.pointers, e.Get("pointerId").Int())
	p.beginGesture()
	ctx.PreventUpdate()
}

// onDoubleClick zooms in around the pointer, unless it is on a bar or a
// marker: its two clicks have opened the item's details, which a zoom
// would move away from.
func (p *TimelinePage) onDoubleClick(ctx goapp.Context, e goapp.Event) {
	if _, onItem := p.chartItemAt(e.Get("target")); onItem {
		ctx.PreventUpdate()
		return
	}
	p.setWindow(ctx, p.window().Zoom(1/(plot.ZoomStep*plot.ZoomStep), fractionAt(e.Get("clientX").Float()), p.view.fit))
}

// onChartKey pans on the arrow keys and zooms on + and −, around the
// middle.
func (p *TimelinePage) onChartKey(ctx goapp.Context, e goapp.Event) {
	w := p.window()
	switch e.Get("key").String() {
	case "ArrowLeft":
		w = w.Pan(-0.2, p.view.fit)
	case "ArrowRight":
		w = w.Pan(0.2, p.view.fit)
	case "+", "=":
		w = w.Zoom(1/plot.ZoomStep, 0.5, p.view.fit)
	case "-", "_":
		w = w.Zoom(plot.ZoomStep, 0.5, p.view.fit)
	default:
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	p.setWindow(ctx, w)
}
