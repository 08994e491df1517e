package data

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestCheckWarns(t *testing.T) {
	src := []byte(`{
  "schema": "timeline/v1", "id": "w", "title": "W",
  "people": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Bob"}, {"id": "c", "name": "Cy"}],
  "relationships": [
    {"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2031"}]}
  ],
  "sources": [{"id": "s", "outlet": "S"}]
}`)
	now := time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)
	tl, warnings, err := check(nil, "w.json", src, now, nil)
	if err != nil || tl == nil {
		t.Fatalf("warnings made the file invalid: %v", err)
	}
	want := []string{
		`w.json:3:70: warning: people[2]: "Cy" is in no relationship`,
		`w.json:5:5: warning: relationships[0]: no evidence: add a quote and its source, so that readers can check it`,
		`w.json:5:80: warning: relationships[0].phases[0].from: 2031 is more than a year from now: is the year right?`,
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings:\n%v\nwant %d", warnings, len(want))
	}
	for i := range want {
		if got := warnings[i].Error(); got != want[i] {
			t.Errorf("warning %d = %q\nwant %q", i, got, want[i])
		}
	}
	if _, err := Parse("w.json", src); err != nil {
		t.Errorf("Parse rejects a file with only warnings: %v", err)
	}
}

func TestDefaultTimelineHasNoWarnings(t *testing.T) {
	src, err := os.ReadFile("timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, warnings, err := Check("james-norton.json", src); err != nil || len(warnings) > 0 {
		t.Errorf("the default timeline: err %v, warnings %v", err, warnings)
	}
}

func TestCheckWarnsOfDirectionControls(t *testing.T) {
	src := []byte(`{"schema": "timeline/v1", "id": "w", "title": "W",
"people": [{"id": "a", "name": "Ann \u202Eexe.live"}, {"id": "b", "name": "Bob"}],
"relationships": [{"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2020"}], "evidence": [{"source": "s", "quote": "Q"}]}],
"sources": [{"id": "s", "outlet": "S"}]}`)
	_, warnings, err := check(nil, "w.json", src, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "w.json:2:32: warning: people[0].name: has an invisible direction control (U+202E) that can make the text read as something else; remove it unless the language needs it"
	if len(warnings) != 1 || warnings[0].Error() != want {
		t.Errorf("warnings = %v\nwant %s", warnings, want)
	}
}

func TestCheckWarnsOfLongNamesAndDescriptions(t *testing.T) {
	long := strings.Repeat("é", maxDescription+1)
	src := []byte(`{"schema": "timeline/v1", "id": "w", "title": "W",
"people": [{"id": "a", "name": "` + strings.Repeat("A", maxName) + `", "description": "` + strings.Repeat("é", maxDescription) + `"}, {"id": "b", "name": "Bob", "description": "` + long + `"},
  {"id": "c", "name": "` + strings.Repeat("C", maxName+1) + `"}],
"relationships": [{"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2020"}], "evidence": [{"source": "s", "quote": "Q"}]}],
"sources": [{"id": "s", "outlet": "S"}]}`)
	_, warnings, err := check(nil, "w.json", src, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"w.json:2:298: warning: people[1].description: is 121 characters: it shows under the name in the person's lane, which draws three lines of it; say who they are in a few words (120 characters at most)",
		"w.json:3:3: warning: people[2]: \"" + strings.Repeat("C", maxName+1) + "\" is in no relationship",
		"w.json:3:23: warning: people[2].name: is 81 characters: a name shows in full in its lane, on its partners' bars and in the filter; is it a name? (80 characters at most)",
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings = %v\nwant %q", warnings, want)
	}
	for i := range want {
		if got := warnings[i].Error(); got != want[i] {
			t.Errorf("warning %d = %q\nwant %q", i, got, want[i])
		}
	}
}

// TestCheckWarnsOfRepeatedNames warns of aliases that the filter would
// find on two people, or that say nothing new, ignoring case as the filter
// does.
func TestCheckWarnsOfRepeatedNames(t *testing.T) {
	src := []byte(`{"schema": "timeline/v1", "id": "w", "title": "W",
"people": [{"id": "a", "name": "Lily Allen", "aliases": ["Lily Rose Cooper", "lily allen", "Lily Rose Cooper"]},
  {"id": "b", "name": "David Harbour", "aliases": ["LILY ROSE COOPER", "Lily Allen", "Dave"]}],
"relationships": [{"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2020"}], "evidence": [{"source": "s", "quote": "Q"}]}],
"sources": [{"id": "s", "outlet": "S"}]}`)
	tl, warnings, err := check(nil, "w.json", src, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := tl.People[1].Aliases; len(got) != 3 || got[2] != "Dave" {
		t.Errorf("aliases = %q", got)
	}
	want := []string{
		`w.json:2:78: warning: people[0].aliases[1]: "lily allen" is the person's name already`,
		`w.json:2:92: warning: people[0].aliases[2]: "Lily Rose Cooper" is given twice`,
		`w.json:3:52: warning: people[1].aliases[0]: "LILY ROSE COOPER" is also an alias of Lily Allen (people[0]): the filter would offer both; is it on the right person?`,
		`w.json:3:72: warning: people[1].aliases[1]: "Lily Allen" is also the name of Lily Allen (people[0]): the filter would offer both; is it on the right person?`,
	}
	if len(warnings) != len(want) {
		t.Fatalf("warnings = %v\nwant %q", warnings, want)
	}
	for i := range want {
		if got := warnings[i].Error(); got != want[i] {
			t.Errorf("warning %d = %q\nwant %q", i, got, want[i])
		}
	}
}

// TestAccountsAreEvidence counts the quotes of an account as evidence of
// its relationship: one backed by them alone is not warned of.
func TestAccountsAreEvidence(t *testing.T) {
	_, warnings, err := Check("w.json", []byte(`{
  "schema": "timeline/v1", "id": "w", "title": "W",
  "people": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Bob"}],
  "relationships": [{"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2018",
    "alternatives": [{"date": "2017", "evidence": [{"source": "s", "quote": "since 2017"}]}]}]}],
  "sources": [{"id": "s", "outlet": "S"}]
}`))
	if err != nil || len(warnings) > 0 {
		t.Errorf("a relationship backed by an account's quote: %v, warnings %v; want none", err, warnings)
	}
}
