package plot

import (
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// A TimeScale maps the instants of a time window onto 0–100 % of the
// chart's width. Positions are percentages so that the prerendered page is
// right at any width, before any script has measured anything.
type TimeScale struct {
	From, To time.Time
}

// Percent is where t falls, as a percentage of the window; outside the
// window it is below 0 or above 100.
func (s TimeScale) Percent(t time.Time) float64 {
	span := s.To.Sub(s.From)
	if span <= 0 {
		return 0
	}
	return 100 * float64(t.Sub(s.From)) / float64(span)
}

// Equal reports whether s and o are the same window.
func (s TimeScale) Equal(o TimeScale) bool {
	return s.From.Equal(o.From) && s.To.Equal(o.To)
}

// Contains reports whether t is in the window, its start included.
func (s TimeScale) Contains(t time.Time) bool {
	return !t.Before(s.From) && t.Before(s.To)
}

// Width is the share of the window, in percent, between two instants.
func (s TimeScale) Width(from, to time.Time) float64 {
	return s.Percent(to) - s.Percent(from)
}

// asOfMargin is the room, in a share of the window, that a window which
// ends with an ongoing relationship's latest evidence leaves after it,
// rounded up to a month: an event's marker of that month, 1.35rem wide
// and centred on its date, was cut in half by the chart's edge; 3 % is
// 9 px of a phone's 290 px plot, and with the month rounded up, 12 px of
// the default timeline's, more than the marker's half (11 px).
const asOfMargin = 0.03

// monthStart is the first of the month at or after t.
func monthStart(t time.Time) time.Time {
	m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m.Before(t) {
		m = m.AddDate(0, 1, 0)
	}
	return m
}

// Window is the time window that shows all of t: from the first of January
// of its earliest date to the first of January after its latest date.
// Where the latest date is that of an ongoing relationship's latest
// evidence, it ends a few months after it instead (asOfMargin), within
// its year: the chart stops soon after its sources do (a window to the
// end of the year would draw months no source speaks of, and an axis
// labelled with the year after).
// An ongoing relationship whose latest evidence is not known runs to now.
// Birth dates are left out: they would stretch the chart over decades
// where nothing happens.
func Window(t *data.Timeline, now time.Time) TimeScale {
	var first, last, asOf time.Time
	see := func(from, to time.Time) {
		if first.IsZero() || from.Before(first) {
			first = from
		}
		if last.IsZero() || to.After(last) {
			last = to
		}
	}
	for i := range t.Relationships {
		r := &t.Relationships[i]
		if begins, ends := r.DatedSpan(); !ends.IsZero() {
			see(begins, ends)
		}
		switch {
		case r.End != nil, len(r.Phases) == 0:
		case r.AsOf != nil:
			see(r.AsOf.Earliest, r.AsOf.Earliest)
			if end := r.AsOf.End(); end.After(asOf) {
				asOf = end
			}
		default:
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
	if !asOf.IsZero() && !asOf.Before(last) {
		// Within the year of the evidence's last day, as far as the
		// first of the next January, whose tick is the window's edge.
		to = monthStart(asOf.Add(time.Duration(asOfMargin * float64(asOf.Sub(from)))))
		if endOfYear := time.Date(asOf.AddDate(0, 0, -1).Year()+1, 1, 1, 0, 0, 0, 0, time.UTC); to.After(endOfYear) {
			to = endOfYear
		}
	}
	return TimeScale{From: from, To: to}
}
