package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// listPage is how many items a long list under the chart draws at first,
// and how many more each press of its "Show more" button adds: a timeline
// of thousands of events must not put thousands of elements in the page
// before the reader asks for them.
const listPage = 50

// Lists drawn a page at a time.
const (
	relationshipRows = "relationship-rows"
	eventRows        = "event-rows"
	eventItems       = "events"
	couplesAsOf      = "couples"
)

// shown is how many of total items the named list draws.
func (p *TimelinePage) shown(list string, total int) int {
	n, ok := p.listLengths[list]
	if !ok {
		n = listPage
	}
	return min(n, total)
}

// renderShowMore is the button under the named list that draws listPage
// more of its total items, or nothing when all are drawn. It keeps the
// focus, so that a keyboard reader can press it again.
func (p *TimelinePage) renderShowMore(list, one, many string, total int) goapp.UI {
	shown := p.shown(list, total)
	if shown >= total {
		return nil
	}
	more := min(listPage, total-shown)
	return goapp.P().Class("show-more").Body(
		goapp.Button().ID("show-more-"+list).Class("show-more__button").
			OnClick(func(ctx goapp.Context, e goapp.Event) {
				if p.listLengths == nil {
					p.listLengths = map[string]int{}
				}
				p.listLengths[list] = shown + more
			}, goapp.EventScope(list)).
			Text("Show "+count(more, "more "+one, "more "+many)),
		goapp.Span().Class("show-more__count").Text(strconv.Itoa(shown)+" of "+strconv.Itoa(total)+" shown"),
	)
}
