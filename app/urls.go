package app

import (
	"net/url"
	"slices"
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
	// PageDataClass is the class of the page's data blocks.
	PageDataClass = "liaison-data"
	// PageDataAttr names the API request a data block answers, like
	// /api/timelines/{id}.
	PageDataAttr = "data-api"
)
