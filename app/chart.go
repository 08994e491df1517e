package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// chart is the timeline's chart: the axis with the "as of" cursor's
// handle, one lane per person with the bars of their relationships and
// the markers of their events, and the grid behind them. It draws the
// layout it is given, and reports what the reader asks of it: another
// window (a zoom, a pan), the cursor on another date, an item's details.
// What it keeps of its own is what the URL does not: its measured width,
// the item hovered, the lanes near the reader's view, a gesture under way.
type chart struct {
	goapp.Compo

	// ILayout is the layout to draw, which its owner lays out again in
	// place (plot.LaneLayout.Rescale) or replaces; IFit is the window
	// that shows everything, the limit of zooms and pans.
	ILayout *plot.LaneLayout
	IFit    plot.TimeScale
	// IView is the view shown: the cursor's date (zero for no cursor),
	// the item whose details are open, and what the links of the bars,
	// markers and people keep of it.
	IView   ViewState
	INames  map[string]string // everyone's, by id
	IColors map[string]int    // everyone's, by id
	// IEmbed scrolls many lanes in a box of their own (see renderLanes).
	IEmbed bool
	ISched *scheduler

	// IChunks are the chunks of lanes (LaneChunk) whose relationships the
	// layout holds, nil for all: the others are drawn as loading, and
	// asked for with IOnLanes as they come near the reader's view.
	IChunks  *LaneChunks
	IOnLanes func(ctx goapp.Context, first, last int)

	IOnWindow func(ctx goapp.Context, w plot.TimeScale)
	IOnCursor func(ctx goapp.Context, at data.Date) // zero: no cursor

	// width is the plot's width in CSS pixels, measured in the browser;
	// 0 on the server.
	width float64
	// hovered is the bar or marker under the pointer or focus, whose
	// people's lanes are highlighted.
	hovered chartItem
	// lanes are the lanes in the DOM, those near the reader's view, of
	// laidOut at scale (see lane_sight.go).
	lanes   plot.LaneWindow
	laidOut []plot.Lane
	scale   plot.TimeScale
	sight   laneSight
	input   chartInput
	// hint is a short message shown over the chart, like how to zoom.
	hint string
	// ctx is the chart's own context, from OnMount, for work deferred
	// after an event.
	ctx     goapp.Context
	mounted bool
}

func newChart() *chart { return &chart{} }

// Layout sets what the chart draws, and the window that shows everything.
func (c *chart) Layout(l *plot.LaneLayout, fit plot.TimeScale) *chart {
	c.ILayout, c.IFit = l, fit
	return c
}

// View sets the view shown: the cursor, the details open, and the view
// that the bars', markers' and people's links change.
func (c *chart) View(s ViewState) *chart {
	c.IView = s
	return c
}

// People sets everyone's names and colours, by id.
func (c *chart) People(names map[string]string, colors map[string]int) *chart {
	c.INames, c.IColors = names, colors
	return c
}

// Embedded says whether the chart is an embed's.
func (c *chart) Embedded(embed bool) *chart {
	c.IEmbed = embed
	return c
}

// Scheduler sets the page's scheduler, which runs the chart's work
// deferred to the next frame or until the reader rests.
func (c *chart) Scheduler(s *scheduler) *chart {
	c.ISched = s
	return c
}

// Chunks sets the chunks of lanes that the layout holds, nil for all.
func (c *chart) Chunks(chunks *LaneChunks) *chart {
	c.IChunks = chunks
	return c
}

// OnLanes sets what asks for the lanes first to last-1 when some of them
// are not loaded.
func (c *chart) OnLanes(h func(ctx goapp.Context, first, last int)) *chart {
	c.IOnLanes = h
	return c
}

// askLanes asks for the lanes drawn when some of them are not loaded.
func (c *chart) askLanes(ctx goapp.Context) {
	w := c.lanes
	if c.IOnLanes == nil || c.IChunks == nil {
		return
	}
	for i := w.First; i < w.Last; i += LaneChunk - i%LaneChunk {
		if !c.IChunks.loaded(i) {
			c.IOnLanes(ctx, w.First, w.Last)
			return
		}
	}
}

// OnWindow sets what happens when the reader zooms or pans.
func (c *chart) OnWindow(h func(ctx goapp.Context, w plot.TimeScale)) *chart {
	c.IOnWindow = h
	return c
}

// OnCursor sets what happens when the reader moves the cursor, or hides
// it (a zero date).
func (c *chart) OnCursor(h func(ctx goapp.Context, at data.Date)) *chart {
	c.IOnCursor = h
	return c
}

// OnInit chooses the lanes to draw first. In the browser, taking over the
// chart the server drew, it measures that chart first: the first render
// then has the ticks of its width, rather than the prerender's, which a
// second render of the whole page would have replaced once mounted.
func (c *chart) OnInit() {
	if goapp.IsClient {
		c.width = plotWidth()
	}
	c.followLayout()
}

// OnUpdate follows a new layout, or the layout moved to another window.
func (c *chart) OnUpdate(ctx goapp.Context) {
	c.followLayout()
}

// OnMount measures the chart, whose width decides how many ticks fit, and
// follows the reader's scrolling.
func (c *chart) OnMount(ctx goapp.Context) {
	c.ctx, c.mounted = ctx, true
	ctx.Defer(c.measure)
	c.watchSight()
	ctx.Dispatch(c.followSight)
	ctx.PreventUpdate() // see timelinePage.OnMount
}

// OnDismount stops following the reader's scrolling.
func (c *chart) OnDismount() {
	c.mounted = false
	if c.sight.stop != nil {
		c.sight.stop()
		c.sight.stop = nil
	}
}

// OnResize measures the chart again, and which lanes are in view.
func (c *chart) OnResize(ctx goapp.Context) {
	c.measure(ctx)
	c.ctx.Dispatch(c.followSight)
}

// measure reads the plot's width, which decides how many ticks fit; the
// layout, in percent of the plot, does not depend on it.
func (c *chart) measure(ctx goapp.Context) {
	if w := plotWidth(); w > 0 && w != c.width {
		c.width = w
		ctx.Update()
	}
}

// plotWidth is the width of the chart's plot in CSS pixels, or 0 while
// the chart is not in the page.
func plotWidth() float64 {
	if el := goapp.Window().GetElementByID(chartGridID); el.Truthy() {
		return el.Get("clientWidth").Float()
	}
	return 0
}

// later runs f after the chart's next render.
func (c *chart) later(f func()) {
	c.ctx.Defer(func(goapp.Context) { f() })
}

// window is the time window the chart shows.
func (c *chart) window() plot.TimeScale { return c.ILayout.Scale }

// Tick density: a label every 90 px of the measured chart, or, before
// anything is measured (the prerender), as many as suit a 960 px chart.
// Positions are percentages, so the prerender is right at any width; narrow
// screens hide every other label until the WebAssembly has measured.
const (
	tickSpacing    = 90.0
	prerenderTicks = 11
)

// Render draws the axis with the cursor's handle, one lane per person,
// and the grid behind them. The chart takes keyboard focus: arrow keys
// pan, + and − zoom.
func (c *chart) Render() goapp.UI {
	l := c.ILayout
	maxTicks := prerenderTicks
	if c.width > 0 {
		maxTicks = int(c.width / tickSpacing)
	}
	ticks := plot.Ticks(l.Scale, maxTicks)
	now := l.Scale.Percent(l.Now)
	highlighted := c.highlightedPeople()
	classes := []string{"chart"}
	if c.width > 0 {
		classes = append(classes, "chart--measured")
	}
	if len(highlighted) > 0 {
		classes = append(classes, "chart--highlighting")
	}
	return goapp.Section().Class(classes...).ID(chartID).
		TabIndex(0).
		Aria("label", chartLabel(l.Scale)).
		OnKeyDown(c.onChartKey).
		Body(
			goapp.Div().Class("chart__axis").
				OnClick(c.onAxisClick).
				Body(
					goapp.Div().Class("chart__ticks").Aria("hidden", ariaTrue).Body(
						goapp.Range(ticks).Slice(func(i int) goapp.UI {
							return goapp.Span().Class(tickClass(ticks[i].Percent)).Style(startEdge, pct(ticks[i].Percent)).Text(tickLabel(ticks[i]))
						}),
					),
					c.renderCursorHandle(),
				),
			goapp.Div().Class("chart__body").
				On("wheel", c.onWheel).
				On("pointerdown", c.onPointerDown).
				On("pointermove", c.onPointerMove).
				On("pointerup", c.onPointerUp).
				On("pointercancel", c.onPointerUp).
				OnDblClick(c.onDoubleClick).
				Body(
					goapp.Div().Class("chart__grid").ID(chartGridID).Aria("hidden", ariaTrue).Body(
						goapp.Range(ticks).Slice(func(i int) goapp.UI {
							return goapp.Span().Class("gridline").Style(startEdge, pct(ticks[i].Percent))
						}),
						goapp.If(now >= 0 && now <= 100, func() goapp.UI {
							return goapp.Span().Class("now-line").Style(startEdge, pct(now)).Body(
								goapp.Span().Class("now-line__label").Text(nowLabel()),
							)
						}),
						c.renderCursorLine(),
					),
					c.renderLanes(highlighted),
					goapp.P().Class("chart__hint").Aria("hidden", ariaTrue).Text(c.hint),
				),
		)
}

// tickClass keeps the labels of ticks at the chart's edges inside it.
func tickClass(percent float64) string {
	switch {
	case percent < 3:
		return "tick tick--start"
	case percent > 97:
		return "tick tick--end"
	}
	return "tick"
}

// highlightedPeople are the partners of the hovered or focused bar, or the
// people of the hovered event.
func (c *chart) highlightedPeople() map[string]bool {
	if !c.hovered.ok() {
		return nil
	}
	people := make(map[string]bool, len(c.hovered.people))
	for _, id := range c.hovered.people {
		people[id] = true
	}
	return people
}
