package plot

import "testing"

func TestWindowLanes(t *testing.T) {
	heights := []float64{100, 50, 100, 50, 100} // tops 0, 100, 150, 250, 300; end 400
	offsets := LaneOffsets(heights)
	tests := []struct {
		name        string
		top, bottom float64
		want        LaneWindow
	}{
		{"the top", 0, 120, LaneWindow{First: 0, Last: 2, Above: 0, Below: 250}},
		{"above the lanes", -500, -100, LaneWindow{First: 0, Last: 1, Above: 0, Below: 300}},
		{"the middle", 120, 260, LaneWindow{First: 1, Last: 4, Above: 100, Below: 100}},
		{"on lane edges", 150, 250, LaneWindow{First: 2, Last: 3, Above: 150, Below: 150}},
		{"the bottom", 350, 1000, LaneWindow{First: 4, Last: 5, Above: 300, Below: 0}},
		{"past the end keeps the last lane", 900, 1000, LaneWindow{First: 4, Last: 5, Above: 300, Below: 0}},
		{"all", -10, 410, LaneWindow{First: 0, Last: 5, Above: 0, Below: 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WindowLanes(offsets, tt.top, tt.bottom)
			if got != tt.want {
				t.Errorf("WindowLanes(%v, %v) = %+v, want %+v", tt.top, tt.bottom, got, tt.want)
			}
			if !got.Covers(offsets, tt.top, tt.bottom) {
				t.Errorf("the window %+v does not cover the band it was made for", got)
			}
		})
	}
	if got := WindowLanes(LaneOffsets(nil), 0, 100); got != (LaneWindow{}) {
		t.Errorf("no lanes: got %+v, want an empty window", got)
	}
}

func TestLaneWindowCovers(t *testing.T) {
	offsets := LaneOffsets([]float64{100, 100, 100, 100}) // 0, 100, 200, 300, 400
	w := LaneWindow{First: 1, Last: 3, Above: 100, Below: 100}
	tests := []struct {
		name        string
		offsets     []float64
		top, bottom float64
		want        bool
	}{
		{"inside", offsets, 110, 290, true},
		{"exactly", offsets, 100, 300, true},
		{"above the window", offsets, 90, 290, false},
		{"below the window", offsets, 110, 310, false},
		{"fewer lanes than the window", LaneOffsets([]float64{100, 100}), 110, 150, false},
		{"taller lanes moved the band", LaneOffsets([]float64{200, 200, 200, 200}), 210, 390, true},
		{"taller lanes left it short", LaneOffsets([]float64{50, 50, 50, 50}), 60, 160, false},
	}
	for _, tt := range tests {
		if got := w.Covers(tt.offsets, tt.top, tt.bottom); got != tt.want {
			t.Errorf("%s: Covers(%v, %v) = %v, want %v", tt.name, tt.top, tt.bottom, got, tt.want)
		}
	}
}

func TestLaneWindowReach(t *testing.T) {
	offsets := LaneOffsets([]float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}) // 0 … 1000
	w := LaneWindow{First: 3, Last: 6, Above: 300, Below: 400}
	tests := []struct {
		name string
		i, k int
		want LaneWindow
	}{
		{"in the middle of the window", 4, 1, w},
		{"at its last lane", 5, 2, LaneWindow{First: 3, Last: 8, Above: 300, Below: 200}},
		{"at its first lane", 3, 2, LaneWindow{First: 1, Last: 6, Above: 100, Below: 400}},
		{"near the end of the lanes", 6, 5, LaneWindow{First: 1, Last: 10, Above: 100, Below: 0}},
		{"near the start of the lanes", 3, 5, LaneWindow{First: 0, Last: 9, Above: 0, Below: 100}},
	}
	for _, tt := range tests {
		if got := w.Reach(offsets, tt.i, tt.k); got != tt.want {
			t.Errorf("%s: Reach(%d, %d) = %+v, want %+v", tt.name, tt.i, tt.k, got, tt.want)
		}
	}
}

func TestLaneWindowFollow(t *testing.T) {
	offsets := LaneOffsets([]float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}) // 0 … 1000
	// Lanes 3 to 5 drawn 40 px lower than the offsets now put them: the
	// lanes above were estimated taller when they were placed.
	drawn := LaneWindow{First: 3, Last: 6, Above: 340, Below: 400}
	tests := []struct {
		name       string
		next, want LaneWindow
	}{
		{"sharing lanes, further down", LaneWindow{First: 4, Last: 8, Above: 400, Below: 200},
			LaneWindow{First: 4, Last: 8, Above: 440, Below: 200}},
		{"sharing lanes, further up", LaneWindow{First: 1, Last: 4, Above: 100, Below: 600},
			LaneWindow{First: 1, Last: 4, Above: 140, Below: 600}},
		{"sharing none: placed by the offsets", LaneWindow{First: 7, Last: 9, Above: 700, Below: 100},
			LaneWindow{First: 7, Last: 9, Above: 700, Below: 100}},
		{"just above, sharing none", LaneWindow{First: 0, Last: 3, Above: 0, Below: 700},
			LaneWindow{First: 0, Last: 3, Above: 0, Below: 700}},
	}
	for _, tt := range tests {
		if got := drawn.Follow(offsets, tt.next); got != tt.want {
			t.Errorf("%s: Follow(%+v) = %+v, want %+v", tt.name, tt.next, got, tt.want)
		}
	}
	// The lane drawn first stays where it was: 340 px down.
	next := drawn.Follow(offsets, LaneWindow{First: 1, Last: 7, Above: 100, Below: 300})
	if at := next.Above + offsets[3] - offsets[next.First]; at != 340 {
		t.Errorf("after Follow, lane 3 is at %v px, want 340 where it was drawn", at)
	}
	if got := drawn.Drift(offsets); got != 40 {
		t.Errorf("Drift = %v, want 40", got)
	}
	// Lanes drawn above where the offsets put them cannot go above the
	// top of the list.
	high := LaneWindow{First: 1, Last: 3, Above: 50, Below: 700}
	if got := high.Follow(offsets, LaneWindow{First: 0, Last: 3, Above: 0, Below: 700}); got.Above != 0 {
		t.Errorf("Follow placed the first lane at %v px, above the list", got.Above)
	}
	if got := drawn.Reach(offsets, 3, 1); got.First != 2 || got.Above != 240 {
		t.Errorf("Reach moved the drawn lanes: %+v, want lane 2 at 240 px", got)
	}
}
