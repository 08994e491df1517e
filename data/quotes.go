package data

import (
	"index/suffixarray"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotes are checked against the text of their source: a quote must
// appear in it, word for word, once whitespace, typographic quotes and
// dashes are made plain (and case, where the editor asks). Nothing else
// is forgiven: a quote is what its source says.

// A Passage is where a verified quote is in its source: the words as the
// source writes them, and the sentence before and after, each with its
// whitespace made single spaces.
type Passage struct {
	Before string `json:"before,omitempty"`
	Quote  string `json:"quote"`
	After  string `json:"after,omitempty"`
}

// maxContext is how many characters of each side of a passage are kept:
// a sentence is some 20 words, 150 characters; a source without
// sentence marks (a transcript, a list) stops at this many, so that a
// page never carries a whole source for one quote.
const maxContext = 400

// maxClosestShown is how many characters of the closest passage an error
// shows: a long quote's near miss is found by its start, which is what
// an editor compares.
const maxClosestShown = 200

// A normalText is a text with its whitespace, quotes and dashes made
// plain, and its case folded if asked, with where each of its bytes comes
// from in the text it was made of.
type normalText struct {
	text string
	// from[i] is the offset in the original text of the character that
	// byte i of text belongs to; from[len(text)] is the original's length.
	from []int32
}

// plainRune is r made plain: every kind of space a space, typographic
// quotes ASCII quotes, dashes a hyphen-minus.
func plainRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '‹', '›', '＇':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '＂':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return r
}

// normalize makes s plain (see plainRune), each run of whitespace a single
// space, without leading and trailing space; with fold, lower case.
func normalize(s string, fold bool) normalText {
	var b strings.Builder
	b.Grow(len(s))
	from := make([]int32, 0, len(s)+1)
	spaceAt := -1 // where the run of whitespace before the next character began
	for i, r := range s {
		r = plainRune(r)
		if r == ' ' {
			if spaceAt < 0 {
				spaceAt = i
			}
			continue
		}
		if spaceAt >= 0 && b.Len() > 0 {
			b.WriteByte(' ')
			from = append(from, int32(spaceAt))
		}
		spaceAt = -1
		if fold {
			r = unicode.ToLower(r)
		}
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = utf8.RuneError, 3
		}
		b.WriteRune(r)
		for range n {
			from = append(from, int32(i))
		}
	}
	end := len(s)
	if spaceAt >= 0 {
		end = spaceAt // the trailing whitespace is not part of the text
	}
	from = append(from, int32(end))
	return normalText{b.String(), from}
}

// A sourceIndex finds quotes in one source's text.
type sourceIndex struct {
	text string // the source's text as written
	// exact and folded are the text normalised without and with case
	// folded, each with its suffix array; folded is made when first asked.
	exact, folded *indexedText
	// words are the folded text's words, for the closest passage of a
	// quote that is not in it; made when first asked.
	words *wordIndex
}

type indexedText struct {
	normalText
	sa *suffixarray.Index
}

func newSourceIndex(text string) *sourceIndex { return &sourceIndex{text: text} }

func (x *sourceIndex) indexed(fold bool) *indexedText {
	p := &x.exact
	if fold {
		p = &x.folded
	}
	if *p == nil {
		n := normalize(x.text, fold)
		*p = &indexedText{n, suffixarray.New([]byte(n.text))}
	}
	return *p
}

// find looks for quote in the source, ignoring case when asked, and
// returns its passage in context, or false and the closest passage of the
// source as it is written (empty when no passage shares a word with it).
//
// A suffix array finds a quote in time of its length and the log of the
// source's; a search of the text for each of many quotes took the product
// of their sizes (see BenchmarkVerifyQuotes).
func (x *sourceIndex) find(quote string, ignoreCase bool) (Passage, bool, string) {
	in := x.indexed(ignoreCase)
	q := normalize(quote, ignoreCase).text
	if q != "" {
		if at := in.sa.Lookup([]byte(q), 1); len(at) > 0 {
			start, end := int(in.from[at[0]]), int(in.from[at[0]+len(q)])
			return x.passage(start, end), true, ""
		}
	}
	return Passage{}, false, x.closest(quote)
}

// passage is the text between start and end with the sentence before and
// after it.
func (x *sourceIndex) passage(start, end int) Passage {
	end = trimEnd(x.text, start, end)
	before := sentenceBefore(x.text, sentenceStart(x.text, start))
	after := sentenceAfter(x.text, sentenceEnd(x.text, end))
	return Passage{
		Before: cutStart(collapse(x.text[before:start]), maxContext),
		Quote:  collapse(x.text[start:end]),
		After:  cutEnd(collapse(x.text[end:after]), maxContext),
	}
}

// trimEnd is end moved back over the whitespace before it.
func trimEnd(s string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}

// maxSentence is how far, in bytes, a sentence is looked for around a
// quote: four times what a side of a passage keeps.
const maxSentence = 4 * maxContext

// sentenceEndsAt reports whether a sentence ends at offset k of s, and
// where the next one may begin: after a full stop (., !, ?, …) and the
// closing quotes after it, when a space or the end follows; after a CJK
// full stop or a line break wherever they are.
func sentenceEndsAt(s string, k int) (int, bool) {
	if k <= 0 || k > len(s) {
		return k, k <= 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:k])
	switch r {
	case '\n', '。', '！', '？':
		return k, true
	case '.', '!', '?', '…', '؟', '۔':
	default:
		return k, false
	}
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !isClosingQuote(r) {
			return k, unicode.IsSpace(r)
		}
		k += n
	}
	return k, true
}

// sentenceStart is where the sentence that holds offset i of s begins.
func sentenceStart(s string, i int) int {
	k := i
	for ; k > 0 && i-k < maxSentence; k = prevRune(s, k) {
		if end, ok := sentenceEndsAt(s, k); ok && end <= i {
			return skipSpace(s, end)
		}
	}
	return k
}

// sentenceBefore is where the sentence before the one beginning at start
// begins.
func sentenceBefore(s string, start int) int {
	k := start
	for k > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:k])
		if !unicode.IsSpace(r) && !isClosingQuote(r) {
			break
		}
		k -= n
	}
	if k == 0 {
		return 0
	}
	return min(start, sentenceStart(s, prevRune(s, k)))
}

// sentenceEnd is where the sentence that holds the character before
// offset i of s ends, closing quotes included.
func sentenceEnd(s string, i int) int {
	k := i
	for ; k < len(s) && k-i < maxSentence; k = nextRune(s, k) {
		if end, ok := sentenceEndsAt(s, k); ok && k > 0 {
			return end
		}
	}
	return k
}

// sentenceAfter is where the sentence after the one ending at end ends.
func sentenceAfter(s string, end int) int {
	k := skipSpace(s, end)
	if k == len(s) {
		return end
	}
	return sentenceEnd(s, nextRune(s, k))
}

func prevRune(s string, k int) int {
	_, n := utf8.DecodeLastRuneInString(s[:k])
	return k - n
}

func nextRune(s string, k int) int {
	_, n := utf8.DecodeRuneInString(s[k:])
	return k + n
}

func skipSpace(s string, k int) int {
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsSpace(r) {
			break
		}
		k += n
	}
	return k
}

func isClosingQuote(r rune) bool {
	return strings.ContainsRune("\"'’”»」』)", r)
}

// collapse is s with each run of whitespace a single space, trimmed.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// cutStart keeps the last max characters of s, cut at a space.
func cutStart(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	s = string(r[len(r)-max:])
	if i := strings.IndexByte(s, ' '); i >= 0 && i < len(s)/2 {
		s = s[i+1:]
	}
	return "…" + s
}

// cutEnd keeps the first max characters of s, cut at a space.
func cutEnd(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	s = string([]rune(s)[:max])
	if i := strings.LastIndexByte(s, ' '); i > len(s)/2 {
		s = s[:i]
	}
	return s + "…"
}

// A wordIndex is where each word of a folded text is.
type wordIndex struct {
	// words are the byte spans of the folded text's words, in order.
	words [][2]int32
	// at maps a word to the indexes in words of its occurrences.
	at map[string][]int32
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// isOwnWord reports whether r is a word on its own: the scripts written
// without spaces between words, where a character is the unit a search
// can match.
func isOwnWord(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// splitWords is the byte spans of the words of s.
func splitWords(s string) [][2]int32 {
	var spans [][2]int32
	start := -1
	for i, r := range s {
		switch {
		case isOwnWord(r):
			if start >= 0 {
				spans = append(spans, [2]int32{int32(start), int32(i)})
				start = -1
			}
			spans = append(spans, [2]int32{int32(i), int32(i + utf8.RuneLen(r))})
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				spans = append(spans, [2]int32{int32(start), int32(i)})
				start = -1
			}
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int32{int32(start), int32(len(s))})
	}
	return spans
}

// Bounds of the search for a closest passage, whatever the source and
// quote: the rarest rareWords words of the quote that the source has
// propose where it may be, at most perWord places each; the quote's first
// maxCompared words are compared with each place, and the edit distance
// of the best few decides between them, over at most maxEdit characters.
// A 1 MB source and 1,000 quotes that are not in it take 0.3 s
// (BenchmarkClosestPassage; finding 1,000 quotes that are in it takes
// 0.2 s, most of it building the suffix array: BenchmarkVerifyQuotes).
const (
	rareWords   = 4
	perWord     = 64
	maxCompared = 200
	bestPlaces  = 3
	maxEdit     = 300
)

// closest is the passage of the source most like quote, as written in
// the source, cut to maxClosestShown characters; empty when no word of
// the quote is in the source.
func (x *sourceIndex) closest(quote string) string {
	in := x.indexed(true)
	if x.words == nil {
		spans := splitWords(in.text)
		at := map[string][]int32{}
		for i, w := range spans {
			word := in.text[w[0]:w[1]]
			at[word] = append(at[word], int32(i))
		}
		x.words = &wordIndex{spans, at}
	}
	q := normalize(quote, true).text
	qSpans := splitWords(q)
	if len(qSpans) > maxCompared {
		qSpans = qSpans[:maxCompared]
	}
	qWords := make([]string, len(qSpans))
	for i, w := range qSpans {
		qWords[i] = q[w[0]:w[1]]
	}
	// The rarest words of the quote that the source has, each with its
	// first place in the quote.
	type rare struct {
		word  string
		inQ   int
		count int
	}
	var rares []rare
	for i, w := range qWords {
		if n := len(x.words.at[w]); n > 0 && !slices.ContainsFunc(rares, func(r rare) bool { return r.word == w }) {
			rares = append(rares, rare{w, i, n})
		}
	}
	if len(rares) == 0 {
		return ""
	}
	slices.SortStableFunc(rares, func(a, b rare) int { return a.count - b.count })
	rares = rares[:min(len(rares), rareWords)]

	// Each place where the quote would start, scored by how many of its
	// words the source has there.
	want := map[string]int{}
	for _, w := range qWords {
		want[w]++
	}
	type place struct{ start, score int }
	var places []place
	seen := map[int]bool{}
	for _, r := range rares {
		for _, at := range x.words.at[r.word][:min(len(x.words.at[r.word]), perWord)] {
			start := max(0, int(at)-r.inQ)
			if seen[start] {
				continue
			}
			seen[start] = true
			have := map[string]int{}
			score := 0
			for _, w := range x.words.words[start:min(len(x.words.words), start+len(qWords))] {
				word := in.text[w[0]:w[1]]
				if have[word] < want[word] {
					score++
				}
				have[word]++
			}
			places = append(places, place{start, score})
		}
	}
	slices.SortStableFunc(places, func(a, b place) int { return b.score - a.score })
	places = places[:min(len(places), bestPlaces)]

	// The passage of each best place most like the quote's start, by edit
	// distance, decides: a window a few words wider than the quote on each
	// side, where the passage may start and end anywhere.
	qRunes := []rune(q)[:min(utf8.RuneCountInString(q), maxEdit)]
	best, bestDistance := [2]int{}, -1
	for _, p := range places {
		first := max(0, p.start-slackWords)
		last := min(len(x.words.words), p.start+len(qWords)+slackWords) - 1
		from, to := int(x.words.words[first][0]), int(x.words.words[last][1])
		if i := strings.IndexByte(in.text[to:], ' '); i >= 0 {
			to += i // the punctuation after the last word
		} else {
			to = len(in.text)
		}
		var window []rune
		var at []int // the byte offset of each rune of window in in.text, and its end
		for i, r := range in.text[from:to] {
			window = append(window, r)
			at = append(at, from+i)
			if len(window) == maxEdit+2*maxEdit/4 {
				break
			}
		}
		at = append(at, from+len(string(window)))
		distance, start, end := alignment(qRunes, window)
		if bestDistance < 0 || distance < bestDistance {
			best, bestDistance = [2]int{at[start], at[end]}, distance
		}
	}
	return cutEnd(collapse(x.text[in.from[best[0]]:in.from[best[1]]]), maxClosestShown)
}

// slackWords is how many words wider than a quote the window where its
// closest passage is looked for is, on each side: enough for a few words
// left out or added.
const slackWords = 4

// alignment is the passage of text most like q: the least edit
// distance of q to any text[start:end], in time of the product of their
// lengths and memory of text's.
func alignment(q, text []rune) (distance, start, end int) {
	row := make([]int, len(text)+1)    // row[j]: distance of q[:i] to the best text[s:j]
	starts := make([]int, len(text)+1) // that s
	for j := range starts {
		starts[j] = j
	}
	for i := 1; i <= len(q); i++ {
		diagonal, diagonalStart := row[0], starts[0]
		row[0] = i
		for j := 1; j <= len(text); j++ {
			cost := 1
			if q[i-1] == text[j-1] {
				cost = 0
			}
			up, upStart := row[j], starts[j]
			best, bestStart := diagonal+cost, diagonalStart
			if up+1 < best {
				best, bestStart = up+1, upStart
			}
			if row[j-1]+1 < best {
				best, bestStart = row[j-1]+1, starts[j-1]
			}
			diagonal, diagonalStart = up, upStart
			row[j], starts[j] = best, bestStart
		}
	}
	distance, end = row[0], 0
	for j := range row {
		if row[j] < distance {
			distance, end = row[j], j
		}
	}
	return distance, starts[end], end
}
