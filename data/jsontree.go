package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// A node is one JSON value and the byte offset where it starts, so that
// every error can point at the line and column an editor has to fix.
// encoding/json's decoding into structs loses those positions and stops at
// the first error; reading tokens keeps both.
type node struct {
	kind   nodeKind
	offset int64
	text   string // string value, or a number's literal text
	truth  bool   // boolean value
	fields []field
	items  []*node
}

// A field is one member of a JSON object, in file order.
type field struct {
	name   string
	offset int64
	value  *node
}

type nodeKind int

const (
	nullNode nodeKind = iota
	boolNode
	numberNode
	stringNode
	arrayNode
	objectNode
)

func (k nodeKind) String() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}[k]
}

// maxDepth bounds nesting: the format needs four levels, and a file nested
// thousands deep is an attack, not a timeline.
const maxDepth = 32

// A syntaxError is a file that is not JSON, at the offset where reading
// stopped.
type syntaxError struct {
	offset int64
	msg    string
}

func (e *syntaxError) Error() string { return e.msg }

// parseTree reads exactly one JSON value from src. A valid file is read by
// scanTree; any other by encoding/json, whose errors say what is wrong.
func parseTree(src []byte) (*node, error) {
	if n, ok := scanTree(src); ok {
		return n, nil
	}
	return readTree(src)
}

// readTree is parseTree with encoding/json's tokens, for the error of a
// file that is not valid JSON, with its offset.
func readTree(src []byte) (*node, error) {
	r := treeReader{dec: json.NewDecoder(bytes.NewReader(src)), src: src}
	r.dec.UseNumber()
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	// Only white space may follow; skipSpace would also pass over a stray
	// comma or colon, as in `{…},`.
	rest := src[r.dec.InputOffset():]
	if trimmed := bytes.TrimLeft(rest, " \t\r\n"); len(trimmed) > 0 {
		return nil, &syntaxError{int64(len(src) - len(trimmed)), "unexpected text after the end of the JSON value"}
	}
	return n, nil
}

type treeReader struct {
	dec *json.Decoder
	src []byte
}

// skipSpace returns the offset of the next token: encoding/json reports
// where the previous token ended, before separators and white space.
func (r *treeReader) skipSpace() int64 {
	off := r.dec.InputOffset()
	for off < int64(len(r.src)) && strings.IndexByte(" \t\r\n,:", r.src[off]) >= 0 {
		off++
	}
	return off
}

func (r *treeReader) token() (json.Token, int64, error) {
	off := r.skipSpace()
	tok, err := r.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			off, msg := locateSyntaxError(r.src, se)
			return nil, off, &syntaxError{off, "invalid JSON: " + msg}
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return nil, int64(len(r.src)), &syntaxError{int64(len(r.src)), "invalid JSON: the file ends before the value is complete"}
		}
		return nil, off, &syntaxError{off, "invalid JSON: " + err.Error()}
	}
	return tok, off, nil
}

func (r *treeReader) value(depth int) (*node, error) {
	tok, off, err := r.token()
	if err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, &syntaxError{off, fmt.Sprintf("nested more than %d levels deep", maxDepth)}
	}
	n := &node{offset: off}
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
		switch t {
		case '[':
			n.kind = arrayNode
			for r.dec.More() {
				item, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
		case '{':
			n.kind = objectNode
			for r.dec.More() {
				key, keyOff, err := r.token()
				if err != nil {
					return nil, err
				}
				v, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.fields = append(n.fields, field{name: key.(string), offset: keyOff, value: v})
			}
		}
		if _, _, err := r.token(); err != nil { // the closing ] or }
			return nil, err
		}
	}
	return n, nil
}

// locateSyntaxError returns the offset of the byte that breaks src's JSON
// grammar, and what is wrong with it. The offsets of Decoder.Token's errors
// cannot be trusted: some point at the offending byte, others count only the
// bytes that decoding string, number and literal tokens consumed, which
// lands far ahead of the error in an object. Checking the whole file again
// finds the same first error with the offset just after the offending byte.
func locateSyntaxError(src []byte, tokenErr *json.SyntaxError) (int64, string) {
	var raw json.RawMessage
	var se *json.SyntaxError
	if err := json.Unmarshal(src, &raw); errors.As(err, &se) && se.Offset > 0 {
		return se.Offset - 1, se.Error()
	}
	return tokenErr.Offset, tokenErr.Error()
}
