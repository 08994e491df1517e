package app

import (
	"strconv"
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

func TestAttrURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a?b=c#d", "https://example.com/a?b=c#d"},
		{`https://example.com/?q="onmouseover=alert(1)//`, "https://example.com/?q=%22onmouseover=alert(1)//"},
		{`https://example.com/a\b`, "https://example.com/a%5Cb"},
		{"https://example.com/a\u00a0b", "https://example.com/a%C2%A0b"},
		{"https://de.wikipedia.org/wiki/Zoë", "https://de.wikipedia.org/wiki/Zoë"},
	}
	for _, tt := range tests {
		if got := attrURL(tt.in); got != tt.want || strconv.Quote(got) != `"`+got+`"` {
			t.Errorf("attrURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
