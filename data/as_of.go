package data

// setAsOf sets the AsOf of every relationship of t that has not ended:
// the date of its latest evidence, which is the latest publication date
// of the sources its quotes (its own, its phases' and their accounts')
// come from, or the date of its last phase, or of an account of it, if
// that is later. A relationship drawn to today would claim what no
// source says.
func setAsOf(t *Timeline) {
	published := make(map[string]Date, len(t.Sources))
	for _, s := range t.Sources {
		if s.Published != nil {
			published[s.ID] = *s.Published
		}
	}
	for i := range t.Relationships {
		r := &t.Relationships[i]
		r.AsOf = nil
		if r.End != nil || len(r.Phases) == 0 {
			continue
		}
		asOf := r.Phases[len(r.Phases)-1].From
		later := func(d Date) {
			if d.Latest.After(asOf.Latest) {
				asOf = d
			}
		}
		see := func(list []Evidence) {
			for _, ev := range list {
				if d, ok := published[ev.Source]; ok {
					later(d)
				}
			}
		}
		see(r.Evidence)
		for _, p := range r.Phases {
			see(p.Evidence)
			for _, a := range p.Alternatives {
				see(a.Evidence)
			}
		}
		for _, a := range r.Phases[len(r.Phases)-1].Alternatives {
			later(a.Date)
		}
		r.AsOf = &asOf
	}
}

// AsWritten is t as a file should hold it: a copy without what the
// server works out when it loads a timeline (each relationship's AsOf),
// which a file may not set, for writing a timeline that was read (liaison
// import writes the JSON of a spreadsheet).
func (t *Timeline) AsWritten() *Timeline {
	out := *t
	out.Relationships = make([]Relationship, len(t.Relationships))
	for i, r := range t.Relationships {
		r.AsOf = nil
		out.Relationships[i] = r
	}
	return &out
}
