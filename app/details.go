package app

import (
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderDetails is the panel of the chosen relationship or event: its
// people, phases, ending, certainty and every piece of evidence. Escape or
// the close button closes it.
func renderDetails(t *data.Timeline, names map[string]string, s ViewState, onClose func(goapp.Context)) goapp.UI {
	var body []goapp.UI
	switch {
	case s.Relationship != "":
		r, ok := t.Relationship(s.Relationship)
		if !ok {
			return nil
		}
		body = relationshipDetails(t, r, names)
	case s.Event != "":
		e, ok := t.Event(s.Event)
		if !ok {
			return nil
		}
		body = eventDetails(t, e, names)
	}
	closeButton := goapp.Button().Class("details__close").
		Aria("label", "Close details").
		OnClick(func(ctx goapp.Context, e goapp.Event) { onClose(ctx) }).
		Text("×")
	return goapp.Section().Class("details").ID(detailsID).
		Aria("label", "Details").
		TabIndex(-1).
		OnKeyDown(func(ctx goapp.Context, e goapp.Event) {
			if e.Get("key").String() == "Escape" {
				onClose(ctx)
				return
			}
			ctx.PreventUpdate()
		}).
		Body(append([]goapp.UI{closeButton}, body...)...)
}

func relationshipDetails(t *data.Timeline, r *data.Relationship, names map[string]string) []goapp.UI {
	ui := []goapp.UI{
		goapp.H2().Class("details__title").Text(names[r.People[0]] + " & " + names[r.People[1]]),
		goapp.P().Class("details__certainty", "certainty--"+string(r.CertaintyOrDefault())).
			Text(certaintyText(r.CertaintyOrDefault())),
		renderEvidence(t, r.Evidence),
	}
	phases := make([]goapp.UI, 0, len(r.Phases)+1)
	for i := range r.Phases {
		p := &r.Phases[i]
		text := statusText(p.Status) + " from " + p.From.Human()
		if c := p.CertaintyIn(r); c != r.CertaintyOrDefault() {
			text += " (" + string(c) + ")"
		}
		phases = append(phases, goapp.Li().Class("details__phase", "details__phase--"+string(p.Status)).Body(
			goapp.P().Text(text),
			renderEvidence(t, p.Evidence),
		))
	}
	if end := r.End; end != nil {
		text := endText(end.KindOrDefault()) + " " + end.Date.Human()
		if end.Certainty != "" && end.Certainty != data.Confirmed {
			text += " (" + string(end.Certainty) + ")"
		}
		phases = append(phases, goapp.Li().Class("details__phase", "details__phase--end").Body(
			goapp.P().Text(text),
			goapp.If(end.Initiator != "", func() goapp.UI {
				return goapp.P().Text(names[end.Initiator] + " ended it.")
			}),
			goapp.If(end.Reason != "", func() goapp.UI {
				return goapp.P().Text("Reason given: " + end.Reason)
			}),
			renderEvidence(t, end.Evidence),
		))
	} else {
		phases = append(phases, goapp.Li().Class("details__phase", "details__phase--ongoing").Body(goapp.P().Text("Ongoing")))
	}
	return append(ui, goapp.Ol().Class("details__phases").Body(phases...))
}

func eventDetails(t *data.Timeline, e *data.Event, names map[string]string) []goapp.UI {
	people := make([]string, len(e.People))
	for i, id := range e.People {
		people[i] = names[id]
	}
	return []goapp.UI{
		goapp.H2().Class("details__title").Text(e.Title),
		goapp.P().Class("details__meta").Text(eventKindText(e.Kind) + " · " + e.Date.Human() + " · " + strings.Join(people, ", ")),
		goapp.If(e.Quote != "", func() goapp.UI {
			return goapp.Blockquote().Class("details__quote").Text(e.Quote)
		}),
		renderEvidence(t, e.Evidence),
	}
}

// renderEvidence lists quotes with their sources. Only http and https
// links are ever made clickable.
func renderEvidence(t *data.Timeline, list []data.Evidence) goapp.UI {
	if len(list) == 0 {
		return nil
	}
	return goapp.Ul().Class("evidence").Body(
		goapp.Range(list).Slice(func(i int) goapp.UI {
			ev := list[i]
			source, _ := t.Source(ev.Source)
			return goapp.Li().Class("evidence__item").Body(
				goapp.Q().Class("evidence__quote").Text(ev.Quote),
				goapp.Text(" — "),
				renderSourceName(source),
			)
		}),
	)
}

// renderSourceName is a source's outlet and title, linked when its URL is
// a web address.
func renderSourceName(s *data.Source) goapp.UI {
	if s == nil {
		return nil
	}
	name := s.Outlet
	if s.Title != "" {
		name += ", “" + s.Title + "”"
	}
	if data.IsWebURL(s.URL) {
		return goapp.A().Class("source").Href(attr(s.URL)).Rel("noopener noreferrer").Target("_blank").Text(name)
	}
	return goapp.Cite().Class("source").Text(name)
}

func statusText(s data.Status) string {
	switch s {
	case data.Engaged:
		return "Engaged"
	case data.Married:
		return "Married"
	}
	return "Dating"
}

func endText(k data.EndKind) string {
	switch k {
	case data.Divorce:
		return "Divorced"
	case data.Death:
		return "Ended by death"
	}
	return "Split"
}

func certaintyText(c data.Certainty) string {
	switch c {
	case data.Reported:
		return "Reported, not confirmed"
	case data.Rumoured:
		return "Rumoured"
	}
	return "Confirmed"
}

func eventKindText(k data.EventKind) string {
	switch k {
	case data.Interview:
		return "Interview"
	case data.Sighting:
		return "Sighting"
	case data.Statement:
		return "Statement"
	}
	return "Event"
}
