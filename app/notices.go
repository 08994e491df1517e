package app

import (
	"errors"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
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
			goapp.P().Text("This timeline's file has errors, so this is its last correct version:"),
			goapp.Ul().Body(goapp.Range(problems).Slice(func(i int) goapp.UI {
				return goapp.Li().Text(problems[i])
			})),
		))
	}
	if text := s.UnusableText(); text != "" {
		notes = append(notes, goapp.P().Class("notice", "notice--problem").Text(text))
	}
	if len(v.unknown) > 0 {
		quoted := make([]string, len(v.unknown))
		for i, id := range v.unknown {
			quoted[i] = "“" + id + "”"
		}
		text := "This timeline has nobody called " + strings.Join(quoted, " or ") + "."
		if len(s.People) == 0 {
			text += " Showing everyone."
		}
		notes = append(notes, goapp.P().Class("notice", "notice--problem").Text(text))
	}
	if len(s.People) > 0 {
		names := make([]string, len(s.People))
		for i, id := range s.People {
			names[i] = v.people.names[id]
		}
		notes = append(notes, goapp.P().Class("notice").Text("Showing "+strings.Join(names, ", ")+" and their partners."))
	}
	return goapp.Div().Class("notices").Aria("live", "polite").Body(notes...)
}

// problemText is what a reader is told when a timeline cannot be shown.
func problemText(err error) string {
	var noTimeline *data.UnknownTimelineError
	var noPerson *data.UnknownPersonError
	switch {
	case errors.As(err, &noTimeline):
		return "There is no timeline called “" + noTimeline.ID + "”."
	case errors.As(err, &noPerson):
		return "This timeline has nobody called “" + noPerson.Person + "”."
	}
	return "The timeline could not be loaded: " + err.Error()
}
