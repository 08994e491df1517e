package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// printsList says whether a printout of the view adds the hidden list view:
// for views of a page of rows at most.
func (p *TimelinePage) printsList() bool {
	if p.view.shown == nil {
		return false // no timeline: the page says why instead
	}
	return !p.view.state.List && max(len(p.view.shown.Relationships), len(p.view.layout.Events)) <= listPage
}

// renderListView is the timeline as tables: one row per relationship, one
// per event, each opening its details. It is what screen reader users and
// readers who prefer text get with "List view", and what a printout adds
// under the chart. On screen it is hidden while the chart shows, so it is
// only drawn then for printing: by the WebAssembly once the view has
// rested (the prerender is for the first paint, which it would slow
// down), and for views of a page of rows at most.
func (p *TimelinePage) renderListView() goapp.UI {
	t, names := p.view.shown, p.view.people.names
	all := p.view.layout.Events
	if !p.view.state.List && !(goapp.IsClient && p.printCopy && p.printsList()) {
		return nil
	}
	relationships := t.Relationships[:p.shown(relationshipRows, len(t.Relationships))]
	events := all[:p.shown(eventRows, len(all))]
	return goapp.Section().Class("list-view").Aria("labelledby", listViewHeadingID).Body(
		goapp.H2().ID(listViewHeadingID).Text(relationshipsTitle),
		goapp.Table().Class("list-view__table").Body(
			goapp.Caption().Class("visually-hidden").Text(relationshipsAbout),
			renderColumns(relationshipColumns),
			goapp.TBody().Body(
				goapp.Range(relationships).Slice(func(i int) goapp.UI {
					r := &relationships[i]
					id := relationshipRowID(r.ID)
					return goapp.Tr().Body(
						goapp.Th().Scope("row").Body(
							goapp.Button().ID(id).Class("list-view__open").
								OnClick(func(ctx goapp.Context, e goapp.Event) { p.openRelationship(ctx, r.ID, id) }, goapp.EventScope(id)).
								Body(p.pair(r)...),
						),
						goapp.Td().Text(phasesText(r)),
						goapp.Td().Text(endingText(r, names)),
						goapp.Td().Text(certaintyText(r.CertaintyOrDefault())),
						goapp.Td().Text(quotesText(evidenceCount(r))),
					)
				}),
			),
		),
		p.renderShowMore(relationshipRows, len(t.Relationships)),
		// The events list under the chart has every event: the list view
		// takes its place, and its copy for print leaves the events to it.
		goapp.If(p.view.state.List && len(all) > 0, func() goapp.UI {
			return goapp.Table().Class("list-view__table").Body(
				goapp.Caption().Class("list-view__caption").Text(eventsHeading),
				renderColumns(eventColumns),
				goapp.TBody().Body(
					goapp.Range(events).Slice(func(i int) goapp.UI {
						e := events[i]
						id := eventRowID(e.ID)
						return goapp.Tr().Body(
							goapp.Td().Text(e.Date.Human()),
							goapp.Th().Scope("row").Body(
								goapp.Button().ID(id).Class("list-view__open").
									OnClick(func(ctx goapp.Context, ev goapp.Event) { p.openEvent(ctx, e.ID, id) }, goapp.EventScope(id)).
									Text(e.Title),
							),
							goapp.Td().Text(peopleText(e.People, names)),
							goapp.Td().Text(eventKindText(e.Kind)),
							goapp.Td().Text(e.Quote),
						)
					}),
				),
			)
		}),
		goapp.If(p.view.state.List, func() goapp.UI {
			return p.renderShowMore(eventRows, len(all))
		}),
	)
}

// pair is the two people of r, each with their colour.
func (p *TimelinePage) pair(r *data.Relationship) []goapp.UI {
	v := p.view.people
	return append(append(personName(v.colors[r.People[0]], v.names[r.People[0]]), goapp.Text(" & ")),
		personName(v.colors[r.People[1]], v.names[r.People[1]])...)
}

func evidenceCount(r *data.Relationship) int {
	n := len(r.Evidence)
	for _, ph := range r.Phases {
		n += len(ph.Evidence)
	}
	if r.End != nil {
		n += len(r.End.Evidence)
	}
	return n
}

// renderColumns is the head of a table, with a column of each heading.
func renderColumns(headings []string) goapp.UI {
	return goapp.THead().Body(goapp.Tr().Body(
		goapp.Range(headings).Slice(func(i int) goapp.UI {
			return goapp.Th().Scope("col").Text(headings[i])
		}),
	))
}
