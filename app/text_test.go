package app

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

func TestCount(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "Show 0 more relationships"},
		{1, "Show 1 more relationship"},
		{2, "Show 2 more relationships"},
		{1000, "Show 1,000 more relationships"},
	}
	for _, tt := range tests {
		if got := showMoreText(tt.n, relationshipRows); got != tt.want {
			t.Errorf("showMoreText(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestProblem(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"unknown timeline", &data.UnknownTimelineError{ID: "nobody"}, "There is no timeline called “nobody”."},
		{"unknown timeline, wrapped", fmt.Errorf("loading: %w", &data.UnknownTimelineError{ID: "nobody"}),
			"There is no timeline called “nobody”."},
		{"unknown person", &data.UnknownPersonError{Timeline: "james-norton", Person: "bob"},
			"This timeline has nobody called “bob”."},
		{"anything else", errors.New("the disk is on fire"), "The timeline could not be loaded: the disk is on fire"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Only the first sentence is fixed: what follows is advice.
			if got := problemText(tt.err); !strings.HasPrefix(got, tt.want) {
				t.Errorf("problemText() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRelationshipLabel(t *testing.T) {
	norton := loadDefaultTimeline(t)
	small := mustParseTimeline(t, `{"schema":"timeline/v1","id":"test","title":"Test",
		"people":[{"id":"ann","name":"Ann"},{"id":"bob","name":"Bob"}],
		"relationships":[
			{"id":"day","people":["ann","bob"],"phases":[{"status":"dating","from":"2022-03-14"}],"end":{"date":"2023-06"}},
			{"id":"rumour","people":["ann","bob"],"certainty":"rumoured","phases":[{"status":"dating","from":"2015~"}]},
			{"id":"between","people":["ann","bob"],"phases":[{"status":"married","from":"2016"}],"end":{"date":"2023-09/2023-12"}}
		]}`)
	tests := []struct {
		tl            *data.Timeline
		id            string
		self, partner string
		want          string
	}{
		{norton, "james-norton-imogen-poots", "James Norton", "Imogen Poots",
			"James Norton and Imogen Poots: dating from 2018, engaged from 2022, split late 2023"},
		{norton, "james-norton-imogen-poots", "Imogen Poots", "James Norton",
			"Imogen Poots and James Norton: dating from 2018, engaged from 2022, split late 2023"},
		{norton, "james-norton-lily-allen", "Lily Allen", "James Norton",
			"Lily Allen and James Norton: dating from probably 2025 (inferred from the article), ongoing (reported)"},
		{small, "day", "Ann", "Bob", "Ann and Bob: dating from 14 March 2022, split June 2023"},
		{small, "rumour", "Bob", "Ann", "Bob and Ann: dating from about 2015, ongoing (rumoured)"},
		{small, "between", "Ann", "Bob", "Ann and Bob: married from 2016, split between September and December 2023"},
	}
	for _, tt := range tests {
		t.Run(tt.id+" from "+tt.self, func(t *testing.T) {
			r, ok := tt.tl.Relationship(tt.id)
			if !ok {
				t.Fatalf("no relationship %q", tt.id)
			}
			if got := relationshipLabel(r, tt.self, tt.partner); got != tt.want {
				t.Errorf("relationshipLabel = %q\nwant %q", got, tt.want)
			}
		})
	}
}
