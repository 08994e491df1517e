package plot

import (
	"math"
	"testing"
	"time"
)

func TestTimeScalePercent(t *testing.T) {
	tenDays := TimeScale{From: ymd(2024, time.January, 1), To: ymd(2024, time.January, 11)}
	empty := TimeScale{From: ymd(2024, time.January, 1), To: ymd(2024, time.January, 1)}
	backwards := TimeScale{From: ymd(2024, time.January, 11), To: ymd(2024, time.January, 1)}
	tests := []struct {
		name  string
		scale TimeScale
		at    time.Time
		want  float64
	}{
		{"start of the window", tenDays, ymd(2024, time.January, 1), 0},
		{"end of the window", tenDays, ymd(2024, time.January, 11), 100},
		{"middle of the window", tenDays, ymd(2024, time.January, 6), 50},
		{"a tenth in", tenDays, ymd(2024, time.January, 2), 10},
		{"within a day", tenDays, ymd(2024, time.January, 1).Add(12 * time.Hour), 5},
		{"before the window", tenDays, ymd(2023, time.December, 27), -50},
		{"after the window", tenDays, ymd(2024, time.January, 16), 150},
		{"zero-length window, at it", empty, ymd(2024, time.January, 1), 0},
		{"zero-length window, after it", empty, ymd(2025, time.January, 1), 0},
		{"window ending before it starts", backwards, ymd(2024, time.January, 6), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.scale.Percent(tt.at)
			if math.IsNaN(got) || math.IsInf(got, 0) || math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Percent(%s) = %v, want %v", tt.at.Format(time.DateTime), got, tt.want)
			}
		})
	}
}

func TestTimeScaleEqual(t *testing.T) {
	year := TimeScale{From: ymd(2024, time.January, 1), To: ymd(2025, time.January, 1)}
	paris := time.FixedZone("CET", 3600)
	tests := []struct {
		a, b TimeScale
		want bool
	}{
		{year, year, true},
		{year, TimeScale{From: year.From.In(paris), To: year.To.In(paris)}, true}, // the same instants
		{year, TimeScale{From: year.From, To: year.To.Add(time.Second)}, false},
		{year, TimeScale{From: year.From.Add(-time.Second), To: year.To}, false},
	}
	for _, tt := range tests {
		if got := tt.a.Equal(tt.b); got != tt.want {
			t.Errorf("%v.Equal(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestTimeScaleWidth(t *testing.T) {
	tenDays := TimeScale{From: ymd(2024, time.January, 1), To: ymd(2024, time.January, 11)}
	tests := []struct {
		name     string
		scale    TimeScale
		from, to time.Time
		want     float64
	}{
		{"the whole window", tenDays, tenDays.From, tenDays.To, 100},
		{"three days", tenDays, ymd(2024, time.January, 3), ymd(2024, time.January, 6), 30},
		{"nothing", tenDays, ymd(2024, time.January, 3), ymd(2024, time.January, 3), 0},
		{"running past the end", tenDays, ymd(2024, time.January, 6), ymd(2024, time.January, 21), 150},
		{"in a zero-length window", TimeScale{From: tenDays.From, To: tenDays.From},
			ymd(2024, time.January, 3), ymd(2024, time.January, 6), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.scale.Width(tt.from, tt.to); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("Width = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestWindow(t *testing.T) {
	now := ymd(2025, time.June, 15)
	tests := []struct {
		name          string
		people        string
		relationships string
		events        string
		from, to      time.Time
	}{
		{"rounds out to whole years", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018-06-15"}],"end":{"date":"2020-03-10"}}`, "",
			ymd(2018, time.January, 1), ymd(2021, time.January, 1)},
		{"an ended relationship leaves now out", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2019"}}`, "",
			ymd(2018, time.January, 1), ymd(2020, time.January, 1)},
		// To its last phase's date, March 2021, and 3 % of the window more.
		{"an ongoing relationship without a dated source runs to the end of its last phase's date, not to now", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"},{"status":"married","from":"2021-03"}]}`, "",
			ymd(2018, time.January, 1), ymd(2021, time.June, 1)},
		{"an event after an ongoing relationship's latest evidence rounds out to the year", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"},{"status":"married","from":"2021-03"}]}`,
			`{"id":"a","date":"2021-05-05","kind":"other","title":"A","people":["ann"]}`,
			ymd(2018, time.January, 1), ymd(2022, time.January, 1)},
		{"an uncertain end counts to its latest day", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2023-09/2024-02"}}`, "",
			ymd(2018, time.January, 1), ymd(2025, time.January, 1)},
		{"an end on New Year's Eve adds no empty year", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2020-12-31"}}`, "",
			ymd(2018, time.January, 1), ymd(2021, time.January, 1)},
		{"events widen it both ways", "ann,bob",
			`{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2019"}}`,
			`{"id":"a","date":"2015-05-05","kind":"other","title":"A","people":["ann"]},
			 {"id":"b","date":"2022?","kind":"other","title":"B","people":["bob"]}`,
			ymd(2015, time.January, 1), ymd(2023, time.January, 1)},
		{"nothing dated: the year of now", "ann", ``, "",
			ymd(2025, time.January, 1), ymd(2026, time.January, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Window(testTimeline(t, tt.people, tt.relationships, tt.events), now)
			if !s.From.Equal(tt.from) || !s.To.Equal(tt.to) {
				t.Errorf("Window = %s – %s, want %s – %s", s.From.Format(time.DateOnly), s.To.Format(time.DateOnly),
					tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly))
			}
		})
	}
}

func TestWindowIgnoresBirthDates(t *testing.T) {
	tl := mustParseTimeline(t, `{"schema":"timeline/v1","id":"test","title":"Test",
		"people":[{"id":"ann","name":"Ann","born":"1950"},{"id":"bob","name":"Bob","born":"1948-02-03"}],
		"relationships":[{"id":"r","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],"end":{"date":"2019"}}]}`)
	s := Window(tl, ymd(2025, time.June, 15))
	if want := ymd(2018, time.January, 1); !s.From.Equal(want) {
		t.Errorf("Window starts %s, want %s: birth dates must not stretch the chart", s.From.Format(time.DateOnly), want.Format(time.DateOnly))
	}
}

// TestWindowOfAnOngoingRelationship ends the window of an ongoing
// relationship a few months after the month of its latest evidence,
// within its year, or after now when that is not known (a timeline made in
// code, not read by the server).
func TestWindowOfAnOngoingRelationship(t *testing.T) {
	now := ymd(2026, time.December, 1)
	tl := mustParseTimeline(t, `{"schema":"timeline/v1","id":"test","title":"Test",
	"people":[{"id":"ann","name":"Ann"},{"id":"bob","name":"Bob"}],
	"sources":[{"id":"news","outlet":"News","published":"2025-07"}],
	"relationships":[{"id":"ab","people":["ann","bob"],"phases":[{"status":"dating","from":"2018"}],
		"evidence":[{"source":"news","quote":"q"}]}]}`)
	if s := Window(tl, now); !s.From.Equal(ymd(2018, time.January, 1)) || !s.To.Equal(ymd(2025, time.November, 1)) {
		t.Errorf("Window = %s – %s, want 2018-01-01 – 2025-11-01, 3 %% after its source of July 2025, to the month",
			s.From.Format(time.DateOnly), s.To.Format(time.DateOnly))
	}
	late := *tl.Relationships[0].AsOf
	late.Earliest, late.Latest = ymd(2025, time.November, 1), ymd(2025, time.November, 30)
	tl.Relationships[0].AsOf = &late
	if s := Window(tl, now); !s.To.Equal(ymd(2026, time.January, 1)) {
		t.Errorf("with evidence of November 2025, Window ends %s, want 2026-01-01: no further than its year", s.To.Format(time.DateOnly))
	}
	tl.Relationships[0].AsOf = nil
	if s := Window(tl, now); !s.To.Equal(ymd(2027, time.January, 1)) {
		t.Errorf("without AsOf, Window ends %s, want 2027-01-01, after now", s.To.Format(time.DateOnly))
	}
}
