package plot

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

func TestWindow(t *testing.T) {
	now := ymd(2025, time.June, 15)
	tests := []struct {
		name          string
		people        string
		relationships string
		events        string
		from, to      time.Time
	}{
		{"rounds out to whole years", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018-06-15"}],"end":{"date":"2020-03-10"}}`, "",
			ymd(2018, time.January, 1), ymd(2021, time.January, 1)},
		{"an ended relationship leaves now out", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2019"}}`, "",
			ymd(2018, time.January, 1), ymd(2020, time.January, 1)},
		{"an ongoing relationship runs to now", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}]}`, "",
			ymd(2018, time.January, 1), ymd(2026, time.January, 1)},
		{"an uncertain end counts to its latest day", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2023-09/2024-02"}}`, "",
			ymd(2018, time.January, 1), ymd(2025, time.January, 1)},
		{"an end on New Year's Eve adds no empty year", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2020-12-31"}}`, "",
			ymd(2018, time.January, 1), ymd(2021, time.January, 1)},
		{"events widen it both ways", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2019"}}`,
			`{"id":"a","date":"2015-05-05","kind":"other","title":"A","people":["ann"]},
			 {"id":"b","date":"2022?","kind":"other","title":"B","people":["bob"]}`,
			ymd(2015, time.January, 1), ymd(2023, time.January, 1)},
		{"nothing dated: the year of now", "ann", ``, "",
			ymd(2025, time.January, 1), ymd(2026, time.January, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Window(testTimeline(t, tt.people, tt.relationships, tt.events), now)
			if !s.From.Equal(tt.from) || !s.To.Equal(tt.to) {
				t.Errorf("Window = %s – %s, want %s – %s", s.From.Format(time.DateOnly), s.To.Format(time.DateOnly),
					tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly))
			}
		})
	}
}

func TestWindowIgnoresBirthDates(t *testing.T) {
	tl := mustParseTimeline(t, `{"schema":"timeline/v1","id":"test","title":"Test",
		"people":[{"id":"ann","name":"Ann","born":"1950"},{"id":"bob","name":"Bob","born":"1948-02-03"}],
		"relationships":[{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2019"}}]}`)
	s := Window(tl, ymd(2025, time.June, 15))
	if want := ymd(2018, time.January, 1); !s.From.Equal(want) {
		t.Errorf("Window starts %s, want %s: birth dates must not stretch the chart", s.From.Format(time.DateOnly), want.Format(time.DateOnly))
	}
}

// layoutTimeline has, in Ann's lane, two overlapping relationships and a
// third after the first; people listed in an order that is neither
// alphabetical nor that of the relationships; events out of date order,
// two of Ann's close enough to collide.
const layoutTimeline = `{"schema":"timeline/v1","id":"test","title":"Test",
	"people":[
		{"id":"dan","name":"Dan"},
		{"id":"ann","name":"Ann"},
		{"id":"cat","name":"Cat"},
		{"id":"bob","name":"Bob"}
	],
	"relationships":[
		{"id":"ann-bob","people":["ann","bob"],"certainty":"reported",
		 "phases":[
			{"status":"dating","from":"2010"},
			{"status":"engaged","from":"2012-06-15","certainty":"confirmed"}
		 ],
		 "end":{"date":"2014"}},
		{"id":"cat-ann","people":["cat","ann"],
		 "phases":[{"status":"dating","from":"2013-03","certainty":"rumoured"}],
		 "end":{"date":"2016-05-01"}},
		{"id":"ann-dan","people":["ann","dan"],
		 "phases":[{"status":"dating","from":"2017"}]}
	],
	"events":[
		{"id":"late","date":"2019-05-05","kind":"sighting","title":"Late","people":["dan","ann"]},
		{"id":"early","date":"2011","kind":"interview","title":"Early","people":["ann","bob"]},
		{"id":"mid","date":"2011-02-01","kind":"statement","title":"Mid","people":["ann"]}
	]}`

var layoutNow = ymd(2020, time.June, 1)

func TestLaneLayoutLanes(t *testing.T) {
	tl := mustParseTimeline(t, layoutTimeline)
	l := NewLaneLayout(tl, layoutNow, Window(tl, layoutNow))
	if want := (TimeScale{From: ymd(2010, time.January, 1), To: ymd(2021, time.January, 1)}); l.Scale != want {
		t.Errorf("Scale = %v, want %v", l.Scale, want)
	}
	var got []string
	for _, lane := range l.Lanes {
		got = append(got, lane.Person.ID)
	}
	if want := []string{"dan", "ann", "cat", "bob"}; !slices.Equal(got, want) {
		t.Errorf("lanes = %q, want the file's order %q", got, want)
	}

	tests := []struct {
		person     string
		bars       []string // relationship: partner, row
		barRows    int
		markers    []string // number: event id, row
		markerRows int
	}{
		{"ann", []string{"ann-bob: bob, row 0", "cat-ann: cat, row 1", "ann-dan: dan, row 0"}, 2,
			[]string{"1: early, row 0", "2: mid, row 1", "3: late, row 0"}, 2},
		{"bob", []string{"ann-bob: ann, row 0"}, 1, []string{"1: early, row 0"}, 1},
		{"cat", []string{"cat-ann: ann, row 0"}, 1, nil, 0},
		{"dan", []string{"ann-dan: ann, row 0"}, 1, []string{"3: late, row 0"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.person, func(t *testing.T) {
			lane := laneOf(t, l, tt.person)
			var bars, markers []string
			for _, b := range lane.Bars {
				bars = append(bars, fmt.Sprintf("%s: %s, row %d", b.Relationship.ID, b.Partner.ID, b.Row))
			}
			for _, m := range lane.Markers {
				markers = append(markers, fmt.Sprintf("%d: %s, row %d", m.Number, m.Event.ID, m.Row))
			}
			if !slices.Equal(bars, tt.bars) {
				t.Errorf("bars = %q\nwant %q", bars, tt.bars)
			}
			if lane.BarRows != tt.barRows {
				t.Errorf("BarRows = %d, want %d", lane.BarRows, tt.barRows)
			}
			if !slices.Equal(markers, tt.markers) {
				t.Errorf("markers = %q\nwant %q", markers, tt.markers)
			}
			if lane.MarkerRows != tt.markerRows {
				t.Errorf("MarkerRows = %d, want %d", lane.MarkerRows, tt.markerRows)
			}
		})
	}
}

// laneOf is the lane of the person with the given id.
func laneOf(t *testing.T, l LaneLayout, id string) *Lane {
	t.Helper()
	for i := range l.Lanes {
		if l.Lanes[i].Person.ID == id {
			return &l.Lanes[i]
		}
	}
	t.Fatalf("no lane for %q", id)
	return nil
}

// barOf is the bar of a relationship in a person's lane.
func barOf(t *testing.T, l LaneLayout, person, relationship string) Bar {
	t.Helper()
	for _, b := range laneOf(t, l, person).Bars {
		if b.Relationship.ID == relationship {
			return b
		}
	}
	t.Fatalf("no bar of %q in %q's lane", relationship, person)
	return Bar{}
}

func TestLaneLayoutEvents(t *testing.T) {
	tl := mustParseTimeline(t, layoutTimeline)
	l := NewLaneLayout(tl, layoutNow, Window(tl, layoutNow))
	var order []string
	for _, e := range l.Events {
		order = append(order, e.ID)
	}
	if want := []string{"early", "mid", "late"}; !slices.Equal(order, want) {
		t.Errorf("Events = %q, want date order %q", order, want)
	}
	for _, lane := range l.Lanes {
		for _, m := range lane.Markers {
			e := m.Event
			if !e.Involves(lane.Person.ID) {
				t.Errorf("marker of %q in the lane of %q, who is not in it", e.ID, lane.Person.ID)
			}
			if l.Events[m.Number-1] != e {
				t.Errorf("marker of %q has number %d, which is %q's", e.ID, m.Number, l.Events[m.Number-1].ID)
			}
			from, to := l.Scale.Percent(e.Date.Earliest), l.Scale.Percent(e.Date.End())
			if !near(m.From, from) || !near(m.To, to) || !near(m.At, (from+to)/2) {
				t.Errorf("marker of %q: From %v, To %v, At %v; want %v, %v, %v", e.ID, m.From, m.To, m.At, from, to, (from+to)/2)
			}
		}
	}
}

func TestLaneLayoutBars(t *testing.T) {
	tl := mustParseTimeline(t, layoutTimeline)
	l := NewLaneLayout(tl, layoutNow, Window(tl, layoutNow))
	for _, r := range tl.Relationships {
		for k, person := range r.People {
			b := barOf(t, l, person, r.ID)
			if b.Partner.ID != r.People[1-k] {
				t.Errorf("%s in %s's lane: partner %q, want %q", r.ID, person, b.Partner.ID, r.People[1-k])
			}
			if other := barOf(t, l, r.People[1-k], r.ID); other.Left != b.Left || other.Width != b.Width {
				t.Errorf("%s is placed differently in its two lanes", r.ID)
			}
		}
		for _, lane := range l.Lanes {
			if r.Involves(lane.Person.ID) {
				continue
			}
			for _, b := range lane.Bars {
				if b.Relationship.ID == r.ID {
					t.Errorf("%s has a bar in the lane of %q, who is not in it", r.ID, lane.Person.ID)
				}
			}
		}
	}

	type segment struct {
		status, previous  data.Status
		fadesIn, fadesOut bool
		certainty         data.Certainty
	}
	tests := []struct {
		relationship string
		from, to     time.Time // where the bar starts and ends
		ongoing      bool
		certainty    data.Certainty
		segments     []segment
	}{
		{"ann-bob", ymd(2010, time.January, 1), ymd(2015, time.January, 1), false, data.Reported, []segment{
			// From a year-precision date: fades in. The relationship's certainty.
			{data.Dating, "", true, false, data.Reported},
			// From a day: no fade in; the end is only a year: fades out.
			// The phase's own certainty.
			{data.Engaged, data.Dating, false, true, data.Confirmed},
		}},
		{"cat-ann", ymd(2013, time.March, 1), ymd(2016, time.May, 2), false, data.Confirmed, []segment{
			// From a month: fades in; ends on a known day: no fade out.
			{data.Dating, "", true, false, data.Rumoured},
		}},
		{"ann-dan", ymd(2017, time.January, 1), layoutNow, true, data.Confirmed, []segment{
			// Ongoing: runs to now, no fade out.
			{data.Dating, "", true, false, data.Confirmed},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.relationship, func(t *testing.T) {
			b := barOf(t, l, "ann", tt.relationship)
			if left, right := l.Scale.Percent(tt.from), l.Scale.Percent(tt.to); !near(b.Left, left) || !near(b.Left+b.Width, right) {
				t.Errorf("bar from %v%% to %v%%, want %v%% (%s) to %v%% (%s)", b.Left, b.Left+b.Width,
					left, tt.from.Format(time.DateOnly), right, tt.to.Format(time.DateOnly))
			}
			if b.Ongoing != tt.ongoing {
				t.Errorf("Ongoing = %v, want %v", b.Ongoing, tt.ongoing)
			}
			if b.Certainty != tt.certainty {
				t.Errorf("Certainty = %q, want %q", b.Certainty, tt.certainty)
			}
			if len(b.Segments) != len(tt.segments) {
				t.Fatalf("%d segments, want one per phase: %d", len(b.Segments), len(tt.segments))
			}
			for i, s := range b.Segments {
				want := tt.segments[i]
				got := segment{s.Phase.Status, s.Previous, s.FadeIn > 0, s.FadeOut > 0, s.Certainty}
				if got != want {
					t.Errorf("segment %d = %+v, want %+v", i, got, want)
				}
				if s.FadeIn < 0 || s.FadeOut < 0 || s.FadeIn+s.FadeOut > 100 {
					t.Errorf("segment %d fades in over %v%% and out over %v%%", i, s.FadeIn, s.FadeOut)
				}
				// Segments tile the bar: each starts where the one before
				// ends, the first at 0 and the last ending at 100 %.
				start := 0.0
				if i > 0 {
					start = b.Segments[i-1].Left + b.Segments[i-1].Width
				}
				if !near(s.Left, start) {
					t.Errorf("segment %d starts at %v%%, want %v%%", i, s.Left, start)
				}
			}
			if last := b.Segments[len(b.Segments)-1]; !near(last.Left+last.Width, 100) {
				t.Errorf("the last segment ends at %v%% of the bar, want 100%%", last.Left+last.Width)
			}
		})
	}

	// Where the engagement begins within the bar: 2012-06-15 of 2010–2015.
	b := barOf(t, l, "ann", "ann-bob")
	want := 100 * float64(ymd(2012, time.June, 15).Sub(ymd(2010, time.January, 1))) /
		float64(ymd(2015, time.January, 1).Sub(ymd(2010, time.January, 1)))
	if got := b.Segments[1].Left; !near(got, want) {
		t.Errorf("engaged segment starts at %v%% of the bar, want %v%%", got, want)
	}
}

func TestLaneLayoutBarRows(t *testing.T) {
	rel := func(id, from, end string) string {
		s := `{"id":"` + id + `","people":["ann","` + id + `"],"phases":[{"status":"dating","from":"` + from + `"}]`
		if end != "" {
			s += `,"end":{"date":"` + end + `"}`
		}
		return s + "}"
	}
	tests := []struct {
		name          string
		relationships []string
		rows          int
		annRows       []int // each relationship's row, in the file's order
	}{
		{"no relationship still takes a row", nil, 1, nil},
		{"one", []string{rel("bob", "2010", "2012")}, 1, []int{0}},
		{"overlapping: two rows", []string{rel("bob", "2010", "2012"), rel("cat", "2011", "2013")}, 2, []int{0, 1}},
		{"back to back: one row", []string{rel("bob", "2010", "2016-12-31"), rel("cat", "2017-01-01", "2018")}, 1, []int{0, 0}},
		{"one within another: two rows", []string{rel("bob", "2010", "2020"), rel("cat", "2012", "2013")}, 2, []int{0, 1}},
		{"the third fits after the first", []string{
			rel("bob", "2010", "2012"), rel("cat", "2011", "2016"), rel("dan", "2014", "")}, 2, []int{0, 1, 0}},
		{"three at once", []string{
			rel("bob", "2010", "2015"), rel("cat", "2011", "2015"), rel("dan", "2012", "")}, 3, []int{0, 1, 2}},
		{"listed out of order", []string{rel("bob", "2014", "2015"), rel("cat", "2010", "2012")}, 1, []int{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := testTimeline(t, "ann,bob,cat,dan", joinJSON(tt.relationships), "")
			l := NewLaneLayout(tl, ymd(2020, time.June, 1), Window(tl, ymd(2020, time.June, 1)))
			ann := laneOf(t, l, "ann")
			if ann.BarRows != tt.rows {
				t.Errorf("BarRows = %d, want %d", ann.BarRows, tt.rows)
			}
			for i, r := range tl.Relationships {
				if b := barOf(t, l, "ann", r.ID); b.Row != tt.annRows[i] {
					t.Errorf("%s on row %d, want %d", r.ID, b.Row, tt.annRows[i])
				}
			}
			checkNoOverlap(t, l, ann)
		})
	}
}

func TestLaneLayoutMarkerRows(t *testing.T) {
	event := func(id, date string) string {
		return `{"id":"` + id + `","date":"` + date + `","kind":"other","title":"E","people":["ann"]}`
	}
	// A relationship fixes the window to 2010–2020, so a marker's 2.5 % of
	// the chart is about three months.
	frame := `{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2010"}],"end":{"date":"2019"}}`
	tests := []struct {
		name   string
		events []string
		rows   int
	}{
		{"none", nil, 0},
		{"one", []string{event("a", "2012-01-01")}, 1},
		{"a year apart share a row", []string{event("a", "2012-01-01"), event("b", "2013-01-01")}, 1},
		{"the same day stack", []string{event("a", "2012-01-01"), event("b", "2012-01-01")}, 2},
		{"a month apart stack", []string{event("a", "2012-01-01"), event("b", "2012-02-01")}, 2},
		{"three on one day", []string{event("a", "2012-01-01"), event("b", "2012-01-01"), event("c", "2012-01-01")}, 3},
		{"a day within a year's span", []string{event("a", "2012"), event("b", "2012-10-01")}, 2},
		{"a pair and a loner", []string{event("a", "2012-01-01"), event("b", "2016-01-01"), event("c", "2012-01-02")}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := testTimeline(t, "ann,bob", frame, joinJSON(tt.events))
			l := NewLaneLayout(tl, ymd(2020, time.June, 1), Window(tl, ymd(2020, time.June, 1)))
			ann := laneOf(t, l, "ann")
			if ann.MarkerRows != tt.rows {
				t.Errorf("MarkerRows = %d, want %d", ann.MarkerRows, tt.rows)
			}
			if len(ann.Markers) != len(tt.events) {
				t.Errorf("%d markers, want %d", len(ann.Markers), len(tt.events))
			}
			checkNoOverlap(t, l, ann)
		})
	}
}

// checkNoOverlap fails t if two bars, or two markers, of the lane overlap
// on one row, or if an item's row is outside the lane's rows.
func checkNoOverlap(t *testing.T, l LaneLayout, lane *Lane) {
	t.Helper()
	for i, a := range lane.Bars {
		if a.Row < 0 || a.Row >= lane.BarRows {
			t.Errorf("%s on row %d of %d", a.Relationship.ID, a.Row, lane.BarRows)
		}
		aStart, aEnd := l.span(a.Relationship)
		for _, b := range lane.Bars[i+1:] {
			bStart, bEnd := l.span(b.Relationship)
			if a.Row == b.Row && aStart.Before(bEnd) && bStart.Before(aEnd) {
				t.Errorf("%s and %s overlap on row %d", a.Relationship.ID, b.Relationship.ID, a.Row)
			}
		}
	}
	for i, a := range lane.Markers {
		if a.Row < 0 || a.Row >= lane.MarkerRows {
			t.Errorf("marker %d on row %d of %d", a.Number, a.Row, lane.MarkerRows)
		}
		for _, b := range lane.Markers[i+1:] {
			if a.Row == b.Row && math.Abs(a.At-b.At) < markerWidth {
				t.Errorf("markers %d and %d collide on row %d", a.Number, b.Number, a.Row)
			}
		}
	}
}

func joinJSON(items []string) string {
	s := ""
	for i, item := range items {
		if i > 0 {
			s += ","
		}
		s += item
	}
	return s
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestLaneLayoutInAZoomedWindow places what lies outside the window
// beyond the chart's edges, for the chart to clip.
func TestLaneLayoutInAZoomedWindow(t *testing.T) {
	tl := testTimeline(t, "ann,bob",
		`{"id":"ab","people":["ann","bob"],"phases":[{"status":"dating","from":"2018-01-01"}],"end":{"date":"2021-12-31"}}`, "")
	window := TimeScale{From: ymd(2020, time.January, 1), To: ymd(2021, time.January, 1)}
	bar := laneOf(t, NewLaneLayout(tl, ymd(2025, time.January, 1), window), "ann").Bars[0]
	if bar.Left > -100 || bar.Left+bar.Width < 199 {
		t.Errorf("a 2018–2021 bar in a 2020 window spans %.1f%% to %.1f%%, want from about -200%% to about 200%%", bar.Left, bar.Left+bar.Width)
	}
}

// TestLaneLayoutOnePersonInEveryRelationship lays out the lane whose bars
// mostly overlap, which stacking must handle without a scan of every row
// for every bar: no two bars overlap on a row, and the lane has as many
// rows as the most bars that overlap at one moment, the fewest possible.
func TestLaneLayoutOnePersonInEveryRelationship(t *testing.T) {
	tl := starTimeline(2000)
	l := NewLaneLayout(tl, benchNow, Window(tl, benchNow))
	star := laneOf(t, l, tl.People[0].ID)
	if len(star.Bars) != len(tl.Relationships) {
		t.Fatalf("the lane has %d bars, want one for each of the %d relationships", len(star.Bars), len(tl.Relationships))
	}
	checkNoOverlap(t, l, star)

	type edge struct {
		at    time.Time
		delta int
	}
	var edges []edge
	for _, b := range star.Bars {
		start, end := l.span(b.Relationship)
		edges = append(edges, edge{start, +1}, edge{end, -1})
	}
	// A bar that ends where another starts leaves its row to it.
	slices.SortFunc(edges, func(a, b edge) int {
		if !a.at.Equal(b.at) {
			return a.at.Compare(b.at)
		}
		return cmp.Compare(a.delta, b.delta)
	})
	most, open := 0, 0
	for _, e := range edges {
		open += e.delta
		most = max(most, open)
	}
	if star.BarRows != most {
		t.Errorf("BarRows = %d, want %d: the most bars that overlap at one moment", star.BarRows, most)
	}
}

// TestRowPackerTakesTheFirstFreeRow checks the row packer against the
// plain scan that it replaced, with items given in any order of their
// start, ties included: each goes to the lowest-numbered row whose last
// item ends at or before its start, or else to a new row.
func TestRowPackerTakesTheFirstFreeRow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var p rowPacker // reused, as from lane to lane
	for round := range 300 {
		n := rng.IntN(80)
		p.reset(n)
		var ends []float64
		for i := range n {
			from := float64(rng.IntN(50))
			to := from + float64(rng.IntN(20))
			want := slices.IndexFunc(ends, func(end float64) bool { return end <= from })
			if want < 0 {
				want, ends = len(ends), append(ends, to)
			} else {
				ends[want] = to
			}
			if got := p.place(from, to); got != want {
				t.Fatalf("round %d, item %d [%v, %v): row %d, want %d (rows end at %v)", round, i, from, to, got, want, ends)
			}
		}
		if p.count != len(ends) {
			t.Fatalf("round %d: %d rows used, want %d", round, p.count, len(ends))
		}
	}
}

// Rescaling a layout to a window gives the layout NewLaneLayout makes for
// it, bar rows included, after any sequence of zooms and pans.
func TestLaneLayoutRescale(t *testing.T) {
	timelines := map[string]*data.Timeline{
		"default":   defaultTimeline(t),
		"generated": data.Generate(300, 1500, 7),
	}
	for name, tl := range timelines {
		t.Run(name, func(t *testing.T) {
			fit := Window(tl, ymd(2025, time.July, 1))
			mid := fit.From.Add(fit.To.Sub(fit.From) / 2)
			windows := []TimeScale{
				fit.Zoom(1/ZoomStep, 0.5, fit),
				fit.Zoom(0.01, 0.3, fit),
				fit.Zoom(0.01, 0.3, fit).Pan(0.7, fit),
				{From: mid, To: mid.Add(minWindow)},
				fit.Zoom(0.01, 0.3, fit).Zoom(1000, 0.5, fit),
				fit,
			}
			l := NewLaneLayout(tl, ymd(2025, time.July, 1), fit)
			for i, w := range windows {
				l.Rescale(w)
				want := NewLaneLayout(tl, ymd(2025, time.July, 1), w)
				if !reflect.DeepEqual(l, want) {
					t.Fatalf("after %d rescales, to %v: the layout differs from a new layout of that window", i+1, w)
				}
			}
		})
	}
}
