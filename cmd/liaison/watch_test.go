package main

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startWatching runs `liaison serve -watch -data dir` on a free port until
// the test ends, and returns its address.
func startWatching(t *testing.T, dir string) string {
	t.Helper()
	addr, _ := startServe(t, "-watch", "-data", dir)
	return addr
}

func defaultTimelineDir(t *testing.T) (dir string, src string) {
	t.Helper()
	b, err := os.ReadFile("../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	return writeFiles(t, map[string]string{"james-norton.json": string(b)}), string(b)
}

// TestWatchNeedsData checks that -watch refuses the embedded timelines.
func TestWatchNeedsData(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"serve", "-watch"}, &bytes.Buffer{}, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "-watch needs -data DIR") {
		t.Errorf("serve -watch without -data: exit %d, %s", code, stderr.String())
	}
}

// TestEventsStreamVersions reads /api/events while the data changes: the
// current version first, then the new one. Without -watch there is no
// stream.
func TestEventsStreamVersions(t *testing.T) {
	if status, _, _ := get(t, startServer(t, "").URL+"/api/events"); status != http.StatusNotFound {
		t.Errorf("without -watch, /api/events answers %d, want 404", status)
	}
	dir, src := defaultTimelineDir(t)
	addr, stop := startServe(t, "-watch", "-data", dir)
	resp, err := http.Get("http://" + addr + "/api/events")
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
	if code := stop(); code != 0 || time.Since(start) > 5*time.Second {
		t.Errorf("with a stream open, the server stopped with %d after %v", code, time.Since(start))
	}
}

// TestBrowserLiveReload edits the data under an open page: a change shows
// without a reload; a broken file keeps the last good version, with its
// errors in a banner; the fix takes the banner away.
func TestBrowserLiveReload(t *testing.T) {
	dir, src := defaultTimelineDir(t)
	addr := startWatching(t, dir)
	file := filepath.Join(dir, "james-norton.json")
	b := newBrowser(t, 1280, 900)
	b.run(t, chromedp.Navigate("http://"+addr+"/t/james-norton?person=lily-allen"), waitInteractive())
	b.eval(t, `window.notReloaded = true`, nil)

	changed := strings.Replace(src, `"description": "Singer"`, `"description": "Singer-songwriter"`, 1)
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the new description", `document.querySelector('.lane[data-person="lily-allen"] .lane__description')?.textContent == "Singer-songwriter"`)
	if q := b.query(t); q != "?person=lily-allen" {
		t.Errorf("the view changed to %q", q)
	}

	if err := os.WriteFile(file, []byte(changed[:len(changed)/2]), 0o644); err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the banner of the broken file", `document.querySelector(".notice--file")?.textContent.includes("james-norton.json:")`)
	if got := b.lanes(t); len(got) != 3 {
		t.Errorf("with a broken file the page shows %d lanes, want the last good version's 3", len(got))
	}
	var banner string
	b.eval(t, `document.querySelector(".notice--file").textContent`, &banner)
	if strings.Contains(banner, dir) {
		t.Errorf("the banner shows the server's path: %s", banner)
	}

	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the banner to go", `!document.querySelector(".notice--file")`)
	var notReloaded bool
	b.eval(t, `window.notReloaded === true`, &notReloaded)
	if !notReloaded {
		t.Error("the page reloaded")
	}
	b.checkConsole(t)
}
