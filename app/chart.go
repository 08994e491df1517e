package app

import (
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// prerenderTicks is how many ticks the axis may hold: room for a label
// every 80 px of a 960 px chart. Positions are percentages, so this only
// decides how dense the labels are; narrow screens hide every other one.
const prerenderTicks = 12

// Layout sizes, in rem, shared with the stylesheet through custom
// properties.
const (
	barRowHeight    = 2.25
	markerRowHeight = 1.75
)

// renderChart draws the axis, one lane per person and the grid behind them.
func renderChart(l LaneLayout, selected selection,
	onRelationship, onEvent func(goapp.Context, string)) goapp.UI {
	ticks := Ticks(l.Scale, prerenderTicks)
	now := l.Scale.Percent(l.Now)
	return goapp.Section().Class("chart").Aria("label", "Timeline chart").Body(
		goapp.Div().Class("chart__axis").Aria("hidden", "true").Body(
			goapp.Range(ticks).Slice(func(i int) goapp.UI {
				return goapp.Span().Class("tick").Style("left", pct(ticks[i].Percent)).Text(ticks[i].Label)
			}),
		),
		goapp.Div().Class("chart__body").Body(
			goapp.Div().Class("chart__grid").Aria("hidden", "true").Body(
				goapp.Range(ticks).Slice(func(i int) goapp.UI {
					return goapp.Span().Class("gridline").Style("left", pct(ticks[i].Percent))
				}),
				goapp.If(now >= 0 && now <= 100, func() goapp.UI {
					return goapp.Span().Class("now-line").Style("left", pct(now)).Body(
						goapp.Span().Class("now-line__label").Text("now"),
					)
				}),
			),
			goapp.Ol().Class("chart__lanes").Body(
				goapp.Range(l.Lanes).Slice(func(i int) goapp.UI {
					return renderLane(&l.Lanes[i], selected, onRelationship, onEvent)
				}),
			),
		),
	)
}

func renderLane(lane *Lane, selected selection,
	onRelationship, onEvent func(goapp.Context, string)) goapp.UI {
	height := float64(lane.BarRows)*barRowHeight + float64(lane.MarkerRows)*markerRowHeight
	return goapp.Li().Class("lane").DataSet("person", lane.Person.ID).Body(
		goapp.Div().Class("lane__name").Body(
			goapp.Span().Class("lane__person").Text(lane.Person.Name),
			goapp.If(lane.Person.Description != "", func() goapp.UI {
				return goapp.Span().Class("lane__description").Text(lane.Person.Description)
			}),
		),
		goapp.Div().Class("lane__plot").Style("height", rem(height)).Body(
			goapp.Range(lane.Markers).Slice(func(i int) goapp.UI {
				m := lane.Markers[i]
				return renderMarker(m, float64(m.Row)*markerRowHeight, selected.event == m.Event.ID, onEvent)
			}),
			goapp.Range(lane.Bars).Slice(func(i int) goapp.UI {
				b := lane.Bars[i]
				top := float64(lane.MarkerRows)*markerRowHeight + float64(b.Row)*barRowHeight
				return renderBar(b, lane.Person, top, selected.relationship == b.Relationship.ID, onRelationship)
			}),
		),
	)
}

// renderBar draws one relationship in one partner's lane: a button that
// opens its details, made of one segment per phase.
func renderBar(b Bar, self *data.Person, top float64, selected bool, onSelect func(goapp.Context, string)) goapp.UI {
	r := b.Relationship
	classes := []string{"bar", "bar--" + string(b.Certainty)}
	if b.Ongoing {
		classes = append(classes, "bar--ongoing")
	}
	if selected {
		classes = append(classes, "bar--selected")
	}
	return goapp.Button().
		Class(classes...).
		DataSet("relationship", r.ID).
		Style("left", pct(b.Left)).
		Style("width", pct(b.Width)).
		Style("top", rem(top)).
		Aria("label", attrText(describeRelationship(r, self.Name, b.Partner.Name))).
		Aria("pressed", strconv.FormatBool(selected)).
		OnClick(func(ctx goapp.Context, e goapp.Event) { onSelect(ctx, r.ID) }).
		Body(
			goapp.Span().Class("bar__label").Aria("hidden", "true").Text(b.Partner.Name),
			goapp.Span().Class("bar__band").Aria("hidden", "true").Body(
				goapp.Range(b.Segments).Slice(func(i int) goapp.UI {
					return renderSegment(b.Segments[i])
				}),
			),
		)
}

func renderSegment(s Segment) goapp.UI {
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

func renderMarker(m Marker, top float64, selected bool, onSelect func(goapp.Context, string)) goapp.UI {
	e := m.Event
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
			Class(classes...).
			DataSet("event", e.ID).
			Style("left", pct(m.At)).
			Aria("label", attrText("Event "+strconv.Itoa(m.Number)+": "+e.Title+", "+e.Date.Human())).
			Aria("pressed", strconv.FormatBool(selected)).
			OnClick(func(ctx goapp.Context, ev goapp.Event) { onSelect(ctx, e.ID) }).
			Text(strconv.Itoa(m.Number)),
	)
}

// describeRelationship is a bar's name for screen readers: "Imogen Poots
// and James Norton: dating from 2018, engaged from 2022, split late 2023".
func describeRelationship(r *data.Relationship, self, partner string) string {
	var parts []string
	for _, p := range r.Phases {
		parts = append(parts, string(p.Status)+" from "+p.From.Human())
	}
	if r.End != nil {
		parts = append(parts, string(r.End.KindOrDefault())+" "+r.End.Date.Human())
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
