package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// A listView is the timeline as tables: one row per relationship, one per
// event, each a link to its details. It is what screen reader users and
// readers who prefer text get with "List view", and what a printout adds
// under the chart (see timelinePage.drawsListView).
type listView struct {
	shown  *data.Timeline // the view's relationships
	events []*data.Event  // the view's events, by date
	people *timelinePeople
	// withEvents draws the events table too: the events list under the
	// chart has every event, which the list view replaces, and its copy
	// for print leaves the events to it.
	withEvents                    bool
	relationshipsMore, eventsMore showMore
	// details is the link of the view without details, which each row
	// links to with its own open.
	details string
}

func (l listView) render() goapp.UI {
	relationships := l.shown.Relationships[:l.relationshipsMore.shown]
	events := l.events[:l.eventsMore.shown]
	names := l.people.names
	return goapp.Section().Class("list-view").Aria("labelledby", listViewHeadingID).Body(
		goapp.H2().ID(listViewHeadingID).Text(relationshipsTitle()),
		goapp.Table().Class("list-view__table").Body(
			goapp.Caption().Class("visually-hidden").Text(relationshipsAbout()),
			renderColumns(relationshipColumns()),
			goapp.TBody().Body(
				goapp.Range(relationships).Slice(func(i int) goapp.UI {
					r := &relationships[i]
					id := relationshipRowID(r.ID)
					return goapp.Tr().Body(
						goapp.Th().Scope("row").Body(
							goapp.A().ID(id).Class("list-view__open").Href(itemLink(l.details, "rel", r.ID)).
								Body(l.people.pair(r)...),
						),
						goapp.Td().Text(phasesText(r)),
						goapp.Td().Text(endingText(r, names)),
						goapp.Td().Text(certaintyText(r.CertaintyOrDefault())),
						goapp.Td().Text(quotesText(evidenceCount(r))),
					)
				}),
			),
		),
		l.relationshipsMore.render(),
		goapp.If(l.withEvents && len(l.events) > 0, func() goapp.UI {
			return goapp.Table().Class("list-view__table").Body(
				goapp.Caption().Class("list-view__caption").Text(eventsHeading()),
				renderColumns(eventColumns()),
				goapp.TBody().Body(
					goapp.Range(events).Slice(func(i int) goapp.UI {
						e := events[i]
						id := eventRowID(e.ID)
						return goapp.Tr().Body(
							goapp.Td().Text(dateText(e.Date)),
							goapp.Th().Scope("row").Body(
								goapp.A().ID(id).Class("list-view__open").Href(itemLink(l.details, "event", e.ID)).
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
		goapp.If(l.withEvents, l.eventsMore.render),
	)
}

// pair is the two people of r, each with their colour, as the language
// pairs them (pairText): "Lily Allen & David Harbour", "Lily Allen y
// David Harbour".
func (p *timelinePeople) pair(r *data.Relationship) []goapp.UI {
	const person, partner = "\x00", "\x01"
	before, rest, _ := strings.Cut(words().Text("pair", "Person", person, "Partner", partner), person)
	between, after, _ := strings.Cut(rest, partner)
	var ui []goapp.UI
	text := func(s string) {
		if s != "" { // no empty text node, which the takeover would not find
			ui = append(ui, goapp.Text(s))
		}
	}
	text(before)
	ui = append(ui, personName(p.colors[r.People[0]], p.names[r.People[0]])...)
	text(between)
	ui = append(ui, personName(p.colors[r.People[1]], p.names[r.People[1]])...)
	text(after)
	return ui
}

// evidenceCount is how many quotes back a relationship, its phases, its
// end and the accounts of their dates, and how many of them were verified
// against their source.
func evidenceCount(r *data.Relationship) (n, verified int) {
	r.EachEvidence(func(ev data.Evidence) {
		n++
		if ev.Verified {
			verified++
		}
	})
	return n, verified
}

// renderColumns is the head of a table, with a column of each heading.
func renderColumns(headings []string) goapp.UI {
	return goapp.THead().Body(goapp.Tr().Body(
		goapp.Range(headings).Slice(func(i int) goapp.UI {
			return goapp.Th().Scope("col").Text(headings[i])
		}),
	))
}
