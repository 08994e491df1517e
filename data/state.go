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
	// Unknown is set after the relationship's AsOf, the date of its
	// latest evidence: it was Status then, and nothing says what since.
	Unknown   bool
	Certainty Certainty
}

// Sure reports whether no uncertain date leaves doubt about the state.
func (s State) Sure() bool {
	return s.Before == "" && !s.MayNotHaveBegun && !s.MayHaveEnded && !s.Unknown
}

// At tells what r was on the day of t. It returns false when r had
// certainly not begun, or had certainly ended, by then, by every account
// (see Account): the days between accounts are uncertain.
func (r *Relationship) At(t time.Time) (State, bool) {
	if len(r.Phases) == 0 {
		return State{}, false
	}
	if first, _ := r.Phases[0].Begins(); t.Before(first) {
		return State{}, false
	}
	if r.End != nil {
		if _, last := r.End.Ends(); t.After(last) {
			return State{}, false
		}
	}
	i := 0
	for i+1 < len(r.Phases) {
		if next, _ := r.Phases[i+1].Begins(); t.Before(next) {
			break
		}
		i++
	}
	p := &r.Phases[i]
	s := State{Status: p.Status, Certainty: p.CertaintyIn(r)}
	if first, last := p.Begins(); last.After(first) && !t.After(last) {
		if i == 0 {
			s.MayNotHaveBegun = true
		} else {
			s.Before = r.Phases[i-1].Status
		}
	}
	if r.End != nil {
		if first, _ := r.End.Ends(); !t.Before(first) {
			s.MayHaveEnded = true
		}
	} else if r.AsOf != nil && t.After(r.AsOf.Latest) {
		s.Unknown = true
	}
	return s, true
}
