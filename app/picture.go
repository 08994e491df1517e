package app

import (
	"strings"
	"time"

	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// A Picture is what a still picture of a view shows: the server draws it
// as a PNG or an SVG, and as a share card (cmd/liaison/internal/picture),
// for the readers and sites that run no script of ours. It is the page's
// own view of the state (deriveView: the same filter, window and lane
// layout), with the words the page would write, in its language.
type Picture struct {
	Title string
	// Showing says whom the view is filtered to, as the page does; "" for
	// the whole timeline.
	Showing string
	// RTL is set when the page's language runs right to left: the
	// picture mirrors as the page does (direction.go), its names on the
	// right and later dates to the left.
	RTL bool
	// Dark is the dark theme (theme=dark); the light one otherwise, since
	// a picture cannot follow its reader's system.
	Dark   bool
	Layout plot.LaneLayout
	// Colors are the people's marks by id, as the page gives them
	// (colorsOf): a person keeps theirs in every view.
	Colors map[string]int
	// Ticks are the time axis's, with their labels: at most maxTicks.
	Ticks []PictureLabel
	// Now and Cursor place the now line and the "as of" cursor, if any.
	Now, Cursor *PictureLabel
	// Legend is the legend's items, in the page's order (renderLegend).
	Legend PictureLegend
	// Events are the view's events as the list below the page's chart
	// writes them, numbered as their markers are.
	Events []string
	// Sources is the source line, "Sources: …"; "" for none.
	Sources string
}

// A PictureLabel is a label at a place on the time axis, in percent of
// the chart.
type PictureLabel struct {
	Percent float64
	Text    string
}

// PictureLegend is the words of the legend: the statuses' (dating,
// engaged, married, by data.Status), and those of the other marks, as
// the page's legend has them (renderLegend).
type PictureLegend struct {
	Statuses                                         map[data.Status]string
	Reported, Rumoured, Fade, Contested, AsOf, Event string
}

// PictureOf is the picture of t in the state s, with now placing the
// ongoing relationships, in the language of the render in progress.
func PictureOf(t *data.Timeline, s ViewState, now time.Time, maxTicks int) Picture {
	v := deriveView(timelineView{}, t, nil, s, now)
	p := Picture{
		Title:  t.Title,
		RTL:    laterward() < 0,
		Dark:   v.state.Theme == "dark",
		Layout: v.layout,
		Colors: v.people.colors,
		Legend: PictureLegend{
			Statuses: map[data.Status]string{
				data.Dating:  capitalized(statusWord(data.Dating)),
				data.Engaged: capitalized(statusWord(data.Engaged)),
				data.Married: capitalized(statusWord(data.Married)),
			},
			Reported: legendReported(), Rumoured: legendRumoured(), Fade: legendFade(),
			Contested: legendContested(), AsOf: legendAsOf(), Event: legendEvent(),
		},
	}
	if len(v.state.People) > 0 {
		p.Showing = showingText(peopleText(v.state.People, v.people.names))
	}
	scale := v.layout.Scale
	for _, tick := range plot.Ticks(scale, maxTicks) {
		p.Ticks = append(p.Ticks, PictureLabel{tick.Percent, tickLabel(tick)})
	}
	if scale.Contains(now) {
		p.Now = &PictureLabel{scale.Percent(now), nowLabel()}
	}
	if !v.state.At.IsZero() {
		p.Cursor = &PictureLabel{scale.Percent(v.state.At.Earliest), asOfTitle(v.state.At)}
	}
	for _, e := range v.layout.Events {
		p.Events = append(p.Events, dateText(e.Date)+"  "+e.Title)
	}
	if n := len(t.Sources); n > 0 {
		list := make([]string, n)
		for i := range t.Sources {
			list[i] = sourceText(&t.Sources[i])
		}
		p.Sources = words().Count("pictureSources", n, "Sources", strings.Join(list, words().Text("listSeparator")))
	}
	return p
}

// PictureMore says how many people's lanes a picture leaves out.
func PictureMore(n int) string { return words().Count("pictureMore", n) }

// PictureAlt is a picture's text alternative, for og:image:alt and the
// <img> of a page without scripts.
func PictureAlt(l *locale.Locale, title string) string { return l.Text("pictureAlt", "Title", title) }

// PictureUndrawn is the note under a picture that drew some text without
// the letters its fonts lack (see cmd/liaison/internal/picture).
func PictureUndrawn() string { return words().Text("pictureUndrawn") }

// PictureState is the part of s that a picture shows: the filter, the
// zoom window, the cursor, the theme and the language. Details, the list
// view and a name sent are the page's alone, and a picture's URL that
// differs only in them is the same picture.
func (s ViewState) PictureState() ViewState {
	return ViewState{People: s.People, From: s.From, To: s.To, At: s.At, Theme: s.Theme, Lang: s.Lang}
}

// The names of a timeline's pictures, which the server draws
// (cmd/liaison/internal/picture) and embed codes show where no script
// runs: /t/{id}.png and /t/{id}.svg are the chart of the view their
// query describes, /t/{id}.card.png and .card.svg its share card. Ids are
// [a-z0-9-], so no page's path ends so.
const (
	PicturePNG        = ".png"
	PictureSVG        = ".svg"
	PictureCardSuffix = ".card"
)

// PictureURL is the path and query of a picture of the view s of the
// timeline id, as PNG: its chart, or its share card when card is set.
// Only what a picture shows of s is in its query (PictureState).
func PictureURL(id string, s ViewState, card bool) string {
	name := id
	if card {
		name += PictureCardSuffix
	}
	return s.PictureState().URL(TimelinePath(name) + PicturePNG).String()
}
