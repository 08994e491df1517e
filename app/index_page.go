package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/data"
)

// IndexPage is "/": the list of timelines, or the timeline itself when
// there is only one.
type IndexPage struct {
	goapp.Compo

	library Library
	now     func() time.Time

	summaries []data.Summary
	problem   string
}

// OnInit loads the list in the browser before the first render, as
// timelinePage does.
func (p *IndexPage) OnInit() {
	if goapp.IsClient {
		p.load()
	}
}

// OnNav loads the list on the server.
func (p *IndexPage) OnNav(ctx goapp.Context) {
	p.load()
}

// load asks for the list, the first time.
func (p *IndexPage) load() {
	if p.summaries != nil || p.problem != "" {
		return
	}
	list, err := p.library.Summaries()
	if err != nil {
		p.problem = problemText(err)
		return
	}
	p.summaries = list
	if goapp.IsClient && len(list) > 1 {
		// The list is the WebAssembly's first view: a timeline opened
		// from it speaks its own language (speaks).
		firstView = false
	}
}

func (p *IndexPage) Render() goapp.UI {
	switch {
	case p.problem != "":
		return goapp.Main().Class("liaison", "liaison--problem").DataSet("interactive", goapp.IsClient).Body(
			goapp.H1().Text(siteName()),
			goapp.P().Class("problem").Text(p.problem),
		)
	case len(p.summaries) == 1:
		// The page takes its view from the URL, as a routed one does.
		return &timelinePage{library: p.library, now: p.now, home: p.summaries[0].ID}
	}
	return goapp.Main().Class("liaison", "liaison--index").DataSet("interactive", goapp.IsClient).Body(
		goapp.H1().Text(timelinesHeading()),
		goapp.Ul().Class("index").Body(
			goapp.Range(p.summaries).Slice(func(i int) goapp.UI {
				s := p.summaries[i]
				return goapp.Li().Class("index__item").Body(
					goapp.A().Href(SitePath(TimelinePath(s.ID))).Text(s.Title),
					goapp.P().Class("index__facts").Text(timelineFacts(s.People, s.Span)),
					goapp.If(s.Summary != "", func() goapp.UI { return goapp.P().Text(s.Summary) }),
				)
			}),
		),
	)
}
