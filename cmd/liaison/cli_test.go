package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/liaison-timeline/liaison/data"
)

// writeFiles creates a directory holding the given files.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const brokenTimeline = `{
  "schema": "timeline/v1",
  "id": "broken",
  "title": "Broken",
  "people": [{"id": "ann", "name": "Ann"}],
  "relationships": [
    {"id": "r", "people": ["ann", "bob"], "phases": [{"status": "wed", "from": "2018"}]}
  ]
}
`

func TestValidate(t *testing.T) {
	good, err := os.ReadFile("../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	goodDir := writeFiles(t, map[string]string{"james-norton.json": string(good), "notes.txt": "not a timeline"})
	badDir := writeFiles(t, map[string]string{"broken.json": brokenTimeline})
	emptyDir := t.TempDir()
	warnDir := writeFiles(t, map[string]string{"w.json": `{"schema": "timeline/v1", "id": "w", "title": "W", "people": [{"id": "a", "name": "Ann"}, {"id": "b", "name": "Bob"}, {"id": "c", "name": "Cy"}], ` +
		`"relationships": [{"id": "ab", "people": ["a", "b"], "phases": [{"status": "dating", "from": "2020"}]}]}`})
	withLang := func(lang string) string {
		return writeFiles(t, map[string]string{"james-norton.json": strings.Replace(string(good), `"title":`, `"lang": "`+lang+`", "title":`, 1)})
	}
	germanDir, koreanDir, unknownDir := withLang("de"), withLang("ko"), withLang("xx")
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr []string
	}{
		{"a translated language", []string{germanDir}, 0, "ok: 1 file valid (4 people, 3 relationships, 4 events)\n", nil},
		{"a language without strings", []string{koreanDir}, 0, "ok: 1 file valid (4 people, 3 relationships, 4 events), 1 warning\n", []string{
			filepath.Join(koreanDir, "james-norton.json") + `: warning: lang: no interface strings in "ko" yet`,
			"translate locales/messages/en.json into locales/messages/ko.json",
		}},
		{"an unknown language", []string{unknownDir}, 1, "", []string{
			filepath.Join(unknownDir, "james-norton.json") + `:4:11: lang: unknown language "xx"`,
		}},
		{"valid file", []string{filepath.Join(goodDir, "james-norton.json")}, 0,
			"ok: 1 file valid (4 people, 3 relationships, 4 events)\n", nil},
		{"valid directory", []string{goodDir}, 0,
			"ok: 1 file valid (4 people, 3 relationships, 4 events)\n", nil},
		{"invalid file: every error, located", []string{badDir}, 1, "", []string{
			filepath.Join(badDir, "broken.json") + `:7:35: relationships[0].people[1]: no person has the id "bob"`,
			filepath.Join(badDir, "broken.json") + `:7:65: relationships[0].phases[0].status: expected one of dating, engaged, married, found "wed"`,
			"2 problems in 1 file",
		}},
		{"valid and invalid together", []string{goodDir, badDir}, 1, "", []string{"2 problems in 2 files"}},
		{"missing path", []string{filepath.Join(goodDir, "nope.json")}, 1, "", []string{"nope.json: no such file or directory"}},
		{"directory without timelines", []string{emptyDir}, 1, "", []string{"no timeline (.json file) in this directory"}},
		{"no path", nil, 2, "", []string{"Usage: liaison validate [-format text|json] PATH..."}},
		{"unknown format", []string{"-format", "xml", goodDir}, 2, "", []string{"Usage: liaison validate"}},
		{"warnings do not fail", []string{warnDir}, 0, "ok: 1 file valid (3 people, 1 relationship, 0 events), 2 warnings\n", []string{
			filepath.Join(warnDir, "w.json") + ":1:119: warning: people[2]: \"Cy\" is in no relationship",
			filepath.Join(warnDir, "w.json") + ":1:165: warning: relationships[0]: no evidence: add a quote and its source, so that readers can check it",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(context.Background(), append([]string{"validate"}, tt.args...), &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d; stderr:\n%s", code, tt.wantCode, stderr.String())
			}
			if stdout.String() != tt.wantStdout {
				t.Errorf("stdout = %q, want %q", stdout.String(), tt.wantStdout)
			}
			for _, want := range tt.wantStderr {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q; it is:\n%s", want, stderr.String())
				}
			}
		})
	}
}

// TestUntranslatedText checks what validate says of a timeline's
// language by what its catalogue has: every shipped catalogue is whole,
// so a catalogue that lacks strings is the one a translator is writing.
func TestUntranslatedText(t *testing.T) {
	tests := []struct {
		name       string
		translated bool
		missing    []string
		want       string
	}{
		{"whole", true, nil, ""},
		{"lacks two", true, []string{"chartLabel", "zoomHint"},
			`the strings of "eo" lack 2 messages, which its pages show in English: chartLabel, zoomHint`},
		{"lacks one", true, []string{"zoomHint"},
			`the strings of "eo" lack 1 message, which its pages show in English: zoomHint`},
		{"no catalogue", false, nil,
			`no interface strings in "eo" yet: its pages show English words with its own dates and numbers; translate locales/messages/en.json into locales/messages/eo.json`},
	}
	for _, tt := range tests {
		if got := untranslatedText("eo", tt.translated, tt.missing); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestValidateJSON checks the report CI reads: every problem with its
// severity, line, column, path and message, per file.
func TestValidateJSON(t *testing.T) {
	dir := writeFiles(t, map[string]string{"broken.json": brokenTimeline})
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"validate", "-format", "json", dir}, &stdout, &stderr); code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	var report struct {
		Valid    bool `json:"valid"`
		Errors   int  `json:"errors"`
		Warnings int  `json:"warnings"`
		Files    []struct {
			File     string `json:"file"`
			Valid    bool   `json:"valid"`
			Problems []struct {
				Severity, Path, Message string
				Line, Column            int
			} `json:"problems"`
		} `json:"files"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	if report.Valid || report.Errors != 2 || len(report.Files) != 1 || report.Files[0].Valid || len(report.Files[0].Problems) != 2 {
		t.Fatalf("report = %+v", report)
	}
	p := report.Files[0].Problems[1]
	if p.Severity != "error" || p.Line != 7 || p.Column != 65 || p.Path != "relationships[0].phases[0].status" ||
		p.Message != `expected one of dating, engaged, married, found "wed"` {
		t.Errorf("problem = %+v", p)
	}
	if stderr.Len() > 0 {
		t.Errorf("the JSON report wrote to stderr: %s", stderr.String())
	}
}

func TestUnknownCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"frobnicate"}, &stdout, &stderr); code != 2 {
		t.Errorf("exit code %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), `unknown command "frobnicate"`) || !strings.Contains(stderr.String(), "liaison serve") {
		t.Errorf("stderr = %q, want the unknown command named and the usage", stderr.String())
	}
}

// TestServeRefusesInvalidData checks that the server does not start on
// invalid data, and prints every validation error.
func TestServeRefusesInvalidData(t *testing.T) {
	dir := writeFiles(t, map[string]string{"broken.json": brokenTimeline})
	addr := freeAddr(t)
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "-addr", addr, "-data", dir}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	for _, want := range []string{
		"the timelines are not valid, so the server does not start",
		filepath.Join(dir, "broken.json") + `:7:35: relationships[0].people[1]: no person has the id "bob"`,
		filepath.Join(dir, "broken.json") + `:7:65: relationships[0].phases[0].status`,
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q; it is:\n%s", want, stderr.String())
		}
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("a server answered on the address")
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestGenWritesValidTimelines generates a file and validates it, as an
// editor's CI would.
func TestGenWritesValidTimelines(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "big-one.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"gen", "-people", "300", "-relationships", "1000", "-seed", "3", "-o", file}, &stdout, &stderr); code != 0 {
		t.Fatalf("gen: exit %d: %s", code, stderr.String())
	}
	stdout.Reset()
	if code := run(context.Background(), []string{"validate", file}, &stdout, &stderr); code != 0 {
		t.Fatalf("validate: exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "ok: 1 file valid (300 people, 1000 relationships, 200 events)") {
		t.Errorf("validate says %q", stdout.String())
	}
	if code := run(context.Background(), []string{"gen", "-people", "1"}, &stdout, &stderr); code != 2 {
		t.Errorf("gen -people 1: exit %d, want 2", code)
	}
}

// TestImportCSV imports the example spreadsheet, as an editor would, and
// gets the default timeline; a mistyped output name is refused.
func TestImportCSV(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "james-norton.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"import", "../../docs/james-norton.csv", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr.String())
	}
	if want := "wrote " + out + ": 4 people, 3 relationships, 4 events\n"; stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	imported, err := data.Parse(out, got)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := os.ReadFile("../../data/timelines/james-norton.json")
	want, _ := data.Parse("james-norton.json", src)
	if !reflect.DeepEqual(imported, want) {
		t.Error("the imported spreadsheet differs from the default timeline")
	}

	stderr.Reset()
	if code := run(context.Background(), []string{"import", "../../docs/james-norton.csv", "-o", filepath.Join(dir, "other.json")}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), `the timeline's id is "james-norton", so its file must be named james-norton.json`) {
		t.Errorf("a wrong output name: exit %d, %s", code, stderr.String())
	}
	bad := writeFiles(t, map[string]string{"bad.csv": "type,id,title\ntimeline,bad\nperson,Ann\n"})
	stderr.Reset()
	if code := run(context.Background(), []string{"import", filepath.Join(bad, "bad.csv")}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), "bad.csv:2:3: C (title): title: expected some text") ||
		!strings.Contains(stderr.String(), "bad.csv:3:1: A (type): people[0].name: expected some text, found \"\"\n") {
		t.Errorf("a bad spreadsheet: exit %d, %s", code, stderr.String())
	}
}

func TestValidDomain(t *testing.T) {
	for domain, want := range map[string]bool{
		"news.example":         true,
		"news.example:8443":    true,
		"localhost":            true,
		"":                     false,
		"https://news.example": false,
		"news.example/":        false,
		"news.example/a":       false,
		"me@news.example":      false,
		"news.example?x=1":     false,
		"news.example#top":     false,
		"news example":         false,
	} {
		if got := validDomain(domain); got != want {
			t.Errorf("validDomain(%q) = %v, want %v", domain, got, want)
		}
	}
}

// TestImportCSVAsExcelSavesIt imports what European Excel's "CSV" saves
// (Windows-1252, semicolons): the timeline is written, and the editor is
// told how the file was read and which cells to check. A file with values
// in columns their rows do not read writes nothing.
func TestImportCSVAsExcelSavesIt(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "accents.json")
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"import", "../../data/testdata/csv/excel-csv-semicolon-windows-1252.csv", "-o", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), `warning: E (title): the file is not UTF-8: it was read as Windows-1252 (Western European)`) ||
		!strings.Contains(stderr.String(), `row 3, D (name): "José Núñez"`) {
		t.Errorf("stderr = %s", stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile("../../data/testdata/csv/accents.json")
	if !bytes.Equal(got, want) {
		t.Errorf("wrote:\n%s\nwant data/testdata/csv/accents.json", got)
	}

	stderr.Reset()
	out = filepath.Join(dir, "mistakes.json")
	if code := run(context.Background(), []string{"import", "../../data/testdata/csv/google-sheets-mistakes.csv", "-o", out}, &stdout, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), `google-sheets-mistakes.csv:6:7: G (status): a relationship row has no status; put "reported" in the certainty column, or the status on a phase row`) ||
		!strings.Contains(stderr.String(), "5 problems in ../../data/testdata/csv/google-sheets-mistakes.csv: nothing written") {
		t.Errorf("mistakes: exit %d, %s", code, stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a file with mistakes was written")
	}
}

// TestWatchNeedsData checks that -watch refuses the embedded timelines.
func TestWatchNeedsData(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"serve", "-watch"}, &bytes.Buffer{}, &stderr); code != 2 ||
		!strings.Contains(stderr.String(), "-watch needs -data DIR") {
		t.Errorf("serve -watch without -data: exit %d, %s", code, stderr.String())
	}
}
