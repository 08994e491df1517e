package app

// The DOM ids of the page: what the page's code finds again (to measure,
// to focus, to label), and what the stylesheet, web/frame.js and the
// browser tests may find too. Each is named once here.
const (
	// chartID is the chart, which takes the keyboard: arrow keys pan, +
	// and − zoom. The focus goes back to it when nothing else opened
	// what closes.
	chartID = "chart"
	// chartGridID is the plot behind the lanes, whose width is the
	// chart's time axis in pixels.
	chartGridID = "chart-grid"
	// chartScrollerID is the box of the lanes, which an embed of many
	// lanes scrolls (see renderLanes).
	chartScrollerID = "chart-scroller"
	// chartLanesID is the list of the lanes drawn (see laneSight).
	chartLanesID = "chart-lanes"
	// cursorID is the "as of" cursor's handle on the axis.
	cursorID = "cursor"
	// detailsID is the panel of the chosen item's details.
	detailsID = "details"
	// personSearchID is the person filter's search box, personOptionsID
	// the list of people it finds.
	personSearchID  = "person-search"
	personOptionsID = "person-options"
	// personFoundID says what a name sent to the filter finds (find=),
	// which describes the search box.
	personFoundID = "person-found"
	// embedToggleID is the Embed button, embedPanelID the panel it opens,
	// with the field of each form of the code (embedTargets), and the
	// preview of the embed.
	embedToggleID  = "embed-code-toggle"
	embedPanelID   = "embed-code-panel"
	embedScriptID  = "embed-script"
	embedElementID = "embed-element"
	embedIframeID  = "embed-iframe"
	embedAMPID     = "embed-amp"
	embedURLID     = "embed-url"
	embedPreviewID = "embed-preview"
	// eventsHeadingID and listViewHeadingID head the events under the
	// chart and the list view, which they label.
	eventsHeadingID   = "events-heading"
	listViewHeadingID = "list-view-heading"
)

// barID is the DOM id of a relationship's bar in one person's lane.
func barID(person, relationship string) string {
	return "bar-" + person + "-" + relationship
}

// markerID is the DOM id of an event's marker in one person's lane.
func markerID(person, event string) string {
	return "marker-" + person + "-" + event
}

// optionID is the DOM id of a person among the filter's options.
func optionID(person string) string { return "person-option-" + person }

// eventTitleID is the DOM id of an event's title in the events list.
func eventTitleID(event string) string { return "event-" + event }

// relationshipRowID and eventRowID are the DOM ids of the buttons that open
// an item's details from the list view.
func relationshipRowID(relationship string) string { return "row-" + relationship }
func eventRowID(event string) string               { return "row-event-" + event }

// showMoreID is the DOM id of the button that draws more of a list.
func showMoreID(l longList) string { return "show-more-" + string(l) }
