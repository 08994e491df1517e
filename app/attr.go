package app

import (
	"strconv"
	"strings"
	"unicode"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app writes the attributes of the prerendered page with strconv.Quote,
// which quotes for Go, not for HTML: a double quote in a name would end the
// attribute and let the rest of the name add attributes such as onfocus, a
// backslash would show doubled, and a value of "true" is written as a bare
// attribute, which ARIA reads as no value at all. In the browser go-app sets
// attributes directly and none of this happens.

// attr is s made exact as an attribute value in both renders. On the server
// every character that HTML or Go quoting would alter is written as a
// numeric character reference, which strconv.Quote leaves alone and the
// browser decodes back to s; so is the first letter of "true". In the
// browser s is returned as it is. Every attribute value that comes from a
// timeline, a URL or a boolean goes through it.
func attr(s string) string {
	if goapp.IsClient || !needsReference(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune(`"&<>'\`, r) || !strconv.IsPrint(r) || (s == "true" && i == 0) {
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsReference(s string) bool {
	if s == "true" {
		return true
	}
	for _, r := range s {
		if strings.ContainsRune(`"&<>'\`, r) || !strconv.IsPrint(r) {
			return true
		}
	}
	return false
}

// ariaTrue is "true" for ARIA attributes (aria-hidden, aria-pressed…).
var ariaTrue = attr("true")

// ariaBool is an ARIA boolean.
func ariaBool(b bool) string {
	if b {
		return ariaTrue
	}
	return "false"
}

// attrText makes text safe both as an element's text and as an attribute
// value, for the page's title and description, which go-app writes as the
// <title> element's text and again in meta attributes: double quotes become
// typographic ones, backslashes a look-alike, spaces plain spaces, and
// other invisible characters go.
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
