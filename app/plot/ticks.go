package plot

import (
	"time"
)

// A Tick is one labelled mark on the time axis; its label writes Time to
// its Unit ("2018", "Jun 2025", "14 Mar 2022"), in the page's language.
type Tick struct {
	Time    time.Time
	Percent float64
	Unit    Unit
}

// Unit is how precisely a tick's label gives its time.
type Unit int

// Units of ticks.
const (
	Years Unit = iota
	Months
	Days
)

// tickStep is one candidate spacing of ticks.
type tickStep struct {
	years, months, days int
	unit                Unit
}

// tickSteps go from finest to coarsest: days, months, years, decades and
// centuries.
var tickSteps = []tickStep{
	{days: 1, unit: Days},
	{days: 7, unit: Days},
	{months: 1, unit: Months},
	{months: 3, unit: Months},
	{months: 6, unit: Months},
	{years: 1, unit: Years},
	{years: 2, unit: Years},
	{years: 5, unit: Years},
	{years: 10, unit: Years},
	{years: 20, unit: Years},
	{years: 50, unit: Years},
	{years: 100, unit: Years},
}

// Ticks chooses the finest spacing (days, months, years, decades…) that
// puts at most maxTicks ticks in the scale's window, so that labels suit
// the span and never crowd each other. Ticks fall on round dates: the first
// of a month, January of a year divisible by the step.
func Ticks(s TimeScale, maxTicks int) []Tick {
	maxTicks = max(maxTicks, 2)
	for _, step := range tickSteps {
		if ticks := step.ticks(s, maxTicks); ticks != nil {
			return ticks
		}
	}
	return nil
}

// ticks returns the ticks of one step, or nil when there would be more
// than maxTicks.
func (step tickStep) ticks(s TimeScale, maxTicks int) []Tick {
	var ticks []Tick
	for t := step.first(s.From); !t.After(s.To); t = step.next(t) {
		if len(ticks) == maxTicks {
			return nil
		}
		ticks = append(ticks, Tick{Time: t, Percent: s.Percent(t), Unit: step.unit})
	}
	return ticks
}

// first is the first round date of the step at or after from.
func (step tickStep) first(from time.Time) time.Time {
	y, m, d := from.Date()
	var t time.Time
	switch {
	case step.years > 0:
		y = (y + step.years - 1) / step.years * step.years
		t = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		if t.Before(from) {
			t = t.AddDate(step.years, 0, 0)
		}
	case step.months > 0:
		m0 := (int(m) - 1 + step.months - 1) / step.months * step.months
		t = time.Date(y, time.Month(m0+1), 1, 0, 0, 0, 0, time.UTC)
		if t.Before(from) {
			t = t.AddDate(0, step.months, 0)
		}
	default:
		t = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		if t.Before(from) {
			t = t.AddDate(0, 0, 1)
		}
	}
	return t
}

func (step tickStep) next(t time.Time) time.Time {
	return t.AddDate(step.years, step.months, step.days)
}
