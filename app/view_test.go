package app

import (
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// derive is the view of the query's state of tl, from nothing before it.
func derive(t *testing.T, tl *data.Timeline, query string) timelineView {
	t.Helper()
	q, err := url.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return deriveView(timelineView{}, tl, nil, ParseViewState(q), testNow)
}

// TestDeriveView checks what of a state a view shows: the state as the
// timeline can show it (its URL), the people the timeline lacks, and the
// lanes and window laid out.
func TestDeriveView(t *testing.T) {
	tl := loadDefaultTimeline(t)
	tests := []struct {
		query   string
		shown   string // the state shown, as a query
		unknown []string
		lanes   int
		window  string // the layout's, from and to (excluded)
	}{
		{"", "", nil, 4, "2017-01-01 2025-12-01"},
		{"person=lily-allen", "person=lily-allen", nil, 3, "2019-01-01 2025-11-01"},
		{"person=nobody", "", []string{"nobody"}, 4, "2017-01-01 2025-12-01"},
		{"person=nobody,david-harbour", "person=david-harbour", []string{"nobody"}, 2, "2019-01-01 2025-01-01"},
		{"rel=nope", "rel=nope", nil, 4, "2017-01-01 2025-12-01"},
		{"rel=lily-allen-david-harbour", "rel=lily-allen-david-harbour", nil, 4, "2017-01-01 2025-12-01"},
		// Details, and a cursor, of what the filter leaves out are left
		// out, and said so (Unusable).
		{"person=imogen-poots&rel=lily-allen-david-harbour", "person=imogen-poots&rel=lily-allen-david-harbour", nil, 2, "2017-01-01 2024-01-01"},
		{"event=nope&at=1900", "at=1900&event=nope", nil, 4, "2017-01-01 2025-12-01"},
		{"at=2022-06", "at=2022-06", nil, 4, "2017-01-01 2025-12-01"},
		// A window stays within the timeline's years; all of them is no
		// window at all.
		{"from=2022&to=2023", "from=2022-01-01&to=2023-12-31", nil, 4, "2022-01-01 2024-01-01"},
		{"from=2024&to=2030", "from=2018-12-01&to=2025-11-30", nil, 4, "2018-12-01 2025-12-01"},
		{"from=1990&to=2040", "", nil, 4, "2017-01-01 2025-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			v := derive(t, tl, tt.query)
			if got := v.state.URL("/").RawQuery; got != tt.shown {
				t.Errorf("state shown = %q, want %q", got, tt.shown)
			}
			if !slices.Equal(v.unknown, tt.unknown) {
				t.Errorf("unknown people = %q, want %q", v.unknown, tt.unknown)
			}
			if got := len(v.layout.Lanes); got != tt.lanes {
				t.Errorf("%d lanes, want %d", got, tt.lanes)
			}
			w := v.layout.Scale
			if got := w.From.Format(time.DateOnly) + " " + w.To.Format(time.DateOnly); got != tt.window {
				t.Errorf("window = %s, want %s", got, tt.window)
			}
		})
	}
}

// TestDeriveViewFromTheViewBefore checks that a view made from the one
// before it is the view made from nothing, and that it reuses what it
// can: the filtered timeline and its layout while the filter stays.
func TestDeriveViewFromTheViewBefore(t *testing.T) {
	tl := loadDefaultTimeline(t)
	steps := []string{
		"person=lily-allen",
		"person=lily-allen&from=2022&to=2023", // a zoom
		"person=lily-allen&from=2022&to=2023&rel=lily-allen-david-harbour&at=2022-06",
		"person=lily-allen&from=2020&to=2021", // a pan
		"person=david-harbour&from=2020&to=2021",
		"",
	}
	var v timelineView
	for i, query := range steps {
		q, _ := url.ParseQuery(query)
		prev := v
		v = deriveView(prev, tl, nil, ParseViewState(q), testNow)
		want := derive(t, tl, query)
		if got, want := v.state.URL("/").RawQuery, want.state.URL("/").RawQuery; got != want {
			t.Errorf("%s: state = %q, want %q", query, got, want)
		}
		if !v.layout.Scale.Equal(want.layout.Scale) || !slices.EqualFunc(v.layout.Lanes, want.layout.Lanes, sameBars) {
			t.Errorf("%s: the layout is not the one made from nothing", query)
		}
		if i == 0 {
			continue
		}
		if keeps := prev.state.URL("/").Query().Get("person") == q.Get("person"); keeps != (v.shown == prev.shown) {
			t.Errorf("%s: reused the filtered timeline: %v, want %v", query, !keeps, keeps)
		}
		if v.people != prev.people {
			t.Errorf("%s: the people of the same timeline were indexed again", query)
		}
	}
}

// sameBars reports whether two lanes are of one person and place their
// bars alike.
func sameBars(a, b plot.Lane) bool {
	if a.Person.ID != b.Person.ID || len(a.Bars) != len(b.Bars) || a.BarRows != b.BarRows || a.MarkerRows != b.MarkerRows {
		return false
	}
	for i := range a.Bars {
		if a.Bars[i].Relationship.ID != b.Bars[i].Relationship.ID || a.Bars[i].Row != b.Bars[i].Row ||
			!near(a.Bars[i].Left, b.Bars[i].Left) || !near(a.Bars[i].Width, b.Bars[i].Width) {
			return false
		}
	}
	return true
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestViewWithCursor moves the cursor: within the timeline's years, the
// window following it to keep it in view, no further than the timeline.
func TestViewWithCursor(t *testing.T) {
	tl := loadDefaultTimeline(t)
	tests := []struct {
		query, at string
		want      string // the state, as a query
	}{
		{"", "2022-06", "at=2022-06"},
		{"", "2010-03", "at=2017-01"},
		// No further than a few months after the article of July 2025
		// (plot.Window), where the couples are not known.
		{"", "2031-03", "at=2025-11"},
		{"from=2022&to=2022", "2022-12", "at=2022-12&from=2022-01-01&to=2022-12-31"},
		{"from=2022&to=2022", "2023-07", "at=2023-07&from=2022-12-30&to=2023-12-29"},
		{"from=2022&to=2022", "2031-03", "at=2025-11&from=2024-12-01&to=2025-11-30"},
	}
	for _, tt := range tests {
		v := derive(t, tl, tt.query)
		at, err := data.ParseDate(tt.at)
		if err != nil {
			t.Fatal(err)
		}
		s := v.withCursor(at)
		if got := s.URL("/").RawQuery; got != tt.want {
			t.Errorf("?%s, cursor to %s: %q, want %q", tt.query, tt.at, got, tt.want)
		}
	}

	v := derive(t, tl, "from=2022&to=2022")
	if got := v.withCursorToggled().URL("/").RawQuery; got != "at=2022-07&from=2022-01-01&to=2022-12-31" {
		t.Errorf("the cursor shown: %q, want it in the middle of 2022", got)
	}
	v = derive(t, tl, "at=2020")
	if got := v.withCursorToggled().URL("/").RawQuery; got != "" {
		t.Errorf("the cursor hidden: %q, want no cursor", got)
	}
}
