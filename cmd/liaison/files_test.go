//go:build built && unix

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"

	"github.com/liaison-timeline/liaison/data"
)

// binaryPath is bin/liaison, which make test builds before it tests it.
func binaryPath(t *testing.T) string {
	t.Helper()
	bin, err := filepath.Abs("../../bin/liaison")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("%v: run make test, which builds the binary before it tests it", err)
	}
	return bin
}

// runBinary runs bin/liaison with args in dir and returns its exit code and
// what it wrote, failing the test if it has not exited within limit: a
// command that hangs is a failure, not a test that hangs.
func runBinary(t *testing.T, limit time.Duration, dir string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, binaryPath(t), args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("liaison %s did not exit within %v; it wrote:\n%s%s", strings.Join(args, " "), limit, out.String(), errOut.String())
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// notFiles are the ways a name in a directory can be something Liaison
// must not read: a FIFO, which blocks whoever opens it until a writer
// comes, and a link to /dev/zero, which is endless.
var notFiles = []struct {
	name string
	make func(path string) error
	want string // the error's words
}{
	{"a FIFO", func(path string) error { return syscall.Mkfifo(path, 0o644) }, "is a named pipe (FIFO), not a regular file"},
	{"a link to /dev/zero", func(path string) error { return os.Symlink("/dev/zero", path) }, "is a device, not a regular file"},
}

// TestFilesThatAreNotFiles puts a FIFO and a link to /dev/zero where
// validate, serve, import and export-csv read files: each refuses it
// promptly, naming it and what it is. Before, a FIFO hung all of them and
// /dev/zero ran them out of memory.
func TestFilesThatAreNotFiles(t *testing.T) {
	good, err := os.ReadFile("../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, nf := range notFiles {
		t.Run(nf.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"james-norton.json": string(good)})
			for _, name := range []string{"x.json", "x.csv"} {
				if err := nf.make(filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
			for _, tt := range []struct {
				args []string
				want string
			}{
				{[]string{"validate", "."}, "x.json: " + nf.want},
				{[]string{"validate", "x.json"}, "x.json: " + nf.want},
				{[]string{"validate", "-format", "json", "."}, `"message": "` + nf.want},
				{[]string{"serve", "-addr", "127.0.0.1:0", "-data", "."}, "x.json: " + nf.want},
				{[]string{"import", "x.csv"}, "x.csv: " + nf.want},
				{[]string{"export-csv", "x.json"}, "x.json: " + nf.want},
			} {
				code, stdout, stderr := runBinary(t, 20*time.Second, dir, tt.args...)
				if code != 1 || !strings.Contains(stdout+stderr, tt.want) {
					t.Errorf("liaison %s: exit %d, want 1 and %q; it wrote:\n%s%s", strings.Join(tt.args, " "), code, tt.want, stdout, stderr)
				}
			}
		})
	}
}

// TestWatchSurvivesFilesThatAreNotFiles adds a FIFO and a link to
// /dev/zero to the directory bin/liaison serve -watch reads: it logs them
// and goes on reloading the other files.
func TestWatchSurvivesFilesThatAreNotFiles(t *testing.T) {
	dir, src := defaultTimelineDir(t)
	p := startBinary(t, "-watch", "-data", dir)
	for i, nf := range notFiles {
		name := []string{"x.json", "y.json"}[i]
		if err := nf.make(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
		waitForLog(t, p.stderr, name+": "+nf.want)
	}
	changed := strings.Replace(src, `"description": "Singer"`, `"description": "Singer-songwriter"`, 1)
	if err := os.WriteFile(filepath.Join(dir, "james-norton.json"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the change to be served", func() bool {
		_, _, body := get(t, "http://"+p.addr+"/api/timelines/james-norton")
		return strings.Contains(body, "Singer-songwriter")
	})
}

// waitForLog waits until log has want.
func waitForLog(t *testing.T, log *syncBuffer, want string) {
	t.Helper()
	waitFor(t, "the log to say "+want, func() bool { return strings.Contains(log.String(), want) })
}

// waitFor waits up to 10 s for done to be true.
func waitFor(t *testing.T, what string, done func() bool) {
	t.Helper()
	if !eventually(done) {
		t.Fatalf("waited 10 s for %s", what)
	}
}

// eventually reports whether done is true within 10 s.
func eventually(done func() bool) bool {
	for deadline := time.Now().Add(10 * time.Second); !done(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			return false
		}
	}
	return true
}

// TestLinkedFilesLoad reads a directory laid out as a Kubernetes ConfigMap
// is: each file a link into a hidden directory. Links to regular files are
// followed by serve and validate alike.
func TestLinkedFilesLoad(t *testing.T) {
	good, err := os.ReadFile("../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := configMap(t, "..2026_11_30_10_00_00.1", string(good))
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"validate", dir}, &stdout, &stderr); code != 0 {
		t.Errorf("validate: exit %d\n%s", code, stderr.String())
	}
	addr, _ := startServe(t, "-data", dir)
	if status, _, _ := get(t, "http://"+addr+"/t/james-norton"); status != http.StatusOK {
		t.Errorf("GET /t/james-norton = %d", status)
	}
}

// configMap makes a directory as Kubernetes mounts a ConfigMap with
// james-norton.json: dir/james-norton.json -> ..data/james-norton.json,
// ..data -> version, the directory that holds the file.
func configMap(t *testing.T, version, content string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, version), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, version, "james-norton.json"), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(version, filepath.Join(dir, "..data")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("..data/james-norton.json", filepath.Join(dir, "james-norton.json")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestServeDataDirectory checks that serve's and export's -data name what
// is wrong with the directory the user gave: serve said "open .: no such
// file or directory".
func TestServeDataDirectory(t *testing.T) {
	file := filepath.Join(writeFiles(t, map[string]string{"a.json": "{}"}), "a.json")
	empty := t.TempDir()
	for _, tt := range []struct {
		dir, want string
	}{
		{"/no/such/dir", "liaison serve: -data /no/such/dir: no such directory\n"},
		{file, "liaison serve: -data " + file + ": not a directory: -data names the directory that holds the timeline files\n"},
		{empty, "liaison serve: -data " + empty + ": no timeline (.json file) in the data directory\n"},
	} {
		for _, args := range [][]string{{"serve", "-addr", "127.0.0.1:0"}, {"export", "-o", t.TempDir()}} {
			command := args[0]
			var stderr bytes.Buffer
			code := run(context.Background(), append(args, "-data", tt.dir), &bytes.Buffer{}, &stderr)
			if want := strings.Replace(tt.want, "serve", command, 1); code != 1 || stderr.String() != want {
				t.Errorf("%s -data %s: exit %d, %q; want 1, %q", command, tt.dir, code, stderr.String(), want)
			}
		}
	}
}

// TestValidateWritesNoControlCharacters validates files that put control
// characters everywhere a file can, and in a file's name: validate's text
// and JSON name each field they are in, and neither they nor serve write
// any raw, where an ESC would recolour or clear the terminal.
func TestValidateWritesNoControlCharacters(t *testing.T) {
	const esc = "\x1b[2J"
	dir := writeFiles(t, map[string]string{
		"t.json": `{"schema": "timeline/v1", "id": "t", "title": "T\u001b[2J",
  "people": [{"id": "ann", "name": "Ann", "\u001b[31m": 1}, {"id": "bob\u0007", "name": "Bob"}],
  "relationships": [{"id": "r", "people": ["ann", "bob"], "phases": [{"status": "dat\u009bing", "from": "2018"}]}]}`,
		"w" + esc + ".json": `{"schema": "timeline/v1", "id": "w", "title": "W", "people": [{"id": "a", "name": "Ann\u001b[2J"}], "relationships": []}`,
	})
	for _, format := range []string{"text", "json"} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), []string{"validate", "-format", format, dir}, &stdout, &stderr)
		out := stdout.String() + stderr.String()
		if code != 1 {
			t.Errorf("-format %s: exit %d, want 1", format, code)
		}
		for _, want := range []struct{ path, message string }{
			{"title", "expected text without control characters"},
			{`people[0]["\x1b[31m"]`, "unknown field"},
			{"people[1].id", "expected text without control characters"},
			{"relationships[0].phases[0].status", "expected text without control characters"},
			{"people[0].name", "expected text without control characters"},
		} {
			text := want.path + ": " + want.message
			if format == "json" {
				path, _ := json.Marshal(want.path)
				text = `"path": ` + string(path) + ",\n"
			}
			if !strings.Contains(out, text) || !strings.Contains(out, want.message) {
				t.Errorf("-format %s lacks %q:\n%s", format, text, out)
			}
		}
		if i := strings.IndexFunc(out, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }); i >= 0 {
			t.Errorf("-format %s wrote a control character (%q) at byte %d:\n%q", format, out[i], i, out)
		}
	}
	// serve, which does not start on the files, prints the same problems.
	var stderr bytes.Buffer
	if code := run(context.Background(), []string{"serve", "-addr", "127.0.0.1:0", "-data", dir}, &bytes.Buffer{}, &stderr); code != 1 ||
		!strings.Contains(stderr.String(), `w\x1b[2J.json"`) || strings.ContainsFunc(stderr.String(), func(r rune) bool { return r != '\n' && unicode.IsControl(r) }) {
		t.Errorf("serve: exit %d, want 1 and no control character; it wrote:\n%q", code, stderr.String())
	}
}

// TestWatchFollowsTheDirectory changes the data directory of bin/liaison
// serve -watch as deployed systems do, then the timeline in it: each time
// the change is served. Before, a replaced directory stopped reloading for
// good, silently.
func TestWatchFollowsTheDirectory(t *testing.T) {
	good, err := os.ReadFile("../../data/timelines/james-norton.json")
	if err != nil {
		t.Fatal(err)
	}
	src := string(good)
	changed := strings.Replace(src, `"description": "Singer"`, `"description": "Singer-songwriter"`, 1)
	tests := []struct {
		name string
		// start makes the directory to serve; replace replaces it with
		// one that holds content.
		start   func(t *testing.T) string
		replace func(t *testing.T, dir, content string)
		log     string // what the log says of the change
	}{
		{
			name:  "removed and made again",
			start: func(t *testing.T) string { return writeFiles(t, map[string]string{"james-norton.json": src}) },
			replace: func(t *testing.T, dir, content string) {
				must(t, os.RemoveAll(dir))
				time.Sleep(2 * time.Second) // the server sees it gone: it looks each second (package server's followInterval)
				must(t, os.Mkdir(dir, 0o755))
				must(t, os.WriteFile(filepath.Join(dir, "james-norton.json"), []byte(content), 0o644))
			},
			log: "the data directory is gone",
		},
		{
			// Kubernetes updates a ConfigMap by renaming a new link,
			// ..data_tmp, over ..data.
			name:  "a ConfigMap updated",
			start: func(t *testing.T) string { return configMap(t, "..2026_11_30_10_00_00.1", src) },
			replace: func(t *testing.T, dir, content string) {
				old, err := os.Readlink(filepath.Join(dir, "..data"))
				must(t, err)
				version := fmt.Sprintf("..2026_11_30_10_05_00.%d", time.Now().UnixNano())
				must(t, os.Mkdir(filepath.Join(dir, version), 0o755))
				must(t, os.WriteFile(filepath.Join(dir, version, "james-norton.json"), []byte(content), 0o644))
				must(t, os.Symlink(version, filepath.Join(dir, "..data_tmp")))
				must(t, os.Rename(filepath.Join(dir, "..data_tmp"), filepath.Join(dir, "..data")))
				must(t, os.RemoveAll(filepath.Join(dir, old)))
			},
			log: "reloaded the data directory",
		},
		{
			// A release directory behind a link, as deploy tools swap them.
			name: "a link to the directory swapped",
			start: func(t *testing.T) string {
				root := t.TempDir()
				must(t, os.Mkdir(filepath.Join(root, "v1"), 0o755))
				must(t, os.WriteFile(filepath.Join(root, "v1", "james-norton.json"), []byte(src), 0o644))
				must(t, os.Symlink("v1", filepath.Join(root, "current")))
				return filepath.Join(root, "current")
			},
			replace: func(t *testing.T, dir, content string) {
				root := filepath.Dir(dir)
				old, err := os.Readlink(dir)
				must(t, err)
				release := fmt.Sprintf("v%d", time.Now().UnixNano())
				must(t, os.Mkdir(filepath.Join(root, release), 0o755))
				must(t, os.WriteFile(filepath.Join(root, release, "james-norton.json"), []byte(content), 0o644))
				must(t, os.Symlink(release, filepath.Join(root, "next")))
				must(t, os.Rename(filepath.Join(root, "next"), dir))
				must(t, os.RemoveAll(filepath.Join(root, old)))
			},
			log: "the data directory was replaced",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := tt.start(t)
			p := startBinary(t, "-watch", "-data", dir)
			for i, content := range []string{changed, src} {
				tt.replace(t, dir, content)
				if !eventually(func() bool {
					_, _, body := get(t, "http://"+p.addr+"/api/timelines/james-norton")
					return strings.Contains(body, "Singer-songwriter") == (i == 0)
				}) {
					t.Fatalf("change %d was not served within 10 s; the log:\n%s", i+1, p.stderr)
				}
			}
			if !strings.Contains(p.stderr.String(), tt.log) {
				t.Errorf("the log does not say %q:\n%s", tt.log, p.stderr)
			}
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestWatchCapsProblems breaks a served file with an error in each of
// 20,000 relationships: the log, the problems of the API and the page's
// banner list the first data.MaxProblems and count the others. Before,
// 150,000 errors made 150,000 log lines at each reload, a problems answer
// of 19 MB and a page of 21 MB.
func TestWatchCapsProblems(t *testing.T) {
	dir, src := defaultTimelineDir(t)
	p := startBinary(t, "-watch", "-data", dir)
	const n = 20_000
	var broken strings.Builder
	for i := range n {
		fmt.Fprintf(&broken, `{"id": "r%d", "people": ["lily-allen", "david-harbour"], "phases": [{"status": "wed", "from": "2018"}]},`+"\n", i)
	}
	file := strings.Replace(src, `"relationships": [`, `"relationships": [`+broken.String(), 1)
	if err := os.WriteFile(filepath.Join(dir, "james-norton.json"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	more := fmt.Sprintf("james-norton.json: and %d more problems after these %d: fix these first", n-data.MaxProblems, data.MaxProblems)
	waitForLog(t, p.stderr, more)

	var answer struct{ Problems []string }
	_, _, body := get(t, "http://"+p.addr+"/api/timelines/james-norton/problems")
	if err := json.Unmarshal([]byte(body), &answer); err != nil {
		t.Fatal(err)
	}
	if len(answer.Problems) != data.MaxProblems+1 || answer.Problems[data.MaxProblems] != more {
		t.Errorf("the API answers %d problems (%d bytes), want %d and then %q", len(answer.Problems), len(body), data.MaxProblems+1, more)
	}
	if lines := strings.Count(p.stderr.String(), "invalid timeline file"); lines != data.MaxProblems+1 {
		t.Errorf("the log has %d lines of problems, want %d", lines, data.MaxProblems+1)
	}
	status, _, page := get(t, "http://"+p.addr+"/t/james-norton")
	if status != http.StatusOK || !strings.Contains(page, html.EscapeString(more)) || len(page) > 200_000 {
		t.Errorf("the page: %d, %d bytes, with the count of problems: %v", status, len(page), strings.Contains(page, html.EscapeString(more)))
	}
}

// TestInterrupt sends SIGINT to bin/liaison while each command works on a
// large input: it stops at once, exits 1 and says so, and leaves no output
// file, whole or half. Before, only serve stopped on Ctrl-C.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	big := data.Generate(20_000, 100_000, 1) // 61 MB of JSON: 1.4 s to validate at best
	big.ID = "big"
	src, err := json.Marshal(big)
	must(t, err)
	must(t, os.Mkdir(filepath.Join(dir, "timelines"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "timelines", "big.json"), src, 0o644))
	var csv bytes.Buffer
	must(t, data.WriteCSV(&csv, big))
	must(t, os.WriteFile(filepath.Join(dir, "big.csv"), csv.Bytes(), 0o644))

	for _, tt := range []struct {
		args []string
		out  string // the output it must not leave
	}{
		{[]string{"validate", "timelines"}, ""},
		{[]string{"gen", "-people", "20000", "-relationships", "100000", "-o", "gen.json"}, "gen.json"},
		{[]string{"import", "big.csv", "-o", "big.json"}, "big.json"},
		{[]string{"export", "-o", "site", "-data", "timelines"}, "site"},
		{[]string{"serve", "-addr", "127.0.0.1:0", "-data", "timelines"}, ""},
	} {
		t.Run(tt.args[0], func(t *testing.T) {
			cmd := exec.Command(binaryPath(t), tt.args...)
			cmd.Dir = dir
			var stderr syncBuffer
			cmd.Stderr = &stderr
			must(t, cmd.Start())
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			time.Sleep(300 * time.Millisecond)
			must(t, cmd.Process.Signal(os.Interrupt))
			start := time.Now()
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("liaison %s did not stop within 5 s of SIGINT; it wrote:\n%s", tt.args[0], stderr.String())
			}
			want := "liaison " + tt.args[0] + ": interrupted (interrupt signal received)"
			if code := cmd.ProcessState.ExitCode(); code != 1 || !strings.Contains(stderr.String(), want) {
				t.Errorf("exit %d after %v, want 1 and %q; it wrote:\n%s", code, time.Since(start).Round(time.Millisecond), want, stderr.String())
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if name := e.Name(); name != "timelines" && name != "big.csv" {
					t.Errorf("liaison %s left %s", tt.args[0], name)
					os.RemoveAll(filepath.Join(dir, name))
				}
			}
		})
	}
}
