package app

import (
	"math"
	"testing"
	"time"
)

func TestZoomKeepsThePointerInstant(t *testing.T) {
	fit := TimeScale{From: day(2018, 1, 1), To: day(2027, 1, 1)}
	tests := []struct {
		name   string
		factor float64
		f      float64
	}{
		{"zoom in at the left third", 1 / zoomStep, 1.0 / 3},
		{"zoom in at the middle", 1 / zoomStep, 0.5},
		{"zoom in at the right edge", 1 / zoomStep, 1},
		{"zoom out at the middle", zoomStep, 0.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := fit.From.Add(time.Duration(tt.f * float64(fit.To.Sub(fit.From))))
			z := fit.Zoom(tt.factor, tt.f, fit)
			wantSpan := time.Duration(float64(fit.To.Sub(fit.From)) * tt.factor)
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
	fit := TimeScale{From: day(2018, 1, 1), To: day(2027, 1, 1)}
	in := fit
	for range 100 {
		in = in.Zoom(1/zoomStep, 0.5, fit)
	}
	if span := in.To.Sub(in.From); span != minWindow {
		t.Errorf("zooming in stops at %v, want %v", span, minWindow)
	}
	out := fit
	for range 100 {
		out = out.Zoom(zoomStep, 0.5, fit)
	}
	if span, want := out.To.Sub(out.From), zoomOutFactor*fit.To.Sub(fit.From); span != want {
		t.Errorf("zooming out stops at %v, want %v", span, want)
	}
	if out.Percent(fit.From) < 0 || out.Percent(fit.To) > 100 {
		t.Errorf("zoomed all the way out, the window %v–%v does not show the whole timeline", out.From, out.To)
	}
	short := TimeScale{From: day(2022, 1, 1), To: day(2022, 3, 1)}
	if z := short.Zoom(1000, 0.5, short); z.To.Sub(z.From) != minWidestWindow {
		span := z.To.Sub(z.From)
		t.Errorf("a short timeline zooms out to only %v, want %v", span, minWidestWindow)
	}
}

func TestPanStaysNearTheTimeline(t *testing.T) {
	fit := TimeScale{From: day(2018, 1, 1), To: day(2027, 1, 1)}
	w := TimeScale{From: day(2022, 1, 1), To: day(2024, 1, 1)}
	moved := w.Pan(0.5, fit)
	if want := w.From.Add(w.To.Sub(w.From) / 2); !moved.From.Equal(want) || moved.To.Sub(moved.From) != w.To.Sub(w.From) {
		t.Errorf("Pan(0.5) = %v–%v, want a window of the same width from %v", moved.From, moved.To, want)
	}
	far := w
	for range 50 {
		far = far.Pan(1, fit)
	}
	if got := far.Percent(fit.To); got < 50 {
		t.Errorf("panned far right, the timeline's end is at %.1f%% of the window: more than half is empty", got)
	}
	for range 100 {
		far = far.Pan(-1, fit)
	}
	if got := far.Percent(fit.From); got > 50 {
		t.Errorf("panned far left, the timeline's start is at %.1f%%", got)
	}
}
