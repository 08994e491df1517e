//go:build built

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-timeline/liaison/web"
)

// The tests of this file and of the others tagged built run the liaison
// command as it is built, with the WebAssembly it embeds (web/app.wasm)
// or as bin/liaison: make test builds both, and sets the tag.

// needBuiltWebAssembly fails the test when web/app.wasm, which serve and
// export embed, has not been built.
func needBuiltWebAssembly(t testing.TB) {
	t.Helper()
	if _, err := fs.Stat(web.FS, "app.wasm"); err != nil {
		t.Fatal("web/app.wasm is missing: run make test (or make build first), which builds it before it tests the command")
	}
}

// TestServeRunsUntilStopped starts `liaison serve` on a free port, waits
// for it to answer, stops it as SIGTERM would and expects exit code 0.
func TestServeRunsUntilStopped(t *testing.T) {
	_, stop := startServe(t)
	if code := stop(); code != 0 {
		t.Errorf("exit code %d, want 0", code)
	}
}

// startServe runs `liaison serve` with args on a free address of
// 127.0.0.1 until the test ends, and waits until it answers. It returns
// the address, and stop, which ends the server as SIGTERM would and
// returns its exit code; a server still running when the test ends is
// stopped then, and must exit 0.
func startServe(t *testing.T, args ...string) (addr string, stop func() int) {
	t.Helper()
	needBuiltWebAssembly(t)
	addr = freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "-addr", addr}, args...), &bytes.Buffer{}, &stderr)
	}()
	code, stopped := 0, false
	stop = func() int {
		if !stopped {
			cancel()
			select {
			case code = <-done:
			case <-time.After(15 * time.Second):
				t.Fatal("the server did not stop")
			}
			stopped = true
			if code != 0 {
				t.Logf("liaison serve %s exited %d:\n%s", strings.Join(args, " "), code, stderr.String())
			}
		}
		return code
	}
	t.Cleanup(func() {
		if code := stop(); code != 0 {
			t.Errorf("liaison serve %s exited %d", strings.Join(args, " "), code)
		}
	})
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			return addr, stop
		}
		if time.Now().After(deadline) {
			t.Fatalf("liaison serve %s did not answer within 10 s:\n%s", strings.Join(args, " "), stderr.String())
		}
	}
}

// TestServeFrameAncestors checks -frame-ancestors: it restricts who may
// frame /embed/ pages; other pages may only be framed by the site itself;
// no response sets a cookie.
func TestServeFrameAncestors(t *testing.T) {
	addr, stop := startServe(t, "-frame-ancestors", "https://news.example")
	base := "http://" + addr
	for path, want := range map[string]string{
		"/embed/james-norton": "frame-ancestors https://news.example",
		"/t/james-norton":     "frame-ancestors 'self'",
		"/":                   "frame-ancestors 'self'",
	} {
		_, header, _ := get(t, base+path)
		if csp := header.Get("Content-Security-Policy"); !strings.HasSuffix(csp, want) {
			t.Errorf("%s: Content-Security-Policy %q, want it to end with %q", path, csp, want)
		}
	}
	for _, path := range []string{"/", "/t/james-norton", "/embed/james-norton", "/api/timelines", "/embed.js", "/oembed?url=x", "/web/liaison.css", "/app.js"} {
		if _, header, _ := get(t, base+path); header.Get("Set-Cookie") != "" {
			t.Errorf("%s sets a cookie: %s", path, header.Get("Set-Cookie"))
		}
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code %d", code)
	}

	var out bytes.Buffer
	if code := run(context.Background(), []string{"serve", "-addr", freeAddr(t), "-frame-ancestors", "https://a.example; script-src *"}, &out, &out); code == 0 {
		t.Error("a -frame-ancestors that would add a directive was accepted")
	}
}

// TestServeDomain runs `liaison serve -domain`: pages give social networks
// links on that host, to the page and to an image the server serves; a
// -domain that is not a host is refused.
func TestServeDomain(t *testing.T) {
	addr, stop := startServe(t, "-domain", "news.example")
	base := "http://" + addr
	_, _, page := get(t, base+"/t/james-norton?person=lily-allen")
	// go-app writes an element's attributes in any order.
	meta := func(property string) string {
		tag := regexp.MustCompile(`<meta [^>]*property="` + property + `"[^>]*>`).FindString(page)
		m := regexp.MustCompile(`content="([^"]*)"`).FindStringSubmatch(tag)
		if m == nil {
			t.Fatalf("the page has no %s", property)
		}
		return m[1]
	}
	if got := meta("og:url"); got != "https://news.example/t/james-norton" {
		t.Errorf("og:url %q, want https://news.example/t/james-norton", got)
	}
	// The view's share card (docs/http-api.md, "Pictures").
	image, ok := strings.CutPrefix(meta("og:image"), "https://news.example/t/james-norton.card.png")
	if !ok {
		t.Fatalf("og:image %q, want the view's share card on news.example", meta("og:image"))
	}
	if status, header, _ := get(t, base+"/t/james-norton.card.png"+html.UnescapeString(image)); status != http.StatusOK || header.Get("Content-Type") != "image/png" {
		t.Errorf("the og:image answers %d, %s", status, header.Get("Content-Type"))
	}

	// The oEmbed link and answer are on the domain too, whatever host the
	// request named (a proxy's, here 127.0.0.1).
	pageURL := "https://news.example/t/james-norton?person=lily-allen"
	link := regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)"`).FindStringSubmatch(page)
	wantLink := "https://news.example/oembed?" + url.Values{"format": {"json"}, "url": {pageURL}}.Encode()
	if link == nil || html.UnescapeString(link[1]) != wantLink {
		t.Errorf("oEmbed link %q, want %q", link, wantLink)
	}
	status, _, body := get(t, base+"/oembed?"+url.Values{"url": {pageURL}}.Encode())
	var answer struct {
		HTML        string `json:"html"`
		ProviderURL string `json:"provider_url"`
	}
	if err := json.Unmarshal([]byte(body), &answer); err != nil || status != http.StatusOK {
		t.Fatalf("oEmbed for %s: %d %q (%v)", pageURL, status, body, err)
	}
	if want := `src="https://news.example/embed/james-norton?person=lily-allen"`; !strings.Contains(answer.HTML, want) || answer.ProviderURL != "https://news.example/" {
		t.Errorf("oEmbed answer's code %q and provider %q, want %s and https://news.example/", answer.HTML, answer.ProviderURL, want)
	}
	if code := stop(); code != 0 {
		t.Errorf("exit code %d", code)
	}

	for _, domain := range []string{"https://news.example", "news.example/graphics", "me@news.example", "news example"} {
		var out bytes.Buffer
		if code := run(context.Background(), []string{"serve", "-addr", freeAddr(t), "-domain", domain}, &out, &out); code != 2 || !strings.Contains(out.String(), "want a host name") {
			t.Errorf("-domain %q: exit code %d, %q: want 2 and why", domain, code, out.String())
		}
	}
}

// get asks for url and returns the answer's status, headers and body.
func get(t *testing.T, url string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// syncBuffer is a log destination that a process or a handler on another
// goroutine may write while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// defaultTimelineDir is a new directory that holds the default timeline's
// file, and that file's text.
func defaultTimelineDir(t *testing.T) (dir string, src string) {
	t.Helper()
	b, err := os.ReadFile("../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	return writeFiles(t, map[string]string{"james-norton.json": string(b)}), string(b)
}
