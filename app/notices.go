package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderNotices says whom the chart of the view v is filtered to, what of
// its URL it could not use, and which people of it the timeline does not
// have, and shows problems, the errors of the timeline's file, while its
// last good version is shown.
func renderNotices(problems []string, v *timelineView) goapp.UI {
	var notes []goapp.UI
	s := v.state
	if len(problems) > 0 {
		notes = append(notes, goapp.Div().Class("notice", "notice--problem", "notice--file").Role("alert").Body(
			goapp.P().Text(fileProblemsHeading()),
			goapp.Ul().Body(goapp.Range(problems).Slice(func(i int) goapp.UI {
				return goapp.Li().Text(problems[i])
			})),
		))
	}
	if text := unusableText(s); text != "" {
		notes = append(notes, goapp.P().Class("notice", "notice--problem").Text(text))
	}
	if len(v.unknown) > 0 {
		notes = append(notes, goapp.P().Class("notice", "notice--problem").Text(unknownPeopleText(v.unknown, len(s.People) == 0)))
	}
	if len(s.People) > 0 {
		notes = append(notes, goapp.P().Class("notice").Text(showingText(peopleText(s.People, v.people.names))))
	}
	return goapp.Div().Class("notices").Aria("live", "polite").Body(notes...)
}
