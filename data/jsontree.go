package data

import (
	"iter"
	"strconv"
	"unicode/utf8"
)

// A tree is a JSON text read into nodes, so that every error can point at
// the line and column an editor has to fix: encoding/json's decoding into
// structs loses those positions and stops at the first error.
//
// A file can hold a value in every two bytes ("[0,0,0…"), so the tree is
// most of the memory that reading a file takes: a node is 24 bytes, every
// node is in one slice of exactly the length the file needs, and strings
// are slices of one copy of the file's text. See parseTree.
type tree struct {
	text      string   // the file: strings without escapes and numbers are slices of it
	nodes     []node   // every value and key; the kids of each array and object side by side
	unescaped []string // the strings with escapes, decoded
}

// A node is one JSON value, or the key of an object's field, and the byte
// offset where it starts.
type node struct {
	tree *tree
	// offset is where the value starts. 32 bits hold the offsets of any
	// file within MaxFileSize.
	offset int32
	// An array's or object's kids are tree.nodes[first:first+count]; a
	// string's or number's text is tree.text[first:first+count], or
	// tree.unescaped[first] when escaped.
	first, count int32
	kind         nodeKind
	truth        bool // a boolean's value
	escaped      bool
}

// MaxFileSize must fit node.offset.
var _ int32 = MaxFileSize

// text is a string's value, or a number's literal.
func (n *node) text() string {
	switch {
	case n.kind != stringNode && n.kind != numberNode:
		return ""
	case n.escaped:
		return n.tree.unescaped[n.first]
	}
	return n.tree.text[n.first : n.first+n.count]
}

// kids are an array's items, or an object's fields as pairs: the key (a
// string node: the field's name and where it is), then the value.
func (n *node) kids() []node {
	if n.kind != arrayNode && n.kind != objectNode {
		return nil
	}
	return n.tree.nodes[n.first : n.first+n.count]
}

// fields yields the key and the value of each field of an object, in file
// order.
func (n *node) fields() iter.Seq2[*node, *node] {
	return func(yield func(key, value *node) bool) {
		kids := n.kids()
		for i := 0; i+1 < len(kids); i += 2 {
			if !yield(&kids[i], &kids[i+1]) {
				return
			}
		}
	}
}

type nodeKind uint8

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

// A syntaxError is a file that is not JSON: where reading stopped, in
// which value, and what was wrong there, in words an editor acts on.
type syntaxError struct {
	offset int32
	path   string // like people[2].name; empty for the file as a whole
	msg    string
}

func (e *syntaxError) Error() string {
	if e.path == "" {
		return e.msg
	}
	return e.path + ": " + e.msg
}

// join is the path of the field name of the value at path. A name that is
// not made of letters, digits, _ and $ (an unknown field's, from the file)
// is quoted and, past maxNameShown characters, cut, so that a path is
// always a short line of visible text.
func join(path, name string) string {
	if !isPlainName(name) || len(name) > maxNameShown {
		return path + "[" + quoteCut(name) + "]"
	}
	if path == "" {
		return name
	}
	return path + "." + name
}

// maxNameShown is the most characters of a name from the file that a path
// shows: field names of the format are under 15.
const maxNameShown = 40

func isPlainName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range []byte(name) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '$') {
			return false
		}
	}
	return true
}

// quoteCut is s quoted, with its control and invisible characters
// escaped, and cut after maxNameShown characters.
func quoteCut(s string) string {
	if utf8.RuneCountInString(s) <= maxNameShown {
		return strconv.Quote(s)
	}
	return strconv.Quote(string([]rune(s)[:maxNameShown])) + "…"
}

// index is the path segment of an array's item i.
func index(i int) string { return "[" + strconv.Itoa(i) + "]" }

// itemPath is the path of the item i of the array at path, in one
// allocation: it is made for every item of every list.
func itemPath(path string, i int) string {
	var digits [20]byte
	return path + "[" + string(strconv.AppendInt(digits[:0], int64(i), 10)) + "]"
}
