package plot

import "time"

// Zoom limits: a window is never shorter than two weeks (day ticks are the
// finest there are) nor wider than the view that fits everything, and it
// never leaves that view: beyond the timeline there is nothing to see, and
// a reader who zoomed out to 2004–2040 or panned past the data had only
// lost the chart.
const (
	minWindow = 14 * 24 * time.Hour
	// ZoomStep is how much one click of "+" or "−", one wheel notch or one
	// key press zooms.
	ZoomStep = 1.5
)

// Zoom scales the window s by factor (below 1 zooms in) around the instant
// at fraction f of it (0 is its start, 1 its end), so that the
// instant under the pointer stays under the pointer. fit is the view that
// shows everything; the result stays within the zoom limits around it.
func (s TimeScale) Zoom(factor, f float64, fit TimeScale) TimeScale {
	span := time.Duration(float64(s.To.Sub(s.From)) * factor)
	span = min(max(span, minWindow), fit.To.Sub(fit.From))
	pivot := s.From.Add(time.Duration(f * float64(s.To.Sub(s.From))))
	from := pivot.Add(-time.Duration(f * float64(span)))
	return TimeScale{From: from, To: from.Add(span)}.Within(fit)
}

// Pan moves the window by the given share of its width (negative is back
// in time), within fit.
func (s TimeScale) Pan(share float64, fit TimeScale) TimeScale {
	d := time.Duration(share * float64(s.To.Sub(s.From)))
	return TimeScale{From: s.From.Add(d), To: s.To.Add(d)}.Within(fit)
}

// Within is the window s kept within the zoom limits of fit: no shorter
// than two weeks, no wider than fit, and inside it, moved as little as
// that takes.
func (s TimeScale) Within(fit TimeScale) TimeScale {
	span := min(max(s.To.Sub(s.From), minWindow), fit.To.Sub(fit.From))
	from := s.From
	if latest := fit.To.Add(-span); from.After(latest) {
		from = latest
	}
	if from.Before(fit.From) {
		from = fit.From
	}
	return TimeScale{From: from, To: from.Add(span)}
}

// CanZoomIn and CanZoomOut say what the window s may still do
// within fit: the buttons that would do nothing say so.
func (s TimeScale) CanZoomIn() bool { return s.To.Sub(s.From) > minWindow }

func (s TimeScale) CanZoomOut(fit TimeScale) bool { return s.To.Sub(s.From) < fit.To.Sub(fit.From) }
