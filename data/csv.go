package data

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// The spreadsheet layout (docs/spreadsheet.md): one row per timeline,
// person, source, relationship, phase, end, event or evidence, told apart
// by the type column. A header row names the columns, in any order:
//
//	type      timeline, person, source, relationship, phase, end, event, evidence
//	id        the row's id (timeline, person, source, relationship, event)
//	of        the relationship a phase or end belongs to
//	name      a person's name
//	title     the timeline's, an event's or a source's title
//	summary   the timeline's summary
//	description  a person's description
//	people    a relationship's two people or an event's people, as ids separated by ;
//	status    a phase's status: dating, engaged, married
//	date      a phase's from, an end's or event's date, a person's birth, a source's publication
//	label     the label shown instead of that date
//	certainty confirmed, reported, rumoured
//	kind      an end's kind or an event's kind
//	initiator who ended a relationship
//	reason    why it ended
//	quote     an event's quote, or an evidence row's quote
//	source    an evidence row's source
//	outlet    a source's outlet
//	url       a source's URL
//
// An evidence row backs the nearest row above it that takes evidence: a
// relationship, phase, end or event.
var csvColumns = []string{"type", "id", "of", "name", "title", "summary", "description", "people",
	"status", "date", "label", "certainty", "kind", "initiator", "reason", "quote", "source", "outlet", "url"}

// ImportCSV reads a timeline from the spreadsheet layout and validates it.
// Problems name the row and column, as a spreadsheet shows them (row 1 is
// the header; columns by letter and name), in Errors.
func ImportCSV(file string, r io.Reader) (*Timeline, error) {
	limited := &io.LimitedReader{R: r, N: MaxFileSize + 1}
	reader := csv.NewReader(limited)
	reader.FieldsPerRecord = -1 // spreadsheets leave trailing cells out
	rows, err := reader.ReadAll()
	if limited.N <= 0 {
		return nil, Errors{{File: file, Line: 1, Column: 1, Message: fmt.Sprintf("the file has more than the %d MiB a timeline may have: split it into several timelines", MaxFileSize>>20)}}
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, Errors{{File: file, Line: pe.Line, Column: pe.Column, Message: "not a CSV file: " + pe.Err.Error()}}
		}
		return nil, Errors{{File: file, Message: err.Error()}}
	}
	im := csvImport{file: file, places: map[string]csvPlace{}}
	t := im.read(rows)
	if len(im.errs) > 0 {
		return nil, im.errs
	}
	src, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	// The format's own rules (references, order, dates) are checked once,
	// by Parse, and each problem is traced back to its row and column.
	parsed, err := Parse("", src)
	var list Errors
	if errors.As(err, &list) {
		for _, e := range list {
			im.errs = append(im.errs, im.locate(e))
		}
		im.errs.sort()
		return nil, im.errs
	}
	return parsed, err
}

// csvImport reads the rows of one spreadsheet.
type csvImport struct {
	file    string
	columns map[string]int
	errs    Errors
	// places maps a field path of the timeline to the row and column it
	// came from, to locate the validator's errors in the spreadsheet.
	places map[string]csvPlace
}

// A csvPlace is a cell: row from 1, column from 0.
type csvPlace struct{ row, column int }

func (im *csvImport) fail(row int, column, format string, args ...any) {
	col, ok := im.columns[column]
	e := &Error{File: im.file, Line: row, Message: fmt.Sprintf(format, args...)}
	if ok {
		e.Column = col + 1
		e.Path = columnName(col) + " (" + column + ")"
	}
	im.errs = append(im.errs, e)
}

// columnName is a spreadsheet's name of a column: A, B, … Z, AA, AB…
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

func (im *csvImport) read(rows [][]string) *Timeline {
	t := &Timeline{Schema: SchemaV1, Relationships: []Relationship{}}
	if len(rows) == 0 {
		im.errs = append(im.errs, &Error{File: im.file, Line: 1, Message: "the file is empty: expected a header row naming the columns"})
		return t
	}
	im.columns = map[string]int{}
	for i, name := range rows[0] {
		name = strings.ToLower(strings.TrimSpace(name))
		switch {
		case !slices.Contains(csvColumns, name):
			im.errs = append(im.errs, &Error{File: im.file, Line: 1, Column: i + 1, Path: columnName(i),
				Message: fmt.Sprintf("unknown column %q; expected columns among %s", name, strings.Join(csvColumns, ", "))})
		case hasKey(im.columns, name):
			im.errs = append(im.errs, &Error{File: im.file, Line: 1, Column: i + 1, Path: columnName(i),
				Message: fmt.Sprintf("column %q given twice", name)})
		default:
			im.columns[name] = i
		}
	}
	if !hasKey(im.columns, "type") {
		im.errs = append(im.errs, &Error{File: im.file, Line: 1, Message: "no type column: every row needs a type"})
		return t
	}

	relationships := map[string]int{} // id → index in t.Relationships
	var backed func() *[]Evidence     // what an evidence row backs
	var backedPath string
	for i, cells := range rows[1:] {
		row := i + 2
		cell := func(column string) string {
			if c, ok := im.columns[column]; ok && c < len(cells) {
				return unescapeFormula(strings.TrimSpace(cells[c]))
			}
			return ""
		}
		typ := cell("type")
		switch typ {
		case "":
			if strings.TrimSpace(strings.Join(cells, "")) == "" {
				continue // a blank row
			}
			im.fail(row, "type", "expected a type (timeline, person, source, relationship, phase, end, event or evidence), found an empty cell")
		case "timeline":
			if t.ID != "" {
				im.fail(row, "type", "a second timeline row: a file holds one timeline")
			}
			t.ID, t.Title, t.Summary = cell("id"), cell("title"), cell("summary")
			im.place("id", row, "id")
			im.place("title", row, "title")
			im.place("summary", row, "summary")
		case "person":
			path := fmt.Sprintf("people[%d]", len(t.People))
			im.placeRow(path, row, map[string]string{"id": "id", "name": "name", "born": "date", "description": "description"})
			t.People = append(t.People, Person{ID: cell("id"), Name: cell("name"), Description: cell("description"), Born: im.optionalDate(cell)})
		case "source":
			path := fmt.Sprintf("sources[%d]", len(t.Sources))
			im.placeRow(path, row, map[string]string{"id": "id", "outlet": "outlet", "title": "title", "url": "url", "published": "date"})
			t.Sources = append(t.Sources, Source{ID: cell("id"), Outlet: cell("outlet"), Title: cell("title"), URL: cell("url"), Published: im.optionalDate(cell)})
		case "relationship":
			k := len(t.Relationships)
			path := fmt.Sprintf("relationships[%d]", k)
			im.placeRow(path, row, map[string]string{"id": "id", "people": "people", "certainty": "certainty"})
			r := Relationship{ID: cell("id"), Certainty: Certainty(cell("certainty")), Phases: []Phase{}}
			people := splitList(cell("people"))
			if len(people) != 2 {
				im.fail(row, "people", "expected the relationship's two people, as ids separated by ; like \"ann;bob\", found %q", cell("people"))
			} else {
				r.People = [2]string{people[0], people[1]}
			}
			relationships[r.ID] = k
			t.Relationships = append(t.Relationships, r)
			backed, backedPath = func() *[]Evidence { return &t.Relationships[k].Evidence }, path
		case "phase", "end":
			k, ok := relationships[cell("of")]
			if !ok {
				im.fail(row, "of", "expected the id of a relationship on a row above, found %q", cell("of"))
				continue
			}
			r := &t.Relationships[k]
			date := im.date(cell)
			if typ == "phase" {
				n := len(r.Phases)
				path := fmt.Sprintf("relationships[%d].phases[%d]", k, n)
				im.placeRow(path, row, map[string]string{"status": "status", "from": "date", "certainty": "certainty"})
				r.Phases = append(r.Phases, Phase{Status: Status(cell("status")), From: date, Certainty: Certainty(cell("certainty"))})
				backed, backedPath = func() *[]Evidence { return &t.Relationships[k].Phases[n].Evidence }, path
				continue
			}
			if r.End != nil {
				im.fail(row, "of", "a second end for relationship %q", r.ID)
			}
			path := fmt.Sprintf("relationships[%d].end", k)
			im.placeRow(path, row, map[string]string{"date": "date", "kind": "kind", "initiator": "initiator", "reason": "reason", "certainty": "certainty"})
			r.End = &End{Date: date, Kind: EndKind(cell("kind")), Initiator: cell("initiator"), Reason: cell("reason"), Certainty: Certainty(cell("certainty"))}
			backed, backedPath = func() *[]Evidence { return &t.Relationships[k].End.Evidence }, path
		case "event":
			k := len(t.Events)
			path := fmt.Sprintf("events[%d]", k)
			im.placeRow(path, row, map[string]string{"id": "id", "date": "date", "kind": "kind", "title": "title", "people": "people", "quote": "quote"})
			t.Events = append(t.Events, Event{ID: cell("id"), Date: im.date(cell), Kind: EventKind(cell("kind")),
				Title: cell("title"), People: splitList(cell("people")), Quote: cell("quote")})
			backed, backedPath = func() *[]Evidence { return &t.Events[k].Evidence }, path
		case "evidence":
			if backed == nil {
				im.fail(row, "type", "evidence backs the relationship, phase, end or event on a row above, and there is none")
				continue
			}
			list := backed()
			im.placeRow(fmt.Sprintf("%s.evidence[%d]", backedPath, len(*list)), row, map[string]string{"source": "source", "quote": "quote"})
			*list = append(*list, Evidence{Source: cell("source"), Quote: cell("quote")})
		default:
			im.fail(row, "type", "expected timeline, person, source, relationship, phase, end, event or evidence, found %q", typ)
		}
	}
	if t.ID == "" && len(im.errs) == 0 {
		im.errs = append(im.errs, &Error{File: im.file, Line: 2, Message: "no timeline row: one row of type timeline gives the id and title"})
	}
	return t
}

// date reads the date and label cells; the validator checks the date.
func (im *csvImport) date(cell func(string) string) Date {
	d, reason := parseDate(cell("date"))
	if reason != "" {
		d = Date{Text: cell("date")}
	}
	d.Label = cell("label")
	return d
}

func (im *csvImport) optionalDate(cell func(string) string) *Date {
	if cell("date") == "" && cell("label") == "" {
		return nil
	}
	d := im.date(cell)
	return &d
}

// place records where a field comes from: its cell, or its row's type
// cell when the spreadsheet has no such column.
func (im *csvImport) place(path string, row int, column string) {
	c, ok := im.columns[column]
	if !ok {
		c = im.columns["type"]
	}
	im.places[path] = csvPlace{row, c}
}

// placeRow records where a row's fields come from: fields maps each field
// of the timeline to its column.
func (im *csvImport) placeRow(path string, row int, fields map[string]string) {
	im.places[path] = csvPlace{row, im.columns["type"]}
	for field, column := range fields {
		if c, ok := im.columns[column]; ok {
			im.places[path+"."+field] = csvPlace{row, c}
		}
	}
}

var pathIndex = regexp.MustCompile(`^(.*)\[\d+\]$`)

// locate turns an error about the timeline built from the spreadsheet into
// one about the cell it came from: the longest recorded prefix of its path.
func (im *csvImport) locate(e *Error) *Error {
	for path := e.Path; path != ""; {
		if p, ok := im.places[path]; ok {
			return &Error{File: im.file, Line: p.row, Column: p.column + 1,
				Path:    columnName(p.column) + " (" + im.nameOf(p.column) + ")",
				Message: e.Path + ": " + e.Message, Warning: e.Warning}
		}
		switch {
		case pathIndex.MatchString(path):
			path = pathIndex.FindStringSubmatch(path)[1]
		case strings.Contains(path, "."):
			path = path[:strings.LastIndex(path, ".")]
		default:
			path = ""
		}
	}
	return &Error{File: im.file, Message: e.Path + ": " + e.Message, Warning: e.Warning}
}

// nameOf is the name in the header of a column.
func (im *csvImport) nameOf(column int) string {
	for name, c := range im.columns {
		if c == column {
			return name
		}
	}
	return "?"
}

// formulaStart are the characters that make a spreadsheet read a cell as
// a formula, which could run when an editor opens an exported file.
const formulaStart = "=+-@\t\r"

// escapeFormula writes a cell that a spreadsheet would read as a formula
// with a leading apostrophe, which spreadsheets show as text; unescape
// takes it off again on import, so files round-trip.
func escapeFormula(cell string) string {
	if cell != "" && strings.ContainsRune(formulaStart, rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

func unescapeFormula(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune(formulaStart, rune(cell[1])) {
		return cell[1:]
	}
	return cell
}

func splitList(s string) []string {
	var list []string
	for _, part := range strings.Split(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			list = append(list, part)
		}
	}
	return list
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// WriteCSV writes t in the spreadsheet layout, so that ImportCSV reads it
// back equal: the default timeline's example spreadsheet is made with it.
func WriteCSV(w io.Writer, t *Timeline) error {
	out := csv.NewWriter(w)
	out.Write(csvColumns)
	row := func(cells map[string]string) {
		record := make([]string, len(csvColumns))
		for i, c := range csvColumns {
			record[i] = escapeFormula(cells[c])
		}
		out.Write(record)
	}
	evidence := func(list []Evidence) {
		for _, e := range list {
			row(map[string]string{"type": "evidence", "source": e.Source, "quote": e.Quote})
		}
	}
	date := func(cells map[string]string, d *Date) map[string]string {
		if d != nil {
			cells["date"], cells["label"] = d.Text, d.Label
		}
		return cells
	}
	row(map[string]string{"type": "timeline", "id": t.ID, "title": t.Title, "summary": t.Summary})
	for _, p := range t.People {
		row(date(map[string]string{"type": "person", "id": p.ID, "name": p.Name, "description": p.Description}, p.Born))
	}
	for _, s := range t.Sources {
		row(date(map[string]string{"type": "source", "id": s.ID, "outlet": s.Outlet, "title": s.Title, "url": s.URL}, s.Published))
	}
	for _, r := range t.Relationships {
		row(map[string]string{"type": "relationship", "id": r.ID, "people": r.People[0] + ";" + r.People[1], "certainty": string(r.Certainty)})
		evidence(r.Evidence)
		for _, p := range r.Phases {
			row(date(map[string]string{"type": "phase", "of": r.ID, "status": string(p.Status), "certainty": string(p.Certainty)}, &p.From))
			evidence(p.Evidence)
		}
		if e := r.End; e != nil {
			row(date(map[string]string{"type": "end", "of": r.ID, "kind": string(e.Kind), "initiator": e.Initiator,
				"reason": e.Reason, "certainty": string(e.Certainty)}, &e.Date))
			evidence(e.Evidence)
		}
	}
	for _, e := range t.Events {
		row(date(map[string]string{"type": "event", "id": e.ID, "kind": string(e.Kind), "title": e.Title,
			"people": strings.Join(e.People, ";"), "quote": e.Quote}, &e.Date))
		evidence(e.Evidence)
	}
	out.Flush()
	return out.Error()
}
