package app

import (
	"net/url"
	"testing"
)

// TestPictureURL checks the URLs of a view's pictures: what a picture
// shows of the view is in the query, and nothing else.
func TestPictureURL(t *testing.T) {
	tests := []struct {
		query string
		card  bool
		want  string
	}{
		{"", false, "/t/james-norton.png"},
		{"", true, "/t/james-norton.card.png"},
		{"person=lily-allen&rel=r1&view=list&find=Lil&title=0", true, "/t/james-norton.card.png?person=lily-allen"},
		{"from=2020&to=2022&at=2021-06&theme=dark&lang=de&x=1", false, "/t/james-norton.png?at=2021-06&from=2020-01-01&lang=de&theme=dark&to=2022-12-31"},
		{"theme=purple&at=someday", false, "/t/james-norton.png"},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		if got := PictureURL("james-norton", ParseViewState(q), tt.card); got != tt.want {
			t.Errorf("?%s (card %v): %s, want %s", tt.query, tt.card, got, tt.want)
		}
	}
}
