package app

import (
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// Tick density: a label every 90 px of the measured chart, or, before
// anything is measured (the prerender), as many as suit a 960 px chart.
// Positions are percentages, so the prerender is right at any width; narrow
// screens hide every other label until the WebAssembly has measured.
const (
	tickSpacing    = 90.0
	prerenderTicks = 11
)

// Layout sizes, in rem, shared with the stylesheet.
const (
	barRowHeight    = 2.25
	markerRowHeight = 1.75
)

// measure reads the plot's width, which decides how many ticks fit; the
// layout, in percent of the plot, does not depend on it.
func (p *TimelinePage) measure(ctx goapp.Context) {
	if el := goapp.Window().GetElementByID(chartGridID); el.Truthy() {
		if w := el.Get("clientWidth").Float(); w > 0 && w != p.chartWidth {
			p.chartWidth = w
			ctx.Update()
		}
	}
}

// window is the time window the chart shows.
func (p *TimelinePage) window() plot.TimeScale { return p.view.layout.Scale }

// renderChart draws the axis with the cursor's handle, one lane per person,
// and the grid behind them. The chart takes keyboard focus: arrow keys pan,
// + and − zoom.
func (p *TimelinePage) renderChart() goapp.UI {
	l := &p.view.layout
	maxTicks := prerenderTicks
	if p.chartWidth > 0 {
		maxTicks = int(p.chartWidth / tickSpacing)
	}
	ticks := plot.Ticks(l.Scale, maxTicks)
	now := l.Scale.Percent(l.Now)
	highlighted := p.highlightedPeople()
	classes := []string{"chart"}
	if p.chartWidth > 0 {
		classes = append(classes, "chart--measured")
	}
	if len(highlighted) > 0 {
		classes = append(classes, "chart--highlighting")
	}
	return goapp.Section().Class(classes...).ID(chartID).
		TabIndex(0).
		Aria("label", "Timeline chart from "+l.Scale.From.Format("2006")+" to "+l.Scale.To.AddDate(0, 0, -1).Format("2006")+
			". Arrow keys move through time, plus and minus zoom.").
		OnKeyDown(p.onChartKey).
		Body(
			goapp.Div().Class("chart__axis").
				OnClick(p.onAxisClick).
				Body(
					goapp.Div().Class("chart__ticks").Aria("hidden", ariaTrue).Body(
						goapp.Range(ticks).Slice(func(i int) goapp.UI {
							return goapp.Span().Class(tickClass(ticks[i].Percent)).Style("left", pct(ticks[i].Percent)).Text(ticks[i].Label)
						}),
					),
					p.renderCursorHandle(),
				),
			goapp.Div().Class("chart__body").
				On("wheel", p.onWheel).
				On("pointerdown", p.onPointerDown).
				On("pointermove", p.onPointerMove).
				On("pointerup", p.onPointerUp).
				On("pointercancel", p.onPointerUp).
				OnDblClick(p.onDoubleClick).
				Body(
					goapp.Div().Class("chart__grid").ID(chartGridID).Aria("hidden", ariaTrue).Body(
						goapp.Range(ticks).Slice(func(i int) goapp.UI {
							return goapp.Span().Class("gridline").Style("left", pct(ticks[i].Percent))
						}),
						goapp.If(now >= 0 && now <= 100, func() goapp.UI {
							return goapp.Span().Class("now-line").Style("left", pct(now)).Body(
								goapp.Span().Class("now-line__label").Text("now"),
							)
						}),
						p.renderCursorLine(),
					),
					p.renderLanes(highlighted),
					goapp.P().Class("chart__hint").Aria("hidden", ariaTrue).Text(p.input.hint),
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
func (p *TimelinePage) highlightedPeople() map[string]bool {
	if p.hovered == "" {
		return nil
	}
	people := make(map[string]bool, len(p.hoveredPeople))
	for _, id := range p.hoveredPeople {
		people[id] = true
	}
	return people
}

// renderLanes draws the lanes of the lane window (see LaneWindow), with
// padding of the others' height. An embed with many lanes scrolls them in
// a box of their own: its frame is as tall as its content, so the page
// around it, not the embed, would otherwise scroll past thousands of lanes.
func (p *TimelinePage) renderLanes(highlighted map[string]bool) goapp.UI {
	lanes, w := p.view.layout.Lanes, p.lanes
	classes := []string{"chart__scroller"}
	if p.embed && len(lanes) > embedLanes {
		classes = append(classes, "chart__scroller--box")
	}
	shown := lanes[w.First:w.Last]
	return goapp.Div().Class(classes...).ID(chartScrollerID).Body(
		goapp.Ol().Class("chart__lanes").ID(chartLanesID).
			Style("padding-top", px(w.Above)).
			Style("padding-bottom", px(w.Below)).
			OnClick(p.onItemClick).
			On("mouseover", p.onItemOver).
			On("focusin", p.onItemOver).
			On("mouseout", p.onItemOut).
			On("focusout", p.onItemOut).
			Body(
				goapp.Range(shown).Slice(func(i int) goapp.UI {
					lane := &shown[i]
					return p.renderLane(lane, w.First+i, highlighted[lane.Person.ID])
				}),
			),
	)
}

// embedLanes is how many lanes an embed shows before it scrolls them.
const embedLanes = 12

// plotHeight is the height of a lane's plot, in rem.
func plotHeight(lane *plot.Lane) float64 {
	return max(float64(lane.BarRows)*barRowHeight+float64(lane.MarkerRows)*markerRowHeight, barRowHeight)
}

// renderLane draws lane number i of the layout. Bars and markers well
// outside the time window are left out: the lane clips them anyway.
func (p *TimelinePage) renderLane(lane *plot.Lane, i int, highlighted bool) goapp.UI {
	classes := []string{"lane"}
	if highlighted {
		classes = append(classes, "lane--highlighted")
	}
	bars, markers := inSight(lane)
	return goapp.Li().Class(classes...).DataSet("person", lane.Person.ID).
		Aria("setsize", len(p.view.layout.Lanes)).
		Aria("posinset", i+1).
		Body(
			goapp.Div().Class("lane__name").Body(
				goapp.Span().Class("lane__person").Body(personName(p.view.people.colors[lane.Person.ID], lane.Person.Name)...),
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
							return p.renderMarker(lane.Person, m, float64(m.Row)*markerRowHeight)
						}),
						goapp.Range(bars).Slice(func(i int) goapp.UI {
							b := bars[i]
							return p.renderBar(lane.Person, b, p.barTop(lane, b))
						}),
					),
				),
				p.renderLaneTooltip(lane),
			),
		)
}

// sightMargin is how far beyond the time window, in percent of it, bars
// and markers are still drawn: a pan of half a screen shows no gap before
// the next render.
const sightMargin = 50.0

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

func (p *TimelinePage) barTop(lane *plot.Lane, b plot.Bar) float64 {
	return float64(lane.MarkerRows)*markerRowHeight + float64(b.Row)*barRowHeight
}

// renderLaneTooltip is the tooltip of the hovered or focused item, if it
// is in this lane: under the item, at the middle of its visible part.
func (p *TimelinePage) renderLaneTooltip(lane *plot.Lane) goapp.UI {
	if p.hovered == "" {
		return nil
	}
	for _, b := range lane.Bars {
		if barID(lane.Person, b.Relationship) == p.hovered {
			at := (max(b.Left, 0) + min(b.Left+b.Width, 100)) / 2
			return renderTooltip(tooltipForRelationship(b.Relationship, p.view.people.names), at, p.barTop(lane, b)+barRowHeight)
		}
	}
	for _, m := range lane.Markers {
		if markerID(lane.Person, m.Event) == p.hovered {
			e := m.Event
			lines := []string{e.Title, eventKindText(e.Kind) + " · " + e.Date.Human()}
			return renderTooltip(lines, min(max(m.At, 0), 100), float64(m.Row+1)*markerRowHeight)
		}
	}
	return nil
}

// renderBar draws one relationship in one partner's lane: a button that
// opens its details, made of one segment per phase, with a tooltip while
// hovered or focused.
func (p *TimelinePage) renderBar(self *data.Person, b plot.Bar, top float64) goapp.UI {
	r := b.Relationship
	id := barID(self, r)
	selected := p.view.state.Relationship == r.ID
	classes := []string{"bar", "bar--" + string(b.Certainty)}
	if b.Ongoing {
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
	description := describeRelationship(r, self.Name, b.Partner.Name)
	return goapp.Button().
		ID(id).
		Class(classes...).
		DataSet("relationship", r.ID).
		Style("left", pct(b.Left)).
		Style("width", pct(b.Width)).
		Style("top", rem(top)).
		Style("--label-shift", pct(shift)).
		Aria("label", attr(description)).
		Aria("pressed", ariaBool(selected)).
		Body(
			goapp.Span().Class("bar__label").Aria("hidden", ariaTrue).Text(b.Partner.Name),
			goapp.Span().Class("bar__band").Aria("hidden", ariaTrue).Body(
				goapp.Range(b.Segments).Slice(func(i int) goapp.UI {
					return renderSegment(b.Segments[i])
				}),
			),
		)
}

func renderSegment(s plot.Segment) goapp.UI {
	from := "transparent"
	if s.Previous != "" {
		from = "var(--status-" + string(s.Previous) + ")"
	}
	return goapp.Span().
		Class("segment", "segment--"+string(s.Phase.Status), "segment--"+string(s.Certainty)).
		Style("left", pct(s.Left)).
		Style("width", pct(s.Width)).
		Style("--solid-from", pct(s.FadeIn)).
		Style("--solid-until", pct(100-s.FadeOut)).
		Style("--from", from)
}

func (p *TimelinePage) renderMarker(self *data.Person, m plot.Marker, top float64) goapp.UI {
	e := m.Event
	id := markerID(self, e)
	selected := p.view.state.Event == e.ID
	classes := []string{"marker", "marker--" + string(e.Kind)}
	if selected {
		classes = append(classes, "marker--selected")
	}
	return goapp.Div().Class("marker-span").Style("top", rem(top)).Body(
		goapp.If(m.To-m.From > 0.5, func() goapp.UI {
			return goapp.Span().Class("marker-span__range").
				Style("left", pct(m.From)).
				Style("width", pct(m.To-m.From))
		}),
		goapp.Button().
			ID(id).
			Class(classes...).
			DataSet("event", e.ID).
			Style("left", pct(m.At)).
			Aria("label", attr("Event "+strconv.Itoa(m.Number)+": "+e.Title+", "+e.Date.Human())).
			Aria("pressed", ariaBool(selected)).
			Text(strconv.Itoa(m.Number)),
	)
}

// renderTooltip is a short summary shown under what is hovered or focused,
// at percent across the lane and top rem down; screen readers get the same
// from the item's label. It turns to stay inside the chart.
func renderTooltip(lines []string, percent, top float64) goapp.UI {
	classes := []string{"tooltip"}
	switch {
	case percent > 70:
		classes = append(classes, "tooltip--leftward")
	case percent > 30:
		classes = append(classes, "tooltip--centred")
	}
	return goapp.Span().Class(classes...).Role("tooltip").Aria("hidden", ariaTrue).
		Style("left", pct(percent)).
		Style("top", rem(top)).
		Body(
			goapp.Range(lines).Slice(func(i int) goapp.UI {
				return goapp.Span().Class("tooltip__line").Text(lines[i])
			}),
		)
}

// tooltipForRelationship names the pair, then each phase and the end with
// their dates: "dating 2018", "engaged 2022", "split late 2023".
func tooltipForRelationship(r *data.Relationship, names map[string]string) []string {
	lines := []string{names[r.People[0]] + " & " + names[r.People[1]]}
	for _, ph := range r.Phases {
		lines = append(lines, string(ph.Status)+" from "+ph.From.Human())
	}
	if r.End != nil {
		lines = append(lines, strings.ToLower(endText(r.End.KindOrDefault()))+" "+r.End.Date.Human())
	}
	if c := r.CertaintyOrDefault(); c != data.Confirmed {
		lines = append(lines, string(c))
	}
	return lines
}

// describeRelationship is a bar's name for screen readers: "Imogen Poots
// and James Norton: dating from 2018, engaged from 2022, split late 2023".
func describeRelationship(r *data.Relationship, self, partner string) string {
	var parts []string
	for _, p := range r.Phases {
		parts = append(parts, string(p.Status)+" from "+p.From.Human())
	}
	if r.End != nil {
		parts = append(parts, strings.ToLower(endText(r.End.KindOrDefault()))+" "+r.End.Date.Human())
	} else {
		parts = append(parts, "ongoing")
	}
	s := self + " and " + partner + ": " + strings.Join(parts, ", ")
	if c := r.CertaintyOrDefault(); c != data.Confirmed {
		s += " (" + string(c) + ")"
	}
	return s
}

func pct(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) + "%" }

func rem(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) + "rem" }

func px(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) + "px" }
