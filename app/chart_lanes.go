package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// Layout sizes, in rem, shared with the stylesheet.
const (
	barRowHeight    = 2.25
	markerRowHeight = 1.75
)

// embedLanes is how many lanes an embed shows before it scrolls them.
const embedLanes = 12

// sightMargin is how far beyond the time window, in percent of it, bars
// and markers are still drawn: a pan of half a screen shows no gap before
// the next render.
const sightMargin = 50.0

// renderLanes draws the lanes of the lane window (see plot.LaneWindow),
// with padding of the others' height. An embed with many lanes scrolls
// them in a box of their own: its frame is as tall as its content, so the
// page around it, not the embed, would otherwise scroll past thousands of
// lanes.
func (c *chart) renderLanes(highlighted map[string]bool) goapp.UI {
	lanes, w := c.ILayout.Lanes, c.lanes
	classes := []string{"chart__scroller"}
	if c.IEmbed && len(lanes) > embedLanes {
		classes = append(classes, "chart__scroller--box")
	}
	shown := lanes[w.First:w.Last]
	details := c.IView.withoutDetails().link()
	return goapp.Div().Class(classes...).ID(chartScrollerID).Body(
		goapp.Ol().Class("chart__lanes").ID(chartLanesID).
			Style("padding-top", px(w.Above)).
			Style("padding-bottom", px(w.Below)).
			OnClick(c.onItemClick).
			On("mouseover", c.onItemOver).
			On("focusin", c.onItemOver).
			On("mouseout", c.onItemOut).
			On("focusout", c.onItemOut).
			Body(
				goapp.Range(shown).Slice(func(i int) goapp.UI {
					lane := &shown[i]
					return c.renderLane(lane, w.First+i, highlighted[lane.Person.ID], details)
				}),
			),
	)
}

// plotHeight is the height of a lane's plot, in rem.
func plotHeight(lane *plot.Lane) float64 {
	return max(float64(lane.BarRows)*barRowHeight+float64(lane.MarkerRows)*markerRowHeight, barRowHeight)
}

// renderLane draws lane number i of the layout, whose bars and markers
// link to their details over the view details. Bars and markers well
// outside the time window are left out: the lane clips them anyway.
func (c *chart) renderLane(lane *plot.Lane, i int, highlighted bool, details string) goapp.UI {
	classes := []string{"lane"}
	if highlighted {
		classes = append(classes, "lane--highlighted")
	}
	// A lane whose relationships are not loaded yet (see chart.IChunks)
	// is as high as it will be, and says so where its bars will be: it
	// draws none of them, since it holds only those shared with lanes
	// loaded. Its markers are all there (every event is loaded).
	loading := !c.IChunks.loaded(i)
	if loading {
		classes = append(classes, "lane--loading")
	}
	bars, markers := inSight(lane)
	if loading {
		bars = nil
	}
	li := goapp.Li().Class(classes...).DataSet("person", lane.Person.ID).
		Aria("setsize", len(c.ILayout.Lanes)).
		Aria("posinset", i+1)
	if loading {
		li = li.Aria("busy", ariaTrue)
	}
	return li.Body(
		goapp.Div().Class("lane__name").Body(
			goapp.Span().Class("lane__person").Body(c.renderPerson(lane.Person)),
			goapp.If(lane.Person.Description != "", func() goapp.UI {
				return goapp.Span().Class("lane__description").Text(lane.Person.Description)
			}),
		),
		goapp.Div().Class("lane__plot").Style("height", rem(plotHeight(lane))).Body(
			// The clip hides what lies outside the zoomed window, but for
			// the room of a focus ring around the plot, in which the items
			// are placed; tooltips sit beside it so that they are never cut
			// off.
			goapp.Div().Class("lane__clip").Body(
				goapp.Div().Class("lane__items").Body(
					goapp.Range(markers).Slice(func(i int) goapp.UI {
						m := markers[i]
						return c.renderMarker(lane.Person, m, float64(m.Row)*markerRowHeight, details)
					}),
					goapp.Range(bars).Slice(func(i int) goapp.UI {
						b := bars[i]
						return c.renderBar(lane.Person, b, barTop(lane, b), details)
					}),
				),
			),
			goapp.If(loading, func() goapp.UI {
				return goapp.Span().Class("lane__loading").
					Style("top", rem(float64(lane.MarkerRows)*markerRowHeight)).
					Text(laneLoadingText())
			}),
			c.renderLaneTooltip(lane),
		),
	)
}

// renderPerson is the name of a lane's person, a link to the view of
// their relationships alone.
func (c *chart) renderPerson(p *data.Person) goapp.UI {
	return goapp.A().Class("lane__link").
		Href(c.IView.withPeople([]string{p.ID}).link()).
		Title(attr(filterByTitle(p.Name))).
		Body(personName(c.IColors[p.ID], p.Name)...)
}

// inSight are the lane's bars and markers that reach within sightMargin of
// the time window.
func inSight(lane *plot.Lane) ([]plot.Bar, []plot.Marker) {
	var bars []plot.Bar
	for _, b := range lane.Bars {
		if b.Left+b.Width >= -sightMargin && b.Left <= 100+sightMargin {
			bars = append(bars, b)
		}
	}
	var markers []plot.Marker
	for _, m := range lane.Markers {
		if m.To >= -sightMargin && m.From <= 100+sightMargin {
			markers = append(markers, m)
		}
	}
	return bars, markers
}

// barTop is where the bar b is in its lane, in rem: under the markers.
func barTop(lane *plot.Lane, b plot.Bar) float64 {
	return float64(lane.MarkerRows)*markerRowHeight + float64(b.Row)*barRowHeight
}

// renderLaneTooltip is the tooltip of the hovered or focused item, if it
// is in this lane: under the item, at the middle of its visible part.
func (c *chart) renderLaneTooltip(lane *plot.Lane) goapp.UI {
	h := c.hovered
	if !h.ok() || h.person != lane.Person.ID {
		return nil
	}
	for _, b := range lane.Bars {
		if b.Relationship.ID == h.relationship {
			at := (max(b.Left, 0) + min(b.Left+b.Width, 100)) / 2
			return renderTooltip(relationshipTooltip(b.Relationship, c.INames), at, barTop(lane, b)+barRowHeight)
		}
	}
	for _, m := range lane.Markers {
		if m.Event.ID == h.event {
			return renderTooltip(eventTooltip(m.Event), min(max(m.At, 0), 100), float64(m.Row+1)*markerRowHeight)
		}
	}
	return nil
}

// renderBar draws one relationship in one partner's lane: a link to its
// details over the view details, made of one segment per phase, with a
// tooltip while hovered or focused. Its label names it: what it holds is
// presentational (a link's content is not read apart from its name),
// without an aria-hidden of its own, which was a tenth of the DOM calls of
// drawing a chart's bars.
func (c *chart) renderBar(self *data.Person, b plot.Bar, top float64, details string) goapp.UI {
	r := b.Relationship
	selected := c.IView.Relationship == r.ID
	classes := []string{"bar", "bar--" + string(b.Certainty)}
	switch {
	case b.AsOf:
		classes = append(classes, "bar--as-of")
	case b.Ongoing:
		classes = append(classes, "bar--ongoing")
	}
	if selected {
		classes = append(classes, "bar--selected")
	}
	// A bar that starts before the window keeps its name in view.
	shift := 0.0
	if b.Left < 0 && b.Width > 0 {
		shift = min(-b.Left, b.Width) / b.Width * 100
	}
	return goapp.A().
		ID(barID(self.ID, r.ID)).
		Class(classes...).
		Href(itemLink(details, "rel", r.ID)).
		DataSet("relationship", r.ID).
		Style(startEdge, pct(b.Left)).
		Style("width", pct(b.Width)).
		Style("top", rem(top)).
		Style("--label-shift", pct(shift)).
		Aria("label", attr(relationshipLabel(r, self.Name, b.Partner.Name))).
		Aria("current", ariaBool(selected)).
		Body(
			goapp.Span().Class("bar__label").Text(b.Partner.Name),
			goapp.Span().Class("bar__band").Body(
				goapp.Range(b.Segments).Slice(func(i int) goapp.UI {
					return renderSegment(b.Segments[i])
				}),
			),
		)
}

// renderSegment draws a phase of a bar, with stripes over the spans
// where accounts of its start, or of the end, differ.
func renderSegment(s plot.Segment) goapp.UI {
	from := "transparent"
	if s.Previous != "" {
		from = "var(--status-" + string(s.Previous) + ")"
	}
	return goapp.Span().
		Class("segment", "segment--"+string(s.Phase.Status), "segment--"+string(s.Certainty)).
		Style(startEdge, pct(s.Left)).
		Style("width", pct(s.Width)).
		Style("--solid-from", pct(s.FadeIn)).
		Style("--solid-until", pct(100-s.FadeOut)).
		Style("--from", from).
		Body(
			goapp.If(s.ContestedIn > 0, func() goapp.UI {
				return goapp.Span().Class("segment__contested").Style(startEdge, "0").Style("width", pct(s.ContestedIn))
			}),
			goapp.If(s.ContestedOut > 0, func() goapp.UI {
				return goapp.Span().Class("segment__contested").Style(endEdge, "0").Style("width", pct(s.ContestedOut))
			}),
		)
}

// renderMarker draws one event in one of its people's lanes: a numbered
// link to its details over the view details, over the span of its date.
func (c *chart) renderMarker(self *data.Person, m plot.Marker, top float64, details string) goapp.UI {
	e := m.Event
	selected := c.IView.Event == e.ID
	classes := []string{"marker", "marker--" + string(e.Kind)}
	if selected {
		classes = append(classes, "marker--selected")
	}
	return goapp.Div().Class("marker-span").Style("top", rem(top)).Body(
		goapp.If(m.To-m.From > 0.5, func() goapp.UI {
			return goapp.Span().Class("marker-span__range").
				Style(startEdge, pct(m.From)).
				Style("width", pct(m.To-m.From))
		}),
		goapp.A().
			ID(markerID(self.ID, e.ID)).
			Class(classes...).
			Href(itemLink(details, "event", e.ID)).
			DataSet("event", e.ID).
			Style(startEdge, pct(m.At)).
			Aria("label", attr(markerLabel(m.Number, e))).
			Aria("current", ariaBool(selected)).
			Text(number(m.Number)),
	)
}

// renderTooltip is a short summary shown under what is hovered or focused,
// at percent across the lane and top rem down; screen readers get the same
// from the item's label. It turns to stay inside the chart: near the
// chart's later edge, it lies toward the earlier one.
func renderTooltip(lines []string, percent, top float64) goapp.UI {
	classes := []string{"tooltip"}
	switch {
	case percent > 70:
		classes = append(classes, "tooltip--end")
	case percent > 30:
		classes = append(classes, "tooltip--centred")
	}
	return goapp.Span().Class(classes...).Role("tooltip").Aria("hidden", ariaTrue).
		Style(startEdge, pct(percent)).
		Style("top", rem(top)).
		Body(
			goapp.Range(lines).Slice(func(i int) goapp.UI {
				return goapp.Span().Class("tooltip__line").Text(lines[i])
			}),
		)
}

func pct(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) + "%" }

func rem(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) + "rem" }

func px(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "px" }
