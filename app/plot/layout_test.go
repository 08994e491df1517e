package plot

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

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
		 "phases":[{"status":"dating","from":"2017"}],
		 "evidence":[{"source":"news","quote":"Ann and Dan are dating."}]}
	],
	"sources":[{"id":"news","outlet":"News","published":"2020-02"}],
	"events":[
		{"id":"late","date":"2019-05-05","kind":"sighting","title":"Late","people":["dan","ann"]},
		{"id":"early","date":"2011","kind":"interview","title":"Early","people":["ann","bob"]},
		{"id":"mid","date":"2011-02-01","kind":"statement","title":"Mid","people":["ann"]}
	]}`

var layoutNow = ymd(2020, time.June, 1)

func TestLaneLayoutLanes(t *testing.T) {
	tl := mustParseTimeline(t, layoutTimeline)
	l := NewLaneLayout(tl, layoutNow, Window(tl, layoutNow))
	// A few months after the month of Ann and Dan's source, February 2020.
	if want := (TimeScale{From: ymd(2010, time.January, 1), To: ymd(2020, time.July, 1)}); l.Scale != want {
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
		{"ann-dan", ymd(2017, time.January, 1), ymd(2020, time.March, 1), true, data.Confirmed, []segment{
			// Ongoing: runs to the month its source was published, not to
			// now (June 2020); no fade out.
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
			if b.Ongoing != tt.ongoing || b.AsOf != tt.ongoing {
				t.Errorf("Ongoing, AsOf = %v, %v; want %v, %v", b.Ongoing, b.AsOf, tt.ongoing, tt.ongoing)
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

// TestBarRows checks that BarRows counts the rows of bars NewLaneLayout
// stacks in every lane, on the small timeline, generated ones and one
// person in every relationship.
func TestBarRows(t *testing.T) {
	small, err := data.Decode([]byte(layoutTimeline))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		tl   *data.Timeline
	}{
		{"small", small},
		{"generated", data.Generate(200, 1000, 3)},
		{"one person in every relationship", starTimeline(300)},
	} {
		want := NewLaneLayout(tt.tl, layoutNow, Window(tt.tl, layoutNow))
		got := BarRows(tt.tl, layoutNow)
		if len(got) != len(want.Lanes) {
			t.Fatalf("%s: %d lanes, want %d", tt.name, len(got), len(want.Lanes))
		}
		many := 0
		for i, lane := range want.Lanes {
			if got[i] != lane.BarRows {
				t.Errorf("%s: lane %d (%s) has %d rows of bars, want %d", tt.name, i, lane.Person.ID, got[i], lane.BarRows)
			}
			if lane.BarRows > 1 {
				many++
			}
		}
		if many == 0 {
			t.Errorf("%s: no lane has more than one row of bars: the test proves nothing", tt.name)
		}
	}
}

// TestLaneLayoutAccounts draws the span between the accounts of a date as
// contested, not faded: the bar starts at the earliest account and ends
// at the latest.
func TestLaneLayoutAccounts(t *testing.T) {
	tl := mustParseTimeline(t, `{"schema":"timeline/v1","id":"test","title":"Test",
	"people":[{"id":"ann","name":"Ann"},{"id":"bob","name":"Bob"}],
	"sources":[{"id":"news","outlet":"News"}],
	"relationships":[{"id":"ab","people":["ann","bob"],
		"phases":[{"status":"dating","from":"2018",
			"alternatives":[{"date":"2017","inferred":true,"evidence":[{"source":"news","quote":"six years"}]}]}],
		"end":{"date":"2023-06-01",
			"alternatives":[{"date":"2023-12-01","evidence":[{"source":"news","quote":"late 2023"}]}]}}]}`)
	l := NewLaneLayout(tl, layoutNow, Window(tl, layoutNow))
	b := barOf(t, l, "ann", "ab")
	from, to := ymd(2017, time.January, 1), ymd(2023, time.December, 2)
	if !near(b.Left, l.Scale.Percent(from)) || !near(b.Left+b.Width, l.Scale.Percent(to)) {
		t.Errorf("bar from %v%% to %v%%, want %v%% (2017) to %v%% (2 December 2023)", b.Left, b.Left+b.Width,
			l.Scale.Percent(from), l.Scale.Percent(to))
	}
	s := b.Segments[0]
	span := float64(to.Sub(from))
	wantIn := 100 * float64(ymd(2019, time.January, 1).Sub(from)) / span
	wantOut := 100 * float64(to.Sub(ymd(2023, time.June, 1))) / span
	if !near(s.ContestedIn, wantIn) || !near(s.ContestedOut, wantOut) || s.FadeIn != 0 || s.FadeOut != 0 {
		t.Errorf("ContestedIn, ContestedOut, FadeIn, FadeOut = %v, %v, %v, %v; want %v, %v, 0, 0",
			s.ContestedIn, s.ContestedOut, s.FadeIn, s.FadeOut, wantIn, wantOut)
	}
}
