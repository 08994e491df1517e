package app

import (
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// personMarks is how many marks people are told apart by, in turn: the
// stylesheet draws them (.swatch--0 … .swatch--15), eight colours in two
// shapes, each beside the person's name, never instead of it. Mark m has
// colour m % 8 and is a diamond when m%8 + m/8 is odd, a dot otherwise:
// the two people who share a colour differ in shape, and so do the
// colours a colour-blind reader confuses most (see liaison.css).
const personMarks = 16

// colorsOf gives each person a colour by their place in the whole
// timeline, so that a person keeps theirs in every view and filter.
func colorsOf(ids []string) map[string]int {
	colors := make(map[string]int, len(ids))
	for i, id := range ids {
		colors[id] = i % personMarks
	}
	return colors
}

// swatch is a person's colour, shown before their name.
func swatch(color int) goapp.UI {
	return goapp.Span().Class("swatch", "swatch--"+strconv.Itoa(color)).Aria("hidden", ariaTrue)
}

// personName is a person's colour and name. The name is a <bdi>: written
// in its own direction (a Latin name on an Arabic page, an Arabic name on
// an English one) and isolated from the text around it, so that neither
// moves the other's punctuation.
func personName(color int, name string) []goapp.UI {
	return []goapp.UI{swatch(color), goapp.Bdi().Text(name)}
}
