package app

import (
	"strings"

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
		goapp.H2().ID(listViewHeadingID).Text("Relationships"),
		goapp.Table().Class("list-view__table").Body(
			goapp.Caption().Class("visually-hidden").Text("Every relationship in this view, with its phases, its end, how certain it is and its evidence"),
			goapp.THead().Body(goapp.Tr().Body(
				goapp.Th().Scope("col").Text("People"),
				goapp.Th().Scope("col").Text("Phases"),
				goapp.Th().Scope("col").Text("End"),
				goapp.Th().Scope("col").Text("Certainty"),
				goapp.Th().Scope("col").Text("Evidence"),
			)),
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
		p.renderShowMore(relationshipRows, "relationship", "relationships", len(t.Relationships)),
		// The events list under the chart has every event: the list view
		// takes its place, and its copy for print leaves the events to it.
		goapp.If(p.view.state.List && len(all) > 0, func() goapp.UI {
			return goapp.Table().Class("list-view__table").Body(
				goapp.Caption().Class("list-view__caption").Text("Events"),
				goapp.THead().Body(goapp.Tr().Body(
					goapp.Th().Scope("col").Text("Date"),
					goapp.Th().Scope("col").Text("Event"),
					goapp.Th().Scope("col").Text("People"),
					goapp.Th().Scope("col").Text("Kind"),
					goapp.Th().Scope("col").Text("Quote"),
				)),
				goapp.TBody().Body(
					goapp.Range(events).Slice(func(i int) goapp.UI {
						e := events[i]
						id := eventRowID(e.ID)
						people := make([]string, len(e.People))
						for k, person := range e.People {
							people[k] = names[person]
						}
						return goapp.Tr().Body(
							goapp.Td().Text(e.Date.Human()),
							goapp.Th().Scope("row").Body(
								goapp.Button().ID(id).Class("list-view__open").
									OnClick(func(ctx goapp.Context, ev goapp.Event) { p.openEvent(ctx, e.ID, id) }, goapp.EventScope(id)).
									Text(e.Title),
							),
							goapp.Td().Text(strings.Join(people, ", ")),
							goapp.Td().Text(eventKindText(e.Kind)),
							goapp.Td().Text(e.Quote),
						)
					}),
				),
			)
		}),
		goapp.If(p.view.state.List, func() goapp.UI {
			return p.renderShowMore(eventRows, "event", "events", len(all))
		}),
	)
}

// pair is the two people of r, each with their colour.
func (p *TimelinePage) pair(r *data.Relationship) []goapp.UI {
	v := p.view.people
	return append(append(personName(v.colors[r.People[0]], v.names[r.People[0]]), goapp.Text(" & ")),
		personName(v.colors[r.People[1]], v.names[r.People[1]])...)
}

// phasesText lists a relationship's phases: "Dating from 2018; engaged
// from 2022".
func phasesText(r *data.Relationship) string {
	parts := make([]string, len(r.Phases))
	for i, ph := range r.Phases {
		parts[i] = strings.ToLower(statusText(ph.Status)) + " from " + ph.From.Human()
	}
	text := strings.Join(parts, "; ")
	return strings.ToUpper(text[:1]) + text[1:]
}

// endingText says how a relationship ended: "Split late 2023; Imogen Poots
// ended it", or "Ongoing".
func endingText(r *data.Relationship, names map[string]string) string {
	if r.End == nil {
		return "Ongoing"
	}
	text := endText(r.End.KindOrDefault()) + " " + r.End.Date.Human()
	if r.End.Initiator != "" {
		text += "; " + names[r.End.Initiator] + " ended it"
	}
	return text
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

func quotesText(n int) string {
	if n == 0 {
		return "None"
	}
	return count(n, "quote", "quotes")
}
