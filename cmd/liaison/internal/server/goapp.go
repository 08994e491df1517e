package server

import (
	"sync"
	"time"

	"github.com/liaison-timeline/liaison/app"
	"github.com/liaison-timeline/liaison/app/locale"
	"github.com/liaison-timeline/liaison/data"
)

// go-app holds some state for the whole process, which this file alone
// meets; everything else in the server is passed what it needs.
//
// Routes: go-app routes pages for the whole process, so app.Register may
// be called once, and the pages it routes read their library and clock
// through what it was given, whichever Server renders them. Each render
// (serverState.renderPage) lends them its own, with renderWith: the
// library of one version of the data, and the hour the page is rendered
// for. Renders of the same library and hour run together; the others wait
// until those end. A process runs one Server (more only in tests, and in
// liaison export), so renders wait only across a reload (Server.load), for the renders
// of the version before.
//
// Environment: a go-app Handler copies its Env into the process's
// environment (os.Setenv) as it starts serving. The pages read none of it
// on the server (the embed code, which reads app.OriginEnv, is rendered
// in the browser only); each version's Handler is given the whole of its
// own (env).

// A pageSource is what the pages of a render read: a library, "now",
// and the Locale of the page's language (pagewords.go). Renders of
// different languages wait for each other as those of different hours
// do: the page cache answers most requests, and a newsroom's timelines
// speak one language.
type pageSource struct {
	library *data.Library
	now     time.Time
	words   *locale.Locale
}

// rendering is the pageSource of the renders in progress.
var rendering struct {
	register sync.Once
	mu       sync.Mutex
	source   pageSource
	renders  int
	// idle is closed when the last render of source ends, for the renders
	// of another source waiting for it; nil while none waits.
	idle chan struct{}
}

// renderWith runs render, in which go-app renders pages, while the pages
// read src.
func renderWith(src pageSource, render func()) {
	rendering.register.Do(func() {
		app.RegisterWithClock(renderingLibrary{}, renderingNow)
		app.SetWords(func() *locale.Locale { return renderingSource().words })
	})
	rendering.mu.Lock()
	for rendering.renders > 0 && (rendering.source.library != src.library || !rendering.source.now.Equal(src.now) ||
		rendering.source.words.Lang != src.words.Lang) {
		if rendering.idle == nil {
			rendering.idle = make(chan struct{})
		}
		idle := rendering.idle
		rendering.mu.Unlock()
		<-idle
		rendering.mu.Lock()
	}
	if rendering.renders == 0 {
		rendering.source = src
	}
	rendering.renders++
	rendering.mu.Unlock()

	defer func() {
		rendering.mu.Lock()
		if rendering.renders--; rendering.renders == 0 && rendering.idle != nil {
			close(rendering.idle)
			rendering.idle = nil
		}
		rendering.mu.Unlock()
	}()
	render()
}

// renderingSource is the pageSource of the renders in progress.
func renderingSource() pageSource {
	rendering.mu.Lock()
	defer rendering.mu.Unlock()
	return rendering.source
}

// renderingNow is the pages' clock on the server.
func renderingNow() time.Time { return renderingSource().now }

// renderingLibrary is the pages' Library on the server.
type renderingLibrary struct{}

func (renderingLibrary) Summaries() ([]data.Summary, error) {
	return renderingSource().library.Summaries(), nil
}

func (renderingLibrary) Problems(id string) []string {
	return problemTexts(renderingSource().library.Problems(id))
}

func (renderingLibrary) Timeline(id string) (*data.Timeline, error) {
	if t, ok := renderingSource().library.Timeline(id); ok {
		return t, nil
	}
	return nil, &data.UnknownTimelineError{ID: id}
}
