package app

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// Every word a reader sees that the page writes, rather than the timeline
// (its names, titles, quotes and dates as written), comes from here, and
// is a message of the page's language (words): labels as functions of
// nothing, sentences as functions of what they say. The messages are the
// catalogue files, locales/messages/{lang}.json; English's has them all.
// Translating the page is adding one file there.

// words is the Locale of the page being drawn: in the browser, the one
// the server put into the page; on the server, that of the render in
// progress (renders of one language run together). SetWords sets where
// the pages find it.
var words = func() *locale.Locale { return english }

// english is the Locale the pages speak until SetWords is called: its
// messages are their ids, which tests would catch, and its CLDR data is
// none. Both programs call SetWords before any page is drawn.
var english = &locale.Locale{Tag: DefaultLang, Dir: "ltr"}

// SetWords has the pages speak the Locale that current returns.
func SetWords(current func() *locale.Locale) { words = current }

// DefaultLang is the language of a timeline without one: British English,
// as Liaison has always written its dates ("14 March 2022").
const DefaultLang = "en-GB"

// PageLang is the language of a page of t (nil for the list of
// timelines) in view s: the view's ?lang=, else the timeline's, else
// DefaultLang. The server renders the page in it, and the WebAssembly
// speaks the Locale the server put into the page for it.
func PageLang(t *data.Timeline, s ViewState) string {
	switch {
	case s.Lang != "":
		return s.Lang
	case t != nil && t.Lang != "":
		return t.Lang
	}
	return DefaultLang
}

// message returns the label id: a label of the page or a control.
func message(id string) func() string { return func() string { return words().Text(id) } }

// Labels of the page and its controls.
var (
	siteName           = message("siteName")
	timelinesHeading   = message("timelinesHeading")
	allTimelinesLink   = message("allTimelinesLink")
	fullTimelineLink   = message("fullTimelineLink")
	nowLabel           = message("nowLabel")
	laneLoadingText    = message("laneLoadingText")
	zoomHint           = message("zoomHint")
	zoomGroupLabel     = message("zoomGroupLabel")
	zoomOutLabel       = message("zoomOutLabel")
	zoomOutTitle       = message("zoomOutTitle")
	zoomInLabel        = message("zoomInLabel")
	zoomInTitle        = message("zoomInTitle")
	fitLabel           = message("fitLabel")
	fitTitle           = message("fitTitle")
	cursorShowLabel    = message("cursorShowLabel")
	cursorHideLabel    = message("cursorHideLabel")
	cursorButtonTitle  = message("cursorButtonTitle")
	cursorLabel        = message("cursorLabel")
	listViewLabel      = message("listViewLabel")
	listViewTitle      = message("listViewTitle")
	filterLabel        = message("filterLabel")
	filterChosenLabel  = message("filterChosenLabel")
	filterPlaceholder  = message("filterPlaceholder")
	filterOptionsLabel = message("filterOptionsLabel")
	filterClearLabel   = message("filterClearLabel")
	embedButtonLabel   = message("embedButtonLabel")
	embedPanelLabel    = message("embedPanelLabel")
	embedScriptLabel   = message("embedScriptLabel")
	embedScriptHint    = message("embedScriptHint")
	embedIframeLabel   = message("embedIframeLabel")
	embedIframeHint    = message("embedIframeHint")
	// The Embed panel's options, its other codes and its preview.
	embedThemeLegend      = message("embedThemeLegend")
	embedThemeAutoLabel   = message("embedThemeAutoLabel")
	embedThemeLightLabel  = message("embedThemeLightLabel")
	embedThemeDarkLabel   = message("embedThemeDarkLabel")
	embedThemeHostLabel   = message("embedThemeHostLabel")
	embedShowLegend       = message("embedShowLegend")
	embedShowTitleLabel   = message("embedShowTitleLabel")
	embedShowLegendLabel  = message("embedShowLegendLabel")
	embedShowEventsLabel  = message("embedShowEventsLabel")
	embedShowSourcesLabel = message("embedShowSourcesLabel")
	embedStartLegend      = message("embedStartLegend")
	embedStartViewLabel   = message("embedStartViewLabel")
	embedStartWholeLabel  = message("embedStartWholeLabel")
	embedTargetLegend     = message("embedTargetLegend")
	embedElementLabel     = message("embedElementLabel")
	embedElementHint      = message("embedElementHint")
	embedAMPLabel         = message("embedAMPLabel")
	embedAMPHint          = message("embedAMPHint")
	embedAMPMore          = message("embedAMPMore")
	embedURLLabel         = message("embedURLLabel")
	embedURLHint          = message("embedURLHint")
	embedPreviewLabel     = message("embedPreviewLabel")
	copyLabel             = message("copyLabel")
	detailsLabel          = message("detailsLabel")
	closeDetailsLabel     = message("closeDetailsLabel")
	ongoingLabel          = message("ongoingLabel")
	legendLabel           = message("legendLabel")
	eventsHeading         = message("eventsHeading")
	sourcesHeading        = message("sourcesHeading")
	relationshipsTitle    = message("relationshipsTitle")
	relationshipsAbout    = message("relationshipsAbout")
	nobodyTogether        = message("nobodyTogether")
	noQuotes              = message("noQuotes")
	fileProblemsHeading   = message("fileProblemsHeading")
	verifiedLabel         = message("verifiedLabel")
	verifiedTitle         = message("verifiedTitle")
	inContextLabel        = message("inContextLabel")
	accountsHeading       = message("accountsHeading")
	updatesLabel          = message("updatesLabel")
	// The legend's items, but for the statuses' words and "Ongoing".
	legendReported  = message("legendReported")
	legendRumoured  = message("legendRumoured")
	legendFade      = message("legendFade")
	legendAsOf      = message("legendAsOf")
	legendContested = message("legendContested")
	legendEvent     = message("legendEvent")
)

// The list view's column headings.
func relationshipColumns() []string {
	return messageTexts("columnPeople", "columnPhases", "columnEnd", "columnCertainty", "columnEvidence")
}

func eventColumns() []string {
	return messageTexts("columnDate", "columnEvent", "columnPeople", "columnKind", "columnQuote")
}

// messageTexts are the messages ids.
func messageTexts(ids ...string) []string {
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = words().Text(id)
	}
	return list
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

// The words of the data's values, by message id. A value the data format
// does not know, which validation keeps out, reads as its kind's default.
var (
	statusWords    = map[data.Status]string{data.Dating: "statusDating", data.Engaged: "statusEngaged", data.Married: "statusMarried"}
	endWords       = map[data.EndKind]string{data.Split: "endSplit", data.Divorce: "endDivorce", data.Death: "endDeath"}
	certaintyWords = map[data.Certainty]string{data.Confirmed: "certaintyConfirmed", data.Reported: "certaintyReported", data.Rumoured: "certaintyRumoured"}
	// certaintyTexts say how sure a relationship is, standing alone.
	certaintyTexts = map[data.Certainty]string{data.Confirmed: "certaintyConfirmedText", data.Reported: "certaintyReportedText", data.Rumoured: "certaintyRumouredText"}
	eventKindTexts = map[data.EventKind]string{data.Interview: "eventInterview", data.Sighting: "eventSighting", data.Statement: "eventStatement", data.OtherKind: "eventOther"}
	// togetherAsOfTexts say that a relationship lasted on the date of its
	// latest evidence, and how sure that is.
	togetherAsOfTexts = map[data.Certainty]string{data.Confirmed: "togetherAsOf", data.Reported: "reportedTogetherAsOf", data.Rumoured: "rumouredTogetherAsOf"}
	// updateTexts introduce a correction and an update.
	updateTexts = map[data.UpdateKind]string{data.Correction: "correctedOn", data.Addition: "updatedOn"}
)

func statusWord(s data.Status) string       { return wordOf(statusWords, s, data.Dating) }
func endWord(k data.EndKind) string         { return wordOf(endWords, k, data.Split) }
func certaintyWord(c data.Certainty) string { return wordOf(certaintyWords, c, data.Confirmed) }
func certaintyText(c data.Certainty) string { return wordOf(certaintyTexts, c, data.Confirmed) }
func eventKindText(k data.EventKind) string { return wordOf(eventKindTexts, k, data.OtherKind) }

// wordOf is the message of value in ids, or of otherwise when it has
// none.
func wordOf[V comparable](ids map[V]string, value, otherwise V) string {
	id, ok := ids[value]
	if !ok {
		id = ids[otherwise]
	}
	return words().Text(id)
}

// Dates, in the page's language from CLDR.

// dateText is a date as a reader should see it: its label when it has
// one, otherwise "2018", "June 2025", "14 March 2022", "about 1985",
// "probably 2024" or "between September and December 2023", in the
// page's language.
func dateText(d data.Date) string {
	if d.Label != "" {
		return d.Label
	}
	if d.IsZero() {
		return ""
	}
	var s string
	if d.Interval {
		s = intervalText(d)
	} else {
		s = dayText(d.Earliest, d.Precision)
	}
	switch {
	case d.Approximate && d.Uncertain:
		return words().Text("dateProbablyAbout", "Date", s)
	case d.Approximate:
		return words().Text("dateAbout", "Date", s)
	case d.Uncertain:
		return words().Text("dateProbably", "Date", s)
	}
	return s
}

// intervalText writes "between A and B", leaving out what both ends
// share: "between September and December 2023", not "... September 2023
// and ...".
func intervalText(d data.Date) string {
	first, last, _ := strings.Cut(d.Text, "/")
	fp, lp := data.Precision(strings.Count(first, "-")+1), data.Precision(strings.Count(last, "-")+1)
	a, b := dayText(d.Earliest, fp), dayText(d.Latest, lp)
	if fp == data.Month && lp == data.Month && d.Earliest.Year() == d.Latest.Year() {
		c := &words().CLDR
		a = c.Format(d.Earliest, c.Month)
	}
	return words().Text("dateBetween", "From", a, "To", b)
}

// dayText writes t to the precision p: "2018", "June 2025", "14 March
// 2022".
func dayText(t time.Time, p data.Precision) string {
	c := &words().CLDR
	switch p {
	case data.Year:
		return c.Format(t, c.Year)
	case data.Month:
		return c.Format(t, c.YearMonth)
	}
	return c.Format(t, c.Date)
}

// tickLabel is the label of a tick of the time axis, short: "2018", "Jun
// 2025", "14 Jun 2025".
func tickLabel(t plot.Tick) string {
	c := &words().CLDR
	switch t.Unit {
	case plot.Days:
		return c.Format(t.Time, c.ShortDate)
	case plot.Months:
		return c.Format(t.Time, c.ShortYearMonth)
	}
	return c.Format(t.Time, c.Year)
}

// number writes n in the page's language's digits.
func number(n int) string { return words().CLDR.Integer(n) }

// LoaderText is what go-app's loader says in l while the WebAssembly
// downloads, around the percentage that go-app writes between them
// ("Loading the interactive timeline… ", "%"), and what it says when the
// WebAssembly could not load. The loader is go-app's, one for every
// language, so the server hands these to the page's style sheet.
func LoaderText(l *locale.Locale) (before, after, failed string) {
	const percent = "\x00"
	before, after, _ = strings.Cut(l.Text("loaderLabel", "Percent", percent), percent)
	return before, after, l.Text("loaderFailed")
}

// The sentences of relationships and events.

// phaseText is a phase and when it began: "dating from 2018", or with
// other accounts of the date "dating from 2018 (or 2017 by another
// account)".
func phaseText(p *data.Phase) string {
	return withAccounts(words().Text("phase", "Status", statusWord(p.Status), "Date", dateText(p.From)), p.Alternatives)
}

// endText is how and when a relationship ended: "split late 2023".
func endText(e *data.End) string {
	return withAccounts(words().Text("ending", "End", endWord(e.KindOrDefault()), "Date", dateText(e.Date)), e.Alternatives)
}

// withAccounts is text followed by the dates of other accounts, if any.
func withAccounts(text string, alternatives []data.Account) string {
	if len(alternatives) == 0 {
		return text
	}
	dates := make([]string, len(alternatives))
	for i, a := range alternatives {
		dates[i] = dateText(a.Date)
	}
	return words().Text("otherAccounts", "Text", text, "Dates", strings.Join(dates, words().Text("datesOr")))
}

// accountText introduces an account of a date and the quotes it stands
// on: "2018, according to:", "2017, inferred from:".
func accountText(d data.Date, inferred bool) string {
	if inferred {
		return words().Text("accountInferred", "Date", dateText(d))
	}
	return words().Text("accountStated", "Date", dateText(d))
}

// asOfDateText is the last day of the date of a relationship's latest
// evidence (data.Relationship.AsOf), as precisely as it is written:
// "July 2025" for 2025-07, "2025" for 2025?, "December 2023" for
// 2023-09/2023-12. Its label, which says how the date was inferred, is
// for the date itself.
func asOfDateText(d data.Date) string {
	p := d.Precision
	if d.Interval {
		_, last, _ := strings.Cut(d.Text, "/")
		p = data.Precision(strings.Count(last, "-") + 1)
	}
	return dayText(d.Latest, p)
}

// togetherAsOfText says that a relationship lasted on the date of its
// latest evidence, and how sure that is: "reported together as of July
// 2025"; "" for a relationship that ended, or whose date is not known.
func togetherAsOfText(r *data.Relationship) string {
	if r.End != nil || r.AsOf == nil {
		return ""
	}
	id, ok := togetherAsOfTexts[r.CertaintyOrDefault()]
	if !ok {
		id = togetherAsOfTexts[data.Confirmed]
	}
	return words().Text(id, "Date", asOfDateText(*r.AsOf))
}

// updateText is a correction or an update, with its day: "Corrected on 3
// December 2026: …".
func updateText(u *data.Update) string {
	id, ok := updateTexts[u.Kind]
	if !ok {
		id = updateTexts[data.Addition]
	}
	return words().Text(id, "Date", dateText(u.Date), "Text", u.Text)
}

// allUpdatesText opens the list of a timeline's n corrections and
// updates.
func allUpdatesText(n int) string { return words().Count("allUpdates", n) }

// qualified is text followed by how sure it is, unless it is confirmed:
// "dating from 2015 (rumoured)".
func qualified(text string, c data.Certainty) string {
	if c == "" || c == data.Confirmed {
		return text
	}
	return withCertainty(text, c)
}

// withCertainty is text followed by how sure it is: "engaged from 2022
// (reported)".
func withCertainty(text string, c data.Certainty) string {
	return words().Text("qualified", "Text", text, "Certainty", certaintyWord(c))
}

// phaseDetailsText is a phase as the details give it, with how sure it
// is when that is not how sure its relationship is: "Engaged from 2022
// (reported)".
func phaseDetailsText(p *data.Phase, r *data.Relationship) string {
	text := capitalized(phaseText(p))
	if c := p.CertaintyIn(r); c != r.CertaintyOrDefault() {
		text = withCertainty(text, c)
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
	return words().Text("pair", "Person", names[r.People[0]], "Partner", names[r.People[1]])
}

// relationshipLabel is a bar's name for screen readers: "Imogen Poots
// and James Norton: dating from 2018, engaged from 2022, split late 2023".
func relationshipLabel(r *data.Relationship, self, partner string) string {
	var parts []string
	for i := range r.Phases {
		parts = append(parts, phaseText(&r.Phases[i]))
	}
	switch {
	case r.End != nil:
		parts = append(parts, endText(r.End))
	case r.AsOf != nil:
		parts = append(parts, words().Text("togetherAsOf", "Date", asOfDateText(*r.AsOf)))
	default:
		parts = append(parts, words().Text("ongoing"))
	}
	text := words().Text("relationshipLabel", "Person", self, "Partner", partner,
		"Phases", strings.Join(parts, words().Text("listSeparator")))
	return qualified(text, r.CertaintyOrDefault())
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
	if asOf := togetherAsOfText(r); asOf != "" {
		return append(lines, asOf) // which says how sure it is
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
	return capitalized(strings.Join(parts, words().Text("phaseSeparator")))
}

// endingText says how a relationship ended: "Split late 2023; Imogen Poots
// ended it", or "Reported together as of July 2025", or "Ongoing".
func endingText(r *data.Relationship, names map[string]string) string {
	if asOf := togetherAsOfText(r); asOf != "" {
		return capitalized(asOf)
	}
	if r.End == nil {
		return ongoingLabel()
	}
	text := capitalized(endText(r.End))
	if r.End.Initiator != "" {
		text += words().Text("phaseSeparator") + endedBy(names[r.End.Initiator])
	}
	return text
}

// endedBy says who ended a relationship, within a sentence, and
// endedBySentence as one; reasonText why, as they said.
func endedBy(name string) string         { return words().Text("endedBy", "Name", name) }
func endedBySentence(name string) string { return words().Text("endedBySentence", "Name", name) }
func reasonText(reason string) string    { return words().Text("reasonGiven", "Reason", reason) }

// quotesText counts a relationship's quotes and how many of them were
// verified against their source: "None", "1 quote", "2 quotes, all
// verified against the source", "3 quotes, 1 verified against the source".
func quotesText(n, verified int) string {
	switch {
	case n == 0:
		return noQuotes()
	case verified == 0:
		return words().Count("quotes", n)
	case verified == n:
		return words().Count("quotesAllVerified", n)
	}
	return words().Count("quotesSomeVerified", verified, "Quotes", words().Count("quotes", n))
}

// coupleText says what a couple was on a day, in words: "engaged",
// "dating, possibly engaged", "possibly dating", "married, possibly
// split", "dating (reported)", or after the date of its latest evidence
// "not known after July 2025 (dating then)".
func coupleText(c couple) string {
	s := c.State
	text := statusWord(s.Status)
	if r := c.Relationship; s.Unknown && r.AsOf != nil {
		return qualified(words().Text("notKnownAfter", "Date", asOfDateText(*r.AsOf), "State", text), s.Certainty)
	}
	switch {
	case s.MayNotHaveBegun:
		text = words().Text("possibly", "State", text)
	case s.Before != "":
		text = words().Text("possiblyAfter", "Before", statusWord(s.Before), "State", text)
	}
	if end := c.Relationship.End; s.MayHaveEnded && end != nil {
		text = words().Text("possiblyEnded", "State", text, "End", endWord(end.KindOrDefault()))
	}
	return qualified(text, s.Certainty)
}

// markerLabel is an event marker's name for screen readers: "Event 1:
// James Norton talks about the split, probably 2025"; eventTooltip is its
// title, then its kind and date.
func markerLabel(n int, e *data.Event) string {
	return words().Text("markerLabel", "Number", number(n), "Title", e.Title, "Date", dateText(e.Date))
}

func eventTooltip(e *data.Event) []string {
	return []string{e.Title, eventKindText(e.Kind) + " · " + dateText(e.Date)}
}

// eventFacts are an event's date, kind and people, as the events under
// the chart give them; eventDetailsFacts as its details do.
func eventFacts(e *data.Event, names map[string]string) string {
	return dateText(e.Date) + " · " + eventKindText(e.Kind) + " · " + peopleText(e.People, names)
}

func eventDetailsFacts(e *data.Event, names map[string]string) string {
	return eventKindText(e.Kind) + " · " + dateText(e.Date) + " · " + peopleText(e.People, names)
}

// peopleText names people: "Lily Allen, James Norton".
func peopleText(ids []string, names map[string]string) string {
	list := make([]string, len(ids))
	for i, id := range ids {
		list[i] = names[id]
	}
	return strings.Join(list, words().Text("listSeparator"))
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
	c := &words().CLDR
	return words().Text("chartLabel", "From", c.Format(w.From, c.Year), "To", c.Format(w.To.AddDate(0, 0, -1), c.Year))
}

// asOfTitle heads who was with whom on the cursor's date; cursorBefore
// and cursorAfter are the cursor's label when its date is before or after
// the window: their arrows point where the date is, which is the other
// way in a chart whose time runs right to left.
func asOfTitle(at data.Date) string    { return words().Text("asOfTitle", "Date", dateText(at)) }
func cursorBefore(at data.Date) string { return earlierArrow() + " " + dateText(at) }
func cursorAfter(at data.Date) string  { return dateText(at) + " " + laterArrow() }

// showMoreText is the label of the button that draws n more of a list,
// and shownText how many of it are drawn.
func showMoreText(n int, l longList) string {
	id := map[longList]string{relationshipRows: "showMoreRelationships",
		eventRows: "showMoreEvents", eventItems: "showMoreEvents", couplesAsOf: "showMoreCouples"}[l]
	return words().Count(id, n)
}

func shownText(shown, total int) string {
	return words().Text("shown", "Shown", number(shown), "Total", number(total))
}

// showingText says whom the chart is filtered to: "Showing Lily Allen and
// their partners."
func showingText(people string) string { return words().Text("showing", "People", people) }

// unknownPeopleText names the people of a link the timeline does not
// have; everyone says the chart shows everyone instead.
func unknownPeopleText(ids []string, everyone bool) string {
	text := words().Text("unknownPeople", "Names", strings.Join(ids, words().Text("namesOr")))
	if everyone {
		text += " " + words().Text("showingEveryone")
	}
	return text
}

// unusableText says which parameters of a link the view left out, and
// what each expects, or "" when it used them all.
func unusableText(s ViewState) string {
	var parts []string
	for _, p := range viewParameters {
		if value := s.Unusable.Get(p.name); value != "" {
			parts = append(parts, words().Text("unusableParameter", "Parameter", p.name+"="+shortened(value, 40),
				"Expected", words().Text(p.expected)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return words().Text("unusableLink", "Parameters", strings.Join(parts, words().Text("phaseSeparator")))
}

// viewParameters are the parameters of a view's URL, in the order
// unusableText names them, with the message of what each expects.
var viewParameters = []struct{ name, expected string }{
	{"from", "expectedFrom"},
	{"to", "expectedTo"},
	{"rel", "expectedRel"},
	{"event", "expectedEvent"},
	{"at", "expectedAt"},
	{"theme", "expectedTheme"},
	{"view", "expectedView"},
	{"title", "expectedTitle"},
	{HideParameter, "expectedHide"},
	{"lang", "expectedLang"},
}

// problemText is what a reader is told when a timeline cannot be shown.
func problemText(err error) string {
	var noTimeline *data.UnknownTimelineError
	var noPerson *data.UnknownPersonError
	switch {
	case errors.As(err, &noTimeline):
		return words().Text("noSuchTimeline", "ID", noTimeline.ID)
	case errors.As(err, &noPerson):
		return words().Text("noSuchPerson", "Person", noPerson.Person)
	}
	return words().Text("loadFailed", "Error", err.Error())
}

// pageTitle is the title of a timeline's page, timelineFacts what sums it
// up in the list of timelines: "4 people · 2018–2025", its years (the
// data's span, data.Timeline.Span) in the language's digits.
func pageTitle(timeline string) string {
	return words().Text("pageTitle", "Timeline", timeline, "Site", siteName())
}

func timelineFacts(people int, span string) string {
	facts := words().Count("people", people)
	if span != "" {
		facts += " · " + words().CLDR.Numerals(span)
	}
	return facts
}

// The person filter's sentences: a chip's label, a lane's name's title,
// the alias a search matched, and a search that matched nobody.
func removePersonLabel(name string) string { return words().Text("removePerson", "Name", name) }
func filterByTitle(name string) string     { return words().Text("filterBy", "Name", name) }
func aliasText(alias string) string        { return words().Text("alias", "Alias", alias) }
func nobodyCalled(query string) string     { return words().Text("nobodyCalled", "Query", query) }

// matchesText tells screen reader users how many people match: n, of
// which at most limit are listed.
func matchesText(n, limit int) string {
	if n == limit {
		return words().Text("firstMatches", "Count", number(limit))
	}
	return words().Count("matches", n)
}

// copiedText says a code is on the clipboard.
func copiedText(label string) string { return words().Text("copied", "Label", label) }

// The person filter's form: its button, and what a name sent (find=)
// finds when it names nobody, or more than one person.
var filterSubmitLabel = message("filterSubmitLabel")

func nobodyFound(sent string) string { return words().Text("nobodyFound", "Name", sent) }

// mayMean introduces the n people a name sent may mean, of which at most
// limit are listed.
func mayMean(sent string, n, limit int) string {
	switch {
	case n == 1:
		return words().Text("mayMeanOne", "Name", sent)
	case n >= limit:
		return words().Count("mayMeanFirst", limit, "Name", sent)
	}
	return words().Count("mayMeanMany", n, "Name", sent)
}
