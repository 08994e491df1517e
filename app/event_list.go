package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderEventList lists the events under the chart, numbered as their
// markers are, with dates, people and quotes: the chart stays uncluttered
// and every event is still readable as text. A long list is drawn a page
// at a time. The list view has them in a table instead.
func (p *TimelinePage) renderEventList() goapp.UI {
	all, names := p.view.layout.Events, p.view.people.names
	if len(all) == 0 || p.view.state.List {
		return nil
	}
	events := all[:p.shown(eventItems, len(all))]
	return goapp.Section().Class("events").Aria("labelledby", eventsHeadingID).Body(
		goapp.H2().ID(eventsHeadingID).Text(eventsHeading),
		goapp.Ol().Class("events__list").OnClick(p.onEventsClick).Body(
			goapp.Range(events).Slice(func(i int) goapp.UI {
				e := events[i]
				return goapp.Li().Class("events__item").DataSet("event", e.ID).Body(
					goapp.Span().Class("events__number").Aria("hidden", ariaTrue).Text(strconv.Itoa(i+1)),
					goapp.Div().Body(
						goapp.Button().Class("events__title").ID(eventTitleID(e.ID)).Text(e.Title),
						goapp.P().Class("events__meta").Text(eventFacts(e, names)),
						goapp.If(e.Quote != "", func() goapp.UI {
							return goapp.Blockquote().Class("events__quote").Text(e.Quote)
						}),
					),
				)
			}),
		),
		p.renderShowMore(eventItems, len(all)),
	)
}

// onEventsClick opens the details of the event whose title was clicked.
// The list has the one handler rather than one per title: another view's
// events then only change the titles' text and ids, where go-app would
// replace a JavaScript callback for every title.
func (p *TimelinePage) onEventsClick(ctx goapp.Context, e goapp.Event) {
	title := e.Get("target").Call("closest", "button.events__title")
	if !title.Truthy() {
		ctx.PreventUpdate()
		return
	}
	id := title.Call("closest", ".events__item").Get("dataset").Get("event").String()
	if _, ok := p.view.shown.Event(id); !ok {
		ctx.PreventUpdate()
		return
	}
	p.openEvent(ctx, id, title.Get("id").String())
}

// renderSources lists where the facts come from.
func renderSources(sources []data.Source) goapp.UI {
	if len(sources) == 0 {
		return nil
	}
	return goapp.Footer().Class("sources").Body(
		goapp.H2().Text(sourcesHeading),
		goapp.Ul().Body(
			goapp.Range(sources).Slice(func(i int) goapp.UI {
				return goapp.Li().Body(renderSourceName(&sources[i]))
			}),
		),
	)
}
