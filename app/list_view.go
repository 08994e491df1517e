package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// A listView is the timeline as tables: one row per relationship, one per
// event, each opening its details. It is what screen reader users and
// readers who prefer text get with "List view", and what a printout adds
// under the chart (see timelinePage.drawsListView).
type listView struct {
	shown  *data.Timeline // the view's relationships
	events []*data.Event  // the view's events, by date
	people *timelinePeople
	// withEvents draws the events table too: the events list under the
	// chart has every event, which the list view replaces, and its copy
	// for print leaves the events to it.
	withEvents                      bool
	relationshipsMore, eventsMore   showMore
	onOpenRelationship, onOpenEvent func(ctx goapp.Context, id, opener string)
}

func (l listView) render() goapp.UI {
	relationships := l.shown.Relationships[:l.relationshipsMore.shown]
	events := l.events[:l.eventsMore.shown]
	names := l.people.names
	return goapp.Section().Class("list-view").Aria("labelledby", listViewHeadingID).OnClick(l.onClick).Body(
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
							goapp.Button().ID(id).Class(listOpenClass).Attr("data-relationship", r.ID).
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
				goapp.Caption().Class("list-view__caption").Text(eventsHeading),
				renderColumns(eventColumns),
				goapp.TBody().Body(
					goapp.Range(events).Slice(func(i int) goapp.UI {
						e := events[i]
						id := eventRowID(e.ID)
						return goapp.Tr().Body(
							goapp.Td().Text(e.Date.Human()),
							goapp.Th().Scope("row").Body(
								goapp.Button().ID(id).Class(listOpenClass).Attr("data-event", e.ID).
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

// listOpenClass is the class of the buttons of the rows.
const listOpenClass = "list-view__open"

// onClick opens the details of the relationship or the event of the row
// whose button was clicked. The list view has the one handler rather than
// one per row: drawing or removing the copy that a printout adds, which
// follows every filter, then adds or removes no JavaScript callbacks (50
// of each for a page of rows, a fifth of the DOM calls of a filter at 50
// relationships). The page's handlers it calls are the page's methods, so
// the handler go-app keeps from the first render stays right.
func (l listView) onClick(ctx goapp.Context, e goapp.Event) {
	button := e.Get("target").Call("closest", "button."+listOpenClass)
	if !button.Truthy() {
		ctx.PreventUpdate()
		return
	}
	opener, dataset := button.Get("id").String(), button.Get("dataset")
	switch relationship, event := dataset.Get("relationship"), dataset.Get("event"); {
	case relationship.Truthy():
		l.onOpenRelationship(ctx, relationship.String(), opener)
	case event.Truthy():
		l.onOpenEvent(ctx, event.String(), opener)
	default:
		ctx.PreventUpdate()
	}
}

// pair is the two people of r, each with their colour.
func (p *timelinePeople) pair(r *data.Relationship) []goapp.UI {
	return append(append(personName(p.colors[r.People[0]], p.names[r.People[0]]), goapp.Text(" & ")),
		personName(p.colors[r.People[1]], p.names[r.People[1]])...)
}

// evidenceCount is how many quotes back a relationship, its phases and
// its end.
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
