package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// The bars and markers of the lanes share one set of event handlers, on
// the list of lanes, rather than five each: drawing other lanes (a filter,
// scrolling) then only changes the items' attributes, where go-app would
// otherwise replace a JavaScript callback for every handler of every item.

// A chartItem is a bar or a marker, found from an event's target.
type chartItem struct {
	id     string   // its DOM id
	lane   int      // the index of its lane in the layout
	people []string // whose lanes to highlight while it is hovered
	open   func(ctx goapp.Context)
}

// chartItemAt is the bar or marker that contains the DOM node target.
func (p *TimelinePage) chartItemAt(target goapp.Value) (chartItem, bool) {
	if !target.Truthy() || target.Get("closest").Type() != goapp.TypeFunction {
		return chartItem{}, false
	}
	el := target.Call("closest", "button.bar, button.marker")
	if !el.Truthy() {
		return chartItem{}, false
	}
	lanes := p.view.layout.Lanes
	i, err := strconv.Atoi(el.Call("closest", ".lane").Call("getAttribute", "aria-posinset").String())
	if err != nil || i < 1 || i > len(lanes) {
		return chartItem{}, false
	}
	lane := &lanes[i-1]
	id := el.Get("id").String()
	if rel := el.Get("dataset").Get("relationship"); rel.Truthy() {
		for _, b := range lane.Bars {
			if r := b.Relationship; r.ID == rel.String() {
				return chartItem{id, i - 1, r.People[:], func(ctx goapp.Context) { p.openRelationship(ctx, r.ID, id) }}, true
			}
		}
	}
	if event := el.Get("dataset").Get("event"); event.Truthy() {
		for _, m := range lane.Markers {
			if e := m.Event; e.ID == event.String() {
				return chartItem{id, i - 1, e.People, func(ctx goapp.Context) { p.openEvent(ctx, e.ID, id) }}, true
			}
		}
	}
	return chartItem{}, false
}

// onItemClick opens the details of the bar or marker clicked, unless the
// click ends a drag; a key's click (detail 0) always opens them.
func (p *TimelinePage) onItemClick(ctx goapp.Context, e goapp.Event) {
	item, ok := p.chartItemAt(e.Get("target"))
	if !ok || p.input.dragged && e.Get("detail").Int() != 0 {
		ctx.PreventUpdate()
		return
	}
	item.open(ctx)
}

// onItemOver highlights the lanes of the bar or marker under the pointer
// or focused, and shows its tooltip (mouseover and focusin). A focused
// item's neighbouring lanes are drawn at once, for the next Tab to find.
func (p *TimelinePage) onItemOver(ctx goapp.Context, e goapp.Event) {
	item, ok := p.chartItemAt(e.Get("target"))
	if !ok || item.id == p.hovered {
		ctx.PreventUpdate()
		return
	}
	p.hovered, p.hoveredPeople = item.id, item.people
	if e.Get("type").String() == "focusin" {
		p.lanes = p.lanes.Reach(plot.LaneOffsets(p.sight.heights.of(p.view.layout.Lanes)), item.lane, focusReach)
	}
}

// focusReach is how many lanes are drawn before and after the focused one.
const focusReach = 3

// onItemOut ends the highlight when the pointer or the focus leaves the
// item for anything outside it (mouseout and focusout).
func (p *TimelinePage) onItemOut(ctx goapp.Context, e goapp.Event) {
	item, ok := p.chartItemAt(e.Get("target"))
	if !ok || item.id != p.hovered {
		ctx.PreventUpdate()
		return
	}
	if next, ok := p.chartItemAt(e.Get("relatedTarget")); ok && next.id == item.id {
		ctx.PreventUpdate() // moving within the item
		return
	}
	p.hovered = ""
}
