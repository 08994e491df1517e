package data

import "testing"

func TestAsOf(t *testing.T) {
	tl, err := Parse("", []byte(`{
  "schema": "timeline/v1", "id": "t", "title": "T",
  "people": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "sources": [
    {"id": "july", "outlet": "News", "published": "2025-07"},
    {"id": "old", "outlet": "News", "published": "2019-03-14"},
    {"id": "undated", "outlet": "News"}
  ],
  "relationships": [
    {"id": "by-source", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2024",
      "evidence": [{"source": "old", "quote": "q"}]}], "evidence": [{"source": "july", "quote": "q"}]},
    {"id": "by-phase", "people": ["a", "b"], "phases": [
      {"status": "dating", "from": "2018", "evidence": [{"source": "old", "quote": "q"}]},
      {"status": "married", "from": "2021-05", "evidence": [{"source": "undated", "quote": "q"}]}]},
    {"id": "by-account", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2018",
      "alternatives": [{"date": "2020", "evidence": [{"source": "undated", "quote": "q"}]}]}]},
    {"id": "saved-answer", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2018"}], "asOf": "2030"},
    {"id": "ended", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2018",
      "evidence": [{"source": "july", "quote": "q"}]}], "end": {"date": "2019"}}
  ]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ relationship, want string }{
		{"by-source", "2025-07"},
		{"by-phase", "2021-05"},
		{"by-account", "2020"},
		{"saved-answer", "2018"}, // what a file says of it is the server's to say
		{"ended", ""},
	} {
		r, _ := tl.Relationship(tt.relationship)
		got := ""
		if r.AsOf != nil {
			got = r.AsOf.Text
		}
		if got != tt.want {
			t.Errorf("%s: AsOf = %q, want %q", tt.relationship, got, tt.want)
		}
	}
}

func TestLatestUpdate(t *testing.T) {
	tl, err := Parse("", []byte(`{
  "schema": "timeline/v1", "id": "t", "title": "T",
  "people": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
  "relationships": [{"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2018"}]}],
  "updates": [
    {"date": "2026-12-03", "kind": "correction", "text": "First of the day."},
    {"date": "2026-12-05", "kind": "update", "text": "Latest."},
    {"date": "2026-12-03", "kind": "update", "text": "Second of the day."}
  ]}`))
	if err != nil {
		t.Fatal(err)
	}
	if u, ok := tl.LatestUpdate(); !ok || u.Text != "Latest." || u.Kind != Addition {
		t.Errorf("LatestUpdate() = %+v, %v; want the update of 5 December", u, ok)
	}
	tl.Updates = tl.Updates[:1:1]
	tl.Updates = append(tl.Updates, Update{Date: tl.Updates[0].Date, Kind: Correction, Text: "Same day, later."})
	if u, _ := tl.LatestUpdate(); u.Text != "Same day, later." {
		t.Errorf("LatestUpdate() = %q; want the one listed last of its day", u.Text)
	}
	if _, ok := (&Timeline{}).LatestUpdate(); ok {
		t.Error("a timeline without updates has a latest one")
	}
}
