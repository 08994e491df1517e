package app

import (
	"net/url"
	"slices"
	"strings"
	"testing"
)

func TestViewStateRoundTrip(t *testing.T) {
	tests := []struct {
		query     string
		want      ViewState
		wantQuery string
		// unusable are the parameters left out of the view, which its
		// URL keeps as they were given.
		unusable string
	}{
		{"", ViewState{}, "", ""},
		{"person=a,b&person=c", ViewState{People: []string{"a", "b", "c"}}, "person=a,b,c", ""},
		{"person=Lily-Allen", ViewState{People: []string{"lily-allen"}}, "person=lily-allen", ""},
		{"from=2022&to=2024", ViewState{From: day(2022, 1, 1), To: day(2025, 1, 1)}, "from=2022-01-01&to=2024-12-31", ""},
		{"from=2022-03-10&to=2022-04", ViewState{From: day(2022, 3, 10), To: day(2022, 5, 1)}, "from=2022-03-10&to=2022-04-30", ""},
		{"from=2024&to=2022", ViewState{}, "from=2024&to=2022", "from to"},
		{"from=nonsense&to=2022", ViewState{}, "from=nonsense&to=2022", "from to"},
		{"from=2022", ViewState{}, "from=2022", "from"},
		{"from=&to=", ViewState{}, "", ""},
		{"rel=ab", ViewState{Relationship: "ab"}, "rel=ab", ""},
		{"rel=AB", ViewState{Relationship: "ab"}, "rel=ab", ""},
		{"event=e1", ViewState{Event: "e1"}, "event=e1", ""},
		{"rel=ab&event=e1", ViewState{Relationship: "ab"}, "event=e1&rel=ab", "event"},
		{"at=2022-06", ViewState{}, "at=2022-06", ""},
		{"at=2022-06/2022-08", ViewState{}, "at=2022-06%2F2022-08", "at"},
		{"at=June", ViewState{}, "at=June", "at"},
		{"theme=dark", ViewState{Theme: "dark"}, "theme=dark", ""},
		{"theme=auto", ViewState{}, "", ""},
		{"theme=host", ViewState{Theme: "host"}, "theme=host", ""},
		{"theme=neon", ViewState{}, "theme=neon", "theme"},
		{"title=0&person=a", ViewState{People: []string{"a"}, NoTitle: true}, "person=a&title=0", ""},
		{"title=1", ViewState{}, "", ""},
		{"title=no", ViewState{}, "title=no", "title"},
		{"hide=legend", ViewState{NoLegend: true}, "hide=legend", ""},
		{"hide=sources,Title,+events,legend", ViewState{NoTitle: true, NoLegend: true, NoEvents: true, NoSources: true}, "hide=legend,events,sources&title=0", ""},
		{"hide=title&title=0", ViewState{NoTitle: true}, "title=0", ""},
		{"hide=legend,chart", ViewState{}, "hide=legend,chart", "hide"},
		{"hide=", ViewState{}, "", ""},
		{"hide=,", ViewState{}, "hide=,", "hide"},
		{"lang=de", ViewState{Lang: "de"}, "lang=de", ""},
		{"lang=PT-br", ViewState{Lang: "pt-BR"}, "lang=pt-BR", ""},
		{"lang=zh-hant-tw", ViewState{Lang: "zh-Hant-TW"}, "lang=zh-Hant-TW", ""},
		{"lang=es-419", ViewState{Lang: "es-419"}, "lang=es-419", ""},
		{"lang=de_DE", ViewState{}, "lang=de_DE", "lang"},
		{"lang=german", ViewState{}, "lang=german", "lang"},
		{"lang=de-DE-u-nu-arab", ViewState{}, "lang=de-DE-u-nu-arab", "lang"},
		{"lang=%3Cscript%3E", ViewState{}, "lang=%3Cscript%3E", "lang"},
		{"lang=", ViewState{}, "", ""},
		{"view=list&at=2020", ViewState{List: true}, "at=2020&view=list", ""},
		{"view=chart", ViewState{}, "", ""},
		{"view=grid", ViewState{}, "view=grid", "view"},
		{"x=1&utm_source=news", ViewState{}, "", ""},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got := ParseViewState(q)
		if !slices.Equal(got.People, tt.want.People) || !got.From.Equal(tt.want.From) || !got.To.Equal(tt.want.To) ||
			got.Relationship != tt.want.Relationship || got.Event != tt.want.Event ||
			got.Theme != tt.want.Theme || got.NoTitle != tt.want.NoTitle || got.List != tt.want.List ||
			got.NoLegend != tt.want.NoLegend || got.NoEvents != tt.want.NoEvents || got.NoSources != tt.want.NoSources {
			t.Errorf("ParseViewState(%q) = %+v, want %+v", tt.query, got, tt.want)
		}
		if u := got.URL("/t/x"); u.RawQuery != tt.wantQuery {
			t.Errorf("ParseViewState(%q).URL() query = %q, want %q", tt.query, u.RawQuery, tt.wantQuery)
		}
		var unusable []string
		for name := range got.Unusable {
			unusable = append(unusable, name)
		}
		slices.Sort(unusable)
		if strings.Join(unusable, " ") != tt.unusable {
			t.Errorf("ParseViewState(%q) left out %q, want %q", tt.query, unusable, tt.unusable)
		}
	}
}

func TestUnusableText(t *testing.T) {
	tests := []struct{ query, want string }{
		{"person=a&at=2022", ""},
		{"at=someday", "Part of this link could not be used and was left out: at=someday (expected a date like 2022, 2022-06 or 2022-06-14, in the timeline's years)."},
		{"theme=purple&from=2019-13&to=2020", "Part of this link could not be used and was left out: " +
			"from=2019-13 (expected a date like 2022, 2022-06 or 2022-06-14, with to after it); " +
			"to=2020 (expected a date like 2022, 2022-06 or 2022-06-14, after from); theme=purple (expected light, dark, auto or host)."},
		{"hide=legend,footer", "Part of this link could not be used and was left out: hide=legend,footer (expected title, legend, events or sources, separated by commas)."},
		{"view=" + strings.Repeat("x", 100), "Part of this link could not be used and was left out: view=" + strings.Repeat("x", 40) + "… (expected list, or chart)."},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		if got := unusableText(ParseViewState(q)); got != tt.want {
			t.Errorf("UnusableText(%q) =\n%q\nwant\n%q", tt.query, got, tt.want)
		}
	}
	// What the view leaves out once it meets the timeline joins them.
	v := ParseViewState(url.Values{"rel": {"nope"}, "theme": {"x"}}).without("rel")
	if v.Relationship != "" || v.Unusable.Get("rel") != "nope" || v.Unusable.Get("theme") != "x" {
		t.Errorf("without(rel) = %+v", v)
	}
}

func TestViewStateCursor(t *testing.T) {
	got := ParseViewState(url.Values{"at": {"2022-06"}})
	if !got.At.Earliest.Equal(day(2022, 6, 1)) || dateText(got.At) != "June 2022" {
		t.Errorf("at=2022-06 gives %v (%q), want 1 June 2022 shown as June 2022", got.At.Earliest, dateText(got.At))
	}
}
