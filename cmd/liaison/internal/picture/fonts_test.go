package picture

import (
	"slices"
	"testing"

	"github.com/tdewolff/canvas"
)

// TestTextOrder checks the order in which a line's words are seen from
// the left: Arabic and Hebrew from the right, with their brackets
// mirrored, beside Latin and numbers.
func TestTextOrder(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Lily Allen", []string{"Lily", "Allen"}},
		{"ليلى أحمد", []string{"أحمد", "ليلى"}},
		{"שרה כהן", []string{"כהן", "שרה"}},
		{"Lily and ليلى أحمد", []string{"Lily", "and", "أحمد", "ليلى"}},
		{"שרה כהן (2019)", []string{"(", "2019", ")", "כהן", "שרה"}},
		{"As of يونيو 2022", []string{"As", "of", "2022", "يونيو"}},
		{"ليلى and 2 others", []string{"and", "2", "others", "ليلى"}},
		{"Lily\nAllen\tX", []string{"Lily", "Allen", "X"}},
	}
	for _, tt := range tests {
		l := textLine(tt.text, 16, false, canvas.Black)
		var got []string
		x := -1.0
		for _, p := range l.pieces {
			got = append(got, p.text.Text)
			if p.X <= x {
				t.Errorf("%q: %q is not right of the word before", tt.text, p.text.Text)
			}
			x = p.X
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q is seen as %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestLettersWithoutFont checks that a letter no font has is never drawn
// (it would be a box): the text says … in its place, and a name is
// written by its id.
func TestLettersWithoutFont(t *testing.T) {
	for _, tt := range []struct {
		text     string
		drawable bool
		runs     []run
	}{
		{"Lily Allen", true, []run{{0, "Lily Allen"}}},
		{"ليلى", true, []run{{1, "ليلى"}}},
		{"שרה", true, []run{{2, "שרה"}}},
		{"Ζωή Ελένη", true, []run{{0, "Ζωή Ελένη"}}},
		{"周冬雨", false, []run{{0, "…"}}},
		{"Zhou 周冬雨 (actor)", false, []run{{0, "Zhou … (actor)"}}},
		{"Lily Allen\U000E0001", true, []run{{0, "Lily Allen"}}}, // a format mark no font has
	} {
		if got := drawable(tt.text); got != tt.drawable {
			t.Errorf("drawable(%q) = %v", tt.text, got)
		}
		if got := fonts().runs(tt.text); !slices.Equal(got, tt.runs) {
			t.Errorf("runs(%q) = %v, want %v", tt.text, got, tt.runs)
		}
	}
}
