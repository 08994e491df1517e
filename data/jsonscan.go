package data

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseTree reads src, which must hold exactly one JSON value, into a
// tree, and returns its root; or it returns the *syntaxError that says
// where and why src is not JSON.
//
// It reads src twice. The first pass checks the syntax and counts the
// values, keys, and kids of every array and object; the second builds the
// tree in one slice of exactly as many nodes, each array's and object's
// kids side by side. Reading in one pass made slices grow by doubling,
// with the garbage of every smaller one, and a string and a node of 88
// bytes for every value: a file of 4 MiB made of "[0,0,0…" allocated 386
// times its size. Now a value costs its node's 24 bytes and an array or
// object 4 bytes more while the tree is built, whatever the file holds;
// TestParseMemory holds Parse to that.
//
// It accepts only what encoding/json accepts, into the same values (the
// fuzz test FuzzScanTree checks both), and refuses more: bytes that are
// not UTF-8, halves of UTF-16 surrogate pairs, and nesting deeper than
// maxDepth, which encoding/json would silently replace or allow.
func parseTree(src []byte) (*node, *syntaxError) {
	s := scanner{src: src}
	if err := s.check(); err != nil {
		return nil, err
	}
	t := &tree{text: string(src), nodes: make([]node, s.values)}
	b := builder{tree: t, counts: s.counts, free: 1}
	b.value(&t.nodes[0])
	return &t.nodes[0], nil
}

// A scanner checks the syntax of a JSON text and counts the children of
// each array and object.
type scanner struct {
	src []byte
	at  int
	// counts has, for each array and object in the order they open, how
	// many kids it has: items, or a key and a value for each field.
	counts []int32
	values int // how many values and keys the text holds
	// path is the way from the root to the value being read, for errors.
	path []step
}

// A step is a field (where its key is) or an item (its index) of the path
// to a value.
type step struct {
	key   int // offset of the field's key, or -1 for an array's item
	index int
}

func (s *scanner) check() *syntaxError {
	if len(s.src) >= 3 && string(s.src[:3]) == "\ufeff" {
		return s.fail(0, "the file begins with a byte order mark (U+FEFF), which JSON does not allow: save it as UTF-8 without one")
	}
	s.space()
	if s.at == len(s.src) {
		return s.fail(s.at, "the file is empty: a timeline is a JSON object, {…}")
	}
	if err := s.value(0); err != nil {
		return err
	}
	s.space()
	if s.at < len(s.src) {
		return s.fail(s.at, "found %s after the end of the JSON value: a file holds one value; remove what follows it", s.found(s.at))
	}
	return nil
}

// fail is a syntax error at offset, in the value that the scanner is in.
func (s *scanner) fail(offset int, format string, args ...any) *syntaxError {
	path := ""
	for _, st := range s.path {
		if st.key >= 0 {
			path = join(path, s.keyText(st.key))
		} else {
			path += index(st.index)
		}
	}
	return &syntaxError{offset: int32(offset), path: path, msg: fmt.Sprintf(format, args...)}
}

// space skips JSON's white space.
func (s *scanner) space() {
	for s.at < len(s.src) {
		switch s.src[s.at] {
		case ' ', '\t', '\n', '\r':
			s.at++
		default:
			return
		}
	}
}

// peek is the next byte, or 0 at the end of the file.
func (s *scanner) peek() byte {
	if s.at < len(s.src) {
		return s.src[s.at]
	}
	return 0
}

// aValue is what a value may be, for errors that expect one.
const aValue = "a value (a string in double quotes, a number, an object, an array, true, false or null)"

func (s *scanner) value(depth int) *syntaxError {
	s.values++
	if depth > maxDepth {
		return s.fail(s.at, "nested more than %d levels deep", maxDepth)
	}
	switch c := s.peek(); {
	case c == '{':
		return s.object(depth)
	case c == '[':
		return s.array(depth)
	case c == '"':
		return s.string()
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	case s.literal("true"), s.literal("false"), s.literal("null"):
		return nil
	case s.at == len(s.src):
		return s.fail(s.at, "the file ends where %s should be", aValue)
	case c == '\'':
		return s.fail(s.at, "found a single quote ('): JSON's strings take double quotes (\")")
	case c == '/':
		return s.fail(s.at, "found /: JSON has no comments")
	}
	word := s.word(s.at)
	switch word {
	case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
		return s.fail(s.at, "found %s: JSON's literals are true, false and null, in lowercase", word)
	}
	return s.fail(s.at, "expected %s, found %s", aValue, s.found(s.at))
}

// literal consumes word if it comes next, as a whole word.
func (s *scanner) literal(word string) bool {
	end := s.at + len(word)
	if end > len(s.src) || string(s.src[s.at:end]) != word || end < len(s.src) && isWordByte(s.src[end]) {
		return false
	}
	s.at = end
	return true
}

func (s *scanner) array(depth int) *syntaxError {
	slot := len(s.counts)
	s.counts = append(s.counts, 0)
	s.at++ // [
	s.space()
	if s.peek() == ']' {
		s.at++
		return nil
	}
	for i := 0; ; i++ {
		s.path = append(s.path, step{key: -1, index: i})
		err := s.value(depth + 1)
		s.path = s.path[:len(s.path)-1]
		if err != nil {
			return err
		}
		s.counts[slot]++
		s.space()
		switch s.peek() {
		case ']':
			s.at++
			return nil
		case ',':
			comma := s.at
			s.at++
			s.space()
			if s.peek() == ']' {
				return s.fail(comma, "a trailing comma before ]: remove it")
			}
		default:
			return s.expected(", or ] after the array's item", "array", ']', true)
		}
	}
}

func (s *scanner) object(depth int) *syntaxError {
	slot := len(s.counts)
	s.counts = append(s.counts, 0)
	s.at++ // {
	s.space()
	if s.peek() == '}' {
		s.at++
		return nil
	}
	for {
		key := s.at
		switch c := s.peek(); {
		case c == '"':
			if err := s.string(); err != nil {
				return err
			}
			s.values++
		case c == '\'':
			return s.fail(s.at, "found a single quote ('): a field's name takes double quotes (\")")
		default:
			return s.expected("a field's name in double quotes", "object", '}', false)
		}
		s.space()
		if s.peek() != ':' {
			return s.expected(": after the field's name "+strconv.Quote(s.keyText(key)), "object", '}', false)
		}
		s.at++
		s.space()
		s.path = append(s.path, step{key: key})
		err := s.value(depth + 1)
		s.path = s.path[:len(s.path)-1]
		if err != nil {
			return err
		}
		s.counts[slot] += 2
		s.space()
		switch s.peek() {
		case '}':
			s.at++
			return nil
		case ',':
			comma := s.at
			s.at++
			s.space()
			if s.peek() == '}' {
				return s.fail(comma, "a trailing comma before }: remove it")
			}
		default:
			return s.expected(", or } after the field "+strconv.Quote(s.keyText(key)), "object", '}', true)
		}
	}
}

// expected is the error of finding something else than what, in an array
// or object that closes with closer. After a value, what is a separator,
// and a second value where one was expected means a missing comma.
func (s *scanner) expected(what, container string, closer byte, separator bool) *syntaxError {
	if s.at == len(s.src) {
		return s.fail(s.at, "the file ends before this %s is closed: a %c is missing", container, closer)
	}
	hint := ""
	if c := s.peek(); separator && (c == '"' || c == '{' || c == '[' || c == '-' || '0' <= c && c <= '9' ||
		s.word(s.at) == "true" || s.word(s.at) == "false" || s.word(s.at) == "null") {
		hint = ": is a comma missing?"
	}
	return s.fail(s.at, "expected %s, found %s%s", what, s.found(s.at), hint)
}

// string checks a string, at its opening quote.
func (s *scanner) string() *syntaxError {
	start := s.at
	s.at++
	for s.at < len(s.src) {
		switch c := s.src[s.at]; {
		case c == '"':
			s.at++
			return nil
		case c == '\\':
			if err := s.escape(); err != nil {
				return err
			}
		case c == '\n' || c == '\r':
			return s.fail(s.at, "the line ends inside a string: close the string with \" before the end of the line, or write a line break as \\n")
		case c == '\t':
			return s.fail(s.at, "a tab inside a string: write it as \\t")
		case c < ' ':
			return s.fail(s.at, "a control character (U+%04X) inside a string: remove it", c)
		case c < utf8.RuneSelf:
			s.at++
		default:
			r, size := utf8.DecodeRune(s.src[s.at:])
			if r == utf8.RuneError && size == 1 {
				return s.fail(s.at, "the byte 0x%02X is not UTF-8: save the file as UTF-8", c)
			}
			s.at += size
		}
	}
	return s.fail(start, "the file ends inside this string: a closing \" is missing")
}

// escape checks an escape sequence in a string, at its backslash.
func (s *scanner) escape() *syntaxError {
	if s.at+1 >= len(s.src) {
		return s.fail(s.at, "the file ends inside a string: a closing \" is missing")
	}
	switch s.src[s.at+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		s.at += 2
		return nil
	case 'u':
	default:
		r, _ := utf8.DecodeRune(s.src[s.at+1:])
		return s.fail(s.at, `an unknown escape \%s in a string: JSON's are \" \\ \/ \b \f \n \r \t and \uXXXX; write \\ for a backslash`, visible(r))
	}
	r, ok := s.hex4(s.at)
	if !ok {
		return s.fail(s.at, `expected four hexadecimal digits after \u, like \u00e9, found %s`, strconv.Quote(string(s.src[s.at:min(s.at+6, len(s.src))])))
	}
	at := s.at
	s.at += 6
	switch {
	case 0xdc00 <= r && r <= 0xdfff:
		return s.fail(at, `\u%04x is the second half of a UTF-16 surrogate pair, without its first half`, r)
	case 0xd800 <= r && r <= 0xdbff:
		if low, ok := s.hex4(s.at); ok && 0xdc00 <= low && low <= 0xdfff {
			s.at += 6
			return nil
		}
		return s.fail(at, `\u%04x is the first half of a UTF-16 surrogate pair, without its second half`, r)
	}
	return nil
}

// hex4 reads the \uXXXX escape at offset, if it is one.
func (s *scanner) hex4(offset int) (rune, bool) {
	if offset+6 > len(s.src) || s.src[offset] != '\\' || s.src[offset+1] != 'u' {
		return 0, false
	}
	n, err := strconv.ParseUint(string(s.src[offset+2:offset+6]), 16, 16)
	if err != nil {
		return 0, false
	}
	return rune(n), true
}

// number checks a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() *syntaxError {
	start := s.at
	s.skip('-')
	switch {
	case s.skip('0'):
		if s.digits() > 0 {
			return s.fail(start, "a number may not begin with 0 (found %s): write it without the leading zeros", s.found(start))
		}
	case s.digits() == 0:
		return s.fail(start, "expected a digit after -, found %s", s.found(s.at))
	}
	if s.skip('.') && s.digits() == 0 {
		return s.fail(s.at, "expected a digit after the decimal point, found %s", s.found(s.at))
	}
	if s.skip('e') || s.skip('E') {
		if !s.skip('+') {
			s.skip('-')
		}
		if s.digits() == 0 {
			return s.fail(s.at, "expected a digit in the number's exponent, found %s", s.found(s.at))
		}
	}
	return nil
}

// skip consumes c if it comes next.
func (s *scanner) skip(c byte) bool {
	if s.peek() == c && s.at < len(s.src) {
		s.at++
		return true
	}
	return false
}

// digits consumes digits and returns how many.
func (s *scanner) digits() int {
	start := s.at
	for s.at < len(s.src) && '0' <= s.src[s.at] && s.src[s.at] <= '9' {
		s.at++
	}
	return s.at - start
}

// word is the run of ASCII letters, digits, _, . + and - at offset, up to
// 40 bytes: a literal, a number or a word that is neither.
func (s *scanner) word(offset int) string {
	end := offset
	for end < len(s.src) && end-offset < 40 && isWordByte(s.src[end]) {
		end++
	}
	return string(s.src[offset:end])
}

func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '+' || c == '-'
}

// found says what is at offset, for "expected X, found Y": the end of the
// file, a string, a word or a character, quoted unless it is punctuation
// or a word, so that no control character reaches a terminal.
func (s *scanner) found(offset int) string {
	if offset >= len(s.src) {
		return "the end of the file"
	}
	c := s.src[offset]
	if c == '"' {
		end := offset + 1
		for end < len(s.src) && end-offset <= 40 && s.src[end] != '"' && s.src[end] != '\n' && s.src[end] != '\\' {
			end++
		}
		text := string(s.src[offset+1 : end])
		if end < len(s.src) && s.src[end] == '"' {
			return "the string " + strconv.Quote(text)
		}
		return "the string " + strconv.Quote(text) + "…"
	}
	if w := s.word(offset); w != "" {
		return w
	}
	if strings.IndexByte("{}[],:", c) >= 0 {
		return string(c)
	}
	r, _ := utf8.DecodeRune(s.src[offset:])
	return quotedRune(r)
}

// quotedRune is r in single quotes, escaped unless it is visible.
func quotedRune(r rune) string {
	if r == utf8.RuneError {
		return "a byte that is not UTF-8"
	}
	return strconv.QuoteRuneToGraphic(r)
}

// visible is r itself when it is a visible character, else its code point.
func visible(r rune) string {
	if r != utf8.RuneError && r != ' ' && unicode.IsGraphic(r) {
		return string(r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// keyText is the name of the field whose key starts at offset: a string
// that check has found valid.
func (s *scanner) keyText(offset int) string {
	end := offset + 1
	for s.src[end] != '"' {
		if s.src[end] == '\\' {
			end++
		}
		end++
	}
	return unescape(string(s.src[offset+1 : end]))
}

// A builder reads a text that a scanner has checked into its tree.
type builder struct {
	tree   *tree
	at     int
	counts []int32 // the scanner's
	next   int     // index in counts of the next array or object
	free   int32   // index in tree.nodes of the first node not yet given
}

func (b *builder) space() {
	text := b.tree.text
	for b.at < len(text) && (text[b.at] == ' ' || text[b.at] == '\t' || text[b.at] == '\n' || text[b.at] == '\r') {
		b.at++
	}
}

// value reads the value at b.at into n.
func (b *builder) value(n *node) {
	b.space()
	text := b.tree.text
	n.tree, n.offset = b.tree, int32(b.at)
	switch c := text[b.at]; {
	case c == '{' || c == '[':
		n.kind = arrayNode
		if c == '{' {
			n.kind = objectNode
		}
		n.first, n.count = b.free, b.counts[b.next]
		b.free += n.count
		b.next++
		b.at++
		kids := n.kids()
		for i := range kids {
			if n.kind == objectNode && i%2 == 0 {
				b.space()
				b.string(&kids[i])
				b.space()
				b.at++ // :
				continue
			}
			b.value(&kids[i])
			b.space()
			b.at++ // , or the closing bracket
		}
		if len(kids) == 0 {
			b.space()
			b.at++ // the closing bracket
		}
	case c == '"':
		b.string(n)
	case c == 't':
		n.kind, n.truth = boolNode, true
		b.at += len("true")
	case c == 'f':
		n.kind = boolNode
		b.at += len("false")
	case c == 'n':
		n.kind = nullNode
		b.at += len("null")
	default:
		start := b.at
		for b.at < len(text) && strings.IndexByte("+-.0123456789eE", text[b.at]) >= 0 {
			b.at++
		}
		n.kind, n.first, n.count = numberNode, int32(start), int32(b.at-start)
	}
}

// string reads a string, at its opening quote, into n.
func (b *builder) string(n *node) {
	text := b.tree.text
	n.tree, n.kind, n.offset = b.tree, stringNode, int32(b.at)
	b.at++
	start := b.at
	for text[b.at] != '"' {
		if text[b.at] == '\\' {
			b.at++
			n.escaped = true
		}
		b.at++
	}
	if n.escaped {
		n.first = int32(len(b.tree.unescaped))
		b.tree.unescaped = append(b.tree.unescaped, unescape(text[start:b.at]))
	} else {
		n.first, n.count = int32(start), int32(b.at-start)
	}
	b.at++
}

// unescape decodes the text between a string's quotes, which a scanner
// has checked.
func unescape(raw string) string {
	if strings.IndexByte(raw, '\\') < 0 {
		return raw
	}
	var out strings.Builder
	out.Grow(len(raw))
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			out.WriteByte(c)
			i++
			continue
		}
		switch e := raw[i+1]; e {
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r := hexRune(raw[i+2 : i+6])
			if 0xd800 <= r && r <= 0xdbff { // the scanner checked that the second half follows
				i += 6
				r = (r-0xd800)<<10 | (hexRune(raw[i+2:i+6]) - 0xdc00) + 0x10000
			}
			out.WriteRune(r)
			i += 6
			continue
		default: // " \ /
			out.WriteByte(e)
		}
		i += 2
	}
	return out.String()
}

func hexRune(hex string) rune {
	n, _ := strconv.ParseUint(hex, 16, 16)
	return rune(n)
}
