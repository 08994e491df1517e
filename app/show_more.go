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

// A showMore is how much of a long list is drawn: shown of its total
// items, and what draws more of it, which reports how many to draw.
type showMore struct {
	list         longList
	shown, total int
	onMore       func(list longList, n int)
}

// render is the button under the list that draws listPage more of its
// items, or nothing when all are drawn. It keeps the focus, so that a
// keyboard reader can press it again.
func (m showMore) render() goapp.UI {
	if m.shown >= m.total {
		return nil
	}
	more := min(listPage, m.total-m.shown)
	return goapp.P().Class("show-more").Body(
		goapp.Button().ID(showMoreID(m.list)).Class("show-more__button").
			OnClick(func(ctx goapp.Context, e goapp.Event) { m.onMore(m.list, m.shown+more) }, goapp.EventScope(m.list)).
			Text(showMoreText(more, m.list)),
		goapp.Span().Class("show-more__count").Text(shownText(m.shown, m.total)),
	)
}
