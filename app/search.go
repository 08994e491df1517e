package app

import (
	"slices"
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

// findPerson resolves the text a reader typed into the filter and sent
// (the form's find parameter, or Enter on a closed list) to one person:
// the one whose id is the text, else the one whose name, else alias, is
// the whole text (ignoring case, diacritics and spacing), else the only
// one the search finds among those not chosen. It returns that person's
// id; otherwise the people the text may mean (at most limit, from the
// search), none when nobody matches. An id or name of a person chosen
// already is found too: the view then stays as it is.
func (ix peopleIndex) findPerson(text string, chosen []string, limit int) (id string, choices []personMatch) {
	if strings.TrimSpace(text) == "" {
		return "", nil
	}
	lower := strings.ToLower(strings.TrimSpace(text))
	for _, p := range ix.people {
		if p.ID == lower {
			return p.ID, nil
		}
	}
	whole := strings.Join(strings.Fields(foldForSearch([]string{text})[0]), " ")
	keys := ix.fold()
	for _, exact := range []func(i int) bool{
		func(i int) bool { return keys.names[i] == whole },
		func(i int) bool { return slices.Contains(keys.aliases[i], whole) },
	} {
		var named []personMatch
		for i, p := range ix.people {
			if exact(i) {
				named = append(named, personMatch{Person: p})
			}
		}
		switch {
		case len(named) == 1:
			return named[0].Person.ID, nil
		case len(named) > 1: // namesakes: the reader chooses
			return "", named[:min(limit, len(named))]
		}
	}
	found := ix.search(text, chosen, limit)
	if len(found) == 1 {
		return found[0].Person.ID, nil
	}
	return "", found
}

// FoundView is the view that the person filter's form asks for with the
// name s.Find when it finds one person of t (findPerson): s with that
// person added, and no Find. ok is false when s has no Find, or it finds
// nobody or more than one person, whom the page of s then shows.
func FoundView(t *data.Timeline, s ViewState) (found ViewState, ok bool) {
	if s.Find == "" {
		return s, false
	}
	ix := newPeopleIndex(t.People)
	id, _ := ix.findPerson(s.Find, s.People, maxOptions)
	if id == "" {
		return s, false
	}
	s.Find = ""
	if !slices.Contains(s.People, id) {
		s.People = append(slices.Clip(s.People), id)
	}
	return s.withoutDetails(), true
}
