package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// timelinePage is the full page of one timeline, /t/{id}: heading, person
// filter, zoomable chart with an "as of" cursor, legend, the details of the
// item a reader chose, events, sources, and corrections and updates.
// Everything a reader may share is in the URL (see ViewState), so a
// copied URL reopens the same view, and the server prerenders it.
//
// The page's state is its path and the ViewState of its URL; what it
// shows of its timeline is derived from them (deriveView), and only show
// writes either (page_state.go). Its parts draw what they are given and
// report what the reader asks for; the page makes that the new state.
type timelinePage struct {
	goapp.Compo

	library Library
	now     func() time.Time
	// embed is set on /embed/{id}: minimal chrome, views that replace
	// the URL (see navigate), and each announced to the site around it.
	embed bool
	// home is the timeline that / shows when the library has only one
	// (see IndexPage); otherwise the page's path names it.
	home string

	// path is where the page lives, /t/{id}, /embed/{id} or /, and state
	// what its URL says of the view; view is what the page shows of the
	// timeline for them.
	path     string
	state    ViewState
	timeline *data.Timeline
	// chunks are the chunks of lanes of the timeline that the library
	// holds, when it gives it in chunks (LaneLibrary); nil when the page
	// holds all it shows.
	chunks  *LaneChunks
	view    timelineView
	problem string // what went wrong, shown instead of the timeline
	// described is the timeline the page's title and description are
	// of (see describe).
	described *data.Timeline
	// problems are the errors of the timeline's file, while its last good
	// version is shown; stopWatching ends the updates of the library.
	problems     []string
	stopWatching func()

	// What the reader did that the URL does not keep (the chart keeps
	// its own).
	//
	// listLengths are how many items the long lists under the chart draw,
	// by list, when the reader has asked for more than listPage.
	listLengths map[longList]int
	// opener is the DOM id of what opened the details, focused again when
	// they close.
	opener string
	// printCopy says whether the hidden list view that a printout adds is
	// drawn for the current view (see drawForPrint).
	printCopy bool
	// stopPrintWatch stops drawForPrint's listening; nil until mounted.
	stopPrintWatch func()

	// sched runs what waits for the view to rest, or for the next frame.
	sched scheduler
	// page is the page's own context, from OnMount. Work deferred after an
	// event (focus, writing the URL) goes through it: an event's context
	// dies with its element, like the close button of the details.
	page    goapp.Context
	mounted bool
}

// OnInit loads the timeline before the first render. In the browser, go-app
// makes the prerendered page into the WebAssembly's first render, which
// must already show the timeline, or the page would be emptied; OnInit has
// no context, hence the window's URL.
func (p *timelinePage) OnInit() {
	if goapp.IsClient {
		p.load(goapp.Window().URL())
	}
}

// OnNav loads the view of a new URL: on the server for the prerender, in
// the browser when the filter changes or the reader goes back or forward,
// whether the page is routed (/t/{id}) or shown by another (/).
func (p *timelinePage) OnNav(ctx goapp.Context) {
	// A view the page shows already was drawn by navigate.
	if !p.load(ctx.Page().URL()) {
		ctx.PreventUpdate()
	}
	p.describe(ctx)
}

// OnPreRender sets the page's title and description for the server's
// HTML. The page that / shows is made after the server's navigation, and
// gets no OnNav: it loads its view here. A routed page loads in OnNav,
// which follows: a request's view is read once.
func (p *timelinePage) OnPreRender(ctx goapp.Context) {
	if p.home != "" {
		p.load(ctx.Page().URL())
	}
	p.describe(ctx)
}

// OnMount draws the copy a printout adds when the reader prints, and
// follows the library's changes.
func (p *timelinePage) OnMount(ctx goapp.Context) {
	p.page, p.mounted = ctx, true
	p.stopPrintWatch = p.watchPrint()
	if w, ok := p.library.(Watcher); ok {
		p.stopWatching = w.OnChange(func() {
			p.page.Dispatch(func(goapp.Context) { p.refresh() })
		})
	}
	// Mounting changes nothing the page draws. go-app runs OnMount in a
	// dispatch, which draws the component and every one around it again
	// unless told not to: after the takeover, that was a second render of
	// the whole page (a tenth of the takeover's time at 50 relationships).
	ctx.PreventUpdate()
}

// OnDismount stops the library's updates and the scheduled work.
func (p *timelinePage) OnDismount() {
	p.mounted = false
	p.sched.stop()
	if p.stopPrintWatch != nil {
		p.stopPrintWatch()
		p.stopPrintWatch = nil
	}
	if p.stopWatching != nil {
		p.stopWatching()
		p.stopWatching = nil
	}
}

func (p *timelinePage) Render() goapp.UI {
	if p.problem != "" {
		return goapp.Main().Class(p.classes("liaison--problem")...).DataSet("interactive", goapp.IsClient).Body(
			goapp.H1().Text(siteName()),
			goapp.P().Class("problem").Aria("live", "polite").Text(p.problem),
			goapp.P().Body(goapp.A().Href(SitePath("/")).Text(allTimelinesLink())),
		)
	}
	if p.timeline == nil {
		return goapp.Main().Class(p.classes()...)
	}
	v, s := &p.view, p.view.state
	var couples []couple
	if !s.At.IsZero() {
		couples = couplesAt(v.shown, s.At.Earliest)
	}
	details := s.withoutDetails().link()
	return goapp.Main().Class(p.classes()...).DataSet("theme", s.Theme).DataSet("interactive", goapp.IsClient).
		OnClick(p.onLinkClick).Body(
		goapp.If(p.showsPart(s.NoTitle), p.renderHeader),
		goapp.Div().Class("toolbar").Body(
			newPersonFilter().
				People(&v.people.index, v.people.names, v.people.colors).
				View(s).
				OnChange(p.filterPeople),
			newZoomControls().
				View(s, v.layout.Scale, v.fit).
				Cursor(v.withCursorToggled()),
			goapp.If(!p.embed, func() goapp.UI {
				return newEmbedCode().Embed(s, p.timeline.ID, p.timeline.Title)
			}),
		),
		renderNotices(p.problems, v),
		newChart().
			Layout(&v.layout, v.fit).
			View(s).
			People(v.people.names, v.people.colors).
			Embedded(p.embed).
			Scheduler(&p.sched).
			Chunks(p.chunks).
			OnLanes(p.loadLanes).
			OnWindow(p.setWindow).
			OnCursor(p.moveCursor),
		renderAsOf(s.At, couples, v.people, p.more(couplesAsOf, len(couples))),
		goapp.If(p.showsPart(s.NoLegend), renderLegend),
		// The list view keeps its place, drawn or not: drawn later (see
		// drawForPrint), it would otherwise make go-app draw again
		// everything after it, the details that have focus among them.
		goapp.Div().Class("liaison__list-view").Body(
			goapp.If(p.drawsListView(), func() goapp.UI {
				return listView{
					shown: v.shown, events: v.layout.Events, people: v.people, withEvents: s.List && p.showsPart(s.NoEvents),
					relationshipsMore: p.more(relationshipRows, len(v.shown.Relationships)),
					eventsMore:        p.more(eventRows, len(v.layout.Events)),
					details:           details,
				}.render()
			}),
		),
		goapp.If(s.Relationship != "" || s.Event != "", func() goapp.UI {
			return renderDetails(v.shown, v.people.names, s, p.closeDetails)
		}),
		goapp.If(!s.List && p.showsPart(s.NoEvents), func() goapp.UI {
			return renderEventList(v.layout.Events, v.people.names, p.more(eventItems, len(v.layout.Events)), details)
		}),
		goapp.If(p.showsPart(s.NoSources), func() goapp.UI { return renderSources(p.timeline.Sources) }),
		renderUpdates(p.timeline),
		goapp.If(p.embed, p.renderEmbedFooter),
	)
}

// classes are the page's classes: an embed and the list view are styled
// as such.
func (p *timelinePage) classes(more ...string) []string {
	classes := append([]string{"liaison"}, more...)
	if p.embed {
		classes = append(classes, "liaison--embed")
	}
	if p.view.state.List {
		classes = append(classes, "liaison--list")
	}
	return classes
}

// showsPart says whether the page shows a part that its view may hide
// (hidden: NoTitle, NoLegend…): a full page shows every part, an embed
// those its URL does not hide.
func (p *timelinePage) showsPart(hidden bool) bool { return !p.embed || !hidden }

// renderHeader is the title, and on the full page the summary.
func (p *timelinePage) renderHeader() goapp.UI {
	return goapp.Header().Class("liaison__header").Body(
		goapp.H1().Class("liaison__title").Text(p.timeline.Title),
		goapp.If(!p.embed && p.timeline.Summary != "", func() goapp.UI {
			return goapp.P().Class("liaison__summary").Text(p.timeline.Summary)
		}),
	)
}

// renderEmbedFooter links an embed to its full page, which opens in a new
// tab rather than inside the news site's frame.
func (p *timelinePage) renderEmbedFooter() goapp.UI {
	s := p.view.state
	s.NoTitle, s.NoLegend, s.NoEvents, s.NoSources, s.Find = false, false, false, false, ""
	return goapp.P().Class("liaison__credit").Body(
		goapp.A().Href(attr(s.URL(SitePath(TimelinePath(p.timeline.ID))).String())).Target("_blank").Rel("noopener").
			Text(fullTimelineLink()),
		goapp.Text(" · "+siteName()),
	)
}
