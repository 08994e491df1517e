package plot

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

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
