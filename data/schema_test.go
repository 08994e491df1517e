package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/liaison-timeline/liaison/data/schema"
)

const schemaURL = "urn:liaison:schema:timeline-v1"

// compileSchema compiles the JSON Schema of the format with a maintained
// JSON Schema library, as an editor's tool would.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(schema.TimelineV1)))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemaURL)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return s
}

func schemaAccepts(t *testing.T, s *jsonschema.Schema, src string) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(src))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return s.Validate(doc)
}

// TestSchemaAcceptsEveryValidFile checks the schema against every file the
// validator accepts: the default timeline, the documented example, a large
// generated one and the hostile one of the server's tests.
func TestSchemaAcceptsEveryValidFile(t *testing.T) {
	s := compileSchema(t)
	files := map[string]string{"example": example}
	generated, _ := json.Marshal(Generate(300, 1000, 5))
	files["generated"] = string(generated)
	paths, _ := filepath.Glob("timelines/*.json")
	hostile, _ := filepath.Glob("../cmd/liaison/internal/server/testdata/*/*.json")
	for _, path := range append(paths, hostile...) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[path] = string(src)
	}
	if len(files) < 4 {
		t.Fatalf("only %d files to check", len(files))
	}
	for name, src := range files {
		if _, err := Parse("", []byte(src)); err != nil {
			t.Fatalf("%s: the validator rejects it: %v", name, err)
		}
		if err := schemaAccepts(t, s, src); err != nil {
			t.Errorf("%s: the validator accepts it, the schema does not: %v", name, err)
		}
	}
}

// beyondSchema are the validator's rules that JSON Schema cannot express,
// by a part of their message: references between ids, unique ids, the order
// of dates, the calendar, the file's name, keys given twice (which JSON
// readers silently merge), and the language registry (the schema checks a
// tag's form only).
var beyondSchema = []string{
	"no person has the id",
	"no source has the id",
	"expected one of the two partners",
	"is already used by",
	"before the phase listed ahead of it",
	"lies wholly before the last phase",
	"expected the file's name",
	"has no day",
	"expected another date than",
	"is given twice: list each date once",
	"before it starts",
	"field given twice",
	"surrogate pair",
	"is no language, script or region the registry knows",
	"expected a BCP 47 language tag such as de, pt-BR or ar, found",
}

// TestSchemaAgreesOnEveryInvalidFile runs the schema on every invalid file
// of the validator's tests that is JSON: where the validator finds a
// problem the schema can express, the schema rejects the file too; where
// every problem is beyond the schema, it accepts it, so this list of what
// only the validator checks is exact.
func TestSchemaAgreesOnEveryInvalidFile(t *testing.T) {
	s := compileSchema(t)
	checked := 0
	for _, tt := range parseErrorTests {
		src, _ := unmark(tt.file)
		if !json.Valid([]byte(src)) {
			continue // no JSON, nothing for a schema to judge
		}
		checked++
		expressible := false
		for _, want := range tt.want {
			beyond := false
			for _, b := range beyondSchema {
				beyond = beyond || strings.Contains(want, b)
			}
			expressible = expressible || !beyond
		}
		err := schemaAccepts(t, s, src)
		switch {
		case expressible && err == nil:
			t.Errorf("%s: the validator says %q; the schema accepts the file", tt.name, tt.want)
		case !expressible && err != nil:
			t.Errorf("%s: only the validator should catch %q, but the schema rejects the file too: %v", tt.name, tt.want, err)
		}
	}
	if checked < 50 {
		t.Errorf("only %d invalid files were JSON", checked)
	}
}
