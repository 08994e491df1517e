package server

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

// A cacheStep is one get from a boundedCache of sizes, and whether it
// should have been made rather than served from the cache.
type cacheStep struct {
	key  string
	at   int64
	size int
	// drop and fail make the value one build says not to keep, or one
	// made with an error.
	drop, fail bool
	made       bool
}

// TestBoundedCacheKeeps gets values from caches of small bounds: each is
// made only when the cache lacks it for its moment, and the cache keeps
// the most recently used values within its bounds, none larger than its
// largest, none that build said not to keep or failed to make.
func TestBoundedCacheKeeps(t *testing.T) {
	const entries, bytes, largest = 3, 300, 150
	for _, tt := range []struct {
		name  string
		steps []cacheStep
		// kept are the keys the cache holds after the steps, the most
		// recently used first.
		kept []string
	}{
		{"kept and served", []cacheStep{
			{key: "a", size: 10, made: true}, {key: "a", size: 10}, {key: "b", size: 10, made: true},
		}, []string{"b", "a"}},
		{"by count, the least recently used first", []cacheStep{
			{key: "a", size: 10, made: true}, {key: "b", size: 10, made: true}, {key: "c", size: 10, made: true},
			{key: "a", size: 10}, {key: "d", size: 10, made: true}, {key: "b", size: 10, made: true},
		}, []string{"b", "d", "a"}},
		{"by bytes", []cacheStep{
			{key: "a", size: 100, made: true}, {key: "b", size: 100, made: true}, {key: "c", size: 150, made: true},
			{key: "b", size: 100},
		}, []string{"b", "c"}},
		{"none larger than the largest", []cacheStep{
			{key: "a", size: 10, made: true}, {key: "huge", size: largest + 1, made: true}, {key: "huge", size: largest + 1, made: true},
			{key: "largest", size: largest, made: true}, {key: "largest", size: largest},
		}, []string{"largest", "a"}},
		{"another moment is made again, in its place", []cacheStep{
			{key: "a", at: 1, size: 10, made: true}, {key: "b", at: 1, size: 10, made: true},
			{key: "a", at: 2, size: 20, made: true}, {key: "a", at: 2, size: 20}, {key: "a", at: 1, size: 10, made: true},
		}, []string{"a", "b"}},
		{"not kept when build says so", []cacheStep{
			{key: "a", size: 10, drop: true, made: true}, {key: "a", size: 10, drop: true, made: true},
		}, nil},
		{"not kept when its making failed", []cacheStep{
			{key: "a", size: 10, made: true}, {key: "b", size: 10, fail: true, made: true}, {key: "b", size: 10, made: true},
		}, []string{"b", "a"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newBoundedCache(entries, bytes, largest, func(v []byte) int { return len(v) })
			for i, step := range tt.steps {
				made := false
				value, err := c.get(context.Background(), step.key, step.at, func() ([]byte, bool, error) {
					made = true
					if step.fail {
						return nil, true, errors.New("failed")
					}
					return make([]byte, step.size), !step.drop, nil
				})
				if made != step.made {
					t.Errorf("step %d, %s at %d: made %v, want %v", i, step.key, step.at, made, step.made)
				}
				if !step.fail && (err != nil || len(value) != step.size) {
					t.Errorf("step %d, %s at %d: %d bytes, %v; want %d bytes", i, step.key, step.at, len(value), err, step.size)
				}
			}
			var kept []string
			size := 0
			for e := c.order.Front(); e != nil; e = e.Next() {
				entry := e.Value.(*boundedEntry[[]byte])
				kept = append(kept, entry.key)
				size += len(entry.value)
			}
			if !slices.Equal(kept, tt.kept) || len(c.entries) != len(kept) || c.bytes != size {
				t.Errorf("kept %q of %d bytes (%d entries, %d bytes counted), want %q", kept, size, len(c.entries), c.bytes, tt.kept)
			}
			if len(c.making) != 0 {
				t.Errorf("%d values still being made", len(c.making))
			}
		})
	}
}

// waitingContext is a context that says when a request starts to wait on
// it (boundedCache.get asks for Done only to wait for another's making).
type waitingContext struct {
	context.Context
	once    sync.Once
	waiting chan struct{}
}

func newWaitingContext(ctx context.Context) *waitingContext {
	return &waitingContext{Context: ctx, waiting: make(chan struct{})}
}

func (c *waitingContext) Done() <-chan struct{} {
	c.once.Do(func() { close(c.waiting) })
	return c.Context.Done()
}

// blockedGet starts a get of key from c whose build waits for release,
// then returns what finish returns, and waits until it is being made.
// The get's value and error arrive on the channel returned.
func blockedGet(c *boundedCache[string], key string, release chan struct{}, finish func() (string, error)) <-chan error {
	started, done := make(chan struct{}), make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		_, err := c.get(context.Background(), key, 0, func() (string, bool, error) {
			close(started)
			<-release
			v, err := finish()
			return v, true, err
		})
		done <- err
	}()
	<-started
	return done
}

// TestBoundedCacheWaiters has requests ask for a value while another
// makes it: each gets what that making gave, made once, unless the making
// request ended (they make it themselves) or panicked (errGone); a
// request that ends while it waits gets its context's error, and the
// value is made and kept all the same.
func TestBoundedCacheWaiters(t *testing.T) {
	const waiters = 8
	for _, tt := range []struct {
		name string
		// finish is what the first request's making gives once released.
		finish func() (string, error)
		// endWaiters ends the waiters' contexts before the making does.
		endWaiters bool
		want       string
		wantErr    error
		wantMakes  int64
		wantKept   bool
	}{
		{"one making for all", func() (string, error) { return "value", nil }, false, "value", nil, 0, true},
		{"the making request ended", func() (string, error) { return "", context.Canceled }, false, "again", nil, 1, true},
		{"its deadline passed", func() (string, error) { return "", context.DeadlineExceeded }, false, "again", nil, 1, true},
		{"the making failed", func() (string, error) { return "", errors.New("no such person") }, false, "", errors.New("no such person"), 0, false},
		{"the making panicked", func() (string, error) { panic("broken") }, false, "", errGone, 0, false},
		{"the waiters ended", func() (string, error) { return "value", nil }, true, "", context.Canceled, 0, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newBoundedCache(10, 1000, 1000, func(v string) int { return len(v) })
			release := make(chan struct{})
			first := blockedGet(c, "k", release, tt.finish)

			var makes atomic.Int64
			type answer struct {
				value string
				err   error
			}
			answers := make(chan answer, waiters)
			ctx, end := context.WithCancel(context.Background())
			defer end()
			for range waiters {
				wctx := newWaitingContext(ctx)
				go func() {
					v, err := c.get(wctx, "k", 0, func() (string, bool, error) {
						makes.Add(1)
						return "again", true, nil
					})
					answers <- answer{v, err}
				}()
				<-wctx.waiting
			}
			if tt.endWaiters {
				end()
				for range waiters {
					if a := <-answers; !errors.Is(a.err, context.Canceled) {
						t.Errorf("a waiter whose request ended got %q, %v; want context.Canceled", a.value, a.err)
					}
				}
			}
			close(release)
			if err := <-first; tt.wantErr == errGone && err == nil {
				t.Errorf("the making request's panic did not go on")
			}
			if !tt.endWaiters {
				for range waiters {
					a := <-answers
					if a.value != tt.want || fmt.Sprint(a.err) != fmt.Sprint(tt.wantErr) {
						t.Errorf("a waiter got %q, %v; want %q, %v", a.value, a.err, tt.want, tt.wantErr)
					}
				}
			}
			if n := makes.Load(); n != tt.wantMakes {
				t.Errorf("the waiters made it %d times, want %d", n, tt.wantMakes)
			}
			if kept := len(c.entries) == 1; kept != tt.wantKept {
				t.Errorf("kept %v, want %v", kept, tt.wantKept)
			}
			if len(c.making) != 0 {
				t.Errorf("%d values still being made", len(c.making))
			}
		})
	}
}
