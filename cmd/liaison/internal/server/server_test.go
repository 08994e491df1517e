package server

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// get requests path from srv and returns the status, headers and body.
func get(t *testing.T, url string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
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

func TestHealthz(t *testing.T) {
	srv := startServer(t, "")
	status, _, body := get(t, srv.URL+"/healthz")
	if status != 200 || strings.TrimSpace(body) != "ok" {
		t.Errorf("GET /healthz = %d %q, want 200 ok", status, body)
	}
}

func TestAPIListsTimelines(t *testing.T) {
	srv := startServer(t, "")
	status, header, body := get(t, srv.URL+"/api/timelines")
	if status != 200 {
		t.Fatalf("status %d: %s", status, body)
	}
	if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type = %q", ct)
	}
	var list struct {
		Timelines []data.Summary `json:"timelines"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Timelines) != 1 || list.Timelines[0].ID != "james-norton" || list.Timelines[0].Title == "" || list.Timelines[0].Summary == "" ||
		list.Timelines[0].People != 4 || list.Timelines[0].Span != "2018–2025" {
		t.Errorf("timelines = %+v, want james-norton with a title and summary", list.Timelines)
	}
}

// TestAPITimeline checks /api/timelines/{id}: the answer is a valid
// timeline file, filtered by ?person in every spelling the API allows.
func TestAPITimeline(t *testing.T) {
	srv := startServer(t, "")
	tests := []struct {
		query             string
		wantPeople        []string
		wantRelationships []string
		wantEvents        int
	}{
		{"", []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour"},
			[]string{"james-norton-imogen-poots", "lily-allen-david-harbour", "james-norton-lily-allen"}, 4},
		{"?person=david-harbour", []string{"lily-allen", "david-harbour"},
			[]string{"lily-allen-david-harbour"}, 0},
		{"?person=lily-allen", []string{"james-norton", "lily-allen", "david-harbour"},
			[]string{"lily-allen-david-harbour", "james-norton-lily-allen"}, 1},
		{"?person=imogen-poots,david-harbour", []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour"},
			[]string{"james-norton-imogen-poots", "lily-allen-david-harbour"}, 0},
		{"?person=imogen-poots&person=david-harbour", []string{"imogen-poots", "james-norton", "lily-allen", "david-harbour"},
			[]string{"james-norton-imogen-poots", "lily-allen-david-harbour"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			status, header, body := get(t, srv.URL+"/api/timelines/james-norton"+tt.query)
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			if header.Get("Access-Control-Allow-Origin") != "*" {
				t.Error("the API must be readable from any site (Access-Control-Allow-Origin: *)")
			}
			tl, err := data.Parse("answer", []byte(body))
			if err != nil {
				t.Fatalf("the answer is not a valid timeline: %v", err)
			}
			var people, relationships []string
			for _, p := range tl.People {
				people = append(people, p.ID)
			}
			for _, r := range tl.Relationships {
				relationships = append(relationships, r.ID)
			}
			if !slices.Equal(people, tt.wantPeople) {
				t.Errorf("people = %q, want %q", people, tt.wantPeople)
			}
			if !slices.Equal(relationships, tt.wantRelationships) {
				t.Errorf("relationships = %q, want %q", relationships, tt.wantRelationships)
			}
			if len(tl.Events) != tt.wantEvents {
				t.Errorf("%d events, want %d", len(tl.Events), tt.wantEvents)
			}
		})
	}
}

// TestAPIEvidenceDates answers a timeline with a correction, filtered
// and not: the answer carries the corrections and updates, the accounts of
// a contested date, and each ongoing relationship's date of its latest
// evidence, which a file does not give.
func TestAPIEvidenceDates(t *testing.T) {
	src := strings.Replace(readDefaultTimeline(t), `"sources": [`,
		`"updates": [{"date": "2025-08-02", "kind": "correction", "text": "Corrected."}], "sources": [`, 1)
	if strings.Contains(src, `"asOf"`) {
		t.Fatal("the default timeline's file gives an asOf")
	}
	srv := startServer(t, writeFiles(t, map[string]string{"james-norton.json": src}))
	for _, query := range []string{"", "?person=lily-allen"} {
		_, _, body := get(t, srv.URL+"/api/timelines/james-norton"+query)
		var answer struct {
			Updates       []struct{ Date, Kind, Text string }
			Relationships []struct {
				ID     string
				AsOf   json.RawMessage
				Phases []struct{ Alternatives []struct{ Date string } }
			}
		}
		if err := json.Unmarshal([]byte(body), &answer); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		if len(answer.Updates) != 1 || answer.Updates[0] != (struct{ Date, Kind, Text string }{"2025-08-02", "correction", "Corrected."}) {
			t.Errorf("%s: updates = %+v, want the correction", query, answer.Updates)
		}
		for _, r := range answer.Relationships {
			switch r.ID {
			case "james-norton-lily-allen":
				if string(r.AsOf) != `{"date":"2025-01/2025-07","label":"2025, by July (inferred from the article)"}` {
					t.Errorf("%s: %s's asOf = %s, want its phase's date, July 2025 at the latest", query, r.ID, r.AsOf)
				}
			case "james-norton-imogen-poots":
				if len(r.Phases[0].Alternatives) != 1 || r.Phases[0].Alternatives[0].Date != "2017" {
					t.Errorf("%s: %s's first phase has the accounts %+v, want 2017", query, r.ID, r.Phases[0].Alternatives)
				}
				fallthrough
			default:
				if r.AsOf != nil {
					t.Errorf("%s: %s ended, but has the asOf %s", query, r.ID, r.AsOf)
				}
			}
		}
	}
}

func TestAPIErrors(t *testing.T) {
	srv := startServer(t, "")
	tests := []struct {
		path       string
		wantStatus int
		wantError  string
	}{
		{"/api/timelines/nope", 404, `there is no timeline "nope"`},
		{"/api/timelines/james-norton?person=nobody", 404, `timeline "james-norton" has no person "nobody"`},
		{"/api/timelines/james-norton?person=lily-allen,nobody", 404, `timeline "james-norton" has no person "nobody"`},
		{"/api/nothing-here", 404, "no such API route: /api/nothing-here"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, header, body := get(t, srv.URL+tt.path)
			var answer struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal([]byte(body), &answer); err != nil {
				t.Fatalf("not a JSON error: %q", body)
			}
			if status != tt.wantStatus || answer.Error != tt.wantError {
				t.Errorf("got %d %q, want %d %q", status, answer.Error, tt.wantStatus, tt.wantError)
			}
			if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type = %q", ct)
			}
		})
	}

	resp, err := http.Post(srv.URL+"/api/timelines", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/timelines = %d, want 405", resp.StatusCode)
	}
}

// TestAPIRevalidates checks that clients revalidate and get 304 while the
// data has not changed.
func TestAPIRevalidates(t *testing.T) {
	srv := startServer(t, "")
	_, header, _ := get(t, srv.URL+"/api/timelines/james-norton")
	etag := header.Get("ETag")
	if etag == "" || header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q: want an ETag and no-cache", etag, header.Get("Cache-Control"))
	}
	status, _, body := get(t, srv.URL+"/api/timelines/james-norton", "If-None-Match", etag)
	if status != http.StatusNotModified || body != "" {
		t.Errorf("revalidation = %d with %d bytes, want 304 and no body", status, len(body))
	}
}

// TestVersionFollowsData checks that changed data changes the version that
// the pages, the service worker and the API's ETag carry: no cache may
// serve a stale timeline.
func TestVersionFollowsData(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "james-norton.json")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	etag := func() string {
		srv := startServer(t, dir)
		// The answers themselves: each compressed copy has an ETag of its own.
		_, header, _ := get(t, srv.URL+"/api/timelines/james-norton", "Accept-Encoding", "identity")
		_, pageHeader, _ := get(t, srv.URL+"/t/james-norton", "Accept-Encoding", "identity")
		if header.Get("ETag") != pageHeader.Get("ETag") {
			t.Errorf("API ETag %s and page ETag %s differ", header.Get("ETag"), pageHeader.Get("ETag"))
		}
		return header.Get("ETag")
	}
	before := etag()
	if again := etag(); again != before {
		t.Errorf("same data, different versions: %s and %s", before, again)
	}
	changed := strings.Replace(string(src), "Lido festival, East London\",", "Lido festival in East London\",", 1)
	if changed == string(src) {
		t.Fatal("the test's edit did not apply")
	}
	if err := os.WriteFile(file, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	if after := etag(); after == before {
		t.Errorf("the data changed but the version stayed %s", before)
	}
}

// TestPagesArePrerendered checks that names, relationships and dates are
// in the HTML before any WebAssembly runs, and that problems are readable
// 404 pages.
func TestPagesArePrerendered(t *testing.T) {
	srv := startServer(t, "")
	tests := []struct {
		path       string
		wantStatus int
		want       []string
		notWant    []string
	}{
		{"/t/james-norton", 200, []string{
			"<title>James Norton, Imogen Poots, Lily Allen and David Harbour · Liaison</title>",
			"Imogen Poots", "James Norton", "Lily Allen", "David Harbour",
			`aria-label="James Norton and Imogen Poots: dating from 2018 (or 2017 by another account), engaged from 2022, split late 2023"`,
			`aria-label="Lily Allen and David Harbour: dating from 2019, married from 2020, split probably 2024 (inferred from “last year”)"`,
			`aria-label="James Norton and Lily Allen: dating from 2025, by July (inferred from the article), together as of July 2025 (reported)"`,
			`id="app-wasm-loader"`, `--loader-before: &#34;Loading the interactive timeline… &#34;`, `data-interactive="false"`,
			`href="/web/liaison.`, // under its hashed name: see TestPagesLoadHashedAssets
		}, nil},
		{"/", 200, []string{"Imogen Poots", "David Harbour", "late 2023"}, nil},
		{"/t/james-norton?person=david-harbour", 200,
			[]string{`data-person="lily-allen"`, `data-person="david-harbour"`, "Showing David Harbour and their partners."},
			[]string{`data-person="imogen-poots"`, `data-person="james-norton"`}},
		{"/t/james-norton?person=nobody", 404, []string{"This timeline has nobody called “nobody”. Showing everyone."}, nil},
		{"/t/james-norton?person=lily-allen&from=2022&to=2024&rel=lily-allen-david-harbour&at=2023-03", 200, []string{
			"As of March 2023", "Lily Allen &amp; David Harbour", "Lily Allen ended it.", "Jul 2022", `class="chip"`,
		}, []string{`data-person="imogen-poots"`}},
		{"/t/nope", 404, []string{"There is no timeline called “nope”."}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, header, body := get(t, srv.URL+tt.path)
			if status != tt.wantStatus {
				t.Errorf("status %d, want %d", status, tt.wantStatus)
			}
			if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("Content-Type = %q", ct)
			}
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("the page lacks %q", s)
				}
			}
			for _, s := range tt.notWant {
				if strings.Contains(body, s) {
					t.Errorf("the page has %q", s)
				}
			}
		})
	}
}

// TestIndexListsTimelines checks that / lists every timeline when there
// are several.
func TestIndexListsTimelines(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile("../../../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(string(src), `"id": "james-norton"`, `"id": "second"`, 1)
	other = strings.Replace(other, `"title": "James Norton, Imogen Poots, Lily Allen and David Harbour"`, `"title": "A second timeline"`, 1)
	for name, content := range map[string]string{"james-norton.json": string(src), "second.json": other} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := startServer(t, dir)
	status, _, body := get(t, srv.URL+"/")
	for _, want := range []string{`href="/t/james-norton"`, `href="/t/second"`, "A second timeline", "4 people · 2018–2025"} {
		if status != 200 || !strings.Contains(body, want) {
			t.Errorf("GET / = %d, lacks %q", status, want)
		}
	}
}
