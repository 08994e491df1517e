package server

import (
	"container/list"
	"context"
	"errors"
	"sync"
)

// A boundedCache keeps values that are costly to make (the API's encoded
// answers, rendered pages) by key, the least recently used going first
// when it holds more than maxEntries values or maxBytes in all; a value
// larger than largest is never kept. The requests for one value at the
// same time wait for one making of it: sixteen readers of a timeline of
// 100,000 relationships took the server to 4.7 GB while each encoded its
// own (see heavyWork).
//
// A value is made for a moment, at (the pages' clock, see Server.now; 0
// for values that do not depend on it): one of another moment is made
// again, and takes its place.
type boundedCache[V any] struct {
	// maxEntries, maxBytes and largest are the bounds; size is how many
	// bytes a value counts for.
	maxEntries, maxBytes, largest int
	size                          func(V) int

	mu      sync.Mutex
	entries map[string]*list.Element // of *boundedEntry[V]
	order   list.List                // most recently used first
	bytes   int
	// making holds the values being made, so that the requests for one
	// value at the same time wait for one making.
	making map[makingKey]*pendingValue[V]
}

type boundedEntry[V any] struct {
	key   string
	at    int64
	value V
	size  int
}

// A makingKey names a value being made: its key and moment.
type makingKey struct {
	key string
	at  int64
}

// A pendingValue is a value being made, for the requests that wait for it.
type pendingValue[V any] struct {
	done  chan struct{}
	value V
	err   error
}

// newBoundedCache is a cache of at most entries values and bytes in all,
// none larger than largest, a value counting for size(value) bytes.
func newBoundedCache[V any](entries, bytes, largest int, size func(V) int) *boundedCache[V] {
	return &boundedCache[V]{
		maxEntries: entries, maxBytes: bytes, largest: largest, size: size,
		entries: map[string]*list.Element{}, making: map[makingKey]*pendingValue[V]{},
	}
}

// errGone is the error of a value whose making stopped with a panic.
var errGone = errors.New("the answer could not be made")

// get returns the value of key for the moment at: from the cache, from
// the request already making it, or else from build, which also says
// whether the value may be kept; it is kept if build says so, returns no
// error, and the value fits. A request that ends while it waits (ctx)
// gets ctx's error; those that waited for a request that ended make the
// value themselves. A panic in build goes on in the request that made
// it, and those that waited for it get errGone.
func (c *boundedCache[V]) get(ctx context.Context, key string, at int64, build func() (V, bool, error)) (V, error) {
	for {
		c.mu.Lock()
		if e, ok := c.entries[key]; ok && e.Value.(*boundedEntry[V]).at == at {
			c.order.MoveToFront(e)
			c.mu.Unlock()
			return e.Value.(*boundedEntry[V]).value, nil
		}
		id := makingKey{key, at}
		p, waiting := c.making[id]
		if !waiting {
			p = &pendingValue[V]{done: make(chan struct{})}
			c.making[id] = p
			c.mu.Unlock()
			c.build(id, p, build)
			return p.value, p.err
		}
		c.mu.Unlock()
		select {
		case <-p.done:
		case <-ctx.Done():
			var none V
			return none, ctx.Err()
		}
		if !errors.Is(p.err, context.Canceled) && !errors.Is(p.err, context.DeadlineExceeded) {
			return p.value, p.err
		}
		// The request that was making it went away: make it for this one.
	}
}

// build makes the value of id for p and the requests waiting on it, and
// keeps it if it may. A panic in build is the value's error, and goes on.
func (c *boundedCache[V]) build(id makingKey, p *pendingValue[V], build func() (V, bool, error)) {
	p.err = errGone
	keep := false
	defer func() {
		c.mu.Lock()
		delete(c.making, id)
		if keep && p.err == nil {
			c.add(id.key, id.at, p.value)
		}
		c.mu.Unlock()
		close(p.done)
	}()
	p.value, keep, p.err = build()
}

// add keeps value as key's for at, in place of key's earlier one, then
// drops the least recently used values while the cache holds too many or
// too large. c.mu is held.
func (c *boundedCache[V]) add(key string, at int64, value V) {
	if e, ok := c.entries[key]; ok {
		c.remove(e)
	}
	size := c.size(value)
	if size > c.largest {
		return
	}
	c.entries[key] = c.order.PushFront(&boundedEntry[V]{key, at, value, size})
	c.bytes += size
	for c.order.Len() > c.maxEntries || c.bytes > c.maxBytes {
		c.remove(c.order.Back())
	}
}

func (c *boundedCache[V]) remove(e *list.Element) {
	entry := e.Value.(*boundedEntry[V])
	c.order.Remove(e)
	delete(c.entries, entry.key)
	c.bytes -= entry.size
}
