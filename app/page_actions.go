package app

import (
	"net/url"
	"slices"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// What the reader asks of the page, as its parts report it, made into the
// page's next state.

// filterPeople shows only ids' relationships, as a new history entry.
func (p *timelinePage) filterPeople(ctx goapp.Context, ids []string) {
	p.navigate(ctx, p.view.state.withPeople(ids))
}

// onLinkClick follows a link to a view of the page (ViewState.link) in
// place, rather than load the page again: go-app's own handler of links,
// on the window, would make each one a new history entry and fetch the
// timeline anew, so the click goes no further. A modified click is the
// browser's (see modifiedClick), and go-app's handler never hears of it
// either: it would load the link in place.
func (p *timelinePage) onLinkClick(ctx goapp.Context, e goapp.Event) {
	a := e.Get("target").Call("closest", `a[href^="?"]`)
	if !a.Truthy() {
		ctx.PreventUpdate()
		return
	}
	if modifiedClick(e) {
		e.Call("stopPropagation")
		ctx.PreventUpdate()
		return
	}
	e.PreventDefault()
	e.Call("stopPropagation")
	q, _ := url.ParseQuery(a.Call("getAttribute", "href").String()[1:])
	p.follow(ctx, ParseViewState(q), a.Get("id").String())
}

// modifiedClick reports whether a click asks the browser for more than
// following a link: a new tab (Ctrl, ⌘, the middle button), a new window
// (Shift), saving it (Alt), or whatever another button does.
func modifiedClick(e goapp.Event) bool {
	return e.Get("button").Int() != 0 ||
		e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("shiftKey").Bool() || e.Get("altKey").Bool()
}

// follow shows the view s of a link as the control the link stands for
// does: another filter is a new history entry (navigate), details open
// or close with the focus, a cursor shown takes it, and anything else
// replaces the URL. opener is the link's DOM id.
func (p *timelinePage) follow(ctx goapp.Context, s ViewState, opener string) {
	was := p.view.state
	switch {
	case !slices.Equal(s.People, was.People):
		p.navigate(ctx, s)
	case s.Relationship == was.Relationship && s.Event == was.Event:
		p.replace(s)
		if was.At.IsZero() && !s.At.IsZero() {
			p.later(func() { focus(cursorID) }) // the "as of" toggle
		}
	case s.Relationship == "" && s.Event == "":
		p.closeDetails(ctx)
	default:
		p.openDetails(s, opener)
	}
}

func (p *timelinePage) openDetails(s ViewState, opener string) {
	p.opener = opener
	p.replace(s)
	p.later(func() { focus(detailsID) })
}

// closeDetails closes the details and returns focus where it was.
func (p *timelinePage) closeDetails(ctx goapp.Context) {
	p.replace(p.view.state.withoutDetails())
	opener := p.opener
	if opener == "" {
		opener = chartID
	}
	p.later(func() { focus(opener) })
}

// setWindow shows the window w and records it in the URL.
func (p *timelinePage) setWindow(ctx goapp.Context, w plot.TimeScale) {
	p.replace(p.view.withWindow(w))
}

// moveCursor puts the cursor on at, or hides it when at is zero.
func (p *timelinePage) moveCursor(ctx goapp.Context, at data.Date) {
	if at.IsZero() {
		s := p.view.state
		s.At = data.Date{}
		p.replace(s)
		return
	}
	p.replace(p.view.withCursor(at))
}

// drawMore draws n items of a long list.
func (p *timelinePage) drawMore(list longList, n int) {
	if p.listLengths == nil {
		p.listLengths = map[longList]int{}
	}
	p.listLengths[list] = n
}

// later runs f after the page's next render.
func (p *timelinePage) later(f func()) {
	p.page.Defer(func(goapp.Context) { f() })
}

// focus moves the keyboard focus to the element with the given DOM id,
// without scrolling: what it focuses is where the reader is (the details
// stay in the window, see .details in liaison.css; a bar or the cursor
// was in it when it was chosen). Letting the browser scroll to the
// details took a reader of 2,000 lanes 100,000 px down the page, and back
// to a bar that was no longer drawn there, which lost the focus.
func focus(id string) {
	if el := goapp.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}
