package data

import "time"

// A State is what a relationship was on one day, with the doubt that
// uncertain dates leave.
type State struct {
	Status Status
	// Before is the previous status when the day falls within the uncertain
	// date of the change to Status: the change may not have happened yet.
	Before Status
	// MayNotHaveBegun is set when the day falls within the uncertain date
	// of the first phase, and MayHaveEnded within that of the end.
	MayNotHaveBegun, MayHaveEnded bool
	Certainty                     Certainty
}

// Sure reports whether no uncertain date leaves doubt about the state.
func (s State) Sure() bool {
	return s.Before == "" && !s.MayNotHaveBegun && !s.MayHaveEnded
}

// At tells what r was on the day of t. It returns false when r had
// certainly not begun, or had certainly ended, by then.
func (r *Relationship) At(t time.Time) (State, bool) {
	if len(r.Phases) == 0 || t.Before(r.Phases[0].From.Earliest) {
		return State{}, false
	}
	if r.End != nil && t.After(r.End.Date.Latest) {
		return State{}, false
	}
	i := 0
	for i+1 < len(r.Phases) && !t.Before(r.Phases[i+1].From.Earliest) {
		i++
	}
	p := &r.Phases[i]
	s := State{Status: p.Status, Certainty: p.CertaintyIn(r)}
	if uncertain(p.From) && !t.After(p.From.Latest) {
		if i == 0 {
			s.MayNotHaveBegun = true
		} else {
			s.Before = r.Phases[i-1].Status
		}
	}
	if r.End != nil && !t.Before(r.End.Date.Earliest) {
		s.MayHaveEnded = true
	}
	return s, true
}

// uncertain reports whether d covers more than one day.
func uncertain(d Date) bool { return d.Latest.After(d.Earliest) }
