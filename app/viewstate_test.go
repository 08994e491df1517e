package app

import (
	"net/url"
	"slices"
	"testing"
	"time"
)

func TestViewStateRoundTrip(t *testing.T) {
	tests := []struct {
		query     string
		want      ViewState
		wantQuery string
	}{
		{"", ViewState{}, ""},
		{"person=a,b&person=c", ViewState{People: []string{"a", "b", "c"}}, "person=a,b,c"},
		{"from=2022&to=2024", ViewState{From: day(2022, 1, 1), To: day(2025, 1, 1)}, "from=2022-01-01&to=2024-12-31"},
		{"from=2022-03-10&to=2022-04", ViewState{From: day(2022, 3, 10), To: day(2022, 5, 1)}, "from=2022-03-10&to=2022-04-30"},
		{"from=2024&to=2022", ViewState{}, ""},
		{"from=nonsense&to=2022", ViewState{}, ""},
		{"from=2022", ViewState{}, ""},
		{"rel=ab", ViewState{Relationship: "ab"}, "rel=ab"},
		{"event=e1", ViewState{Event: "e1"}, "event=e1"},
		{"rel=ab&event=e1", ViewState{Relationship: "ab"}, "rel=ab"},
		{"at=2022-06", ViewState{}, "at=2022-06"},
		{"at=2022-06/2022-08", ViewState{}, ""},
		{"at=June", ViewState{}, ""},
		{"theme=dark", ViewState{Theme: "dark"}, "theme=dark"},
		{"theme=auto", ViewState{}, ""},
		{"theme=neon", ViewState{}, ""},
		{"title=0&person=a", ViewState{People: []string{"a"}, NoTitle: true}, "person=a&title=0"},
		{"title=1", ViewState{}, ""},
		{"view=list&at=2020", ViewState{List: true}, "at=2020&view=list"},
		{"view=chart", ViewState{}, ""},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got := ParseViewState(q)
		if !slices.Equal(got.People, tt.want.People) || !got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) ||
			got.Relationship != tt.want.Relationship || got.Event != tt.want.Event ||
			got.Theme != tt.want.Theme || got.NoTitle != tt.want.NoTitle || got.List != tt.want.List {
			t.Errorf("ParseViewState(%q) = %+v, want %+v", tt.query, got, tt.want)
		}
		if u := got.URL("/t/x"); u.RawQuery != tt.wantQuery {
			t.Errorf("ParseViewState(%q).URL() query = %q, want %q", tt.query, u.RawQuery, tt.wantQuery)
		}
	}
}

func TestViewStateCursor(t *testing.T) {
	got := ParseViewState(url.Values{"at": {"2022-06"}})
	if !got.At.Earliest.Equal(day(2022, 6, 1)) || got.At.Human() != "June 2022" {
		t.Errorf("at=2022-06 gives %v (%q), want 1 June 2022 shown as June 2022", got.At.Earliest, got.At.Human())
	}
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
