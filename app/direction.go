package app

// The chart's time runs the way its page reads: later to the right in a
// left-to-right language, later to the left in Arabic or Hebrew, whose
// readers read a timeline from right to left (the layout of the page
// mirrors too: names on the right). This file is the one place that knows
// it. The chart places its items from the inline start (the CSS property
// named by startEdge), so the stylesheet mirrors them with the page's
// dir; what the browser measures in client pixels, left to right (a
// pointer's x, a drag, a sideways wheel, the arrow keys), becomes time
// here.

// startEdge is the inline style property that places an item of the chart
// at a percentage of its window from the earlier edge: the left in a
// left-to-right page, the right in a right-to-left one.
const startEdge = "inset-inline-start"

// endEdge places an item from the later edge, as startEdge from the
// earlier one.
const endEdge = "inset-inline-end"

// laterward is +1 when later dates lie to the right of the chart, -1
// when they lie to its left: the page's language runs right to left.
func laterward() float64 {
	if words().RTL() {
		return -1
	}
	return 1
}

// fractionLater is how far client x lies across a plot that spans left
// to left+width, from 0 at the earlier edge to 1 at the later.
func fractionLater(x, left, width float64) float64 {
	f := min(max((x-left)/width, 0), 1)
	if laterward() < 0 {
		return 1 - f
	}
	return f
}

// arrowLater is +1 when key moves to later dates, -1 when to earlier
// ones, 0 when it is no left or right arrow: ArrowLeft is earlier in a
// left-to-right page and later in a right-to-left one, where later dates
// are to the left.
func arrowLater(key string) int {
	step := 0
	switch key {
	case "ArrowLeft":
		step = -1
	case "ArrowRight":
		step = 1
	}
	return step * int(laterward())
}

// earlierArrow and laterArrow point where earlier and later dates are.
func earlierArrow() string {
	if laterward() < 0 {
		return "▶"
	}
	return "◀"
}

func laterArrow() string {
	if laterward() < 0 {
		return "◀"
	}
	return "▶"
}
