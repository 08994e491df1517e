//go:build !wasm

package app

import (
	"slices"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// partialLibrary is a fakeLibrary that gives parts of its timelines, and
// records what it was asked for.
type partialLibrary struct {
	fakeLibrary
	asked []string
}

func (l *partialLibrary) Timeline(id string) (*data.Timeline, error) {
	l.asked = append(l.asked, "whole "+id)
	return l.fakeLibrary.Timeline(id)
}

// TimelinePart gives what the API gives with people=all: the part of the
// people, with every person.
func (l *partialLibrary) TimelinePart(id string, people []string) (*data.Timeline, error) {
	l.asked = append(l.asked, "part "+id+" "+strings.Join(people, ","))
	t, err := l.fakeLibrary.Timeline(id)
	if err != nil {
		return nil, err
	}
	part, err := t.Involving(people)
	if err != nil {
		return nil, err
	}
	part.People = t.People
	return part, nil
}

// TestPageAsksForThePartItShows renders pages from a library that gives
// parts: a filtered page asks for its people's part, and shows what the
// whole timeline shows; a page of everyone asks for the whole.
func TestPageAsksForThePartItShows(t *testing.T) {
	tl := loadDefaultTimeline(t)
	for _, tt := range []struct{ target, asked string }{
		{"/t/james-norton?person=lily-allen", "part james-norton lily-allen"},
		{"/t/james-norton?person=david-harbour,imogen-poots", "part james-norton david-harbour,imogen-poots"},
		{"/t/james-norton", "whole james-norton"},
	} {
		lib := &partialLibrary{fakeLibrary: fakeLibrary{tl.ID: tl}}
		page := mainOf(t, serveHTML(t, lib, tt.target))
		if !slices.Contains(lib.asked, tt.asked) || slices.ContainsFunc(lib.asked, func(a string) bool { return a != tt.asked }) {
			t.Errorf("%s asked the library for %q, want %q only", tt.target, lib.asked, tt.asked)
		}
		whole := mainOf(t, serveHTML(t, fakeLibrary{tl.ID: tl}, tt.target))
		if got, want := lanePeople(page), lanePeople(whole); !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s shows lanes %q from its part, %q from the whole timeline", tt.target, got, want)
		}
		if got, want := swatches(page), swatches(whole); !slices.Equal(got, want) {
			t.Errorf("%s: colours %q from its part, %q from the whole timeline", tt.target, got, want)
		}
	}
}

// lanePeople are the people of the lanes of a page, in order.
func lanePeople(page *htmlNode) []string {
	var ids []string
	for _, lane := range page.all(withClass("lane")) {
		ids = append(ids, lane.attrs["data-person"])
	}
	return ids
}

// swatches are the colours of the people of a page, in order.
func swatches(page *htmlNode) []string {
	var classes []string
	for _, s := range page.all(withClass("swatch")) {
		classes = append(classes, s.attrs["class"])
	}
	return classes
}
