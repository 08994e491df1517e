package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// attrText makes text from a timeline safe as an attribute value in the
// prerendered page. go-app writes attribute values with strconv.Quote, which
// escapes for Go, not for HTML: a straight double quote would end the
// attribute and let the rest of the text add attributes such as onfocus,
// and a backslash or an invisible character would show as an escape
// sequence. So double quotes become typographic ones, backslashes a
// look-alike, spaces plain spaces, and other invisible characters go.
func attrText(s string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		switch {
		case r == '"' && (unicode.IsSpace(prev) || strings.ContainsRune("([{“‘", prev)):
			b.WriteRune('“')
		case r == '"':
			b.WriteRune('”')
		case r == '\\':
			b.WriteRune('⧵')
		case strconv.IsPrint(r):
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		}
		prev = r
	}
	return b.String()
}

// attrURL is attrText for a link: what it would change is percent-encoded
// instead, which leaves where the link goes as it was.
func attrURL(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '"' || r == '\\' || !strconv.IsPrint(r) {
			for _, c := range []byte(string(r)) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
