package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// The "as of" cursor on the chart: a date on the axis, dragged with a
// pointer or moved with the keyboard (as_of.go lists who was with whom
// then).

// renderCursorHandle is the cursor's handle on the axis: a slider.
func (c *chart) renderCursorHandle() goapp.UI {
	at := c.IView.At
	if at.IsZero() {
		return nil
	}
	months := at.Earliest.Year()*12 + int(at.Earliest.Month()) - 1
	w := c.IFit
	place, label := c.window().Percent(at.Earliest), dateText(at)
	classes := []string{"cursor-handle"}
	switch {
	case place < 0:
		place, label = 0, cursorBefore(at)
		classes = append(classes, "cursor-handle--before")
	case place > 100:
		place, label = 100, cursorAfter(at)
		classes = append(classes, "cursor-handle--after")
	}
	return goapp.Div().ID(cursorID).Class(classes...).
		Role("slider").
		TabIndex(0).
		Aria("label", cursorLabel()).
		Aria("valuetext", attr(dateText(at))).
		Aria("valuenow", months).
		Aria("valuemin", w.From.Year()*12).
		Aria("valuemax", w.To.Year()*12+11).
		Style(startEdge, pct(place)).
		On("pointerdown", c.onCursorPointerDown).
		On("pointermove", c.onCursorPointerMove).
		On("pointerup", c.onCursorPointerUp).
		On("pointercancel", c.onCursorPointerUp).
		OnClick(func(ctx goapp.Context, e goapp.Event) { e.StopImmediatePropagation() }).
		OnKeyDown(c.onCursorKey).
		Text(label)
}

// renderCursorLine is the cursor's line across the lanes.
func (c *chart) renderCursorLine() goapp.UI {
	if at := c.IView.At; at.IsZero() || !c.window().Contains(at.Earliest) {
		return nil
	}
	return goapp.Span().Class("cursor-line").Style(startEdge, pct(c.window().Percent(c.IView.At.Earliest)))
}

// onAxisClick puts the cursor where the axis was clicked.
func (c *chart) onAxisClick(ctx goapp.Context, e goapp.Event) {
	c.moveCursorTo(ctx, e.Get("clientX").Float())
}

func (c *chart) onCursorPointerDown(ctx goapp.Context, e goapp.Event) {
	e.StopImmediatePropagation()
	e.PreventDefault()
	c.input.cursor = true
	ctx.JSSrc().Call("setPointerCapture", e.Get("pointerId"))
	ctx.PreventUpdate()
}

func (c *chart) onCursorPointerMove(ctx goapp.Context, e goapp.Event) {
	ctx.PreventUpdate()
	if !c.input.cursor {
		return
	}
	x := e.Get("clientX").Float()
	c.ISched.nextFrame(c.ctx, dragJob, func(ctx goapp.Context) { c.moveCursorTo(ctx, x) })
}

func (c *chart) onCursorPointerUp(ctx goapp.Context, e goapp.Event) {
	c.input.cursor = false
	ctx.PreventUpdate()
}

// moveCursorTo puts the cursor on the month at client x.
func (c *chart) moveCursorTo(ctx goapp.Context, x float64) {
	w := c.window()
	t := w.From.Add(time.Duration(fractionAt(x) * float64(w.To.Sub(w.From))))
	c.IOnCursor(ctx, monthOf(t))
}

// onCursorKey moves the cursor a month with the arrow keys (left and
// right toward the dates they point to, see arrowLater; up is later, as
// in any slider), a year with Page Up and Page Down, to the ends with Home
// and End; Escape hides it.
func (c *chart) onCursorKey(ctx goapp.Context, e goapp.Event) {
	at := c.IView.At.Earliest
	fit := c.IFit
	switch key := e.Get("key").String(); key {
	case "ArrowLeft", "ArrowRight":
		at = at.AddDate(0, arrowLater(key), 0)
	case "ArrowDown":
		at = at.AddDate(0, -1, 0)
	case "ArrowUp":
		at = at.AddDate(0, 1, 0)
	case "PageDown":
		at = at.AddDate(-1, 0, 0)
	case "PageUp":
		at = at.AddDate(1, 0, 0)
	case "Home":
		at = fit.From
	case "End":
		at = fit.To.AddDate(0, -1, 0)
	case "Escape":
		e.StopImmediatePropagation()
		c.IOnCursor(ctx, data.Date{})
		c.later(func() { focus(chartID) })
		return
	default:
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	e.StopImmediatePropagation()
	c.IOnCursor(ctx, monthOf(at))
}
