package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// mark is where a test expects an error: unmark removes it from the file,
// and the error must name the line and column of the character after it.
const mark = "‸"

// unmark removes the marks from src and returns the line and column of each,
// in order. Columns count characters, as an editor's do.
func unmark(src string) (string, [][2]int) {
	var (
		out       strings.Builder
		at        [][2]int
		line, col = 1, 1
	)
	for _, r := range src {
		switch {
		case string(r) == mark:
			at = append(at, [2]int{line, col})
			continue
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		out.WriteRune(r)
	}
	return out.String(), at
}

// defaultFields are the top-level fields of a small valid timeline file.
var defaultFields = []string{
	`"schema": "timeline/v1"`,
	`"id": "t"`,
	`"title": "T"`,
	`"people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": "cat", "name": "Cat"}]`,
	`"sources": [{"id": "s1", "outlet": "News", "url": "https://example.com/a"}]`,
	`"relationships": [{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}]}]`,
}

// file is a timeline file of defaultFields, one a line after the opening
// brace on line 1, changed by changes: a field `"name": …` replaces the
// default field of that name or, if there is none, is added after them;
// "-name" leaves the default field out.
func file(changes ...string) string {
	lines := append([]string{}, defaultFields...)
	name := func(field string) string {
		s := strings.TrimPrefix(field, mark)
		if strings.HasPrefix(s, "-") {
			return s[1:]
		}
		s, _, _ = strings.Cut(strings.TrimPrefix(s, `"`), `"`)
		return s
	}
	for _, c := range changes {
		i := 0
		for i < len(lines) && (lines[i] == "" || name(lines[i]) != name(c)) {
			i++
		}
		switch {
		case strings.HasPrefix(c, "-"):
			lines[i] = ""
		case i < len(lines):
			lines[i] = c
		default:
			lines = append(lines, c)
		}
	}
	var kept []string
	for _, l := range lines {
		if l != "" {
			kept = append(kept, l)
		}
	}
	return "{\n" + strings.Join(kept, ",\n") + "\n}"
}

// rel is a relationships field holding the given relationship objects.
func rel(objects ...string) string {
	return `"relationships": [` + strings.Join(objects, ", ") + `]`
}

// events is an events field holding the given event objects.
func events(objects ...string) string { return `"events": [` + strings.Join(objects, ", ") + `]` }

func TestFileHelper(t *testing.T) {
	// The helpers of these tests must build what they say, or every test
	// built on them proves nothing.
	got := file(`"title": "U"`, "-sources", `"summary": "S"`)
	want := "{\n" + `"schema": "timeline/v1",` + "\n" + `"id": "t",` + "\n" + `"title": "U",` + "\n" +
		defaultFields[3] + ",\n" + defaultFields[5] + ",\n" + `"summary": "S"` + "\n}"
	if got != want {
		t.Errorf("file() =\n%s\nwant\n%s", got, want)
	}
	src, at := unmark("{\n  \"é\": ‸1,\n‸}")
	if src != "{\n  \"é\": 1,\n}" || !reflect.DeepEqual(at, [][2]int{{2, 8}, {3, 1}}) {
		t.Errorf("unmark = %q, %v", src, at)
	}
	if _, err := Parse("t.json", []byte(file())); err != nil {
		t.Errorf("the default file is invalid: %v", err)
	}
}

// The valid relationship most cases change one thing of.
const annBob = `{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}]}`

var parseErrorTests = []struct {
	name string
	file string // with a mark where each error is expected
	want []string
}{
	// Not JSON: the first error, in the project's words, at the character
	// to fix (a trailing comma's, not the bracket after it), in the value
	// it lies in.
	{"not JSON", mark + "<html>", []string{"expected a value (a string in double quotes, a number, an object, an array, true, false or null), found '<'"}},
	{"a word, not JSON", mark + "timeline", []string{"expected a value (a string in double quotes, a number, an object, an array, true, false or null), found timeline"}},
	{"empty file", mark, []string{"the file is empty: a timeline is a JSON object, {…}"}},
	{"only white space", " \n\t" + mark, []string{"the file is empty: a timeline is a JSON object, {…}"}},
	{"bad literal on a later line", "{\n  \"schema\": \"timeline/v1\",\n  \"id\": " + mark + "tru\n}",
		[]string{"id: expected a value (a string in double quotes, a number, an object, an array, true, false or null), found tru"}},
	{"a literal in capitals", `{"schema": ` + mark + `True}`, []string{"schema: found True: JSON's literals are true, false and null, in lowercase"}},
	{"missing comma", "{\n  \"schema\": \"timeline/v1\"\n  " + mark + "\"id\": \"t\"\n}",
		[]string{`expected , or } after the field "schema", found the string "id": is a comma missing?`}},
	{"missing comma in an array", `{"people": [{"id": "a"} ` + mark + `{"id": "b"}]}`,
		[]string{`people: expected , or ] after the array's item, found {: is a comma missing?`}},
	{"missing colon", `{"schema" ` + mark + `"timeline/v1"}`,
		[]string{`expected : after the field's name "schema", found the string "timeline/v1"`}},
	{"trailing comma in an array", "{\n  \"people\": [1, 2" + mark + ", ]\n}",
		[]string{"people: a trailing comma before ]: remove it"}},
	{"trailing comma in an object", "{\n  \"people\": [{\"id\": \"ann\"" + mark + ",\n  }]\n}",
		[]string{"people[0]: a trailing comma before }: remove it"}},
	{"a comma too many", `{"people": [1, ` + mark + `, 2]}`,
		[]string{"people[1]: expected a value (a string in double quotes, a number, an object, an array, true, false or null), found ,"}},
	{"single quotes", "{\n  " + mark + "'schema': 1}",
		[]string{`found a single quote ('): a field's name takes double quotes (")`}},
	{"single-quoted value", `{"schema": ` + mark + `'timeline/v1'}`,
		[]string{`schema: found a single quote ('): JSON's strings take double quotes (")`}},
	{"unquoted field name", `{` + mark + `schema: "timeline/v1"}`,
		[]string{"expected a field's name in double quotes, found schema"}},
	{"a comment", "{\n  " + mark + "// the people\n  \"people\": []}",
		[]string{"expected a field's name in double quotes, found '/'"}},
	{"a comment as a value", `{"people": ` + mark + `/* none */ []}`, []string{"people: found /: JSON has no comments"}},
	{"mismatched bracket", `{"people": [1, 2` + mark + `}`,
		[]string{"people: expected , or ] after the array's item, found }"}},
	{"truncated", "{\n  \"schema\": \"timeline/v1\",\n  \"id\": \"t\"\n" + mark,
		[]string{"the file ends before this object is closed: a } is missing"}},
	{"truncated in a list", `{"people": [{"id": "ann"}, ` + mark, []string{"people[1]: the file ends where a value (a string in double quotes, a number, an object, an array, true, false or null) should be"}},
	{"truncated string", `{"schema": ` + mark + `"timeline/v1`, []string{`schema: the file ends inside this string: a closing " is missing`}},
	{"a line break in a string", "{\"title\": \"Ann" + mark + "\n\"}",
		[]string{`title: the line ends inside a string: close the string with " before the end of the line, or write a line break as \n`}},
	{"a tab in a string", "{\"title\": \"Ann" + mark + "\tBob\"}", []string{`title: a tab inside a string: write it as \t`}},
	{"a control character in a string", "{\"title\": \"Ann" + mark + "\x1b[31m\"}", []string{`title: a control character (U+001B) inside a string: remove it`}},
	{"an unknown escape", `{"title": "C:` + mark + `\Users"}`,
		[]string{`title: an unknown escape \U in a string: JSON's are \" \\ \/ \b \f \n \r \t and \uXXXX; write \\ for a backslash`}},
	{"a short \\u escape", `{"title": "` + mark + `\u00e"}`, []string{`title: expected four hexadecimal digits after \u, like \u00e9, found "\\u00e\""`}},
	{"half a surrogate pair", file(`"title": "Ann ` + mark + `\ud83d"`), []string{`title: \ud83d is the first half of a UTF-16 surrogate pair, without its second half`}},
	{"the other half of a surrogate pair", file(`"title": "Ann ` + mark + `\ude00\ud83d"`), []string{`title: \ude00 is the second half of a UTF-16 surrogate pair, without its first half`}},
	{"a byte order mark", mark + "\ufeff{}", []string{"the file begins with a byte order mark (U+FEFF), which JSON does not allow: save it as UTF-8 without one"}},
	{"a number with a leading zero", `{"title": ` + mark + `01}`, []string{"title: a number may not begin with 0 (found 01): write it without the leading zeros"}},
	{"a number without digits", `{"title": ` + mark + `-x}`, []string{"title: expected a digit after -, found x"}},
	{"text after the value", file() + "\n" + mark + "x", []string{"found x after the end of the JSON value: a file holds one value; remove what follows it"}},
	{"a second value", file() + " " + mark + "{}", []string{"found { after the end of the JSON value: a file holds one value; remove what follows it"}},
	{"a comma after the value", file() + mark + ",", []string{"found , after the end of the JSON value: a file holds one value; remove what follows it"}},
	{"a colon after the value", file() + "\n\n" + mark + ":", []string{"found : after the end of the JSON value: a file holds one value; remove what follows it"}},
	{"nested too deep", `{"schema": ` + strings.Repeat("[", 32) + mark + "[]" + strings.Repeat("]", 32) + "}",
		[]string{"schema" + strings.Repeat("[0]", 32) + ": nested more than 32 levels deep"}},
	{"an odd field name in the path", `{"people": [{"a b\u001b": ` + mark + `tru}]}`,
		[]string{`people[0]["a b\x1b"]: expected a value (a string in double quotes, a number, an object, an array, true, false or null), found tru`}},

	// Top level.
	{"top level is an array", mark + `[{"schema": "timeline/v1"}]`, []string{"expected an object, found an array of 1"}},
	{"top level is a string", " " + mark + `"timeline"`, []string{`expected an object, found the string "timeline"`}},
	{"top level is null", mark + "null", []string{"expected an object, found null"}},
	{"top level is a number", mark + "1", []string{"expected an object, found the number 1"}},
	{"schema missing", mark + file("-schema"), []string{"schema: required field is missing"}},
	{"schema wrong", file(`"schema": ` + mark + `"timeline/v2"`), []string{`schema: expected "timeline/v1", found "timeline/v2"`}},
	{"schema not a string", file(`"schema": ` + mark + `1`), []string{`schema: expected a string, found the number 1`}},
	{"$schema not a string", file(`"$schema": ` + mark + `true`), []string{`$schema: expected a string, found true`}},
	{"id missing", mark + file("-id"), []string{"id: required field is missing"}},
	{"id with capitals", file(`"id": ` + mark + `"T"`),
		[]string{`id: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found "T"`}},
	{"id with an underscore", file(`"id": ` + mark + `"t_1"`),
		[]string{`id: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found "t_1"`}},
	{"id with a double hyphen", file(`"id": ` + mark + `"a--b"`),
		[]string{`id: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found "a--b"`}},
	{"id ending in a hyphen", file(`"id": ` + mark + `"t-"`),
		[]string{`id: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found "t-"`}},
	{"id empty", file(`"id": ` + mark + `""`),
		[]string{`id: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found ""`}},
	{"id not the file name", file(`"id": ` + mark + `"other"`), []string{`id: expected the file's name without .json, "t", found "other"`}},
	{"title missing", mark + file("-title"), []string{"title: required field is missing"}},
	{"title blank", file(`"title": ` + mark + `"  "`), []string{`title: expected some text, found "  "`}},
	{"title empty", file(`"title": ` + mark + `""`), []string{`title: expected some text, found ""`}},
	{"title a number", file(`"title": ` + mark + `1`), []string{`title: expected a string, found the number 1`}},
	{"summary blank", file(`"summary": ` + mark + `""`), []string{`summary: expected some text, found "" (leave the field out instead)`}},
	{"an escape character in the title", file(`"title": ` + mark + `"Ann\u001b[2J"`),
		[]string{`title: expected text without control characters (but for line breaks and tabs), found U+001B at character 4 of "Ann\x1b[2J": remove it`}},
	{"a NUL in a name", file(`"people": [{"id": "ann", "name": `+mark+`"A\u0000nn"}, {"id": "bob", "name": "Bob"}]`, rel(annBob)),
		[]string{`people[0].name: expected text without control characters (but for line breaks and tabs), found U+0000 at character 2 of "A\x00nn": remove it`}},
	{"a carriage return in a quote", file(`"summary": ` + mark + `"One\rTwo"`),
		[]string{`summary: expected text without control characters (but for line breaks and tabs), found U+000D at character 4 of "One\rTwo": remove it`}},
	{"a C1 control in an outlet", file(`"sources": [{"id": "s1", "outlet": ` + mark + `"News\u009b"}]`),
		[]string{`sources[0].outlet: expected text without control characters (but for line breaks and tabs), found U+009B at character 5 of "News\u009b": remove it`}},
	{"a control character in $schema", file(`"$schema": ` + mark + `"x\u0007"`),
		[]string{`$schema: expected text without control characters (but for line breaks and tabs), found U+0007 at character 2 of "x\a": remove it`}},
	{"people missing", mark + file("-people", `"relationships": []`), []string{"people: required field is missing"}},
	{"people empty", file(`"people": `+mark+`[]`, `"relationships": []`), []string{"people: expected at least one person, found an empty array"}},
	{"people an object", file(`"people": `+mark+`{"id": "ann"}`, `"relationships": []`), []string{"people: expected an array of people, found an object"}},
	{"relationships missing", mark + file("-relationships"), []string{"relationships: required field is missing"}},
	{"relationships null", file(`"relationships": ` + mark + `null`), []string{"relationships: expected an array of relationships, found null"}},
	{"events not an array", file(`"events": ` + mark + `{}`), []string{"events: expected an array of events, found an object"}},
	{"sources not an array", file(`"sources": ` + mark + `"s1"`), []string{`sources: expected an array of sources, found the string "s1"`}},

	// Aliases: a list of names, each as strict as a name.
	{"aliases not an array", file(`"people": [{"id": "ann", "name": "Ann", "aliases": ` + mark + `"Annie"}, {"id": "bob", "name": "Bob"}]`),
		[]string{`people[0].aliases: expected an array of aliases, found the string "Annie"`}},
	{"aliases empty", file(`"people": [{"id": "ann", "name": "Ann", "aliases": ` + mark + `[]}, {"id": "bob", "name": "Bob"}]`),
		[]string{"people[0].aliases: expected at least one alias, found an empty array"}},
	{"alias blank", file(`"people": [{"id": "ann", "name": "Ann", "aliases": ["Annie", ` + mark + `" "]}, {"id": "bob", "name": "Bob"}]`),
		[]string{`people[0].aliases[1]: expected some text, found " "`}},
	{"alias not a string", file(`"people": [{"id": "ann", "name": "Ann", "aliases": [` + mark + `7]}, {"id": "bob", "name": "Bob"}]`),
		[]string{"people[0].aliases[0]: expected a string, found the number 7"}},

	// A timeline's language: a BCP 47 tag of a language the registry knows.
	{"unknown language", file(`"lang": ` + mark + `"xx"`),
		[]string{`lang: unknown language "xx": "xx" is no language, script or region the registry knows; expected a BCP 47 tag such as de, pt-BR or ar`}},
	{"a region twice", file(`"lang": ` + mark + `"de-DE-DE"`),
		[]string{`lang: expected a BCP 47 language tag such as de, pt-BR or ar, found "de-DE-DE"`}},
	{"a language's name", file(`"lang": ` + mark + `"German"`),
		[]string{`lang: expected a BCP 47 language tag such as de, pt-BR or ar, found "German"`}},
	{"a locale with an underscore", file(`"lang": ` + mark + `"pt_BR"`),
		[]string{`lang: expected a BCP 47 language tag, whose parts are joined by -, found "pt_BR" (write "pt-BR")`}},
	{"private use only", file(`"lang": ` + mark + `"x-klingon"`),
		[]string{`lang: expected a BCP 47 tag that names a language, such as de, pt-BR or ar, found "x-klingon"`}},
	{"an empty language", file(`"lang": ` + mark + `""`),
		[]string{`lang: expected a language tag such as de, pt-BR or ar, found "" (leave the field out for British English)`}},
	{"a language that is no string", file(`"lang": ` + mark + `7`),
		[]string{`lang: expected a string, found the number 7`}},

	// Unknown and repeated fields, at every level.
	{"unknown top-level field", file(mark + `"titel": "T"`),
		[]string{"titel: unknown field; expected one of schema, id, title, people, relationships, $schema, summary, lang, events, sources, updates"}},
	{"unknown person field", file(`"people": [{"id": "ann", "name": "Ann", ` + mark + `"age": 40}, {"id": "bob", "name": "Bob"}]`),
		[]string{"people[0].age: unknown field; expected one of id, name, born, description, aliases"}},
	{"$schema inside a person", file(`"people": [{"id": "ann", "name": "Ann", ` + mark + `"$schema": "x"}, {"id": "bob", "name": "Bob"}]`),
		[]string{"people[0].$schema: unknown field; expected one of id, name, born, description, aliases"}},
	{"unknown relationship field", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], ` + mark + `"status": "married"}`)),
		[]string{"relationships[0].status: unknown field; expected one of id, people, phases, end, certainty, evidence, asOf"}},
	{"unknown phase field", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", ` + mark + `"to": "2019"}]}`)),
		[]string{"relationships[0].phases[0].to: unknown field; expected one of status, from, certainty, evidence, alternatives"}},
	{"unknown end field", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", ` + mark + `"why": "x"}}`)),
		[]string{"relationships[0].end.why: unknown field; expected one of date, kind, initiator, reason, certainty, evidence, alternatives"}},
	{"unknown evidence field", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "evidence": [{"source": "s1", "quote": "q", ` + mark + `"page": 3}]}`)),
		[]string{"relationships[0].evidence[0].page: unknown field; expected one of source, quote, ignoreCase, verified, passage"}},
	{"unknown event field", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ["ann"], ` + mark + `"place": "London"}`)),
		[]string{"events[0].place: unknown field; expected one of id, date, kind, title, people, quote, evidence"}},
	{"unknown source field", file(`"sources": [{"id": "s1", "outlet": "News", ` + mark + `"author": "A"}]`),
		[]string{"sources[0].author: unknown field; expected one of id, outlet, title, url, published, text, ignoreCase"}},
	{"unknown labelled date field", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": {"date": "2018", "label": "x", ` + mark + `"note": "y"}}]}`)),
		[]string{"relationships[0].phases[0].from.note: unknown field; expected one of date, label"}},
	{"top-level field twice", file(`"title": "T", ` + mark + `"title": "U"`), []string{"title: field given twice"}},
	{"person field twice", file(`"people": [{"id": "ann", "name": "Ann", ` + mark + `"name": "Anne"}, {"id": "bob", "name": "Bob"}]`),
		[]string{"people[0].name: field given twice"}},
	{"phase field twice", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", ` + mark + `"from": "2019"}]}`)),
		[]string{"relationships[0].phases[0].from: field given twice"}},

	// People.
	{"person id twice", file(`"people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, {"id": ` + mark + `"ann", "name": "Ann 2"}]`),
		[]string{`people[2].id: id "ann" is already used by people[0].id`}},
	{"person id missing", file(`"people": [{"id": "ann", "name": "Ann"}, `+mark+`{"name": "Bob"}]`, `"relationships": []`),
		[]string{"people[1].id: required field is missing"}},
	{"person name missing", file(`"people": [` + mark + `{"id": "ann"}, {"id": "bob", "name": "Bob"}]`),
		[]string{"people[0].name: required field is missing"}},
	{"person not an object", file(`"people": [`+mark+`"ann", {"id": "bob", "name": "Bob"}]`, `"relationships": []`),
		[]string{`people[0]: expected an object, found the string "ann"`}},
	{"person description blank", file(`"people": [{"id": "ann", "name": "Ann", "description": ` + mark + `" "}, {"id": "bob", "name": "Bob"}]`),
		[]string{`people[0].description: expected some text, found " " (leave the field out instead)`}},
	{"person born not a date", file(`"people": [{"id": "ann", "name": "Ann", "born": ` + mark + `"1980s"}, {"id": "bob", "name": "Bob"}]`),
		[]string{`people[0].born: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "1980s": expected YYYY, YYYY-MM or YYYY-MM-DD`}},

	// Relationships.
	{"relationship with one person", file(rel(`{"id": "r", "people": ` + mark + `["ann"], "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].people: expected exactly two person ids, like ["ann", "bob"], found an array of 1`}},
	{"relationship with three people", file(rel(`{"id": "r", "people": ` + mark + `["ann", "bob", "cat"], "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].people: expected exactly two person ids, like ["ann", "bob"], found an array of 3`}},
	{"relationship people a string", file(rel(`{"id": "r", "people": ` + mark + `"ann and bob", "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].people: expected exactly two person ids, like ["ann", "bob"], found the string "ann and bob"`}},
	{"relationship people missing", file(rel(mark + `{"id": "r", "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].people: required field is missing`}},
	{"relationship with an unknown person", file(rel(`{"id": "r", "people": ["ann", ` + mark + `"dan"], "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].people[1]: no person has the id "dan"`}},
	{"relationship with the same person twice", file(rel(`{"id": "r", "people": ["ann", ` + mark + `"ann"], "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].people[1]: expected two different people, found "ann" twice`}},
	{"relationship id twice", file(rel(annBob, `{"id": `+mark+`"r", "people": ["ann", "cat"], "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[1].id: id "r" is already used by relationships[0].id`}},
	{"relationship id not a slug", file(rel(`{"id": ` + mark + `"Ann & Bob", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}]}`)),
		[]string{`relationships[0].id: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found "Ann & Bob"`}},
	{"phases missing", file(rel(mark + `{"id": "r", "people": ["ann", "bob"]}`)), []string{"relationships[0].phases: required field is missing"}},
	{"phases empty", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": ` + mark + `[]}`)),
		[]string{"relationships[0].phases: expected at least one phase, found an empty array"}},
	{"bad status", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": ` + mark + `"divorced", "from": "2018"}]}`)),
		[]string{`relationships[0].phases[0].status: expected one of dating, engaged, married, found "divorced"`}},
	{"status missing", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [` + mark + `{"from": "2018"}]}`)),
		[]string{`relationships[0].phases[0].status: required field is missing`}},
	{"from missing", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [` + mark + `{"status": "dating"}]}`)),
		[]string{`relationships[0].phases[0].from: required field is missing`}},
	{"phases out of order", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}, {"status": "engaged", "from": ` + mark + `"2017-12"}]}`)),
		[]string{`relationships[0].phases[1].from: this phase begins (2017-12) before the phase listed ahead of it (2018); list phases in time order`}},
	{"a phase out of order, then one after it", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}, {"status": "engaged", "from": ` + mark + `"2016"}, {"status": "married", "from": "2017"}]}`)),
		[]string{`relationships[0].phases[1].from: this phase begins (2016) before the phase listed ahead of it (2018); list phases in time order`}},
	{"phases out of order by earliest moment", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018-06"}, {"status": "engaged", "from": ` + mark + `"2018"}]}`)),
		[]string{`relationships[0].phases[1].from: this phase begins (2018) before the phase listed ahead of it (2018-06); list phases in time order`}},
	{"third phase out of order", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}, {"status": "engaged", "from": "2020"}, {"status": "married", "from": ` + mark + `{"date": "2019", "label": "x"}}]}`)),
		[]string{`relationships[0].phases[2].from: this phase begins (2019) before the phase listed ahead of it (2020); list phases in time order`}},
	{"end wholly before the last phase", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}, {"status": "engaged", "from": "2022"}], "end": {"date": ` + mark + `"2021"}}`)),
		[]string{`relationships[0].end.date: the end (2021) lies wholly before the last phase begins (2022)`}},
	{"end a month before the last phase", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2022-06"}], "end": {"date": ` + mark + `{"date": "2022-03/2022-05", "label": "spring 2022"}}}`)),
		[]string{`relationships[0].end.date: the end (2022-03/2022-05) lies wholly before the last phase begins (2022-06)`}},
	{"end date missing", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": ` + mark + `{"kind": "split"}}`)),
		[]string{`relationships[0].end.date: required field is missing`}},
	{"end not an object", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": ` + mark + `"2019"}`)),
		[]string{`relationships[0].end: expected an object, found the string "2019"`}},
	{"bad end kind", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "kind": ` + mark + `"breakup"}}`)),
		[]string{`relationships[0].end.kind: expected one of split, divorce, death, found "breakup"`}},
	{"initiator not a partner", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "initiator": ` + mark + `"cat"}}`)),
		[]string{`relationships[0].end.initiator: expected one of the two partners, "ann" or "bob", found "cat"`}},
	{"initiator nobody", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "initiator": ` + mark + `"dan"}}`)),
		[]string{`relationships[0].end.initiator: expected one of the two partners, "ann" or "bob", found "dan"`}},
	{"initiator not an id", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "initiator": ` + mark + `"Ann"}}`)),
		[]string{`relationships[0].end.initiator: expected an id of lowercase letters and digits, words joined by single hyphens (like "james-norton"), found "Ann"`}},
	{"end reason blank", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "reason": ` + mark + `""}}`)),
		[]string{`relationships[0].end.reason: expected some text, found "" (leave the field out instead)`}},
	{"bad relationship certainty", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "certainty": ` + mark + `"likely"}`)),
		[]string{`relationships[0].certainty: expected one of confirmed, reported, rumoured, found "likely"`}},
	{"bad phase certainty", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "certainty": ` + mark + `"Confirmed"}]}`)),
		[]string{`relationships[0].phases[0].certainty: expected one of confirmed, reported, rumoured, found "Confirmed"`}},
	{"bad end certainty", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "certainty": ` + mark + `"rumored"}}`)),
		[]string{`relationships[0].end.certainty: expected one of confirmed, reported, rumoured, found "rumored"`}},
	{"certainty not a string", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "certainty": ` + mark + `1}`)),
		[]string{`relationships[0].certainty: expected a string, found the number 1`}},

	// Events.
	{"event people missing", file(events(mark + `{"id": "e", "date": "2020", "kind": "other", "title": "E"}`)),
		[]string{"events[0].people: required field is missing"}},
	{"event people empty", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ` + mark + `[]}`)),
		[]string{"events[0].people: expected at least one person id, found an empty array"}},
	{"event with an unknown person", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ["ann", ` + mark + `"dan"]}`)),
		[]string{`events[0].people[1]: no person has the id "dan"`}},
	{"event with a person twice", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ["ann", "bob", ` + mark + `"ann"]}`)),
		[]string{`events[0].people[2]: person "ann" is listed twice`}},
	{"bad event kind", file(events(`{"id": "e", "date": "2020", "kind": ` + mark + `"party", "title": "E", "people": ["ann"]}`)),
		[]string{`events[0].kind: expected one of interview, sighting, statement, other, found "party"`}},
	{"event kind missing", file(events(mark + `{"id": "e", "date": "2020", "title": "E", "people": ["ann"]}`)),
		[]string{`events[0].kind: required field is missing`}},
	{"event date missing", file(events(mark + `{"id": "e", "kind": "other", "title": "E", "people": ["ann"]}`)),
		[]string{`events[0].date: required field is missing`}},
	{"event title blank", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": ` + mark + `"", "people": ["ann"]}`)),
		[]string{`events[0].title: expected some text, found ""`}},
	{"event quote blank", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ["ann"], "quote": ` + mark + `"\t"}`)),
		[]string{`events[0].quote: expected some text, found "\t" (leave the field out instead)`}},
	{"event id twice", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ["ann"]}`, `{"id": `+mark+`"e", "date": "2021", "kind": "other", "title": "F", "people": ["bob"]}`)),
		[]string{`events[1].id: id "e" is already used by events[0].id`}},

	// Sources and evidence.
	{"javascript: url", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"javascript:alert(1)"}]`),
		[]string{`sources[0].url: expected an absolute http or https URL, found "javascript:alert(1)"`}},
	{"ftp: url", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"ftp://example.com/story"}]`),
		[]string{`sources[0].url: expected an absolute http or https URL, found "ftp://example.com/story"`}},
	{"relative url", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"/news/story"}]`),
		[]string{`sources[0].url: expected an absolute http or https URL, found "/news/story"`}},
	{"url without a scheme", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"example.com/story"}]`),
		[]string{`sources[0].url: expected an absolute http or https URL, found "example.com/story"`}},
	{"url without a host", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"https:///story"}]`),
		[]string{`sources[0].url: expected an absolute http or https URL, found "https:///story"`}},
	{"url of a scheme alone", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"http:"}]`),
		[]string{`sources[0].url: expected an absolute http or https URL, found "http:"`}},
	{"url with a quote", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"https://example.com/?q=\" onmouseover=x"}]`),
		[]string{`sources[0].url: expected a URL with spaces, quotes, <, >, ` + "`" + ` and backslashes percent-encoded, found "https://example.com/?q=\" onmouseover=x"`}},
	{"url with a space", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `"https://example.com/a story"}]`),
		[]string{`sources[0].url: expected a URL with spaces, quotes, <, >, ` + "`" + ` and backslashes percent-encoded, found "https://example.com/a story"`}},
	{"url not a string", file(`"sources": [{"id": "s1", "outlet": "News", "url": ` + mark + `null}]`),
		[]string{`sources[0].url: expected a string, found null`}},
	{"source outlet missing", file(`"sources": [` + mark + `{"id": "s1"}]`), []string{"sources[0].outlet: required field is missing"}},
	{"source title blank", file(`"sources": [{"id": "s1", "outlet": "News", "title": ` + mark + `""}]`),
		[]string{`sources[0].title: expected some text, found "" (leave the field out instead)`}},
	{"source published not a date", file(`"sources": [{"id": "s1", "outlet": "News", "published": ` + mark + `"2025-06-31"}]`),
		[]string{`sources[0].published: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "2025-06-31": June 2025 has no day 31`}},
	{"source id twice", file(`"sources": [{"id": "s1", "outlet": "News"}, {"id": ` + mark + `"s1", "outlet": "Other"}]`),
		[]string{`sources[1].id: id "s1" is already used by sources[0].id`}},
	{"evidence from an unknown source", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "evidence": [{"source": ` + mark + `"s2", "quote": "They met."}]}`)),
		[]string{`relationships[0].evidence[0].source: no source has the id "s2"`}},
	{"evidence from a source when there are none", file("-sources", rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "evidence": [{"source": `+mark+`"s1", "quote": "Q"}]}]}`)),
		[]string{`relationships[0].phases[0].evidence[0].source: no source has the id "s1"`}},
	{"evidence quote blank", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "evidence": [{"source": "s1", "quote": ` + mark + `" "}]}]}`)),
		[]string{`relationships[0].phases[0].evidence[0].quote: expected some text, found " "`}},
	{"evidence quote missing", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2019", "evidence": [` + mark + `{"source": "s1"}]}}`)),
		[]string{`relationships[0].end.evidence[0].quote: required field is missing`}},
	{"evidence not an array", file(events(`{"id": "e", "date": "2020", "kind": "other", "title": "E", "people": ["ann"], "evidence": ` + mark + `{"source": "s1", "quote": "Q"}}`)),
		[]string{`events[0].evidence: expected an array of evidence, found an object`}},

	// Dates.
	{"labelled date without a label", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": ` + mark + `{"date": "2018"}}]}`)),
		[]string{`relationships[0].phases[0].from.label: required field is missing`}},
	{"labelled date without a date", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": ` + mark + `{"label": "2018"}}]}`)),
		[]string{`relationships[0].phases[0].from.date: required field is missing`}},
	{"labelled date with a blank label", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": {"date": "2018", "label": ` + mark + `""}}]}`)),
		[]string{`relationships[0].phases[0].from.label: expected some text, found ""`}},
	{"labelled date with a bad date", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": {"date": ` + mark + `"late 2018", "label": "late 2018"}}]}`)),
		[]string{`relationships[0].phases[0].from.date: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "late 2018": expected YYYY, YYYY-MM or YYYY-MM-DD`}},
	{"labelled date with a number", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": {"date": ` + mark + `2018, "label": "2018"}}]}`)),
		[]string{`relationships[0].phases[0].from.date: expected a string, found the number 2018`}},
	{"date a number", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": ` + mark + `2018}]}`)),
		[]string{`relationships[0].phases[0].from: expected a date: a string like "2018" or an object {"date": "2023-09/2023-12", "label": "late 2023"}, found the number 2018`}},
	{"date an array", file(events(`{"id": "e", "date": ` + mark + `["2020"], "kind": "other", "title": "E", "people": ["ann"]}`)),
		[]string{`events[0].date: expected a date: a string like "2018" or an object {"date": "2023-09/2023-12", "label": "late 2023"}, found an array of 1`}},
	{"date in words", file(events(`{"id": "e", "date": ` + mark + `"June 2025", "kind": "other", "title": "E", "people": ["ann"]}`)),
		[]string{`events[0].date: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "June 2025": expected YYYY, YYYY-MM or YYYY-MM-DD`}},
	{"interval backwards", file(events(`{"id": "e", "date": ` + mark + `"2023-12/2023-09", "kind": "other", "title": "E", "people": ["ann"]}`)),
		[]string{`events[0].date: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "2023-12/2023-09": the interval ends (2023-09) before it starts (2023-12)`}},
	{"a bad phase date is not also out of order", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}, {"status": "engaged", "from": ` + mark + `"2017-13"}]}`)),
		[]string{`relationships[0].phases[1].from: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "2017-13": month 13 is not 01 to 12`}},

	// Conflicting accounts: alternatives of a phase's start or an end.
	{"alternatives not an array", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": ` + mark + `{"date": "2017"}}]}`)),
		[]string{`relationships[0].phases[0].alternatives: expected an array of accounts, found an object`}},
	{"alternatives empty", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": ` + mark + `[]}]}`)),
		[]string{`relationships[0].phases[0].alternatives: expected at least one account, found an empty array`}},
	{"alternative without evidence", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [` + mark + `{"date": "2017"}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].evidence: required field is missing`}},
	{"alternative with empty evidence", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": "2017", "evidence": ` + mark + `[]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].evidence: expected at least one quote and its source, found an empty array: an account stands on its evidence`}},
	{"alternative without a date", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [` + mark + `{"evidence": [{"source": "s1", "quote": "q"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].date: required field is missing`}},
	{"alternative with a bad date", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": ` + mark + `"six years", "evidence": [{"source": "s1", "quote": "q"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].date: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "six years": expected YYYY, YYYY-MM or YYYY-MM-DD`}},
	{"alternative the same as from", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": ` + mark + `"2018", "evidence": [{"source": "s1", "quote": "q"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].date: expected another date than from's, found the same, "2018": an alternative gives a date that differs`}},
	{"alternative the same as the end's date", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "end": {"date": "2020", "alternatives": [{"date": ` + mark + `"2020", "evidence": [{"source": "s1", "quote": "q"}]}]}}`)),
		[]string{`relationships[0].end.alternatives[0].date: expected another date than date's, found the same, "2020": an alternative gives a date that differs`}},
	{"alternative given twice", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": "2017", "evidence": [{"source": "s1", "quote": "q"}]}, {"date": ` + mark + `"2017", "evidence": [{"source": "s1", "quote": "r"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[1].date: the alternative "2017" is given twice: list each date once, with all its evidence`}},
	{"alternative inferred not a boolean", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": "2017", "inferred": ` + mark + `"yes", "evidence": [{"source": "s1", "quote": "q"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].inferred: expected true or false, found the string "yes"`}},
	{"alternative with an unknown field", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": "2017", ` + mark + `"quote": "q", "evidence": [{"source": "s1", "quote": "q"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].quote: unknown field; expected one of date, evidence, inferred`}},
	{"alternative's evidence of an unknown source", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "alternatives": [{"date": "2017", "evidence": [{"source": ` + mark + `"s9", "quote": "q"}]}]}]}`)),
		[]string{`relationships[0].phases[0].alternatives[0].evidence[0].source: no source has the id "s9"`}},
	{"asOf is the server's, but a date", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018"}], "asOf": ` + mark + `"soon"}`)),
		[]string{`relationships[0].asOf: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "soon": expected YYYY, YYYY-MM or YYYY-MM-DD`}},

	// Corrections and updates.
	{"updates not an array", file(`"updates": ` + mark + `{"date": "2026-12-03"}`),
		[]string{`updates: expected an array of updates, found an object`}},
	{"update of an unknown kind", file(`"updates": [{"date": "2026-12-03", "kind": ` + mark + `"erratum", "text": "T"}]`),
		[]string{`updates[0].kind: expected one of correction, update, found "erratum"`}},
	{"update without a kind", file(`"updates": [` + mark + `{"date": "2026-12-03", "text": "T"}]`),
		[]string{`updates[0].kind: required field is missing`}},
	{"update with empty text", file(`"updates": [{"date": "2026-12-03", "kind": "correction", "text": ` + mark + `"  "}]`),
		[]string{`updates[0].text: expected some text, found "  "`}},
	{"update without text", file(`"updates": [` + mark + `{"date": "2026-12-03", "kind": "update"}]`),
		[]string{`updates[0].text: required field is missing`}},
	{"update dated to a month", file(`"updates": [{"date": ` + mark + `"2026-12", "kind": "update", "text": "T"}]`),
		[]string{`updates[0].date: expected a day like "2026-12-03", found "2026-12": a correction or update is dated to the day it was made`}},
	{"update dated uncertainly", file(`"updates": [{"date": ` + mark + `"2026-12-03?", "kind": "update", "text": "T"}]`),
		[]string{`updates[0].date: expected a day like "2026-12-03", found "2026-12-03?": a correction or update is dated to the day it was made`}},
	{"update with a bad date", file(`"updates": [{"date": ` + mark + `"2026-02-30", "kind": "update", "text": "T"}]`),
		[]string{`updates[0].date: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "2026-02-30": February 2026 has no day 30`}},
	{"update dated with a label", file(`"updates": [{"date": ` + mark + `{"date": "2026-12-03", "label": "today"}, "kind": "update", "text": "T"}]`),
		[]string{`updates[0].date: expected a day like "2026-12-03", found an object`}},
	{"update with an unknown field", file(`"updates": [{"date": "2026-12-03", "kind": "update", "text": "T", ` + mark + `"by": "Ed"}]`),
		[]string{`updates[0].by: unknown field; expected one of date, kind, text`}},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			src, at := unmark(tt.file)
			if len(at) != len(tt.want) {
				t.Fatalf("bad test: %d marks for %d errors", len(at), len(tt.want))
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = fmt.Sprintf("t.json:%d:%d: %s", at[i][0], at[i][1], w)
			}
			checkErrors(t, "t.json", src, want)
		})
	}
}

// checkErrors parses src as file and checks that it fails with exactly the
// errors want, in that order.
func checkErrors(t *testing.T, file, src string, want []string) {
	t.Helper()
	tl, err := Parse(file, []byte(src))
	if err == nil {
		t.Fatalf("Parse succeeded on\n%s\nwant errors\n%s", src, strings.Join(want, "\n"))
	}
	if tl != nil {
		t.Errorf("Parse returned a timeline with its error")
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error is a %T, not Errors: %v", err, err)
	}
	got := make([]string, len(errs))
	for i, e := range errs {
		got[i] = e.Error()
		if e.File != file {
			t.Errorf("error %d: File = %q, want %q", i, e.File, file)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("in\n%s\n got errors\n%s\nwant\n%s", src, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err.Error() != strings.Join(want, "\n") {
		t.Errorf("Error() = %q, want the errors one a line", err.Error())
	}
}

// TestParseText checks what text may hold: line breaks and tabs, not
// other control characters (parseErrorTests), and only UTF-8, which a
// file in another encoding is not: it is refused at the first byte that
// is not UTF-8 instead of read as U+FFFD.
func TestParseText(t *testing.T) {
	tl, err := Parse("t.json", []byte(file(`"summary": "One line\nand\ta tab"`)))
	if err != nil || tl.Summary != "One line\nand\ta tab" {
		t.Errorf("a line break and a tab: %v, %q", err, tl.Summary)
	}
	latin1 := strings.Replace(file(`"title": "Café"`), "é", "\xe9", 1)
	checkErrors(t, "t.json", latin1, []string{"t.json:4:14: title: the byte 0xE9 is not UTF-8: save the file as UTF-8"})
	outside := strings.Replace(file(), "{", "{\xff", 1)
	checkErrors(t, "t.json", outside, []string{"t.json:1:2: expected a field's name in double quotes, found a byte that is not UTF-8"})
}

// TestParseCapsWarnings checks that warnings, like errors, are listed up
// to MaxProblems, then counted.
func TestParseCapsWarnings(t *testing.T) {
	const n = MaxProblems + 20
	people := repeated(n, func(i int) string { return fmt.Sprintf(`{"id": "p%d", "name": "P"}`, i) })
	_, warnings, err := Check("t.json", []byte(file(`"people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}, `+people+`]`, rel(annBob+`, {"id": "r2", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2019"}], "evidence": []}`))))
	if err != nil {
		t.Fatal(err)
	}
	// A warning for each of the n unrelated people, and for each
	// relationship without evidence.
	if len(warnings) != MaxProblems+1 || warnings.Count() != n+2 {
		t.Fatalf("%d warnings listed for %d, want %d listed for %d", len(warnings), warnings.Count(), MaxProblems, n+2)
	}
	last := warnings[MaxProblems]
	if want := fmt.Sprintf("t.json: warning: and %d more warnings after these %d", n+2-MaxProblems, MaxProblems); last.Error() != want || !last.Warning {
		t.Errorf("the last warning is %q, want %q", last, want)
	}
}

func TestParseIDAndFileName(t *testing.T) {
	other := file(`"id": "other"`)
	// Only a .json file's name constrains the id.
	for _, name := range []string{"other.json", "data/other.json", "-", "stdin", "other.txt"} {
		if _, err := Parse(name, []byte(other)); err != nil {
			t.Errorf("Parse(%q) of id \"other\": %v", name, err)
		}
	}
	checkErrors(t, "dir/t.json", other, []string{`dir/t.json:3:7: id: expected the file's name without .json, "t", found "other"`})
	checkErrors(t, "Other.json", other, []string{`Other.json:3:7: id: expected the file's name without .json, "Other", found "other"`})
}

func TestParseSeveralErrors(t *testing.T) {
	// People and sources are read before relationships and events, wherever
	// they are; errors must come out in file order all the same.
	src := `{
  "schema": "timeline/v2",
  "id": "several",
  "relationships": [
    {"id": "r", "people": ["ann", "dan"], "phases": [{"status": "dating", "from": "2018-13"}]},
    {"id": "r", "people": ["ann", "bob"], "phases": [], "certainty": "sure"}
  ],
  "events": [{"id": "e", "date": 2020, "kind": "other", "title": "", "people": []}],
  "people": [
    {"id": "ann", "name": "Ann", "nick": "A"},
    {"id": "bob", "name": " "}
  ],
  "sources": [{"id": "s1", "outlet": "News", "url": "ftp://x"}]
}`
	checkErrors(t, "several.json", src, []string{
		`several.json:1:1: title: required field is missing`,
		`several.json:2:13: schema: expected "timeline/v1", found "timeline/v2"`,
		`several.json:5:35: relationships[0].people[1]: no person has the id "dan"`,
		`several.json:5:83: relationships[0].phases[0].from: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "2018-13": month 13 is not 01 to 12`,
		`several.json:6:12: relationships[1].id: id "r" is already used by relationships[0].id`,
		`several.json:6:53: relationships[1].phases: expected at least one phase, found an empty array`,
		`several.json:6:70: relationships[1].certainty: expected one of confirmed, reported, rumoured, found "sure"`,
		`several.json:8:34: events[0].date: expected a date: a string like "2018" or an object {"date": "2023-09/2023-12", "label": "late 2023"}, found the number 2020`,
		`several.json:8:66: events[0].title: expected some text, found ""`,
		`several.json:8:80: events[0].people: expected at least one person id, found an empty array`,
		`several.json:10:34: people[0].nick: unknown field; expected one of id, name, born, description, aliases`,
		`several.json:11:27: people[1].name: expected some text, found " "`,
		`several.json:13:53: sources[0].url: expected an absolute http or https URL, found "ftp://x"`,
	})
}

func TestParseColumnsCountCharacters(t *testing.T) {
	// Columns count characters, not bytes: “ ” é ’ and the emoji are two to
	// four bytes each in UTF-8, and one column each in an editor.
	src := "{\n" +
		"  \"schema\": \"timeline/v1\", \"id\": \"t\",\n" +
		"  \"title\": \"Zoë’s “story” 💔\", \"titel\": \"x\",\n" +
		"  \"people\": [{\"id\": \"zoe\", \"name\": \"Zoë\", \"born\": \"19∞\"}],\n" +
		"  \"relationships\": []\n" +
		"}\n"
	checkErrors(t, "t.json", src, []string{
		`t.json:3:31: titel: unknown field; expected one of schema, id, title, people, relationships, $schema, summary, lang, events, sources, updates`,
		`t.json:4:51: people[0].born: expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found "19∞": expected YYYY, YYYY-MM or YYYY-MM-DD`,
	})
	// A syntax error after non-ASCII text on a later line.
	src = "{\n  \"title\": \"Zoë’s “story”\",\n  \"summary\": \"é\" \"x\"\n}"
	checkErrors(t, "t.json", src, []string{`t.json:3:18: expected , or } after the field "summary", found the string "x": is a comma missing?`})
	// Windows line ends: the \r is not a column of the next line.
	src = strings.ReplaceAll(file(`"summary": "Zoë’s"`, `"id": 7`), "\n", "\r\n")
	checkErrors(t, "t.json", src, []string{`t.json:3:7: id: expected a string, found the number 7`})
}

// example is the example of docs/data-format.md.
const example = `{
  "schema": "timeline/v1",
  "id": "example",
  "title": "An example",
  "people": [
    {"id": "ann", "name": "Ann"},
    {"id": "bob", "name": "Bob", "born": "1980~"}
  ],
  "relationships": [
    {
      "id": "ann-bob",
      "people": ["ann", "bob"],
      "phases": [
        {"status": "dating", "from": "2018"},
        {"status": "engaged", "from": "2022"}
      ],
      "end": {"date": {"date": "2023-09/2023-12", "label": "late 2023"}, "initiator": "ann"},
      "evidence": [{"source": "s1", "quote": "They got engaged in 2022."}]
    }
  ],
  "sources": [{"id": "s1", "outlet": "Example News", "url": "https://example.com/story"}]
}`

func TestExampleIsTheDocumentedOne(t *testing.T) {
	doc, err := os.ReadFile("../docs/data-format.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```json\n"+example+"\n```") {
		t.Error("the example of these tests is no longer the one in data-format.md; copy it again")
	}
}

func mustDate(t *testing.T, text, label string) Date {
	t.Helper()
	d, err := ParseDate(text)
	if err != nil {
		t.Fatal(err)
	}
	d.Label = label
	return d
}

func TestParseExample(t *testing.T) {
	tl, err := Parse("example.json", []byte(example))
	if err != nil {
		t.Fatalf("the documented example does not parse:\n%v", err)
	}
	born := mustDate(t, "1980~", "")
	want := &Timeline{
		Schema: SchemaV1,
		ID:     "example",
		Title:  "An example",
		People: []Person{{ID: "ann", Name: "Ann"}, {ID: "bob", Name: "Bob", Born: &born}},
		Relationships: []Relationship{{
			ID:     "ann-bob",
			People: [2]string{"ann", "bob"},
			Phases: []Phase{
				{Status: Dating, From: mustDate(t, "2018", "")},
				{Status: Engaged, From: mustDate(t, "2022", "")},
			},
			End:      &End{Date: mustDate(t, "2023-09/2023-12", "late 2023"), Initiator: "ann"},
			Evidence: []Evidence{{Source: "s1", Quote: "They got engaged in 2022."}},
		}},
		Sources: []Source{{ID: "s1", Outlet: "Example News", URL: "https://example.com/story"}},
	}
	if !reflect.DeepEqual(tl, want) {
		t.Errorf("Parse(example) =\n%+v\nwant\n%+v", tl, want)
	}
	r := &tl.Relationships[0]
	if got := r.CertaintyOrDefault(); got != Confirmed {
		t.Errorf("CertaintyOrDefault() = %q, want %q", got, Confirmed)
	}
	for i := range r.Phases {
		if got := r.Phases[i].CertaintyIn(r); got != Confirmed {
			t.Errorf("phase %d CertaintyIn = %q, want %q", i, got, Confirmed)
		}
	}
	if got := r.End.KindOrDefault(); got != Split {
		t.Errorf("KindOrDefault() = %q, want %q", got, Split)
	}
	if got := r.End.Date.Human(); got != "late 2023" {
		t.Errorf("end Human() = %q, want the label", got)
	}
	if got := tl.People[1].Born.Human(); got != "about 1980" {
		t.Errorf("born Human() = %q, want %q", got, "about 1980")
	}
	if !r.Involves("ann") || !r.Involves("bob") || r.Involves("cat") {
		t.Error("Involves is wrong")
	}
	if r.Partner("ann") != "bob" || r.Partner("bob") != "ann" {
		t.Error("Partner is wrong")
	}
}

func TestParseValid(t *testing.T) {
	// Each file is valid: what the format allows must load.
	tests := []struct {
		name  string
		file  string
		check func(t *testing.T, tl *Timeline)
	}{
		{"no relationships", file(`"relationships": []`), func(t *testing.T, tl *Timeline) {
			if tl.Relationships == nil || len(tl.Relationships) != 0 {
				t.Errorf("Relationships = %#v, want empty, not nil", tl.Relationships)
			}
		}},
		{"$schema at the top", file(`"$schema": "https://example.com/timeline.schema.json"`), func(t *testing.T, tl *Timeline) {
			if tl.JSONSchema != "https://example.com/timeline.schema.json" {
				t.Errorf("JSONSchema = %q", tl.JSONSchema)
			}
		}},
		{"http url", file(`"sources": [{"id": "s1", "outlet": "News", "url": "http://example.com/a?b=c#d"}]`), func(t *testing.T, tl *Timeline) {
			if tl.Sources[0].URL != "http://example.com/a?b=c#d" {
				t.Errorf("URL = %q", tl.Sources[0].URL)
			}
		}},
		{"https url with a port", file(`"sources": [{"id": "s1", "outlet": "News", "url": "https://example.com:8443/a"}]`), nil},
		{"end overlapping the last phase", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2022-06"}], "end": {"date": "2022"}}`)), nil},
		{"end an interval reaching the last phase", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2022-06-15"}], "end": {"date": "2021/2022-06"}}`)), nil},
		{"end on the day the phase begins", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2022-06-15"}], "end": {"date": "2022-06-15"}}`)), nil},
		{"phases overlapping but in order", file(rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018/2020"}, {"status": "engaged", "from": "2019"}, {"status": "married", "from": "2019"}]}`)), nil},
		{"every kind and certainty", file(
			rel(`{"id": "r", "people": ["ann", "bob"], "certainty": "rumoured", "phases": [{"status": "married", "from": "2018", "certainty": "reported"}], "end": {"date": "2020", "kind": "death", "initiator": "bob", "reason": "Illness.", "certainty": "confirmed"}}`,
				`{"id": "r2", "people": ["cat", "ann"], "phases": [{"status": "married", "from": "2021"}], "end": {"date": "2022", "kind": "divorce"}}`),
			events(`{"id": "e1", "date": "2020", "kind": "interview", "title": "I", "people": ["ann"], "quote": "Q", "evidence": [{"source": "s1", "quote": "Q"}]}`,
				`{"id": "e2", "date": "2020", "kind": "sighting", "title": "S", "people": ["ann", "bob"]}`,
				`{"id": "e3", "date": "2020", "kind": "statement", "title": "St", "people": ["cat"]}`,
				`{"id": "e4", "date": {"date": "2020?", "label": "maybe 2020"}, "kind": "other", "title": "O", "people": ["bob"]}`)),
			func(t *testing.T, tl *Timeline) {
				r := &tl.Relationships[0]
				if r.CertaintyOrDefault() != Rumoured || r.Phases[0].CertaintyIn(r) != Reported || r.End.Certainty != Confirmed {
					t.Errorf("certainties = %q, %q, %q", r.CertaintyOrDefault(), r.Phases[0].CertaintyIn(r), r.End.Certainty)
				}
				if r.End.KindOrDefault() != Death || tl.Relationships[1].End.KindOrDefault() != Divorce {
					t.Errorf("end kinds = %q, %q", r.End.KindOrDefault(), tl.Relationships[1].End.KindOrDefault())
				}
				var kinds []EventKind
				for _, e := range tl.Events {
					kinds = append(kinds, e.Kind)
				}
				if !reflect.DeepEqual(kinds, EventKinds) {
					t.Errorf("event kinds = %v", kinds)
				}
				if got := tl.Events[3].Date.Human(); got != "maybe 2020" {
					t.Errorf("labelled event date Human() = %q", got)
				}
				if !tl.Events[1].Involves("bob") || tl.Events[1].Involves("cat") {
					t.Error("Event.Involves is wrong")
				}
			}},
		{"sources and people after what refers to them", file("-sources", "-people",
			rel(`{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dating", "from": "2018", "evidence": [{"source": "s1", "quote": "Q"}]}]}`),
			`"sources": [{"id": "s1", "outlet": "News"}]`, `"people": [{"id": "ann", "name": "Ann"}, {"id": "bob", "name": "Bob"}]`), nil},
		{"fields in any order", `{"relationships": [], "people": [{"name": "Ann", "id": "ann"}], "title": "T", "id": "t", "schema": "timeline/v1"}`, nil},
		{"white space around the value", " \n\t" + file() + "\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, err := Parse("t.json", []byte(tt.file))
			if err != nil {
				t.Fatalf("Parse:\n%v\nof\n%s", err, tt.file)
			}
			if tt.check != nil {
				tt.check(t, tl)
			}
		})
	}
}

// roundTrip checks that Parse, json.Marshal and Parse again give the same
// timeline: what the program writes, it reads back unchanged. Decode of the
// marshalled JSON must give it too: the WebAssembly decodes the server's
// answers into the timelines the server parsed.
func roundTrip(t *testing.T, name string, src []byte) {
	t.Helper()
	first, err := Parse(name, src)
	if err != nil {
		t.Fatalf("Parse(%s):\n%v", name, err)
	}
	out, err := json.Marshal(first)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Parse(name, out)
	if err != nil {
		t.Fatalf("Parse of the marshalled %s:\n%v\n%s", name, err, out)
	}
	if !reflect.DeepEqual(first, second) {
		t.Errorf("%s changed in a round trip through\n%s\nfirst  %+v\nsecond %+v", name, out, first, second)
	}
	decoded, err := Decode(out)
	if err != nil {
		t.Fatalf("Decode of the marshalled %s: %v\n%s", name, err, out)
	}
	if !reflect.DeepEqual(first, decoded) {
		t.Errorf("Decode of the marshalled %s differs from Parse:\n%s\nparsed  %+v\ndecoded %+v", name, out, first, decoded)
	}
}

func TestParseMarshalRoundTrip(t *testing.T) {
	roundTrip(t, "example.json", []byte(example))
	roundTrip(t, "t.json", []byte(file(`"$schema": "x"`, `"summary": "S"`,
		rel(`{"id": "r", "people": ["ann", "bob"], "certainty": "reported", "phases": [{"status": "dating", "from": "2018?", "certainty": "rumoured", "evidence": [{"source": "s1", "quote": "Q"}]}], "end": {"date": "2019%", "kind": "divorce", "initiator": "bob", "reason": "R", "certainty": "confirmed", "evidence": [{"source": "s1", "quote": "E"}]}}`),
		`"sources": [{"id": "s1", "outlet": "News", "title": "A story", "url": "https://example.com/a", "published": {"date": "2025-06-01", "label": "1 June"}}]`,
		events(`{"id": "e", "date": "2020-01/2020-02", "kind": "sighting", "title": "E", "people": ["cat", "ann"], "quote": "“Q”"}`))))
	src, err := os.ReadFile("timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, "james-norton.json", src)
	roundTrip(t, "t.json", []byte(file(`"relationships": []`)))
	generated, err := json.Marshal(Generate(300, 1000, 7))
	if err != nil {
		t.Fatal(err)
	}
	roundTrip(t, "generated.json", generated)
}

func TestIsSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"a": true, "james-norton": true, "r2-d2": true, "2024": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "a_b": false, "a b": false, "é": false, "a.b": false,
	} {
		if got := IsSlug(s); got != want {
			t.Errorf("IsSlug(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsWebURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.com": true, "http://example.com/a": true, "HTTPS://EXAMPLE.COM/": true,
		"": false, "javascript:alert(1)": false, "ftp://example.com": false, "//example.com/a": false,
		"/a": false, "example.com": false, "https://": false, "https:///a": false, "mailto:a@example.com": false,
		"data:text/html,<script>": false, "https://exa mple.com": false,
	} {
		if got := IsWebURL(s); got != want {
			t.Errorf("IsWebURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{File: "a.json", Line: 3, Column: 7, Path: "id", Message: "m"}, "a.json:3:7: id: m"},
		{&Error{File: "a.json", Line: 1, Column: 1, Message: "m"}, "a.json:1:1: m"},
		{&Error{File: "a.json", Message: "m"}, "a.json: m"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	if !utf8.ValidString(mark) || utf8.RuneCountInString(mark) != 1 {
		t.Fatal("mark must be one character")
	}
}
