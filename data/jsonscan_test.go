package data

import (
	"bytes"
	"encoding/json"
	"errors"
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
	`[1,]`, `{"a":1,}`, `[True]`, `['a']`, `{'a':1}`, `{a:1}`, `[// c` + "\n" + `1]`, `[01]`, `[-]`, `[1.]`, `[1e]`,
	`"\u001b[2J"`, `"\u0000"`, `"a\u00"`, `"\ud83d\u0041"`, `"\ud83d\ud83d"`, "\"\r\"", "\"\x7f\x1b\"", "\xef\xbb",
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

// A refNode is a JSON value as encoding/json reads it, for parseTree's
// nodes to be compared with.
type refNode struct {
	kind   nodeKind
	truth  bool
	offset int32
	text   string
	kids   []refNode
}

// referenceTree reads src with encoding/json's tokens into the tree that
// parseTree must build, or fails where encoding/json does.
func referenceTree(src []byte) (*refNode, error) {
	r := referenceReader{dec: json.NewDecoder(bytes.NewReader(src)), src: src}
	r.dec.UseNumber()
	n, err := r.value()
	if err != nil {
		return nil, err
	}
	if rest := bytes.TrimLeft(src[r.dec.InputOffset():], " \t\r\n"); len(rest) > 0 {
		return nil, errors.New("text after the value")
	}
	return n, nil
}

type referenceReader struct {
	dec *json.Decoder
	src []byte
}

// token returns the next token and its offset: encoding/json reports
// where the previous token ended, before separators and white space.
func (r *referenceReader) token() (json.Token, int32, error) {
	off := r.dec.InputOffset()
	for off < int64(len(r.src)) && strings.IndexByte(" \t\r\n,:", r.src[off]) >= 0 {
		off++
	}
	tok, err := r.dec.Token()
	return tok, int32(off), err
}

func (r *referenceReader) value() (*refNode, error) {
	tok, off, err := r.token()
	if err != nil {
		return nil, err
	}
	n := &refNode{offset: off}
	switch t := tok.(type) {
	case nil:
		n.kind = nullNode
	case bool:
		n.kind, n.truth = boolNode, t
	case json.Number:
		n.kind, n.text = numberNode, t.String()
	case string:
		n.kind, n.text = stringNode, t
	case json.Delim:
		n.kind = arrayNode
		if t == '{' {
			n.kind = objectNode
		}
		for r.dec.More() {
			if n.kind == objectNode {
				key, keyOff, err := r.token()
				if err != nil {
					return nil, err
				}
				n.kids = append(n.kids, refNode{kind: stringNode, offset: keyOff, text: key.(string)})
			}
			item, err := r.value()
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, *item)
		}
		if _, _, err := r.token(); err != nil { // the closing ] or }
			return nil, err
		}
	}
	return n, nil
}

// checkScan fails t unless parseTree reads src as encoding/json does: into
// the same tree with the same offsets, or refusing it, with an error inside
// the file. It refuses more than encoding/json: bytes that are not UTF-8,
// halves of surrogate pairs and deep nesting, which encoding/json replaces
// or allows.
func checkScan(t *testing.T, src []byte) {
	t.Helper()
	got, se := parseTree(src)
	want, wantErr := referenceTree(src)
	if se != nil {
		if se.offset < 0 || int(se.offset) > len(src) || se.msg == "" {
			t.Fatalf("parseTree(%q): error %q at offset %d of %d", src, se.msg, se.offset, len(src))
		}
		if wantErr == nil && !strings.Contains(se.msg, "not UTF-8") && !strings.Contains(se.msg, "surrogate pair") &&
			!strings.Contains(se.msg, "nested more than") {
			t.Fatalf("parseTree refuses %q, which encoding/json accepts: %v", src, se)
		}
		return
	}
	if wantErr != nil {
		t.Fatalf("parseTree accepts %q, which encoding/json refuses: %v", src, wantErr)
	}
	if got := asRefNode(got); !reflect.DeepEqual(got, *want) {
		t.Fatalf("parseTree and encoding/json read %q differently:\n%s\nand\n%s", src, dumpTree(got), dumpTree(*want))
	}
}

// asRefNode copies a tree of nodes into refNodes.
func asRefNode(n *node) refNode {
	r := refNode{kind: n.kind, truth: n.truth, offset: n.offset, text: n.text()}
	for i := range n.kids() {
		r.kids = append(r.kids, asRefNode(&n.kids()[i]))
	}
	return r
}

// TestScanTreeAgreesWithEncodingJSON reads texts at the edges of JSON's
// grammar, every test file of the format, and timelines, with parseTree
// and with encoding/json's tokens.
func TestScanTreeAgreesWithEncodingJSON(t *testing.T) {
	for _, text := range scanTexts {
		checkScan(t, []byte(text))
	}
	for _, tt := range parseErrorTests {
		src, _ := unmark(tt.file)
		checkScan(t, []byte(src))
	}
	for _, src := range timelineTexts(t) {
		if _, se := parseTree(src); se != nil {
			t.Errorf("parseTree refuses a valid timeline: %v\n%.300s", se, src)
		}
		checkScan(t, src)
	}
}

// FuzzScanTree checks parseTree against encoding/json on any input.
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
func dumpTree(n refNode) string {
	var b strings.Builder
	var dump func(n refNode, indent string)
	dump = func(n refNode, indent string) {
		b.WriteString(indent)
		b.WriteString(n.kind.String())
		b.WriteString(" ")
		json.NewEncoder(&b).Encode([]any{n.offset, n.text, n.truth}) // ends the line
		for _, kid := range n.kids {
			dump(kid, indent+"  ")
		}
	}
	dump(n, "")
	return b.String()
}
