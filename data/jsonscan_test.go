package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// scanTexts are JSON texts at the edges of the grammar, valid and not.
var scanTexts = []string{
	``, ` `, `null`, `true`, `false`, `nul`, `nullx`, `truefalse`, `[true,false,null]`,
	`0`, `-0`, `1`, `-0.5e+10`, `1E5`, `1e-5`, `123456789012345678901234567890`,
	`01`, `1.`, `.5`, `+1`, `-`, `--1`, `1e`, `1e+`, `0x10`, `Infinity`, `NaN`,
	`""`, `"abc"`, `"abc`, `"\"`, `"\""`, `"\\"`, `"\/"`, `"\b\f\n\r\t"`, `"\x"`, `"\u12"`, `"\u12G4"`,
	`"\u00e9\ud83d\ude00"`, `"\ud800"`, `"\udc00\ud800x"`, "\"\xff\"", "\"a\xc3\"", "\"é\"", "\"\x7f\"",
	"\"tab\there\"", "\"line\nbreak\"", "\"\x00\"",
	`[]`, `{}`, ` [ ] `, ` { } `, `[1,]`, `[,1]`, `[1 2]`, `[1,,2]`, `[`, `]`, `[1`, `{"a":1,}`, `{"a" 1}`,
	`{"a":1 "b":2}`, `{a:1}`, `{"a":}`, `{"a"}`, `{,}`, `{"a":1,"a":2}`, `{"a":{"b":[1,{"c":"d"}]}}`,
	`{"a":1}{"b":2}`, `{"a":1} x`, `{"a":1} ,`, "\ufeff{}", "{}\n\t\r ", "\v{}", `{"": ""}`,
	strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1),
	strings.Repeat("[", maxDepth+2) + strings.Repeat("]", maxDepth+2),
	strings.Repeat(`{"a":`, maxDepth) + `1` + strings.Repeat("}", maxDepth),
	strings.Repeat(`{"a":`, maxDepth+1) + `1` + strings.Repeat("}", maxDepth+1),
}

// timelineTexts are whole timeline files: the shipped ones and generated
// ones, all valid.
func timelineTexts(t testing.TB) [][]byte {
	files, err := filepath.Glob("timelines/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no timelines in timelines/: %v", err)
	}
	var texts [][]byte
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, src)
	}
	for seed := range uint64(3) {
		src, err := json.MarshalIndent(Generate(30, 60, seed), "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, src)
	}
	return texts
}

// checkScan fails t unless scanTree refuses src or reads it as
// encoding/json's tokens do: what it accepts, encoding/json accepts, into
// the same tree with the same offsets.
func checkScan(t *testing.T, src []byte) {
	t.Helper()
	fast, ok := scanTree(src)
	if !ok {
		return // parseTree reads it with encoding/json
	}
	slow, err := readTree(src)
	if err != nil {
		t.Fatalf("scanTree accepts %q, which encoding/json refuses: %v", src, err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("scanTree and encoding/json read %q differently:\n%s\nand\n%s", src, dumpTree(fast), dumpTree(slow))
	}
}

// TestScanTreeAgreesWithEncodingJSON reads texts at the edges of JSON's
// grammar, every test file of the format, and timelines, with scanTree and
// with encoding/json's tokens; valid timelines must take the fast way.
func TestScanTreeAgreesWithEncodingJSON(t *testing.T) {
	for _, text := range scanTexts {
		checkScan(t, []byte(text))
	}
	for _, tt := range parseErrorTests {
		src, _ := unmark(tt.file)
		checkScan(t, []byte(src))
	}
	for _, src := range timelineTexts(t) {
		if _, ok := scanTree(src); !ok {
			t.Errorf("scanTree refuses a valid timeline, which is then read the slow way:\n%.300s", src)
		}
		checkScan(t, src)
	}
	// Syntax errors keep encoding/json's messages and places.
	for _, text := range []string{`{"a":1,}`, "{\"a\":\"\x01\"}", `[1 2]`} {
		_, err := parseTree([]byte(text))
		_, want := readTree([]byte(text))
		if err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("parseTree(%q) = %v, want encoding/json's %v", text, err, want)
		}
	}
}

// FuzzScanTree checks scanTree against encoding/json on any input.
func FuzzScanTree(f *testing.F) {
	for _, text := range scanTexts {
		f.Add([]byte(text))
	}
	for _, src := range timelineTexts(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkScan(t, src)
	})
}

// dumpTree writes a tree for a failure message.
func dumpTree(n *node) string {
	var b strings.Builder
	var dump func(n *node, indent string)
	dump = func(n *node, indent string) {
		b.WriteString(indent)
		b.WriteString(n.kind.String())
		b.WriteString(" ")
		json.NewEncoder(&b).Encode([]any{n.offset, n.text, n.truth}) // ends the line
		for _, f := range n.fields {
			b.WriteString(indent + "  field " + f.name + "\n")
			dump(f.value, indent+"    ")
		}
		for _, item := range n.items {
			dump(item, indent+"  ")
		}
	}
	dump(n, "")
	return b.String()
}
