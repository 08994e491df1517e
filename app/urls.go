package app

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
