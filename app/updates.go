package app

import (
	"slices"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderUpdates is the foot of a timeline's page and of its embed: the
// latest correction or update, and all of them, latest first, in a
// details element that a reader opens on request (without the
// WebAssembly too). Nothing when the timeline has none.
func renderUpdates(t *data.Timeline) goapp.UI {
	latest, ok := t.LatestUpdate()
	if !ok {
		return nil
	}
	return goapp.Section().Class("updates").Aria("label", updatesLabel()).Body(
		goapp.P().Class("updates__latest", "updates__latest--"+string(latest.Kind)).Text(updateText(latest)),
		goapp.If(len(t.Updates) > 1, func() goapp.UI {
			all := latestFirst(t.Updates)
			return goapp.Details().Class("updates__all").Body(
				goapp.Summary().Text(allUpdatesText(len(all))),
				goapp.Ol().Class("updates__list").Body(
					goapp.Range(all).Slice(func(i int) goapp.UI {
						return goapp.Li().Class("updates__item", "updates__item--"+string(all[i].Kind)).Text(updateText(all[i]))
					}),
				),
			)
		}),
	)
}

// latestFirst are the updates by date, the latest first; of one day, the
// one listed last in the file first, as data.Timeline.LatestUpdate has it.
func latestFirst(updates []data.Update) []*data.Update {
	list := make([]*data.Update, len(updates))
	for i := range updates {
		list[len(updates)-1-i] = &updates[i]
	}
	slices.SortStableFunc(list, func(a, b *data.Update) int { return b.Date.Earliest.Compare(a.Date.Earliest) })
	return list
}
