package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderCursorPanel lists who was with whom on the cursor's date, and how
// sure that is, in a live region so that screen readers hear it change.
func (p *TimelinePage) renderCursorPanel() goapp.UI {
	at := p.view.state.At
	if at.IsZero() {
		return goapp.Div().Class("as-of", "as-of--empty").Aria("live", "polite")
	}
	all := CouplesAt(p.view.shown, at.Earliest)
	couples := all[:p.shown(couplesAsOf, len(all))]
	return goapp.Div().Class("as-of").Aria("live", "polite").Body(
		goapp.H2().Class("as-of__title").Text(asOfTitle(at)),
		goapp.If(len(all) == 0, func() goapp.UI {
			return goapp.P().Class("as-of__none").Text(nobodyTogether)
		}).Else(func() goapp.UI {
			return goapp.Ul().Class("as-of__list").Body(
				goapp.Range(couples).Slice(func(i int) goapp.UI {
					c := couples[i]
					r := c.Relationship
					classes := []string{"as-of__item", "as-of__item--" + string(c.State.Status)}
					if !c.State.Sure() || c.State.Certainty != data.Confirmed {
						classes = append(classes, "as-of__item--uncertain")
					}
					return goapp.Li().Class(classes...).Body(
						goapp.Span().Class("as-of__pair").Body(p.pair(r)...),
						goapp.Span().Class("as-of__state").Text(coupleText(c)),
					)
				}),
			)
		}),
		p.renderShowMore(couplesAsOf, len(all)),
	)
}
