package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderLegend explains every mark the chart uses: the colour of each
// status, the line of each certainty, fading for uncertain dates, stripes
// where accounts of a date differ, the end of what the latest source
// says of a relationship that lasted then, and event markers. (The arrow
// of a relationship drawn to today, bar--ongoing, is never drawn from the
// server's data: it sets every ongoing relationship's AsOf.)
func renderLegend() goapp.UI {
	item := func(swatch goapp.UI, text string) goapp.UI {
		return goapp.Li().Class("legend__item").Body(swatch, goapp.Span().Text(text))
	}
	swatch := func(classes ...string) goapp.UI {
		return goapp.Span().Class(append([]string{"legend__swatch"}, classes...)...).Aria("hidden", ariaTrue)
	}
	return goapp.Aside().Class("legend").Aria("label", legendLabel()).Body(
		goapp.Ul().Class("legend__list").Body(
			item(swatch("segment--dating"), capitalized(statusWord(data.Dating))),
			item(swatch("segment--engaged"), capitalized(statusWord(data.Engaged))),
			item(swatch("segment--married"), capitalized(statusWord(data.Married))),
			item(swatch("legend__swatch--reported"), legendReported()),
			item(swatch("legend__swatch--rumoured"), legendRumoured()),
			item(swatch("legend__swatch--fade"), legendFade()),
			item(swatch("legend__swatch--contested"), legendContested()),
			item(swatch("legend__swatch--as-of"), legendAsOf()),
			item(goapp.Span().Class("legend__marker").Aria("hidden", ariaTrue).Text("1"), legendEvent()),
		),
	)
}
