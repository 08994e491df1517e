package data

import (
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Parse reads and validates one timeline file against every rule of the
// data format. file names the file in errors; when it ends in .json, the
// timeline's id must equal its name. A file over one of the limits (see
// MaxFileSize and the others) is invalid too. On failure the error is
// Errors: every problem found in file order, or the first MaxProblems and
// one that counts the others.
func Parse(file string, src []byte) (*Timeline, error) {
	t, _, err := Check(file, src)
	return t, err
}

// Check is Parse that also returns warnings: what is legal but probably a
// mistake, like a relationship with no evidence, a person in no
// relationship or a date more than a year in the future. Warnings come
// with a valid timeline only, in file order.
func Check(file string, src []byte) (*Timeline, Errors, error) {
	return check(nil, file, src, time.Now(), nil)
}

// CheckIn is Check for a file of the directory dir, whose sources may
// have their texts beside it, in dir's sources/<id>.txt: every quote of a
// source with a text, inline or there, must be in it (see Evidence).
func CheckIn(dir fs.FS, file string, src []byte) (*Timeline, Errors, error) {
	return check(dir, file, src, time.Now(), nil)
}

// check reads a timeline file; sourceHash, when not nil, is written the
// texts of its sources read from dir.
func check(dir fs.FS, file string, src []byte, now time.Time, sourceHash io.Writer) (*Timeline, Errors, error) {
	if len(src) > MaxFileSize {
		return nil, nil, Errors{fileTooLarge(file, int64(len(src)))}
	}
	d := &decoder{
		now:          now,
		personAt:     map[string]place{},
		file:         file,
		personIDs:    map[string]string{},
		relationIDs:  map[string]string{},
		eventIDs:     map[string]string{},
		sourceIDs:    map[string]string{},
		fileNameID:   fileNameID(file),
		dir:          dir,
		sourceHash:   sourceHash,
		sourceAt:     map[string]place{},
		sourceTextAt: map[string]int32{},
		quotes:       map[string][]quoteCheck{},
	}
	root, se := parseTree(src)
	if se != nil {
		d.fail(se.offset, se.path, "%s", se.msg)
		return nil, nil, d.errs.finish(file, src, false)
	}
	t := d.timeline(root)
	d.verifyQuotes(t)
	if d.errs.found > 0 {
		return nil, nil, d.errs.finish(file, src, false)
	}
	setAsOf(t)
	d.warnUnrelatedPeople(t)
	d.warnRepeatedNames(t)
	return t, d.warnings.finish(file, src, true), nil
}

// fileNameID is the id a file's name requires, or "" when the name is not
// a .json file's (standard input, a test).
func fileNameID(file string) string {
	base := filepath.Base(file)
	if !strings.HasSuffix(base, ".json") {
		return ""
	}
	return strings.TrimSuffix(base, ".json")
}

// decoder turns a JSON tree into a Timeline, collecting every problem
// instead of stopping at the first.
type decoder struct {
	file string
	// now is when the file is checked, for dates in the future.
	now            time.Time
	errs, warnings problemList
	// personAt is where each person is declared, for warnings.
	personAt map[string]place
	// aliasAt is where each alias is, for warnings about the names it
	// repeats.
	aliasAt []aliasPlace

	// ids seen so far, each mapped to the path where it was declared.
	personIDs, relationIDs, eventIDs, sourceIDs map[string]string

	// fileNameID is the id the file's name requires, if any.
	fileNameID string

	// dir is the directory of the file, where the texts of its sources
	// are (see SourcesDir); nil when it has none. sourceHash, if set, is
	// written every text read there.
	dir        fs.FS
	sourceHash io.Writer
	// sourceAt is where each source is declared; quotes are the quotes
	// of each source, checked once the whole file is read.
	sourceAt     map[string]place
	sourceTextAt map[string]int32 // where each inline text is
	quotes       map[string][]quoteCheck
	inlineText   bool // some source has its text in the file
}

// warn records what is legal but probably a mistake.
func (d *decoder) warn(offset int32, path, format string, args ...any) {
	if d.warnings.admits(offset) {
		d.warnings.add(offset, &Error{File: d.file, Path: path, Message: fmt.Sprintf(format, args...), Warning: true})
	}
}

// fail records an error.
func (d *decoder) fail(offset int32, path, format string, args ...any) {
	if d.errs.admits(offset) {
		d.errs.add(offset, &Error{File: d.file, Path: path, Message: fmt.Sprintf(format, args...)})
	}
}

// failField is fail for the field name of the value at path, for the
// errors of objects' fields: the path is joined and the message written
// only when the error is kept, so that a million objects with an unknown
// field in a file cost no more than reading it.
func (d *decoder) failField(offset int32, path, name string, message func() string) {
	if d.errs.admits(offset) {
		d.errs.add(offset, &Error{File: d.file, Path: join(path, name), Message: message()})
	}
}

// keep appends item, decoded from the file, to list unless decoding it
// found errors (errorsBefore is how many there were before). The file is
// invalid then, and its timeline never used: a file of 16 MiB of empty
// objects, "[{},{},…]", would otherwise hold millions of empty items.
func keep[T any](d *decoder, list []T, item T, errorsBefore int) []T {
	if d.errs.found > errorsBefore {
		return list
	}
	return append(list, item)
}

// A fieldSet is the fields one kind of object takes.
type fieldSet struct {
	required, optional []string
}

func (fs fieldSet) has(name string) bool {
	return slices.Contains(fs.required, name) || slices.Contains(fs.optional, name)
}

func (fs fieldSet) String() string {
	return strings.Join(append(append([]string{}, fs.required...), fs.optional...), ", ")
}

var (
	timelineFields     = fieldSet{[]string{"schema", "id", "title", "people", "relationships"}, []string{"$schema", "summary", "lang", "events", "sources", "updates"}}
	personFields       = fieldSet{[]string{"id", "name"}, []string{"born", "description", "aliases"}}
	relationshipFields = fieldSet{[]string{"id", "people", "phases"}, []string{"end", "certainty", "evidence", "asOf"}}
	phaseFields        = fieldSet{[]string{"status", "from"}, []string{"certainty", "evidence", "alternatives"}}
	endFields          = fieldSet{[]string{"date"}, []string{"kind", "initiator", "reason", "certainty", "evidence", "alternatives"}}
	accountFields      = fieldSet{[]string{"date", "evidence"}, []string{"inferred"}}
	updateFields       = fieldSet{[]string{"date", "kind", "text"}, nil}
	eventFields        = fieldSet{[]string{"id", "date", "kind", "title", "people"}, []string{"quote", "evidence"}}
	sourceFields       = fieldSet{[]string{"id", "outlet"}, []string{"title", "url", "published", "text", "ignoreCase"}}
	evidenceFields     = fieldSet{[]string{"source", "quote"}, []string{"ignoreCase", "verified", "passage"}}
	passageFields      = fieldSet{[]string{"quote"}, []string{"before", "after"}}
	labelledDateFields = fieldSet{[]string{"date", "label"}, nil}
)

// object checks that n is an object of the given fields, reports unknown,
// repeated and missing ones, and returns the fields by name. It returns nil
// when n is missing, not an object, or has none of the fields: there is
// nothing more to read in it.
func (d *decoder) object(n *node, path string, fs fieldSet) map[string]*node {
	if n == nil {
		return nil
	}
	if n.kind != objectNode {
		d.fail(n.offset, path, "expected an object, found %s", describe(n))
		return nil
	}
	var fields map[string]*node
	for key, value := range n.fields() {
		switch name := key.text(); {
		case !fs.has(name):
			d.failField(key.offset, path, name, func() string { return "unknown field; expected one of " + fs.String() })
		case fields[name] != nil:
			d.failField(key.offset, path, name, func() string { return "field given twice" })
		default:
			if fields == nil {
				fields = make(map[string]*node, len(fs.required)+len(fs.optional))
			}
			fields[name] = value
		}
	}
	for _, name := range fs.required {
		if fields[name] == nil {
			d.failField(n.offset, path, name, func() string { return "required field is missing" })
		}
	}
	return fields
}

// array calls each for every item of n, and reports n if it is not an array
// of what (a plural: "sources").
func (d *decoder) array(n *node, path, what string, each func(item *node, path string)) {
	if n == nil {
		return
	}
	if n.kind != arrayNode {
		d.fail(n.offset, path, "expected an array of %s, found %s", what, describe(n))
		return
	}
	items := n.kids()
	for i := range items {
		each(&items[i], itemPath(path, i))
	}
}

// nonEmptyArray is array for a list that needs at least one item, one of
// what (singular "phase", plural "phases").
func (d *decoder) nonEmptyArray(n *node, path, one, what string, each func(item *node, path string)) {
	if n != nil && n.kind == arrayNode && len(n.kids()) == 0 {
		d.fail(n.offset, path, "expected at least one %s, found an empty array", one)
	}
	d.array(n, path, what, each)
}

func (d *decoder) str(n *node, path string) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.kind != stringNode {
		d.fail(n.offset, path, "expected a string, found %s", describe(n))
		return "", false
	}
	text := n.text()
	if length := utf8.RuneCountInString(text); length > MaxTextLength {
		d.fail(n.offset, path, "expected at most %d characters, found %d", MaxTextLength, length)
		return "", false
	}
	if i := strings.IndexFunc(text, isForbiddenControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(text[i:])
		d.fail(n.offset, path, "expected text without control characters (but for line breaks and tabs), found U+%04X at character %d of %s: remove it",
			r, utf8.RuneCountInString(text[:i])+1, quoteCut(text))
		return "", false
	}
	return text, true
}

// isForbiddenControl reports a control character other than a line
// break or a tab: invisible in a page, and in a terminal an escape (ESC,
// U+001B) that can recolour, move or erase what validate and the log
// write, a carriage return that can write over a line, or a NUL.
func isForbiddenControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t'
}

// text reads a required string that must say something, not be blank.
func (d *decoder) text(n *node, path string) string {
	s, ok := d.str(n, path)
	if ok && strings.TrimSpace(s) == "" {
		d.fail(n.offset, path, "expected some text, found %q", s)
	}
	d.warnDirectionControls(n, path, s)
	return s
}

// warnDirectionControls warns of the invisible characters that reorder
// text (U+202A–U+202E, U+2066–U+2069): pasted by accident, or put there to
// make a name read as another ("exe.live" for "evil.exe").
func (d *decoder) warnDirectionControls(n *node, path, s string) {
	if i := strings.IndexFunc(s, func(r rune) bool {
		return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
	}); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		d.warn(n.offset, path, "has an invisible direction control (U+%04X) that can make the text read as something else; remove it unless the language needs it", r)
	}
}

// optionalText reads an optional string: absent is fine, but a field given
// must not be blank.
func (d *decoder) optionalText(n *node, path string) string {
	s, ok := d.str(n, path)
	if ok && strings.TrimSpace(s) == "" {
		d.fail(n.offset, path, "expected some text, found %q (leave the field out instead)", s)
	}
	d.warnDirectionControls(n, path, s)
	return s
}

// id reads a slug that must be unique among seen.
func (d *decoder) id(n *node, path string, seen map[string]string) string {
	s := d.slug(n, path)
	if s == "" {
		return ""
	}
	if first, ok := seen[s]; ok {
		d.fail(n.offset, path, "id %q is already used by %s", s, first)
		return s
	}
	seen[s] = path
	return s
}

func (d *decoder) slug(n *node, path string) string {
	s, ok := d.str(n, path)
	if !ok {
		return ""
	}
	if !IsSlug(s) {
		d.fail(n.offset, path, "expected an id of lowercase letters and digits, words joined by single hyphens (like \"james-norton\"), found %q", s)
		return ""
	}
	return s
}

// IsSlug reports whether s is an id: [a-z0-9]+(-[a-z0-9]+)*.
func IsSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, c := range []byte(s) {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// ref reads the id of something declared in seen, like a person or a
// source.
func (d *decoder) ref(n *node, path, what string, seen map[string]string) string {
	s := d.slug(n, path)
	if s == "" {
		return ""
	}
	if _, ok := seen[s]; !ok {
		d.fail(n.offset, path, "no %s has the id %q", what, s)
		return ""
	}
	return s
}

func enum[T ~string](d *decoder, n *node, path string, allowed []T) T {
	s, ok := d.str(n, path)
	if !ok {
		return ""
	}
	for _, a := range allowed {
		if string(a) == s {
			return a
		}
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	d.fail(n.offset, path, "expected one of %s, found %q", strings.Join(names, ", "), s)
	return ""
}

// date reads a Date: an EDTF string, or {"date": …, "label": …}.
func (d *decoder) date(n *node, path string) Date {
	if n == nil {
		return Date{}
	}
	switch n.kind {
	case stringNode:
		return d.edtf(n, path)
	case objectNode:
		f := d.object(n, path, labelledDateFields)
		var date Date
		if _, ok := d.str(f["date"], join(path, "date")); ok {
			date = d.edtf(f["date"], join(path, "date"))
		}
		date.Label = d.text(f["label"], join(path, "label"))
		return date
	}
	d.fail(n.offset, path, "expected a date: a string like \"2018\" or an object {\"date\": \"2023-09/2023-12\", \"label\": \"late 2023\"}, found %s", describe(n))
	return Date{}
}

// edtf parses a string node as a date.
func (d *decoder) edtf(n *node, path string) Date {
	date, reason := parseDate(n.text())
	if reason != "" {
		d.fail(n.offset, path, "expected a date like 2018, 2025-06, 2022-03-14, 1985~, 2024? or 2023-09/2023-12, found %q: %s", n.text(), reason)
	} else if date.Earliest.After(d.now.AddDate(1, 0, 0)) {
		d.warn(n.offset, path, "%s is more than a year from now: is the year right?", n.text())
	}
	return date
}

func (d *decoder) optionalDate(n *node, path string) *Date {
	if n == nil {
		return nil
	}
	date := d.date(n, path)
	return &date
}

func (d *decoder) timeline(root *node) *Timeline {
	t := &Timeline{}
	f := d.object(root, "", timelineFields)
	if f == nil {
		return t
	}
	if s, ok := d.str(f["$schema"], "$schema"); ok {
		t.JSONSchema = s
	}
	if s, ok := d.str(f["schema"], "schema"); ok {
		if s != SchemaV1 {
			d.fail(f["schema"].offset, "schema", "expected %q, found %q", SchemaV1, s)
		}
		t.Schema = s
	}
	t.ID = d.slug(f["id"], "id")
	if t.ID != "" && d.fileNameID != "" && t.ID != d.fileNameID {
		d.fail(f["id"].offset, "id", "expected the file's name without .json, %q, found %q", d.fileNameID, t.ID)
	}
	t.Title = d.text(f["title"], "title")
	t.Summary = d.optionalText(f["summary"], "summary")
	if s, ok := d.str(f["lang"], "lang"); ok {
		if problem := LangProblem(s); problem != "" {
			d.fail(f["lang"].offset, "lang", "%s", problem)
		}
		t.Lang = s
	}
	// People and sources first, whatever their place in the file, so that
	// everything referring to them can be checked; errors are sorted back
	// into file order.
	// A list over its limit is not read at all: its items, and the
	// references to them, would only add errors to the one that matters.
	over := d.overLimit(f["people"], "people", "people", MaxPeople)
	over = d.overLimit(f["relationships"], "relationships", "relationships", MaxRelationships) || over
	over = d.overLimit(f["events"], "events", "events", MaxEvents) || over
	if over {
		return t
	}
	d.nonEmptyArray(f["people"], "people", "person", "people", func(n *node, path string) {
		before := d.errs.found
		t.People = keep(d, t.People, d.person(n, path), before)
	})
	d.array(f["sources"], "sources", "sources", func(n *node, path string) {
		before := d.errs.found
		t.Sources = keep(d, t.Sources, d.source(n, path), before)
	})
	t.Relationships = []Relationship{}
	d.array(f["relationships"], "relationships", "relationships", func(n *node, path string) {
		before := d.errs.found
		t.Relationships = keep(d, t.Relationships, d.relationship(n, path), before)
	})
	d.array(f["events"], "events", "events", func(n *node, path string) {
		before := d.errs.found
		t.Events = keep(d, t.Events, d.event(n, path), before)
	})
	d.array(f["updates"], "updates", "updates", func(n *node, path string) {
		before := d.errs.found
		t.Updates = keep(d, t.Updates, d.update(n, path), before)
	})
	return t
}

// update reads a correction or update: its day, kind and text.
func (d *decoder) update(n *node, path string) Update {
	var u Update
	f := d.object(n, path, updateFields)
	if f == nil {
		return u
	}
	u.Date = d.day(f["date"], join(path, "date"))
	u.Kind = enum(d, f["kind"], join(path, "kind"), UpdateKinds)
	u.Text = d.text(f["text"], join(path, "text"))
	return u
}

// day reads a date that must be one day, written YYYY-MM-DD: the day a
// note was published is known.
func (d *decoder) day(n *node, path string) Date {
	if n == nil {
		return Date{}
	}
	if n.kind != stringNode {
		d.fail(n.offset, path, "expected a day like \"2026-12-03\", found %s", describe(n))
		return Date{}
	}
	date := d.edtf(n, path)
	if !date.IsZero() && (date.Precision != Day || date.Interval || date.Approximate || date.Uncertain) {
		d.fail(n.offset, path, "expected a day like \"2026-12-03\", found %q: a correction or update is dated to the day it was made", n.text())
		return Date{}
	}
	return date
}

func (d *decoder) person(n *node, path string) Person {
	var p Person
	f := d.object(n, path, personFields)
	if f == nil {
		return p
	}
	owner := path
	p.ID = d.id(f["id"], join(path, "id"), d.personIDs)
	if p.ID != "" {
		d.personAt[p.ID] = place{n.offset, path}
	}
	p.Name = d.text(f["name"], join(path, "name"))
	if n := utf8.RuneCountInString(p.Name); n > maxName {
		d.warn(f["name"].offset, join(path, "name"), "is %d characters: a name shows in full in its lane, on its partners' bars and in the filter; is it a name? (%d characters at most)", n, maxName)
	}
	d.nonEmptyArray(f["aliases"], join(path, "aliases"), "alias", "aliases", func(n *node, path string) {
		alias := d.text(n, path)
		if length := utf8.RuneCountInString(alias); length > maxName {
			d.warn(n.offset, path, "is %d characters: an alias shows in full in the filter; is it a name? (%d characters at most)", length, maxName)
		}
		p.Aliases = append(p.Aliases, alias)
		d.aliasAt = append(d.aliasAt, aliasPlace{place{n.offset, path}, owner, alias})
	})
	p.Born = d.optionalDate(f["born"], join(path, "born"))
	p.Description = d.optionalText(f["description"], join(path, "description"))
	if n := utf8.RuneCountInString(p.Description); n > maxDescription {
		d.warn(f["description"].offset, join(path, "description"), "is %d characters: it shows under the name in the person's lane, which draws three lines of it; say who they are in a few words (%d characters at most)", n, maxDescription)
	}
	return p
}

// The longest name and description that are not warned of: a long
// name (a stage name and titles) fits in 80 characters, and 120 are about
// three lines of the lane's name column on a phone.
const (
	maxName        = 80
	maxDescription = 120
)

func (d *decoder) source(n *node, path string) Source {
	var s Source
	f := d.object(n, path, sourceFields)
	if f == nil {
		return s
	}
	s.ID = d.id(f["id"], join(path, "id"), d.sourceIDs)
	s.Outlet = d.text(f["outlet"], join(path, "outlet"))
	s.Title = d.optionalText(f["title"], join(path, "title"))
	if raw, ok := d.str(f["url"], join(path, "url")); ok {
		switch {
		case hasUnencodedCharacter(raw):
			d.fail(f["url"].offset, join(path, "url"), "expected a URL with spaces, quotes, <, >, ` and backslashes percent-encoded, found %q", raw)
		case !IsWebURL(raw):
			d.fail(f["url"].offset, join(path, "url"), "expected an absolute http or https URL, found %q", raw)
		}
		s.URL = raw
	}
	s.Published = d.optionalDate(f["published"], join(path, "published"))
	s.Text = d.optionalText(f["text"], join(path, "text"))
	if s.Text != "" {
		d.inlineText = true
		d.sourceTextAt[s.ID] = f["text"].offset
	}
	s.IgnoreCase = d.boolean(f["ignoreCase"], join(path, "ignoreCase"))
	if s.ID != "" {
		d.sourceAt[s.ID] = place{n.offset, path}
	}
	return s
}

// boolean reads an optional true or false.
func (d *decoder) boolean(n *node, path string) bool {
	if n == nil {
		return false
	}
	if n.kind != boolNode {
		d.fail(n.offset, path, "expected true or false, found %s", describe(n))
		return false
	}
	return n.truth
}

// IsWebURL reports whether s is an absolute http or https URL with a host:
// the only links Liaison ever makes clickable. Spaces, quotes, angle
// brackets, backslashes and control characters must be percent-encoded: in
// a URL they are a copying mistake, or an attack.
func IsWebURL(s string) bool {
	if hasUnencodedCharacter(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// hasUnencodedCharacter reports whether s has a character that a URL must
// percent-encode and that is dangerous or invisible when it does not.
func hasUnencodedCharacter(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r <= ' ' || r == 0x7f || strings.ContainsRune("\"<>\\`", r) || unicode.IsSpace(r)
	})
}

func (d *decoder) relationship(n *node, path string) Relationship {
	var r Relationship
	f := d.object(n, path, relationshipFields)
	if f == nil {
		return r
	}
	r.ID = d.id(f["id"], join(path, "id"), d.relationIDs)
	r.People = d.partners(f["people"], join(path, "people"))
	var ahead Date // the from of the phase listed last so far, kept or not
	d.nonEmptyArray(f["phases"], join(path, "phases"), "phase", "phases", func(n *node, path string) {
		before := d.errs.found
		p := d.phase(n, path)
		if !p.From.IsZero() && !ahead.IsZero() && p.From.Earliest.Before(ahead.Earliest) {
			d.fail(fieldOffset(n, "from"), join(path, "from"), "this phase begins (%s) before the phase listed ahead of it (%s); list phases in time order",
				p.From.Text, ahead.Text)
		}
		ahead = p.From
		r.Phases = keep(d, r.Phases, p, before)
	})
	if f["end"] != nil {
		r.End = d.end(f["end"], join(path, "end"), r, ahead)
	}
	if f["certainty"] != nil {
		r.Certainty = enum(d, f["certainty"], join(path, "certainty"), Certainties)
	}
	r.Evidence = d.evidence(f["evidence"], join(path, "evidence"))
	if n := f["asOf"]; n != nil {
		// What the server says of an ongoing relationship, which an API
		// answer saved as a file carries: checked, and set again.
		d.date(n, join(path, "asOf"))
	}
	if !hasEvidence(&r) {
		d.warn(n.offset, path, "no evidence: add a quote and its source, so that readers can check it")
	}
	return r
}

// hasEvidence reports whether any quote backs r, its phases, its end or
// an account of their dates.
func hasEvidence(r *Relationship) bool {
	found := false
	r.EachEvidence(func(Evidence) { found = true })
	return found
}

// A place is where something is declared in a file.
type place struct {
	offset int32
	path   string
}

// warnUnrelatedPeople warns of people in no relationship: a lane with
// nothing in it is most often a typo in an id.
func (d *decoder) warnUnrelatedPeople(t *Timeline) {
	related := map[string]bool{}
	for _, r := range t.Relationships {
		related[r.People[0]], related[r.People[1]] = true, true
	}
	for _, p := range t.People {
		if at, ok := d.personAt[p.ID]; ok && !related[p.ID] {
			d.warn(at.offset, at.path, "%q is in no relationship", p.Name)
		}
	}
}

// An aliasPlace is where an alias is declared, and whose it is (the
// path of its person).
type aliasPlace struct {
	place
	owner string
	alias string
}

// warnRepeatedNames warns of an alias that is its person's name already,
// given twice, or another person's name or alias: the filter would then
// offer two people for it, which is most often an alias put on the wrong
// person. Names are compared ignoring case, as the filter does.
func (d *decoder) warnRepeatedNames(t *Timeline) {
	if len(d.aliasAt) == 0 {
		return
	}
	type use struct {
		person int // index in t.People
		alias  bool
	}
	used := make(map[string]use, len(t.People)+len(d.aliasAt)) // lower-cased name → its first use
	owner := make(map[string]int, len(t.People))               // path of a person → index
	for i, p := range t.People {
		path := fmt.Sprintf("people[%d]", i)
		owner[path] = i
		if k := strings.ToLower(p.Name); !hasKey(used, k) {
			used[k] = use{person: i}
		}
	}
	for _, a := range d.aliasAt {
		k, i := strings.ToLower(a.alias), owner[a.owner]
		first, ok := used[k]
		switch {
		case !ok:
			used[k] = use{person: i, alias: true}
		case first.person == i && first.alias:
			d.warn(a.offset, a.path, "%q is given twice", a.alias)
		case first.person == i:
			d.warn(a.offset, a.path, "%q is the person's name already", a.alias)
		case first.alias:
			d.warn(a.offset, a.path, "%q is also an alias of %s (people[%d]): the filter would offer both; is it on the right person?", a.alias, t.People[first.person].Name, first.person)
		default:
			d.warn(a.offset, a.path, "%q is also the name of %s (people[%d]): the filter would offer both; is it on the right person?", a.alias, t.People[first.person].Name, first.person)
		}
	}
}

func hasKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// partners reads a relationship's two distinct people.
func (d *decoder) partners(n *node, path string) [2]string {
	var ids [2]string
	if n == nil {
		return ids
	}
	if n.kind != arrayNode || len(n.kids()) != 2 {
		d.fail(n.offset, path, "expected exactly two person ids, like [\"ann\", \"bob\"], found %s", describe(n))
		return ids
	}
	items := n.kids()
	for i := range items {
		ids[i] = d.ref(&items[i], itemPath(path, i), "person", d.personIDs)
	}
	if ids[0] != "" && ids[0] == ids[1] {
		d.fail(items[1].offset, path+"[1]", "expected two different people, found %q twice", ids[0])
	}
	return ids
}

func (d *decoder) phase(n *node, path string) Phase {
	var p Phase
	f := d.object(n, path, phaseFields)
	if f == nil {
		return p
	}
	p.Status = enum(d, f["status"], join(path, "status"), Statuses)
	p.From = d.date(f["from"], join(path, "from"))
	if f["certainty"] != nil {
		p.Certainty = enum(d, f["certainty"], join(path, "certainty"), Certainties)
	}
	p.Evidence = d.evidence(f["evidence"], join(path, "evidence"))
	p.Alternatives = d.accounts(f["alternatives"], join(path, "alternatives"), p.From, "from")
	return p
}

// accounts reads the alternatives of a date, given in the field named
// dateField: other dates, each with its own evidence.
func (d *decoder) accounts(n *node, path string, date Date, dateField string) []Account {
	var list []Account
	d.nonEmptyArray(n, path, "account", "accounts", func(n *node, path string) {
		before := d.errs.found
		var a Account
		f := d.object(n, path, accountFields)
		if f == nil {
			return
		}
		a.Date = d.date(f["date"], join(path, "date"))
		switch {
		case a.Date.IsZero():
		case a.Date.Text == date.Text:
			d.fail(f["date"].offset, join(path, "date"), "expected another date than %s's, found the same, %q: an alternative gives a date that differs", dateField, a.Date.Text)
		default:
			for _, other := range list {
				if other.Date.Text == a.Date.Text {
					d.fail(f["date"].offset, join(path, "date"), "the alternative %q is given twice: list each date once, with all its evidence", a.Date.Text)
				}
			}
		}
		a.Inferred = d.boolean(f["inferred"], join(path, "inferred"))
		if e := f["evidence"]; e != nil && e.kind == arrayNode && len(e.kids()) == 0 {
			d.fail(e.offset, join(path, "evidence"), "expected at least one quote and its source, found an empty array: an account stands on its evidence")
		}
		a.Evidence = d.evidence(f["evidence"], join(path, "evidence"))
		list = keep(d, list, a, before)
	})
	return list
}

// end reads r's end, which must not lie wholly before r's last phase
// begins (lastFrom).
func (d *decoder) end(n *node, path string, r Relationship, lastFrom Date) *End {
	e := &End{}
	f := d.object(n, path, endFields)
	if f == nil {
		return e
	}
	e.Date = d.date(f["date"], join(path, "date"))
	if !e.Date.IsZero() && !lastFrom.IsZero() && e.Date.Latest.Before(lastFrom.Earliest) {
		d.fail(f["date"].offset, join(path, "date"), "the end (%s) lies wholly before the last phase begins (%s)",
			e.Date.Text, lastFrom.Text)
	}
	if f["kind"] != nil {
		e.Kind = enum(d, f["kind"], join(path, "kind"), EndKinds)
	}
	if who := f["initiator"]; who != nil {
		e.Initiator = d.slug(who, join(path, "initiator"))
		if e.Initiator != "" && r.People[0] != "" && r.People[1] != "" && !r.Involves(e.Initiator) {
			d.fail(who.offset, join(path, "initiator"), "expected one of the two partners, %q or %q, found %q",
				r.People[0], r.People[1], e.Initiator)
		}
	}
	e.Reason = d.optionalText(f["reason"], join(path, "reason"))
	if f["certainty"] != nil {
		e.Certainty = enum(d, f["certainty"], join(path, "certainty"), Certainties)
	}
	e.Evidence = d.evidence(f["evidence"], join(path, "evidence"))
	e.Alternatives = d.accounts(f["alternatives"], join(path, "alternatives"), e.Date, "date")
	return e
}

func (d *decoder) event(n *node, path string) Event {
	var e Event
	f := d.object(n, path, eventFields)
	if f == nil {
		return e
	}
	e.ID = d.id(f["id"], join(path, "id"), d.eventIDs)
	e.Date = d.date(f["date"], join(path, "date"))
	e.Kind = enum(d, f["kind"], join(path, "kind"), EventKinds)
	e.Title = d.text(f["title"], join(path, "title"))
	listed := map[string]bool{} // a set: searching e.People takes time in the square of its length
	d.nonEmptyArray(f["people"], join(path, "people"), "person id", "person ids", func(n *node, path string) {
		id := d.ref(n, path, "person", d.personIDs)
		if id != "" && listed[id] {
			d.fail(n.offset, path, "person %q is listed twice", id)
			return
		}
		listed[id] = true
		if id != "" {
			e.People = append(e.People, id)
		}
	})
	e.Quote = d.optionalText(f["quote"], join(path, "quote"))
	e.Evidence = d.evidence(f["evidence"], join(path, "evidence"))
	return e
}

// serverVerdict checks the form of what the server says of a quote it
// has checked, verified and passage, which an API answer saved as a file
// carries, and drops it: the server checks quotes itself (sources.go).
func (d *decoder) serverVerdict(f map[string]*node, path string) {
	d.boolean(f["verified"], join(path, "verified"))
	if n := f["passage"]; n != nil {
		path := join(path, "passage")
		if p := d.object(n, path, passageFields); p != nil {
			for _, name := range []string{"before", "quote", "after"} {
				if p[name] != nil {
					d.str(p[name], join(path, name))
				}
			}
		}
	}
}

func (d *decoder) evidence(n *node, path string) []Evidence {
	var (
		list   []Evidence
		checks []quoteCheck // of each item of list, where its quote is
	)
	d.array(n, path, "evidence", func(n *node, path string) {
		before := d.errs.found
		var (
			ev    Evidence
			check quoteCheck
		)
		if f := d.object(n, path, evidenceFields); f != nil {
			ev.Source = d.ref(f["source"], join(path, "source"), "source", d.sourceIDs)
			ev.Quote = d.text(f["quote"], join(path, "quote"))
			ev.IgnoreCase = d.boolean(f["ignoreCase"], join(path, "ignoreCase"))
			d.serverVerdict(f, path)
			if q := f["quote"]; q != nil {
				check = quoteCheck{offset: q.offset, path: path}
			}
		}
		if d.errs.found == before { // as keep

			list = append(list, ev)
			checks = append(checks, check)
		}
	})
	d.pendingQuotes(list, checks)
	return list
}

// fieldOffset is where the value of n's field name starts (its first
// occurrence, the one read), or n's own offset when it has none.
func fieldOffset(n *node, name string) int32 {
	for key, value := range n.fields() {
		if key.text() == name {
			return value.offset
		}
	}
	return n.offset
}

// describe names what n is, for "expected X, found Y". The name is
// written only when the error is kept (see MaxProblems): a list of a
// million items that are not what it takes would otherwise write a
// million of them.
func describe(n *node) description { return description{n} }

type description struct{ n *node }

func (d description) String() string {
	switch n := d.n; n.kind {
	case stringNode:
		return "the string " + quoteCut(n.text())
	case numberNode:
		if text := n.text(); len(text) > maxNameShown {
			return "the number " + text[:maxNameShown] + "…"
		}
		return "the number " + n.text()
	case boolNode:
		return strconv.FormatBool(n.truth)
	case arrayNode:
		return "an array of " + strconv.Itoa(len(n.kids()))
	}
	return d.n.kind.String()
}
