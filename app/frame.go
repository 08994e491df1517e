package app

import goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

// A frameQueue runs the latest of the work asked of it once before the
// browser's next frame. A drag's pointer moves can come faster than a
// large chart is laid out and drawn; each move replaces the one before,
// so the chart is drawn once a frame, at the pointer's latest place,
// rather than falling behind by one update for every move.
type frameQueue struct {
	work    func(goapp.Context)
	due     bool
	onFrame goapp.Func
}

// nextFrame runs f, in place of anything asked before it in this frame,
// on the page before the browser's next frame, and updates the page.
func (p *TimelinePage) nextFrame(f func(goapp.Context)) {
	q := &p.frames
	q.work = f
	if q.due {
		return
	}
	if q.onFrame == nil {
		q.onFrame = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
			work := q.work
			q.work, q.due = nil, false
			if work != nil && p.mounted {
				p.page.Dispatch(work)
			}
			return nil
		})
	}
	q.due = true
	goapp.Window().Call("requestAnimationFrame", q.onFrame)
}

// stop frees the callback; work still queued is dropped.
func (q *frameQueue) stop() {
	q.work = nil
	if q.onFrame != nil {
		q.onFrame.Release()
		q.onFrame = nil
	}
}
