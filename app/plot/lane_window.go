package plot

import "sort"

// Windowed rendering: a chart of thousands of lanes puts only the lanes
// near the reader's view in the DOM, and stands in for the others with
// padding of their height, so that the page scrolls as if all were there.

// A LaneWindow is the run of lanes in the DOM, First to Last (excluded),
// and the height in CSS pixels of the lanes left out above and below it.
type LaneWindow struct {
	First, Last  int
	Above, Below float64
}

// LaneOffsets are the tops of lanes of the given heights, in pixels from
// the top of the first lane, followed by the bottom of the last.
func LaneOffsets(heights []float64) []float64 {
	offsets := make([]float64, len(heights)+1)
	for i, h := range heights {
		offsets[i+1] = offsets[i] + h
	}
	return offsets
}

// WindowLanes is the window of the lanes that overlap the band from top to
// bottom, in pixels from the top of the first lane, for lanes at the given
// offsets (LaneOffsets). A band beyond the last lane keeps the last lane in
// the window, so that a window is never empty while there are lanes.
func WindowLanes(offsets []float64, top, bottom float64) LaneWindow {
	n := len(offsets) - 1
	if n <= 0 {
		return LaneWindow{}
	}
	first := sort.Search(n, func(i int) bool { return offsets[i+1] > top })
	first = min(first, n-1)
	last := sort.Search(n, func(i int) bool { return offsets[i] >= bottom })
	last = max(last, first+1)
	return LaneWindow{
		First: first,
		Last:  last,
		Above: offsets[first],
		Below: offsets[n] - offsets[last],
	}
}

// Covers reports whether every lane at the given offsets that overlaps
// the band from top to bottom is in the window.
func (w LaneWindow) Covers(offsets []float64, top, bottom float64) bool {
	n := len(offsets) - 1
	if w.Last > n || w.First >= w.Last && n > 0 {
		return false
	}
	return (w.First == 0 || offsets[w.First] <= top) && (w.Last == n || offsets[w.Last] >= bottom)
}

// Reach widens the window, if need be, to hold the k lanes before lane i
// and the k after it, of the lanes at offsets: the keyboard's focus moves
// from one item to the next faster than the page scrolls to it, and must
// find the next lane drawn. The lanes drawn stay where they are (Follow).
func (w LaneWindow) Reach(offsets []float64, i, k int) LaneWindow {
	n := len(offsets) - 1
	if w.Last > n {
		return w
	}
	first, last := max(min(w.First, i-k), 0), min(max(w.Last, i+k+1), n)
	return w.Follow(offsets, LaneWindow{First: first, Last: last, Above: offsets[first], Below: offsets[n] - offsets[last]})
}

// Follow is the window next, drawn after w, placed so that the lanes both
// hold stay where w drew them. The heights of lanes never drawn are
// estimates, which change as lanes are drawn and measured: placed by the
// offsets alone, next moved what the reader was looking at, by 50 px
// when the focus came back to a bar among 2,000 lanes. Windows that share
// no lane are placed by the offsets: the reader has moved beyond w.
func (w LaneWindow) Follow(offsets []float64, next LaneWindow) LaneWindow {
	if next.First >= w.Last || w.First >= next.Last || w.Last >= len(offsets) {
		return next
	}
	next.Above = max(next.Above+w.Drift(offsets), 0)
	return next
}

// Drift is how far below where the offsets put them the lanes of w are
// drawn (see Follow); a band of the page, from the top of the lanes, is
// the band less Drift in the offsets.
func (w LaneWindow) Drift(offsets []float64) float64 {
	if w.First >= len(offsets) || w.First >= w.Last {
		return 0
	}
	return w.Above - offsets[w.First]
}
