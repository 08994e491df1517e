//go:build !wasm

package app

import (
	"slices"
	"strings"
	"testing"
)

func TestIndexPage(t *testing.T) {
	norton := loadDefaultTimeline(t)
	hostile := mustParseTimeline(t, hostileTimeline)

	// With one timeline, / is that timeline.
	page := mainOf(t, serveHTML(t, fakeLibrary{norton.ID: norton}, "/"))
	if got := texts(page.all(withTag("h1"))); !slices.Equal(got, []string{norton.Title}) {
		t.Errorf("/ with one timeline: headings = %q, want %q", got, norton.Title)
	}
	if got := texts(page.all(withClass("lane__person"))); !slices.Equal(got, defaultNames) {
		t.Errorf("/ with one timeline: lanes = %q, want %q", got, defaultNames)
	}

	// With more, / lists them, by id, each linking to its page.
	page = mainOf(t, serveHTML(t, fakeLibrary{norton.ID: norton, hostile.ID: hostile}, "/"))
	var got []string
	for _, a := range page.all(withTag("a")) {
		got = append(got, a.textContent()+" → "+a.attrs["href"])
	}
	want := []string{"<script>alert(1)</script> & friends → /t/hostile", norton.Title + " → /t/james-norton"}
	if !slices.Equal(got, want) {
		t.Errorf("/ with two timelines lists %q, want %q", got, want)
	}
}

// TestIndexPageShowsTheOnlyTimelineInItsView renders / with one timeline,
// which then takes its view from the URL as /t/{id} does: the server
// renders it after its own navigation, which the page it shows never
// hears of.
func TestIndexPageShowsTheOnlyTimelineInItsView(t *testing.T) {
	tl := loadDefaultTimeline(t)
	lib := fakeLibrary{tl.ID: tl}
	tests := []struct {
		url   string
		lanes []string
		note  string
	}{
		{"/", defaultNames, ""},
		{"/?person=david-harbour", []string{"Lily Allen", "David Harbour"}, "Showing David Harbour and their partners."},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			page := mainOf(t, serveHTML(t, lib, tt.url))
			if got := texts(page.all(withClass("lane__person"))); !slices.Equal(got, tt.lanes) {
				t.Errorf("lanes = %q, want %q", got, tt.lanes)
			}
			if !strings.Contains(page.textContent(), tt.note) {
				t.Errorf("the page does not say %q:\n%s", tt.note, page.textContent())
			}
		})
	}
}
