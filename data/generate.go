package data

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Generate makes a valid synthetic timeline of the given size, the same for
// the same seed: people with several relationships in turn and some at
// once, every date precision and qualifier, every certainty, events and
// evidence. It is for benchmarks and tests at newsroom scale.
func Generate(people, relationships int, seed uint64) *Timeline {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := generator{rng: rng}
	t := &Timeline{
		Schema:  SchemaV1,
		ID:      "generated",
		Title:   fmt.Sprintf("Generated: %d people, %d relationships", people, relationships),
		Summary: fmt.Sprintf("A synthetic timeline made with seed %d.", seed),
		Sources: []Source{
			{ID: "wire", Outlet: "Wire Service", URL: "https://example.com/wire"},
			{ID: "gossip", Outlet: "Gossip Weekly", Title: "Who is seeing whom"},
		},
		Relationships: []Relationship{},
	}
	for i := range max(people, 2) {
		name := personName(i)
		p := Person{ID: fmt.Sprintf("%s-%d", slugOf(name), i+1), Name: name}
		if i%3 == 0 {
			p.Born = g.date(1950+rng.IntN(50), false)
		}
		if i%4 == 0 {
			p.Description = descriptions[i%len(descriptions)]
		}
		t.People = append(t.People, p)
	}
	for i := range relationships {
		t.Relationships = append(t.Relationships, g.relationship(t.People, i))
	}
	for i := range relationships / 5 {
		a, b := g.pair(len(t.People))
		date := g.date(1990+rng.IntN(36), true)
		t.Events = append(t.Events, Event{
			ID:       fmt.Sprintf("e%d", i+1),
			Date:     *date,
			Kind:     EventKinds[rng.IntN(len(EventKinds))],
			Title:    fmt.Sprintf("%s and %s seen together", t.People[a].Name, t.People[b].Name),
			People:   []string{t.People[a].ID, t.People[b].ID},
			Evidence: []Evidence{{Source: "gossip", Quote: "They were seen together."}},
		})
	}
	return t
}

type generator struct {
	rng *rand.Rand
}

// pair picks two different people, the second often near the first, so
// that people have several partners and some share them.
func (g generator) pair(n int) (int, int) {
	a := g.rng.IntN(n)
	b := (a + 1 + g.rng.IntN(min(n-1, 40))) % n
	return a, b
}

func (g generator) relationship(people []Person, i int) Relationship {
	a, b := g.pair(len(people))
	r := Relationship{
		ID:     fmt.Sprintf("r%d", i+1),
		People: [2]string{people[a].ID, people[b].ID},
	}
	switch n := g.rng.IntN(20); {
	case n < 3:
		r.Certainty = Reported
	case n < 4:
		r.Certainty = Rumoured
	}
	year := 1990 + g.rng.IntN(34)
	for k, status := range Statuses[:1+g.rng.IntN(3)] {
		from := g.date(year, k == 0)
		r.Phases = append(r.Phases, Phase{
			Status:   status,
			From:     *from,
			Evidence: []Evidence{{Source: "wire", Quote: fmt.Sprintf("They were %s.", status)}},
		})
		year = from.Latest.Year() + 1 + g.rng.IntN(3)
	}
	if g.rng.IntN(10) < 7 && year <= 2026 {
		end := &End{Date: *g.date(year, true), Kind: EndKinds[g.rng.IntN(2)]}
		if g.rng.IntN(2) == 0 {
			end.Initiator = r.People[g.rng.IntN(2)]
			end.Reason = "They grew apart."
		}
		r.End = end
	}
	return r
}

// date makes a date in year of a random precision: with qualifiers and
// intervals when uncertain is allowed.
func (g generator) date(year int, uncertain bool) *Date {
	forms := 3
	if uncertain {
		forms = 7
	}
	month, day := 1+g.rng.IntN(12), 1+g.rng.IntN(28)
	var text, label string
	switch g.rng.IntN(forms) {
	case 0:
		text = fmt.Sprintf("%04d", year)
	case 1:
		text = fmt.Sprintf("%04d-%02d", year, month)
	case 2:
		text = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	case 3:
		text = fmt.Sprintf("%04d~", year)
	case 4:
		text = fmt.Sprintf("%04d?", year)
	case 5:
		text = fmt.Sprintf("%04d-%02d%%", year, month)
	default:
		text, label = fmt.Sprintf("%04d-09/%04d-12", year, year), fmt.Sprintf("late %d", year)
	}
	d, err := ParseDate(text)
	if err != nil {
		panic(err) // the forms above are all valid
	}
	d.Label = label
	return &d
}

// personName is a name no other i gets: first and last names in turn,
// then with a middle initial.
func personName(i int) string {
	first, last := firstNames[i%len(firstNames)], lastNames[(i/len(firstNames))%len(lastNames)]
	if round := i / (len(firstNames) * len(lastNames)); round > 0 {
		return first + " " + string(rune('A'+(round-1)%26)) + ". " + last
	}
	return first + " " + last
}

func slugOf(name string) string {
	return strings.ToLower(strings.NewReplacer(" ", "-", ".", "").Replace(name))
}

var (
	firstNames = []string{"Ada", "Ben", "Cleo", "Dev", "Ema", "Finn", "Gia", "Hugo", "Ines", "Jon",
		"Kai", "Lena", "Milo", "Nia", "Otto", "Pia", "Quin", "Rosa", "Sam", "Tara", "Uma", "Vik",
		"Wren", "Xan", "Yara", "Zed"}
	lastNames = []string{"Abbott", "Brandt", "Castillo", "Dumont", "Eklund", "Fischer", "Garner",
		"Hayes", "Ibarra", "Jansen", "Kowalski", "Laurent", "Moreau", "Novak", "Okafor", "Petrov",
		"Quinn", "Rossi", "Sato", "Torres", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhou",
		"Adler", "Berg", "Cruz", "Dahl", "Engel", "Ford", "Gray", "Holm", "Ivers", "Juarez", "Klein"}
	descriptions = []string{"Actor", "Singer", "Footballer", "Presenter", "Model", "Author"}
)
