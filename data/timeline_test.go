package data

import (
	"testing"
	"time"
)

// TestDatedSpan checks what a relationship's own dates reach, by every
// account: from the earliest day a phase may begin to the day after the
// latest day a phase may begin or the relationship may end.
func TestDatedSpan(t *testing.T) {
	phase := func(from string, alternatives ...string) Phase {
		p := Phase{Status: Dating, From: mustDate(t, from, "")}
		for _, a := range alternatives {
			p.Alternatives = append(p.Alternatives, Account{Date: mustDate(t, a, "")})
		}
		return p
	}
	asOf := mustDate(t, "2025-07", "")
	tests := []struct {
		what       string
		r          Relationship
		first, end time.Time
	}{
		{"no dates", Relationship{}, time.Time{}, time.Time{}},
		{"ongoing: its latest evidence is not its dates'", Relationship{Phases: []Phase{phase("2018")}, AsOf: &asOf},
			day(2018, 1, 1), day(2019, 1, 1)},
		{"ended", Relationship{Phases: []Phase{phase("2018"), phase("2022-03")}, End: &End{Date: mustDate(t, "2023-10", "")}},
			day(2018, 1, 1), day(2023, 11, 1)},
		{"an earlier account of a start", Relationship{Phases: []Phase{phase("2018", "2017")}},
			day(2017, 1, 1), day(2019, 1, 1)},
		{"a later account of an end", Relationship{Phases: []Phase{phase("2018")},
			End: &End{Date: mustDate(t, "2023", ""), Alternatives: []Account{{Date: mustDate(t, "2024-02-14", "")}}}},
			day(2018, 1, 1), day(2024, 2, 15)},
	}
	for _, tt := range tests {
		first, end := tt.r.DatedSpan()
		if !first.Equal(tt.first) || !end.Equal(tt.end) {
			t.Errorf("%s: DatedSpan() = %v, %v, want %v, %v", tt.what, first, end, tt.first, tt.end)
		}
	}
}
