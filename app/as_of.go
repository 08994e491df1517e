package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderAsOf lists who was with whom on the cursor's date at, of the
// couples then, and how sure that is, in a live region so that screen
// readers hear it change. Without a cursor it is an empty live region,
// which a cursor then fills.
func renderAsOf(at data.Date, couples []couple, people *timelinePeople, more showMore) goapp.UI {
	if at.IsZero() {
		return goapp.Div().Class("as-of", "as-of--empty").Aria("live", "polite")
	}
	shown := couples[:more.shown]
	return goapp.Div().Class("as-of").Aria("live", "polite").Body(
		goapp.H2().Class("as-of__title").Text(asOfTitle(at)),
		goapp.If(len(couples) == 0, func() goapp.UI {
			return goapp.P().Class("as-of__none").Text(nobodyTogether())
		}).Else(func() goapp.UI {
			return goapp.Ul().Class("as-of__list").Body(
				goapp.Range(shown).Slice(func(i int) goapp.UI {
					c := shown[i]
					classes := []string{"as-of__item", "as-of__item--" + string(c.State.Status)}
					if !c.State.Sure() || c.State.Certainty != data.Confirmed {
						classes = append(classes, "as-of__item--uncertain")
					}
					return goapp.Li().Class(classes...).Body(
						goapp.Span().Class("as-of__pair").Body(people.pair(c.Relationship)...),
						goapp.Span().Class("as-of__state").Text(coupleText(c)),
					)
				}),
			)
		}),
		more.render(),
	)
}
