package plot

import (
	"math"
	"slices"
	"testing"
	"time"
)

// tickEvery is the spacing a test expects of the ticks.
type tickEvery struct{ years, months, days int }

func TestTicks(t *testing.T) {
	var (
		daily     = tickEvery{days: 1}
		weekly    = tickEvery{days: 7}
		monthly   = tickEvery{months: 1}
		quarterly = tickEvery{months: 3}
		halfYear  = tickEvery{months: 6}
		yearly    = tickEvery{years: 1}
		twoYears  = tickEvery{years: 2}
		fiveYears = tickEvery{years: 5}
		decades   = tickEvery{years: 10}
		fifty     = tickEvery{years: 50}
		centuries = tickEvery{years: 100}
	)
	tests := []struct {
		name     string
		from, to time.Time
		max      int
		every    tickEvery
		labels   []string
	}{
		{"3 days from midnight, 12 ticks",
			ymd(2022, time.March, 14), ymd(2022, time.March, 17), 12, daily,
			[]string{"14 Mar 2022", "15 Mar 2022", "16 Mar 2022", "17 Mar 2022"}},
		{"3 days from midday, 5 ticks: the first whole day after",
			ymd(2022, time.March, 14).Add(12 * time.Hour), ymd(2022, time.March, 17).Add(12 * time.Hour), 5, daily,
			[]string{"15 Mar 2022", "16 Mar 2022", "17 Mar 2022"}},
		{"2 months, 12 ticks: weeks",
			ymd(2025, time.May, 1), ymd(2025, time.July, 1), 12, weekly,
			[]string{"1 May 2025", "8 May 2025", "15 May 2025", "22 May 2025", "29 May 2025",
				"5 Jun 2025", "12 Jun 2025", "19 Jun 2025", "26 Jun 2025"}},
		{"2 months, 5 ticks: months",
			ymd(2025, time.May, 1), ymd(2025, time.July, 1), 5, monthly,
			[]string{"May 2025", "Jun 2025", "Jul 2025"}},
		{"2 months from mid-May, 5 ticks: the 1st of the months after",
			ymd(2025, time.May, 10), ymd(2025, time.July, 10), 5, monthly,
			[]string{"Jun 2025", "Jul 2025"}},
		{"2 years, 12 ticks: quarters",
			ymd(2023, time.January, 1), ymd(2025, time.January, 1), 12, quarterly,
			[]string{"Jan 2023", "Apr 2023", "Jul 2023", "Oct 2023", "Jan 2024",
				"Apr 2024", "Jul 2024", "Oct 2024", "Jan 2025"}},
		{"2 years from mid-February, 12 ticks: quarters from April",
			ymd(2023, time.February, 15), ymd(2025, time.February, 15), 12, quarterly,
			[]string{"Apr 2023", "Jul 2023", "Oct 2023", "Jan 2024",
				"Apr 2024", "Jul 2024", "Oct 2024", "Jan 2025"}},
		{"2 years, 5 ticks: half years",
			ymd(2023, time.January, 1), ymd(2025, time.January, 1), 5, halfYear,
			[]string{"Jan 2023", "Jul 2023", "Jan 2024", "Jul 2024", "Jan 2025"}},
		{"9 years, 12 ticks: years",
			ymd(2018, time.January, 1), ymd(2027, time.January, 1), 12, yearly,
			[]string{"2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027"}},
		{"9 years, 5 ticks: every other year",
			ymd(2018, time.January, 1), ymd(2027, time.January, 1), 5, twoYears,
			[]string{"2018", "2020", "2022", "2024", "2026"}},
		{"9 years from mid-2018, 12 ticks: from 2019",
			ymd(2018, time.June, 15), ymd(2027, time.March, 1), 12, yearly,
			[]string{"2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027"}},
		{"40 years, 12 ticks: every 5 years",
			ymd(1980, time.January, 1), ymd(2020, time.January, 1), 12, fiveYears,
			[]string{"1980", "1985", "1990", "1995", "2000", "2005", "2010", "2015", "2020"}},
		{"40 years from mid-1983, 12 ticks: years divisible by 5",
			ymd(1983, time.June, 1), ymd(2023, time.June, 1), 12, fiveYears,
			[]string{"1985", "1990", "1995", "2000", "2005", "2010", "2015", "2020"}},
		{"40 years, 5 ticks: decades",
			ymd(1980, time.January, 1), ymd(2020, time.January, 1), 5, decades,
			[]string{"1980", "1990", "2000", "2010", "2020"}},
		{"300 years, 12 ticks: every 50 years",
			ymd(1700, time.January, 1), ymd(2000, time.January, 1), 12, fifty,
			[]string{"1700", "1750", "1800", "1850", "1900", "1950", "2000"}},
		{"300 years, 5 ticks: centuries",
			ymd(1700, time.January, 1), ymd(2000, time.January, 1), 5, centuries,
			[]string{"1700", "1800", "1900", "2000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := TimeScale{From: tt.from, To: tt.to}
			ticks := Ticks(s, tt.max)
			var labels []string
			for _, tick := range ticks {
				labels = append(labels, englishLabel(tick))
			}
			if !slices.Equal(labels, tt.labels) {
				t.Errorf("labels = %q\nwant %q", labels, tt.labels)
			}
			if len(ticks) > tt.max {
				t.Errorf("%d ticks, more than the %d allowed", len(ticks), tt.max)
			}
			for i, tick := range ticks {
				checkRound(t, tick.Time, tt.every)
				if tick.Time.Before(s.From) || tick.Time.After(s.To) {
					t.Errorf("tick %s lies outside the window %s–%s", tick.Time, s.From, s.To)
				}
				if want := s.Percent(tick.Time); math.Abs(tick.Percent-want) > 1e-9 || tick.Percent < 0 || tick.Percent > 100 {
					t.Errorf("tick %s at %v%%, want %v%%", tick.Time, tick.Percent, want)
				}
				if i > 0 {
					prev := ticks[i-1].Time
					if want := prev.AddDate(tt.every.years, tt.every.months, tt.every.days); !tick.Time.Equal(want) {
						t.Errorf("tick after %s is %s, want %s", prev, tick.Time, want)
					}
				}
			}
		})
	}
}

// checkRound fails t unless at is a round date for ticks of that spacing:
// midnight, the 1st of a month whose number (from 0) the step in months
// divides, or January 1st of a year the step in years divides.
func checkRound(t *testing.T, at time.Time, every tickEvery) {
	t.Helper()
	if at.Location() != time.UTC || at.Hour()+at.Minute()+at.Second()+at.Nanosecond() != 0 {
		t.Errorf("tick %s is not at midnight UTC", at)
	}
	switch {
	case every.years > 0:
		if at.Month() != time.January || at.Day() != 1 || at.Year()%every.years != 0 {
			t.Errorf("tick %s is not on January 1st of a year divisible by %d", at.Format(time.DateOnly), every.years)
		}
	case every.months > 0:
		if at.Day() != 1 || (int(at.Month())-1)%every.months != 0 {
			t.Errorf("tick %s is not on the 1st of a month every %d months from January", at.Format(time.DateOnly), every.months)
		}
	}
}

func TestTicksNeverCrowd(t *testing.T) {
	// Every window from a day to 300 years keeps within the limit, with
	// its ticks in order.
	from := ymd(1900, time.March, 7)
	for _, days := range []int{1, 2, 6, 13, 40, 95, 200, 400, 800, 1500, 3000, 7000, 15000, 40000, 110000} {
		for _, limit := range []int{5, 8, 12} {
			s := TimeScale{From: from, To: from.AddDate(0, 0, days)}
			ticks := Ticks(s, limit)
			if len(ticks) > limit || len(ticks) == 0 {
				t.Errorf("%d days, at most %d ticks: got %d", days, limit, len(ticks))
			}
			for i := 1; i < len(ticks); i++ {
				if !ticks[i].Time.After(ticks[i-1].Time) {
					t.Errorf("%d days: ticks out of order: %s then %s", days, ticks[i-1].Time, ticks[i].Time)
				}
			}
		}
	}
}

// englishLabel is a tick's label in English, as Go writes dates: the app
// writes it in the page's language from CLDR (app/text.go).
func englishLabel(t Tick) string {
	return t.Time.Format(map[Unit]string{Years: "2006", Months: "Jan 2006", Days: "2 Jan 2006"}[t.Unit])
}
