package app

import (
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
)

// A laneSight follows which part of the chart's lanes the reader sees, so
// that only the lanes near it are drawn (plot.LaneWindow). In the browser it
// measures the lanes drawn and where they are whenever the page, or an
// embed's box of lanes, scrolls; on the server, and until the first
// measurement, it assumes the top of a tall screen.
type laneSight struct {
	// top and bottom bound the part of the lanes in view, in CSS pixels
	// from the top of the first lane; measured is false until they are.
	top, bottom float64
	measured    bool
	heights     laneHeights
	stop        func()
}

// unmeasuredSight is the part of the lanes assumed in view before
// anything is measured: the prerender draws the lanes of a tall screen.
const unmeasuredSight = 1000.0

// minSightMargin is the least margin of lanes drawn above and below the
// view, in pixels; the margin is otherwise the view's own height.
const minSightMargin = 400.0

// band is the part of the lanes in view, widened on both sides by share
// of the margin.
func (s *laneSight) band(share float64) (top, bottom float64) {
	top, bottom = s.top, s.bottom
	if !s.measured {
		top, bottom = 0, unmeasuredSight
	}
	margin := share * max(bottom-top, minSightMargin)
	return top - margin, bottom + margin
}

// followLayout chooses the lanes to draw for a new layout, or the layout
// moved to another window: those in view and a margin of the view's
// height around them. The lanes of a layout that has them drawn already
// (a zoom moved their bars) stay where they are.
func (c *chart) followLayout() {
	l := c.ILayout
	sameLanes := len(c.laidOut) == len(l.Lanes) && (len(l.Lanes) == 0 || &c.laidOut[0] == &l.Lanes[0])
	if sameLanes && c.scale.Equal(l.Scale) {
		return // moving the cursor, opening details: the chart stays
	}
	c.laidOut, c.scale = l.Lanes, l.Scale
	offsets := plot.LaneOffsets(c.sight.heights.of(l.Lanes))
	drift := 0.0
	if sameLanes {
		drift = c.lanes.Drift(offsets)
	}
	top, bottom := c.sight.band(1)
	wanted := plot.WindowLanes(offsets, top-drift, bottom-drift)
	if sameLanes {
		wanted = c.lanes.Follow(offsets, wanted)
	}
	c.lanes = wanted
	if c.mounted {
		c.later(func() { c.ctx.Dispatch(c.followSight) })
	}
}

// followSight measures the lanes drawn and the view, and draws other
// lanes once the reader has scrolled past half of the margin. It runs as
// a dispatch of the chart's, which updates the chart when other lanes are
// drawn.
func (c *chart) followSight(ctx goapp.Context) {
	if !c.sight.measure() {
		ctx.PreventUpdate()
		return
	}
	defer c.askLanes(ctx)
	offsets := plot.LaneOffsets(c.sight.heights.of(c.ILayout.Lanes))
	drift := c.lanes.Drift(offsets)
	top, bottom := c.sight.band(1)
	wanted := plot.WindowLanes(offsets, top-drift, bottom-drift)
	// The focused item's lane stays drawn while it is near the view.
	if item, ok := c.chartItemAt(goapp.Window().Get("document").Get("activeElement")); ok {
		if span := wanted.Last - wanted.First; item.lane >= wanted.First-span && item.lane < wanted.Last+span {
			wanted = wanted.Reach(offsets, item.lane, focusReach)
		}
	}
	// Keep what is drawn while it covers the view and half the margin,
	// unless the keyboard (Reach) has made it much more than needed.
	if top, bottom := c.sight.band(0.5); c.lanes.Covers(offsets, top-drift, bottom-drift) && c.lanes.Last-c.lanes.First <= 2*(wanted.Last-wanted.First) {
		ctx.PreventUpdate()
		return
	}
	focused := focusedIn(chartLanesID)
	c.lanes = c.lanes.Follow(offsets, wanted)
	// The elements of the lanes are reused for other lanes, without
	// the events of the pointer leaving one item for another.
	c.hovered = chartItem{}
	// Once drawn, the new lanes are measured, which may ask for others.
	c.later(func() {
		if focused != "" {
			keepFocus(focused)
		}
		c.ctx.Dispatch(c.followSight)
	})
}

// watchSight follows the reader's scrolling, once a frame at most, until
// the chart is dismounted.
func (c *chart) watchSight() {
	w := goapp.Window()
	onScroll := goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		c.ISched.nextFrame(c.ctx, sightJob, c.followSight)
		return nil
	})
	// Scroll events do not bubble: capturing them at the window hears the
	// page and the embed's box alike.
	options := map[string]any{"capture": true, "passive": true}
	w.Call("addEventListener", "scroll", onScroll, options)
	c.sight.stop = func() {
		w.Call("removeEventListener", "scroll", onScroll, options)
		onScroll.Release()
	}
}

// measure reads where the lanes are and which part of them is in view,
// and the heights of the lanes drawn. It reports false when the chart is
// not in the page.
func (s *laneSight) measure() bool {
	w := goapp.Window()
	list := w.GetElementByID(chartLanesID)
	if !list.Truthy() {
		return false
	}
	origin := list.Call("getBoundingClientRect").Get("top").Float()
	top, bottom := 0.0, w.Get("innerHeight").Float()
	if box := w.GetElementByID(chartScrollerID); box.Get("classList").Call("contains", "chart__scroller--box").Bool() {
		r := box.Call("getBoundingClientRect")
		top, bottom = max(top, r.Get("top").Float()), min(bottom, r.Get("bottom").Float())
	}
	s.top, s.bottom, s.measured = top-origin, max(bottom, top)-origin, true
	s.heights.learn(list)
	return true
}

// laneHeights estimates the lanes' heights in CSS pixels: a lane is as
// high as its plot, whose height the layout decides, and the room its name
// and padding took beyond the plot when it was last drawn; a lane never
// drawn takes the average of that room.
type laneHeights struct {
	remPx float64            // CSS pixels in a rem; 0 until measured
	extra map[string]float64 // by person id
	sum   float64            // of extra's values
}

// of estimates the height of each lane.
func (h *laneHeights) of(lanes []plot.Lane) []float64 {
	remPx, average := 16.0, 1.2*16+1 // the stylesheet's padding and border
	if h.remPx > 0 {
		remPx = h.remPx
	}
	if len(h.extra) > 0 {
		average = h.sum / float64(len(h.extra))
	}
	heights := make([]float64, len(lanes))
	for i := range lanes {
		extra, ok := h.extra[lanes[i].Person.ID]
		if !ok {
			extra = average
		}
		heights[i] = plotHeight(&lanes[i])*remPx + extra
	}
	return heights
}

// learn measures the lanes drawn in the list of lanes.
func (h *laneHeights) learn(list goapp.Value) {
	w := goapp.Window()
	if h.remPx == 0 {
		size := w.Call("getComputedStyle", w.Get("document").Get("documentElement")).Get("fontSize").String()
		h.remPx, _ = strconv.ParseFloat(strings.TrimSuffix(size, "px"), 64)
	}
	if h.extra == nil {
		h.extra = map[string]float64{}
	}
	items := list.Get("children")
	for i, n := 0, items.Get("length").Int(); i < n; i++ {
		item := items.Index(i)
		id := item.Get("dataset").Get("person").String()
		extra := item.Call("getBoundingClientRect").Get("height").Float() - item.Get("lastElementChild").Get("offsetHeight").Float()
		h.sum += extra - h.extra[id]
		h.extra[id] = extra
	}
}

// focusedIn is the DOM id of the focused element if it is inside the
// element with DOM id container, or "".
func focusedIn(container string) string {
	doc := goapp.Window().Get("document")
	active := doc.Get("activeElement")
	box := goapp.Window().GetElementByID(container)
	if !active.Truthy() || !box.Truthy() || !box.Call("contains", active).Bool() {
		return ""
	}
	return active.Get("id").String()
}

// keepFocus focuses the element with DOM id id again if the focus has
// moved: the page reuses elements by their place, so drawing other lanes
// can give the focused element another item's content.
func keepFocus(id string) {
	active := goapp.Window().Get("document").Get("activeElement")
	if active.Truthy() && active.Get("id").String() == id {
		return
	}
	if el := goapp.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}
