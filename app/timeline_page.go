package app

import (
	"errors"
	"net/url"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// TimelinePage is the full page of one timeline, /t/{id}: heading, chart,
// legend, events, sources, and the details of the item a reader chose.
// ?person=a,b keeps only the relationships and events of those people.
type TimelinePage struct {
	goapp.Compo

	// IID, when set, is the timeline to show, with the query of IURL;
	// otherwise the page's URL names it.
	IID  string
	IURL string

	library Library
	now     func() time.Time

	loaded  string // the URL the view was built for
	problem string // what went wrong, shown instead of the timeline
	view    timelineView

	// selected is the relationship or event whose details are open.
	selected selection
}

// newTimelinePage is a TimelinePage backed by lib.
func newTimelinePage(lib Library, now func() time.Time) *TimelinePage {
	return &TimelinePage{library: lib, now: now}
}

// Show sets the timeline to show, whatever the URL's path, with u's query
// (its person filter).
func (p *TimelinePage) Show(id string, u *url.URL) *TimelinePage {
	p.IID, p.IURL = id, u.String()
	return p
}

// A selection names a relationship or an event.
type selection struct {
	relationship, event string
}

// timelineView is what the page shows of one timeline.
type timelineView struct {
	timeline *data.Timeline // as filtered
	people   []string       // the ?person filter
	layout   LaneLayout
	names    map[string]string
}

// OnInit loads the timeline before the first render. In the browser, go-app
// replaces the prerendered page with the WebAssembly's first render, which
// must already show the timeline rather than flash an empty page; OnInit has
// no context, hence the window's URL. On the server a routed page loads in
// OnNav, which runs before the page is encoded, but a page shown inside
// another (Show) gets no OnNav of its own.
func (p *TimelinePage) OnInit() {
	switch {
	case p.IURL != "":
		if u, err := url.Parse(p.IURL); err == nil {
			p.load(u)
		}
	case goapp.IsClient:
		p.load(goapp.Window().URL())
	}
}

// OnNav loads the timeline for a new URL: on the server for the prerender,
// in the browser when the reader goes back or forward.
func (p *TimelinePage) OnNav(ctx goapp.Context) {
	if p.IID == "" {
		p.load(ctx.Page().URL())
	}
	p.describe(ctx)
}

// OnPreRender sets the page's title and description for the server's HTML.
func (p *TimelinePage) OnPreRender(ctx goapp.Context) {
	p.describe(ctx)
}

// describe sets the page's title and description. go-app calls OnPreRender
// as it mounts the page, before OnNav has loaded the timeline of the URL,
// so OnNav sets them too. Both end up in attributes of the page's head.
func (p *TimelinePage) describe(ctx goapp.Context) {
	ctx.Page().SetTitle(attrText(p.title()))
	if t := p.view.timeline; t != nil && t.Summary != "" {
		ctx.Page().SetDescription(attrText(t.Summary))
	}
}

func (p *TimelinePage) title() string {
	if p.view.timeline == nil {
		return "Liaison"
	}
	return p.view.timeline.Title + " · Liaison"
}

// load builds the view for u unless it is already built.
func (p *TimelinePage) load(u *url.URL) {
	if u.String() == p.loaded {
		return
	}
	p.loaded = u.String()
	p.problem, p.selected = "", selection{}
	view, err := p.buildView(u)
	if err != nil {
		p.problem = Problem(err)
		p.view = timelineView{}
		return
	}
	p.view = view
}

func (p *TimelinePage) buildView(u *url.URL) (timelineView, error) {
	id := p.IID
	if id == "" {
		id = strings.TrimPrefix(u.Path, "/t/")
	}
	t, err := p.library.Timeline(id)
	if err != nil {
		return timelineView{}, err
	}
	people := data.ParsePersonList(u.Query()["person"])
	shown, err := t.Involving(people)
	if err != nil {
		return timelineView{}, err
	}
	names := make(map[string]string, len(t.People))
	for _, person := range t.People {
		names[person.ID] = person.Name
	}
	return timelineView{
		timeline: shown,
		people:   people,
		layout:   NewLaneLayout(shown, p.now()),
		names:    names,
	}, nil
}

// Problem is what a reader is told when a timeline cannot be shown.
func Problem(err error) string {
	var noTimeline *data.UnknownTimelineError
	var noPerson *data.UnknownPersonError
	switch {
	case errors.As(err, &noTimeline):
		return "There is no timeline called “" + noTimeline.ID + "”."
	case errors.As(err, &noPerson):
		return "This timeline has nobody called “" + noPerson.Person + "”. Check the person in the link, or show everyone."
	}
	return "The timeline could not be loaded: " + err.Error()
}

func (p *TimelinePage) Render() goapp.UI {
	if p.problem != "" {
		return goapp.Main().Class("liaison", "liaison--problem").Body(
			goapp.H1().Text("Liaison"),
			goapp.P().Class("problem").Aria("live", "polite").Text(p.problem),
			goapp.P().Body(goapp.A().Href("/").Text("See all timelines")),
		)
	}
	v := p.view
	if v.timeline == nil {
		return goapp.Main().Class("liaison")
	}
	return goapp.Main().Class("liaison").Body(
		goapp.If(goapp.IsServer, renderLoading),
		goapp.Header().Class("liaison__header").Body(
			goapp.H1().Class("liaison__title").Text(v.timeline.Title),
			goapp.If(v.timeline.Summary != "", func() goapp.UI {
				return goapp.P().Class("liaison__summary").Text(v.timeline.Summary)
			}),
			goapp.If(len(v.people) > 0, func() goapp.UI { return p.renderFilterNote() }),
		),
		renderChart(v.layout, p.selected, p.selectRelationship, p.selectEvent),
		renderLegend(),
		goapp.If(p.selected != selection{}, func() goapp.UI {
			return renderDetails(v.timeline, v.names, p.selected, p.closeDetails)
		}),
		renderEventList(v.layout.Events, v.names, p.selectEvent),
		renderSources(v.timeline.Sources),
	)
}

// renderLoading tells readers of the prerendered page that it becomes
// interactive in a moment; the WebAssembly's render leaves it out.
func renderLoading() goapp.UI {
	return goapp.P().Class("liaison__loading").Role("status").Text("Loading the interactive timeline…")
}

func (p *TimelinePage) renderFilterNote() goapp.UI {
	names := make([]string, len(p.view.people))
	for i, id := range p.view.people {
		names[i] = p.view.names[id]
	}
	return goapp.P().Class("liaison__filter").Body(
		goapp.Text("Showing "+strings.Join(names, ", ")+" and their partners. "),
		goapp.A().Href(TimelinePath(p.view.timeline.ID)).Text("Show everyone"),
	)
}

func (p *TimelinePage) selectRelationship(ctx goapp.Context, id string) {
	p.selected = selection{relationship: id}
}

func (p *TimelinePage) selectEvent(ctx goapp.Context, id string) {
	p.selected = selection{event: id}
}

func (p *TimelinePage) closeDetails(ctx goapp.Context) {
	p.selected = selection{}
}
