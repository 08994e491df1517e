package server

import (
	"encoding/json"
	"io/fs"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/liaison-timeline/liaison/app"
)

// TestServersRenderTheirOwnData runs two servers in one process, each with
// a library and a clock of its own, and asks both for pages at once, each
// page a new render (a view of its own): every page shows its own server's
// timeline and "now", though go-app routes the pages of the whole process
// once (goapp.go). The pages had read the library and clock of the server
// made last.
func TestServersRenderTheirOwnData(t *testing.T) {
	norton := clockTimeline(t)
	const title = `"title": "James Norton, Imogen Poots, Lily Allen and David Harbour"`
	if !strings.Contains(norton, title) {
		t.Fatalf("the default timeline lacks %s", title)
	}
	type site struct {
		title string
		year  int
		url   string
	}
	var sites []site
	for i, name := range []string{"First library", "Second library"} {
		year := 2031 + 16*i
		dir := writeFiles(t, map[string]string{"james-norton.json": strings.Replace(norton, title, `"title": "`+name+`"`, 1)})
		_, srv := serve(t, dir, Config{Logger: slog.New(slog.DiscardHandler), Clock: func() time.Time { return time.Date(year, 6, 1, 0, 0, 0, 0, time.UTC) }})
		sites = append(sites, site{name, year, srv.URL})
	}

	var wg sync.WaitGroup
	for day := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := sites[day%len(sites)]
			// A view no other request asks for: a render, not the cache.
			url := s.url + "/t/james-norton?at=" + time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day).Format(time.DateOnly)
			status, _, page := get(t, url)
			if status != 200 {
				t.Errorf("%s: %d", url, status)
				return
			}
			if want := "<title>" + s.title; !strings.Contains(page, want) {
				t.Errorf("%s shows another library: it lacks %q", url, want)
			}
			if !drawsNowLineAt(page, time.Date(s.year, 6, 1, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("%s shows another clock: it lacks the now line of June %d", url, s.year)
			}
		}()
	}
	wg.Wait()
}

// TestPagesEnvironment reads the environment that app.js gives the
// browser's program for each way of serving: each key of app's env.go
// that applies, and none that does not.
func TestPagesEnvironment(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	names, err := newAssetNames(testAssets(t))
	if err != nil {
		t.Fatal(err)
	}
	export := &siteResources{base: "/graphics", names: names}
	for _, tt := range []struct {
		name string
		cfg  Config
		want map[string]string
	}{
		{"serve", Config{}, nil},
		{"serve -watch", Config{Watch: true}, map[string]string{app.WatchEnv: "1"}},
		{"serve -domain", Config{Domain: "news.example"}, map[string]string{app.OriginEnv: "https://news.example"}},
		{"serve -watch -domain", Config{Watch: true, Domain: "news.example"}, map[string]string{app.WatchEnv: "1", app.OriginEnv: "https://news.example"}},
		{"export", Config{export: export}, map[string]string{app.StaticEnv: "1"}},
		{"export -domain", Config{export: export, Domain: "news.example"}, map[string]string{app.StaticEnv: "1", app.OriginEnv: "https://news.example"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(lib, testAssets(t), tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
			_, after, ok := strings.Cut(rec.Body.String(), "const goappEnv = ")
			object, _, _ := strings.Cut(after, ";\n")
			var env map[string]string
			if err := json.Unmarshal([]byte(object), &env); !ok || err != nil {
				t.Fatalf("app.js's environment %q: %v", object, err)
			}
			for _, key := range []string{app.WatchEnv, app.StaticEnv, app.OriginEnv} {
				if got, want := env[key], tt.want[key]; got != want {
					t.Errorf("%s = %q, want %q", key, got, want)
				}
			}
		})
	}
}

// TestEmbedScriptIsTheServers serves assets whose embed.js is not web/'s:
// /embed.js is the one the server was handed.
func TestEmbedScriptIsTheServers(t *testing.T) {
	lib, err := loadLibrary("")
	if err != nil {
		t.Fatal(err)
	}
	assets := fstest.MapFS{}
	for _, name := range []string{"app.wasm", "liaison.css"} {
		content, err := fs.ReadFile(testAssets(t), name)
		if err != nil {
			t.Fatal(err)
		}
		assets[name] = &fstest.MapFile{Data: content}
	}
	const script = "// this server's embed.js\n"
	assets["embed.js"] = &fstest.MapFile{Data: []byte(script)}
	s, err := New(lib, assets, Config{})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/embed.js", nil))
	if rec.Code != 200 || rec.Body.String() != script {
		t.Errorf("GET /embed.js = %d %.80q, want the server's %q", rec.Code, rec.Body.String(), script)
	}
}
