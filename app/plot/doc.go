// Package plot places a timeline on a chart: the time window and its
// scale (TimeScale), zooming and panning within the timeline's years,
// the ticks of the axis, the lanes with their bars and markers in rows
// (LaneLayout), and which lanes are near the reader's view (LaneWindow).
//
// It is pure Go, without go-app or the browser: what it computes is
// tested natively, and the page (package app) draws it.
package plot
