package app

import (
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// renderDetails is the panel of the chosen relationship or event: its
// people, phases, ending, certainty and every piece of evidence. Escape or
// the close button, a link to the view without it, closes it.
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
	closeButton := goapp.A().Class("details__close").
		Href(s.withoutDetails().link()).
		Aria("label", closeDetailsLabel()).
		Text("×")
	return goapp.Section().Class("details").ID(detailsID).
		Aria("label", detailsLabel()).
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
		goapp.H2().Class("details__title").Text(pairText(r, names)),
		goapp.P().Class("details__certainty", "certainty--"+string(r.CertaintyOrDefault())).
			Text(certaintyText(r.CertaintyOrDefault())),
		renderEvidence(t, r.Evidence),
	}
	phases := make([]goapp.UI, 0, len(r.Phases)+1)
	for i := range r.Phases {
		p := &r.Phases[i]
		phases = append(phases, goapp.Li().Class("details__phase", "details__phase--"+string(p.Status)).Body(
			goapp.P().Text(phaseDetailsText(p, r)),
			renderAccounts(t, p.From, p.Evidence, p.Alternatives),
		))
	}
	if end := r.End; end != nil {
		phases = append(phases, goapp.Li().Class("details__phase", "details__phase--end").Body(
			goapp.P().Text(endDetailsText(end)),
			goapp.If(end.Initiator != "", func() goapp.UI {
				return goapp.P().Text(endedBySentence(names[end.Initiator]))
			}),
			goapp.If(end.Reason != "", func() goapp.UI {
				return goapp.P().Text(reasonText(end.Reason))
			}),
			renderAccounts(t, end.Date, end.Evidence, end.Alternatives),
		))
	} else {
		ongoing := capitalized(togetherAsOfText(r))
		if ongoing == "" {
			ongoing = ongoingLabel()
		}
		phases = append(phases, goapp.Li().Class("details__phase", "details__phase--ongoing").Body(goapp.P().Text(ongoing)))
	}
	return append(ui, goapp.Ol().Class("details__phases").Body(phases...))
}

func eventDetails(t *data.Timeline, e *data.Event, names map[string]string) []goapp.UI {
	return []goapp.UI{
		goapp.H2().Class("details__title").Text(e.Title),
		goapp.P().Class("details__meta").Text(eventDetailsFacts(e, names)),
		goapp.If(e.Quote != "", func() goapp.UI {
			return goapp.Blockquote().Class("details__quote").Text(e.Quote)
		}),
		renderEvidence(t, e.Evidence),
	}
}

// renderAccounts is the evidence of a date; where accounts of it differ,
// each account in turn, its date and the quotes it stands on, the
// date's own first.
func renderAccounts(t *data.Timeline, date data.Date, evidence []data.Evidence, alternatives []data.Account) goapp.UI {
	if len(alternatives) == 0 {
		return renderEvidence(t, evidence)
	}
	account := func(d data.Date, inferred bool, evidence []data.Evidence) goapp.UI {
		return goapp.Li().Class("accounts__item").Body(
			goapp.P().Class("accounts__date").Text(accountText(d, inferred)),
			renderEvidence(t, evidence),
		)
	}
	return goapp.Div().Class("accounts").Body(
		goapp.P().Class("accounts__heading").Text(accountsHeading()),
		goapp.Ul().Class("accounts__list").Body(
			account(date, false, evidence),
			goapp.Range(alternatives).Slice(func(i int) goapp.UI {
				a := &alternatives[i]
				return account(a.Date, a.Inferred, a.Evidence)
			}),
		),
	)
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
				// The quotation marks are the page's language's, around
				// the quote in its own direction (see liaison.css).
				goapp.Q().Class("evidence__quote").Body(goapp.Bdi().Text(ev.Quote)),
				goapp.Text(" — "),
				renderSourceName(source),
				goapp.If(ev.Verified && ev.Passage != nil, func() goapp.UI {
					return renderPassage(ev.Passage)
				}),
			)
		}),
	)
}

// renderPassage is the mark of a quote verified against its source, and
// the passage it is in, the sentence before and after, in a details
// element: it opens without the WebAssembly, and is text, never HTML.
func renderPassage(p *data.Passage) goapp.UI {
	return goapp.Div().Class("evidence__verified").Body(
		goapp.Span().Class("verified").Title(verifiedTitle()).Body(
			goapp.Span().Class("verified__mark").Aria("hidden", "true").Text("✓"),
			goapp.Text(" "+verifiedLabel()),
		),
		goapp.Details().Class("evidence__context").Body(
			goapp.Summary().Text(inContextLabel()),
			goapp.P().Class("evidence__passage").Body(
				goapp.If(p.Before != "", func() goapp.UI { return goapp.Text(p.Before + " ") }),
				goapp.Mark().Text(p.Quote),
				goapp.If(p.After != "", func() goapp.UI { return goapp.Text(" " + p.After) }),
			),
		),
	)
}

// renderSourceName is a source's outlet and title, linked when its URL is
// a web address.
func renderSourceName(s *data.Source) goapp.UI {
	if s == nil {
		return nil
	}
	name := sourceText(s)
	if data.IsWebURL(s.URL) {
		return goapp.A().Class("source").Href(attr(s.URL)).Rel("noopener noreferrer").Target("_blank").Text(name)
	}
	return goapp.Cite().Class("source").Text(name)
}
