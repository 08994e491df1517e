package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/andybalholm/brotli"
)

// The API's answers are encoded once for each version of the data and
// request, and kept with their brotli and gzip copies: the answer for a
// timeline of 100,000 relationships is 39 MB of JSON, 3.7 MB of brotli
// and 4.3 MB of gzip; it was encoded for every request before, indented
// (78 MB, 1.4 s), which took sixteen readers at once to 4.7 GB (see
// heavyWork). Like the pages (pageCache), each version of the data
// has a cache of its own (serverState), so that no answer of an old
// version is ever served.
//
// An answer is cached under a canonical form of its request (timelineKey):
// the person filter sorted and without repeats, so that ?person=a,b and
// ?person=b&person=a share one entry. Only answers that exist are kept: a
// person the timeline lacks is a 404 that is made again when asked, so
// junk in queries cannot fill the cache.

// Bounds of one version's API cache, copies counted. The answer of
// 100,000 relationships and its two copies take 47 MB; one of 200,000 (the
// most a file may hold) about twice that. Filtered answers are far
// smaller.
const (
	apiCacheEntries = 256
	apiCacheBytes   = 256 << 20
	// apiCacheLargest is the largest representation kept.
	apiCacheLargest = apiCacheBytes / 2
)

// An apiCache keeps the encoded answers of one version of the data, by
// key and coding (see boundedCache).
type apiCache struct {
	*boundedCache[[]byte]

	// encodes and compressions count the answers made, which tests count.
	encodes, compressions atomic.Int64
}

func newAPICache() *apiCache {
	return newAPICacheOf(apiCacheEntries, apiCacheBytes, apiCacheLargest)
}

// newAPICacheOf is an API cache of at most entries representations and
// bytes in all, none larger than largest.
func newAPICacheOf(entries, bytes, largest int) *apiCache {
	return &apiCache{boundedCache: newBoundedCache(entries, bytes, largest, func(body []byte) int { return len(body) })}
}

// get returns the representation of key: from the cache, from the request
// already making it, or else from build, kept if build made it without
// an error and it fits. A request that ends while it waits (ctx) gets
// ctx's error; those that waited for it then make the answer themselves.
func (c *apiCache) get(ctx context.Context, key string, build func() ([]byte, error)) ([]byte, error) {
	return c.boundedCache.get(ctx, key, 0, func() ([]byte, bool, error) {
		body, err := build()
		return body, true, err
	})
}

// An apiAnswer is what an API request asks for, before it is encoded.
type apiAnswer struct {
	value any
	// items is how many people, relationships and events it holds, which
	// says whether encoding it is heavy work.
	items int
}

// An apiError is an answer of the API that is an error, with its status.
type apiError struct {
	status  int
	message string
}

func (e *apiError) Error() string { return e.message }

// serveAPI answers r with the answer that key names in st's data: from
// st's cache, or made by answer, encoded as JSON and, for clients that take
// it, compressed, as pages are (pageCoding). The answer is revalidated
// with an ETag of the data's version and the coding.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, st *serverState, key string, answer func() (apiAnswer, error)) {
	coding := pageCoding(r.Header.Values("Accept-Encoding"))
	etag := variantETag(`"`+st.version+`"`, coding)
	h := w.Header()
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", etag)
	h.Set("Access-Control-Allow-Origin", "*")
	h.Add("Vary", "Accept-Encoding")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	ctx := r.Context()
	encoded := func() ([]byte, error) {
		return st.api.get(ctx, key, func() ([]byte, error) {
			a, err := answer()
			if err != nil {
				return nil, err
			}
			var body []byte
			err = s.heavy.do(ctx, a.items >= heavyItems, func() {
				st.api.encodes.Add(1)
				body = encodeJSON(a.value)
			})
			return body, err
		})
	}
	var body []byte
	var err error
	if coding == "" {
		body, err = encoded()
	} else {
		body, err = st.api.get(ctx, key+" "+coding, func() ([]byte, error) {
			plain, err := encoded()
			if err != nil {
				return nil, err
			}
			var compressed []byte
			err = s.heavy.do(ctx, len(plain) >= heavyBytes, func() {
				st.api.compressions.Add(1)
				compressed = compressAs(coding, plain)
			})
			return compressed, err
		})
	}
	if err != nil {
		for _, name := range []string{"Cache-Control", "ETag", "Vary"} {
			h.Del(name)
		}
		var answerErr *apiError
		switch {
		case errors.As(err, &answerErr):
			writeJSONError(w, answerErr.status, answerErr.message)
		case errors.Is(err, errGone): // the request making it panicked (and was logged)
			writeJSONError(w, http.StatusInternalServerError, err.Error())
		default: // the request ended while it waited: its client went away
			writeJSONError(w, http.StatusServiceUnavailable, "the request ended before its answer was made")
		}
		return
	}
	h.Set("Content-Type", "application/json; charset=utf-8")
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

// encodeJSON is v as JSON, compact: indenting made the answer of 100,000
// relationships twice as large (78 MB) and three times as slow to encode.
// Markup characters are escaped (\u003c), for pages that would paste it
// into HTML.
func encodeJSON(v any) []byte {
	var b bytes.Buffer
	if err := json.NewEncoder(&b).Encode(v); err != nil {
		panic(fmt.Sprintf("encoding an API answer: %v", err)) // data that parsed always encodes
	}
	return b.Bytes()
}

// compressAs is body in coding, as pages and API answers are sent:
// brotli at quality 5 (quality 11 takes 100 times longer for a seventh
// less), gzip at its default level.
func compressAs(coding string, body []byte) []byte {
	var b bytes.Buffer
	var w io.WriteCloser
	if coding == "br" {
		w = brotli.NewWriterLevel(&b, 5)
	} else {
		w = gzip.NewWriter(&b)
	}
	w.Write(body)
	w.Close()
	return b.Bytes()
}

// summariesKey is the API cache's key of the list of timelines.
const summariesKey = "timelines"

// timelineKey is the canonical form of a request for a timeline: its id,
// its person filter sorted without repeats or blanks, and whether it keeps
// every person (people=all). Requests with the same key have the same
// answer.
func timelineKey(id string, people []string, allPeople bool) string {
	key := "timeline " + id + "?person=" + strings.Join(people, ",")
	if allPeople {
		key += "&people=all"
	}
	return key
}

// lanesKey is the API cache's key of chunk k of the lanes of timeline id.
func lanesKey(id string, k int) string {
	return "timeline " + id + "?lanes=" + strconv.Itoa(k)
}

// canonicalPeople are the ids of person parameters (?person=a,b&person=c),
// sorted, without blanks or repeats.
func canonicalPeople(values []string) []string {
	var ids []string
	for _, v := range values {
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}
