package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// renderLegend explains every mark the chart uses: the colour of each
// status, the line of each certainty, fading for uncertain dates, ongoing
// relationships and event markers.
func renderLegend() goapp.UI {
	item := func(swatch goapp.UI, text string) goapp.UI {
		return goapp.Li().Class("legend__item").Body(swatch, goapp.Span().Text(text))
	}
	swatch := func(classes ...string) goapp.UI {
		return goapp.Span().Class(append([]string{"legend__swatch"}, classes...)...).Aria("hidden", ariaTrue)
	}
	return goapp.Aside().Class("legend").Aria("label", "Legend").Body(
		goapp.Ul().Class("legend__list").Body(
			item(swatch("segment--dating"), "Dating"),
			item(swatch("segment--engaged"), "Engaged"),
			item(swatch("segment--married"), "Married"),
			item(swatch("legend__swatch--reported"), "Reported (dashed)"),
			item(swatch("legend__swatch--rumoured"), "Rumoured (dotted)"),
			item(swatch("legend__swatch--fade"), "Date known only roughly (fades)"),
			item(swatch("legend__swatch--ongoing"), "Ongoing"),
			item(goapp.Span().Class("legend__marker").Aria("hidden", ariaTrue).Text("1"), "Event (numbered below)"),
		),
	)
}
