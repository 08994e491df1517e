package server

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-timeline/liaison/data"
	"github.com/liaison-timeline/liaison/data/timelines"
)

// How the tests serve: every server they start goes through serve, with
// the assets of testAssets (assets_standin_test.go, or with -tags built
// assets_built_test.go).

// serve serves the timelines of dir (the embedded ones when empty) on
// 127.0.0.1 as `liaison serve` does, set up as cfg says: the same Server
// and the same http.Server, with its timeouts and limits. With cfg.Watch
// it watches dir as serve -watch does, until the test ends.
func serve(t testing.TB, dir string, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	lib, err := loadLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(lib, testAssets(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Watch {
		ctx, cancel := context.WithCancel(context.Background())
		t.Cleanup(cancel)
		if err := s.Watch(ctx, dir); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewUnstartedServer(s)
	srv.Config = s.HTTPServer()
	srv.Start()
	t.Cleanup(srv.Close)
	return s, srv
}

// startHTTPServer serves the timelines of dir (the embedded ones when
// empty) as serve does, logging to log.
func startHTTPServer(t testing.TB, dir string, log io.Writer) *httptest.Server {
	t.Helper()
	_, srv := serve(t, dir, Config{Logger: slog.New(slog.NewTextHandler(log, nil))})
	return srv
}

// startServer serves the timelines of dir (the embedded ones when empty)
// as serve does, logging to standard error.
func startServer(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	return startHTTPServer(t, dir, os.Stderr)
}

// startWatching serves the timelines of dir as `liaison serve -watch
// -data dir` does until the test ends, and returns its address.
func startWatching(t *testing.T, dir string) string {
	t.Helper()
	_, srv := serve(t, dir, Config{Watch: true, Logger: slog.New(slog.NewTextHandler(os.Stderr, nil))})
	return srv.Listener.Addr().String()
}

// loadLibrary reads the timelines of dir, or the embedded ones when dir is
// empty, as `liaison serve -data dir` does.
func loadLibrary(dir string) (*data.Library, error) {
	if dir == "" {
		return data.LoadLibrary(timelines.FS)
	}
	return data.LoadLibrary(data.DirFS(dir))
}

// readDefaultTimeline is the default timeline's file.
func readDefaultTimeline(t testing.TB) string {
	t.Helper()
	src, err := fs.ReadFile(timelines.FS, "james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// defaultTimelineDir is a new directory that holds the default timeline's
// file, and that file's text.
func defaultTimelineDir(t *testing.T) (dir string, src string) {
	t.Helper()
	src = readDefaultTimeline(t)
	return writeFiles(t, map[string]string{"james-norton.json": src}), src
}

// writeFiles creates a directory holding the given files.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// writeExport writes the files of an export (see Export) under dir, as
// liaison export does.
func writeExport(dir string, files map[string][]byte) error {
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
