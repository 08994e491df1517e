package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// listPage is how many items a long list under the chart draws at first,
// and how many more each press of its "Show more" button adds: a timeline
// of thousands of events must not put thousands of elements in the page
// before the reader asks for them.
const listPage = 50

// A longList is a list drawn listPage items at a time; its name is in the
// DOM id of its "Show more" button.
type longList string

// The lists drawn a page at a time.
const (
	relationshipRows longList = "relationship-rows" // the list view's relationships
	eventRows        longList = "event-rows"        // the list view's events
	eventItems       longList = "events"            // the events under the chart
	couplesAsOf      longList = "couples"           // who was with whom, as of the cursor
)

// shown is how many of total items the named list draws.
func (p *TimelinePage) shown(list longList, total int) int {
	n, ok := p.listLengths[list]
	if !ok {
		n = listPage
	}
	return min(n, total)
}

// renderShowMore is the button under the named list that draws listPage
// more of its total items, or nothing when all are drawn. It keeps the
// focus, so that a keyboard reader can press it again.
func (p *TimelinePage) renderShowMore(list longList, total int) goapp.UI {
	shown := p.shown(list, total)
	if shown >= total {
		return nil
	}
	more := min(listPage, total-shown)
	return goapp.P().Class("show-more").Body(
		goapp.Button().ID(showMoreID(list)).Class("show-more__button").
			OnClick(func(ctx goapp.Context, e goapp.Event) {
				if p.listLengths == nil {
					p.listLengths = map[longList]int{}
				}
				p.listLengths[list] = shown + more
			}, goapp.EventScope(list)).
			Text(showMoreText(more, list)),
		goapp.Span().Class("show-more__count").Text(shownText(shown, total)),
	)
}
