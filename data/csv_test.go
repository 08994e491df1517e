//go:build !wasm

package data

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"
)

func loadDefault(t *testing.T) *Timeline {
	t.Helper()
	src, err := os.ReadFile("timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	tl, err := Parse("james-norton.json", src)
	if err != nil {
		t.Fatal(err)
	}
	return tl
}

// TestCSVRoundTripOfAccountsAndUpdates writes a timeline whose end has
// another account and which has corrections and updates, and reads it
// back: the same timeline.
func TestCSVRoundTripOfAccountsAndUpdates(t *testing.T) {
	want, err := Parse("t.json", []byte(`{"schema": "timeline/v1", "id": "t", "title": "T",
	"people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}],
	"sources": [{"id": "s", "outlet": "News", "published": "2026-11-02"}],
	"relationships": [{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}],
		"end": {"date": "2023", "evidence": [{"source": "s", "quote": "They split in 2023."}],
			"alternatives": [{"date": "2024-02", "evidence": [{"source": "s", "quote": "Ann said they split last February."}]},
				{"date": {"date": "2022", "label": "the year before, by Bob"}, "evidence": [{"source": "s", "quote": "Bob: a year earlier."}]}]}}],
	"updates": [{"date": "2026-12-03", "kind": "correction", "text": "=An earlier version gave the wrong year; it was 2023."},
		{"date": "2026-12-05", "kind": "update", "text": "Bob's account added."}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, want); err != nil {
		t.Fatal(err)
	}
	got, notes, err := ImportCSV("t.csv", bytes.NewReader(buf.Bytes()))
	if err != nil || len(notes) > 0 {
		t.Fatalf("the written spreadsheet does not import cleanly: %v %v\n%s", err, notes, buf.String())
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported timeline differs:\n%+v\nwant\n%+v\n%s", got, want, buf.String())
	}
	if header, _, _ := strings.Cut(buf.String(), "\n"); strings.Contains(header, "inferred") || !strings.Contains(header, "text") {
		t.Errorf("header %q: want a text column for the updates, and no inferred column, which no account uses", header)
	}
}

// TestCSVRoundTrip writes the default timeline as a spreadsheet and reads
// it back: the same timeline. The example spreadsheet of the docs is that
// file, so it stays in step with the default timeline.
func TestCSVRoundTrip(t *testing.T) {
	want := loadDefault(t)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, want); err != nil {
		t.Fatal(err)
	}
	got, notes, err := ImportCSV("james-norton.csv", bytes.NewReader(buf.Bytes()))
	if err != nil || len(notes) > 0 {
		t.Fatalf("the written spreadsheet does not import cleanly: %v %v", err, notes)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported timeline differs from the default one:\n%+v\nwant\n%+v", got, want)
	}
	example, err := os.ReadFile("../docs/james-norton.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(example, buf.Bytes()) {
		t.Error("docs/james-norton.csv is not the default timeline: regenerate it with liaison export-csv data/timelines/james-norton.json")
	}
}

func TestImportCSVErrors(t *testing.T) {
	const header = "type,id,of,name,people,status,date,label,quote,source,outlet\n"
	const accountsHeader = "type,id,of,people,status,date,label,inferred,kind,source,quote,name,outlet,text,title\n"
	tests := []struct {
		name, csv string
		want      []string
	}{
		{"empty", "", []string{"t.csv:1: the file is empty: expected a header row naming the columns"}},
		// A quote that never closes is reported where it opens.
		{"unclosed quote at the end", "type,id\n\"unclosed,\n", []string{`t.csv:2:1: A (type): the " that opens this cell is never closed, so the rest of the file (to line 2) would be this one cell: close it, or if it is part of the text, a " inside a cell is written twice ("")`}},
		{"unclosed quote mid-file", header +
			"timeline,t\n" +
			"person,ann,,\"Ann Smith,,,,,,\n" +
			"person,bob,,Bob\n" +
			"evidence,,,,,,,,\"He said \"\"no\"\"\",s\n",
			[]string{`t.csv:3:4: D (name): the " that opens this cell is not closed on its row: the cell ran on to line 5, where a " is followed by "He said \"\"no\"\"\",s"; close it, or if it is part of the text, a " inside a cell is written twice ("")`}},
		{"text after a closing quote", header + "timeline,t\nperson,ann,,\"Ann\" Smith\n",
			[]string{`t.csv:3:4: D (name): the " that closes this cell is followed by " Smith": a " inside a cell is written twice ("")`}},
		{"bare quote", header + "timeline,t\nperson,ann,,Ann \"The Voice\" Smith\n",
			[]string{`t.csv:3:4: D (name): a " inside a cell that does not start with one: start and end the cell with ", and a " inside a cell is written twice ("")`}},
		{"unknown column", "type,id,nmae\ntimeline,t\n", []string{`t.csv:1:3: C: unknown column "nmae"; expected columns among type, id, of, name, title, summary, lang, description, aliases, people, status, date, label, inferred, certainty, kind, initiator, reason, quote, source, outlet, url, text`}},
		{"unknown language", "type,id,title,lang,name\ntimeline,t,T,xx,\nperson,ann,,,Ann\n",
			[]string{`t.csv:2:4: D (lang): lang: unknown language "xx": "xx" is no language, script or region the registry knows; expected a BCP 47 tag such as de, pt-BR or ar`}},
		{"a language on a person", "type,id,name,lang\ntimeline,t,,\nperson,ann,Ann,de\n",
			[]string{`t.csv:3:4: D (lang): a person row has no lang; the lang goes on a timeline row`}},
		{"no type column", "id,name\nt,T\n", []string{"t.csv:1: no type column: every row needs a type"}},
		{"unknown type", header + "timeline,t\nspouse,x\n", []string{`t.csv:3:1: A (type): expected timeline, person, source, relationship, phase, end, account, event, evidence or update, found "spouse"`}},
		{"phase of nothing", header + "timeline,t\nphase,,r1,,,dating,2018\n", []string{`t.csv:3:3: C (of): expected the id of a relationship on a row above, found "r1"`}},
		{"one person", header + "timeline,t\nrelationship,r,,,ann\n", []string{`t.csv:3:5: E (people): expected the relationship's two people, as ids separated by ; like "ann;bob", found "ann"`}},
		{"evidence of nothing", header + "timeline,t\nevidence,,,,,,,,They met.,s\n", []string{"t.csv:3:1: A (type): evidence backs the relationship, phase, end, account or event on a row above, and there is none"}},
		{"no timeline row", header + "person,ann,,Ann\n", []string{"t.csv:2: no timeline row: one row of type timeline gives the id and title"}},
		// Accounts of a date, and corrections and updates.
		{"account of nothing", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nrelationship,r,,ann;bob\naccount,,,,,2017,,yes\n",
			[]string{"t.csv:4:1: A (type): an account gives another date of the phase or end on a row above, and there is none"}},
		{"account without evidence", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nrelationship,r,,ann;bob\nphase,,r,,dating,2018\naccount,,,,,2017,,yes\n",
			[]string{"t.csv:5:1: A (type): an account stands on its evidence: put evidence rows under it, each a quote and its source"}},
		{"account inferred maybe", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nrelationship,r,,ann;bob\nphase,,r,,dating,2018\naccount,,,,,2017,,maybe\nevidence,,,,,,,,,s,six years\n",
			[]string{`t.csv:5:8: H (inferred): expected yes, for a date inferred from its quotes, or an empty cell, found "maybe"`}},
		{"account the same as its phase", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nperson,ann,,,,,,,,,,Ann\nperson,bob,,,,,,,,,,Bob\nsource,s,,,,,,,,,,,News\n" +
			"relationship,r,,ann;bob\nphase,,r,,dating,2018\naccount,,,,,2018,,\nevidence,,,,,,,,,s,six years\n",
			[]string{`t.csv:8:6: F (date): relationships[0].phases[0].alternatives[0].date: expected another date than from's, found the same, "2018": an alternative gives a date that differs`}},
		{"update of an unknown kind", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nperson,ann,,,,,,,,,,Ann\nupdate,,,,,2026-12-03,,,erratum,,,,,Fixed.\n",
			[]string{`t.csv:4:9: I (kind): updates[0].kind: expected one of correction, update, found "erratum"`}},
		{"update dated to a month, with a label", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nperson,ann,,,,,,,,,,Ann\nupdate,,,,,2026-12,today,,correction,,,,,Fixed.\n",
			[]string{`t.csv:4:7: G (label): an update row has no label; the label goes on a person, source, phase, end, account or event row`}},
		{"update without text", accountsHeader + "timeline,t,,,,,,,,,,,,,T\nperson,ann,,,,,,,,,,Ann\nupdate,,,,,2026-12-03,,,correction\n",
			[]string{`t.csv:4:14: N (text): updates[0].text: expected some text, found ""`}},
		// Nothing an editor typed is dropped: a cell the row has no use
		// for says where it belongs.
		{"cells a row does not use",
			"type,id,of,name,people,status,date,quote,source,reason\n" +
				"timeline,t\n" +
				"person,ann,,Ann\n" +
				"person,bob,,Bob\n" +
				"relationship,r,,,ann;bob,reported,,They are dating.\n" +
				"phase,,r,,,dating,2018,,,They met at work\n" +
				"end,,r,,,,2020,,,,extra\n" +
				"event,e,,,ann,,2019,,s\n",
			[]string{
				`t.csv:5:6: F (status): a relationship row has no status; put "reported" in the certainty column, or the status on a phase row`,
				`t.csv:5:8: H (quote): a relationship row has no quote; put the quote on an evidence row under it, with its source`,
				`t.csv:6:10: J (reason): a phase row has no reason; the reason goes on an end row`,
				`t.csv:7:11: K: "extra" is in a column with no name in row 1: name the column, or move the text to the column it belongs in`,
				`t.csv:8:9: I (source): an event row has no source; put the source's id on an evidence row under the fact it backs, with its quote`,
			}},
		// Rows as a spreadsheet numbers them: a cell of two lines is one
		// row, a blank line is one.
		{"rows as a spreadsheet counts them", header +
			"timeline,t,,,,,,,\"Line one\r\nline two\"\n" +
			"\n" +
			"person,ann,,Ann,,wed\n",
			[]string{
				`t.csv:2:9: I (quote): a timeline row has no quote; the quote goes on an event or evidence row`,
				`t.csv:4:6: F (status): a person row has no status; the status goes on a phase row`,
			}},
		// The format's rules, traced back to their cells.
		{"validator errors located", header +
			"timeline,t\n" +
			"person,ann,,Ann\n" +
			"person,bob,,Bob\n" +
			"relationship,r,,,ann;cy\n" +
			"phase,,r,,,wed,2018\n" +
			"phase,,r,,,engaged,June 2020\n" +
			"evidence,,,,,,,,They wed.,paper\n",
			[]string{
				`t.csv:2:1: A (type): title: expected some text, found ""`,
				`t.csv:5:5: E (people): relationships[0].people[1]: no person has the id "cy"`,
				`t.csv:6:6: F (status): relationships[0].phases[0].status: expected one of dating, engaged, married, found "wed"`,
				`t.csv:7:7: G (date): relationships[0].phases[1].from: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "June 2020": expected YYYY, YYYY-MM or YYYY-MM-DD`,
				`t.csv:8:10: J (source): relationships[0].phases[1].evidence[0].source: no source has the id "paper"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ImportCSV("t.csv", strings.NewReader(tt.csv))
			list, ok := err.(Errors)
			if !ok {
				t.Fatalf("err = %v, want Errors", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.Error())
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestCSVFormulasStayText exports text that a spreadsheet would run as a
// formula: each such cell starts with an apostrophe, and imports back as
// it was.
func TestCSVFormulasStayText(t *testing.T) {
	tl := loadDefault(t)
	tl.Title = "=HYPERLINK(\"http://x.example\",\"click\")"
	tl.People[0].Name = "+cmd|' /C calc'!A0"
	tl.People[1].Description = "@SUM(1+1)"
	tl.Summary = "-2+3"
	tl.Lang = "pt-BR"
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tl); err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{`"'=HYPERLINK(""http://x.example"",""click"")"`, `'+cmd|' /C calc'!A0`, `'@SUM(1+1)`, `'-2+3`} {
		if !strings.Contains(buf.String(), cell) {
			t.Errorf("the CSV lacks the escaped cell %s:\n%s", cell, buf.String()[:400])
		}
	}
	back, _, err := ImportCSV("t.csv", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Title != tl.Title || back.People[0].Name != tl.People[0].Name || back.People[1].Description != tl.People[1].Description || back.Summary != tl.Summary || back.Lang != "pt-BR" {
		t.Errorf("round trip: %q %q %q %q", back.Title, back.People[0].Name, back.People[1].Description, back.Summary)
	}
}

// TestCSVAliases round-trips a person's aliases through the aliases
// column; an alias with the column's separator in it is refused rather
// than split in two.
func TestCSVAliases(t *testing.T) {
	tl := loadDefault(t)
	tl.People[2].Aliases = []string{"Lily Rose Cooper", "Lily Cooper"}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tl); err != nil {
		t.Fatal(err)
	}
	back, _, err := ImportCSV("t.csv", bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.People[2].Aliases, tl.People[2].Aliases) {
		t.Errorf("aliases came back as %q", back.People[2].Aliases)
	}
	tl.People[2].Aliases = []string{"A; B"}
	buf.Reset()
	if err := WriteCSV(&buf, tl); err == nil || buf.Len() > 0 ||
		err.Error() != `people[2].aliases[0]: "A; B" has a ;, which separates aliases in a spreadsheet: the alias would come back as two` {
		t.Errorf("err = %v, %d bytes written", err, buf.Len())
	}
}
