//go:build !wasm

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
	"unicode/utf8"
)

// The spreadsheet layout (docs/spreadsheet.md): one row per timeline,
// person, source, relationship, phase, end, account, event, evidence or
// update, told apart by the type column. A header row names the columns,
// in any order:
//
//	type      timeline, person, source, relationship, phase, end, account, event, evidence, update
//	id        the row's id (timeline, person, source, relationship, event)
//	of        the relationship a phase or end belongs to
//	name      a person's name
//	title     the timeline's, an event's or a source's title
//	summary   the timeline's summary
//	lang      the timeline's language, a BCP 47 tag such as de or pt-BR
//	description  a person's description
//	aliases   a person's other names, separated by ;
//	people    a relationship's two people or an event's people, as ids separated by ;
//	status    a phase's status: dating, engaged, married
//	date      a phase's from, an end's, account's, event's or update's date, a person's birth, a source's publication
//	label     the label shown instead of that date
//	inferred  yes when an account's date is inferred from its quotes
//	certainty confirmed, reported, rumoured
//	kind      an end's, event's or update's kind
//	initiator who ended a relationship
//	reason    why it ended
//	quote     an event's quote, or an evidence row's quote
//	source    an evidence row's source
//	outlet    a source's outlet
//	url       a source's URL
//	text      a correction's or update's text
//
// An evidence row backs the nearest row above it that takes evidence: a
// relationship, phase, end, account or event. An account row is another
// date of the nearest phase or end above it (Account).
var csvColumns = []string{"type", "id", "of", "name", "title", "summary", "lang", "description", "aliases", "people",
	"status", "date", "label", "inferred", "certainty", "kind", "initiator", "reason", "quote", "source", "outlet", "url", "text"}

func isCSVColumn(name string) bool { return slices.Contains(csvColumns, name) }

// rowTypes are the values of the type column, in the order the layout
// lists them.
var rowTypes = []string{"timeline", "person", "source", "relationship", "phase", "end", "account", "event", "evidence", "update"}

// rowColumns are the columns each type of row reads, besides type. A cell
// in any other column is an error: an editor's words are never dropped.
var rowColumns = map[string][]string{
	"timeline":     {"id", "title", "summary", "lang"},
	"person":       {"id", "name", "description", "aliases", "date", "label"},
	"source":       {"id", "outlet", "title", "url", "date", "label"},
	"relationship": {"id", "people", "certainty"},
	"phase":        {"of", "status", "date", "label", "certainty"},
	"end":          {"of", "date", "label", "kind", "initiator", "reason", "certainty"},
	"account":      {"date", "label", "inferred"},
	"event":        {"id", "date", "label", "kind", "title", "people", "quote"},
	"evidence":     {"quote", "source"},
	"update":       {"date", "kind", "text"},
}

// csvYes is what the inferred column of an inferred account holds.
const csvYes = "yes"

// ImportCSV reads a timeline from the spreadsheet layout, as spreadsheet
// programs save it (csvText: byte-order marks, code pages, semicolons),
// and validates it. Problems name the row and column, as a spreadsheet
// shows them (row 1 is the header; columns by letter and name), in Errors.
// With a valid timeline come warnings: the validator's, and what the
// import guessed about the file and the editor should check.
func ImportCSV(file string, r io.Reader) (*Timeline, Errors, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, nil, err
	}
	if len(src) > MaxFileSize {
		return nil, nil, Errors{{File: file, Line: 1, Column: 1, Message: fmt.Sprintf("the file has more than the %d MiB a timeline may have: split it into several timelines", MaxFileSize>>20)}}
	}
	text, e := csvText(file, src)
	if e != nil {
		return nil, nil, Errors{e}
	}
	rows, e := readRows(file, text)
	if e != nil {
		return nil, nil, Errors{e}
	}
	im := csvImport{file: file, places: map[string]csvPlace{}}
	t := im.read(rows)
	if len(im.errs) > 0 {
		im.errs.sort()
		return nil, nil, im.errs
	}
	src, err = json.Marshal(t)
	if err != nil {
		return nil, nil, err
	}
	// The format's own rules (references, order, dates) are checked once,
	// by Check, and each problem is traced back to its row and column.
	parsed, warnings, err := Check("", src)
	var list Errors
	if errors.As(err, &list) {
		for _, e := range list {
			im.errs = append(im.errs, im.locate(e))
		}
		im.errs.sort()
		return nil, nil, im.errs
	}
	if err != nil {
		return nil, nil, err
	}
	var notes Errors
	if text.windows1252 {
		notes = append(notes, im.windows1252Note(rows))
	}
	for _, w := range warnings {
		notes = append(notes, im.locate(w))
	}
	notes.sort()
	return parsed, notes, nil
}

// csvImport reads the rows of one spreadsheet.
type csvImport struct {
	file    string
	columns map[string]int
	header  []string // each column's name, lower-cased, as row 1 gives it
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

func (im *csvImport) read(rows []csvRow) *Timeline {
	t := &Timeline{Schema: SchemaV1, Relationships: []Relationship{}}
	if len(rows) == 0 {
		im.errs = append(im.errs, &Error{File: im.file, Line: 1, Message: "the file is empty: expected a header row naming the columns"})
		return t
	}
	im.columns = map[string]int{}
	header := rows[0]
	im.header = make([]string, len(header.cells))
	for i, name := range header.cells {
		name = strings.ToLower(strings.TrimSpace(name))
		im.header[i] = name
		switch {
		case name == "":
			// A column without a name: its cells are checked row by row.
		case !isCSVColumn(name):
			im.errs = append(im.errs, &Error{File: im.file, Line: header.number, Column: i + 1, Path: columnName(i),
				Message: fmt.Sprintf("unknown column %q; expected columns among %s", name, strings.Join(csvColumns, ", "))})
		case hasKey(im.columns, name):
			im.errs = append(im.errs, &Error{File: im.file, Line: header.number, Column: i + 1, Path: columnName(i),
				Message: fmt.Sprintf("column %q given twice", name)})
		default:
			im.columns[name] = i
		}
	}
	if !hasKey(im.columns, "type") {
		im.errs = append(im.errs, &Error{File: im.file, Line: header.number, Message: "no type column: every row needs a type"})
		return t
	}

	relationships := map[string]int{} // id → index in t.Relationships
	var backed func() *[]Evidence     // what an evidence row backs
	var backedPath string
	var accountsOf func() *[]Account // what an account row is another date of
	var accountsPath string
	var accountRows []accountRow // to check that each has evidence
	for _, r := range rows[1:] {
		row, cells := r.number, r.cells
		cell := func(column string) string {
			if c, ok := im.columns[column]; ok && c < len(cells) {
				return unescapeFormula(strings.TrimSpace(cells[c]))
			}
			return ""
		}
		typ := cell("type")
		if slices.Contains(rowTypes, typ) {
			im.checkCells(r, typ)
		}
		switch typ {
		case "":
			if strings.TrimSpace(strings.Join(cells, "")) == "" {
				continue // a blank row
			}
			im.fail(row, "type", "expected a type (%s), found an empty cell", orList(rowTypes))
		case "timeline":
			if t.ID != "" {
				im.fail(row, "type", "a second timeline row: a file holds one timeline")
			}
			t.ID, t.Title, t.Summary, t.Lang = cell("id"), cell("title"), cell("summary"), cell("lang")
			im.place("id", row, "id")
			im.place("title", row, "title")
			im.place("summary", row, "summary")
			im.place("lang", row, "lang")
		case "person":
			path := fmt.Sprintf("people[%d]", len(t.People))
			im.placeRow(path, row, map[string]string{"id": "id", "name": "name", "born": "date", "description": "description", "aliases": "aliases"})
			t.People = append(t.People, Person{ID: cell("id"), Name: cell("name"), Description: cell("description"),
				Aliases: splitList(cell("aliases")), Born: im.optionalDate(cell)})
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
			accountsOf = nil
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
				accountsOf, accountsPath = func() *[]Account { return &t.Relationships[k].Phases[n].Alternatives }, path
				continue
			}
			if r.End != nil {
				im.fail(row, "of", "a second end for relationship %q", r.ID)
			}
			path := fmt.Sprintf("relationships[%d].end", k)
			im.placeRow(path, row, map[string]string{"date": "date", "kind": "kind", "initiator": "initiator", "reason": "reason", "certainty": "certainty"})
			r.End = &End{Date: date, Kind: EndKind(cell("kind")), Initiator: cell("initiator"), Reason: cell("reason"), Certainty: Certainty(cell("certainty"))}
			backed, backedPath = func() *[]Evidence { return &t.Relationships[k].End.Evidence }, path
			accountsOf, accountsPath = func() *[]Account { return &t.Relationships[k].End.Alternatives }, path
		case "account":
			if accountsOf == nil {
				im.fail(row, "type", "an account gives another date of the phase or end on a row above, and there is none")
				continue
			}
			of, list := accountsOf, accountsOf()
			n := len(*list)
			path := fmt.Sprintf("%s.alternatives[%d]", accountsPath, n)
			im.placeRow(path, row, map[string]string{"date": "date", "inferred": "inferred"})
			inferred := cell("inferred")
			if inferred != "" && inferred != csvYes {
				im.fail(row, "inferred", "expected %s, for a date inferred from its quotes, or an empty cell, found %q", csvYes, inferred)
			}
			*list = append(*list, Account{Date: im.date(cell), Inferred: inferred == csvYes, Evidence: []Evidence{}})
			evidence := func() *[]Evidence { return &(*of())[n].Evidence }
			backed, backedPath = evidence, path
			accountRows = append(accountRows, accountRow{row, evidence})
		case "update":
			path := fmt.Sprintf("updates[%d]", len(t.Updates))
			im.placeRow(path, row, map[string]string{"date": "date", "kind": "kind", "text": "text"})
			t.Updates = append(t.Updates, Update{Date: im.date(cell), Kind: UpdateKind(cell("kind")), Text: cell("text")})
			backed, accountsOf = nil, nil
		case "event":
			k := len(t.Events)
			path := fmt.Sprintf("events[%d]", k)
			im.placeRow(path, row, map[string]string{"id": "id", "date": "date", "kind": "kind", "title": "title", "people": "people", "quote": "quote"})
			t.Events = append(t.Events, Event{ID: cell("id"), Date: im.date(cell), Kind: EventKind(cell("kind")),
				Title: cell("title"), People: splitList(cell("people")), Quote: cell("quote")})
			backed, backedPath = func() *[]Evidence { return &t.Events[k].Evidence }, path
			accountsOf = nil
		case "evidence":
			if backed == nil {
				im.fail(row, "type", "evidence backs the relationship, phase, end, account or event on a row above, and there is none")
				continue
			}
			list := backed()
			im.placeRow(fmt.Sprintf("%s.evidence[%d]", backedPath, len(*list)), row, map[string]string{"source": "source", "quote": "quote"})
			*list = append(*list, Evidence{Source: cell("source"), Quote: cell("quote")})
		default:
			im.fail(row, "type", "expected %s, found %q", orList(rowTypes), typ)
		}
	}
	for _, a := range accountRows {
		if len(*a.evidence()) == 0 {
			im.fail(a.row, "type", "an account stands on its evidence: put evidence rows under it, each a quote and its source")
		}
	}
	if t.ID == "" && len(im.errs) == 0 {
		im.errs = append(im.errs, &Error{File: im.file, Line: 2, Message: "no timeline row: one row of type timeline gives the id and title"})
	}
	return t
}

// An accountRow is an account read from the row of that number, whose
// evidence is read from the rows under it.
type accountRow struct {
	row      int
	evidence func() *[]Evidence
}

// checkCells reports every cell of a row of type typ that the row has no
// use for: in a column typ does not read, in a column with no name, or
// past the last column. Dropping it would lose what the editor wrote.
func (im *csvImport) checkCells(r csvRow, typ string) {
	for c, v := range r.cells {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		column := ""
		if c < len(im.header) {
			column = im.header[c]
		}
		switch {
		case column == "":
			im.errs = append(im.errs, &Error{File: im.file, Line: r.number, Column: c + 1, Path: columnName(c),
				Message: fmt.Sprintf("%q is in a column with no name in row 1: name the column, or move the text to the column it belongs in", v)})
		case im.columns[column] != c:
			// An unknown column, or one given twice: its header cell is the error.
		case column != "type" && !slices.Contains(rowColumns[typ], column):
			im.fail(r.number, column, "%s", misplaced(typ, column, v))
		}
	}
}

// misplaced says where a value typed in a row of type typ, in a column
// that row has no use for, belongs.
func misplaced(typ, column, value string) string {
	var homes []string
	for _, t := range rowTypes {
		if slices.Contains(rowColumns[t], column) {
			homes = append(homes, t)
		}
	}
	what := fmt.Sprintf("%s %s row has no %s", article(typ), typ, column)
	home := fmt.Sprintf("%s %s row", article(homes[0]), orList(homes))
	switch {
	case slices.Contains(Certainties, Certainty(value)) && slices.Contains(rowColumns[typ], "certainty"):
		return fmt.Sprintf("%s; put %q in the certainty column, or the %s on %s", what, value, column, home)
	case column == "quote" && slices.Contains(rowColumns[typ], "certainty"):
		return what + "; put the quote on an evidence row under it, with its source"
	case column == "source" && typ != "source":
		return what + "; put the source's id on an evidence row under the fact it backs, with its quote"
	}
	return fmt.Sprintf("%s; the %s goes on %s", what, column, home)
}

// columnLabel names column c as errors do: "D (name)".
func (im *csvImport) columnLabel(c int) string {
	if c < len(im.header) && im.header[c] != "" {
		return columnName(c) + " (" + im.header[c] + ")"
	}
	return columnName(c)
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

// orList joins words as "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// windows1252Note tells the editor that the file was read as Windows-1252,
// and shows the first cells with letters beyond ASCII to check: a file in
// another code page reads as other letters, not as an error.
func (im *csvImport) windows1252Note(rows []csvRow) *Error {
	note := &Error{File: im.file, Warning: true}
	var samples []string
	for _, r := range rows[1:] {
		for c, v := range r.cells {
			if len(samples) == 3 || !strings.ContainsFunc(v, func(r rune) bool { return r >= utf8.RuneSelf }) {
				continue
			}
			if samples == nil {
				note.Line, note.Column, note.Path = r.number, c+1, im.columnLabel(c)
			}
			if r := []rune(strings.TrimSpace(v)); len(r) > 30 {
				v = string(r[:30]) + "…"
			}
			samples = append(samples, fmt.Sprintf("row %d, %s: %q", r.number, im.columnLabel(c), strings.TrimSpace(v)))
		}
	}
	note.Message = `the file is not UTF-8: it was read as Windows-1252 (Western European), the encoding of Excel's ` +
		`"CSV (Comma delimited)" in Western European languages. Check the letters beyond A to Z: ` + strings.Join(samples, "; ") +
		`. If any is wrong (a file from a Mac, or from Excel in another language), ` + saveAsUTF8
	return note
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

// WriteCSV writes t in the spreadsheet layout, so that ImportCSV reads it
// back equal: the default timeline's example spreadsheet is made with it.
func WriteCSV(w io.Writer, t *Timeline) error {
	for i, p := range t.People {
		for j, a := range p.Aliases {
			if strings.Contains(a, ";") {
				return fmt.Errorf("people[%d].aliases[%d]: %q has a ;, which separates aliases in a spreadsheet: the alias would come back as two", i, j, a)
			}
		}
	}
	out := csv.NewWriter(w)
	// The spreadsheets of timelines without a language, inferred accounts
	// or updates stay as they were before those were columns.
	unused := map[string]bool{"lang": t.Lang == "", "inferred": !hasInferredAccount(t), "text": len(t.Updates) == 0}
	columns := slices.DeleteFunc(slices.Clone(csvColumns), func(c string) bool { return unused[c] })
	out.Write(columns)
	row := func(cells map[string]string) {
		record := make([]string, len(columns))
		for i, c := range columns {
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
	accounts := func(list []Account) {
		for _, a := range list {
			inferred := ""
			if a.Inferred {
				inferred = csvYes
			}
			row(date(map[string]string{"type": "account", "inferred": inferred}, &a.Date))
			evidence(a.Evidence)
		}
	}
	row(map[string]string{"type": "timeline", "id": t.ID, "title": t.Title, "summary": t.Summary, "lang": t.Lang})
	for _, p := range t.People {
		row(date(map[string]string{"type": "person", "id": p.ID, "name": p.Name, "description": p.Description,
			"aliases": strings.Join(p.Aliases, ";")}, p.Born))
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
			accounts(p.Alternatives)
		}
		if e := r.End; e != nil {
			row(date(map[string]string{"type": "end", "of": r.ID, "kind": string(e.Kind), "initiator": e.Initiator,
				"reason": e.Reason, "certainty": string(e.Certainty)}, &e.Date))
			evidence(e.Evidence)
			accounts(e.Alternatives)
		}
	}
	for _, e := range t.Events {
		row(date(map[string]string{"type": "event", "id": e.ID, "kind": string(e.Kind), "title": e.Title,
			"people": strings.Join(e.People, ";"), "quote": e.Quote}, &e.Date))
		evidence(e.Evidence)
	}
	for _, u := range t.Updates {
		row(date(map[string]string{"type": "update", "kind": string(u.Kind), "text": u.Text}, &u.Date))
	}
	out.Flush()
	return out.Error()
}

// hasInferredAccount reports whether an account of t is inferred.
func hasInferredAccount(t *Timeline) bool {
	for _, r := range t.Relationships {
		for _, p := range r.Phases {
			if slices.ContainsFunc(p.Alternatives, func(a Account) bool { return a.Inferred }) {
				return true
			}
		}
		if r.End != nil && slices.ContainsFunc(r.End.Alternatives, func(a Account) bool { return a.Inferred }) {
			return true
		}
	}
	return false
}
