package plot

import (
	"cmp"
	"math"
	"slices"
)

// A stacker puts the bars, and separately the markers, of one lane after
// another into rows. It keeps its buffers from lane to lane.
type stacker struct {
	order   []keyed
	spans   [][2]float64
	bars    []Bar
	markers []Marker
	rows    rowPacker
}

// keyed is an item's index and the key it is sorted by.
type keyed struct {
	key   float64
	index int
}

// stackBars puts the lane's bars into the fewest rows in which none
// overlap: taken in order of their start, each goes into the first row
// whose last bar ends before it starts, which is optimal for intervals.
// Bars are placed by their dates, in seconds, which are exact, rather than
// in percent of the window, which are rounded: a bar's row must not change
// with the zoom (see Rescale).
func (s *stacker) stackBars(lane *Lane, l *LaneLayout) {
	s.order = s.order[:0]
	s.spans = s.spans[:0]
	for i := range lane.Bars {
		var from, to float64
		if r := lane.Bars[i].Relationship; len(r.Phases) > 0 {
			start, end := l.span(r)
			from, to = float64(start.Unix()), float64(end.Unix())
		}
		s.order = append(s.order, keyed{from, i})
		s.spans = append(s.spans, [2]float64{from, to})
	}
	sortKeyed(s.order)
	s.bars = append(s.bars[:0], lane.Bars...)
	s.rows.reset(len(lane.Bars))
	for k, o := range s.order {
		b := s.bars[o.index]
		b.Row = s.rows.place(s.spans[o.index][0], s.spans[o.index][1])
		lane.Bars[k] = b
	}
	lane.BarRows = max(1, s.rows.count)
}

// stackMarkers puts the lane's markers into rows as stackBars does bars,
// each taking at least markerWidth around its middle.
func (s *stacker) stackMarkers(lane *Lane) {
	s.order = s.order[:0]
	for i := range lane.Markers {
		s.order = append(s.order, keyed{lane.Markers[i].From, i})
	}
	sortKeyed(s.order)
	s.markers = append(s.markers[:0], lane.Markers...)
	s.rows.reset(len(lane.Markers))
	for k, o := range s.order {
		m := s.markers[o.index]
		m.Row = s.rows.place(min(m.From, m.At-markerWidth/2), max(m.To, m.At+markerWidth/2))
		lane.Markers[k] = m
	}
	lane.MarkerRows = s.rows.count
}

// sortKeyed sorts by key, equal keys in index order. A stable sort would
// do the same with O(n log² n) moves; pdqsort with the index as a second
// key takes O(n log n).
func sortKeyed(order []keyed) {
	slices.SortFunc(order, func(a, b keyed) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.index, b.index)
	})
}

// A rowPacker places items in rows: each in the lowest-numbered row whose
// last item ends at or before the new one starts, or else in a new row. A
// tree over the rows keeps the earliest end of each range of rows, so that
// finding that row takes O(log rows). Looking through the rows one by one
// took time in the square of a lane's items when most of them overlap: one
// person in thousands of relationships at once.
type rowPacker struct {
	// ends is a complete binary tree in an array: ends[1] is the root, the
	// children of node i are 2i and 2i+1, and leaf size+r holds the end of
	// row r (+Inf while the row is unused). Every other node holds the
	// least of its children.
	ends  []float64
	size  int // leaves: a power of two, at least the items to place
	count int // rows used so far
}

// reset empties the rows, for up to n items.
func (p *rowPacker) reset(n int) {
	p.size, p.count = 1, 0
	for p.size < n {
		p.size *= 2
	}
	if cap(p.ends) < 2*p.size {
		p.ends = make([]float64, 2*p.size)
	}
	p.ends = p.ends[:2*p.size]
	for i := range p.ends {
		p.ends[i] = math.Inf(1)
	}
}

// place returns the row of an item that takes [from, to).
func (p *rowPacker) place(from, to float64) int {
	if math.IsNaN(to) {
		to = math.Inf(1) // a row that ends nowhere is never free again
	}
	row := p.count
	if p.ends[1] <= from {
		i := 1
		for i < p.size {
			i *= 2 // the left child, unless no row under it is free
			if p.ends[i] > from {
				i++
			}
		}
		row = i - p.size
	} else {
		p.count++
	}
	i := p.size + row
	p.ends[i] = to
	for i > 1 {
		i /= 2
		p.ends[i] = min(p.ends[2*i], p.ends[2*i+1])
	}
	return row
}
