package data

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestGenerateIsValid checks that generated timelines pass every rule of
// the format, whatever their size, and are the same for the same seed.
func TestGenerateIsValid(t *testing.T) {
	for _, size := range []struct{ people, relationships int }{{2, 1}, {50, 50}, {300, 1000}, {2000, 10000}} {
		src, err := json.Marshal(Generate(size.people, size.relationships, 7))
		if err != nil {
			t.Fatal(err)
		}
		tl, err := Parse("generated.json", src)
		if err != nil {
			t.Fatalf("Generate(%d, %d) is not valid: %v", size.people, size.relationships, err)
		}
		if len(tl.People) != size.people || len(tl.Relationships) != size.relationships {
			t.Errorf("Generate(%d, %d) has %d people and %d relationships", size.people, size.relationships, len(tl.People), len(tl.Relationships))
		}
		names := map[string]bool{}
		for _, p := range tl.People {
			if names[p.Name] {
				t.Errorf("Generate(%d, %d) names two people %s", size.people, size.relationships, p.Name)
			}
			names[p.Name] = true
		}
		again, _ := json.Marshal(Generate(size.people, size.relationships, 7))
		if !bytes.Equal(src, again) {
			t.Errorf("Generate(%d, %d) differs between two runs with one seed", size.people, size.relationships)
		}
	}
}

// TestGenerateIsVaried checks that a generated timeline exercises what the
// widget draws: every certainty, status, precision and qualifier, endings
// and ongoing relationships, people with several partners.
func TestGenerateIsVaried(t *testing.T) {
	tl := Generate(100, 1000, 1)
	seen := map[string]bool{}
	partners := map[string]int{}
	for _, r := range tl.Relationships {
		seen["certainty "+string(r.CertaintyOrDefault())] = true
		seen[map[bool]string{true: "ended", false: "ongoing"}[r.End != nil]] = true
		for _, p := range r.Phases {
			seen["status "+string(p.Status)] = true
			seen["precision "+p.From.Precision.String()] = true
		}
		if r.End != nil {
			d := r.End.Date
			seen[map[bool]string{true: "interval", false: "single"}[d.Interval]] = true
			if d.Approximate {
				seen["approximate"] = true
			}
			if d.Uncertain {
				seen["uncertain"] = true
			}
		}
		partners[r.People[0]]++
		partners[r.People[1]]++
	}
	for _, want := range []string{"certainty confirmed", "certainty reported", "certainty rumoured", "ended", "ongoing",
		"status dating", "status engaged", "status married", "precision year", "precision month", "precision day",
		"interval", "single", "approximate", "uncertain"} {
		if !seen[want] {
			t.Errorf("no relationship shows %s", want)
		}
	}
	several := 0
	for _, n := range partners {
		if n >= 3 {
			several++
		}
	}
	if several < 50 {
		t.Errorf("only %d of 100 people have three or more relationships", several)
	}
	if len(tl.Events) == 0 {
		t.Error("no events")
	}
}
