package app

import (
	"net/url"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// The page's state and its one writer, show. A view comes from the URL
// (load: the first render, a link, Back and Forward) or from the reader
// (navigate: a filter, a new history entry; replace: a zoom, the details,
// the cursor, recorded in the URL once the view has rested).

// load shows the view of the URL u, unless the page shows it already; it
// reports whether it did.
func (p *timelinePage) load(u *url.URL) bool {
	s := ParseViewState(u.Query())
	if p.shows(u.Path, s) {
		return false
	}
	p.sched.cancel(writeURLJob) // the URL is the view now
	p.open(u.Path, s)
	return true
}

// shows reports whether the page shows the view s at path already: when
// the URL is the one the page wrote, or the one it was opened with.
func (p *timelinePage) shows(path string, s ViewState) bool {
	return path == p.path && s.URL(path).RawQuery == p.state.URL(path).RawQuery
}

// open shows the view s of the timeline at path, fetched anew from the
// library: the reader starts from the top of every list again.
func (p *timelinePage) open(path string, s ViewState) {
	p.path, p.problem = path, ""
	id := p.home
	if id == "" {
		id = timelineID(path)
	}
	if id == "" {
		// A page opened from the list of timelines is made while the
		// window is still at /: OnNav brings its own URL.
		return
	}
	t, err := timelineFor(p.library, id, s.People)
	if err != nil {
		p.state, p.problem, p.timeline = s, problemText(err), nil
		return
	}
	if !p.speaks(t, s) {
		return
	}
	if s.Lang != "" && words().Unknown {
		s = s.without("lang") // CLDR knows no such language: the page says so
	}
	p.timeline, p.chunks = t, nil
	if lanes, ok := p.library.(LaneLibrary); ok && len(s.People) == 0 {
		p.chunks = lanes.Chunks(id)
	}
	p.problems = p.library.Problems(id)
	p.show(s)
	p.listLengths = nil
	p.printCopy = false
}

// speaks reports whether the page's words are those of the view s of t
// (PageLang). The WebAssembly has only the language the server put into
// the page: for a page of another, reached from the list of timelines,
// it loads the page anew, in its own.
//
// The first view of the WebAssembly is the page the server made for its
// URL, with the words it has: a page whose words block was lost (saved
// without it) shows them rather than load itself again for ever.
func (p *timelinePage) speaks(t *data.Timeline, s ViewState) bool {
	if !goapp.IsClient {
		return true
	}
	first := firstView
	firstView = false
	if first || words().Lang == PageLang(t, s) {
		return true
	}
	goapp.Window().Get("location").Call("reload")
	return false
}

// firstView is true until the WebAssembly has opened its first view
// (the browser's only: the server never reads it).
var firstView = true

// refresh shows the timeline again, in the same view, after its data
// changed on the server.
func (p *timelinePage) refresh() {
	p.open(p.path, p.state)
}

// show makes s the page's state and derives what the page shows of its
// timeline from it: it is the only writer of either.
func (p *timelinePage) show(s ViewState) {
	p.state = s
	if p.chunks != nil && p.needsWhole(s) {
		if t, err := p.library.(LaneLibrary).Whole(p.timeline.ID); err == nil {
			p.timeline, p.chunks = t, nil
		}
	}
	p.view = deriveView(p.view, p.timeline, p.chunks, s, p.now())
}

// needsWhole says whether the view s needs more of a timeline loaded
// chunk by chunk of lanes than the chunks in sight: the list view and the
// "as of" summary list every relationship, and the details may be of one
// in a lane not loaded yet.
func (p *timelinePage) needsWhole(s ViewState) bool {
	if s.List || !s.At.IsZero() {
		return true
	}
	if s.Relationship != "" {
		_, ok := p.timeline.Relationship(s.Relationship)
		return !ok
	}
	return false
}

// loadLanes has the library load the lanes first to last-1 of the
// timeline shown, off the reader's frames, and shows them once they
// came: the chart asks as they come near the reader's view.
func (p *timelinePage) loadLanes(ctx goapp.Context, first, last int) {
	lanes, ok := p.library.(LaneLibrary)
	if !ok || p.chunks == nil {
		return
	}
	id := p.timeline.ID
	ctx.Async(func() {
		t, err := lanes.LoadLanes(id, first, last)
		ctx.Dispatch(func(goapp.Context) {
			if err != nil || p.chunks == nil || p.timeline == nil || p.timeline.ID != id || len(p.state.People) > 0 {
				return // the page shows another view now: it holds what it needs
			}
			p.timeline, p.chunks = t, lanes.Chunks(id)
			p.show(p.state)
		})
	})
}

// navigate shows the view s as a new history entry: the person filter,
// which Back and Forward restore. What the URL gave that the view could
// not use, and a name the reader sent (find=), go with the view the
// reader left. An embed replaces its URL
// instead: an iframe's history entries are those of the article around
// it, whose Back button would step through the widget's filters rather
// than leave the article.
//
// The new view is drawn before the event that asked for it returns
// (Context.DrawNow): go-app draws a page's updates on a timer, 8 ms after
// the event that changed them, and the browser painted them a frame or
// two later. go-app's navigation then finds the view shown (OnNav); Back
// and Forward load the URL's view there.
func (p *timelinePage) navigate(ctx goapp.Context, s ViewState) {
	s.Unusable, s.Find = nil, ""
	p.sched.cancel(writeURLJob) // a pending replace must not overwrite the new view
	p.open(p.path, s)
	u := s.URL(p.path)
	if p.embed {
		// At once, as a page's new entry is: a filter is one choice, not
		// a drag, and a site that keeps the widget's views in its history
		// (embed.js's push) needs each one, however quickly the next came.
		ctx.Page().ReplaceURL(u)
		p.reportView(u)
	} else {
		ctx.NavigateTo(u)
	}
	ctx.DrawNow()
}

// replace shows the view s and records it in the URL without a new history
// entry, once the view has rested: zooming, panning, details and the
// cursor, which a reader shares but would not want to step back through.
// The site around an embed hears of it then.
func (p *timelinePage) replace(s ViewState) {
	s.Unusable, s.Find = nil, ""
	p.show(s)
	u := s.URL(p.path)
	p.sched.after(p.page, writeURLJob, urlDelay, func(ctx goapp.Context) {
		ctx.PreventUpdate() // the page shows the view already
		ctx.Page().ReplaceURL(u)
		p.reportView(u)
	})
}

// reportView tells the site around an embed that its view is now the
// one at u.
func (p *timelinePage) reportView(u *url.URL) {
	if p.embed {
		announceView(u.RawQuery)
	}
}

// watchPrint draws the hidden list view, which a printout adds under the
// chart, when the reader prints, until the returned function is called.
//
// Drawn with each view, it made choosing a person a quarter slower; drawn
// once each view had rested, it was a task of its own after every view
// (at 50 relationships, 31 ms after a filter and the longest task of the
// page's first second after the takeover), for a copy that nobody sees on
// screen. The browser lays the printout out after its beforeprint event,
// Ctrl+P's and print()'s alike: the page draws the copy inside it.
func (p *timelinePage) watchPrint() (stop func()) {
	w := goapp.Window()
	onPrint := goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
		p.page.Dispatch(p.drawForPrint)
		return nil
	})
	w.Call("addEventListener", "beforeprint", onPrint)
	return func() {
		w.Call("removeEventListener", "beforeprint", onPrint)
		onPrint.Release()
	}
}

// drawForPrint draws the copy a printout of the view adds, at once: a Go
// function called by the browser's event returns only once the program
// has nothing left to run, so the copy is in the page before the browser
// lays the printout out.
func (p *timelinePage) drawForPrint(ctx goapp.Context) {
	if p.printCopy || !p.printsList() {
		ctx.PreventUpdate()
		return
	}
	p.printCopy = true
	ctx.DrawNow()
}

// printsList says whether a printout of the view adds the hidden list view:
// for views of a page of rows at most.
func (p *timelinePage) printsList() bool {
	if p.view.shown == nil {
		return false // no timeline: the page says why instead
	}
	return !p.view.state.List && max(len(p.view.shown.Relationships), len(p.view.layout.Events)) <= listPage
}

// drawsListView says whether the list view is drawn: when the reader
// asked for it, and otherwise for printing. On screen it is hidden while
// the chart shows, so it is only drawn then by the WebAssembly once the
// view has rested (the prerender is for the first paint, which it would
// slow down), and for views of a page of rows at most.
func (p *timelinePage) drawsListView() bool {
	return p.view.state.List || goapp.IsClient && p.printCopy && p.printsList()
}

// more is how much of the long list of total items is drawn.
func (p *timelinePage) more(list longList, total int) showMore {
	n, ok := p.listLengths[list]
	if !ok {
		n = listPage
	}
	return showMore{list: list, shown: min(n, total), total: total, onMore: p.drawMore}
}

// describe sets the page's title and description. go-app calls OnPreRender
// as it mounts the page, before OnNav has loaded the timeline of the URL,
// so OnNav sets them too. Both end up in attributes of the page's head.
// They are set once per timeline: a filter does not change them, and
// setting them again took a filter's OnNav three DOM queries and writes.
func (p *timelinePage) describe(ctx goapp.Context) {
	if p.timeline != nil && p.timeline == p.described {
		return
	}
	p.described = p.timeline
	title := siteName()
	if p.timeline != nil {
		title = pageTitle(p.timeline.Title)
	}
	ctx.Page().SetTitle(attrText(title))
	if p.timeline != nil && p.timeline.Summary != "" {
		ctx.Page().SetDescription(attrText(p.timeline.Summary))
	}
}

// timelineID is the id in the path of a timeline's page: its last part,
// with or without the slash a static host adds.
func timelineID(path string) string {
	path = strings.TrimSuffix(path, "/")
	return path[strings.LastIndex(path, "/")+1:]
}
