package picture

import (
	"embed"
	"image/color"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/tdewolff/canvas"
	"golang.org/x/text/unicode/bidi"
)

// The fonts that ship with the build (fonts/OFL.txt): Noto Sans for Latin,
// Greek and Cyrillic, Noto Sans Arabic and Noto Sans Hebrew, regular and
// bold, 1.6 MB in all. Arabic is shaped (go-text's HarfBuzz port, through
// canvas) and both are laid out right to left (its bidi).
//
// CJK is not among them: Debian's Noto Sans CJK is one 19 MB collection
// per weight (fonts-noto-cjk is 56 MB to download), twelve times what all
// the other fonts weigh, for the few names of a newsroom's timelines in
// those scripts. A letter that no font here has is never drawn as a box:
// a name is written by its id instead (ids are [a-z0-9-]), other text
// with "…" in its place, and the picture says so under the chart
// (app.PictureUndrawn).
//
//go:embed fonts/*.ttf
var fontFiles embed.FS

// fontFamilies are the families text is drawn in, in the order a letter
// is looked for in them.
var fontFamilies = []string{"NotoSans", "NotoSansArabic", "NotoSansHebrew"}

// A fontSet is every family's regular and bold font.
type fontSet struct {
	regular, bold []*canvas.Font
}

var fonts = sync.OnceValue(func() *fontSet {
	set := &fontSet{}
	for _, family := range fontFamilies {
		set.regular = append(set.regular, loadFont(family+"-Regular.ttf", canvas.FontRegular))
		set.bold = append(set.bold, loadFont(family+"-Bold.ttf", canvas.FontBold))
	}
	return set
})

func loadFont(name string, style canvas.FontStyle) *canvas.Font {
	b, err := fontFiles.ReadFile("fonts/" + name)
	if err != nil {
		panic("picture: the font " + name + " is missing from the build: " + err.Error())
	}
	f, err := canvas.LoadFont(b, 0, style)
	if err != nil {
		panic("picture: the font " + name + " does not load: " + err.Error())
	}
	return f
}

// fontOf is the index in fontFamilies of the first font that has r, or
// -1 when none has. Spaces, and the punctuation and digits of ASCII,
// belong to none in particular (-2): they stay in the run they are in
// when its font has them (see runs); a format mark that no font has is
// -3, left out (it is seen as nothing).
func (s *fontSet) fontOf(r rune) int {
	if unicode.IsSpace(r) || unicode.IsPunct(r) && r < 0x80 || unicode.IsDigit(r) && r < 0x80 {
		return -2
	}
	return s.firstWith(r)
}

// firstWith is the index of the first font that has r, -1 when none
// has, or -3 for a format mark without a glyph (U+E0001…).
func (s *fontSet) firstWith(r rune) int {
	for i, f := range s.regular {
		if f.GlyphIndex(r) != 0 {
			return i
		}
	}
	if unicode.Is(unicode.Cf, r) {
		return -3
	}
	return -1
}

// oneLine is text with every space, line break and tab a space: a
// picture writes text on one line.
func oneLine(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, text)
}

// drawable reports whether every letter of text is in one of the fonts.
func drawable(text string) bool {
	set := fonts()
	for _, r := range text {
		if set.fontOf(r) == -1 {
			return false
		}
	}
	return true
}

// undrawn is what stands for a run of letters no font has.
const undrawn = "…"

// A run is a piece of text in one font.
type run struct {
	font int
	text string
}

// runs splits text into pieces each in the first font that has its
// letters, with each run of letters no font has replaced by undrawn. A
// space, or ASCII's punctuation or digit, stays in the piece it is in
// when that piece's font has it, and goes to the first font that has it
// otherwise: Noto Sans Arabic has no brackets, and Noto Sans Hebrew
// neither brackets nor digits nor full stops, whose glyph there would be
// a box ("(خط متقطع" had one).
func (s *fontSet) runs(text string) []run {
	var out []run
	var b strings.Builder
	cur := 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, run{cur, b.String()})
			b.Reset()
		}
	}
	lastUndrawn := false
	for _, r := range text {
		f := s.fontOf(r)
		switch {
		case f == -3:
			continue
		case f == -2 && (unicode.IsSpace(r) || s.regular[cur].GlyphIndex(r) != 0):
			b.WriteRune(r)
			lastUndrawn = false
			continue
		case f == -2:
			f = max(s.firstWith(r), 0) // Noto Sans has every ASCII character
			lastUndrawn = false
		case f == -1:
			if lastUndrawn {
				continue
			}
			lastUndrawn = true
			r, f = []rune(undrawn)[0], 0
		default:
			lastUndrawn = false
		}
		if f != cur {
			flush()
			cur = f
		}
		b.WriteRune(r)
	}
	flush()
	return out
}

// A line is text on one line, laid out in pieces: canvas shapes a word
// of Arabic or Hebrew right, but put the spaces of a right-to-left run
// at its end (measured: "ليلى أحمد" came out as " أحمدليلى"). So the
// line is ordered here, with the Unicode bidirectional algorithm
// (golang.org/x/text/unicode/bidi), into runs in visual order, and the
// words of a right-to-left run are placed from the right, each shaped
// alone.
type line struct {
	pieces        []piece
	Width, Height float64
}

// A piece is a word of a line (a run of letters in one direction, without
// spaces), or the part of a word in one font, at X from the line's start
// and Y below its top: the pieces' baselines are Noto Sans's, whatever
// their font (Noto Sans Arabic's is 30% lower: a Latin name or a bracket
// in Arabic text stood above its line).
type piece struct {
	X, Y float64
	text *canvas.Text
}

// draw draws l with its top left at x, y.
func (l *line) draw(ctx *canvas.Context, x, y float64) {
	for _, p := range l.pieces {
		ctx.DrawText(x+p.X, y+p.Y, p.text)
	}
}

// textLine is text on one line, in size px, bold or not, in col, with
// each letter in the first font that has it.
func textLine(text string, size float64, bold bool, col color.Color) *line {
	set := fonts()
	list := set.regular
	if bold {
		list = set.bold
	}
	face := func(i int) *canvas.FontFace { return list[i].Face(size*ptPerPx, col) }
	space := face(0).TextWidth(" ")
	metrics := face(0).Metrics()
	l := &line{Height: metrics.LineHeight}
	// A word is shaped a run of one font at a time (canvas misplaced the
	// runs of a right-to-left word in several fonts, "أحم…"), from
	// its last run when it reads from the right.
	word := func(w string, rtl bool) {
		runs := set.runs(w)
		if rtl {
			slices.Reverse(runs)
		}
		for _, r := range runs {
			text := r.text
			if rtl && !hasRTL(text) {
				text = reversed(text)
			}
			t := canvas.NewRichText(face(r.font))
			t.WriteString(text)
			shaped := t.ToText(0, 0, canvas.Left, canvas.Top, &canvas.TextOptions{Linebreaker: canvas.GreedyLinebreaker{}})
			l.pieces = append(l.pieces, piece{l.Width, metrics.Ascent - face(r.font).Metrics().Ascent, shaped})
			l.Width += shaped.Width
		}
	}
	for _, r := range visualRuns(oneLine(text)) {
		words := strings.Split(r.text, " ")
		if r.rtl {
			slices.Reverse(words)
		}
		for i, w := range words {
			if i > 0 {
				l.Width += space
			}
			if w != "" {
				word(w, r.rtl)
			}
		}
	}
	return l
}

// reversed is the punctuation of a right-to-left run, a piece of it
// without a right-to-left letter (hasRTL) in Noto Sans, as it is seen
// from the left: in reverse order, each bracket mirrored (Unicode's
// Bidi_Mirrored), as "(2019)." reads ".)2019(" from the left. canvas
// shapes such a piece from the left as it is given; one with Arabic or
// Hebrew letters it shapes from the right, and its shaper mirrors its
// brackets itself (twice mirrored is not mirrored).
func reversed(text string) string {
	runes := []rune(text)
	slices.Reverse(runes)
	return mirrored.Replace(string(runes))
}

// mirrored swaps each bracket for its mirror image.
var mirrored = strings.NewReplacer("(", ")", ")", "(", "[", "]", "]", "[", "{", "}", "}", "{",
	"<", ">", ">", "<", "«", "»", "»", "«", "‹", "›", "›", "‹")

// hasRTL reports whether s has a letter written from the right (Arabic,
// Hebrew), which has canvas shape it from the right.
func hasRTL(s string) bool {
	for _, r := range s {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.R || p.Class() == bidi.AL {
			return true
		}
	}
	return false
}

// A visualRun is a run of text in one direction.
type visualRun struct {
	text string
	rtl  bool
}

// visualRuns are text's runs in the order they are seen from the left,
// in a paragraph whose direction is its first strong letter's, as
// dir="auto" sets it. x/text's bidi gives the runs in the text's order,
// each of one direction, without their levels, which are found again
// here for the text of a picture (a name, a title, a date): in a
// right-to-left paragraph every run is seen in reverse order; in a
// left-to-right one, a right-to-left run is seen reversed together with
// the numbers that follow it ("As of يونيو 2022" ends "2022 يونيو", rules
// W7 and I1 of the algorithm).
func visualRuns(text string) []visualRun {
	var p bidi.Paragraph
	if _, err := p.SetString(text); err != nil {
		return []visualRun{{text, false}}
	}
	order, err := p.Order()
	if err != nil {
		return []visualRun{{text, false}}
	}
	runs := make([]visualRun, order.NumRuns())
	for i := range runs {
		r := order.Run(i)
		runs[i] = visualRun{r.String(), r.Direction() == bidi.RightToLeft}
	}
	if len(runs) > 0 && runs[0].rtl {
		slices.Reverse(runs)
		return runs
	}
	for i := 0; i < len(runs); {
		if !runs[i].rtl {
			i++
			continue
		}
		end := i + 1 // the right-to-left run, and the numbers after it
		for end < len(runs) && (runs[end].rtl || !hasLetters(runs[end].text)) {
			end++
		}
		slices.Reverse(runs[i:end])
		i = end
	}
	return runs
}

// hasLetters reports whether s has a letter: a run of a left-to-right
// paragraph without one, after a right-to-left run, is its number.
func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// ptPerPx turns px into the points canvas sizes fonts in: a picture is
// drawn at 1 px to the mm.
const ptPerPx = 72 / 25.4
