// Package locale is what a page needs to speak its reader's language:
// its interface strings, and the CLDR data that writes dates, numbers and
// plurals in it. The server (package locales) makes the Locale of a
// page's language, from the catalogue files and the CLDR data it links,
// and puts it into the page as JSON; the WebAssembly reads it from there.
// So a reader downloads one language, and the WebAssembly carries the
// formatting code alone, never the data of every language.
package locale

import (
	"strconv"
	"strings"
	"unicode"
)

// A Locale is one language's strings and formatting data.
type Locale struct {
	// Lang is the language it was made for, as the page asked.
	Lang string `json:"lang"`
	// Tag is the page's language, a BCP 47 tag: <html lang>. It is Lang,
	// or when CLDR knows no such language (Unknown), the timeline's.
	Tag     string `json:"tag"`
	Unknown bool   `json:"unknown,omitempty"`
	// Dir is the direction of its script, "ltr" or "rtl": <html dir>.
	Dir string `json:"dir"`
	// Messages are the interface strings by id, each the language's own
	// or, where it has none, English's: every id the pages use is here.
	Messages map[string]Message `json:"messages"`
	// CLDR is how the language writes dates, numbers and plurals.
	CLDR CLDR `json:"cldr"`
}

// A Message is one interface string, with the plural forms of languages
// whose words change with a number: "other" always, and "zero", "one",
// "two", "few" or "many" where the language has them (CLDR's plural
// categories). Its text may hold placeholders, {{.Name}}, as go-i18n
// writes them.
type Message map[string]string

// RTL reports whether the locale's script runs right to left.
func (l *Locale) RTL() bool { return l.Dir == "rtl" }

// Text is the message id with its placeholders filled from args, name
// and value in turn: Text("showing", "People", "Lily Allen"). A message
// the locale lacks reads as its id, which tests catch (every id the code
// names is in the English file).
func (l *Locale) Text(id string, args ...string) string {
	m, ok := l.Messages[id]
	if !ok {
		return id
	}
	return l.fill(m["other"], args)
}

// Count is the message id in the plural form for n, with {{.Count}} as
// n written in the language's digits, and the other placeholders from
// args: "1 relationship", "2 relationships", "5 związków".
func (l *Locale) Count(id string, n int, args ...string) string {
	m, ok := l.Messages[id]
	if !ok {
		return id
	}
	text, ok := m[l.CLDR.PluralCategory(n)]
	if !ok {
		text = m["other"]
	}
	return l.fill(text, append([]string{"Count", l.CLDR.Integer(n)}, args...))
}

// fill replaces each {{.Name}} in text by its value in args, name and
// value in turn. A placeholder args does not name stays as it is.
//
// A value of the other direction than its sentence's (a Latin name in an
// Arabic sentence, an Arabic name in an English one) is isolated, in
// Unicode's first-strong isolate (U+2068 … U+2069). Its punctuation and
// numbers then stay with it, where the sentence's direction would move
// them ("Lily Allen (singer)" read as "(Lily Allen (singer" in Arabic),
// and the sentence's words stay in their order around it (Unicode's
// bidirectional algorithm, UAX #9). A sentence runs the way its first
// letter does: English's, where a right-to-left language lacks the
// message, is left to right, and its Latin names are left as they are.
// So is every string of a left-to-right page about left-to-right names.
func (l *Locale) fill(text string, args []string) string {
	if !strings.Contains(text, "{{") {
		return text
	}
	rtl := firstStrongRTL(text, l.RTL())
	var b strings.Builder
	for {
		start := strings.Index(text, "{{.")
		if start < 0 {
			break
		}
		end := strings.Index(text[start:], "}}")
		if end < 0 {
			break
		}
		name := strings.TrimSpace(text[start+3 : start+end])
		b.WriteString(text[:start])
		value := text[start : start+end+2]
		for i := 0; i+1 < len(args); i += 2 {
			if args[i] == name {
				value = isolated(args[i+1], rtl)
				break
			}
		}
		b.WriteString(value)
		text = text[start+end+2:]
	}
	b.WriteString(text)
	return b.String()
}

// Unicode's first-strong isolate and its end.
const (
	firstStrongIsolate    = "\u2068"
	popDirectionalIsolate = "\u2069"
)

// firstStrongRTL reports whether the first letter of text outside its
// placeholders is of a right-to-left script; without letters, rtl.
func firstStrongRTL(text string, rtl bool) bool {
	for text != "" {
		start := strings.Index(text, "{{")
		if start < 0 {
			start = len(text)
		}
		for _, r := range text[:start] {
			if unicode.IsLetter(r) {
				return rightToLeft(r)
			}
		}
		end := strings.Index(text[start:], "}}")
		if end < 0 {
			break
		}
		text = text[start+end+2:]
	}
	return rtl
}

// isolated is value, isolated when it holds a letter of the other
// direction than rtl says.
func isolated(value string, rtl bool) string {
	for _, r := range value {
		if unicode.IsLetter(r) && rightToLeft(r) != rtl {
			return firstStrongIsolate + value + popDirectionalIsolate
		}
	}
	return value
}

// rightToLeft reports whether r is a letter of a script written right to
// left. Those scripts start at U+0590: the letters before it, Latin's,
// Greek's and Cyrillic's among them, are answered without a table, since
// every name of a page passes here.
func rightToLeft(r rune) bool {
	return r >= 0x0590 && unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko,
		unicode.Samaritan, unicode.Mandaic, unicode.Adlam, unicode.Hanifi_Rohingya, unicode.Yezidi)
}

// Integer writes n as the language writes a count: its digits, and its
// grouping separator from MinGrouping+3 digits on ("1,234", "1.234",
// "1234" in Spanish, "١٬٢٣٤" where Arabic digits are the default).
func (c *CLDR) Integer(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if c.Group != "" && len(s) >= 3+max(c.MinGrouping, 1) {
		var b strings.Builder
		for i, r := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(c.Group)
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	s = c.digits(s)
	if neg {
		s = "-" + s
	}
	return s
}

// Numerals writes the ASCII digits of s in the language's own, for
// numbers written already, such as a span of years: "٢٠١٨–٢٠٢٥".
func (c *CLDR) Numerals(s string) string { return c.digits(s) }

// digits writes the ASCII digits of s in the language's own.
func (c *CLDR) digits(s string) string {
	d := []rune(c.Digits)
	if len(d) != 10 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return d[r-'0']
		}
		return r
	}, s)
}
