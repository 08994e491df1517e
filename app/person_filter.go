package app

import (
	"maps"
	"net/url"
	"slices"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// maxOptions is how many matching names the filter lists at once: enough
// to choose from, few enough to stay quick with thousands of people.
const maxOptions = 12

// maxQuoted is how many characters of a name sent the page quotes back.
const maxQuoted = 60

// personFilter chooses the people whose relationships the chart shows: a
// combobox that finds people as the reader types, with the chosen ones as
// removable chips and a Clear button. It follows the WAI-ARIA combobox
// pattern: arrow keys move through the options, Enter chooses, Escape
// closes. The chips and Clear are links to the view without them, which
// work before the WebAssembly does, and which the page follows in place
// after (see timelinePage.onLinkClick); so is the search box, a form on
// the server's page that sends the name typed (find=, see findPerson).
type personFilter struct {
	goapp.Compo

	IIndex  *peopleIndex
	INames  map[string]string
	IColors map[string]int
	// IView is the view shown, whose People are chosen.
	IView     ViewState
	IOnChange func(ctx goapp.Context, ids []string)

	query string
	// edited is set once the reader typed: the box then shows query,
	// and before, the name sent (find=) that the page was opened with.
	edited bool
	open   bool
	active int
	// quietFocus is set while the page itself moves the focus to the
	// search box, which then stays closed.
	quietFocus bool
}

func newPersonFilter() *personFilter { return &personFilter{} }

// People sets whom the filter can find, and everyone's names and colours
// by id.
func (f *personFilter) People(ix *peopleIndex, names map[string]string, colors map[string]int) *personFilter {
	f.IIndex, f.INames, f.IColors = ix, names, colors
	return f
}

// View sets the view shown, whose People are chosen.
func (f *personFilter) View(s ViewState) *personFilter {
	f.IView = s
	return f
}

// OnChange sets what happens when the reader changes the choice.
func (f *personFilter) OnChange(h func(ctx goapp.Context, ids []string)) *personFilter {
	f.IOnChange = h
	return f
}

func (f *personFilter) options() []personMatch {
	if !f.open || f.IIndex == nil {
		return nil
	}
	return f.IIndex.search(f.query, f.IView.People, maxOptions)
}

// aliasMatched shows, after a name, the alias the reader's words matched:
// "Lily Allen (Lily Rose Cooper)".
func aliasMatched(alias string) goapp.UI {
	if alias == "" {
		return nil
	}
	return goapp.Span().Class("filter__alias").Text(aliasText(alias))
}

func (f *personFilter) Render() goapp.UI {
	options := f.options()
	active := ""
	if f.active < len(options) {
		active = optionID(options[f.active].Person.ID)
	}
	chosen := f.IView.People
	found := f.renderFound()
	described, autofocus := "", ""
	if found != nil {
		described, autofocus = personFoundID, "autofocus"
	}
	body := []goapp.UI{
		goapp.Label().Class("filter__label").For(personSearchID).Text(filterLabel()),
		// The box and its buttons, on one line where there is room.
		goapp.Div().Class("filter__row").Body(goapp.Div().Class("filter__box").Body(
			goapp.Ul().Class("filter__chosen").Aria("label", filterChosenLabel()).Body(
				goapp.Range(chosen).Slice(func(i int) goapp.UI {
					id := chosen[i]
					return goapp.Li().Body(
						goapp.A().Class("chip").
							Href(f.IView.withPeople(append(slices.Clip(chosen[:i]), chosen[i+1:]...)).link()).
							DataSet("person", id).
							Aria("label", attr(removePersonLabel(f.INames[id]))).
							OnClick(f.onLeave).
							Body(append(personName(f.IColors[id], f.INames[id]), goapp.Span().Class("chip__x").Aria("hidden", ariaTrue).Text("×"))...),
					)
				}),
			),
			goapp.Input().ID(personSearchID).Class("filter__input").
				Type("search").
				Name(FindParameter).
				MaxLength(maxFind).
				Role("combobox").
				AutoComplete(false).
				Placeholder(filterPlaceholder()).
				Aria("autocomplete", "list").
				Aria("expanded", ariaBool(f.open)).
				Aria("controls", personOptionsID).
				Aria("activedescendant", active).
				Aria("describedby", described).
				// Where the reader fixes a name the page found nobody for. Not
				// AutoFocus(false): go-app writes autofocus="false", which is
				// autofocus.
				Attr("autofocus", autofocus).
				Value(attr(f.text())).
				OnInput(f.onInput).
				OnFocus(f.onFocus).
				OnBlur(func(ctx goapp.Context, e goapp.Event) { f.open = false }).
				OnKeyDown(f.onKey),
			goapp.If(f.open, func() goapp.UI {
				return goapp.Ul().ID(personOptionsID).Class("filter__options").Role("listbox").Aria("label", filterOptionsLabel()).Body(
					goapp.Range(options).Slice(func(i int) goapp.UI {
						id, alias := options[i].Person.ID, options[i].Alias
						classes := []string{"filter__option"}
						if i == f.active {
							classes = append(classes, "filter__option--active")
						}
						return goapp.Li().ID(optionID(id)).Class(classes...).
							Role("option").
							Aria("selected", ariaBool(i == f.active)).
							DataSet("person", id).
							OnMouseDown(func(ctx goapp.Context, e goapp.Event) {
								e.PreventDefault() // keep the focus in the input
								f.choose(ctx, id)
							}, goapp.EventScope(id)).
							Body(append(personName(f.IColors[id], f.INames[id]), aliasMatched(alias))...)
					}),
					goapp.If(len(options) == 0, func() goapp.UI {
						return goapp.Li().Class("filter__none").Role("option").Aria("disabled", ariaTrue).
							Text(nobodyCalled(f.query))
					}),
				)
			}),
		),
			goapp.If(goapp.IsServer, func() goapp.UI {
				return goapp.Button().Type("submit").Class("button", "filter__submit").Text(filterSubmitLabel())
			}).Else(func() goapp.UI {
				return goapp.Button().Type("button").Class("button", "filter__submit").OnClick(f.onSend).Text(filterSubmitLabel())
			}),
			goapp.If(len(chosen) > 0, func() goapp.UI {
				return goapp.A().Class("button", "filter__clear").
					Href(f.IView.withPeople(nil).link()).
					OnClick(f.onLeave).
					Text(filterClearLabel())
			}),
		),
		goapp.If(goapp.IsServer, f.renderViewFields),
		found,
		goapp.P().Class("visually-hidden").Aria("live", "polite").Text(f.announcement(options)),
	}
	// The server's page has a form that sends the name typed (find=) with
	// the rest of the view, which the server answers with the view of the
	// person it names: the filter works before the WebAssembly does, or
	// without it. The WebAssembly's has none, and Enter and the button
	// choose in place (onKey, send): go-app runs the handlers of events
	// in its own goroutine, which may be waiting for the API, too late to
	// keep a form from being sent.
	if goapp.IsServer {
		return goapp.Form().Class("filter").Role("search").Method("get").Body(body...)
	}
	return goapp.Div().Class("filter").Role("search").Body(body...)
}

// renderViewFields are the form's hidden fields: the rest of the view
// that a name sent adds a person to, as a link to it would give it (the
// people chosen, the zoom, an embed's title=0 and theme…).
func (f *personFilter) renderViewFields() goapp.UI {
	q, _ := url.ParseQuery(f.IView.withPeople(f.IView.People).link()[1:])
	names := slices.Sorted(maps.Keys(q))
	return goapp.Range(names).Slice(func(i int) goapp.UI {
		return goapp.Input().Type("hidden").Name(names[i]).Value(attr(q.Get(names[i])))
	})
}

// renderFound says what the name the reader sent (find=) finds, when the
// page shows no one for it: links to the people it may mean, each the
// view with that person added, or that nobody is called so. The server
// answers a name that finds one person with that person's view; the page
// of a static export, which no server answers, lists that one.
func (f *personFilter) renderFound() goapp.UI {
	sent := f.IView.Find
	if sent == "" || f.IIndex == nil {
		return nil
	}
	id, choices := f.IIndex.findPerson(sent, f.IView.People, maxOptions)
	switch {
	case slices.Contains(f.IView.People, id):
		return nil // shown already
	case id != "":
		choices = []personMatch{{Person: &data.Person{ID: id}}}
	}
	message := nobodyFound(shortened(sent, maxQuoted))
	if len(choices) > 0 {
		message = mayMean(shortened(sent, maxQuoted), len(choices), maxOptions)
	}
	return goapp.Div().ID(personFoundID).Class("filter__found").Body(
		goapp.P().Class("filter__found-text").Text(message),
		goapp.If(len(choices) > 0, func() goapp.UI {
			return goapp.Ul().Class("filter__choices").Body(
				goapp.Range(choices).Slice(func(i int) goapp.UI {
					id, alias := choices[i].Person.ID, choices[i].Alias
					return goapp.Li().Body(
						goapp.A().Class("filter__choice").
							Href(f.IView.withPeople(append(slices.Clip(f.IView.People), id)).link()).
							DataSet("person", id).
							OnClick(f.onChoice).
							Body(append(personName(f.IColors[id], f.INames[id]), aliasMatched(alias))...),
					)
				}),
			)
		}),
	)
}

// announcement tells screen reader users how many people match.
func (f *personFilter) announcement(options []personMatch) string {
	if !f.open || f.query == "" {
		return ""
	}
	return matchesText(len(options), maxOptions)
}

// text is what the search box holds: what the reader typed, else the
// name they sent (find=), which the server's page shows there too.
func (f *personFilter) text() string {
	if f.edited {
		return f.query
	}
	return f.IView.Find
}

func (f *personFilter) onInput(ctx goapp.Context, e goapp.Event) {
	f.query, f.edited = ctx.JSSrc().Get("value").String(), true
	f.open, f.active = true, 0
}

func (f *personFilter) onFocus(ctx goapp.Context, e goapp.Event) {
	if f.quietFocus {
		f.quietFocus = false
		return
	}
	f.open, f.active = true, 0
}

// focusSearch moves the focus to the search box, closed, when what had it
// goes away: a removed chip, the Clear button once nobody is chosen.
func (f *personFilter) focusSearch() {
	if el := goapp.Window().GetElementByID(personSearchID); el.Truthy() {
		f.quietFocus = true
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}

func (f *personFilter) onKey(ctx goapp.Context, e goapp.Event) {
	options := f.options()
	switch e.Get("key").String() {
	case "ArrowDown":
		e.PreventDefault()
		if !f.open {
			f.open, f.active = true, 0
			return
		}
		f.active = min(f.active+1, max(len(options)-1, 0))
	case "ArrowUp":
		e.PreventDefault()
		f.active = max(f.active-1, 0)
	case "Enter":
		e.PreventDefault()
		if f.active < len(options) {
			f.choose(ctx, options[f.active].Person.ID)
			return
		}
		f.send(ctx)
	case "Escape":
		if f.open {
			f.open = false
		} else {
			f.clearInput()
		}
	case "Backspace":
		if chosen := f.IView.People; f.query == "" && len(chosen) > 0 {
			f.change(ctx, chosen[:len(chosen)-1])
		}
	default:
		ctx.PreventUpdate()
	}
}

// onSend is the Find button's click: the WebAssembly finds the name as
// the server would have (send).
func (f *personFilter) onSend(ctx goapp.Context, e goapp.Event) {
	f.send(ctx)
}

// send chooses the person the text in the box names, as the server
// answers the form (findPerson); when it names nobody, or more than one,
// the list opens on whom it may mean, or on "Nobody called…".
func (f *personFilter) send(ctx goapp.Context) {
	f.query, f.edited = f.text(), true
	id, _ := f.IIndex.findPerson(f.query, f.IView.People, maxOptions)
	switch {
	case id == "":
		focus(personSearchID) // from the button
		f.open, f.active = true, 0
	case slices.Contains(f.IView.People, id):
		f.clearInput() // shown already
		f.open = false
	default:
		f.choose(ctx, id)
	}
}

func (f *personFilter) choose(ctx goapp.Context, id string) {
	f.clearInput()
	f.open = false
	f.change(ctx, append(slices.Clip(f.IView.People), id))
}

// clearInput empties the search box. go-app removes an empty value
// attribute rather than setting the property, which leaves the typed text,
// so the element is cleared directly.
func (f *personFilter) clearInput() {
	f.query, f.active = "", 0
	if el := goapp.Window().GetElementByID(personSearchID); el.Truthy() {
		el.Set("value", "")
	}
}

// onLeave moves the focus to the search box as a chip or Clear is
// followed, since they go away: the page changes the filter (see
// timelinePage.onLinkClick).
func (f *personFilter) onLeave(ctx goapp.Context, e goapp.Event) {
	ctx.PreventUpdate()
	f.focusSearch()
}

// onChoice empties the search box as one of the people a name sent may
// mean is followed (see renderFound), and keeps the focus there.
func (f *personFilter) onChoice(ctx goapp.Context, e goapp.Event) {
	f.clearInput()
	f.onLeave(ctx, e)
}

func (f *personFilter) change(ctx goapp.Context, ids []string) {
	if f.IOnChange != nil {
		f.IOnChange(ctx, ids)
	}
}
