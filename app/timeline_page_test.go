//go:build !wasm

package app

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

// The default timeline's four people, in the file's order.
var defaultNames = []string{"Imogen Poots", "James Norton", "Lily Allen", "David Harbour"}

// mainOf is the page's content: go-app's <main>, without the document's
// head and go-app's loader.
func mainOf(t *testing.T, doc *htmlNode) *htmlNode {
	t.Helper()
	return doc.one(t, "<main>", withTag("main"))
}

func TestTimelinePageShowsTheTimeline(t *testing.T) {
	tl := loadDefaultTimeline(t)
	doc := serveHTML(t, fakeLibrary{tl.ID: tl}, "/t/james-norton")
	page := mainOf(t, doc)

	if got, want := doc.one(t, "<title>", withTag("title")).textContent(), tl.Title+" · Liaison"; got != want {
		t.Errorf("<title> = %q, want %q", got, want)
	}
	description := doc.one(t, "meta description", func(n *htmlNode) bool { return n.tag == "meta" && n.attrs["name"] == "description" })
	if got := description.attrs["content"]; got != tl.Summary {
		t.Errorf("meta description = %q, want the summary %q", got, tl.Summary)
	}
	if got := texts(page.all(withTag("h1"))); !slices.Equal(got, []string{tl.Title}) {
		t.Errorf("headings = %q, want the title %q", got, tl.Title)
	}
	if got := texts(page.all(withClass("lane__person"))); !slices.Equal(got, defaultNames) {
		t.Errorf("lanes = %q, want %q", got, defaultNames)
	}

	bars := page.all(withClass("bar"))
	wantBars := []string{
		"Imogen Poots and James Norton: dating from 2018 (or 2017 by another account), engaged from 2022, split late 2023",
		"James Norton and Imogen Poots: dating from 2018 (or 2017 by another account), engaged from 2022, split late 2023",
		"James Norton and Lily Allen: dating from 2025, by July (inferred from the article), together as of July 2025 (reported)",
		"Lily Allen and David Harbour: dating from 2019, married from 2020, split probably 2024 (inferred from “last year”)",
		"Lily Allen and James Norton: dating from 2025, by July (inferred from the article), together as of July 2025 (reported)",
		"David Harbour and Lily Allen: dating from 2019, married from 2020, split probably 2024 (inferred from “last year”)",
	}
	if got := attrs(bars, "aria-label"); !slices.Equal(got, wantBars) {
		t.Errorf("bars, by aria-label:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantBars, "\n"))
	}
	for _, b := range bars {
		reported := strings.Contains(b.attrs["aria-label"], "(reported)")
		asOf := strings.Contains(b.attrs["aria-label"], "together as of")
		if b.hasClass("bar--reported") != reported || b.hasClass("bar--confirmed") == reported || b.hasClass("bar--as-of") != asOf || b.hasClass("bar--ongoing") {
			t.Errorf("bar %q has classes %q", b.attrs["aria-label"], b.attrs["class"])
		}
		if want := "?rel=" + b.attrs["data-relationship"]; b.tag != "a" || b.attrs["href"] != want {
			t.Errorf("bar %q is a <%s href=%q>, want a link readers can reach, to %q", b.attrs["aria-label"], b.tag, b.attrs["href"], want)
		}
	}

	if got, want := texts(page.all(withClass("tick"))), []string{"2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025"}; !slices.Equal(got, want) {
		t.Errorf("axis = %q, want %q", got, want)
	}
	if got := texts(page.all(withClass("now-line"))); !slices.Equal(got, []string{"now"}) {
		t.Errorf("now line = %q, want one labelled \"now\"", got)
	}

	legend := page.one(t, "legend", withClass("legend"))
	wantLegend := []string{"Dating", "Engaged", "Married", "Reported (dashed)", "Rumoured (dotted)",
		"Date known only roughly (fades)", "Sources differ on the date (striped)",
		"Not known after its latest source (dashed end)", "1 Event (numbered below)"}
	if got := texts(legend.all(withTag("li"))); !slices.Equal(got, wantLegend) {
		t.Errorf("legend = %q, want %q", got, wantLegend)
	}

	wantEvents := []string{
		"James Norton on how his schedule affected his relationship with Imogen Poots",
		"James Norton tells The Sunday Times he hasn’t given up hope on having children",
		"James Norton talks about the split in a new interview with The Sun at Glastonbury Festival",
		"James Norton and Lily Allen pictured on a reported date at the Lido festival, East London",
	}
	if got := texts(page.all(withClass("events__title"))); !slices.Equal(got, wantEvents) {
		t.Errorf("events list = %q, want %q", got, wantEvents)
	}
	if got, want := texts(page.all(withClass("events__number"))), []string{"1", "2", "3", "4"}; !slices.Equal(got, want) {
		t.Errorf("event numbers = %q, want %q", got, want)
	}
	// Each event's marker, in each of its people's lanes, carries its
	// number and says what it is.
	var markers []string
	for _, m := range page.all(withClass("marker")) {
		markers = append(markers, m.textContent()+" = "+m.attrs["aria-label"])
	}
	wantMarkers := []string{
		"1 = Event 1: " + wantEvents[0] + ", while together, 2018–2023 (inferred)",
		"2 = Event 2: " + wantEvents[1] + ", after the split, before this article (inferred)",
		"3 = Event 3: " + wantEvents[2] + ", 2025, by July (inferred from “two years on”)",
		"4 = Event 4: " + wantEvents[3] + ", earlier in the month of the article, July 2025 (inferred)",
		"4 = Event 4: " + wantEvents[3] + ", earlier in the month of the article, July 2025 (inferred)",
	}
	if !slices.Equal(markers, wantMarkers) {
		t.Errorf("markers:\n%s\nwant:\n%s", strings.Join(markers, "\n"), strings.Join(wantMarkers, "\n"))
	}
	if got := texts(page.all(withClass("source"))); !slices.Equal(got, []string{"ED!"}) {
		t.Errorf("sources = %q, want [ED!]", got)
	}
}

func TestTimelinePagePersonFilter(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lib := fakeLibrary{tl.ID: tl}
	tests := []struct {
		query  string
		lanes  []string
		bars   []string // relationship ids, a bar per partner
		events []string // event ids, in the list
		note   string
	}{
		{"person=david-harbour", []string{"Lily Allen", "David Harbour"},
			[]string{"lily-allen-david-harbour", "lily-allen-david-harbour"}, nil,
			"Showing David Harbour and their partners."},
		{"person=lily-allen", []string{"James Norton", "Lily Allen", "David Harbour"},
			[]string{"james-norton-lily-allen", "lily-allen-david-harbour", "james-norton-lily-allen", "lily-allen-david-harbour"},
			[]string{"lido-festival-sighting"},
			"Showing Lily Allen and their partners."},
		{"person=imogen-poots&person=david-harbour", []string{"Imogen Poots", "James Norton", "Lily Allen", "David Harbour"},
			[]string{"james-norton-imogen-poots", "james-norton-imogen-poots", "lily-allen-david-harbour", "lily-allen-david-harbour"},
			nil,
			"Showing Imogen Poots, David Harbour and their partners."},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			page := mainOf(t, serveHTML(t, lib, "/t/james-norton?"+tt.query))
			if got := texts(page.all(withClass("lane__person"))); !slices.Equal(got, tt.lanes) {
				t.Errorf("lanes = %q, want %q", got, tt.lanes)
			}
			if got := attrs(page.all(withClass("bar")), "data-relationship"); !slices.Equal(got, tt.bars) {
				t.Errorf("bars = %q, want %q", got, tt.bars)
			}
			if got := attrs(page.all(withClass("events__item")), "data-event"); !slices.Equal(got, tt.events) {
				t.Errorf("events = %q, want %q", got, tt.events)
			}
			if !strings.Contains(page.textContent(), tt.note) {
				t.Errorf("the page does not say %q:\n%s", tt.note, page.textContent())
			}
		})
	}
}

func TestTimelinePageProblems(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lib := fakeLibrary{tl.ID: tl}
	tests := []struct {
		name, target string
		says         string
		// Whether it must be a problem page, with no chart and a way back.
		// An unknown person must be named; whether the rest of the
		// timeline is shown regardless is the page's choice.
		problemPage bool
	}{
		{"unknown timeline", "/t/nobody", "There is no timeline called “nobody”.", true},
		{"unknown timeline with markup", "/t/" + url.PathEscape("<img src=x onerror=alert(1)>"),
			"There is no timeline called “<img src=x onerror=alert(1)>”.", true},
		{"unknown person", "/t/james-norton?person=nobody", "This timeline has nobody called “nobody”.", false},
		{"unknown person with markup", "/t/james-norton?person=" + url.QueryEscape("<script>alert(1)</script>"),
			"This timeline has nobody called “<script>alert(1)</script>”.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := serveHTML(t, lib, tt.target)
			page := mainOf(t, doc)
			if text := page.textContent(); !strings.Contains(text, tt.says) {
				t.Errorf("the page does not say %q:\n%s", tt.says, text)
			}
			for _, tag := range []string{"script", "img"} {
				if n := len(page.all(withTag(tag))); n > 0 {
					t.Errorf("the URL's markup made %d <%s> elements", n, tag)
				}
			}
			if !tt.problemPage {
				return
			}
			if n := len(page.all(withClass("chart"))); n > 0 {
				t.Errorf("a problem page shows a chart")
			}
			if got := doc.one(t, "<title>", withTag("title")).textContent(); got != "Liaison" {
				t.Errorf("<title> = %q, want \"Liaison\"", got)
			}
			links := page.all(withTag("a"))
			if len(links) != 1 || links[0].attrs["href"] != "/" || links[0].textContent() != "See all timelines" {
				t.Errorf("links = %q, want one to / saying \"See all timelines\"", texts(links))
			}
		})
	}
}

// hostileTimeline puts markup, double quotes and a crafted link wherever a
// timeline file allows text.
const hostileTimeline = `{"schema":"timeline/v1","id":"hostile",
	"title":"<script>alert(1)</script> & friends",
	"summary":"A \"quoted\" summary </p><b>bold</b>",
	"people":[
		{"id":"eve","name":"<script>alert(1)</script>","description":"<img src=x onerror=alert(2)>"},
		{"id":"mal","name":"Mal\" autofocus onfocus=\"alert(3)"}
	],
	"relationships":[
		{"id":"eve-mal","people":["eve","mal"],
		 "phases":[{"status":"dating","from":{"date":"2020","label":"2020\" onclick=\"alert(4)"}}]}
	],
	"events":[
		{"id":"party","date":"2021","kind":"other","title":"<i>Met</i> \"at\" a party","people":["eve","mal"],
		 "quote":"</blockquote><script>alert(5)</script>",
		 "evidence":[{"source":"src","quote":"\"</q><b>said</b>"}]}
	],
	"sources":[
		{"id":"src","outlet":"<b>Outlet</b>","url":"https://example.com/?q='onmouseover=alert(6)//&amp;x"}
	]}`

func TestTimelinePageEscapesHostileText(t *testing.T) {
	tl := mustParseTimeline(t, hostileTimeline)
	doc := serveHTML(t, fakeLibrary{tl.ID: tl}, "/t/hostile")
	page := mainOf(t, doc)

	// Markup in the data is text, never elements; quotes in the data never
	// end an attribute and start another.
	for _, tag := range []string{"script", "img", "b", "i"} {
		if n := len(page.all(withTag(tag))); n > 0 {
			t.Errorf("the data's markup made %d <%s> elements", n, tag)
		}
	}
	for _, n := range doc.all(func(*htmlNode) bool { return true }) {
		for _, name := range n.order {
			if strings.HasPrefix(name, "on") || name == "autofocus" || strings.ContainsAny(name, `"\`) {
				t.Errorf("<%s> has an attribute %q made from the data: %q", n.tag, name, n.attrs)
			}
		}
	}

	checks := []struct{ what, got, want string }{
		{"<title>", doc.one(t, "<title>", withTag("title")).textContent(), "<script>alert(1)</script> & friends · Liaison"},
		{"heading", page.one(t, "<h1>", withTag("h1")).textContent(), "<script>alert(1)</script> & friends"},
		{"summary", page.one(t, "summary", withClass("liaison__summary")).textContent(), `A "quoted" summary </p><b>bold</b>`},
		{"lane names", strings.Join(texts(page.all(withClass("lane__person"))), " | "),
			`<script>alert(1)</script> | Mal" autofocus onfocus="alert(3)`},
		{"description", page.one(t, "description", withClass("lane__description")).textContent(), "<img src=x onerror=alert(2)>"},
		{"bar names", strings.Join(texts(page.all(withClass("bar__label"))), " | "),
			`Mal" autofocus onfocus="alert(3) | <script>alert(1)</script>`},
		{"event", page.one(t, "event title", withClass("events__title")).textContent(), `<i>Met</i> "at" a party`},
		{"quote", page.one(t, "event quote", withClass("events__quote")).textContent(), "</blockquote><script>alert(5)</script>"},
		{"source", page.one(t, "source", withClass("source")).textContent(), "<b>Outlet</b>"},
		// go-app quotes attributes Go-style: the page's title and
		// description get typographic quotes (they are text too); every
		// other attribute is written with character references and read
		// back exactly.
		{"meta description", doc.one(t, "meta description", func(n *htmlNode) bool { return n.tag == "meta" && n.attrs["name"] == "description" }).attrs["content"],
			`A “quoted” summary </p><b>bold</b>`},
		{"bar label", strings.Join(attrs(page.all(withClass("bar")), "aria-label"), " | "),
			`<script>alert(1)</script> and Mal" autofocus onfocus="alert(3): dating from 2020" onclick="alert(4), together as of 2020 | ` +
				`Mal" autofocus onfocus="alert(3) and <script>alert(1)</script>: dating from 2020" onclick="alert(4), together as of 2020`},
		{"marker label", page.all(withClass("marker"))[0].attrs["aria-label"], `Event 1: <i>Met</i> "at" a party, 2021`},
		{"link", page.one(t, "source", withClass("source")).attrs["href"], "https://example.com/?q='onmouseover=alert(6)//&amp;x"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q\nwant %q", c.what, c.got, c.want)
		}
	}
}

// TestTimelinePageListViewListsEachEventOnce opens the list view, whose
// events table takes the place of the events list under the chart.
func TestTimelinePageListViewListsEachEventOnce(t *testing.T) {
	tl := loadDefaultTimeline(t)
	page := mainOf(t, serveHTML(t, fakeLibrary{tl.ID: tl}, "/t/james-norton?view=list"))
	text := page.textContent()
	for _, e := range tl.Events {
		if n := strings.Count(text, e.Title); n != 1 {
			t.Errorf("the list view shows the event %q %d times, want once", e.Title, n)
		}
		if e.Quote != "" && !strings.Contains(text, e.Quote) {
			t.Errorf("the list view lacks the quote of the event %q", e.Title)
		}
	}
}

// TestTimelinePageSaysWhatItLeftOut opens views whose URLs hold what they
// cannot show: the page says what it left out, and shows the rest.
func TestTimelinePageSaysWhatItLeftOut(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lib := fakeLibrary{tl.ID: tl}
	tests := []struct {
		query string
		// notice is what the page says it left out, "" for nothing.
		notice []string
		lanes  []string
		cursor bool
	}{
		{"?at=2022-06", nil, defaultNames, true},
		{"?at=someday&theme=purple", []string{"at=someday", "theme=purple (expected light, dark, auto or host)"}, defaultNames, false},
		{"?at=1900", []string{"at=1900 (expected a date like 2022, 2022-06 or 2022-06-14, in the timeline's years)"}, defaultNames, false},
		{"?rel=nope", []string{"rel=nope (expected the id of one of the relationships shown)"}, defaultNames, false},
		{"?person=imogen-poots&rel=lily-allen-david-harbour", []string{"rel=lily-allen-david-harbour"}, []string{"Imogen Poots", "James Norton"}, false},
		{"?person=LILY-ALLEN", nil, []string{"James Norton", "Lily Allen", "David Harbour"}, false},
		{"?from=2019-13&to=2020", []string{"from=2019-13", "to=2020"}, defaultNames, false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			page := mainOf(t, serveHTML(t, lib, "/t/james-norton"+tt.query))
			var notice string
			for _, n := range page.all(withClass("notice--problem")) {
				notice += n.textContent()
			}
			if len(tt.notice) == 0 && notice != "" {
				t.Errorf("the page says %q, want nothing left out", notice)
			}
			for _, want := range tt.notice {
				if !strings.Contains(notice, want) {
					t.Errorf("the page says %q, want it to name %q", notice, want)
				}
			}
			if got := texts(page.all(withClass("lane__person"))); !slices.Equal(got, tt.lanes) {
				t.Errorf("lanes = %q, want %q", got, tt.lanes)
			}
			if got := len(page.all(withClass("cursor-handle"))) > 0; got != tt.cursor {
				t.Errorf("cursor shown: %v, want %v", got, tt.cursor)
			}
		})
	}
}

// TestEmbedHidesParts checks that an embed leaves out the parts its URL
// hides (hide=, title=0), and that the full page, which hides nothing,
// ignores them; the embed's link to its full page drops them.
func TestEmbedHidesParts(t *testing.T) {
	tl := loadDefaultTimeline(t)
	parts := map[string]func(*htmlNode) bool{
		"title":   withClass("liaison__title"),
		"legend":  withClass("legend"),
		"events":  withClass("events"),
		"sources": withClass("sources"),
	}
	tests := []struct {
		path   string
		hidden []string
	}{
		{"/embed/james-norton", nil},
		{"/embed/james-norton?hide=legend", []string{"legend"}},
		{"/embed/james-norton?hide=events,sources", []string{"events", "sources"}},
		{"/embed/james-norton?hide=title,legend,events,sources", []string{"title", "legend", "events", "sources"}},
		{"/embed/james-norton?title=0", []string{"title"}},
		{"/embed/james-norton?hide=legend,banner", nil},
		{"/t/james-norton?hide=title,legend,events,sources", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			page := mainOf(t, serveHTML(t, fakeLibrary{tl.ID: tl}, tt.path))
			for name, match := range parts {
				if shown, want := len(page.all(match)) > 0, !slices.Contains(tt.hidden, name); shown != want {
					t.Errorf("the %s is shown: %v, want %v", name, shown, want)
				}
			}
			if credit := page.all(withClass("liaison__credit")); len(credit) > 0 && len(tt.hidden) > 0 {
				if href := credit[0].all(withTag("a"))[0].attrs["href"]; strings.Contains(href, "hide=") || strings.Contains(href, "title=0") {
					t.Errorf("the link to the full page is %q: it hides nothing", href)
				}
			}
		})
	}

	// The list view's table of events is the events too.
	tables := func(path string) int {
		return len(mainOf(t, serveHTML(t, fakeLibrary{tl.ID: tl}, path)).all(withClass("list-view__table")))
	}
	if with, without := tables("/embed/james-norton?view=list"), tables("/embed/james-norton?view=list&hide=events"); without != with-1 {
		t.Errorf("the embed's list view has %d tables, and %d with hide=events: want one fewer", with, without)
	}
}
