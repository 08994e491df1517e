package app

import (
	"math"
	"time"
	"unicode/utf8"

	"github.com/liaison-timeline/liaison/app/plot"
	"github.com/liaison-timeline/liaison/data"
)

// An embed's parts above its lists, in CSS pixels (16 a rem), as Chromium
// drew them 800 px wide: the page's padding, top and bottom; the title's
// margin and one line of it, in which about one character in 12 px fits;
// the toolbar and the space to the chart; what choosing people adds (a
// row of chips and a notice); the axis; what a lane adds to its plot (its
// padding and border); the box that more than embedLanes lanes scroll in;
// and under the lanes, the chart's margin and a little room that shows
// the lists go on, and the legend (its margin and three lines of items,
// 105 px, since it names the stripes of conflicting accounts and the
// dashed end of a relationship's latest evidence), unless the embed
// hides it.
const (
	embedPadding      = 24 + 16
	embedTitleMargin  = 24
	embedTitleLine    = 28
	embedTitleCharPx  = 12
	embedToolbar      = 64 + 12
	embedChosenPeople = 48 + 32
	embedAxis         = 36
	embedLaneExtra    = 20.2
	embedLaneBox      = 512
	embedUnderLanes   = 18 + 24
	embedLegend       = 16 + 105
)

// EmbedHeight estimates how tall, in CSS pixels, the embed of the view v
// of t is, width pixels wide (640 or more: narrower, names stack over
// their lanes), down to its legend: an iframe that tall shows the whole
// chart, and scrolls to the details, events and sources under it. It is
// the height of embed codes that cannot run embed.js, which sizes the
// iframe to all of its content.
func EmbedHeight(t *data.Timeline, v ViewState, now time.Time, width int) int {
	h := float64(embedPadding + embedToolbar + embedAxis + embedUnderLanes)
	if !v.NoLegend {
		h += embedLegend
	}
	if !v.NoTitle {
		perLine := max(1, (width-embedPadding)/embedTitleCharPx)
		lines := (utf8.RuneCountInString(t.Title) + perLine - 1) / perLine
		h += embedTitleMargin + float64(max(1, lines)*embedTitleLine)
	}
	shown, err := t.Involving(v.People)
	if err != nil {
		shown = t
	} else if len(v.People) > 0 {
		h += embedChosenPeople
	}
	window := plot.Window(shown, now)
	if !v.From.IsZero() {
		window = plot.TimeScale{From: v.From, To: v.To}
	}
	lanes := plot.NewLaneLayout(shown, now, window).Lanes
	var plots float64
	for i := range lanes {
		plots += plotHeight(&lanes[i])*16 + embedLaneExtra
	}
	if len(lanes) > embedLanes {
		plots = min(plots, embedLaneBox)
	}
	return int(math.Ceil(h + plots))
}
