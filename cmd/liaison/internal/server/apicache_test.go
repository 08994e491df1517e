package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/data"
)

// generatedServer serves the default timeline and a generated one of
// relationships (a person for every five), whose id it returns, over
// loopback HTTP, and returns the server to look into.
func generatedServer(t testing.TB, relationships int) (*Server, *httptest.Server, *data.Timeline) {
	t.Helper()
	tl := data.Generate(max(2, relationships/5), relationships, 1)
	src, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeFiles(t, map[string]string{tl.ID + ".json": string(src), "james-norton.json": readDefaultTimeline(t)})
	s, srv := serve(t, dir, Config{})
	// The timeline as the server reads it, which sets what it derives
	// (data.Relationship.AsOf).
	if tl, err = data.Parse(tl.ID+".json", src); err != nil {
		t.Fatal(err)
	}
	return s, srv, tl
}

// TestAPICompressed asks for API answers in each coding a client may
// take: each answer is the same JSON once decoded, in the coding the
// client ranks highest, with its own ETag, which revalidates, and is
// readable from any site.
func TestAPICompressed(t *testing.T) {
	srv := startServer(t, "")
	for _, path := range []string{"/api/timelines", "/api/timelines/james-norton", "/api/timelines/james-norton?person=lily-allen"} {
		plain, want := fetchEncoded(t, srv.URL+path, "")
		if plain.StatusCode != http.StatusOK || !json.Valid(want) {
			t.Fatalf("%s: status %d, %d bytes of JSON: %v", path, plain.StatusCode, len(want), json.Valid(want))
		}
		etags := map[string]string{"": plain.Header.Get("ETag")}
		for _, tt := range []struct{ accept, coding string }{
			{"gzip, deflate, br, zstd", "br"},
			{"gzip", "gzip"},
			{"br;q=0.5, gzip", "gzip"},
			{"br;q=0, gzip;q=0", ""},
			{"identity", ""},
		} {
			resp, body := fetchEncoded(t, srv.URL+path, tt.accept)
			if got := resp.Header.Get("Content-Encoding"); got != tt.coding {
				t.Errorf("%s with Accept-Encoding %q: Content-Encoding %q, want %q", path, tt.accept, got, tt.coding)
				continue
			}
			for name, want := range map[string]string{"Vary": "Accept-Encoding", "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"} {
				if got := resp.Header.Get(name); got != want {
					t.Errorf("%s in %q: %s %q, want %q", path, tt.coding, name, got, want)
				}
			}
			if got := decodeBody(t, tt.coding, body); !bytes.Equal(got, want) {
				t.Errorf("%s in %q decodes to another answer", path, tt.coding)
			}
			etag := resp.Header.Get("ETag")
			checkCodingETag(t, path, tt.coding, etag, etags)
			if again, _ := fetchEncoded(t, srv.URL+path, tt.accept, "If-None-Match", etag); again.StatusCode != http.StatusNotModified {
				t.Errorf("%s in %q with If-None-Match %s: status %d, want 304", path, tt.coding, etag, again.StatusCode)
			}
		}
	}
}

// TestAPICacheKeyIsCanonical asks for one filter in every spelling the API
// takes: they share one cached answer, encoded once. Ids the timeline
// lacks are 404s that leave the cache as it was.
func TestAPICacheKeyIsCanonical(t *testing.T) {
	s, srv, _ := generatedServer(t, 50)
	st := s.current()
	var want string
	for i, query := range []string{
		"?person=lily-allen,david-harbour",
		"?person=david-harbour&person=lily-allen",
		"?person=lily-allen&person=david-harbour,lily-allen",
		"?person=%20david-harbour,,lily-allen,",
		"?person=david-harbour,lily-allen&theme=dark",
	} {
		status, _, body := get(t, srv.URL+"/api/timelines/james-norton"+query, "Accept-Encoding", "identity")
		if status != http.StatusOK {
			t.Fatalf("%s: status %d: %s", query, status, body)
		}
		if i == 0 {
			want = body
		} else if body != want {
			t.Errorf("%s: another answer than for the first spelling", query)
		}
	}
	if n, entries := st.api.encodes.Load(), len(st.api.entries); n != 1 || entries != 1 {
		t.Errorf("%d encodes and %d cached answers for one filter, want 1 and 1", n, entries)
	}
	for _, query := range []string{
		"?person=nobody", "?person=lily-allen,nobody", "?person=" + strings.Repeat("x,", 500) + "lily-allen",
		"?person=lily-allen&people=some",
	} {
		if status, _, body := get(t, srv.URL+"/api/timelines/james-norton"+query); status == http.StatusOK {
			t.Errorf("%s: status %d, want an error: %s", query, status, body)
		}
	}
	if entries, making := len(st.api.entries), len(st.api.making); entries != 1 || making != 0 {
		t.Errorf("after unknown people: %d cached answers and %d being made, want 1 and 0", entries, making)
	}
}

// TestAPIAllPeople checks people=all: the filtered timeline keeps every
// person, as the pages ask for it, and is otherwise the filtered one.
func TestAPIAllPeople(t *testing.T) {
	srv := startServer(t, "")
	_, _, body := get(t, srv.URL+"/api/timelines/james-norton?person=david-harbour&people=all")
	tl, err := data.Parse("answer", []byte(body))
	if err != nil {
		t.Fatalf("not a valid timeline: %v", err)
	}
	_, _, filteredBody := get(t, srv.URL+"/api/timelines/james-norton?person=david-harbour")
	filtered, err := data.Parse("filtered", []byte(filteredBody))
	if err != nil {
		t.Fatal(err)
	}
	var people []string
	for _, p := range tl.People {
		people = append(people, p.ID)
	}
	if want := []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour"}; !slices.Equal(people, want) {
		t.Errorf("people %q, want everyone: %q", people, want)
	}
	if len(tl.Relationships) != 1 || tl.Relationships[0].ID != "lily-allen-david-harbour" || len(tl.Events) != len(filtered.Events) {
		t.Errorf("%d relationships and %d events, want the filtered timeline's", len(tl.Relationships), len(tl.Events))
	}
}

// TestAPIConcurrentReadersEncodeOnce has sixteen readers ask at once for
// the whole of a timeline large enough to be heavy work, before anything
// is cached, in brotli, gzip or neither: each gets the same valid
// timeline, encoded once and compressed once in each coding.
func TestAPIConcurrentReadersEncodeOnce(t *testing.T) {
	s, srv, tl := generatedServer(t, 2*heavyItems)
	const readers = 16
	codings := []string{"br", "gzip", "identity"}
	bodies := make([][]byte, readers)
	var wg sync.WaitGroup
	for i := range readers {
		wg.Go(func() {
			resp, body := fetchEncoded(t, srv.URL+"/api/timelines/"+tl.ID, codings[i%len(codings)])
			if resp.StatusCode != http.StatusOK {
				t.Errorf("reader %d: status %d", i, resp.StatusCode)
			}
			bodies[i] = decodeBody(t, resp.Header.Get("Content-Encoding"), body)
		})
	}
	wg.Wait()
	got, err := data.Parse("answer", bodies[0])
	if err != nil {
		t.Fatalf("not a valid timeline: %v", err)
	}
	if len(got.Relationships) != len(tl.Relationships) {
		t.Errorf("%d relationships, want %d", len(got.Relationships), len(tl.Relationships))
	}
	for i, body := range bodies {
		if !bytes.Equal(body, bodies[0]) {
			t.Errorf("reader %d got another answer than reader 0", i)
		}
	}
	api := s.current().api
	if encodes, compressions := api.encodes.Load(), api.compressions.Load(); encodes != 1 || compressions != 2 {
		t.Errorf("%d readers: %d encodes and %d compressions, want 1 and 2", readers, encodes, compressions)
	}
	if n, size := len(api.entries), api.bytes; n != 3 || size > len(bodies[0])*2 {
		t.Errorf("%d cached answers of %d bytes, want 3 (JSON, brotli, gzip) of less than twice the JSON's %d", n, size, len(bodies[0]))
	}
}

// TestAPIHeavyAnswersWait takes every slot of heavy work: a heavy answer
// then waits, unencoded, while small answers go on; it is made when a
// slot frees, and a reader that gives up before leaves nothing behind.
func TestAPIHeavyAnswersWait(t *testing.T) {
	s, srv, tl := generatedServer(t, 2*heavyItems)
	for range cap(s.heavy.slots) {
		s.heavy.slots <- struct{}{}
	}
	api := s.current().api

	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/api/timelines/"+tl.ID, nil)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Errorf("a heavy answer was made while every slot was taken: status %d", resp.StatusCode)
	}
	cancel()
	if status, _, _ := get(t, srv.URL+"/api/timelines/james-norton"); status != http.StatusOK {
		t.Errorf("a small answer: status %d while heavy work waits", status)
	}
	waitUntil(t, "the reader who gave up is gone", func() bool {
		api.mu.Lock()
		defer api.mu.Unlock()
		return len(api.making) == 0
	})
	if n := api.encodes.Load(); n != 1 { // james-norton's
		t.Errorf("%d encodes while the heavy answer waited, want only the small answer's", n)
	}

	done := make(chan int)
	go func() {
		status, _, _ := get(t, srv.URL+"/api/timelines/"+tl.ID)
		done <- status
	}()
	select {
	case <-done:
		t.Fatal("a heavy answer was made while every slot was taken")
	case <-time.After(100 * time.Millisecond):
	}
	<-s.heavy.slots
	if status := <-done; status != http.StatusOK {
		t.Errorf("once a slot was free: status %d", status)
	}
	if n := api.encodes.Load(); n != 2 {
		t.Errorf("%d encodes, want 2", n)
	}
}

// waitUntil waits up to five seconds for ok.
func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 5 s for: %s", what)
		}
	}
}

// TestAPICacheBounds fills an API cache beyond its bounds: it keeps the
// most recently used answers, no more of them or bytes in all than its
// bounds, and never one larger than its largest; an answer whose making
// panicked is not kept, and its waiters learn it.
func TestAPICacheBounds(t *testing.T) {
	const entries, size, largest = 20, 10_000, 2_500
	c := newAPICacheOf(entries, size, largest)
	builds := 0
	answer := func(n int) func() ([]byte, error) {
		return func() ([]byte, error) {
			builds++
			return make([]byte, n), nil
		}
	}
	ctx := context.Background()
	for i := range entries + 10 {
		c.get(ctx, fmt.Sprint("small ", i), answer(100))
		c.get(ctx, "small 0", answer(100)) // used again and again: kept
	}
	if n := c.order.Len(); n != entries {
		t.Errorf("%d answers kept, want %d", n, entries)
	}
	builds = 0
	c.get(ctx, "small 0", answer(100))
	c.get(ctx, fmt.Sprint("small ", entries+9), answer(100))
	if builds != 0 {
		t.Errorf("the most recently used answers were made again")
	}
	c.get(ctx, "small 1", answer(100))
	if builds != 1 {
		t.Errorf("the least recently used answer was still cached")
	}
	for i := range 10 {
		c.get(ctx, fmt.Sprint("large ", i), answer(largest))
	}
	if c.bytes > size || c.order.Len() < 3 {
		t.Errorf("%d answers of %d bytes kept, want at most %d bytes and at least 3 answers", c.order.Len(), c.bytes, size)
	}
	builds = 0
	c.get(ctx, "huge", answer(largest+1))
	c.get(ctx, "huge", answer(largest+1))
	if builds != 2 {
		t.Errorf("an answer over the largest was cached")
	}

	func() {
		defer func() { recover() }()
		c.get(ctx, "panics", func() ([]byte, error) { panic("broken") })
	}()
	if _, err := c.get(ctx, "panics", answer(10)); err != nil || len(c.making) != 0 {
		t.Errorf("after a panic: %v, %d answers being made", err, len(c.making))
	}
}

// BenchmarkAPITimeline measures the answer of /api/timelines/{id} for a
// generated timeline of 10,000 relationships, as a browser asks for it
// (brotli), over loopback HTTP with 16 clients at once: from the cache,
// and made again for every request (a new version of the data each time,
// as without a cache).
func BenchmarkAPITimeline(b *testing.B) {
	s, srv, tl := generatedServer(b, 10_000)
	lib := s.current().library
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16, DisableCompression: true}}
	defer client.CloseIdleConnections()
	get := func(b *testing.B) int {
		req, _ := http.NewRequest("GET", srv.URL+"/api/timelines/"+tl.ID, nil)
		req.Header.Set("Accept-Encoding", "br")
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		n, _ := io.Copy(io.Discard, resp.Body)
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
		return int(n)
	}
	b.Run("cached", func(b *testing.B) {
		b.SetParallelism(8)
		var size atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				size.Store(int64(get(b)))
			}
		})
		b.ReportMetric(float64(size.Load()), "bytes/answer")
	})
	b.Run("made-for-each", func(b *testing.B) {
		for b.Loop() {
			s.load(lib)
			get(b)
		}
	})
}
