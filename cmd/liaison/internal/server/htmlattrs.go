package server

import (
	"bytes"
	"slices"
	"strconv"
)

// go-app writes an element's attributes in the order of a Go map, which
// changes from one render to the next: two renders of the same page differ
// in bytes while they mean the same. liaison export writes each page with
// its attributes sorted, so that the same input gives the same files.

// sortAttributes returns page with the attributes of every start tag in
// the order of their names. It reads tags as go-app writes them, <name
// followed by attributes that are a bare name or name="…" quoted as Go
// quotes strings, then >; a tag written otherwise is left as it is, and so
// is the content of script and style elements.
func sortAttributes(page []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(page))
	for {
		i := bytes.IndexByte(page, '<')
		if i < 0 {
			out.Write(page)
			return out.Bytes()
		}
		out.Write(page[:i])
		page = page[i:]
		name, attrs, n := readStartTag(page)
		if n == 0 {
			out.WriteByte('<')
			page = page[1:]
			continue
		}
		slices.SortStableFunc(attrs, func(a, b tagAttribute) int { return bytes.Compare(a.name, b.name) })
		out.WriteByte('<')
		out.Write(name)
		for _, a := range attrs {
			out.WriteByte(' ')
			out.Write(a.text)
		}
		out.WriteByte('>')
		page = page[n:]
		if raw := string(name); raw == "script" || raw == "style" {
			end := bytes.Index(page, []byte("</"+raw+">"))
			if end < 0 {
				end = len(page)
			}
			out.Write(page[:end])
			page = page[end:]
		}
	}
}

// A tagAttribute is an attribute of a start tag: its name, and its whole
// text (name or name="value").
type tagAttribute struct {
	name, text []byte
}

// readStartTag reads the start tag at the beginning of b: its element's
// name, its attributes and its length, or a length of 0 when b does not
// start with a tag as go-app writes them.
func readStartTag(b []byte) (name []byte, attrs []tagAttribute, n int) {
	i := 1
	for i < len(b) && (isLetter(b[i]) || i > 1 && (isDigit(b[i]) || b[i] == '-')) {
		i++
	}
	if i == 1 {
		return nil, nil, 0
	}
	name = b[1:i]
	for i < len(b) && b[i] == ' ' {
		start := i + 1
		j := start
		for j < len(b) && isAttributeNameByte(b[j]) {
			j++
		}
		if j == start {
			return nil, nil, 0
		}
		a := tagAttribute{name: b[start:j]}
		if j < len(b) && b[j] == '=' {
			quoted, err := strconv.QuotedPrefix(string(b[j+1:]))
			if err != nil || quoted[0] != '"' {
				return nil, nil, 0
			}
			j += 1 + len(quoted)
		}
		a.text = b[start:j]
		attrs = append(attrs, a)
		i = j
	}
	if i >= len(b) || b[i] != '>' {
		return nil, nil, 0
	}
	return name, attrs, i + 1
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// isAttributeNameByte reports whether c may be in an attribute's name as
// go-app writes them (HTML allows more; go-app writes no others).
func isAttributeNameByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '-' || c == '_' || c == ':' || c == '.'
}
