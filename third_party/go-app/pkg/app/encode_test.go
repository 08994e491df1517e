package app

import "testing"

// TestEncodeKeepsInlineTextTight checks the one Liaison change to the
// server's HTML: an element holding one element of text only is written
// on one line, so that no whitespace the render lacks is shown inside an
// inline element before the WebAssembly takes the page over.
func TestEncodeKeepsInlineTextTight(t *testing.T) {
	tests := []struct {
		ui   UI
		want string
	}{
		{Q().Body(Bdi().Text("quote")), "<q><bdi>quote</bdi></q>"},
		{Span().Body(Span().Class("swatch")), `<span><span class="swatch"></span></span>`},
		{P().Text("text"), "<p>text</p>"},
		// Elements of elements, and elements of several children, keep
		// go-app's indentation.
		{Div().Body(P().Body(Span().Text("a"))), "<div>\n  <p><span>a</span></p>\n</div>"},
		{P().Body(Span().Text("a"), Span().Text("b")), "<p>\n  <span>a</span>\n  <span>b</span>\n</p>"},
		{Div().Body(Img().Src("/x.png")), "<div>\n  <img src=\"/x.png\">\n</div>"},
	}
	for _, tt := range tests {
		if got := HTMLString(tt.ui); got != tt.want {
			t.Errorf("HTMLString = %q, want %q", got, tt.want)
		}
	}
}
