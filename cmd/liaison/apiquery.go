package main

// The query of an API request for a filtered timeline that keeps every
// person (see getTimeline), which the browser's library sends for pages.
const (
	peopleParameter = "people"
	allPeopleValue  = "all"
)
