package server

import (
	"bufio"
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEventsStreamVersions reads /api/events while the data changes: the
// current version first, then the new one. Without -watch there is no
// stream.
func TestEventsStreamVersions(t *testing.T) {
	if status, _, _ := get(t, startServer(t, "").URL+"/api/events"); status != http.StatusNotFound {
		t.Errorf("without -watch, /api/events answers %d, want 404", status)
	}
	dir, src := defaultTimelineDir(t)
	_, srv := serve(t, dir, Config{Watch: true, Logger: slog.New(slog.DiscardHandler)})
	resp, err := http.Get(srv.URL + "/api/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q", ct)
	}
	versions := make(chan string, 4)
	go func() {
		scanner := bufio.NewScanner(resp.Body)
		for scanner.Scan() {
			if v, ok := strings.CutPrefix(scanner.Text(), "data: "); ok {
				versions <- v
			}
		}
	}()
	first := <-versions
	os.WriteFile(filepath.Join(dir, "james-norton.json"), []byte(strings.Replace(src, "Singer", "Singer-songwriter", 1)), 0o644)
	select {
	case second := <-versions:
		if second == first || second == "" {
			t.Errorf("versions %q then %q", first, second)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no new version within 10 s of the change")
	}

	// An open stream does not hold up a graceful shutdown.
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Config.Shutdown(ctx); err != nil || time.Since(start) > 5*time.Second {
		t.Errorf("with a stream open, the server stopped (%v) after %v", err, time.Since(start))
	}
}
