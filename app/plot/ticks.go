package plot

import (
	"strconv"
	"time"
)

// A Tick is one labelled mark on the time axis.
type Tick struct {
	Time    time.Time
	Percent float64
	Label   string
}

// tickStep is one candidate spacing of ticks.
type tickStep struct {
	years, months, days int
	format              func(time.Time) string
}

// tickSteps go from finest to coarsest: days, months, years, decades and
// centuries.
var tickSteps = []tickStep{
	{days: 1, format: dayLabel},
	{days: 7, format: dayLabel},
	{months: 1, format: monthLabel},
	{months: 3, format: monthLabel},
	{months: 6, format: monthLabel},
	{years: 1, format: yearLabel},
	{years: 2, format: yearLabel},
	{years: 5, format: yearLabel},
	{years: 10, format: yearLabel},
	{years: 20, format: yearLabel},
	{years: 50, format: yearLabel},
	{years: 100, format: yearLabel},
}

func dayLabel(t time.Time) string   { return t.Format("2 Jan 2006") }
func monthLabel(t time.Time) string { return t.Format("Jan 2006") }
func yearLabel(t time.Time) string  { return strconv.Itoa(t.Year()) }

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
		ticks = append(ticks, Tick{Time: t, Percent: s.Percent(t), Label: step.format(t)})
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
