package server

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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

// followInterval is how often the watch checks that the data directory is
// still the one it watches. inotify watches a directory, not a path: when
// the directory is removed and made again, or a link to it is swapped for
// a link to another, events stop and nothing says so. A stat a second
// costs nothing and finds the new one.
const followInterval = time.Second

// Watch reloads s from dir whenever a file of dir changes, until ctx is
// done, and follows dir when it is replaced. The pages listen for the new
// versions when s was made with Config.Watch.
func (s *Server) Watch(ctx context.Context, dir string) error {
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watching %s: %w", dir, err)
	}
	w := &dataWatch{watcher: watcher, dir: filepath.Clean(dir), server: s, logger: s.logger}
	if err := w.watch(); err != nil {
		watcher.Close()
		return fmt.Errorf("watching %s: %w", dir, err)
	}
	go w.run(ctx)
	return nil
}

// A dataWatch reloads a server's data directory as it changes.
type dataWatch struct {
	watcher *fsnotify.Watcher
	dir     string
	// watched is the directory watched, nil while there is none.
	watched fs.FileInfo
	// lost is set when the directory watched was removed or renamed: the
	// next one may have the same inode, which says nothing then.
	lost bool
	// failure is the last reason the directory could not be watched,
	// logged once, not every second.
	failure string
	server  *Server
	logger  *slog.Logger
}

// watch starts watching the directory at w.dir, the one there now.
func (w *dataWatch) watch() error {
	w.watcher.Remove(w.dir) // the watch of the one before, if it is left
	w.watched, w.lost = nil, false
	// Stat first: if the directory is replaced between the two, the next
	// check finds that the one watched is not the one stated.
	info, err := os.Stat(w.dir)
	if err == nil {
		err = w.watcher.Add(w.dir)
	}
	if err != nil {
		return err
	}
	w.watched = info
	return nil
}

func (w *dataWatch) run(ctx context.Context) {
	defer w.watcher.Close()
	check := time.NewTicker(followInterval)
	defer check.Stop()
	var quiet <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.watcher.Events:
			if ev.Name == w.dir && ev.Has(fsnotify.Remove|fsnotify.Rename) {
				w.lost = true
			}
			if w.changes(ev.Name) {
				quiet = time.After(settle)
			}
		case err := <-w.watcher.Errors:
			w.logger.Warn("watching the data directory", "dir", w.dir, "error", err)
		case <-check.C:
			if w.follow() {
				quiet = time.After(settle)
			}
		case <-quiet:
			quiet = nil
			w.reload()
		}
	}
}

// changes reports whether an event on name may change the timelines: a
// .json file, or a name of Kubernetes' (..data, the link that it renames
// to switch all the files of a ConfigMap at once, and the directories it
// points to).
func (w *dataWatch) changes(name string) bool {
	if filepath.Dir(name) != w.dir {
		return false
	}
	base := filepath.Base(name)
	return filepath.Ext(base) == ".json" || strings.HasPrefix(base, "..")
}

// follow checks that the directory watched is still the one at w.dir,
// watches the new one if not, logs what happened, and reports whether the
// timelines are to be read again.
func (w *dataWatch) follow() bool {
	info, err := os.Stat(w.dir)
	switch {
	case err == nil && w.watched != nil && !w.lost && os.SameFile(info, w.watched):
		return false
	case err != nil:
		if w.watched != nil {
			w.watcher.Remove(w.dir)
			w.watched = nil
			w.logger.Warn("the data directory is gone: still serving the last version, until a directory of that name is back", "dir", w.dir, "error", err)
		}
		return false
	}
	replaced := w.watched != nil
	if err := w.watch(); err != nil {
		if err.Error() != w.failure {
			w.failure = err.Error()
			w.logger.Warn("cannot watch the data directory: still serving the last version", "dir", w.dir, "error", err)
		}
		return false
	}
	w.failure = ""
	if replaced {
		w.logger.Info("the data directory was replaced: watching the new one", "dir", w.dir)
	} else {
		w.logger.Info("the data directory is back: watching it again", "dir", w.dir)
	}
	return true
}

// reload reads the directory again and serves what is valid of it.
func (w *dataWatch) reload() {
	s, dir, logger := w.server, w.dir, w.logger
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
	s.load(lib)
	logger.Info("reloaded the data directory", "dir", dir, "timelines", len(lib.Timelines()), "version", s.current().version)
}

// events streams the data's version to open pages (Server-Sent Events):
// the current one at once, then each new one, so that they show new data
// without a manual reload. Only with -watch: without it the data never
// changes, and a stream per reader would be a connection held for nothing.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
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
func (s *Server) stopEvents() {
	s.stopOnce.Do(func() { close(s.stopped) })
}

// getProblems answers the errors of a timeline's file while its last good
// version is served: {"problems": ["file:line:column: path: message", …]}.
func (s *Server) getProblems(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	id := r.PathValue("id")
	if _, ok := st.library.Timeline(id); !ok {
		writeJSONError(w, http.StatusNotFound, (&data.UnknownTimelineError{ID: id}).Error())
		return
	}
	s.serveAPI(w, r, st, "problems "+id, func() (apiAnswer, error) {
		problems := problemTexts(st.library.Problems(id))
		return apiAnswer{map[string]any{"problems": problems}, len(problems)}, nil
	})
}

// problemTexts are errors as a reader reads them; never nil, for JSON.
func problemTexts(errs data.Errors) []string {
	texts := []string{}
	for _, e := range errs {
		texts = append(texts, e.Error())
	}
	return texts
}
