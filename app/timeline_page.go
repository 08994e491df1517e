package app

import (
	"errors"
	"net/url"
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// TimelinePage is the full page of one timeline, /t/{id}: heading, person
// filter, zoomable chart with an "as of" cursor, legend, the details of the
// item a reader chose, events and sources. Everything a reader may share is
// in the URL (see ViewState), so a copied URL reopens the same view, and
// the server prerenders it.
type TimelinePage struct {
	goapp.Compo

	// IID, when set, is the timeline to show, with the query of IURL;
	// otherwise the page's URL names it.
	IID  string
	IURL string

	library Library
	now     func() time.Time
	// embed is set on /embed/{id}: minimal chrome, views that replace
	// the URL (see navigate), and each announced to the site around it.
	embed bool

	loaded   string // the URL the view was built for
	problem  string // what went wrong, shown instead of the timeline
	timeline *data.Timeline
	state    ViewState
	view     timelineView

	// chartWidth is the plot's width in CSS pixels, measured in the
	// browser; 0 on the server.
	chartWidth float64
	// hovered is the DOM id of the bar or marker under the pointer or
	// focus; the lanes of hoveredPeople, its people, are highlighted.
	hovered       string
	hoveredPeople []string
	// lanes are the lanes in the DOM, those near the reader's view (see
	// lane_sight.go).
	lanes plot.LaneWindow
	sight laneSight
	// listLengths are how many items the long lists under the chart draw,
	// by list, when the reader has asked for more than listPage.
	listLengths map[longList]int
	// opener is the DOM id of what opened the details, focused again when
	// they close.
	opener string
	input  chartInput
	// printCopy says whether the current view has rested long enough for
	// the hidden list view that a printout adds to be drawn (see
	// drawPrintCopy).
	printCopy bool
	// sched runs what waits for the view to rest, or for the next frame.
	sched scheduler
	// page is the page's own context, from OnMount. Work deferred after an
	// event (focus, writing the URL) goes through it: an event's context
	// dies with its element, like the close button of the details.
	page    goapp.Context
	mounted bool
	// problems are the errors of the timeline's file, while its last good
	// version is shown; stopWatching ends the updates of the library.
	problems     []string
	stopWatching func()
}

// timelineView is what the page shows of its timeline for its state.
type timelineView struct {
	shown   *data.Timeline // filtered
	unknown []string       // person ids of the URL the timeline lacks
	fit     plot.TimeScale // the window that shows everything
	layout  plot.LaneLayout
	laidOut *data.Timeline // what layout is of

	// What follows depends on the timeline only, and is built once for
	// the timeline of: thousands of people take a while to index, and the
	// person filter compares what it is given on every render.
	of     *data.Timeline
	names  map[string]string
	colors map[string]int // each person's colour, as swatch shows it
	people PeopleIndex
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

// OnNav loads the view of a new URL: on the server for the prerender, in
// the browser when the filter changes or the reader goes back or forward,
// whether the page is routed (/t/{id}) or shown by another (/).
func (p *TimelinePage) OnNav(ctx goapp.Context) {
	p.load(ctx.Page().URL())
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
	if p.timeline != nil && p.timeline.Summary != "" {
		ctx.Page().SetDescription(attrText(p.timeline.Summary))
	}
}

// OnMount measures the chart, whose width decides how many ticks fit.
func (p *TimelinePage) OnMount(ctx goapp.Context) {
	p.page, p.mounted = ctx, true
	ctx.Defer(p.measure)
	p.drawPrintCopy()
	p.watchSight()
	p.page.Dispatch(p.followSight)
	if w, ok := p.library.(Watcher); ok {
		p.stopWatching = w.OnChange(func() {
			p.page.Dispatch(func(goapp.Context) { p.refresh() })
		})
	}
}

// refresh shows the timeline again, in the same view, after its data
// changed on the server.
func (p *TimelinePage) refresh() {
	p.loaded = ""
	p.load(goapp.Window().URL())
}

// OnDismount stops the library's updates and following the reader's
// scrolling.
func (p *TimelinePage) OnDismount() {
	p.mounted = false
	p.sched.stop()
	if p.sight.stop != nil {
		p.sight.stop()
		p.sight.stop = nil
	}
	if p.stopWatching != nil {
		p.stopWatching()
		p.stopWatching = nil
	}
}

// reportView tells the site around an embed that the view has changed.
func (p *TimelinePage) reportView() {
	if p.embed {
		announceView()
	}
}

// later runs f after the page's next render.
func (p *TimelinePage) later(f func()) {
	p.page.Defer(func(goapp.Context) { f() })
}

// OnResize measures the chart again, and which lanes are in view.
func (p *TimelinePage) OnResize(ctx goapp.Context) {
	p.measure(ctx)
	p.page.Dispatch(p.followSight)
}

// measure reads the plot's width, which decides how many ticks fit; the
// layout, in percent of the plot, does not depend on it.
func (p *TimelinePage) measure(ctx goapp.Context) {
	if el := goapp.Window().GetElementByID(chartGridID); el.Truthy() {
		if w := el.Get("clientWidth").Float(); w > 0 && w != p.chartWidth {
			p.chartWidth = w
			ctx.Update()
		}
	}
}

func (p *TimelinePage) title() string {
	if p.timeline == nil {
		return "Liaison"
	}
	return p.timeline.Title + " · Liaison"
}

// path is where the page lives, for the URLs of its views.
func (p *TimelinePage) path() string {
	if p.IID != "" {
		if u, err := url.Parse(p.IURL); err == nil {
			return u.Path
		}
	}
	if u, err := url.Parse(p.loaded); err == nil {
		return u.Path
	}
	return TimelinePath(p.timeline.ID)
}

// viewKey is what of a URL decides the view: its path and query.
func viewKey(u *url.URL) string { return u.Path + "?" + u.RawQuery }

// load builds the view for u unless it is already built.
func (p *TimelinePage) load(u *url.URL) {
	if viewKey(u) == p.loaded {
		return
	}
	p.loaded = viewKey(u)
	p.sched.cancel(writeURLJob) // the URL is the view now
	p.problem = ""
	id := p.IID
	if id == "" {
		id = timelineID(u.Path)
	}
	if id == "" {
		// A page opened from the list of timelines is made while the
		// window is still at /: OnNav brings its own URL.
		return
	}
	s := ParseViewState(u.Query())
	t, err := timelineFor(p.library, id, s.People)
	if err != nil {
		p.problem, p.timeline = Problem(err), nil
		return
	}
	p.timeline = t
	p.problems = p.library.Problems(id)
	p.setState(s)
}

// setState shows the view of s: the filter, zoom window, details and cursor.
func (p *TimelinePage) setState(s ViewState) {
	t := p.timeline
	v := p.view
	if v.of != t {
		v = timelineView{of: t, names: make(map[string]string, len(t.People)), people: NewPeopleIndex(t.People)}
		ids := make([]string, len(t.People))
		for i, person := range t.People {
			v.names[person.ID] = person.Name
			ids[i] = person.ID
		}
		v.colors = colorsOf(ids)
	}
	v.unknown = nil
	var known []string
	for _, id := range s.People {
		if _, ok := t.Person(id); ok {
			known = append(known, id)
		} else {
			v.unknown = append(v.unknown, id)
		}
	}
	s.People = known
	v.shown, _ = t.Involving(known)
	v.fit = plot.Window(v.shown, p.now())
	if _, ok := v.shown.Relationship(s.Relationship); s.Relationship != "" && !ok {
		s = s.without("rel")
	}
	if _, ok := v.shown.Event(s.Event); s.Event != "" && !ok {
		s = s.without("event")
	}
	if !s.At.IsZero() && !v.fit.Contains(s.At.Earliest) {
		s = s.without("at")
	}
	s.From, s.To = windowOf(plot.TimeScale{From: s.From, To: s.To}, v.fit)
	p.state, p.view = s, v
	p.listLengths = nil
	p.relayout()
	p.printCopy = false
	if p.mounted {
		p.drawPrintCopy()
	}
}

// drawPrintCopy draws the hidden list view, which a printout adds under
// the chart, once the view has rested: drawn with the view, it made
// choosing a person a quarter slower, for a copy that nobody sees on
// screen.
func (p *TimelinePage) drawPrintCopy() {
	p.sched.after(p.page, printCopyJob, printDelay, func(ctx goapp.Context) {
		// Kept when there is nothing to draw yet: leaving the list view
		// for the chart then draws the copy at once.
		p.printCopy = true
		if !p.printsList() {
			ctx.PreventUpdate()
		}
	})
}

// relayout lays the chart out for the current window: from scratch for
// a new view (setState), or by moving what is laid out when only the
// window changed, which takes a fraction of the time.
func (p *TimelinePage) relayout() {
	window := p.view.fit
	if !p.state.From.IsZero() {
		window = plot.TimeScale{From: p.state.From, To: p.state.To}
	}
	sameLanes := p.view.laidOut == p.view.shown
	if v := &p.view; sameLanes {
		if old := v.layout.Scale; old.From.Equal(window.From) && old.To.Equal(window.To) {
			return // moving the cursor, opening details: the chart stays
		}
		v.layout.Rescale(window)
	} else {
		v.layout, v.laidOut = plot.NewLaneLayout(v.shown, p.now(), window), v.shown
	}
	p.placeLanes(sameLanes)
}

// window is the time window the chart shows.
func (p *TimelinePage) window() plot.TimeScale { return p.view.layout.Scale }

// navigate moves to the view s as a new history entry: the person filter,
// which Back and Forward restore. OnNav then shows it. What the URL gave
// that the view could not use goes with the view the reader left. An
// embed shows it and replaces its URL instead: an iframe's history
// entries are those of the article around it, whose Back button would
// step through the widget's filters rather than leave the article.
func (p *TimelinePage) navigate(ctx goapp.Context, s ViewState) {
	s.Unusable = nil
	p.sched.cancel(writeURLJob) // a pending replace must not overwrite the new view
	if p.embed {
		// At once, as a page's new entry is: a filter is one choice, not
		// a drag, and a site that keeps the widget's views in its history
		// (embed.js's push) needs each one, however quickly the next came.
		p.setState(s)
		u := s.URL(p.path())
		p.loaded = viewKey(u)
		ctx.Page().ReplaceURL(u)
		p.reportView()
		return
	}
	ctx.NavigateTo(s.URL(p.path()))
}

// replace shows the view s and records it in the URL without a new history
// entry: zooming, panning, details and the cursor, which a reader shares
// but would not want to step back through.
func (p *TimelinePage) replace(ctx goapp.Context, s ViewState) {
	s.Unusable = nil
	p.state = s
	p.relayout()
	p.writeURL(s)
}

// writeURL records the view s in the URL, without a new history entry,
// once the view has rested, and tells the site around an embed.
func (p *TimelinePage) writeURL(s ViewState) {
	u := s.URL(p.path())
	p.loaded = viewKey(u)
	p.sched.after(p.page, writeURLJob, urlDelay, func(ctx goapp.Context) {
		ctx.PreventUpdate() // the page shows the view already
		ctx.Page().ReplaceURL(u)
		p.reportView()
	})
}

// Problem is what a reader is told when a timeline cannot be shown.
func Problem(err error) string {
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

func (p *TimelinePage) Render() goapp.UI {
	if p.problem != "" {
		return goapp.Main().Class(p.classes("liaison--problem")...).DataSet("interactive", goapp.IsClient).Body(
			goapp.H1().Text("Liaison"),
			goapp.P().Class("problem").Aria("live", "polite").Text(p.problem),
			goapp.P().Body(goapp.A().Href(SitePath("/")).Text("See all timelines")),
		)
	}
	if p.timeline == nil {
		return goapp.Main().Class(p.classes()...)
	}
	v, s := &p.view, p.state
	return goapp.Main().Class(p.classes()...).DataSet("theme", s.Theme).DataSet("interactive", goapp.IsClient).Body(
		goapp.If(!p.embed || !s.NoTitle, p.renderHeader),
		goapp.Div().Class("toolbar").Body(
			newPersonFilter().
				People(&v.people, v.names, v.colors).
				Chosen(s.People).
				OnChange(p.filterPeople),
			p.renderZoomControls(),
			goapp.If(!p.embed, func() goapp.UI {
				return newEmbedCode().Timeline(p.timeline.ID, p.timeline.Title).View(s)
			}),
		),
		p.renderNotices(),
		p.renderChart(),
		p.renderCursorPanel(),
		renderLegend(),
		// The list view keeps its place, drawn or not: drawn later (see
		// drawPrintCopy), it would otherwise make go-app draw again
		// everything after it, the details that have focus among them.
		goapp.Div().Class("liaison__list-view").Body(p.renderListView()),
		goapp.If(s.Relationship != "" || s.Event != "", func() goapp.UI {
			return renderDetails(v.shown, v.names, s, p.closeDetails)
		}),
		p.renderEventList(),
		renderSources(p.timeline.Sources),
		goapp.If(p.embed, p.renderEmbedFooter),
	)
}

// classes are the page's classes: an embed and the list view are styled
// as such.
func (p *TimelinePage) classes(more ...string) []string {
	classes := append([]string{"liaison"}, more...)
	if p.embed {
		classes = append(classes, "liaison--embed")
	}
	if p.state.List {
		classes = append(classes, "liaison--list")
	}
	return classes
}

// renderHeader is the title, and on the full page the summary.
func (p *TimelinePage) renderHeader() goapp.UI {
	return goapp.Header().Class("liaison__header").Body(
		goapp.H1().Class("liaison__title").Text(p.timeline.Title),
		goapp.If(!p.embed && p.timeline.Summary != "", func() goapp.UI {
			return goapp.P().Class("liaison__summary").Text(p.timeline.Summary)
		}),
	)
}

// renderEmbedFooter links an embed to its full page, which opens in a new
// tab rather than inside the news site's frame.
func (p *TimelinePage) renderEmbedFooter() goapp.UI {
	s := p.state
	s.NoTitle = false
	return goapp.P().Class("liaison__credit").Body(
		goapp.A().Href(attr(s.URL(SitePath(TimelinePath(p.timeline.ID))).String())).Target("_blank").Rel("noopener").
			Text("Open the full timeline ↗"),
		goapp.Text(" · Liaison"),
	)
}

// renderNotices says whom the chart is filtered to, and which people of
// the URL the timeline does not have, and shows the errors of the
// timeline's file while its last good version is shown.
func (p *TimelinePage) renderNotices() goapp.UI {
	var notes []goapp.UI
	if len(p.problems) > 0 {
		notes = append(notes, goapp.Div().Class("notice", "notice--problem", "notice--file").Role("alert").Body(
			goapp.P().Text("This timeline's file has errors, so this is its last correct version:"),
			goapp.Ul().Body(goapp.Range(p.problems).Slice(func(i int) goapp.UI {
				return goapp.Li().Text(p.problems[i])
			})),
		))
	}
	if text := p.state.UnusableText(); text != "" {
		notes = append(notes, goapp.P().Class("notice", "notice--problem").Text(text))
	}
	if len(p.view.unknown) > 0 {
		quoted := make([]string, len(p.view.unknown))
		for i, id := range p.view.unknown {
			quoted[i] = "“" + id + "”"
		}
		text := "This timeline has nobody called " + strings.Join(quoted, " or ") + "."
		if len(p.state.People) == 0 {
			text += " Showing everyone."
		}
		notes = append(notes, goapp.P().Class("notice", "notice--problem").Text(text))
	}
	if len(p.state.People) > 0 {
		names := make([]string, len(p.state.People))
		for i, id := range p.state.People {
			names[i] = p.view.names[id]
		}
		notes = append(notes, goapp.P().Class("notice").Text("Showing "+strings.Join(names, ", ")+" and their partners."))
	}
	return goapp.Div().Class("notices").Aria("live", "polite").Body(notes...)
}

// filterPeople shows only ids' relationships, as a new history entry.
func (p *TimelinePage) filterPeople(ctx goapp.Context, ids []string) {
	s := p.state
	s.People = ids
	s.Relationship, s.Event = "", ""
	p.navigate(ctx, s)
}

// openRelationship opens a relationship's details; opener is the DOM id
// of the bar that opened them, focused again when they close.
func (p *TimelinePage) openRelationship(ctx goapp.Context, id, opener string) {
	s := p.state
	s.Relationship, s.Event = id, ""
	p.openDetails(ctx, s, opener)
}

func (p *TimelinePage) openEvent(ctx goapp.Context, id, opener string) {
	s := p.state
	s.Relationship, s.Event = "", id
	p.openDetails(ctx, s, opener)
}

func (p *TimelinePage) openDetails(ctx goapp.Context, s ViewState, opener string) {
	p.opener = opener
	p.replace(ctx, s)
	p.later(func() { focus(detailsID) })
}

// closeDetails closes the details and returns focus where it was.
func (p *TimelinePage) closeDetails(ctx goapp.Context) {
	s := p.state
	s.Relationship, s.Event = "", ""
	p.replace(ctx, s)
	opener := p.opener
	if opener == "" {
		opener = chartID
	}
	p.later(func() { focus(opener) })
}

// focus moves the keyboard focus to the element with the given DOM id,
// without scrolling: what it focuses is where the reader is (the details
// stay in the window, see .details in liaison.css; a bar or the cursor
// was in it when it was chosen). Letting the browser scroll to the
// details took a reader of 2,000 lanes 100,000 px down the page, and back
// to a bar that was no longer drawn there, which lost the focus.
func focus(id string) {
	if el := goapp.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}
