package app

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

func TestPeopleSearch(t *testing.T) {
	ix := newPeopleIndex([]data.Person{
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
		for _, m := range ix.search(tt.query, tt.skip, tt.limit) {
			got = append(got, m.Person.ID)
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
	got := newPeopleIndex(people).search("person 19", nil, 12)
	var names []string
	for _, m := range got {
		names = append(names, m.Person.Name)
	}
	// "Person 1900" starts with the query, "Person 0019" only contains it.
	if len(names) != 12 || names[0] != "Person 1900" || names[11] != "Person 1911" {
		t.Errorf("got %q, want Person 1900 to Person 1911", names)
	}
	// "0190" starts with "019": it comes before "0019", which contains it.
	got = newPeopleIndex(people).search("019", nil, 11)
	if len(got) != 11 || got[0].Person.Name != "Person 0190" || got[9].Person.Name != "Person 0199" || got[10].Person.Name != "Person 0019" {
		t.Errorf("Search(019) = %d people, want Person 0190 … 0199, then Person 0019", len(got))
	}
}

// TestFoldForSearch is what the search ignores, and what it does not. It
// runs natively (golang.org/x/text) and, with make test, as WebAssembly in
// Node (the browser's tables, fold_wasm.go): both must agree.
func TestFoldForSearch(t *testing.T) {
	tests := []struct{ text, want string }{
		{"José", "jose"},
		{"Zoë", "zoe"},
		{"Núñez", "nunez"},
		{"François", "francois"},
		{"Björk Guðmundsdóttir", "bjork guðmundsdottir"},
		{"ÅSA", "asa"},
		{"Straße", "strasse"}, // ß is "ss" in full case mapping
		{"STRASSE", "strasse"},
		{"İlhan", "ilhan"}, // Turkish dotted capital I: "i" and a dot, which goes
		{"Işıl", "isil"},   // dotless ı uppercases to I, and back to i
		{"Οδυσσέας", "οδυσσεασ"},
		{"ΟΔΥΣΣΕΑΣ", "οδυσσεασ"}, // final sigma is any sigma
		{"Пётр Чайковский", "петр чаиковскии"},
		{"がくと", "かくと"},   // kana voicing marks are nonspacing marks too
		{"宮崎 駿", "宮崎 駿"}, // no case, no marks
		{"ﬁona", "fiona"},
		{"Øystein", "øystein"}, // letters that do not decompose stay
		{"Łukasz", "łukasz"},
		{"Cœur", "cœur"},
		{"", ""},
	}
	texts := make([]string, len(tests))
	for i, tt := range tests {
		texts[i] = tt.text
	}
	got := foldForSearch(texts)
	if len(got) != len(tests) {
		t.Fatalf("foldForSearch gave %d texts for %d", len(got), len(tests))
	}
	for i, tt := range tests {
		if got[i] != tt.want {
			t.Errorf("fold(%q) = %q, want %q", tt.text, got[i], tt.want)
		}
	}
	// In the browser, texts go to JavaScript a line each: a text's own
	// line break must not split it in two.
	if got := foldForSearch([]string{"Two\nLines", "Next"}); len(got) != 2 || got[1] != "next" {
		t.Errorf("a text with a line break folds to %q, want two texts", got)
	}
}

// TestPeopleSearchIgnoresAccentsAndFindsAliases types what readers type:
// without accents, in lower case, or another name of the person.
func TestPeopleSearchIgnoresAccentsAndFindsAliases(t *testing.T) {
	ix := newPeopleIndex([]data.Person{
		{ID: "jose", Name: "José Núñez"},
		{ID: "zoe", Name: "Zoë Kravitz"},
		{ID: "francois", Name: "François Hollande"},
		{ID: "bjork", Name: "Björk"},
		{ID: "lily-allen", Name: "Lily Allen", Aliases: []string{"Lily Rose Cooper"}},
		{ID: "oystein", Name: "Øystein Baadsvik", Aliases: []string{"Oystein Baadsvik"}},
		{ID: "tchaikovsky", Name: "Пётр Чайковский", Aliases: []string{"Pyotr Tchaikovsky"}},
		{ID: "gackt", Name: "ガクト", Aliases: []string{"Gackt"}},
		{ID: "strauss", Name: "Johann Strauß"},
	})
	tests := []struct {
		query string
		want  []string // id, or id (alias) when an alias matched
	}{
		{"jose", []string{"jose"}},
		{"JOSE", []string{"jose"}},
		{"nunez", []string{"jose"}},
		{"zoe", []string{"zoe"}},
		{"francois", []string{"francois"}},
		{"bjork", []string{"bjork"}},
		{"Björk", []string{"bjork"}},
		{"cooper", []string{"lily-allen (Lily Rose Cooper)"}},
		{"lily", []string{"lily-allen"}}, // the name matched: no alias to show
		{"oystein", []string{"oystein (Oystein Baadsvik)"}},
		{"øystein", []string{"oystein"}},
		{"чайковский", []string{"tchaikovsky"}},
		{"tchaik", []string{"tchaikovsky (Pyotr Tchaikovsky)"}},
		{"gackt", []string{"gackt (Gackt)"}},
		{"ガクト", []string{"gackt"}},
		{"strauss", []string{"strauss"}},
		{"ss", []string{"strauss"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range ix.search(tt.query, nil, 10) {
			if m.Alias != "" {
				got = append(got, m.Person.ID+" ("+m.Alias+")")
			} else {
				got = append(got, m.Person.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestFindPerson(t *testing.T) {
	ix := newPeopleIndex([]data.Person{
		{ID: "imogen-poots", Name: "Imogen Poots"},
		{ID: "james-norton", Name: "James Norton"},
		{ID: "lily-allen", Name: "Lily Allen", Aliases: []string{"Lily Rose Cooper"}},
		{ID: "david-harbour", Name: "David Harbour"},
		{ID: "ann-jameson", Name: "Ann Jameson"},
		{ID: "jose-garcia", Name: "José García"},
		{ID: "jose-garcia-2", Name: "Jose Garcia"},
		{ID: "cooper", Name: "Lily Cooper"},
	})
	tests := []struct {
		text    string
		chosen  []string
		want    string   // the person found
		choices []string // else, whom it may mean
	}{
		{text: "james-norton", want: "james-norton"},
		{text: "  JAMES-NORTON ", want: "james-norton"},
		{text: "james norton", want: "james-norton"},
		{text: "JAMES   NORTON", want: "james-norton"},
		{text: "lily rose cooper", want: "lily-allen"}, // an alias, whole
		{text: "harbour", want: "david-harbour"},       // the only match
		{text: "poots", chosen: []string{"james-norton"}, want: "imogen-poots"},
		{text: "james norton", chosen: []string{"james-norton"}, want: "james-norton"}, // chosen already
		{text: "james", choices: []string{"james-norton", "ann-jameson"}},
		{text: "james", chosen: []string{"james-norton"}, want: "ann-jameson"}, // the only one not chosen
		{text: "lily", choices: []string{"lily-allen", "cooper"}},
		{text: "José García", choices: []string{"jose-garcia", "jose-garcia-2"}}, // namesakes, as folded
		{text: "zz"},
		{text: ""},
		{text: "   "},
		{text: "\u200b\ufffd"},
		{text: "%"},
	}
	for _, tt := range tests {
		id, choices := ix.findPerson(tt.text, tt.chosen, 10)
		var got []string
		for _, m := range choices {
			got = append(got, m.Person.ID)
		}
		if id != tt.want || !slices.Equal(got, tt.choices) {
			t.Errorf("findPerson(%q, chosen %q) = %q, %q; want %q, %q", tt.text, tt.chosen, id, got, tt.want, tt.choices)
		}
	}
}

func TestFoundView(t *testing.T) {
	tl := &data.Timeline{People: []data.Person{
		{ID: "james-norton", Name: "James Norton"},
		{ID: "lily-allen", Name: "Lily Allen"},
		{ID: "ann-jameson", Name: "Ann Jameson"},
	}}
	tests := []struct {
		query string
		want  string // the view's query, "" when nobody, or several, are found
	}{
		{"find=lily", "person=lily-allen"},
		{"person=james-norton&find=Lily+Allen&from=2020&to=2022&rel=x&title=0&theme=dark", "from=2020-01-01&person=james-norton,lily-allen&theme=dark&title=0&to=2022-12-31"},
		{"person=lily-allen&find=lily-allen&view=list", "person=lily-allen&view=list"},
		{"find=james", ""},
		{"find=nobody", ""},
		{"find=", ""},
		{"person=lily-allen", ""},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		found, ok := FoundView(tl, ParseViewState(q))
		got := ""
		if ok {
			got = found.URL("").RawQuery
		}
		if got != tt.want {
			t.Errorf("FoundView(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

// TestViewKeepsTypedName bounds the name a view keeps from find=, which a
// URL made by hand may make of anything.
func TestViewKeepsTypedName(t *testing.T) {
	long := strings.Repeat("é", 1<<20)
	tests := []struct{ find, want string }{
		{"  Lily Allen ", "Lily Allen"},
		{"\xff\xfeLily", "\ufffdLily"},
		{long, strings.Repeat("é", maxFind)},
		{"👩🏽‍🎤 Zoë", "👩🏽‍🎤 Zoë"},
		{"", ""},
	}
	for _, tt := range tests {
		s := ParseViewState(url.Values{FindParameter: {tt.find}})
		if s.Find != tt.want {
			t.Errorf("find=%.20q: the view keeps %.20q (%d bytes), want %.20q", tt.find, s.Find, len(s.Find), tt.want)
		}
		if s.link() != "?" {
			t.Errorf("find=%.20q: a link to the view is %q, want no find", tt.find, s.link())
		}
	}
}
