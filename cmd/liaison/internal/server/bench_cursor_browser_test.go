//go:build built

package server

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/chromedp/cdproto/input"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The "as of" cursor's part of the browser benchmark: how smoothly the
// cursor follows a mouse that drags it, which issue 6 wants at 30 frames a
// second or more with 10,000 relationships.

// The drag: dragMoves mouse moves, one every dragInterval (a little more
// often than a 60 Hz display's frames, so that each frame has a new
// position to show), from the handle to dragReach of the plot's width right
// of the middle, then across to as far left of it: about 1.5 s. With the
// window zoomed in a step, each move crosses months, so each can put the
// cursor somewhere new.
const (
	dragMoves    = 90
	dragInterval = 16 * time.Millisecond
	dragReach    = 0.35
)

// cursorProbe counts, from when it is run, the frames in which the
// cursor's line across the lanes is somewhere new: a requestAnimationFrame
// loop notes the start of each frame in which the line's position differs
// from the frame before's. Frames run only as often as the page paints, so
// a page busy with each move gets fewer of them, and one that never moves
// the line gets none. settled resolves, after the drag, once the line has
// stayed put for 30 frames (or a minute has passed), to the number of
// frames that moved it and the milliseconds from the first to the last.
const cursorProbe = `(() => {
  const left = () => { const line = document.querySelector(".cursor-line"); return line ? line.style.insetInlineStart : ""; };
  const watch = window.__liaisonBench.cursor = {moved: [], still: 0};
  let last = left();
  const frame = time => {
    const now = left();
    if (now !== last) { watch.moved.push(time); watch.still = 0; last = now; }
    else watch.still++;
    if (!watch.stopped) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  watch.settled = () => new Promise(resolve => {
    const released = performance.now();
    const check = () => {
      if (watch.still < 30 && performance.now() - released < 60000) { setTimeout(check, 50); return; }
      watch.stopped = true;
      const moved = watch.moved;
      resolve({frames: moved.length, elapsed: moved.length ? moved[moved.length - 1] - moved[0] : 0});
    };
    watch.still = 0;
    check();
  });
  return 0;
})()`

// cursorGeometry is where the cursor's handle and the chart's plot are, in
// client pixels, and the cursor's month (the handle's aria-valuenow).
const cursorGeometry = `(() => {
  const handle = document.querySelector("#cursor").getBoundingClientRect();
  const plot = document.querySelector("#chart-grid").getBoundingClientRect();
  return {x: handle.left + handle.width / 2, y: handle.top + handle.height / 2,
    left: plot.left, width: plot.width, month: +document.querySelector("#cursor").getAttribute("aria-valuenow")};
})()`

// cursorDrag is what dragging the cursor measured.
type cursorDrag struct {
	// Frames is how many frames showed the cursor's line somewhere new,
	// Elapsed the milliseconds from the first of them to the last.
	Frames  float64 `json:"frames"`
	Elapsed float64 `json:"elapsed"`
	// Moves is how many mouse moves were sent, over Sent: from the first
	// to the last.
	Moves int
	Sent  time.Duration
}

// FPS is how many frames a second showed the cursor somewhere new while it
// was dragged: the frames after the first that did, over the time from it
// to the last, or over the drag if that was longer, so that a page that
// showed a few moves and then froze until the mouse stopped does not pass
// for a smooth one. 0 unless at least two frames showed it move.
func (d cursorDrag) FPS() float64 {
	if d.Frames < 2 || d.Elapsed <= 0 {
		return 0
	}
	return (d.Frames - 1) / max(d.Elapsed, float64(d.Sent.Milliseconds())) * 1000
}

// measureCursorDrag shows the "as of" cursor, drags its handle across the
// axis with the mouse, counting the frames that show it move, and hides it
// again, so that what is measured next finds the page as it was.
func measureCursorDrag(ctx context.Context) (cursorDrag, error) {
	var drag cursorDrag
	var at struct{ X, Y, Left, Width, Month float64 }
	err := chromedp.Run(ctx,
		chromedp.Click(`.zoom__cursor`, chromedp.ByQuery),
		chromedp.WaitVisible(`#cursor`, chromedp.ByQuery),
		chromedp.WaitReady(`.cursor-line`, chromedp.ByQuery),
		chromedp.ScrollIntoView(`#cursor`, chromedp.ByQuery),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(cursorGeometry, &at),
		chromedp.Evaluate(cursorProbe, nil),
	)
	if err != nil {
		return drag, fmt.Errorf("showing the cursor: %w", err)
	}
	if at.Width <= 0 {
		return drag, fmt.Errorf("the chart's plot has no width")
	}
	path := dragPath(at.X, at.Left+at.Width/2, at.Width*dragReach)
	drag.Moves = len(path)
	err = chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) (err error) {
		drag.Sent, err = dragMouse(ctx, at.X, at.Y, path)
		return err
	}))
	if err != nil {
		return drag, fmt.Errorf("dragging the cursor: %w", err)
	}
	var month float64
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`window.__liaisonBench.cursor.settled()`, &drag, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
		chromedp.Evaluate(`+document.querySelector("#cursor").getAttribute("aria-valuenow")`, &month),
		chromedp.Focus(`#cursor`, chromedp.ByQuery),
		chromedp.KeyEvent(kb.Escape),
		chromedp.WaitNotPresent(`.cursor-line`, chromedp.ByQuery),
		chromedp.Sleep(500*time.Millisecond),
	)
	if err != nil {
		return drag, fmt.Errorf("hiding the cursor: %w", err)
	}
	if month == at.Month {
		return drag, fmt.Errorf("the drag left the cursor at its month, %v", month)
	}
	return drag, nil
}

// dragPath is where the mouse goes in a drag that starts at x: to
// middle+reach, then to middle-reach, in dragMoves even steps.
func dragPath(x, middle, reach float64) []float64 {
	right, left := middle+reach, middle-reach
	first := math.Abs(right - x)
	total := first + (right - left)
	path := make([]float64, dragMoves)
	for i := range path {
		d := total * float64(i+1) / dragMoves
		if d <= first {
			path[i] = x + (right-x)*d/first
		} else {
			path[i] = right - (d - first)
		}
	}
	return path
}

// dragMouse presses the left button at x, y, moves the mouse along path,
// one move every dragInterval after the press, and releases it where the
// path ends once the page has taken every move. It returns how long it
// took from sending the first move to sending the last. Like a mouse's,
// the moves keep their own pace: Chromium answers a move only once the
// page has taken it, and waiting for each answer before the next move
// would let a slow page slow the mouse down to its own pace, as no reader's
// hand does.
func dragMouse(ctx context.Context, x, y float64, path []float64) (time.Duration, error) {
	press := input.DispatchMouseEvent(input.MousePressed, x, y).
		WithButton(input.Left).WithButtons(1).WithClickCount(1)
	if err := press.Do(ctx); err != nil {
		return 0, err
	}
	pressed := time.Now()
	var first time.Time
	taken := make(chan error, len(path))
	for i, px := range path {
		time.Sleep(time.Until(pressed.Add(time.Duration(i+1) * dragInterval)))
		if i == 0 {
			first = time.Now()
		}
		move := input.DispatchMouseEvent(input.MouseMoved, px, y).WithButton(input.Left).WithButtons(1)
		go func() { taken <- move.Do(ctx) }()
	}
	sent := time.Since(first)
	for range path {
		if err := <-taken; err != nil {
			return sent, err
		}
	}
	release := input.DispatchMouseEvent(input.MouseReleased, path[len(path)-1], y).
		WithButton(input.Left).WithClickCount(1)
	return sent, release.Do(ctx)
}
