package app

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The pages' paths, which the pages link to and the server routes: a
// prefix, then a timeline's id (TimelinePath, EmbedPath).
const (
	// TimelinePrefix is the prefix of a timeline's page.
	TimelinePrefix = "/t/"
	// EmbedPrefix is the prefix of a timeline's page made to live in an
	// iframe on another site.
	EmbedPrefix = "/embed/"
)

// The query of an API request for a filtered timeline that keeps every
// person, which the browser's library sends for pages and the server
// answers: ?person=…&people=all.
const (
	PeopleParameter = "people"
	AllPeopleValue  = "all"
)

// The query of an API request for the part of a timeline that a window of
// its lanes shows (?lanes=K, lanes K×LaneChunk up to the next chunk): the
// browser's library asks for it, chunk by chunk as the reader scrolls,
// when a timeline is too large for its page to carry (see
// TimelineLanesAPIPath).
const (
	LanesParameter = "lanes"
	// LaneChunk is how many lanes one answer covers. At 100,000
	// relationships among 10,000 people (liaison gen) a chunk is about
	// 5,000 relationships, 1.8 MB of JSON, which the WebAssembly decodes
	// in a few tens of milliseconds; a screen shows 20 lanes.
	LaneChunk = 500
)

// TimelineLanesAPIPath is the API request for the lanes of chunk k of the
// timeline id: every person, source and event, and the relationships of
// the people of lanes k×LaneChunk to (k+1)×LaneChunk-1, with those that
// reach the timeline's first and last dates, so that the part spans the
// same time as the whole.
func TimelineLanesAPIPath(id string, k int) string {
	return TimelinesAPIPath + "/" + url.PathEscape(id) + "?" + LanesParameter + "=" + strconv.Itoa(k)
}

// FindParameter is the query parameter of the person filter's form, the
// name a reader typed and sent: ?find=Lily. The server answers it with the
// view of the person it names, or a page that shows whom it may mean (see
// ViewState.Find).
const FindParameter = "find"

// TimelinesAPIPath is the API's list of timelines.
const TimelinesAPIPath = "/api/timelines"

// TimelineAPIPath is the API request for the timeline id as a view of
// people shows it: the whole timeline for no one, else the part of it
// those people are in, with every person (see PartialLibrary). The
// browser's library asks for it, and the server puts its answer into the
// page of that view (see PageDataClass), so both make the path here: people
// sorted, as the API's cache keys them.
func TimelineAPIPath(id string, people []string) string {
	p := TimelinesAPIPath + "/" + url.PathEscape(id)
	if len(people) == 0 {
		return p
	}
	people = slices.Sorted(slices.Values(people))
	return p + "?person=" + url.QueryEscape(strings.Join(people, ",")) + "&" + PeopleParameter + "=" + AllPeopleValue
}

// The data block of a page: the server writes into a page the API's
// answers to the requests its first view makes, each in a
// <script type="application/json"> element (not executed: the CSP holds)
// with the request's path in PageDataAttr, and the browser's library
// reads them there rather than ask the server again.
const (
	// WordsID is the id of the page's data block of its Locale
	// (app/locale): its language's strings and CLDR data.
	WordsID = "liaison-words"
	// PageDataClass is the class of the page's data blocks.
	PageDataClass = "liaison-data"
	// PageDataAttr names the API request a data block answers, like
	// /api/timelines/{id}.
	PageDataAttr = "data-api"
)
