package app

import (
	"sort"
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
	// Now is where the ongoing relationships end.
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
	Certainty   data.Certainty
}

// A Segment is one phase within a bar, placed in percent of the bar. A
// phase whose start is uncertain fades in across the start date's span (from
// transparent, or from the previous phase's colour); a relationship whose
// end is uncertain fades out across the end date's span.
type Segment struct {
	Phase       *data.Phase
	Previous    data.Status // the phase before, "" for the first
	Left, Width float64
	// FadeIn and FadeOut are the shares of the segment, in percent, across
	// which it fades in and out.
	FadeIn, FadeOut float64
	Certainty       data.Certainty
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
// for the chart to clip. Ongoing relationships run to now.
func NewLaneLayout(t *data.Timeline, now time.Time, window TimeScale) LaneLayout {
	l := LaneLayout{Scale: window, Now: now}
	l.Events = make([]*data.Event, len(t.Events))
	for i := range t.Events {
		l.Events[i] = &t.Events[i]
	}
	sort.SliceStable(l.Events, func(i, j int) bool {
		return l.Events[i].Date.Earliest.Before(l.Events[j].Date.Earliest)
	})

	lanes := make(map[string]*Lane, len(t.People))
	l.Lanes = make([]Lane, len(t.People))
	for i := range t.People {
		l.Lanes[i].Person = &t.People[i]
		lanes[t.People[i].ID] = &l.Lanes[i]
	}
	for i := range t.Relationships {
		r := &t.Relationships[i]
		for k, id := range r.People {
			lane, partner := lanes[id], lanes[r.People[1-k]]
			if lane == nil || partner == nil {
				continue
			}
			lane.Bars = append(lane.Bars, l.bar(r, partner.Person))
		}
	}
	for n, e := range l.Events {
		for _, id := range e.People {
			if lane := lanes[id]; lane != nil {
				lane.Markers = append(lane.Markers, l.marker(e, n+1))
			}
		}
	}
	for i := range l.Lanes {
		l.Lanes[i].stack()
	}
	return l
}

// Window is the time window that shows all of t: from the first of January
// of its earliest date to the first of January after its latest date, or
// after now when a relationship is ongoing. Birth dates are left out: they
// would stretch the chart over decades where nothing happens.
func Window(t *data.Timeline, now time.Time) TimeScale {
	var first, last time.Time
	see := func(from, to time.Time) {
		if first.IsZero() || from.Before(first) {
			first = from
		}
		if last.IsZero() || to.After(last) {
			last = to
		}
	}
	for _, r := range t.Relationships {
		for _, p := range r.Phases {
			see(p.From.Earliest, p.From.End())
		}
		if r.End != nil {
			see(r.End.Date.Earliest, r.End.Date.End())
		} else if len(r.Phases) > 0 {
			see(now, now)
		}
	}
	for _, e := range t.Events {
		see(e.Date.Earliest, e.Date.End())
	}
	if first.IsZero() {
		first, last = now, now
	}
	from := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	if last.Equal(time.Date(last.Year(), 1, 1, 0, 0, 0, 0, time.UTC)) {
		to = last
	}
	return TimeScale{From: from, To: to}
}

// bar lays out r as seen from one partner's lane.
func (l *LaneLayout) bar(r *data.Relationship, partner *data.Person) Bar {
	b := Bar{Relationship: r, Partner: partner, Certainty: r.CertaintyOrDefault()}
	if len(r.Phases) == 0 {
		return b
	}
	start := r.Phases[0].From.Earliest
	var end time.Time
	var endFade time.Duration
	if r.End != nil {
		end, endFade = r.End.Date.End(), r.End.Date.End().Sub(r.End.Date.Earliest)
	} else {
		end, b.Ongoing = l.Now, true
	}
	if !end.After(start) {
		end = start.AddDate(0, 0, 1)
	}
	b.Left, b.Width = l.Scale.Percent(start), l.Scale.Width(start, end)

	span := float64(end.Sub(start))
	share := func(d time.Duration) float64 { return min(100, 100*float64(d)/span) }
	for i := range r.Phases {
		p := &r.Phases[i]
		from, to := p.From.Earliest, end
		if i+1 < len(r.Phases) {
			to = r.Phases[i+1].From.Earliest
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
		if fade := p.From.End().Sub(p.From.Earliest); to.After(from) && fade > 24*time.Hour {
			seg.FadeIn = min(100, 100*float64(fade)/float64(to.Sub(from)))
		}
		if i == len(r.Phases)-1 && endFade > 24*time.Hour && to.After(from) {
			seg.FadeOut = min(100-seg.FadeIn, 100*float64(endFade)/float64(to.Sub(from)))
		}
		b.Segments = append(b.Segments, seg)
	}
	return b
}

func (l *LaneLayout) marker(e *data.Event, number int) Marker {
	from, to := l.Scale.Percent(e.Date.Earliest), l.Scale.Percent(e.Date.End())
	return Marker{Event: e, Number: number, From: from, To: to, At: (from + to) / 2}
}

// stack puts bars, and separately markers, into the fewest rows in which
// none overlap: taken in order of their start, each goes into the first row
// whose last item ends before it starts, which is optimal for intervals.
func (lane *Lane) stack() {
	sort.SliceStable(lane.Bars, func(i, j int) bool { return lane.Bars[i].Left < lane.Bars[j].Left })
	var ends []float64
	for i := range lane.Bars {
		b := &lane.Bars[i]
		b.Row, ends = firstFreeRow(ends, b.Left, b.Left+b.Width)
	}
	lane.BarRows = max(1, len(ends))

	sort.SliceStable(lane.Markers, func(i, j int) bool { return lane.Markers[i].From < lane.Markers[j].From })
	ends = ends[:0]
	for i := range lane.Markers {
		m := &lane.Markers[i]
		m.Row, ends = firstFreeRow(ends, min(m.From, m.At-markerWidth/2), max(m.To, m.At+markerWidth/2))
	}
	lane.MarkerRows = len(ends)
}

// firstFreeRow returns the first row whose end lies at or before from, and
// the rows' ends with the item placed.
func firstFreeRow(ends []float64, from, to float64) (int, []float64) {
	for row, end := range ends {
		if end <= from {
			ends[row] = to
			return row, ends
		}
	}
	return len(ends), append(ends, to)
}
