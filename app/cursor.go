package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// The "as of" cursor: a date on the axis, dragged with a pointer or moved
// with the keyboard, and beside it who was with whom on that date.

// renderCursorHandle is the cursor's handle on the axis: a slider.
func (p *TimelinePage) renderCursorHandle() goapp.UI {
	at := p.view.state.At
	if at.IsZero() {
		return nil
	}
	months := at.Earliest.Year()*12 + int(at.Earliest.Month()) - 1
	w := p.view.fit
	place, label := p.window().Percent(at.Earliest), at.Human()
	classes := []string{"cursor-handle"}
	switch {
	case place < 0:
		place, label = 0, "◀ "+label
		classes = append(classes, "cursor-handle--before")
	case place > 100:
		place, label = 100, label+" ▶"
		classes = append(classes, "cursor-handle--after")
	}
	return goapp.Div().ID(cursorID).Class(classes...).
		Role("slider").
		TabIndex(0).
		Aria("label", "As of date").
		Aria("valuetext", attr(at.Human())).
		Aria("valuenow", months).
		Aria("valuemin", w.From.Year()*12).
		Aria("valuemax", w.To.Year()*12+11).
		Style("left", pct(place)).
		On("pointerdown", p.onCursorPointerDown).
		On("pointermove", p.onCursorPointerMove).
		On("pointerup", p.onCursorPointerUp).
		On("pointercancel", p.onCursorPointerUp).
		OnClick(func(ctx goapp.Context, e goapp.Event) { e.StopImmediatePropagation() }).
		OnKeyDown(p.onCursorKey).
		Text(label)
}

// renderCursorLine is the cursor's line across the lanes.
func (p *TimelinePage) renderCursorLine() goapp.UI {
	if at := p.view.state.At; at.IsZero() || !p.window().Contains(at.Earliest) {
		return nil
	}
	return goapp.Span().Class("cursor-line").Style("left", pct(p.window().Percent(p.view.state.At.Earliest)))
}

// renderCursorPanel lists who was with whom on the cursor's date, and how
// sure that is, in a live region so that screen readers hear it change.
func (p *TimelinePage) renderCursorPanel() goapp.UI {
	at := p.view.state.At
	if at.IsZero() {
		return goapp.Div().Class("as-of", "as-of--empty").Aria("live", "polite")
	}
	all := CouplesAt(p.view.shown, at.Earliest)
	couples := all[:p.shown(couplesAsOf, len(all))]
	return goapp.Div().Class("as-of").Aria("live", "polite").Body(
		goapp.H2().Class("as-of__title").Text("As of "+at.Human()),
		goapp.If(len(all) == 0, func() goapp.UI {
			return goapp.P().Class("as-of__none").Text("Nobody in this timeline was together.")
		}).Else(func() goapp.UI {
			return goapp.Ul().Class("as-of__list").Body(
				goapp.Range(couples).Slice(func(i int) goapp.UI {
					c := couples[i]
					r := c.Relationship
					classes := []string{"as-of__item", "as-of__item--" + string(c.State.Status)}
					if !c.State.Sure() || c.State.Certainty != data.Confirmed {
						classes = append(classes, "as-of__item--uncertain")
					}
					return goapp.Li().Class(classes...).Body(
						goapp.Span().Class("as-of__pair").Body(p.pair(r)...),
						goapp.Span().Class("as-of__state").Text(c.Describe()),
					)
				}),
			)
		}),
		p.renderShowMore(couplesAsOf, "couple", "couples", len(all)),
	)
}

// onAxisClick puts the cursor where the axis was clicked.
func (p *TimelinePage) onAxisClick(ctx goapp.Context, e goapp.Event) {
	p.moveCursorTo(ctx, e.Get("clientX").Float())
}

func (p *TimelinePage) onCursorPointerDown(ctx goapp.Context, e goapp.Event) {
	e.StopImmediatePropagation()
	e.PreventDefault()
	p.input.cursor = true
	ctx.JSSrc().Call("setPointerCapture", e.Get("pointerId"))
	ctx.PreventUpdate()
}

func (p *TimelinePage) onCursorPointerMove(ctx goapp.Context, e goapp.Event) {
	ctx.PreventUpdate()
	if !p.input.cursor {
		return
	}
	x := e.Get("clientX").Float()
	p.sched.nextFrame(p.page, dragJob, func(ctx goapp.Context) { p.moveCursorTo(ctx, x) })
}

func (p *TimelinePage) onCursorPointerUp(ctx goapp.Context, e goapp.Event) {
	p.input.cursor = false
	ctx.PreventUpdate()
}

// moveCursorTo puts the cursor on the month at client x.
func (p *TimelinePage) moveCursorTo(ctx goapp.Context, x float64) {
	w := p.window()
	t := w.From.Add(time.Duration(fractionAt(x) * float64(w.To.Sub(w.From))))
	p.setCursor(ctx, monthOf(t))
}

// onCursorKey moves the cursor a month with the arrow keys, a year with
// Page Up and Page Down, to the ends with Home and End; Escape hides it.
func (p *TimelinePage) onCursorKey(ctx goapp.Context, e goapp.Event) {
	at := p.view.state.At.Earliest
	fit := p.view.fit
	switch e.Get("key").String() {
	case "ArrowLeft", "ArrowDown":
		at = at.AddDate(0, -1, 0)
	case "ArrowRight", "ArrowUp":
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
		s := p.view.state
		s.At = data.Date{}
		p.replace(s)
		p.later(func() { focus(chartID) })
		return
	default:
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	e.StopImmediatePropagation()
	p.setCursor(ctx, monthOf(at))
}

// setCursor moves the cursor, keeping it within the timeline, and keeps it
// in view by panning when it leaves the window.
func (p *TimelinePage) setCursor(ctx goapp.Context, at data.Date) {
	p.replace(p.view.withCursor(at))
}
