package app

import (
	"html"
	"strconv"
	"strings"
	"testing"
)

func TestAttrText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Imogen Poots", "Imogen Poots"},
		{`Dwayne "The Rock" Johnson`, "Dwayne “The Rock” Johnson"},
		{`"Quoted" ("and" this)`, "“Quoted” (“and” this)"},
		{`a\b`, "a⧵b"},
		{"no\u00a0break\ttab\nline", "no break tab line"},
		{"soft\u00adhyphen", "softhyphen"},
		{"<script>'", "<script>'"},
		{"Zoë – “Bea” 💍", "Zoë – “Bea” 💍"},
	}
	for _, tt := range tests {
		// What go-app writes is the value quoted as Go does; it must be
		// the value itself between quotes, for a browser to read it back.
		if got := attrText(tt.in); got != tt.want || strconv.Quote(got) != `"`+got+`"` {
			t.Errorf("attrText(%q) = %q, written as %s; want %q", tt.in, got, strconv.Quote(got), tt.want)
		}
	}
}

// TestAttrIsExact checks that what go-app's server writes for attr(s) is
// read back by a browser as s exactly, and never ends the attribute.
func TestAttrIsExact(t *testing.T) {
	for _, s := range []string{
		"Imogen Poots",
		`Dwayne "The Rock" Johnson`,
		`" onfocus="alert(1)`,
		`a\b`,
		"AT&amp;T <b>'x'</b>",
		"no\u00a0break\ttab\nline\u2028",
		"Zoë – “Bea” 💍",
		"https://example.com/?a=1&b=\"2\"",
		"true",
		"",
	} {
		written := strconv.Quote(attr(s))
		inner := written[1 : len(written)-1]
		if inner != attr(s) {
			t.Errorf("attr(%q) = %q is altered by go-app's quoting into %s", s, attr(s), written)
		}
		if strings.ContainsAny(inner, `"\`) || (s == "true" && inner == "true") {
			t.Errorf("attr(%q) is written as %s, which a browser misreads", s, written)
		}
		if got := html.UnescapeString(inner); got != s {
			t.Errorf("a browser reads attr(%q), written %s, as %q", s, written, got)
		}
	}
	if ariaBool(true) == "true" || html.UnescapeString(ariaBool(true)) != "true" || ariaBool(false) != "false" {
		t.Errorf("ariaBool = %q, %q", ariaBool(true), ariaBool(false))
	}
}
