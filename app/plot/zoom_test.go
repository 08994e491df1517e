package plot

import (
	"math"
	"testing"
	"time"
)

func TestZoomKeepsThePointerInstant(t *testing.T) {
	fit := TimeScale{From: ymd(2018, 1, 1), To: ymd(2027, 1, 1)}
	tests := []struct {
		name   string
		factor float64
		f      float64
	}{
		{"zoom in at the left third", 1 / ZoomStep, 1.0 / 3},
		{"zoom in at the middle", 1 / ZoomStep, 0.5},
		{"zoom in at the right edge", 1 / ZoomStep, 1},
		{"zoom out at the middle", ZoomStep, 0.5},
	}
	w := TimeScale{From: ymd(2020, 1, 1), To: ymd(2023, 1, 1)}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := w.From.Add(time.Duration(tt.f * float64(w.To.Sub(w.From))))
			z := w.Zoom(tt.factor, tt.f, fit)
			wantSpan := time.Duration(float64(w.To.Sub(w.From)) * tt.factor)
			if d := z.To.Sub(z.From) - wantSpan; d.Abs() > time.Second {
				t.Errorf("span = %v, want %v", z.To.Sub(z.From), wantSpan)
			}
			if got := z.Percent(before); math.Abs(got-100*tt.f) > 0.01 {
				t.Errorf("the instant under the pointer moved from %.2f%% to %.2f%%", 100*tt.f, got)
			}
		})
	}
}

func TestZoomStopsAtBounds(t *testing.T) {
	fit := TimeScale{From: ymd(2018, 1, 1), To: ymd(2027, 1, 1)}
	in := fit
	for range 100 {
		in = in.Zoom(1/ZoomStep, 0.5, fit)
	}
	if span := in.To.Sub(in.From); span != minWindow || in.CanZoomIn() {
		t.Errorf("zooming in stops at %v (can zoom in: %v), want %v", span, in.CanZoomIn(), minWindow)
	}
	out := in
	for range 100 {
		out = out.Zoom(ZoomStep, 0.9, fit)
	}
	if out != fit || out.CanZoomOut(fit) {
		t.Errorf("zooming out stops at %v–%v (can zoom out: %v), want the whole timeline %v–%v", out.From, out.To, out.CanZoomOut(fit), fit.From, fit.To)
	}
	if !fit.CanZoomIn() {
		t.Error("the whole timeline cannot be zoomed into")
	}
}

func TestPanStaysOnTheTimeline(t *testing.T) {
	fit := TimeScale{From: ymd(2018, 1, 1), To: ymd(2027, 1, 1)}
	w := TimeScale{From: ymd(2022, 1, 1), To: ymd(2024, 1, 1)}
	moved := w.Pan(0.5, fit)
	if want := w.From.Add(w.To.Sub(w.From) / 2); !moved.From.Equal(want) || moved.To.Sub(moved.From) != w.To.Sub(w.From) {
		t.Errorf("Pan(0.5) = %v–%v, want a window of the same width from %v", moved.From, moved.To, want)
	}
	far := w
	for range 50 {
		far = far.Pan(1, fit)
	}
	if want := (TimeScale{From: ymd(2025, 1, 1), To: ymd(2027, 1, 1)}); far != want {
		t.Errorf("panned far right, the window is %v–%v, want the last two years %v–%v", far.From, far.To, want.From, want.To)
	}
	for range 100 {
		far = far.Pan(-1, fit)
	}
	if want := (TimeScale{From: ymd(2018, 1, 1), To: ymd(2020, 1, 1)}); far != want {
		t.Errorf("panned far left, the window is %v–%v, want the first two years", far.From, far.To)
	}
	if got := fit.Pan(0.3, fit); got != fit {
		t.Errorf("the whole timeline panned to %v–%v", got.From, got.To)
	}
}

func TestWithin(t *testing.T) {
	fit := TimeScale{From: ymd(2018, 1, 1), To: ymd(2027, 1, 1)}
	tests := []struct {
		name string
		in   TimeScale
		want TimeScale
	}{
		{"inside", TimeScale{ymd(2020, 1, 1), ymd(2021, 1, 1)}, TimeScale{ymd(2020, 1, 1), ymd(2021, 1, 1)}},
		{"wider than everything", TimeScale{ymd(1, 1, 1), ymd(9999, 1, 1)}, fit},
		{"before the timeline", TimeScale{ymd(1900, 1, 1), ymd(1902, 1, 1)}, TimeScale{ymd(2018, 1, 1), ymd(2020, 1, 1)}},
		{"after it", TimeScale{ymd(2030, 1, 1), ymd(2031, 1, 1)}, TimeScale{ymd(2026, 1, 1), ymd(2027, 1, 1)}},
		{"a day", TimeScale{ymd(2020, 1, 1), ymd(2020, 1, 2)}, TimeScale{ymd(2020, 1, 1), ymd(2020, 1, 15)}},
	}
	for _, tt := range tests {
		if got := tt.in.Within(fit); got != tt.want {
			t.Errorf("%s: Within = %v–%v, want %v–%v", tt.name, got.From, got.To, tt.want.From, tt.want.To)
		}
	}
}
