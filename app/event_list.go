package app

import (
	"strconv"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderEventList lists the events under the chart, numbered as their
// markers are, with dates, people and quotes: the chart stays uncluttered
// and every event is still readable as text. A long list is drawn a page
// at a time.
func (p *TimelinePage) renderEventList() goapp.UI {
	all, names := p.view.layout.Events, p.view.names
	if len(all) == 0 {
		return nil
	}
	events := all[:p.shown(eventItems, len(all))]
	return goapp.Section().Class("events").Aria("labelledby", "events-heading").Body(
		goapp.H2().ID("events-heading").Text("Events"),
		goapp.Ol().Class("events__list").Body(
			goapp.Range(events).Slice(func(i int) goapp.UI {
				e := events[i]
				people := make([]string, len(e.People))
				for k, id := range e.People {
					people[k] = names[id]
				}
				return goapp.Li().Class("events__item").DataSet("event", e.ID).Body(
					goapp.Span().Class("events__number").Aria("hidden", ariaTrue).Text(strconv.Itoa(i+1)),
					goapp.Div().Body(
						goapp.Button().Class("events__title").ID("event-"+e.ID).
							OnClick(func(ctx goapp.Context, ev goapp.Event) { p.openEvent(ctx, e.ID, "event-"+e.ID) }, goapp.EventScope(e.ID)).
							Text(e.Title),
						goapp.P().Class("events__meta").Text(e.Date.Human()+" · "+eventKindText(e.Kind)+" · "+strings.Join(people, ", ")),
						goapp.If(e.Quote != "", func() goapp.UI {
							return goapp.Blockquote().Class("events__quote").Text(e.Quote)
						}),
					),
				)
			}),
		),
		p.renderShowMore(eventItems, "events", len(all)),
	)
}

// renderSources lists where the facts come from.
func renderSources(sources []data.Source) goapp.UI {
	if len(sources) == 0 {
		return nil
	}
	return goapp.Footer().Class("sources").Body(
		goapp.H2().Text("Sources"),
		goapp.Ul().Body(
			goapp.Range(sources).Slice(func(i int) goapp.UI {
				return goapp.Li().Body(renderSourceName(&sources[i]))
			}),
		),
	)
}
