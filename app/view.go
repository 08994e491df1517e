package app

import (
	"slices"
	"time"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// A timelineView is what the page shows of its timeline in a state: the
// state as the timeline can show it, the relationships and events of its
// filter and their layout. deriveView makes it from the timeline and the
// state alone; the page draws it.
type timelineView struct {
	// state is the state as shown: only people the timeline has, only
	// the items of the view, a zoom window within fit; what it left out
	// is in its Unusable.
	state   ViewState
	shown   *data.Timeline // filtered to state.People
	unknown []string       // ids of people the state named that the timeline lacks
	fit     plot.TimeScale // the window that shows everything
	layout  plot.LaneLayout
	people  *timelinePeople
}

// timelinePeople is what the page knows of a timeline's people in every
// view: their names and colours by id, and the search. Thousands of
// people take a while to index, and the person filter compares what it
// is given on every render: it is built once for the timeline of.
type timelinePeople struct {
	of     *data.Timeline
	names  map[string]string
	colors map[string]int // each person's colour, as swatch shows it
	index  peopleIndex
}

func newTimelinePeople(t *data.Timeline) *timelinePeople {
	p := &timelinePeople{of: t, names: make(map[string]string, len(t.People)), index: newPeopleIndex(t.People)}
	ids := make([]string, len(t.People))
	for i, person := range t.People {
		p.names[person.ID] = person.Name
		ids[i] = person.ID
	}
	p.colors = colorsOf(ids)
	return p
}

// samePeople reports whether a and b hold the same people, as the
// timelines of one timeline's chunks of lanes do.
func samePeople(a, b *data.Timeline) bool {
	return len(a.People) == len(b.People) && (len(a.People) == 0 || &a.People[0] == &b.People[0])
}

// deriveView is the view of the state s of t, with now placing the ongoing
// relationships. What it shares with prev, the view before, it takes
// from prev rather than make again, which is what a zoom or a pan costs:
// the people of the same timeline, the relationships of the same filter
// and their layout, moved to another window (plot.LaneLayout.Rescale).
// chunks say which lanes of t have their relationships when t is loaded
// chunk by chunk (nil when it is whole): the others are laid out as high
// as they will be. prev must not be used after: its layout may have moved.
func deriveView(prev timelineView, t *data.Timeline, chunks *LaneChunks, s ViewState, now time.Time) timelineView {
	v := timelineView{people: prev.people}
	switch {
	case v.people == nil || !samePeople(v.people.of, t):
		v.people = newTimelinePeople(t)
	case v.people.of != t:
		// More of a timeline loaded in chunks of lanes (LaneLibrary):
		// the same people, whose index is kept.
		people := *v.people
		people.of = t
		v.people = &people
	}
	var known []string
	for _, id := range s.People {
		if _, ok := t.Person(id); ok {
			known = append(known, id)
		} else {
			v.unknown = append(v.unknown, id)
		}
	}
	s.People = known
	if prev.shown != nil && prev.people.of == t && slices.Equal(prev.state.People, known) {
		v.shown, v.fit = prev.shown, prev.fit
	} else {
		v.shown, _ = t.Involving(known)
		v.fit = plot.Window(v.shown, now)
	}
	if _, ok := v.shown.Relationship(s.Relationship); s.Relationship != "" && !ok {
		s = s.without("rel")
	}
	if _, ok := v.shown.Event(s.Event); s.Event != "" && !ok {
		s = s.without("event")
	}
	if !s.At.IsZero() && !v.fit.Contains(s.At.Earliest) {
		s = s.without("at")
	}
	s.From, s.To = windowOf(plot.TimeScale{From: s.From, To: s.To}, v.fit)
	v.state = s

	window := v.fit
	if !s.From.IsZero() {
		window = plot.TimeScale{From: s.From, To: s.To}
	}
	switch {
	case v.shown != prev.shown:
		v.layout = plot.NewLaneLayout(v.shown, now, window)
		chunks.sizeAwaited(&v.layout)
	case !prev.layout.Scale.Equal(window):
		v.layout = prev.layout
		v.layout.Rescale(window)
	default:
		v.layout = prev.layout // moving the cursor, opening details: the chart stays
	}
	return v
}

// windowOf is the zoom window of a view that shows w, within the zoom
// limits of fit: zero, for "fit everything", when that is what it shows.
func windowOf(w, fit plot.TimeScale) (from, to time.Time) {
	if w.From.IsZero() {
		return time.Time{}, time.Time{}
	}
	if w = w.Within(fit); w == fit {
		return time.Time{}, time.Time{}
	}
	return w.From, w.To
}

// withWindow is the state s showing the window w of the view v.
func (v *timelineView) withWindow(w plot.TimeScale) ViewState {
	s := v.state
	s.From, s.To = windowOf(w, v.fit)
	return s
}

// withCursor is the state of v with the cursor on at, kept within the
// timeline, and the window panned to keep it in view when it leaves it,
// as far as the timeline goes.
func (v *timelineView) withCursor(at data.Date) ViewState {
	fit := v.fit
	if at.Earliest.Before(fit.From) {
		at = monthOf(fit.From)
	}
	if !at.Earliest.Before(fit.To) {
		at = monthOf(fit.To.AddDate(0, -1, 0))
	}
	s := v.state
	s.At = at
	if w := v.layout.Scale; at.Earliest.Before(w.From) || !at.Earliest.Before(w.To) {
		half := w.To.Sub(w.From) / 2
		s.From, s.To = windowOf(plot.TimeScale{From: at.Earliest.Add(-half), To: at.Earliest.Add(half)}, fit)
	}
	return s
}

// withCursorToggled is the state of v with the cursor in the middle of
// the window, or without the cursor when it has one.
func (v *timelineView) withCursorToggled() ViewState {
	s := v.state
	if s.At.IsZero() {
		w := v.layout.Scale
		s.At = monthOf(w.From.Add(w.To.Sub(w.From) / 2))
	} else {
		s.At = data.Date{}
	}
	return s
}

// monthOf is the month of t as a Date.
func monthOf(t time.Time) data.Date {
	d, _ := data.ParseDate(t.Format("2006-01"))
	return d
}
