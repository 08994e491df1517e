package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// The bars and markers of the lanes share one set of event handlers, on
// the list of lanes, rather than five each: drawing other lanes (a filter,
// scrolling) then only changes the items' attributes, where go-app would
// otherwise replace a JavaScript callback for every handler of every item.

// A chartItem is a bar or a marker: a relationship or an event drawn in
// one person's lane. The zero chartItem is none.
type chartItem struct {
	lane         int      // the index of its lane in the layout
	person       string   // whose lane it is in
	relationship string   // a bar's relationship, or
	event        string   // a marker's event
	people       []string // whose lanes to highlight while it is hovered
}

func (i chartItem) ok() bool { return i.person != "" }

// is reports whether i and o are the same bar or marker.
func (i chartItem) is(o chartItem) bool {
	return i.person == o.person && i.relationship == o.relationship && i.event == o.event
}

// chartItemAt is the bar or marker that contains the DOM node target: the
// bar's relationship or the marker's event (data-relationship,
// data-event) in the lane of its person (data-person) among the lanes
// drawn. The link of a lane's name is an item of its lane alone, which
// has no tooltip, but which the keyboard's reach follows (onItemOver):
// focused, and its lane let go as the page scrolled to it, the focus
// fell out of the chart.
func (c *chart) chartItemAt(target goapp.Value) (chartItem, bool) {
	if !target.Truthy() || target.Get("closest").Type() != goapp.TypeFunction {
		return chartItem{}, false
	}
	el := target.Call("closest", ".lane a")
	if !el.Truthy() {
		return chartItem{}, false
	}
	i, ok := c.drawnLane(el.Call("closest", ".lane").Get("dataset").Get("person").String())
	if !ok {
		return chartItem{}, false
	}
	lane := &c.ILayout.Lanes[i]
	if rel := el.Get("dataset").Get("relationship"); rel.Truthy() {
		for _, b := range lane.Bars {
			if r := b.Relationship; r.ID == rel.String() {
				return chartItem{lane: i, person: lane.Person.ID, relationship: r.ID, people: r.People[:]}, true
			}
		}
	}
	if event := el.Get("dataset").Get("event"); event.Truthy() {
		for _, m := range lane.Markers {
			if e := m.Event; e.ID == event.String() {
				return chartItem{lane: i, person: lane.Person.ID, event: e.ID, people: e.People}, true
			}
		}
	}
	return chartItem{lane: i, person: lane.Person.ID}, true
}

// drawnLane is the index in the layout of the person's lane among those
// drawn.
func (c *chart) drawnLane(person string) (int, bool) {
	lanes := c.ILayout.Lanes
	for i := max(c.lanes.First, 0); i < min(c.lanes.Last, len(lanes)); i++ {
		if lanes[i].Person.ID == person {
			return i, true
		}
	}
	return 0, false
}

// onItemClick keeps the click that ends a drag over a bar or marker from
// following its link, there and then in the page (see
// timelinePage.onLinkClick); a key's click (detail 0) ends none.
func (c *chart) onItemClick(ctx goapp.Context, e goapp.Event) {
	ctx.PreventUpdate()
	if c.input.dragged && e.Get("detail").Int() != 0 {
		e.PreventDefault()
		e.Call("stopPropagation")
	}
}

// onItemOver highlights the lanes of the bar or marker under the pointer
// or focused, and shows its tooltip (mouseover and focusin). A focused
// item's neighbouring lanes are drawn at once, in the focus's own task,
// for the next Tab to find: drawn at go-app's next frame, a Tab coming
// sooner (a held key, a busy machine) found no link after the lanes
// drawn and left the chart for the events under it.
func (c *chart) onItemOver(ctx goapp.Context, e goapp.Event) {
	item, ok := c.chartItemAt(e.Get("target"))
	if !ok || item.is(c.hovered) {
		ctx.PreventUpdate()
		return
	}
	c.hovered = item
	if e.Get("type").String() != "focusin" {
		return
	}
	reached := c.lanes.Reach(plot.LaneOffsets(c.sight.heights.of(c.ILayout.Lanes)), item.lane, focusReach)
	if reached == c.lanes {
		return
	}
	c.lanes = reached
	// Lanes drawn above the focused one move the elements it was drawn
	// in: the focus follows its item.
	focused := focusedIn(chartLanesID)
	ctx.DrawNow()
	if focused != "" {
		keepFocus(focused)
	}
}

// focusReach is how many lanes are drawn before and after the focused one.
const focusReach = 3

// onItemOut ends the highlight when the pointer or the focus leaves the
// item for anything outside it (mouseout and focusout).
func (c *chart) onItemOut(ctx goapp.Context, e goapp.Event) {
	item, ok := c.chartItemAt(e.Get("target"))
	if !ok || !item.is(c.hovered) {
		ctx.PreventUpdate()
		return
	}
	if next, ok := c.chartItemAt(e.Get("relatedTarget")); ok && next.is(item) {
		ctx.PreventUpdate() // moving within the item
		return
	}
	c.hovered = chartItem{}
}
