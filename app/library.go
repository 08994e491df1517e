// Package app is Liaison's user interface: go-app components that render a
// timeline on the server and, compiled to WebAssembly, in the browser. The
// pure-Go placing of the chart under them (time scales, ticks, lane
// layout) is package plot.
//
// It knows nothing of HTTP: pages get their timelines from a Library, which
// the server backs with its data directory and the browser with the JSON
// API.
package app

import (
	"strings"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// A Library is where pages get their timelines. In the browser its methods
// may block while the timeline is fetched.
type Library interface {
	// Summaries describes every timeline, for the index page.
	Summaries() ([]data.Summary, error)
	// Timeline returns the timeline with the given id, or an error:
	// *data.UnknownTimelineError when there is none.
	Timeline(id string) (*data.Timeline, error)
	// Problems are the errors of a timeline's file while the server keeps
	// serving its last good version (serve -watch); nil otherwise.
	Problems(id string) []string
}

// A PartialLibrary is a Library that can give, for a view filtered to
// some people, a part of a timeline: every person, but only the
// relationships and events that involve those people, which is all that a
// view of any of them shows. A page opened filtered then loads that part
// alone, a few kilobytes of a timeline that may be megabytes. The browser's
// library is one. For people the timeline lacks it may give the whole.
type PartialLibrary interface {
	TimelinePart(id string, people []string) (*data.Timeline, error)
}

// A LaneLibrary is a Library that may give a timeline too large to fetch
// at once in chunks of its lanes (LaneChunk): every person, source and
// event, but only the relationships of the people of the chunks it has
// loaded. The page draws the lanes of the others as loading, and asks for
// them as the reader comes near (LoadLanes). The browser's library is one.
type LaneLibrary interface {
	// Chunks says which chunks of lanes of the timeline id the library
	// holds; nil when it holds the whole timeline.
	Chunks(id string) *LaneChunks
	// LoadLanes loads the chunks of the lanes first to last-1 of the
	// timeline id, and returns the timeline with them. It blocks while
	// they are fetched.
	LoadLanes(id string, first, last int) (*data.Timeline, error)
	// Whole is the whole timeline id, for what the lanes cannot show
	// without it.
	Whole(id string) (*data.Timeline, error)
}

// LaneChunks is what a LaneLibrary holds of a timeline it gives chunk by
// chunk of lanes.
type LaneChunks struct {
	// Loaded says, by chunk of LaneChunk lanes, whether the library
	// holds the relationships of its people.
	Loaded []bool
	// BarRows is how many rows of bars each lane takes in the whole
	// timeline (plot.BarRows), by lane: a lane not loaded is drawn as
	// high as it will be, so that nothing under the reader moves when
	// its relationships come.
	BarRows []int
}

// loaded reports whether lane i has its relationships.
func (c *LaneChunks) loaded(i int) bool {
	return c == nil || i/LaneChunk >= len(c.Loaded) || c.Loaded[i/LaneChunk]
}

// sizeAwaited gives the lanes of l that are not loaded the rows of bars
// they will have: l holds only their relationships with lanes loaded.
// Their markers' rows are right already (every event is loaded).
func (c *LaneChunks) sizeAwaited(l *plot.LaneLayout) {
	if c == nil || len(c.BarRows) != len(l.Lanes) {
		return // not a layout of the whole timeline: a view of some people holds all of theirs
	}
	for i := range l.Lanes {
		if !c.loaded(i) {
			l.Lanes[i].BarRows = max(1, c.BarRows[i])
		}
	}
}

// A LaneChunkAnswer is the API's answer to TimelineLanesAPIPath. That of
// the first chunk is a timeline (the data format), with every person,
// source and event, the relationships of the people of its lanes and
// those that span the whole's time, and LaneBarRows. Those of the others
// hold only "relationships": those of the people of their lanes.
type LaneChunkAnswer struct {
	*data.Timeline
	// LaneBarRows, in the first chunk only, is how many rows of bars
	// each lane takes in the whole timeline (LaneChunks.BarRows).
	LaneBarRows []int `json:"laneBarRows,omitempty"`
}

// timelineFor is the timeline of id for a view of people: a part of it
// when lib gives parts, else the whole.
func timelineFor(lib Library, id string, people []string) (*data.Timeline, error) {
	if partial, ok := lib.(PartialLibrary); ok && len(people) > 0 {
		return partial.TimelinePart(id, people)
	}
	return lib.Timeline(id)
}

// A Watcher is a Library whose timelines can change while a page is open:
// it calls changed after each change, until stop is called.
type Watcher interface {
	OnChange(changed func()) (stop func())
}

// TimelinePath is the page of one timeline.
func TimelinePath(id string) string { return TimelinePrefix + id }

// SitePath is where path of the site is for the browser: under the prefix
// a static export was made for (liaison export -base), if any. The server
// needs no prefix here: go-app prefixes its href and src attributes.
func SitePath(path string) string {
	if goapp.IsServer {
		return path
	}
	return strings.TrimSuffix(goapp.Getenv("GOAPP_ROOT_PREFIX"), "/") + path
}

// EmbedPath is the page of one timeline made to live in an iframe.
func EmbedPath(id string) string { return EmbedPrefix + id }

// Register routes the pages, backed by lib, on both the server and the
// browser: "/" lists the timelines (or shows the only one), "/t/{id}"
// shows one and "/embed/{id}" shows one inside another site's page.
func Register(lib Library) { RegisterWithClock(lib, time.Now) }

// RegisterWithClock is Register with the pages' clock, which places "now":
// ongoing relationships run to it and the chart's window ends after it.
// The server rounds it to the hour, so that a page it rendered once is
// the same page for an hour and can be served again from its cache.
func RegisterWithClock(lib Library, now func() time.Time) {
	goapp.Route("/", func() goapp.Composer {
		return &IndexPage{library: lib, now: now}
	})
	// A static host serves a page's folder, /t/{id}/, as well as /t/{id}.
	goapp.RouteWithRegexp("^"+TimelinePrefix+"[^/]+/?$", func() goapp.Composer {
		return &timelinePage{library: lib, now: now}
	})
	goapp.RouteWithRegexp("^"+EmbedPrefix+"[^/]+/?$", func() goapp.Composer {
		return &timelinePage{library: lib, now: now, embed: true}
	})
}
