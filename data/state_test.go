package data

import (
	"testing"
	"time"
)

func TestRelationshipAt(t *testing.T) {
	tl, err := Parse("", []byte(`{
  "schema": "timeline/v1", "id": "t", "title": "T",
  "people": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "relationships": [
    {"id": "ab", "people": ["a", "b"], "phases": [
      {"status": "dating", "from": "2018"},
      {"status": "engaged", "from": "2022-03-14"},
      {"status": "married", "from": "2023-06", "certainty": "reported"}
    ], "end": {"date": {"date": "2024-09/2024-12", "label": "late 2024"}}},
    {"id": "ongoing", "people": ["a", "b"], "certainty": "rumoured", "phases": [{"status": "dating", "from": "2025-05-01"}],
     "evidence": [{"source": "news", "quote": "dating"}]},
    {"id": "accounts", "people": ["a", "b"], "phases": [
      {"status": "dating", "from": "2018", "alternatives": [{"date": "2016", "inferred": true, "evidence": [{"source": "news", "quote": "q"}]}]}
    ], "end": {"date": "2020-06", "alternatives": [{"date": "2021-02", "evidence": [{"source": "news", "quote": "q"}]}]}}
  ],
  "sources": [{"id": "news", "outlet": "News", "published": "2026-07"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		relationship int
		day          string
		want         State
		wantOK       bool
	}{
		{0, "2017-12-31", State{}, false},
		{0, "2018-01-01", State{Status: Dating, MayNotHaveBegun: true, Certainty: Confirmed}, true},
		{0, "2018-12-31", State{Status: Dating, MayNotHaveBegun: true, Certainty: Confirmed}, true},
		{0, "2019-01-01", State{Status: Dating, Certainty: Confirmed}, true},
		{0, "2022-03-13", State{Status: Dating, Certainty: Confirmed}, true},
		{0, "2022-03-14", State{Status: Engaged, Certainty: Confirmed}, true},
		{0, "2023-06-15", State{Status: Married, Before: Engaged, Certainty: Reported}, true},
		{0, "2023-07-01", State{Status: Married, Certainty: Reported}, true},
		{0, "2024-10-01", State{Status: Married, MayHaveEnded: true, Certainty: Reported}, true},
		{0, "2024-12-31", State{Status: Married, MayHaveEnded: true, Certainty: Reported}, true},
		{0, "2025-01-01", State{}, false},
		{1, "2025-04-30", State{}, false},
		{1, "2025-05-01", State{Status: Dating, Certainty: Rumoured}, true},
		// Sure of nothing after the latest source's month.
		{1, "2026-07-31", State{Status: Dating, Certainty: Rumoured}, true},
		{1, "2026-08-01", State{Status: Dating, Unknown: true, Certainty: Rumoured}, true},
		{1, "2030-01-01", State{Status: Dating, Unknown: true, Certainty: Rumoured}, true},
		// Between the accounts of a start and of an end, it may not be.
		{2, "2015-12-31", State{}, false},
		{2, "2016-01-01", State{Status: Dating, MayNotHaveBegun: true, Certainty: Confirmed}, true},
		{2, "2018-12-31", State{Status: Dating, MayNotHaveBegun: true, Certainty: Confirmed}, true},
		{2, "2019-01-01", State{Status: Dating, Certainty: Confirmed}, true},
		{2, "2020-06-01", State{Status: Dating, MayHaveEnded: true, Certainty: Confirmed}, true},
		{2, "2021-02-28", State{Status: Dating, MayHaveEnded: true, Certainty: Confirmed}, true},
		{2, "2021-03-01", State{}, false},
	}
	for _, tt := range tests {
		r := &tl.Relationships[tt.relationship]
		wantSure := tt.want.Before == "" && !tt.want.MayNotHaveBegun && !tt.want.MayHaveEnded && !tt.want.Unknown
		if tt.want.Sure() != wantSure {
			t.Errorf("%+v.Sure() = %v, want %v", tt.want, tt.want.Sure(), wantSure)
		}
		got, ok := r.At(day(tt.day))
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("%s.At(%s) = %+v, %v; want %+v, %v", r.ID, tt.day, got, ok, tt.want, tt.wantOK)
		}
	}
}
