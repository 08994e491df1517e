package app

import (
	"strings"
	"sync"

	"github.com/liaison-timeline/liaison/data"
)

// A peopleIndex finds people by name or alias as a reader types, fast
// enough for thousands of people on every keystroke. It ignores case and
// diacritics: "jose" finds José, "bjork" Björk (see foldForSearch).
type peopleIndex struct {
	people []*data.Person
	// keys are folded on the first query, not when the page is built:
	// the server renders pages but never searches, and a reader who
	// never types pays nothing. A pointer, so that copies of the index
	// share them.
	keys *searchKeys
}

// searchKeys are the folded names and aliases of an index's people.
type searchKeys struct {
	once    sync.Once
	names   []string   // in the order of people
	aliases [][]string // each person's, in order
}

// A personMatch is a person the search found, and the alias that matched when
// the name did not.
type personMatch struct {
	Person *data.Person
	Alias  string
}

// newPeopleIndex indexes people.
func newPeopleIndex(people []data.Person) peopleIndex {
	ix := peopleIndex{people: make([]*data.Person, len(people)), keys: &searchKeys{}}
	for i := range people {
		ix.people[i] = &people[i]
	}
	return ix
}

// fold folds every name and alias at once: in the browser, one call to
// its normalisation instead of one a name.
func (ix peopleIndex) fold() *searchKeys {
	k := ix.keys
	k.once.Do(func() {
		var texts []string
		for _, p := range ix.people {
			texts = append(texts, p.Name)
			texts = append(texts, p.Aliases...)
		}
		folded := foldForSearch(texts)
		k.names, k.aliases = make([]string, len(ix.people)), make([][]string, len(ix.people))
		for i, p := range ix.people {
			k.names[i], folded = folded[0], folded[1:]
			k.aliases[i], folded = folded[:len(p.Aliases):len(p.Aliases)], folded[len(p.Aliases):]
		}
	})
	return k
}

// search returns at most limit people, other than those in skip, whose
// name or an alias contains every word of query, ignoring case and
// diacritics: first those whose name or alias, or a word of it, starts
// with the query, then the rest, each in the timeline's order. A match
// says which alias matched when the name did not. An empty query matches
// everyone.
func (ix peopleIndex) search(query string, skip []string, limit int) []personMatch {
	var words []string
	if strings.TrimSpace(query) != "" {
		words = strings.Fields(foldForSearch([]string{query})[0])
	}
	whole := strings.Join(words, " ")
	var keys *searchKeys
	if len(words) > 0 {
		keys = ix.fold()
	}
	var first, rest []personMatch
	for i, p := range ix.people {
		if len(first) >= limit || skipped(p.ID, skip) {
			continue
		}
		if keys == nil {
			first = append(first, personMatch{Person: p})
			continue
		}
		m, starts, ok := best(p, keys.names[i], keys.aliases[i], words, whole)
		switch {
		case !ok:
		case starts:
			first = append(first, m)
		case len(rest) < limit:
			rest = append(rest, m)
		}
	}
	return append(first, rest...)[:min(limit, len(first)+len(rest))]
}

// best matches p's name, then each alias: the first one that starts with
// the query (or has a word that does), else the first that contains every
// word.
func best(p *data.Person, name string, aliases []string, words []string, whole string) (m personMatch, starts, ok bool) {
	for i := -1; i < len(aliases); i++ {
		key, alias := name, ""
		if i >= 0 {
			key, alias = aliases[i], p.Aliases[i]
		}
		if !containsAll(key, words) {
			continue
		}
		if strings.HasPrefix(key, whole) || strings.Contains(key, " "+whole) {
			return personMatch{p, alias}, true, true
		}
		if !ok {
			m, ok = personMatch{p, alias}, true
		}
	}
	return m, false, ok
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
