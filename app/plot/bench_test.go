package plot

import (
	"fmt"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// benchSizes are the numbers of relationships that issue 6's targets name,
// and ten times the largest to show how layout grows.
var benchSizes = []int{50, 1_000, 10_000, 100_000}

// benchNow is a fixed "now", so that every run lays out the same chart.
var benchNow = time.Date(2026, time.June, 1, 0, 0, 0, 0, time.UTC)

// BenchmarkLaneLayout lays out a whole generated timeline (about one person
// for every five relationships) over the window that shows it all, as the
// page does on every load and filter.
func BenchmarkLaneLayout(b *testing.B) {
	for _, n := range benchSizes {
		t := data.Generate(max(2, n/5), n, 1)
		benchLayout(b, fmt.Sprintf("relationships=%d", n), t)
	}
}

// BenchmarkLaneLayoutOnePerson lays out the worst case for stacking bars
// into rows: one person in every relationship, most of them at once (a
// star's rumoured partners), so that the person's lane needs thousands of
// rows.
func BenchmarkLaneLayoutOnePerson(b *testing.B) {
	for _, n := range benchSizes {
		benchLayout(b, fmt.Sprintf("relationships=%d", n), starTimeline(n))
	}
}

func benchLayout(b *testing.B, name string, t *data.Timeline) {
	b.Run(name, func(b *testing.B) {
		window := Window(t, benchNow)
		b.ReportAllocs()
		for b.Loop() {
			NewLaneLayout(t, benchNow, window)
		}
	})
}

// starTimeline is a generated timeline of n relationships in which the
// first person is one of the two partners of every relationship.
func starTimeline(n int) *data.Timeline {
	t := data.Generate(max(3, n/5), n, 1)
	star := t.People[0].ID
	for i := range t.Relationships {
		r := &t.Relationships[i]
		if r.People[1] == star {
			r.People[1] = r.People[0]
		}
		if r.People[1] == star { // both were the star: cannot happen, but stay valid
			r.People[1] = t.People[1].ID
		}
		r.People[0] = star
		if r.End != nil && r.End.Initiator != "" && !r.Involves(r.End.Initiator) {
			r.End.Initiator = star
		}
	}
	return t
}

// BenchmarkRescale lays a generated timeline out again over a window
// zoomed in one step, as the page does on every zoom and pan step.
func BenchmarkRescale(b *testing.B) {
	for _, n := range benchSizes {
		t := data.Generate(max(2, n/5), n, 1)
		b.Run(fmt.Sprintf("relationships=%d", n), func(b *testing.B) {
			fit := Window(t, benchNow)
			l := NewLaneLayout(t, benchNow, fit)
			zoomed := fit.Zoom(1/ZoomStep, 0.5, fit)
			b.ReportAllocs()
			for b.Loop() {
				l.Rescale(zoomed)
			}
		})
	}
}

// BenchmarkBarRows counts the rows of bars of every lane of a generated
// timeline, as the server does once per version for a timeline it sends
// in chunks of lanes.
func BenchmarkBarRows(b *testing.B) {
	for _, n := range benchSizes {
		t := data.Generate(max(2, n/5), n, 1)
		b.Run(fmt.Sprintf("relationships=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				BarRows(t, benchNow)
			}
		})
	}
}
