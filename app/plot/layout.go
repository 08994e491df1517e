package plot

import (
	"cmp"
	"slices"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// A LaneLayout is a timeline arranged for drawing: one lane per person, in
// the file's order; each relationship drawn as a bar in both partners'
// lanes; each event as a numbered marker in its people's lanes. Items that
// would overlap within a lane go to separate rows.
type LaneLayout struct {
	Scale TimeScale
	Lanes []Lane
	// Events are the timeline's events in date order; a marker's Number is
	// its place in this list, counting from 1.
	Events []*data.Event
	// Now is where the ongoing relationships end whose date of latest
	// evidence (data.Relationship.AsOf) is not known.
	Now time.Time
}

// A Lane is one person's row of the chart.
type Lane struct {
	Person *data.Person
	Bars   []Bar
	// BarRows and MarkerRows are how many rows of bars and of event markers
	// the lane needs.
	BarRows, MarkerRows int
	Markers             []Marker
}

// A Bar draws one relationship in one partner's lane.
type Bar struct {
	Relationship *data.Relationship
	// Partner is the other person of the relationship, named on the bar.
	Partner *data.Person
	Row     int
	// Left and Width place the bar, in percent of the chart.
	Left, Width float64
	Segments    []Segment
	Ongoing     bool
	// AsOf is set on an ongoing relationship's bar that ends at the date
	// of its latest evidence: nothing is known of it after then.
	AsOf      bool
	Certainty data.Certainty
}

// A Segment is one phase within a bar, placed in percent of the bar. A
// phase whose start is uncertain fades in across the start date's span (from
// transparent, or from the previous phase's colour); a relationship whose
// end is uncertain fades out across the end date's span. Where accounts
// of a date differ (data.Account), the span between them is not faded but
// marked as contested: ContestedIn at the start, ContestedOut at the end.
type Segment struct {
	Phase       *data.Phase
	Previous    data.Status // the phase before, "" for the first
	Left, Width float64
	// FadeIn and FadeOut are the shares of the segment, in percent, across
	// which it fades in and out.
	FadeIn, FadeOut float64
	// ContestedIn and ContestedOut are the shares of the segment, in
	// percent, over which the accounts of its start and of the
	// relationship's end differ.
	ContestedIn, ContestedOut float64
	Certainty                 data.Certainty
}

// A Marker draws one event in one of its people's lanes.
type Marker struct {
	Event  *data.Event
	Number int
	Row    int
	// At is the middle of the event's date span; From and To its ends, all
	// in percent of the chart.
	At, From, To float64
}

// markerWidth is the room one marker takes, in percent of the chart, when
// deciding whether two markers collide.
const markerWidth = 2.5

// NewLaneLayout arranges t over a time window (Window(t, now) shows it
// all); what lies outside the window is placed below 0 % or beyond 100 %,
// for the chart to clip. Ongoing relationships run to now. It takes time in
// O(n log n) of the timeline's size, whatever its shape: the page lays out
// again on every filter, zoom and pan step.
func NewLaneLayout(t *data.Timeline, now time.Time, window TimeScale) LaneLayout {
	l := LaneLayout{Scale: window, Now: now}
	l.Events = eventsByDate(t.Events)

	laneOf := make(map[string]int, len(t.People))
	l.Lanes = make([]Lane, len(t.People))
	for i := range t.People {
		l.Lanes[i].Person = &t.People[i]
		laneOf[t.People[i].ID] = i
	}

	// Count first, so that the bars of every lane, the markers of every
	// lane and the segments of every bar are each slices of one array:
	// growing every lane's own slices was most of a large layout's time.
	pairs := make([][2]int, len(t.Relationships)) // the partners' lanes, -1 when one is missing
	bars, markers := make([]int, len(l.Lanes)), make([]int, len(l.Lanes))
	var markerCount, segments int
	for i := range t.Relationships {
		r := &t.Relationships[i]
		a, okA := laneOf[r.People[0]]
		b, okB := laneOf[r.People[1]]
		if !okA || !okB {
			pairs[i] = [2]int{-1, -1}
			continue
		}
		pairs[i] = [2]int{a, b}
		bars[a]++
		bars[b]++
		segments += len(r.Phases)
	}
	for _, e := range l.Events {
		for _, id := range e.People {
			if i, ok := laneOf[id]; ok {
				markers[i]++
				markerCount++
			}
		}
	}
	barArray := make([]Bar, 0, 2*len(t.Relationships))
	markerArray := make([]Marker, 0, markerCount)
	for i := range l.Lanes {
		lane := &l.Lanes[i]
		lane.Bars, barArray = carve(barArray, bars[i])
		lane.Markers, markerArray = carve(markerArray, markers[i])
	}

	segmentArray := make([]Segment, 0, segments)
	for i, pair := range pairs {
		a, b := pair[0], pair[1]
		if a < 0 {
			continue
		}
		// Both partners' bars share their segments, which are the same.
		bar := l.bar(&t.Relationships[i], &segmentArray)
		bar.Partner = l.Lanes[b].Person
		l.Lanes[a].Bars = append(l.Lanes[a].Bars, bar)
		bar.Partner = l.Lanes[a].Person
		l.Lanes[b].Bars = append(l.Lanes[b].Bars, bar)
	}
	for n, e := range l.Events {
		for _, id := range e.People {
			if i, ok := laneOf[id]; ok {
				l.Lanes[i].Markers = append(l.Lanes[i].Markers, l.marker(e, n+1))
			}
		}
	}
	var s stacker
	for i := range l.Lanes {
		s.stackBars(&l.Lanes[i], &l)
		s.stackMarkers(&l.Lanes[i])
	}
	return l
}

// carve returns an empty slice with room for n items at the start of
// array's free capacity, and array with those n taken. The slice's capacity
// ends there, so that appending past n cannot overwrite what follows.
func carve[T any](array []T, n int) (slice, rest []T) {
	at := len(array)
	return array[at : at : at+n], array[:at+n]
}

// eventsByDate lists events by date, those of the same date in their
// given order.
func eventsByDate(events []data.Event) []*data.Event {
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := events[a].Date.Earliest.Compare(events[b].Date.Earliest); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	sorted := make([]*data.Event, len(events))
	for i, k := range order {
		sorted[i] = &events[k]
	}
	return sorted
}

// bar lays out r, for either partner's lane (Partner is left for the
// caller to set). Its segments are taken from the free capacity of
// segments.
func (l *LaneLayout) bar(r *data.Relationship, segments *[]Segment) Bar {
	b := Bar{Relationship: r, Certainty: r.CertaintyOrDefault()}
	if len(r.Phases) == 0 {
		return b
	}
	b.Ongoing = r.End == nil
	b.AsOf = b.Ongoing && r.AsOf != nil
	start, end := l.span(r)
	var endFade time.Duration
	endContested := false
	if r.End != nil {
		first, last := r.End.Ends()
		endFade, endContested = last.AddDate(0, 0, 1).Sub(first), len(r.End.Alternatives) > 0
	}
	b.Left, b.Width = l.Scale.Percent(start), l.Scale.Width(start, end)

	span := float64(end.Sub(start))
	share := func(d time.Duration) float64 { return min(100, 100*float64(d)/span) }
	b.Segments, *segments = carve(*segments, len(r.Phases))
	for i := range r.Phases {
		p := &r.Phases[i]
		from, begun := p.Begins()
		to := end
		if i+1 < len(r.Phases) {
			to, _ = r.Phases[i+1].Begins()
		}
		seg := Segment{
			Phase:     p,
			Left:      share(from.Sub(start)),
			Width:     share(to.Sub(from)),
			Certainty: p.CertaintyIn(r),
		}
		if i > 0 {
			seg.Previous = r.Phases[i-1].Status
		}
		if fade := begun.AddDate(0, 0, 1).Sub(from); to.After(from) && fade > 24*time.Hour {
			in := min(100, 100*float64(fade)/float64(to.Sub(from)))
			if len(p.Alternatives) > 0 {
				seg.ContestedIn = in
			} else {
				seg.FadeIn = in
			}
		}
		if i == len(r.Phases)-1 && endFade > 24*time.Hour && to.After(from) {
			out := min(100-seg.FadeIn-seg.ContestedIn, 100*float64(endFade)/float64(to.Sub(from)))
			if endContested {
				seg.ContestedOut = out
			} else {
				seg.FadeOut = out
			}
		}
		b.Segments = append(b.Segments, seg)
	}
	return b
}

// span is when r's bar starts and ends: from its first phase, by its
// earliest account, to its end by the latest, or while it lasts to the
// date of its latest evidence (to now when that is not known), and a day
// at least.
func (l *LaneLayout) span(r *data.Relationship) (start, end time.Time) {
	start, _ = r.Phases[0].Begins()
	end = l.Now
	switch {
	case r.End != nil:
		_, last := r.End.Ends()
		end = last.AddDate(0, 0, 1)
	case r.AsOf != nil:
		end = r.AsOf.End()
	}
	if !end.After(start) {
		end = start.AddDate(0, 0, 1)
	}
	return start, end
}

// Rescale lays l out again over another time window, as NewLaneLayout
// would, in a fraction of its time, for zooming and panning: a bar's row
// is the same at any zoom (its place in time is), so only the bars'
// places change; markers take the same room at any zoom, so they are
// placed and stacked again.
func (l *LaneLayout) Rescale(window TimeScale) {
	l.Scale = window
	var s stacker
	for i := range l.Lanes {
		lane := &l.Lanes[i]
		for k := range lane.Bars {
			b := &lane.Bars[k]
			if len(b.Relationship.Phases) > 0 {
				start, end := l.span(b.Relationship)
				b.Left, b.Width = window.Percent(start), window.Width(start, end)
			}
		}
		for k := range lane.Markers {
			m := &lane.Markers[k]
			*m = l.marker(m.Event, m.Number)
		}
		s.stackMarkers(lane)
	}
}

func (l *LaneLayout) marker(e *data.Event, number int) Marker {
	from, to := l.Scale.Percent(e.Date.Earliest), l.Scale.Percent(e.Date.End())
	return Marker{Event: e, Number: number, From: from, To: to, At: (from + to) / 2}
}

// BarRows is how many rows of bars each person's lane of t takes, in the
// order of t.People, as NewLaneLayout stacks them: at any zoom, since a
// bar's row does not depend on it. A page that holds only some of a
// timeline's relationships sizes the other lanes with it, so that they
// keep their height when their relationships come. It does a fraction of
// NewLaneLayout's work: no segments, no markers.
func BarRows(t *data.Timeline, now time.Time) []int {
	l := LaneLayout{Now: now, Lanes: make([]Lane, len(t.People))}
	laneOf := make(map[string]int, len(t.People))
	for i := range t.People {
		laneOf[t.People[i].ID] = i
	}
	counts := make([]int, len(t.People))
	for i := range t.Relationships {
		for _, id := range t.Relationships[i].People {
			if k, ok := laneOf[id]; ok {
				counts[k]++
			}
		}
	}
	array := make([]Bar, 0, 2*len(t.Relationships))
	for i := range l.Lanes {
		l.Lanes[i].Bars, array = carve(array, counts[i])
	}
	for i := range t.Relationships {
		r := &t.Relationships[i]
		a, okA := laneOf[r.People[0]]
		b, okB := laneOf[r.People[1]]
		if okA && okB {
			l.Lanes[a].Bars = append(l.Lanes[a].Bars, Bar{Relationship: r})
			l.Lanes[b].Bars = append(l.Lanes[b].Bars, Bar{Relationship: r})
		}
	}
	rows := make([]int, len(l.Lanes))
	var s stacker
	for i := range l.Lanes {
		s.stackBars(&l.Lanes[i], &l)
		rows[i] = l.Lanes[i].BarRows
	}
	return rows
}
