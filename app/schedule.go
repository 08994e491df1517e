package app

import (
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A scheduler runs the page's deferred work on the UI goroutine, by job:
// after a delay once the callers have stopped asking (after), or once
// before the browser's next frame (nextFrame). Asking again for a job
// replaces what was asked before, so that a burst of requests (a drag, a
// pinch, scrolling) does the work once, with the latest. One scheduler
// serves the whole page; stop releases it.
type scheduler struct {
	// asked counts the requests for each delayed job: a run that is
	// not of the latest request does nothing.
	asked map[job]int
	// frameWork is the latest work of each job due at the next frame,
	// frameJobs those jobs in the order they were first asked.
	frameWork map[job]frameWork
	frameJobs []job
	onFrame   goapp.Func
}

// frameWork is work due at the next frame, and the context it runs on.
type frameWork struct {
	ctx goapp.Context
	f   func(goapp.Context)
}

// A job names work that later requests replace.
type job string

// The page's jobs.
const (
	writeURLJob job = "write-url" // record the view in the URL
	hideHintJob job = "hide-hint" // take the chart's hint away
	dragJob     job = "drag"      // a drag's step: pan, pinch, the cursor
	sightJob    job = "sight"     // draw the lanes the reader scrolled to
)

// Delays of the page's delayed jobs.
const (
	// urlDelay is how long the view must rest before it is written into
	// the URL: browsers throttle pages that rewrite their URL on every
	// frame.
	urlDelay = 200 * time.Millisecond
	// hintDelay is how long the chart's hint stays.
	hintDelay = 2 * time.Second
)

// after runs f on ctx once d has passed without another request for j,
// and drops the requests before it. A run dropped prevents the update of
// the page; f decides for its own.
func (s *scheduler) after(ctx goapp.Context, j job, d time.Duration, f func(goapp.Context)) {
	if s.asked == nil {
		s.asked = map[job]int{}
	}
	s.asked[j]++
	request := s.asked[j]
	ctx.After(d, func(ctx goapp.Context) {
		if request != s.asked[j] {
			ctx.PreventUpdate()
			return
		}
		f(ctx)
	})
}

// cancel drops the requests for the delayed job j that have not run.
func (s *scheduler) cancel(j job) {
	if s.asked != nil {
		s.asked[j]++
	}
}

// nextFrame runs f on ctx, in place of anything asked for j before it in
// this frame, before the browser's next frame. A drag's pointer moves can
// come faster than a large chart is laid out and drawn: each replaces the
// one before, so the chart is drawn once a frame, at the pointer's latest
// place, rather than falling behind by one update for every move.
func (s *scheduler) nextFrame(ctx goapp.Context, j job, f func(goapp.Context)) {
	if s.frameWork == nil {
		s.frameWork = map[job]frameWork{}
	}
	if _, due := s.frameWork[j]; !due {
		s.frameJobs = append(s.frameJobs, j)
	}
	s.frameWork[j] = frameWork{ctx, f}
	if len(s.frameJobs) > 1 {
		return // the frame is asked for already
	}
	if s.onFrame == nil {
		s.onFrame = goapp.FuncOf(func(goapp.Value, []goapp.Value) any {
			jobs, work := s.frameJobs, s.frameWork
			s.frameJobs, s.frameWork = nil, nil
			for _, j := range jobs {
				work[j].ctx.Dispatch(work[j].f)
			}
			return nil
		})
	}
	goapp.Window().Call("requestAnimationFrame", s.onFrame)
}

// stop frees the frame callback; work still due is dropped.
func (s *scheduler) stop() {
	s.frameJobs, s.frameWork = nil, nil
	if s.onFrame != nil {
		s.onFrame.Release()
		s.onFrame = nil
	}
	for j := range s.asked {
		s.asked[j]++
	}
}
