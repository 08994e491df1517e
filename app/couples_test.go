package app

import (
	"testing"
	"time"
)

func TestCouplesAtOnTheDefaultTimeline(t *testing.T) {
	tl := loadDefaultTimeline(t)
	tests := []struct {
		day  time.Time
		want []string
	}{
		{day(2016, 6, 1), nil},
		// Between the two accounts of when they began, 2017 and 2018.
		{day(2017, 6, 1), []string{"james-norton-imogen-poots: possibly dating"}},
		{day(2018, 6, 1), []string{"james-norton-imogen-poots: possibly dating"}},
		{day(2019, 6, 1), []string{"james-norton-imogen-poots: dating", "lily-allen-david-harbour: possibly dating"}},
		{day(2022, 6, 1), []string{"james-norton-imogen-poots: dating, possibly engaged", "lily-allen-david-harbour: married"}},
		{day(2023, 6, 1), []string{"james-norton-imogen-poots: engaged", "lily-allen-david-harbour: married"}},
		{day(2023, 10, 1), []string{"james-norton-imogen-poots: engaged, possibly split", "lily-allen-david-harbour: married"}},
		{day(2024, 6, 1), []string{"lily-allen-david-harbour: married, possibly split"}},
		{day(2025, 6, 1), []string{"james-norton-lily-allen: possibly dating (reported)"}},
		{day(2025, 7, 31), []string{"james-norton-lily-allen: possibly dating (reported)"}},
		// After the article of July 2025, nothing is known.
		{day(2025, 8, 1), []string{"james-norton-lily-allen: not known after July 2025 (dating then) (reported)"}},
		{day(2026, 6, 1), []string{"james-norton-lily-allen: not known after July 2025 (dating then) (reported)"}},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range couplesAt(tl, tt.day) {
			got = append(got, c.Relationship.ID+": "+coupleText(c))
		}
		if len(got) != len(tt.want) {
			t.Errorf("couplesAt(%s) = %q, want %q", tt.day.Format("2006-01-02"), got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("couplesAt(%s)[%d] = %q, want %q", tt.day.Format("2006-01-02"), i, got[i], tt.want[i])
			}
		}
	}
}

// TestEvidenceCountHasTheAccounts counts the quotes of the accounts of a
// date among a relationship's: James Norton and Imogen Poots have eight,
// one of them the account of 2017. (Read without the article's text here,
// none is verified.)
func TestEvidenceCountHasTheAccounts(t *testing.T) {
	tl := loadDefaultTimeline(t)
	r, _ := tl.Relationship("james-norton-imogen-poots")
	if n, verified := evidenceCount(r); n != 8 || verified != 0 {
		t.Errorf("evidenceCount = %d, %d verified; want 8, none verified", n, verified)
	}
}
