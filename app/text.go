package app

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// Every word a reader sees that the page writes, rather than the timeline
// (its names, titles, quotes and dates, which data.Date.Human words), is
// here, labels as constants and sentences as functions of what they say:
// translating the page is translating this file.

// Labels of the page and its controls.
const (
	siteName            = "Liaison"
	timelinesHeading    = "Timelines"
	allTimelinesLink    = "See all timelines"
	fullTimelineLink    = "Open the full timeline ↗"
	nowLabel            = "now"
	zoomHint            = "Hold Ctrl and scroll, or pinch, to zoom"
	zoomGroupLabel      = "Zoom"
	zoomOutLabel        = "Zoom out"
	zoomOutTitle        = "Zoom out (−)"
	zoomInLabel         = "Zoom in"
	zoomInTitle         = "Zoom in (+)"
	fitLabel            = "Fit"
	fitTitle            = "Show the whole timeline"
	cursorShowLabel     = "As of…"
	cursorHideLabel     = "Hide “as of”"
	cursorButtonTitle   = "Show who was with whom on a date"
	cursorLabel         = "As of date"
	listViewLabel       = "List view"
	listViewTitle       = "Show the timeline as tables"
	filterLabel         = "Filter by person"
	filterChosenLabel   = "Chosen people"
	filterPlaceholder   = "Type a name…"
	filterOptionsLabel  = "People"
	filterClearLabel    = "Clear"
	embedButtonLabel    = "Embed"
	embedPanelLabel     = "Embed this timeline"
	embedScriptLabel    = "Script (recommended)"
	embedScriptHint     = "Resizes itself to fit; can mirror the reader's view in your page's URL with data-liaison-sync-url."
	embedIframeLabel    = "Plain iframe"
	embedIframeHint     = "For pages that do not allow scripts; set the height yourself."
	copyLabel           = "Copy"
	detailsLabel        = "Details"
	closeDetailsLabel   = "Close details"
	ongoingLabel        = "Ongoing"
	legendLabel         = "Legend"
	eventsHeading       = "Events"
	sourcesHeading      = "Sources"
	relationshipsTitle  = "Relationships"
	relationshipsAbout  = "Every relationship in this view, with its phases, its end, how certain it is and its evidence"
	nobodyTogether      = "Nobody in this timeline was together."
	noQuotes            = "None"
	fileProblemsHeading = "This timeline's file has errors, so this is its last correct version:"
	// The legend's items, but for the statuses' words and "Ongoing".
	legendReported = "Reported (dashed)"
	legendRumoured = "Rumoured (dotted)"
	legendFade     = "Date known only roughly (fades)"
	legendEvent    = "Event (numbered below)"
)

// The list view's column headings.
var (
	relationshipColumns = []string{"People", "Phases", "End", "Certainty", "Evidence"}
	eventColumns        = []string{"Date", "Event", "People", "Kind", "Quote"}
)

// count is n and the noun that counts it, "1 relationship" or "2
// relationships": every number a reader sees with a noun goes through it.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// capitalized is s with its first letter in upper case, for a sentence
// that starts with a word made to stand inside one.
func capitalized(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// The words of the data's values. A value the data format does not know,
// which validation keeps out, reads as its kind's default.
var (
	statusWords    = map[data.Status]string{data.Dating: "dating", data.Engaged: "engaged", data.Married: "married"}
	endWords       = map[data.EndKind]string{data.Split: "split", data.Divorce: "divorced", data.Death: "ended by death"}
	certaintyWords = map[data.Certainty]string{data.Confirmed: "confirmed", data.Reported: "reported", data.Rumoured: "rumoured"}
	// certaintyTexts say how sure a relationship is, standing alone.
	certaintyTexts = map[data.Certainty]string{data.Confirmed: "Confirmed", data.Reported: "Reported, not confirmed", data.Rumoured: "Rumoured"}
	eventKindTexts = map[data.EventKind]string{data.Interview: "Interview", data.Sighting: "Sighting", data.Statement: "Statement", data.OtherKind: "Event"}
)

func statusWord(s data.Status) string       { return wordOf(statusWords, s, data.Dating) }
func endWord(k data.EndKind) string         { return wordOf(endWords, k, data.Split) }
func certaintyWord(c data.Certainty) string { return wordOf(certaintyWords, c, data.Confirmed) }
func certaintyText(c data.Certainty) string { return wordOf(certaintyTexts, c, data.Confirmed) }
func eventKindText(k data.EventKind) string { return wordOf(eventKindTexts, k, data.OtherKind) }

// wordOf is the word of value in words, or of otherwise when it has none.
func wordOf[V comparable](words map[V]string, value, otherwise V) string {
	if w, ok := words[value]; ok {
		return w
	}
	return words[otherwise]
}

// The sentences of relationships and events.

// phaseText is a phase and when it began: "dating from 2018".
func phaseText(p *data.Phase) string {
	return statusWord(p.Status) + " from " + p.From.Human()
}

// endText is how and when a relationship ended: "split late 2023".
func endText(e *data.End) string {
	return endWord(e.KindOrDefault()) + " " + e.Date.Human()
}

// qualified is text followed by how sure it is, unless it is confirmed:
// "dating from 2015 (rumoured)".
func qualified(text string, c data.Certainty) string {
	if c == "" || c == data.Confirmed {
		return text
	}
	return text + " (" + certaintyWord(c) + ")"
}

// phaseDetailsText is a phase as the details give it, with how sure it
// is when that is not how sure its relationship is: "Engaged from 2022
// (reported)".
func phaseDetailsText(p *data.Phase, r *data.Relationship) string {
	text := capitalized(phaseText(p))
	if c := p.CertaintyIn(r); c != r.CertaintyOrDefault() {
		text += " (" + certaintyWord(c) + ")"
	}
	return text
}

// endDetailsText is a relationship's end as the details give it, with
// how sure it is: "Split late 2023 (rumoured)".
func endDetailsText(e *data.End) string {
	return qualified(capitalized(endText(e)), e.Certainty)
}

// pairText names a relationship's two people: "Imogen Poots & James
// Norton".
func pairText(r *data.Relationship, names map[string]string) string {
	return names[r.People[0]] + " & " + names[r.People[1]]
}

// relationshipLabel is a bar's name for screen readers: "Imogen Poots
// and James Norton: dating from 2018, engaged from 2022, split late 2023".
func relationshipLabel(r *data.Relationship, self, partner string) string {
	var parts []string
	for i := range r.Phases {
		parts = append(parts, phaseText(&r.Phases[i]))
	}
	if r.End != nil {
		parts = append(parts, endText(r.End))
	} else {
		parts = append(parts, "ongoing")
	}
	return qualified(self+" and "+partner+": "+strings.Join(parts, ", "), r.CertaintyOrDefault())
}

// relationshipTooltip names the pair, then each phase and the end with
// their dates, and how sure it is unless it is confirmed, a line each.
func relationshipTooltip(r *data.Relationship, names map[string]string) []string {
	lines := []string{pairText(r, names)}
	for i := range r.Phases {
		lines = append(lines, phaseText(&r.Phases[i]))
	}
	if r.End != nil {
		lines = append(lines, endText(r.End))
	}
	if c := r.CertaintyOrDefault(); c != data.Confirmed {
		lines = append(lines, certaintyWord(c))
	}
	return lines
}

// phasesText lists a relationship's phases: "Dating from 2018; engaged
// from 2022".
func phasesText(r *data.Relationship) string {
	parts := make([]string, len(r.Phases))
	for i := range r.Phases {
		parts[i] = phaseText(&r.Phases[i])
	}
	return capitalized(strings.Join(parts, "; "))
}

// endingText says how a relationship ended: "Split late 2023; Imogen Poots
// ended it", or "Ongoing".
func endingText(r *data.Relationship, names map[string]string) string {
	if r.End == nil {
		return ongoingLabel
	}
	text := capitalized(endText(r.End))
	if r.End.Initiator != "" {
		text += "; " + endedBy(names[r.End.Initiator])
	}
	return text
}

// endedBy says who ended a relationship, reasonText why, as they said.
func endedBy(name string) string      { return name + " ended it" }
func reasonText(reason string) string { return "Reason given: " + reason }

// quotesText counts a relationship's quotes: "None", "1 quote".
func quotesText(n int) string {
	if n == 0 {
		return noQuotes
	}
	return count(n, "quote", "quotes")
}

// coupleText says what a couple was on a day, in words: "engaged",
// "dating, possibly engaged", "possibly dating", "married, possibly
// split", "dating (reported)".
func coupleText(c couple) string {
	s := c.State
	text := statusWord(s.Status)
	switch {
	case s.MayNotHaveBegun:
		text = "possibly " + text
	case s.Before != "":
		text = statusWord(s.Before) + ", possibly " + text
	}
	if end := c.Relationship.End; s.MayHaveEnded && end != nil {
		text += ", possibly " + endWord(end.KindOrDefault())
	}
	return qualified(text, s.Certainty)
}

// markerLabel is an event marker's name for screen readers: "Event 1:
// James Norton talks about the split, probably 2025"; eventTooltip is its
// title, then its kind and date.
func markerLabel(number int, e *data.Event) string {
	return "Event " + strconv.Itoa(number) + ": " + e.Title + ", " + e.Date.Human()
}

func eventTooltip(e *data.Event) []string {
	return []string{e.Title, eventKindText(e.Kind) + " · " + e.Date.Human()}
}

// eventFacts are an event's date, kind and people, as the events under
// the chart give them; eventDetailsFacts as its details do.
func eventFacts(e *data.Event, names map[string]string) string {
	return e.Date.Human() + " · " + eventKindText(e.Kind) + " · " + peopleText(e.People, names)
}

func eventDetailsFacts(e *data.Event, names map[string]string) string {
	return eventKindText(e.Kind) + " · " + e.Date.Human() + " · " + peopleText(e.People, names)
}

// peopleText names people: "Lily Allen, James Norton".
func peopleText(ids []string, names map[string]string) string {
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = names[id]
	}
	return strings.Join(list, ", ")
}

// sourceText is a source's outlet and title: "ED!, “The article”".
func sourceText(s *data.Source) string {
	if s.Title != "" {
		return s.Outlet + ", “" + s.Title + "”"
	}
	return s.Outlet
}

// The sentences of the page. chartLabel names the chart for screen
// readers, with its years and keys.
func chartLabel(w plot.TimeScale) string {
	return "Timeline chart from " + w.From.Format("2006") + " to " + w.To.AddDate(0, 0, -1).Format("2006") +
		". Arrow keys move through time, plus and minus zoom."
}

// asOfTitle heads who was with whom on the cursor's date; cursorBefore
// and cursorAfter are the cursor's label when its date is before or after
// the window.
func asOfTitle(at data.Date) string    { return "As of " + at.Human() }
func cursorBefore(at data.Date) string { return "◀ " + at.Human() }
func cursorAfter(at data.Date) string  { return at.Human() + " ▶" }

// showMoreText is the label of the button that draws n more of a list,
// and shownText how many of it are drawn.
func showMoreText(n int, l longList) string {
	nouns := map[longList][2]string{relationshipRows: {"relationship", "relationships"},
		eventRows: {"event", "events"}, eventItems: {"event", "events"}, couplesAsOf: {"couple", "couples"}}[l]
	return "Show " + count(n, "more "+nouns[0], "more "+nouns[1])
}

func shownText(shown, total int) string {
	return strconv.Itoa(shown) + " of " + strconv.Itoa(total) + " shown"
}

// showingText says whom the chart is filtered to: "Showing Lily Allen and
// their partners."
func showingText(people string) string { return "Showing " + people + " and their partners." }

// unknownPeopleText names the people of a link the timeline does not
// have; everyone says the chart shows everyone instead.
func unknownPeopleText(ids []string, everyone bool) string {
	text := "This timeline has nobody called “" + strings.Join(ids, "” or “") + "”."
	if everyone {
		text += " Showing everyone."
	}
	return text
}

// unusableText says which parameters of a link the view left out, and
// what each expects, or "" when it used them all.
func unusableText(s ViewState) string {
	var parts []string
	for _, p := range viewParameters {
		if value := s.Unusable.Get(p.name); value != "" {
			parts = append(parts, p.name+"="+shortened(value, 40)+" (expected "+p.expected+")")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Part of this link could not be used and was left out: " + strings.Join(parts, "; ") + "."
}

// viewParameters are the parameters of a view's URL, in the order
// unusableText names them, with what each expects.
var viewParameters = []struct{ name, expected string }{
	{"from", "a date like 2022, 2022-06 or 2022-06-14, with to after it"},
	{"to", "a date like 2022, 2022-06 or 2022-06-14, after from"},
	{"rel", "the id of one of the relationships shown"},
	{"event", "the id of one of the events shown, and no rel"},
	{"at", "a date like 2022, 2022-06 or 2022-06-14, in the timeline's years"},
	{"theme", "light or dark"},
	{"view", "list, or chart"},
	{"title", "0, to leave the title out, or 1"},
}

// problemText is what a reader is told when a timeline cannot be shown.
func problemText(err error) string {
	var noTimeline *data.UnknownTimelineError
	var noPerson *data.UnknownPersonError
	switch {
	case errors.As(err, &noTimeline):
		return "There is no timeline called “" + noTimeline.ID + "”."
	case errors.As(err, &noPerson):
		return "This timeline has nobody called “" + noPerson.Person + "”."
	}
	return "The timeline could not be loaded: " + err.Error()
}

// pageTitle is the title of a timeline's page, timelineFacts what sums it
// up in the list of timelines: "4 people · 2018–2025".
func pageTitle(timeline string) string { return timeline + " · " + siteName }

func timelineFacts(people int, span string) string {
	facts := count(people, "person", "people")
	if span != "" {
		facts += " · " + span
	}
	return facts
}

// The person filter's sentences: a chip's label, a lane's name's title,
// the alias a search matched, and a search that matched nobody.
func removePersonLabel(name string) string { return "Remove " + name + " from the filter" }
func filterByTitle(name string) string     { return "Show only " + name + "’s relationships" }
func aliasText(alias string) string        { return " (" + alias + ")" }
func nobodyCalled(query string) string     { return "Nobody called “" + query + "”" }

// matchesText tells screen reader users how many people match: n, of
// which at most limit are listed.
func matchesText(n, limit int) string {
	switch n {
	case limit:
		return "The first " + strconv.Itoa(limit) + " matches are listed; type more to narrow them."
	case 1:
		return "1 person matches."
	}
	return count(n, "person", "people") + " match."
}

// copiedText says a code is on the clipboard.
func copiedText(label string) string { return label + " code copied." }

// The person filter's form: its button, and what a name sent (find=)
// finds when it names nobody, or more than one person.
const filterSubmitLabel = "Find"

func nobodyFound(sent string) string {
	return "Nobody is called “" + sent + "”. Check the spelling, or choose a name in the chart."
}

// mayMean introduces the n people a name sent may mean, of which at most
// limit are listed.
func mayMean(sent string, n, limit int) string {
	switch {
	case n == 1:
		return "One person matches “" + sent + "”:"
	case n >= limit:
		return "The first " + strconv.Itoa(limit) + " people who match “" + sent + "”; type more of the name to narrow them:"
	}
	return strconv.Itoa(n) + " people match “" + sent + "”; choose one:"
}
