package server

import (
	"encoding/json"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/plot"
)

// TestAPILanes checks the chunks of lanes a timeline too large for its
// page is fetched in (?lanes=K): the first has every person, source and
// event, the time span of the whole and the rows of bars of every lane;
// each has the relationships of the people of its lanes, the others
// nothing else; together they hold every relationship.
func TestAPILanes(t *testing.T) {
	_, srv, tl := generatedServer(t, 6000) // 1,200 people: three chunks
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	chunks := (len(tl.People) + app.LaneChunk - 1) / app.LaneChunk
	seen := map[string]bool{}
	for k := range chunks {
		status, _, body := get(t, srv.URL+app.TimelineLanesAPIPath(tl.ID, k))
		if status != http.StatusOK {
			t.Fatalf("chunk %d: status %d: %s", k, status, body)
		}
		var answer app.LaneChunkAnswer
		if err := json.Unmarshal([]byte(body), &answer); err != nil || answer.Timeline == nil {
			t.Fatalf("chunk %d: %v, timeline %v", k, err, answer.Timeline)
		}
		part := answer.Timeline
		if k == 0 {
			if len(part.People) != len(tl.People) || len(part.Events) != len(tl.Events) || len(part.Sources) != len(tl.Sources) {
				t.Errorf("chunk %d has %d people, %d events and %d sources, want all: %d, %d, %d",
					k, len(part.People), len(part.Events), len(part.Sources), len(tl.People), len(tl.Events), len(tl.Sources))
			}
			if got, want := plot.Window(part, now), plot.Window(tl, now); !got.Equal(want) {
				t.Errorf("chunk %d spans %v, want the whole timeline's %v", k, got, want)
			}
			if want := plot.BarRows(tl, now); !slices.Equal(answer.LaneBarRows, want) {
				t.Errorf("chunk 0 gives the lanes %v rows of bars, want %v", answer.LaneBarRows, want)
			}
		} else {
			var keys map[string]json.RawMessage
			json.Unmarshal([]byte(body), &keys)
			if _, ok := keys["relationships"]; !ok || len(keys) != 1 {
				t.Errorf("chunk %d has the fields %v, want relationships alone: the first chunk has the rest", k, slices.Sorted(maps.Keys(keys)))
			}
		}
		lanes := map[string]bool{}
		for _, p := range tl.People[k*app.LaneChunk : min((k+1)*app.LaneChunk, len(tl.People))] {
			lanes[p.ID] = true
		}
		has := map[string]bool{}
		for _, r := range part.Relationships {
			has[r.ID] = true
			seen[r.ID] = true
		}
		others := 0
		for _, r := range tl.Relationships {
			in := lanes[r.People[0]] || lanes[r.People[1]]
			if in && !has[r.ID] {
				t.Errorf("chunk %d lacks %s, of its lanes", k, r.ID)
			}
			if !in && has[r.ID] {
				others++
			}
		}
		if others > 3 || k > 0 && others > 0 {
			t.Errorf("chunk %d has %d relationships of other lanes, want the 3 of the time span at most, in the first chunk only", k, others)
		}
	}
	if len(seen) != len(tl.Relationships) {
		t.Errorf("the chunks hold %d relationships together, want all %d", len(seen), len(tl.Relationships))
	}
}

// TestAPILanesRefuses checks that every lanes parameter but one chunk's
// number, alone, is refused with a 400 that says what was expected, and
// that no answer is cached for it.
func TestAPILanesRefuses(t *testing.T) {
	s, srv, tl := generatedServer(t, 6000)
	base := srv.URL + app.TimelinesAPIPath + "/" + tl.ID + "?"
	for _, tt := range []struct {
		query  string
		status int
	}{
		{"lanes=0", 200},
		{"lanes=2", 200},
		{"lanes=002", 200}, // the same chunk: one key
		{"lanes=3", 400},   // 1,200 lanes: chunks 0 to 2
		{"lanes=", 400},
		{"lanes", 400},
		{"lanes=-1", 400},
		{"lanes=%2B1", 400},
		{"lanes=%201", 400},
		{"lanes=1%20", 400},
		{"lanes=1e2", 400},
		{"lanes=0x1", 400},
		{"lanes=1.0", 400},
		{"lanes=%EF%BC%91", 400}, // a fullwidth digit one
		{"lanes=99999999", 400},
		{"lanes=" + strings.Repeat("9", 5000), 400},
		{"lanes=9223372036854775807", 400},
		{"lanes=0&lanes=1", 400},
		{"lanes=0&person=" + url.QueryEscape(tl.People[0].ID), 400},
		{"lanes=0&people=all", 400},
		{"lanes=0%00", 400},
	} {
		status, header, body := get(t, base+tt.query)
		if status != tt.status {
			t.Errorf("?%.60s: status %d, want %d: %.200s", tt.query, status, tt.status, body)
			continue
		}
		if status == 400 && (!strings.Contains(body, `"lanes`) || !strings.HasPrefix(header.Get("Content-Type"), "application/json")) {
			t.Errorf("?%.60s: the error %.200q does not name the parameter in JSON", tt.query, body)
		}
	}
	for key := range s.current().api.entries {
		if strings.Contains(key, "lanes") && !slices.ContainsFunc([]string{lanesKey(tl.ID, 0), lanesKey(tl.ID, 2)}, func(k string) bool { return strings.HasPrefix(key, k) }) {
			t.Errorf("the API's cache keeps %q", key)
		}
	}
}
