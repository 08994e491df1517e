//go:build js && wasm

package main

import (
	"encoding/json"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"syscall/js"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/data"
)

// apiLibrary is the browser's Library: it asks the server's JSON API. It
// calls the browser's fetch directly, because Go's net/http client would add
// 5 MB (850 KB brotli) to the WebAssembly.
//
// A page fetches what it shows: opened filtered, only the part of the
// timeline its people are in (app.PartialLibrary); the whole timeline when
// it shows everyone. A timeline of 100,000 relationships is 3.7 MB of
// brotli and 39 MB of JSON to decode; the part of one person of it a few
// kilobytes.
//
// The answers to the first view's requests are in the page (see
// app.PageDataClass), which saves the WebAssembly a round trip to the
// server before it can draw.
type apiLibrary struct {
	timelines map[string]*data.Timeline // whole, by id
	laned     map[string]*lanedTimeline // too large for one answer, by id
	// chunked are the timelines the library has loaded in chunks, which
	// it asks for in chunks again after a new version (OnChange).
	chunked map[string]bool
	parts   map[string][]timelinePart // by id, the latest first
	// pageData holds the answers the page came with, by API path, until
	// they are asked for (readPageData, which main calls).
	pageData map[string]string
}

// A timelinePart is a timeline with every person but only the
// relationships and events of people, as the API answers with people=all.
type timelinePart struct {
	people   []string
	timeline *data.Timeline
}

// maxParts is how many parts of a timeline the library keeps: the views a
// reader goes back and forth between. A part holds every person, some
// megabytes of memory for 20,000 people.
const maxParts = 4

func (l *apiLibrary) Summaries() ([]data.Summary, error) {
	body, status, err := l.get(app.TimelinesAPIPath)
	if err != nil {
		return nil, err
	}
	if status != 200 {
		return nil, errors.New("the server answered " + strconv.Itoa(status))
	}
	var list struct {
		Timelines []data.Summary `json:"timelines"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, err
	}
	return list.Timelines, nil
}

// Timeline fetches a timeline once and keeps it: a page changes filters
// without asking again. A timeline too large for its page to carry (the
// page names the first chunk of its lanes instead: see pageData in the
// server) comes chunk by chunk of lanes: at first the first chunk, then
// what LoadLanes adds.
func (l *apiLibrary) Timeline(id string) (*data.Timeline, error) {
	if t, ok := l.timelines[id]; ok {
		return t, nil
	}
	if lt, ok := l.laned[id]; ok {
		return lt.timeline, nil
	}
	// After a new version (serve -watch), the page's blocks are gone: a
	// timeline that came in chunks comes in chunks again.
	if first := app.TimelineLanesAPIPath(id, 0); l.pageNames(first) || l.chunked[id] {
		named := l.pageNames(first)
		answer, err := l.decodeLanes(first)
		if err != nil && !named {
			return l.Whole(id) // the new version has no lanes, or no such timeline: the whole says which
		}
		if err != nil {
			return nil, err
		}
		if l.laned == nil {
			l.laned = map[string]*lanedTimeline{}
		}
		if l.chunked == nil {
			l.chunked = map[string]bool{}
		}
		l.laned[id], l.chunked[id] = newLanedTimeline(answer), true
		return answer.Timeline, nil
	}
	return l.Whole(id)
}

// Whole is the whole timeline id, fetched once: what a view needs that
// the lanes in sight do not hold (the list view, the "as of" summary).
func (l *apiLibrary) Whole(id string) (*data.Timeline, error) {
	if t, ok := l.timelines[id]; ok {
		return t, nil
	}
	t, err := l.decode(app.TimelineAPIPath(id, nil), id)
	if err != nil {
		return nil, err
	}
	if l.timelines == nil {
		l.timelines = map[string]*data.Timeline{}
	}
	l.timelines[id] = t
	delete(l.laned, id)
	return t, nil
}

// Chunks says which chunks of lanes (app.LaneChunk) of the timeline id
// the library holds; nil when it holds all of them.
func (l *apiLibrary) Chunks(id string) *app.LaneChunks {
	if _, ok := l.timelines[id]; ok {
		return nil
	}
	if lt, ok := l.laned[id]; ok {
		return &app.LaneChunks{Loaded: slices.Clone(lt.loaded), BarRows: lt.barRows}
	}
	return nil
}

// LoadLanes fetches the chunks of the lanes first to last-1 of timeline id
// that it lacks (and no other call is fetching), one after the other, and
// returns the timeline with them.
func (l *apiLibrary) LoadLanes(id string, first, last int) (*data.Timeline, error) {
	lt, ok := l.laned[id]
	if !ok {
		return l.Timeline(id)
	}
	for k := max(first, 0) / app.LaneChunk; k*app.LaneChunk < last && k < len(lt.loaded); k++ {
		if lt.loaded[k] || lt.pending[k] {
			continue
		}
		lt.pending[k] = true
		part, err := l.decodeLanes(app.TimelineLanesAPIPath(id, k))
		lt.pending[k] = false
		if err != nil {
			return lt.timeline, err
		}
		if l.laned[id] != lt {
			return l.Timeline(id) // the whole came meanwhile, or a new version
		}
		lt.add(part.Relationships, k)
	}
	return lt.timeline, nil
}

// decode is the timeline of the API's answer to path, for the timeline id.
func (l *apiLibrary) decode(path, id string) (*data.Timeline, error) {
	body, status, err := l.get(path)
	switch {
	case err != nil:
		return nil, err
	case status == 404:
		return nil, &data.UnknownTimelineError{ID: id}
	case status != 200:
		return nil, errors.New("the server answered " + strconv.Itoa(status))
	}
	// The server validated the timeline when it loaded it: decoding is
	// enough (see data.Decode).
	return data.Decode(body)
}

// decodeLanes is the API's answer to path, a chunk of a timeline's lanes
// (app.TimelineLanesAPIPath).
func (l *apiLibrary) decodeLanes(path string) (*app.LaneChunkAnswer, error) {
	body, status, err := l.get(path)
	switch {
	case err != nil:
		return nil, err
	case status != 200:
		return nil, errors.New("the server answered " + strconv.Itoa(status))
	}
	var answer app.LaneChunkAnswer
	if err := json.Unmarshal(body, &answer); err != nil {
		return nil, err
	}
	if answer.Timeline == nil {
		return nil, errors.New("the server answered no timeline")
	}
	return &answer, nil
}

// A lanedTimeline is a timeline loaded chunk by chunk of its lanes: every
// person, source and event, and the relationships of the people of the
// chunks loaded (see app.TimelineLanesAPIPath).
type lanedTimeline struct {
	// timeline is replaced, never changed, as chunks come: a page that
	// holds the one before draws it until it asks again. Every one shares
	// the first's people, which keeps the page's index of them.
	timeline *data.Timeline
	barRows  []int  // by lane: its rows of bars in the whole timeline
	loaded   []bool // by chunk
	pending  []bool // by chunk: being fetched
	has      map[string]bool
}

// newLanedTimeline holds the first chunk of a timeline's lanes.
func newLanedTimeline(first *app.LaneChunkAnswer) *lanedTimeline {
	t := first.Timeline
	chunks := (len(t.People) + app.LaneChunk - 1) / app.LaneChunk
	lt := &lanedTimeline{timeline: t, loaded: make([]bool, chunks), pending: make([]bool, chunks), has: map[string]bool{}}
	if len(first.LaneBarRows) == len(t.People) {
		lt.barRows = first.LaneBarRows
	}
	for _, r := range t.Relationships {
		lt.has[r.ID] = true
	}
	if chunks > 0 {
		lt.loaded[0] = true
	}
	return lt
}

// add takes the relationships of chunk k, rs, those it lacks.
func (lt *lanedTimeline) add(rs []data.Relationship, k int) {
	next := *lt.timeline
	next.Relationships = slices.Clip(next.Relationships)
	for _, r := range rs {
		if !lt.has[r.ID] {
			lt.has[r.ID] = true
			next.Relationships = append(next.Relationships, r)
		}
	}
	lt.timeline, lt.loaded[k] = &next, true
}

// TimelinePart is the part of a timeline that a view of people shows:
// the whole timeline when the library has it or when the site is a static
// export (which has the whole only), a part it has that covers people, or
// else the part of people fetched. For people the timeline lacks, it is
// the whole timeline, which tells the page so.
func (l *apiLibrary) TimelinePart(id string, people []string) (*data.Timeline, error) {
	if _, ok := l.timelines[id]; ok || goapp.Getenv(app.StaticEnv) != "" {
		return l.Whole(id)
	}
	for _, part := range l.parts[id] {
		if covers(part.people, people) {
			return part.timeline, nil
		}
	}
	body, status, err := l.get(app.TimelineAPIPath(id, people))
	switch {
	case err != nil:
		return nil, err
	case status == 404: // no such timeline, or person
		return l.Whole(id)
	case status != 200:
		return nil, errors.New("the server answered " + strconv.Itoa(status))
	}
	t, err := data.Decode(body)
	if err != nil {
		return nil, err
	}
	if l.parts == nil {
		l.parts = map[string][]timelinePart{}
	}
	parts := append([]timelinePart{{people, t}}, l.parts[id]...)
	l.parts[id] = parts[:min(len(parts), maxParts)]
	return t, nil
}

// covers reports whether a part of the people in has everything a view of
// the people of view shows: whether view is a subset of in.
func covers(in, view []string) bool {
	for _, id := range view {
		if !slices.Contains(in, id) {
			return false
		}
	}
	return true
}

// get is the API's answer to path, as its body and status: the one the
// page came with, once, or else the server's.
func (l *apiLibrary) get(path string) ([]byte, int, error) {
	// An empty block names the request without its answer, which was
	// too large for the page: it is fetched.
	if body, ok := l.pageData[path]; ok && body != "" {
		delete(l.pageData, path)
		return []byte(body), 200, nil
	}
	return fetch(apiPath(path))
}

// pageNames reports whether the page came with a data block for path,
// with or without its answer.
func (l *apiLibrary) pageNames(path string) bool {
	_, ok := l.pageData[path]
	return ok
}

// readPageData takes the answers out of the page's data blocks, by API
// path, and the blocks out of the page: their text is a copy now, and
// megabytes of it would stay in the DOM.
func readPageData() map[string]string {
	answers := map[string]string{}
	blocks := js.Global().Get("document").Call("querySelectorAll", "script."+app.PageDataClass)
	for i := range blocks.Length() {
		block := blocks.Index(i)
		answers[block.Call("getAttribute", app.PageDataAttr).String()] = block.Get("textContent").String()
		block.Call("remove")
	}
	return answers
}

// fetch gets path from the server, blocking this goroutine (not the
// browser) until the body has arrived.
func fetch(path string) ([]byte, int, error) {
	type result struct {
		text   string
		status int
		err    error
	}
	done := make(chan result, 1)
	var status int
	onResponse := js.FuncOf(func(this js.Value, args []js.Value) any {
		status = args[0].Get("status").Int()
		return args[0].Call("text")
	})
	onText := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{text: args[0].String(), status: status}
		return nil
	})
	onError := js.FuncOf(func(this js.Value, args []js.Value) any {
		done <- result{err: errors.New("fetching " + path + ": " + args[0].Call("toString").String())}
		return nil
	})
	defer onResponse.Release()
	defer onText.Release()
	defer onError.Release()
	js.Global().Call("fetch", path).Call("then", onResponse).Call("then", onText, onError)
	r := <-done
	return []byte(r.text), r.status, r.err
}

// Problems asks the server for the errors of a timeline's file, which only
// a server that watches its data (serve -watch) can have.
func (l *apiLibrary) Problems(id string) []string {
	if goapp.Getenv(app.WatchEnv) == "" {
		return nil
	}
	body, status, err := fetch("/api/timelines/" + url.PathEscape(id) + "/problems")
	if err != nil || status != 200 {
		return nil
	}
	var answer struct {
		Problems []string `json:"problems"`
	}
	json.Unmarshal(body, &answer)
	return answer.Problems
}

// OnChange listens to the server's versions (serve -watch): at each new
// one it forgets the timelines and parts it holds and calls changed.
func (l *apiLibrary) OnChange(changed func()) (stop func()) {
	if goapp.Getenv(app.WatchEnv) == "" {
		return func() {}
	}
	var current string
	source := js.Global().Get("EventSource").New("/api/events")
	onVersion := js.FuncOf(func(this js.Value, args []js.Value) any {
		version := args[0].Get("data").String()
		if current != "" && version != current {
			// The page's answers are of the version before.
			l.timelines, l.laned, l.parts, l.pageData = nil, nil, nil, map[string]string{}
			changed()
		}
		current = version
		return nil
	})
	source.Call("addEventListener", "version", onVersion)
	return func() {
		source.Call("close")
		onVersion.Release()
	}
}

// apiPath is where the browser gets an API answer: from the server, or,
// in a static export (liaison export), from the file the export wrote for
// it, under the export's prefix.
func apiPath(path string) string {
	if goapp.Getenv(app.StaticEnv) == "" {
		return path
	}
	return app.SitePath(path + ".json")
}
