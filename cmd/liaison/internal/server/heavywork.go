package server

import (
	"context"
	"net/http"
	"runtime"
)

// Some answers take the server a long while and much memory to make: for
// a timeline of 100,000 relationships (liaison gen -people 20000
// -relationships 100000), encoding the API's answer takes 0.5 s and
// 39 MB, compressing it 1 to 1.5 s, rendering its page 0.3 s. Sixteen
// readers asking at once took the server from 0.9 to 4.7 GB while each
// encoded its own. The caches (apiCache, pageCache) make one answer for
// all the readers that ask for it at once, and keep it; heavyWork bounds
// how many different heavy answers are made at the same time, so that
// memory stays bounded whatever is asked, and half the cores stay free
// for the small answers most readers ask for.

// Work is heavy from these sizes on, about 10 ms of a core each: an
// answer or a page of a timeline with heavyItems people, relationships
// and events in all (encoding takes 4 µs an item), or compressing
// heavyBytes of JSON (brotli at quality 5 takes 40 ns a byte).
const (
	heavyItems = 2_000
	heavyBytes = 256 << 10
)

// heavySlots is how many heavy jobs run at once: half the cores, at least
// one.
var heavySlots = max(1, runtime.GOMAXPROCS(0)/2)

// heavyWork runs heavy jobs, a bounded number at a time.
type heavyWork struct {
	slots chan struct{}
}

// newHeavyWork runs at most n jobs at once.
func newHeavyWork(n int) *heavyWork {
	return &heavyWork{slots: make(chan struct{}, n)}
}

// do runs job once fewer than the bound are running, or returns ctx's
// error if ctx ends first, without running it. Work that is not heavy
// runs at once.
func (h *heavyWork) do(ctx context.Context, heavy bool, job func()) error {
	if !heavy {
		job()
		return nil
	}
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-h.slots }()
	job()
	return nil
}

// heavyPage reports whether rendering the page of r (/, /t/{id},
// /embed/{id}) is heavy work: the page of a timeline of heavyItems or more, filtered or
// not (filtering one of 100,000 relationships takes 5 ms alone).
func (st *serverState) heavyPage(r *http.Request) bool {
	id := r.PathValue("id")
	if all := st.library.Timelines(); id == "" && len(all) == 1 {
		id = all[0].ID // / shows the only timeline
	}
	t, ok := st.library.Timeline(id)
	return ok && len(t.People)+len(t.Relationships)+len(t.Events) >= heavyItems
}
