package plot

import "time"

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

// Years is the length of the window in years.
func (s TimeScale) Years() float64 {
	return s.To.Sub(s.From).Hours() / (24 * 365.2425)
}
