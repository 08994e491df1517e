//go:build built

package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserLiveReload edits the data under an open page: a change, and
// a correction published, show without a reload; a broken file keeps the
// last good version, with its errors in a banner; the fix takes the banner
// away.
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

	// A correction published shows at the foot of the open page.
	corrected := strings.Replace(changed, `"sources": [`, `"updates": [{"date": "2026-12-03", "kind": "correction", "text": "Lily Allen is a singer-songwriter."}],
  "sources": [`, 1)
	if err := os.WriteFile(file, []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the new correction", `document.querySelector(".updates__latest")?.textContent == "Corrected on 3 December 2026: Lily Allen is a singer-songwriter."`)

	changed = corrected
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
