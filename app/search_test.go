package app

import (
	"fmt"
	"slices"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

func TestPeopleSearch(t *testing.T) {
	ix := NewPeopleIndex([]data.Person{
		{ID: "imogen-poots", Name: "Imogen Poots"},
		{ID: "james-norton", Name: "James Norton"},
		{ID: "lily-allen", Name: "Lily Allen"},
		{ID: "david-harbour", Name: "David Harbour"},
		{ID: "ann-jameson", Name: "Ann Jameson"},
	})
	tests := []struct {
		query string
		skip  []string
		limit int
		want  []string
	}{
		{"", nil, 10, []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour", "ann-jameson"}},
		{"", nil, 2, []string{"imogen-poots", "james-norton"}},
		{"JAM", nil, 10, []string{"james-norton", "ann-jameson"}},
		{"ames", nil, 10, []string{"james-norton", "ann-jameson"}},
		{"allen", nil, 10, []string{"lily-allen"}},
		{"lily allen", nil, 10, []string{"lily-allen"}},
		{"al", nil, 10, []string{"lily-allen"}},
		{"ar", nil, 10, []string{"david-harbour"}},
		{"james", []string{"james-norton"}, 10, []string{"ann-jameson"}},
		{"zz", nil, 10, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range ix.Search(tt.query, tt.skip, tt.limit) {
			got = append(got, p.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q, skip %q, %d) = %q, want %q", tt.query, tt.skip, tt.limit, got, tt.want)
		}
	}
}

func TestPeopleSearchManyPeople(t *testing.T) {
	people := make([]data.Person, 2000)
	for i := range people {
		people[i] = data.Person{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %04d", i)}
	}
	got := NewPeopleIndex(people).Search("person 19", nil, 12)
	var names []string
	for _, p := range got {
		names = append(names, p.Name)
	}
	// "Person 1900" starts with the query, "Person 0019" only contains it.
	if len(names) != 12 || names[0] != "Person 1900" || names[11] != "Person 1911" {
		t.Errorf("got %q, want Person 1900 to Person 1911", names)
	}
	// "0190" starts with "019": it comes before "0019", which contains it.
	got = NewPeopleIndex(people).Search("019", nil, 11)
	if len(got) != 11 || got[0].Name != "Person 0190" || got[9].Name != "Person 0199" || got[10].Name != "Person 0019" {
		t.Errorf("Search(019) = %d people, want Person 0190 … 0199, then Person 0019", len(got))
	}
}
