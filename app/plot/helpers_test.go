package plot

import (
	"strings"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
)

// ymd is midnight UTC on a day.
func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// mustParseTimeline parses a timeline file given as JSON, failing the test
// if it is not valid: tests get dates exactly as the data package makes them.
func mustParseTimeline(t *testing.T, src string) *data.Timeline {
	t.Helper()
	tl, err := data.Parse("test", []byte(src))
	if err != nil {
		t.Fatalf("test timeline does not parse:\n%v\n%s", err, src)
	}
	return tl
}

// testTimeline parses a timeline of the given people (ids; each is named by
// its id with a capital letter) with relationships and events given as the
// bodies of their JSON arrays.
func testTimeline(t *testing.T, people, relationships, events string) *data.Timeline {
	t.Helper()
	var list []string
	for _, id := range strings.Split(people, ",") {
		list = append(list, `{"id":"`+id+`","name":"`+strings.ToUpper(id[:1])+id[1:]+`"}`)
	}
	src := `{"schema":"timeline/v1","id":"test","title":"Test",
		"people":[` + strings.Join(list, ",") + `],
		"relationships":[` + relationships + `]`
	if events != "" {
		src += `,"events":[` + events + `]`
	}
	return mustParseTimeline(t, src+"}")
}

// defaultTimeline is the timeline the site ships with.
func defaultTimeline(t *testing.T) *data.Timeline {
	t.Helper()
	lib, err := data.LoadLibrary(timelines.FS)
	if err != nil {
		t.Fatal(err)
	}
	tl, _ := lib.Timeline("james-norton")
	return tl
}
