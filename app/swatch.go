package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// personColors is how many colours people are told apart by, in turn; the
// stylesheet defines them (.swatch--0 …), chosen among colour-blind-safe
// hues, each beside the person's name, never instead of it.
const personColors = 8

// colorsOf gives each person a colour by their place in the whole
// timeline, so that a person keeps theirs in every view and filter.
func colorsOf(ids []string) map[string]int {
	colors := make(map[string]int, len(ids))
	for i, id := range ids {
		colors[id] = i % personColors
	}
	return colors
}

// swatch is a person's colour, shown before their name.
func swatch(color int) goapp.UI {
	return goapp.Span().Class("swatch", "swatch--"+strconv.Itoa(color)).Aria("hidden", ariaTrue)
}

// personName is a person's colour and name.
func personName(color int, name string) []goapp.UI {
	return []goapp.UI{swatch(color), goapp.Text(name)}
}
