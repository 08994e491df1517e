//go:build !wasm

package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/liaison-timeline/liaison/data"
)

// Live reload: `liaison serve -watch` reads the data directory again when a
// file changes, keeps the last good version of a timeline whose file turns
// invalid (and says so on its pages), and tells open pages of each new
// version through /api/events.

// settle is how long the directory must stay quiet before it is read: an
// editor's save is often several writes, and a half-written file is never
// served anyway (it is invalid, so the last good version stays).
const settle = 300 * time.Millisecond

// watchData reloads s from dir whenever a file of dir changes, until ctx is
// done.
func watchData(ctx context.Context, s *server, dir string, logger *slog.Logger) error {
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching %s: %w", dir, err)
	}
	if err := watcher.Add(dir); err != nil {
		watcher.Close()
		return fmt.Errorf("watching %s: %w", dir, err)
	}
	go func() {
		defer watcher.Close()
		var quiet <-chan time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case ev := <-watcher.Events:
				if filepath.Ext(ev.Name) == ".json" {
					quiet = time.After(settle)
				}
			case err := <-watcher.Errors:
				logger.Warn("watching the data directory", "dir", dir, "error", err)
			case <-quiet:
				quiet = nil
				reload(s, dir, logger)
			}
		}
	}()
	return nil
}

// reload reads dir again and serves what is valid of it.
func reload(s *server, dir string, logger *slog.Logger) {
	lib, errs, err := data.ReloadLibrary(data.DirFS(dir), s.current().library)
	if err != nil {
		logger.Error("reloading the data directory; still serving the last version", "dir", dir, "error", err)
		return
	}
	for _, e := range errs {
		// The pages show these errors with the file's name only; the log
		// gets its path.
		logger.Warn("invalid timeline file; its last good version stays served",
			"file", filepath.Join(dir, e.File), "error", e.Error())
	}
	s.Reload(lib)
	logger.Info("reloaded the data directory", "dir", dir, "timelines", len(lib.Timelines()), "version", s.current().version)
}

// events streams the data's version to open pages (Server-Sent Events):
// the current one at once, then each new one, so that they show new data
// without a manual reload. Only with -watch: without it the data never
// changes, and a stream per reader would be a connection held for nothing.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	if !s.watch {
		writeJSONError(w, http.StatusNotFound, "no event stream: the server does not watch its data (serve -watch)")
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	rc := http.NewResponseController(w)
	send := func(text string) bool {
		rc.SetWriteDeadline(time.Now().Add(time.Minute))
		if _, err := fmt.Fprint(w, text); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send("retry: 2000\nevent: version\ndata: " + s.current().version + "\n\n") {
		return
	}
	for {
		s.mu.Lock()
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
			if !send("event: version\ndata: " + s.current().version + "\n\n") {
				return
			}
		case <-time.After(25 * time.Second):
			if !send(": still here\n\n") {
				return
			}
		case <-r.Context().Done():
			return
		case <-s.stopped:
			return
		}
	}
}

// stopEvents ends the event streams, so that a graceful shutdown need not
// wait for them.
func (s *server) stopEvents() {
	s.stopOnce.Do(func() { close(s.stopped) })
}

// getProblems answers the errors of a timeline's file while its last good
// version is served: {"problems": ["file:line:column: path: message", …]}.
func (s *server) getProblems(w http.ResponseWriter, r *http.Request) {
	lib := s.current().library
	id := r.PathValue("id")
	if _, ok := lib.Timeline(id); !ok {
		writeJSONError(w, http.StatusNotFound, (&data.UnknownTimelineError{ID: id}).Error())
		return
	}
	s.writeJSON(w, r, map[string]any{"problems": problemTexts(lib.Problems(id))})
}

// problemTexts are errors as a reader reads them; never nil, for JSON.
func problemTexts(errs data.Errors) []string {
	texts := []string{}
	for _, e := range errs {
		texts = append(texts, e.Error())
	}
	return texts
}
