package app

import (
	"strings"

	"github.com/liaison-timeline/liaison/data"
)

// A PeopleIndex finds people by name as a reader types, fast enough for
// thousands of people on every keystroke.
type PeopleIndex struct {
	people []*data.Person
	names  []string // lower-cased, in the order of people
}

// NewPeopleIndex indexes t's people.
func NewPeopleIndex(people []data.Person) PeopleIndex {
	ix := PeopleIndex{people: make([]*data.Person, len(people)), names: make([]string, len(people))}
	for i := range people {
		ix.people[i] = &people[i]
		ix.names[i] = strings.ToLower(people[i].Name)
	}
	return ix
}

// Search returns at most limit people, other than those in skip, whose
// names contain every word of query, ignoring case: first those whose name
// or a word of it starts with the query, then the rest, each in the
// timeline's order. An empty query matches everyone.
func (ix PeopleIndex) Search(query string, skip []string, limit int) []*data.Person {
	words := strings.Fields(strings.ToLower(query))
	whole := strings.Join(words, " ")
	var first, rest []*data.Person
	for i, name := range ix.names {
		if len(first) >= limit || skipped(ix.people[i].ID, skip) || !containsAll(name, words) {
			continue
		}
		if strings.HasPrefix(name, whole) || strings.Contains(name, " "+whole) {
			first = append(first, ix.people[i])
		} else if len(rest) < limit {
			rest = append(rest, ix.people[i])
		}
	}
	return append(first, rest...)[:min(limit, len(first)+len(rest))]
}

func containsAll(name string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(name, w) {
			return false
		}
	}
	return true
}

func skipped(id string, skip []string) bool {
	for _, s := range skip {
		if s == id {
			return true
		}
	}
	return false
}
