package data

import (
	"encoding/json"
	"unicode/utf8"
)

// scanTree reads src into the tree that parseTree returns, when src is
// valid JSON, without encoding/json's Decoder.Token: that allocates for
// every token and builds an error value for every number and string it
// reads, which was half of Parse's time and most of its allocations. It
// reports false for anything it does not accept (invalid JSON, nesting
// beyond maxDepth, text after the value), and parseTree then reads src
// with encoding/json, whose errors the user sees. So it must never accept
// what encoding/json refuses, and must read what it accepts into the same
// tree: strings with escapes or bytes that are not UTF-8 are decoded by
// encoding/json itself.
func scanTree(src []byte) (*node, bool) {
	s := scanner{src: src}
	s.space()
	n, ok := s.value(0)
	if !ok {
		return nil, false
	}
	s.space()
	return n, s.at == len(src)
}

type scanner struct {
	src []byte
	at  int
	// nodes are allocated in blocks: one allocation for many.
	nodes []node
}

func (s *scanner) newNode(kind nodeKind, offset int) *node {
	if len(s.nodes) == cap(s.nodes) {
		s.nodes = make([]node, 0, 256)
	}
	s.nodes = append(s.nodes, node{kind: kind, offset: int64(offset)})
	return &s.nodes[len(s.nodes)-1]
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

// next skips white space and reports whether the next byte is c, which it
// then consumes.
func (s *scanner) next(c byte) bool {
	s.space()
	if s.at < len(s.src) && s.src[s.at] == c {
		s.at++
		return true
	}
	return false
}

func (s *scanner) value(depth int) (*node, bool) {
	if depth > maxDepth || s.at >= len(s.src) {
		return nil, false
	}
	start := s.at
	switch c := s.src[s.at]; {
	case c == '{':
		s.at++
		n := s.newNode(objectNode, start)
		if s.next('}') {
			return n, true
		}
		for {
			s.space()
			keyAt := s.at
			key, ok := s.string()
			if !ok || !s.next(':') {
				return nil, false
			}
			s.space()
			v, ok := s.value(depth + 1)
			if !ok {
				return nil, false
			}
			n.fields = append(n.fields, field{name: key, offset: int64(keyAt), value: v})
			if s.next('}') {
				return n, true
			}
			if !s.next(',') {
				return nil, false
			}
		}
	case c == '[':
		s.at++
		n := s.newNode(arrayNode, start)
		if s.next(']') {
			return n, true
		}
		for {
			s.space()
			v, ok := s.value(depth + 1)
			if !ok {
				return nil, false
			}
			n.items = append(n.items, v)
			if s.next(']') {
				return n, true
			}
			if !s.next(',') {
				return nil, false
			}
		}
	case c == '"':
		text, ok := s.string()
		if !ok {
			return nil, false
		}
		n := s.newNode(stringNode, start)
		n.text = text
		return n, true
	case c == '-' || ('0' <= c && c <= '9'):
		if !s.number() {
			return nil, false
		}
		n := s.newNode(numberNode, start)
		n.text = string(s.src[start:s.at])
		return n, true
	case s.literal("true"):
		n := s.newNode(boolNode, start)
		n.truth = true
		return n, true
	case s.literal("false"):
		return s.newNode(boolNode, start), true
	case s.literal("null"):
		return s.newNode(nullNode, start), true
	}
	return nil, false
}

// literal consumes word if it comes next.
func (s *scanner) literal(word string) bool {
	if len(s.src)-s.at >= len(word) && string(s.src[s.at:s.at+len(word)]) == word {
		s.at += len(word)
		return true
	}
	return false
}

// string reads a string, at its opening quote, as encoding/json decodes it.
func (s *scanner) string() (string, bool) {
	if s.at >= len(s.src) || s.src[s.at] != '"' {
		return "", false
	}
	start := s.at
	s.at++
	plain := true // no escape and only UTF-8: the text is the bytes
	for s.at < len(s.src) {
		c := s.src[s.at]
		switch {
		case c == '"':
			s.at++
			raw := s.src[start:s.at]
			if plain {
				return string(raw[1 : len(raw)-1]), true
			}
			var text string
			if err := json.Unmarshal(raw, &text); err != nil {
				return "", false
			}
			return text, true
		case c < ' ':
			return "", false
		case c == '\\':
			plain = false
			if s.at+1 >= len(s.src) {
				return "", false
			}
			switch s.src[s.at+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.at += 2
			case 'u':
				if s.at+6 > len(s.src) {
					return "", false
				}
				for _, h := range s.src[s.at+2 : s.at+6] {
					if !isHex(h) {
						return "", false
					}
				}
				s.at += 6
			default:
				return "", false
			}
		case c < utf8.RuneSelf:
			s.at++
		default:
			r, size := utf8.DecodeRune(s.src[s.at:])
			if r == utf8.RuneError && size == 1 {
				plain = false // encoding/json makes it U+FFFD
			}
			s.at += size
		}
	}
	return "", false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number reads a number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() bool {
	s.skip('-')
	switch {
	case s.skip('0'):
	case s.digits() == 0:
		return false
	}
	if s.skip('.') && s.digits() == 0 {
		return false
	}
	if s.skip('e') || s.skip('E') {
		if !s.skip('+') {
			s.skip('-')
		}
		if s.digits() == 0 {
			return false
		}
	}
	return true
}

// skip consumes c if it comes next.
func (s *scanner) skip(c byte) bool {
	if s.at < len(s.src) && s.src[s.at] == c {
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
