package app

import "time"

// Zoom limits: a window is never shorter than two weeks (day ticks are the
// finest there are) and never wider than four times the view that fits
// everything, or ten years when that view is short.
const (
	minWindow       = 14 * 24 * time.Hour
	zoomOutFactor   = 4
	minWidestWindow = 10 * 365 * 24 * time.Hour
	// zoomStep is how much one click of "+" or "−", one wheel notch or one
	// key press zooms.
	zoomStep = 1.5
)

// Zoom scales the window s by factor (below 1 zooms in) around the instant
// at fraction f of it (0 is the left edge, 1 the right), so that the
// instant under the pointer stays under the pointer. fit is the view that
// shows everything; the result stays within the zoom limits around it.
func (s TimeScale) Zoom(factor, f float64, fit TimeScale) TimeScale {
	span := time.Duration(float64(s.To.Sub(s.From)) * factor)
	span = min(max(span, minWindow), widest(fit))
	pivot := s.From.Add(time.Duration(f * float64(s.To.Sub(s.From))))
	from := pivot.Add(-time.Duration(f * float64(span)))
	return TimeScale{From: from, To: from.Add(span)}.within(fit)
}

// Pan moves the window by the given share of its width (negative is back
// in time), keeping it within reach of fit.
func (s TimeScale) Pan(share float64, fit TimeScale) TimeScale {
	d := time.Duration(share * float64(s.To.Sub(s.From)))
	return TimeScale{From: s.From.Add(d), To: s.To.Add(d)}.within(fit)
}

// within keeps a window from drifting away from the timeline: a window
// narrower than the view that fits everything keeps at least half of its
// width over that view; a wider one keeps all of that view in sight, or is
// centred on it.
func (s TimeScale) within(fit TimeScale) TimeScale {
	span := s.To.Sub(s.From)
	if span >= fit.To.Sub(fit.From) {
		mid := fit.From.Add(fit.To.Sub(fit.From) / 2)
		lo, hi := fit.To.Add(-span), fit.From
		if from := mid.Add(-span / 2); s.From.Before(lo) || s.From.After(hi) {
			return TimeScale{From: from, To: from.Add(span)}
		}
		return s
	}
	lo, hi := fit.From.Add(-span/2), fit.To.Add(-span/2)
	from := s.From
	if from.Before(lo) {
		from = lo
	}
	if from.After(hi) {
		from = hi
	}
	return TimeScale{From: from, To: from.Add(span)}
}

func widest(fit TimeScale) time.Duration {
	return max(zoomOutFactor*fit.To.Sub(fit.From), minWidestWindow)
}
