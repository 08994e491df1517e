package server

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestHeavyWorkBounds runs many heavy jobs at once: no more than the bound
// run together, and all of them run; light work does not wait; a job
// whose context ends while it waits does not run.
func TestHeavyWorkBounds(t *testing.T) {
	const bound, jobs = 2, 12
	h := newHeavyWork(bound)
	var running, peak, ran atomic.Int64
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			h.do(context.Background(), true, func() {
				n := running.Add(1)
				for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
				}
				time.Sleep(5 * time.Millisecond)
				running.Add(-1)
				ran.Add(1)
			})
		})
	}
	wg.Wait()
	if peak.Load() != bound || ran.Load() != jobs {
		t.Errorf("%d jobs ran, at most %d at once; want %d, %d at once", ran.Load(), peak.Load(), jobs, bound)
	}

	for range bound {
		h.slots <- struct{}{}
	}
	light := false
	h.do(context.Background(), false, func() { light = true })
	if !light {
		t.Error("light work waited for a slot")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := h.do(ctx, true, func() { t.Error("a job ran after its context ended") }); err != context.Canceled {
		t.Errorf("do = %v, want context.Canceled", err)
	}
}

// TestHeavyPagesWait takes every slot of heavy work: the page of a
// large timeline then waits to be rendered, while the page of a small one
// is served; it is rendered once a slot frees.
func TestHeavyPagesWait(t *testing.T) {
	s, srv, tl := generatedServer(t, 2*heavyItems)
	for range cap(s.heavy.slots) {
		s.heavy.slots <- struct{}{}
	}
	done := make(chan int)
	go func() {
		status, _, _ := get(t, srv.URL+"/embed/"+tl.ID)
		done <- status
	}()
	if status, _, _ := get(t, srv.URL+"/embed/james-norton"); status != http.StatusOK {
		t.Errorf("a small page: status %d while heavy work waits", status)
	}
	select {
	case <-done:
		t.Fatal("a heavy page was rendered while every slot was taken")
	case <-time.After(100 * time.Millisecond):
	}
	<-s.heavy.slots
	if status := <-done; status != http.StatusOK {
		t.Errorf("once a slot was free: status %d", status)
	}
}
