package data

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// newsArticle is a source as newsrooms write it: typographic quotes and
// dashes, paragraphs, a headline line without a full stop.
const newsArticle = `James Norton – who is now reportedly dating Lily Allen – has opened up about his split.

The Happy Valley star, 39, and Imogen, 36, were together for six years before splitting in 2023.

Between 2018 and 2023, James and Imogen were in a relationship. They even got engaged in 2022.

However, in late 2023, they decided to call time on their romance. They had reportedly grown apart.

Speaking at Glastonbury Festival, he said: “It was a gift in a weird, roundabout way.

“She called it. She realised it wasn’t working – I’m crazily grateful,” he then continued.
`

func TestFindQuote(t *testing.T) {
	tests := []struct {
		name, text, quote string
		ignoreCase        bool
		want              Passage // when found
		closest           string  // when not
	}{
		{
			name: "exact", text: newsArticle,
			quote: "They even got engaged in 2022.",
			want: Passage{
				Before: "Between 2018 and 2023, James and Imogen were in a relationship.",
				Quote:  "They even got engaged in 2022.",
				After:  "However, in late 2023, they decided to call time on their romance.",
			},
		},
		{
			name: "whitespace: spaces, tabs and a line break", text: newsArticle,
			quote: "They  even got\tengaged\nin 2022.",
			want: Passage{
				Before: "Between 2018 and 2023, James and Imogen were in a relationship.",
				Quote:  "They even got engaged in 2022.",
				After:  "However, in late 2023, they decided to call time on their romance.",
			},
		},
		{
			name: "straight quotes and a hyphen for typographic ones and a dash", text: newsArticle,
			quote: `She realised it wasn't working - I'm crazily grateful,"`,
			want: Passage{
				Before: "“She called it.",
				Quote:  "She realised it wasn’t working – I’m crazily grateful,”",
				After:  "he then continued.",
			},
		},
		{
			name: "typographic quotes in the quote, straight ones in the source",
			text: `He said: "It's over." Then he left.`, quote: "“It’s over.”",
			want: Passage{Before: "He said:", Quote: `"It's over."`, After: "Then he left."},
		},
		{
			name: "spanning two paragraphs", text: newsArticle,
			quote: "roundabout way. “She called it.",
			want: Passage{
				Before: "They had reportedly grown apart. Speaking at Glastonbury Festival, he said: “It was a gift in a weird,",
				Quote:  "roundabout way. “She called it.",
				After:  "She realised it wasn’t working – I’m crazily grateful,” he then continued.",
			},
		},
		{
			name: "case differs: not found unless asked", text: newsArticle,
			quote:   "they even got engaged in 2022.",
			closest: "They even got engaged in 2022.",
		},
		{
			name: "case differs, ignored on request", text: newsArticle,
			quote: "THEY EVEN GOT ENGAGED", ignoreCase: true,
			want: Passage{
				Before: "Between 2018 and 2023, James and Imogen were in a relationship.",
				Quote:  "They even got engaged",
				After:  "in 2022. However, in late 2023, they decided to call time on their romance.",
			},
		},
		{
			name: "a near miss: a typo", text: newsArticle,
			quote:   "They had reportedly grown appart.",
			closest: "They had reportedly grown apart.",
		},
		{
			name: "a near miss: a word left out", text: newsArticle,
			quote:   "Between 2018 and 2023, James and Imogen were in relationship.",
			closest: "Between 2018 and 2023, James and Imogen were in a relationship.",
		},
		{
			name: "no word of it in the source", text: newsArticle,
			quote: "Zebras graze.", closest: "",
		},
		{
			name: "Arabic", text: "قال المتحدث. انفصل الزوجان في عام ٢٠٢٣ بعد ست سنوات. لم يعلقا بعد.",
			quote: "انفصل الزوجان في عام ٢٠٢٣",
			want:  Passage{Before: "قال المتحدث.", Quote: "انفصل الزوجان في عام ٢٠٢٣", After: "بعد ست سنوات. لم يعلقا بعد."},
		},
		{
			name: "Japanese, whose sentences end without a space", text: "二人は交際している。二〇二二年に婚約した。翌年に別れた。",
			quote: "二〇二二年に婚約した。",
			want:  Passage{Before: "二人は交際している。", Quote: "二〇二二年に婚約した。", After: "翌年に別れた。"},
		},
		{
			name: "Japanese near miss", text: "二人は交際している。二〇二二年に婚約した。翌年に別れた。",
			quote: "二〇二一年に婚約した", closest: "二〇二二年に婚約した",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok, closest := newSourceIndex(tt.text).find(tt.quote, tt.ignoreCase)
			wantFound := tt.want.Quote != ""
			if ok != wantFound {
				t.Fatalf("found = %v, want %v (closest %q)", ok, wantFound, closest)
			}
			if ok && got != tt.want {
				t.Errorf("passage =\n%#v\nwant\n%#v", got, tt.want)
			}
			if !ok && closest != tt.closest {
				t.Errorf("closest passage = %q, want %q", closest, tt.closest)
			}
		})
	}
}

func TestNormalizeKeepsOffsets(t *testing.T) {
	s := " a\u00a0–  ‘b’\n\n“Ç” "
	n := normalize(s, true)
	if want := `a - 'b' "ç"`; n.text != want {
		t.Fatalf("normalize(%q) = %q, want %q", s, n.text, want)
	}
	if len(n.from) != len(n.text)+1 {
		t.Fatalf("%d offsets for %d bytes", len(n.from), len(n.text))
	}
	// Each byte maps to the start of its character in s.
	for i, b := range []byte(n.text) {
		if b == ' ' {
			continue
		}
		if r := []rune(s[n.from[i]:])[0]; plainRune(r) != ' ' && strings.ToLower(string(plainRune(r)))[0] != n.text[i] && b < 0x80 {
			t.Errorf("byte %d (%q) maps to %q", i, b, r)
		}
	}
}

// BenchmarkVerifyQuotes finds 1,000 quotes in a source of 1 MB.
func BenchmarkVerifyQuotes(b *testing.B) {
	text, quotes := bigSource(b)
	b.ResetTimer()
	for b.Loop() {
		x := newSourceIndex(text)
		for _, q := range quotes {
			if _, ok, _ := x.find(q, false); !ok {
				b.Fatalf("%q not found", q)
			}
		}
	}
}

// BenchmarkClosestPassage finds the closest passages of 1,000 quotes, each
// with a typo, in a source of 1 MB.
func BenchmarkClosestPassage(b *testing.B) {
	text, quotes := bigSource(b)
	for i, q := range quotes {
		quotes[i] = strings.Replace(q, "e", "ee", 1)
	}
	b.ResetTimer()
	for b.Loop() {
		x := newSourceIndex(text)
		for _, q := range quotes {
			if _, ok, closest := x.find(q, false); ok || closest == "" {
				b.Fatalf("%q found, or no closest passage", q)
			}
		}
	}
}

// bigSource is the default article repeated to 1 MB, each copy numbered
// so that a quote of one copy is found there, and a quote of each of
// 1,000 copies.
func bigSource(b *testing.B) (string, []string) {
	src, err := os.ReadFile("timelines/sources/ed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	var quotes []string
	for i := 0; text.Len() < 1<<20; i++ {
		fmt.Fprintf(&text, "Copy %d. %s\n", i, src)
		if len(quotes) < 1000 {
			quotes = append(quotes, fmt.Sprintf("Copy %d. %s", i, strings.SplitN(string(src), " – ", 2)[0]))
		}
	}
	return text.String(), quotes
}
