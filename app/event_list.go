package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderEventList lists the events under the chart, numbered as their
// markers are, with dates, people and quotes, each title a link to its
// details over the view details: the chart stays uncluttered and every
// event is still readable as text. A long list is drawn a page at a time.
// The list view has them in a table instead.
func renderEventList(events []*data.Event, names map[string]string, more showMore, details string) goapp.UI {
	if len(events) == 0 {
		return nil
	}
	shown := events[:more.shown]
	return goapp.Section().Class("events").Aria("labelledby", eventsHeadingID).Body(
		goapp.H2().ID(eventsHeadingID).Text(eventsHeading()),
		goapp.Ol().Class("events__list").Body(
			goapp.Range(shown).Slice(func(i int) goapp.UI {
				e := shown[i]
				return goapp.Li().Class("events__item").DataSet("event", e.ID).Body(
					goapp.Span().Class("events__number").Aria("hidden", ariaTrue).Text(number(i+1)),
					goapp.Div().Body(
						goapp.A().Class("events__title").ID(eventTitleID(e.ID)).Href(itemLink(details, "event", e.ID)).Text(e.Title),
						goapp.P().Class("events__meta").Text(eventFacts(e, names)),
						goapp.If(e.Quote != "", func() goapp.UI {
							return goapp.Blockquote().Class("events__quote").Text(e.Quote)
						}),
					),
				)
			}),
		),
		more.render(),
	)
}

// renderSources lists where the facts come from.
func renderSources(sources []data.Source) goapp.UI {
	if len(sources) == 0 {
		return nil
	}
	return goapp.Footer().Class("sources").Body(
		goapp.H2().Text(sourcesHeading()),
		goapp.Ul().Body(
			goapp.Range(sources).Slice(func(i int) goapp.UI {
				return goapp.Li().Body(renderSourceName(&sources[i]))
			}),
		),
	)
}
