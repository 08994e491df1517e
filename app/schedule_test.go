package app

import (
	"slices"
	"testing"
	"time"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

// contextOf is a component that keeps the context go-app gives it.
type contextOf struct {
	goapp.Compo
	ctx goapp.Context
}

func (c *contextOf) OnPreRender(ctx goapp.Context) { c.ctx = ctx }
func (c *contextOf) Render() goapp.UI              { return goapp.Div() }

// TestSchedulerAfter asks for delayed jobs in bursts: each runs once, with
// the latest request, whatever the other jobs do; a cancelled or stopped
// job does not run.
func TestSchedulerAfter(t *testing.T) {
	e := goapp.NewTestEngine()
	c := &contextOf{}
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	var s scheduler
	var ran []string
	ask := func(j job, what string) {
		s.after(c.ctx, j, time.Millisecond, func(goapp.Context) { ran = append(ran, what) })
	}

	ask(writeURLJob, "url 1")
	ask(hideHintJob, "hint")
	ask(writeURLJob, "url 2")
	ask(writeURLJob, "url 3")
	e.ConsumeAll()
	slices.Sort(ran)
	if want := []string{"hint", "url 3"}; !slices.Equal(ran, want) {
		t.Errorf("a burst ran %q, want %q", ran, want)
	}

	ran = nil
	ask(writeURLJob, "url 4")
	s.cancel(writeURLJob)
	ask(hideHintJob, "hint 2")
	s.stop()
	e.ConsumeAll()
	if len(ran) > 0 {
		t.Errorf("cancelled and stopped jobs ran: %q", ran)
	}

	ask(writeURLJob, "url 5")
	e.ConsumeAll()
	if want := []string{"url 5"}; !slices.Equal(ran, want) {
		t.Errorf("after a cancel, a new request ran %q, want %q", ran, want)
	}
}
