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

func TestTimeScaleYears(t *testing.T) {
	tests := []struct {
		name  string
		scale TimeScale
		want  float64
	}{
		{"one year", TimeScale{From: ymd(2023, time.January, 1), To: ymd(2024, time.January, 1)}, 1},
		{"nine years", TimeScale{From: ymd(2018, time.January, 1), To: ymd(2027, time.January, 1)}, 9},
		{"half a year", TimeScale{From: ymd(2023, time.January, 1), To: ymd(2023, time.July, 2)}, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.scale.Years(); math.Abs(got-tt.want) > 0.005 {
				t.Errorf("Years() = %v, want %v", got, tt.want)
			}
		})
	}
}
